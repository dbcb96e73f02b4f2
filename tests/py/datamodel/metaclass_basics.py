# type(name, bases, ns), metaclasses, __init_subclass__, __set_name__, __class_getitem__, __mro_entries__.
X = type('X', (), {'a': 1, 'f': lambda self: self.a + 1})
print(X, X.__name__, X.__qualname__, X.__module__, X().f(), X.__bases__, X.__mro__)
Y = type('Y', (X,), {})
print(Y().f(), Y.__base__, type(Y))
try: type('Z', 1, {})
except TypeError as e: print(e)
try: type('Z', (), [])
except TypeError as e: print(e)
try: type(1, (), {})
except TypeError as e: print(e)
try: type('a', 'b')
except TypeError as e: print(e)
try: type()
except TypeError as e: print(e)
try: type('Z', (1,), {})
except TypeError as e: print(e)
try: type('Z', (bool,), {})
except TypeError as e: print(e)
class OD(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, bases, kw)
        return OD()
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, type(ns).__name__, ns.order, kw)
        return super().__new__(mcls, name, bases, dict(ns))
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a, k)
        return super().__call__(*a, **k)
class A(metaclass=M, flag=1):
    x = 1
    def f(self): pass
    y = 2
a = A()
print(type(A).__name__, isinstance(A, M), type(a).__name__)
class B(A): z = 3
print(type(B))
class M2(type): pass
class M3(type): pass
class C2(metaclass=M2): pass
class C3(metaclass=M3): pass
try:
    class D(C2, C3): pass
except TypeError as e: print(e)
class M23(M2, M3): pass
class D2(C2, C3, metaclass=M23): pass
print(type(D2).__name__)
def func_meta(name, bases, ns):
    print("func meta", name, sorted(k for k in ns if not k.startswith('__')))
    return 42
class F(metaclass=func_meta):
    a = 1
print(F)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        print("init_subclass", cls.__name__, tag, kw)
        super().__init_subclass__(**kw)
        cls.tag = tag
class K(Base, tag="t1"): pass
print(K.tag)
try:
    class K2(Base, tag="t", other=1): pass
except TypeError as e: print(e)
try:
    class K3(foo=1): pass
except TypeError as e: print(e)
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class H:
    d1 = Desc()
    d2 = Desc()
print(H.d1.name, H.d2.name)
class G:
    def __class_getitem__(cls, item):
        return f"G[{item}]"
print(G[int], G[1, 2])
class Sub(G): pass
print(Sub["x"])
class ME:
    def __mro_entries__(self, bases):
        print("mro_entries", [type(b).__name__ for b in bases])
        return (int,)
me = ME()
class FromME(me): pass
print(FromME.__bases__, FromME.__orig_bases__ == (me,), FromME(5))
try:
    type('T', (me,), {})
except TypeError as e: print(e)
class Doc:
    "docstring here"
print(Doc.__doc__, Doc().__doc__)
class NoDoc: pass
print(NoDoc.__doc__)
def outer():
    class Inner:
        class Deep: pass
    return Inner
print(outer().__qualname__, outer().Deep.__qualname__, outer().__module__)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Dd: pass
print(Dd.decorated)
class P1: pass
class P2(P1): pass
class P3(P1): pass
print(P1.__subclasses__())
class Meta4(type):
    def mro(cls):
        print("custom mro", cls.__name__)
        return [cls, object]
class Q1: x = 1
class Q2(Q1, metaclass=Meta4): pass
print(Q2.__mro__, hasattr(Q2, 'x'))
print(type.__prepare__('a', ()), type(type.__prepare__()))
