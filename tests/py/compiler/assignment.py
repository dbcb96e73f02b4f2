# Assignment forms: chained, tuple/list targets, starred unpacking, augmented
# assignment on names, attributes and subscripts, del.
a = b = c = [1]
print(a is b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), [r, s] = (1, 2), [3, 4]
print(p, q, r, s)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(e)

class O:
    pass
o = O()
o.v = 1
o.v += 10
d = {"k": 5}
d["k"] *= 3
lst = [1, 2, 3]
lst[1:] = [9]
lst[0] -= 1
print(o.v, d, lst)

n = 7
n //= 2; n **= 3; n %= 10; n <<= 2; n |= 1; n ^= 3; n &= 14; n >>= 1
print(n)
s = "ab"
s *= 3
print(s)

calls = []
class Tracked:
    def __getitem__(self, k):
        calls.append(("get", k)); return 1
    def __setitem__(self, k, v):
        calls.append(("set", k, v))
def key():
    calls.append("key"); return "k"
t = Tracked()
t[key()] += 5
print(calls)

del lst[0]
del d["k"]
del o.v
print(lst, d, hasattr(o, "v"))
x = 1
del x
try:
    x
except NameError as e:
    print(e)
a = [1, 2, 3, 4]
del a[::2]
print(a)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
