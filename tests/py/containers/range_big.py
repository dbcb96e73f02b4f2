# ranges of big ints
r = range(10**30)
print(r, r[10**29], r[-1], 10**29 in r, -1 in r, r.index(12345), r[10**29:10**29 + 3], r.count(7))
try:
    len(r)
except OverflowError as e:
    print(type(e).__name__, e)
print(range(10**30).__len__ is not None, r[::10**29], len(r[::10**29]))
b = range(-10**20, 10**20, 10**19)
print(len(b), list(b)[:3], list(reversed(b))[:3], b[5], 0 in b, 10**19 + 1 in b)
it = iter(range(2**63 - 2, 2**63 + 2))
print(list(it))
print(list(range(2**62 - 2, 2**62 + 1)), list(range(-2**62 + 1, -2**62 - 2, -1)))
print(list(reversed(range(2**64, 2**64 + 3))), type(iter(range(2**64))).__name__, type(iter(range(5))).__name__)
print(range(2**64, 2**64 + 10, 3)[-1], range(2**64) == range(0, 2**64), hash(range(2**64)) == hash(range(0, 2**64, 1)))
