# range membership, index, count, equality, hash, iteration
r = range(0, 100, 3)
print(99 in r, 98 in r, -3 in r, 100 in r, 3.0 in r, 3.5 in r, "x" in r, True in range(2))
print(r.index(99), r.count(99), r.count(98), r.count(3.0), r.index(3.0))
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: r.index(98))
err(lambda: r.index("x"))
err(lambda: r.index(2.0))
n = range(0, -100, -3)
print(-99 in n, n.index(-99), -98 in n, n.count(-99))
print(range(0) == range(5, 2, 3), range(0, 1) == range(0, 2, 3), range(1, 10, 2) == range(1, 11, 2), range(3) == [0, 1, 2], range(3) != range(4))
print(hash(range(0)) == hash(range(5, 5)), hash(range(0, 10, 2)) == hash(range(0, 9, 2)), hash(range(3, 4, 2)) == hash(range(3, 5, 7)))
err(lambda: range(3) < range(4))
it = iter(range(5))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), list(it))
rv = reversed(range(1, 10, 4))
print(type(rv).__name__, rv.__length_hint__(), list(rv))
print(list(reversed(range(5, -5, -2))), list(reversed(range(5, 5))), list(reversed(range(-3))))
print(sum(range(1000)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)), tuple(range(3)), set(range(3)))
