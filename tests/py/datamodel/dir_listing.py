# dir() of instances, classes, modules, functions, aliases, super and descriptors.
class A:
    z = 1
    def b(self): pass
class B(A):
    y = 2
    __slots__ = ()
class C(B):
    pass
c = C()
c.q = 1
print(dir(c))
print(dir(C) == sorted(dir(C)), dir(C) == dir(c)[:0] + sorted(set(dir(C))))
print([n for n in dir(A) if not n.startswith('__')], len(dir(A)))
print(dir(object))
print(dir(type)[:10])
print(dir(int)[-8:])
print(dir(A)[:12])
import sys
print(sorted(vars(sys))[:3] == sorted(dir(sys))[:3])
def f(): pass
print(dir(f)[:6])
print(dir(None)[:5], dir(1.5)[-5:])
print(dir(list[int])[-3:])
print(dir(int | str))
print(dir(super(C, c))[:5])
print(dir(property())[-6:])
print(dir(A.b)[-6:], dir(c.b)[-6:])
