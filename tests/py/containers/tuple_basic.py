# tuple construction, indexing, slicing, repr
t = (1, 2, 3)
print(t, (), (5,), ((),), (1, (2, (3,))))
print(tuple(), tuple([1, 2]), tuple(range(4)), tuple("ab"), tuple({1: 2}))
print(t[0], t[-1], t[1:], t[::-1], t[::2], t[5:], t[-10:2], t[1:1])
print(len(t), len(()), 2 in t, 5 in t, 5 not in t)
try:
    t[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(t[True], t[-3], t[10**20:], t[:-10**20])
x = tuple(t)
print(x is t, tuple([]) is (), t[:] is t)
