# Unpacking targets (nested, starred, into attributes and subscripts) with
# their run-time errors, and del of every target kind.
class O:
    pass

o = O()
d = {}
lst = [0] * 6
(a, [b, *c]), o.x, d["k"], lst[1:3], *rest = (1, (2, 3, 4)), "attr", "item", "xy", 9, 8
print(a, b, c, o.x, d, lst, rest)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
[x] = [1]
(y,) = "y"
print(x, y)
for i, (j, *k) in [(1, (2, 3)), (4, (5,))]:
    print(i, j, k)

def unpack(src, n):
    try:
        if n == 2:
            p, q = src
            return p, q
        p, q, *r = src
        return p, q, r
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)

print(unpack([1, 2, 3], 2))
print(unpack([1], 2))
print(unpack([1], 3))
print(unpack(5, 2))
print(unpack(iter(range(10)), 2))

# Swaps (compiled without building tuples) evaluate right side first.
p, q, r = 1, 2, 3
p, q, r = r, p, q
print(p, q, r)
lst2 = [1, 2]
lst2[0], lst2[1] = lst2[1], lst2[0]
print(lst2)

# del
g1 = 1
def del_global():
    global g1
    del g1
del_global()
print("g1" in globals())

def del_local():
    v = 1
    del v
    try:
        print(v)
    except UnboundLocalError as e:
        print(e)
del_local()

def del_cell():
    v = 1
    def read():
        return v
    del v
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
del_cell()

o.y = 1
del o.x, o.y
print(vars(o))
seq = list(range(10))
del seq[0], seq[::2], seq[-1]
print(seq)
del d["k"]
print(d)
(m, n) = 1, 2
del (m, n)
[m] = [3]
del [m]
try:
    del undefined_name
except NameError as e:
    print(e)
