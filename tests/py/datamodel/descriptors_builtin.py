# property, classmethod, staticmethod, bound methods and built-in descriptors.
class C:
    def getx(self): return 1
    x = property(getx, doc="xdoc")
    @property
    def y(self):
        "ydoc"
        return 2
p = C.__dict__['x']
print(p.fget.__name__, p.fset, p.fdel, p.__doc__, C.y.__doc__, C.__dict__['y'].__isabstractmethod__)
print(type(p).__name__, p.__get__(None, C) is p, p.__get__(C()))
try: p.__set__(C(), 1)
except AttributeError as e: print(e)
try: p.__delete__(C())
except AttributeError as e: print(e)
q = p.setter(lambda s, v: None)
print(q is p, q.fget is p.fget, q.fset is not None, q.__doc__)
class MP(property):
    "subclass doc"
mp = MP(lambda s: 5)
print(mp.__doc__)
class D:
    @MP
    def z(self):
        "zdoc"
        return 3
print(D().z, D.z.__doc__, type(D.z.setter(lambda s, v: 0)).__name__)
try: property(1)(None)
except TypeError as e: print(e)
class E:
    x = property()
try: E().x
except AttributeError as e: print(e)
try: E().x = 1
except AttributeError as e: print(e)
try: del E().x
except AttributeError as e: print(e)
class F:
    @property
    def a(self): raise AttributeError("inner a")
    def __getattr__(self, n): return "getattr " + n
print(F().a)
print(type(property.__doc__))
class AbsP:
    def f(self): pass
    f.__isabstractmethod__ = True
    p = property(f)
print(AbsP.p.__isabstractmethod__)
cm = classmethod(lambda c: c)
print(cm.__isabstractmethod__, cm.__func__ is not None)
sm = staticmethod(lambda: 1)
print(repr(sm)[:25], sm())
class G:
    @classmethod
    def c(cls): return cls
    @staticmethod
    def s(): return 's'
print(G.c(), G().c(), G.__dict__['c'].__get__(None, int)(), G.__dict__['s'].__get__(None, G)())
bm = G().c
print(type(bm).__name__, bm.__self__, bm.__func__.__name__)
def free(self, *a): return (self, a)
import sys
m = type(G().c)(free, 5)
print(m(1, 2), m.__self__, m.__func__ is free)
try: type(G().c)(1, 5)
except TypeError as e: print(e)
class H:
    def m(self): pass
h1, h2 = H(), H()
print(h1.m == h1.m, h1.m == h2.m, h1.m != h2.m, H.m == H.m)
class Eq:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
    def m(self): pass
a, b = Eq(), Eq()
print(a.m == b.m)
print(repr(h1.m).startswith('<bound method H.m of <__main__.H object'))
class K:
    __slots__ = ()
    def m(self): pass
print(K().m.__name__, K().m.__doc__, K.m.__qualname__)
try: K().m.x = 1
except AttributeError as e: print(e)
H.m.x = 5
print(h1.m.x)
try: h1.m.y = 1
except AttributeError as e: print(e)
print(h1.m.__class__, h1.m.__defaults__, h1.m.__code__.co_name)
class CallableObj:
    def __call__(self, *a): return a
class UsesCO:
    meth = CallableObj()
print(UsesCO().meth(1))
print([].append.__self__, [].append.__name__, type([].append).__name__, list.append.__objclass__)
print(type(int.__add__).__name__, type((1).__add__).__name__, type(dict.fromkeys).__name__, type(object.__init_subclass__).__name__)
print(repr(list.append), repr(int.__add__), repr(dict.__dict__['fromkeys'])[:45])
print(str.join.__qualname__, int.__add__.__qualname__, [].append.__qualname__)
print(list.__dict__['append'].__get__([1])(2) is None)
