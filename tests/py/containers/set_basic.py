# set construction and repr (int elements: order matches CPython)
print(set(), set([3, 1, 2]), set(range(20)), set((5, -5, 1000, 8, 16)), frozenset(), frozenset([1]), frozenset(range(3)))
print(set("a"), set({1: 2, 3: 4}), set(frozenset([4, 2])), frozenset(set([9, 8])), set([1, 1, 1, 2]))
s = set([-1, -2, 8, 16, 1000, 1 << 20, 33, 65])
print(s, len(s), 8 in s, 9 in s, 9 not in s, bool(set()), bool(s))
print(set(range(0, 100, 7)), set(range(100, 0, -9)), set([2**64, 2**64 + 1, -2**64]))
print(set([(1, 2), (2, 1), (0, 0)]), set([1.5, 2.5, 0.5]))
f = frozenset([1, 2])
print(frozenset(f) is f, set(f) is f, f.copy() is f, type(f.copy()).__name__)
try:
    set([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(a=1)
except TypeError as e:
    print(type(e).__name__, e)
