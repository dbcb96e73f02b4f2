# set comparisons and hashing
a, b = set([1, 2]), set([1, 2, 3])
print(a < b, a <= b, b > a, b >= a, a == b, a != b, a < a, a <= a, a == set([2, 1]), a == frozenset([1, 2]))
print(a == [1, 2], a != [1, 2], frozenset(a) == a, set() == frozenset())
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: a < [1])
err(lambda: hash(a))
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset(range(10))), hash(frozenset([-5, (1, 2), 77])))
print(hash(frozenset([frozenset([1]), frozenset([2])])), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
f = frozenset(range(100))
g = frozenset(range(99, -1, -1))
print(hash(f) == hash(g), f == g)
d = {frozenset([1, 2]): "x"}
print(d[frozenset([2, 1])])
