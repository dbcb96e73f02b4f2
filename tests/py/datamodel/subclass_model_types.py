# Subclasses of the object model's own built-ins: GenericAlias, classmethod, staticmethod, super, property, module, type; unsubclassable types.
GA = type(list[int])
class MyGA(GA):
    def extra(self): return "extra"
g = MyGA(list, int)
print(g, type(g).__name__, g.extra(), g.__origin__, g == list[int])
del g
class MyCM(classmethod):
    pass
class MySM(staticmethod):
    def __call__(self, *a): return ("called", a)
class K:
    @MyCM
    def c(cls): return cls.__name__
    @MySM
    def s(): return "s"
print(K.c(), K.s(), type(K.__dict__['c']).__name__, K.__dict__['s']())
class MySuper(super):
    pass
class A:
    def f(self): return "A.f"
class B(A):
    def f(self): return "B>" + MySuper(B, self).f()
print(B().f(), type(MySuper(B, B())).__name__)
class MyProp(property):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1
class P:
    @MyProp
    def x(self): return 5
print(P().x, P.__dict__['x'].extra)
import sys
class MyMod(type(sys)):
    def __init__(self, name):
        super().__init__(name)
        self.custom = True
m = MyMod("mm")
print(m, m.custom)
class MyType(type):
    def __new__(m, *a): return super().__new__(m, *a)
X = MyType("X", (), {})
print(X, type(X).__name__)
class MyObj(object): pass
class MyExc(BaseException): pass
print(MyExc(1).args)
class MyRange:
    pass
try:
    class R(range): pass
except TypeError as e: print(e)
for t in (type(None), type(NotImplemented), type(Ellipsis), bool, slice, memoryview if 'memoryview' in dir(__builtins__) else range, type(len), type(lambda: 0), type(iter([])), type({}.keys())):
    try:
        class S(t): pass
        print("ok", t.__name__)
    except TypeError as e: print(e)
