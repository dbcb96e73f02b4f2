# set algebra, operators and methods; results print in CPython's order
s = set(range(20))
print(s ^ set([5, 100]), set([5, 100]) ^ s, s | set([500, -100]), set([500, -100]) | s)
print(set([500, -100, 3, 19]) & s, s & set([500, -100, 3, 19]), s - set([500, -100, 3, 19]), set([3, 500]) - s)
print(s.union(range(100, 90, -2), [-7], set([55])), s.union(), s.intersection(range(5, 100, 5), [15, 10]))
print(s.difference(range(5, 100, 5), [1, 2]), s.symmetric_difference(range(15, 25)), s.intersection())
print(s.issubset(range(30)), s.issuperset(range(30)), s.issuperset(range(5)), s.isdisjoint(range(20, 30)), s.isdisjoint([19]))
t = set(s)
t.intersection_update(range(0, 40, 3)); print(t)
t.difference_update([0, 3], range(6, 10)); print(t)
t.symmetric_difference_update([12, 13, 14]); print(t)
t.update([100, 200], (300,)); print(t)
t |= set([1]); t &= set(range(50)); t -= set([1]); t ^= set([2, 3]); print(t)
a = frozenset([1, 2, 3])
print(a | set([4]), set([4]) | a, a & set([2]), a - set([1]), a ^ set([1, 9]), type(a | set()).__name__, type(set() | a).__name__)
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: s | [1])
err(lambda: s & (1,))
err(lambda: s - 1)
err(lambda: s ^ "x")
err(lambda: s.union(1))
err(lambda: s.symmetric_difference())
def f1():
    t = set(); t |= [1]
err(f1)
