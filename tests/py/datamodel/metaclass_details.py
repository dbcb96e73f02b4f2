# Metaclass keywords, __prepare__, __call__, class decorators, __qualname__/__module__, mro() overrides.
class A:
    "A doc"
class B(A): pass
print(B.__doc__, A().__doc__, B().__doc__)
class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name, kw)
        super().__init__(name, bases, ns)
X = M('X', (), {}, a=1)
print(type(X))
try: type('Y', (), {}, a=1)
except TypeError as e: print(e)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
Z = type('Z', (Base,), {}, q=2) if False else None
try:
    Z = type('Z', (Base,), {}, q=2)
except TypeError as e: print(e)
Z2 = type.__new__(type, 'Z2', (Base,), {})
class PrepBad(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 42
try:
    class C(metaclass=PrepBad): pass
except TypeError as e: print(e)
class PrepNone(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw): return None
try:
    class C2(metaclass=PrepNone): pass
except TypeError as e: print(e)
class MCall(type):
    def __call__(cls, *a): return ("not an instance", a)
class K(metaclass=MCall): pass
print(K(1, 2))
def class_deco(cls):
    cls.tag = "decorated"
    return cls
def replace(cls): return 42
@class_deco
@class_deco
class D: pass
print(D.tag)
@replace
class E: pass
print(E)
def f():
    class Local:
        def m(self):
            def inner(): pass
            return inner
    return Local
print(f().__qualname__, f().m.__qualname__, f()().m().__qualname__)
class Outer:
    class Inner:
        class Deepest:
            def meth(self): pass
print(Outer.Inner.Deepest.__qualname__, Outer.Inner.Deepest.meth.__qualname__, Outer.Inner.__module__)
class Q:
    __qualname__ = "Custom.Name"
print(Q.__qualname__, Q)
class Mod:
    __module__ = "fake.module"
print(Mod, Mod.__module__)
g = {'__name__': 'mymod'}
exec("class InExec: pass", g)
print(g['InExec'].__module__, g['InExec'])
g2 = {}
exec("class NoName: pass", g2)
print(g2['NoName'].__module__ if '__module__' in g2['NoName'].__dict__ else 'no __module__', g2['NoName'])
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(repr(WithMeta), type(WithMeta), WithMeta.__class__, Meta.__class__)
class MetaRepr(type):
    def __repr__(cls): return f"<custom {cls.__name__}>"
class MR(metaclass=MetaRepr): pass
print(MR, [MR], str(MR))
class Meta2(type):
    def __init_subclass__(cls, **kw): print("Meta2 init_subclass", cls.__name__)
class Meta3(Meta2): pass
print(Meta3.__mro__)
class Kw(metaclass=Meta, **{}): pass
try:
    class Kw2(metaclass=Meta, bogus=1): pass
except TypeError as e: print(e)
class NS(dict):
    def __getitem__(self, k):
        if k == 'magic': return 'from namespace'
        return super().__getitem__(k)
class MNS(type):
    @classmethod
    def __prepare__(m, n, b): return NS()
    def __new__(m, n, b, ns): return super().__new__(m, n, b, dict(ns))
class UsesNS(metaclass=MNS):
    x = magic
print(UsesNS.x)
class SP:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class Late: pass
Late.attr = SP()
print("no set_name for late assignment")
type('TN', (), {'d': SP()})
class CGI:
    @classmethod
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(CGI[int])
class CGI2:
    __class_getitem__ = lambda cls, item: ("lambda", item)
print(CGI2[1])
class NoCGI: pass
try: NoCGI[1]
except TypeError as e: print(e)
try: NoCGI()[1]
except TypeError as e: print(e)
class Mro1(type):
    def mro(cls):
        return (cls,) + tuple(c for c in super().mro()[1:] if c is not Hidden)
class Hidden:
    h = 1
class UsesMro(Hidden, metaclass=Mro1): pass
print(UsesMro.__mro__, hasattr(UsesMro, 'h'))
class BadMro(type):
    def mro(cls): return [1]
try:
    class BM(metaclass=BadMro): pass
except TypeError as e: print(e)
print(int.mro(), type.mro(type) if False else type.mro(int))
