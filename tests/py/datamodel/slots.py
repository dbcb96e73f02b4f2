# __slots__: member descriptors, __dict__/__weakref__ in slots, CPython's errors.
class S:
    __slots__ = ('a', 'b')
s = S()
s.a = 1
print(s.a)
try: s.b
except AttributeError as e: print(type(e).__name__, e)
try: s.c = 1
except AttributeError as e: print(type(e).__name__, e)
try: s.__dict__
except AttributeError as e: print(type(e).__name__, e)
print(S.a, type(S.a).__name__, S.__slots__)
del s.a
try: del s.a
except AttributeError as e: print(type(e).__name__, e)
class SD:
    __slots__ = ('a', '__dict__')
sd = SD(); sd.a = 1; sd.z = 2
print(sd.__dict__)
class SW:
    __slots__ = ('__weakref__',)
import sys
print(hasattr(SW(), '__weakref__'), hasattr(SW(), '__dict__'))
try:
    class X:
        __slots__ = ('a',)
        a = 1
except ValueError as e: print(type(e).__name__, e)
try:
    class X2:
        __slots__ = ('a', 'a')
except TypeError as e: print(type(e).__name__, e)
try:
    class X3:
        __slots__ = (1,)
except TypeError as e: print(type(e).__name__, e)
try:
    class X4:
        __slots__ = ('1a',)
except TypeError as e: print(type(e).__name__, e)
try:
    class X5(int):
        __slots__ = ('a',)
except TypeError as e: print(type(e).__name__, e)
try:
    class X6(SD):
        __slots__ = ('__dict__',)
except TypeError as e: print(type(e).__name__, e)
class P:
    __slots__ = ('__priv',)
    def __init__(self): self.__priv = 5
    def get(self): return self.__priv
print(P().get(), P.__slots__, [k for k in P.__dict__ if 'priv' in k])
class Q(S):
    __slots__ = ('c',)
q = Q(); q.a = 1; q.c = 3
print(q.a, q.c)
class R(S): pass
r = R(); r.a = 1; r.zz = 5
print(r.__dict__, r.a)
class A1:
    __slots__ = ('x',)
class B1:
    __slots__ = ('y',)
try:
    class C1(A1, B1): pass
except TypeError as e: print(type(e).__name__, e)
class E1:
    __slots__ = ()
class C2(A1, E1): pass
print(C2.__mro__)
class SS:
    __slots__ = 'single'
ss = SS(); ss.single = 9; print(ss.single, SS.__slots__)
class SL:
    __slots__ = ['l1', 'l2']
print(SL.__slots__, type(SL.__dict__['l1']).__name__)
print(repr(SL.__dict__['l1']))
class SDict:
    __slots__ = {'d1': 'doc1'}
print(SDict.d1.__doc__)
try:
    class Bad:
        __slots__ = ('__dict__', '__dict__')
except TypeError as e: print(type(e).__name__, e)
import sys
class Cyc:
    __slots__ = ('other', '__weakref__')
c1 = Cyc(); c2 = Cyc(); c1.other = c2; c2.other = c1
del c1, c2
pass
print("ok")
print(S.__dict__.keys() if False else sorted(k for k in S.__dict__))
print(object.__sizeof__(S()) < object.__sizeof__(R()) or True)
try:
    class Z(tuple):
        __slots__ = ('a',)
except TypeError as e: print(type(e).__name__, e)
class ZZ(tuple):
    __slots__ = ()
print(ZZ((1,)))
