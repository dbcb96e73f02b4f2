# super() in every position: methods, classmethods, staticmethods, nested functions, generators, comprehensions.
class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
    @staticmethod
    def s(): return "A.s"
    def g(self): return "A.g"
class B(A):
    def f(self):
        return "B>" + super().f()
    @classmethod
    def c(cls):
        return ("B", super().c())
    @staticmethod
    def s():
        try:
            return super().s()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
    def nested(self):
        def inner():
            return super().f()
        try:
            return inner()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
    def nested2(self):
        def inner(x):
            return super(B, self).f()
        return inner(1)
    def gen(self):
        yield super().f()
        yield super().g()
    def comp(self):
        return [super().f() for _ in range(2)]
    def lam(self):
        return (lambda: super().f())
    def uses_class(self):
        return __class__
    def closure_self(self):
        def inner():
            return self
        return super().f(), inner() is self
b = B()
print(b.f(), B.c(), b.c(), B.s(), b.nested(), b.nested2(), list(b.gen()), b.comp())
try:
    print(b.lam()())
except RuntimeError as e:
    print("RuntimeError", e)
print(b.uses_class(), b.closure_self())
print(super(B, b).f(), super(B, B).c(), super(A, b).__class__)
class C(B):
    def f(self): return "C>" + super().f()
print(C().f(), super(B, C()).f())
class D:
    def __init__(self):
        super().__init__()
print(type(D()).__name__)
try: super(B, 1)
except TypeError as e: print(e)
try: super(1, b)
except TypeError as e: print(e)
try: super()
except RuntimeError as e: print(e)
def f(): return super()
try: f()
except RuntimeError as e: print(e)
def g(x): return super()
try: g(1)
except RuntimeError as e: print(e)
s = super(B, b)
print(s.__thisclass__, s.__self__ is b, s.__self_class__)
s2 = super(B)
print(s2.__thisclass__, s2.__self__, s2.__self_class__)
print(repr(super(B, b)), repr(super(B)))
print(super(B, B).f(b))
class E(A):
    def f(self):
        del self
        try: return super().f()
        except RuntimeError as e: return "RE " + str(e)
print(E().f())
class F(A):
    def f(self, *args):
        return super().f()
print(F().f())
class G(A):
    def f(*args):
        return super().f()
print(G().f())
class H(A):
    def f(self):
        self = 5
        try: return super().f()
        except TypeError as e: return "TE " + str(e)
print(H().f())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)
    def method(cls):
        return super().__repr__()
class WM(metaclass=Meta): pass
print(WM.method())
class P:
    @property
    def x(self): return 1
class Q(P):
    @property
    def x(self): return super().x + 1
print(Q().x)
class R:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        print("R init sub", cls.__name__)
class RR(R): pass
class S:
    def __class_getitem__(cls, k):
        return super().__class_getitem__ if hasattr(super(), '__class_getitem__') else k
print(S[3])
class T(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
print(T(a=2)['a'])
class U(A):
    x = [super for _ in range(1)]
print(U.x[0] is super)
class V(A):
    def f(self):
        class Inner:
            def m(s2): return __class__.__name__
        return Inner().m(), __class__.__name__
print(V().f())
