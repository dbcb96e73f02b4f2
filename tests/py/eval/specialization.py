# Specialised instructions must notice every change that invalidates them:
# globals and builtins replaced or deleted, class attributes and methods
# replaced, instance attributes added, deleted or shadowing methods, objects
# of other types arriving at the same instruction.
import sys


def read_global():
    return G


G = 1
print([read_global() for _ in range(3)])
G = 2
print(read_global())
del G
try:
    read_global()
except NameError as e:
    print(e)
G = 3
print(read_global())


def use_len(x):
    return len(x)


print([use_len("ab") for _ in range(3)])
len = lambda x: "shadowed"
print(use_len("ab"))
del len
print(use_len("abc"))
import builtins

saved = builtins.len
builtins.len = lambda x: "builtin replaced"
print(use_len("ab"))
builtins.len = saved
print(use_len("ab"))


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def get_x(o):
    return o.x


def call_get(o):
    return o.get()


ps = [P(i) for i in range(4)]
print([get_x(p) for p in ps], [call_get(p) for p in ps])
ps[0].y = 5                       # another shape
print(get_x(ps[0]), call_get(ps[0]))
ps[1].get = lambda: "instance wins"
print(call_get(ps[1]))
P.get = lambda self: "class changed"
print(call_get(ps[2]))
P.x = property(lambda self: "data descriptor wins")
print(get_x(ps[3]))
del P.x
print(get_x(ps[3]))
vars(ps[3])                       # switch to dict mode
print(get_x(ps[3]), call_get(ps[3]))


class Q:
    def get(self):
        return "Q"

    x = "class attr"


print(get_x(Q()), call_get(Q()))
print([get_x(o) for o in (ps[2], Q(), ps[2])])


def set_x(o, v):
    o.x = v


for p in ps:
    set_x(p, 10)
print([p.x for p in ps])


class S:
    __slots__ = ("x",)


s = S()
set_x(s, 7)
print(s.x)
P.x = property(lambda self: "ro")
try:
    set_x(ps[2], 1)
except AttributeError as e:
    print("AttributeError")
del P.x


def appends(lst):
    for i in range(3):
        lst.append(i)
    return lst


print(appends([]), appends([9]))


class L(list):
    def append(self, v):
        super().append(v * 10)


print(appends(L()))


def pairs(a, b):
    c = a
    d = b
    return c, d


print(pairs(1, 2), pairs("x", None))
print(sys.getrecursionlimit())
