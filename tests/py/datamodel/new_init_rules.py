# object.__new__/__init__ argument rules across __new__/__init__ overrides; abstract classes.
def t(f):
    try: return f()
    except TypeError as e: return f"TypeError: {e}"
class A: pass
class B:
    def __init__(self, x): self.x = x
class C:
    def __new__(cls, x): return super().__new__(cls)
class D:
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
class E:
    def __init__(self, *a, **k): super().__init__(*a, **k)
class F(B): pass
class G:
    def __new__(cls, x): return object.__new__(cls)
    def __init__(self, x): pass
print(t(lambda: A(1)), t(lambda: A(x=1)), t(lambda: B()), t(lambda: B(1, 2)), t(lambda: C(1).__class__.__name__))
print(t(lambda: D(1)), t(lambda: type(D())), t(lambda: E(1)), t(lambda: type(E())), t(lambda: F(1).x), t(lambda: G(1).__class__.__name__))
print(t(lambda: object(1)), t(lambda: object.__new__(A, 1)), t(lambda: object.__init__(A(), 1)), t(lambda: type(object.__new__(B, 1))))
print(t(lambda: object.__init__(B(1), 1)), t(lambda: object.__new__(C, 1)))
print(t(lambda: int.__init__(5, 1, 2, 3)), t(lambda: list.__init__([], 1, 2)), t(lambda: object.__new__(int)))
print(t(lambda: object.__new__(1)), t(lambda: object.__new__()), t(lambda: object.__init__()))
class H(int):
    def __init__(self, *a): pass
print(t(lambda: H(5, 6)), t(lambda: H("12")))
class J(list):
    def __new__(cls, *a): return super().__new__(cls)
print(t(lambda: J(1, 2, 3)), t(lambda: type(J([1]))))
class K(dict):
    def __init__(self, *a, **k): pass
print(t(lambda: K(a=1)), t(lambda: K([(1, 2)])))
class L(tuple):
    def __init__(self, a, b): pass
print(t(lambda: L((1, 2), 3)))
class M(str):
    def __init__(self, *a): super().__init__()
print(t(lambda: M("x")))
class N(Exception):
    def __init__(self): super().__init__()
print(t(lambda: N()), t(lambda: N(1)), t(lambda: repr(N())))
class Abstract:
    __abstractmethods__ = frozenset({"f", "g"})
print(t(lambda: type(Abstract())))
class Ab1: pass
Ab1.__abstractmethods__ = frozenset({"only"})
print(t(lambda: Ab1()))
Ab1.__abstractmethods__ = frozenset()
print(t(lambda: Ab1().__class__.__name__))
try: del Ab1.__abstractmethods__
except AttributeError as e: print(e)
try: del Ab1.__abstractmethods__
except AttributeError as e: print(type(e).__name__, e)
try: type.__abstractmethods__
except AttributeError as e: print(type(e).__name__, e)
try: int.__abstractmethods__
except AttributeError as e: print(type(e).__name__, e)
