# The attribute lookup protocol: descriptors, __getattribute__/__getattr__/__setattr__/__delattr__, __dir__, vars().
class DataD:
    def __get__(self, obj, typ=None):
        return ("data", obj is None, typ.__name__ if typ else None)
    def __set__(self, obj, v):
        print("set", v)
class NonData:
    def __get__(self, obj, typ=None):
        return "nondata"
class C:
    d = DataD()
    n = NonData()
c = C()
c.__dict__['d'] = 'inst'
c.__dict__['n'] = 'inst'
print(c.d, c.n, C.d, C.n)
c.d = 5
print(c.__dict__)
class DelD:
    def __get__(self, o, t): return 1
    def __delete__(self, o): print("delete called")
class C2:
    x = DelD()
c2 = C2()
del c2.x
try: c2.x = 1
except AttributeError as e: print(type(e).__name__, e)
class GA:
    def __getattribute__(self, name):
        if name == 'magic': return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
g = GA()
g.real = 1
print(g.magic, g.real, g.missing)
class GA2:
    def __getattr__(self, name):
        if name.startswith('x'): return name
        raise AttributeError(name)
g2 = GA2()
print(g2.xyz, hasattr(g2, 'abc'), getattr(g2, 'abc', 'dflt'))
class Prop:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting"); self._x = None
p = Prop()
p.x = 5
print(p.x, Prop.x.__doc__)
del p.x
print(p.x)
class RO:
    @property
    def y(self): return 1
try: RO().y = 2
except AttributeError as e: print(e)
try: del RO().y
except AttributeError as e: print(e)
class NoGet:
    y = property(None, lambda s, v: None)
try: NoGet().y
except AttributeError as e: print(e)
class MyProp(property):
    def __get__(self, obj, typ=None):
        r = super().__get__(obj, typ)
        return ("myprop", r) if obj is not None else self
class UP:
    @MyProp
    def z(self): return 7
print(UP().z, type(UP.z).__name__)
class SA:
    def __setattr__(self, k, v):
        print("setattr", k, v)
        super().__setattr__(k, v.upper() if isinstance(v, str) else v)
    def __delattr__(self, k):
        print("delattr", k)
        super().__delattr__(k)
sa = SA()
sa.a = "x"
print(sa.a)
del sa.a
try: del sa.a
except AttributeError as e: print(type(e).__name__, e)
class Dr:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(Dr()))
class Dr2:
    z = 1
    def __init__(self): self.y = 2
print([n for n in dir(Dr2()) if not n.startswith('__')])
print(dir(Dr2) == sorted(dir(Dr2)))
class CM:
    @classmethod
    def m(cls, x): return (cls.__name__, x)
    @staticmethod
    def s(x): return x
class CM2(CM): pass
print(CM.m(1), CM2.m(2), CM2().m(3), CM.s(4), CM().s(5))
print(type(CM.__dict__['m']).__name__, CM.__dict__['m'].__func__.__name__, CM.__dict__['s'].__func__.__name__)
class Bm:
    def meth(self): return 1
b1 = Bm()
m1, m2 = b1.meth, b1.meth
print(m1 == m2, m1 is m2, m1.__self__ is b1, m1.__func__ is Bm.meth, hash(m1) == hash(m2), Bm().meth == b1.meth)
print(m1.__name__, m1.__qualname__, m1.__doc__)
print(repr(Bm.meth)[:22])
v = vars(b1); b1.q = 1; print(vars(b1))
try: vars(1)
except TypeError as e: print(e)
import sys
print(type(vars(sys)).__name__)
print(type(Bm.__dict__).__name__)
try: Bm.__dict__['x'] = 1
except TypeError as e: print(e)
b1.__dict__ = {'new': 1}
print(b1.new, vars(b1))
try: b1.__dict__ = 5
except TypeError as e: print(e)
class DescInst:
    def __get__(self, o, t): return 'from get'
class HasInst:
    pass
h = HasInst()
h.attr = DescInst()
print(h.attr.__class__.__name__)
HasInst.attr2 = DescInst()
print(h.attr2)
class SM:
    x = staticmethod(len)
    y = classmethod(lambda c: c.__name__)
print(SM.x([1,2]), SM().y(), SM.y())
print(staticmethod(len)([1]))
class W:
    @staticmethod
    def f(): "docf"; pass
print(W.__dict__['f'].__doc__ if False else W.f.__doc__, W.__dict__['f'].__wrapped__ is W.f)
class CMp:
    @classmethod
    @property
    def cp(cls): return cls.__name__ + "!"
print(CMp.cp)
print(getattr(1, 'real'), getattr(C, 'missing', None))
try: getattr(c, 1)
except TypeError as e: print(e)
try: setattr(c, 1, 2)
except TypeError as e: print(e)
try: object().x = 1
except AttributeError as e: print(e)
try: object().x
except AttributeError as e: print(e)
try: C.missing
except AttributeError as e: print(e)
try: (1).x = 1
except AttributeError as e: print(e)
try: int.x = 1
except TypeError as e: print(e)
try: del int.real
except TypeError as e: print(e)
try: [].append = 1
except AttributeError as e: print(e)
