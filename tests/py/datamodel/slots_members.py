# __slots__ members: deletion, descriptors, inheritance, string/iterator/dict forms, errors.
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {e}"
class C:
    __slots__ = ['a', 'b']
c = C()
print(t(lambda: c.a), t(lambda: delattr(c, 'a')))
c.a = 1
del c.a
print(t(lambda: c.a), t(lambda: delattr(c, 'a')))
print(t(lambda: C.a.__get__(1)), t(lambda: C.a.__set__(1, 2)), t(lambda: C.a.__get__(None, C) is C.a))
print(C.a.__name__, C.a.__qualname__, C.a.__objclass__, C.a.__doc__)
class D(C):
    __slots__ = ['c']
d = D(); d.a = 1; d.c = 3
print(d.a, d.c, t(lambda: d.b), sorted(k for k in D.__dict__))
class E:
    __slots__ = ()
print(t(lambda: E().__dict__), t(lambda: setattr(E(), 'x', 1)), t(lambda: vars(E())))
class F:
    __slots__ = ('x',)
    x_default = 5
    def __init__(self): self.x = self.x_default
print(F().x)
class G:
    __slots__ = ['__dict__']
g = G(); g.q = 1; print(g.__dict__, t(lambda: G.__dict__['__dict__']))
class H(G):
    __slots__ = ['h']
hh = H(); hh.h = 1; hh.z = 2; print(hh.h, hh.__dict__)
class I:
    __slots__ = 'i'
    def __init__(self): self.i = 'slot i'
print(I().i, I.__slots__)
class J:
    __slots__ = iter(['j1', 'j2'])
print(sorted(k for k in J.__dict__ if k.startswith('j')), type(J.__slots__).__name__)
class K:
    __slots__ = {'k': 'the k doc'}
print(K.k.__doc__, K.__slots__)
class L(int):
    __slots__ = ()
print(t(lambda: L(3).__dict__), L(3) + 1)
class M(str):
    __slots__ = ()
print(M("m") * 2, t(lambda: setattr(M("m"), 'x', 1)))
import sys
class N:
    __slots__ = ('a',)
    def __getstate__(self): return self.a
class O:
    __slots__ = ('_O__private', '__dunder__')
print(sorted(k for k in O.__dict__ if 'priv' in k or 'dunder' in k))
class P:
    __slots__ = ['__weakref__', 'p']
print(sorted(k for k in P.__dict__ if not k.startswith('__') or k == '__weakref__'))
print(t(lambda: type('X', (), {'__slots__': 5})))
print(t(lambda: type('X', (), {'__slots__': [1]})))
print(t(lambda: type('X', (), {'__slots__': ['a b']})))
print(t(lambda: type('X', (), {'__slots__': ['']})))
print(t(lambda: type('X', (), {'__slots__': ('__dict__', 'x', '__dict__')})))
