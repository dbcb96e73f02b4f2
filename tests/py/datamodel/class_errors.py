# Class creation errors (MRO, layout, metaclass) and type attribute assignment rules, including __bases__.
class D:
    def __set_name__(self, owner, name): raise ValueError("inner")
try:
    class C:
        x = D()
except Exception as e: print(type(e).__name__, e, type(e.__cause__).__name__)
class B:
    def __init_subclass__(cls, **kw): raise KeyError("sub")
try:
    class C2(B): pass
except KeyError as e: print(type(e).__name__, e)
try:
    class C3(object, object): pass
except TypeError as e: print(e)
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e: print(e)
class A1: pass
class B1(A1): pass
class C1(A1): pass
class D1(B1, C1): pass
class E1(C1, B1): pass
try:
    class F1(D1, E1): pass
except TypeError as e: print(e)
print(D1.__mro__)
try:
    class G(int, str): pass
except TypeError as e: print(e)
try:
    class G2(list, dict): pass
except TypeError as e: print(e)
class G3(int, object): pass
print(G3.__mro__)
try:
    class H(1): pass
except TypeError as e: print(e)
try:
    class H2(type(None)): pass
except TypeError as e: print(e)
try:
    class H3(type(lambda: 0)): pass
except TypeError as e: print(e)
try:
    class H4(int, metaclass=1): pass
except TypeError as e: print(e)
try: type.__new__(1, 'a', (), {})
except TypeError as e: print(e)
try: type.__new__(int, 'a', (), {})
except TypeError as e: print(e)
try: type.__init__(X, 1, 2)
except TypeError as e: print(e)
try: type('A', (), {}, x=1)
except TypeError as e: print(e)
try: object.__new__(int)
except TypeError as e: print(e)
try: int.__new__(X)
except TypeError as e: print(e)
try: int.__new__(1)
except TypeError as e: print(e)
try: int.__new__()
except TypeError as e: print(e)
try: X(1)
except TypeError as e: print(e)
class Xi:
    def __init__(self): pass
try: Xi(1)
except TypeError as e: print(e)
class Xn:
    def __new__(cls): return super().__new__(cls)
try: Xn(1)
except TypeError as e: print(e)
class Xb:
    def __new__(cls, *a): return super().__new__(cls, *a)
try: Xb(1)
except TypeError as e: print(e)
class Xc:
    def __init__(self, *a): super().__init__(*a)
try: Xc(1)
except TypeError as e: print(e)
class Ret:
    def __init__(self): return 5
try: Ret()
except TypeError as e: print(e)
class NewOther:
    def __new__(cls): return 42
    def __init__(self): print("not called")
print(NewOther())
class NewSub:
    def __new__(cls): return object.__new__(Sub2)
class Sub2(NewSub):
    def __init__(self): print("Sub2 init called")
print(type(NewSub()).__name__)
try: X.__name__ = 5
except TypeError as e: print(e)
try: X.__name__ = 'a\0b'
except ValueError as e: print(e)
X.__name__ = 'Renamed'; print(X, X.__qualname__)
X.__qualname__ = 'Q.R'; print(X)
try: del X.__name__
except TypeError as e: print(e)
try: int.__name__ = 'x'
except TypeError as e: print(e)
try: X.__qualname__ = 1
except TypeError as e: print(e)
X.__module__ = 'mod'; print(X)
X.__doc__ = 'new doc'; print(X.__doc__)
try: X.__mro__ = ()
except AttributeError as e: print(e)
try: X.__dict__ = {}
except AttributeError as e: print(e)
try: X.__base__ = int
except AttributeError as e: print(e)
try: int.__doc__ = 'x'
except TypeError as e: print(e)
try: X.__bases__ = ()
except TypeError as e: print(e)
try: X.__bases__ = (1,)
except TypeError as e: print(e)
try: Y.__bases__ = (Y,)
except TypeError as e: print(e)
try: X.__bases__ = (int,)
except TypeError as e: print(e)
try: del X.__bases__
except TypeError as e: print(e)
try: int.__bases__ = (object,)
except TypeError as e: print(e)
class P1: pass
class P2: pass
class Q(P1): pass
Q.__bases__ = (P1, P2)
print(Q.__mro__, P2.__subclasses__())
try: Q.__bases__ = []
except TypeError as e: print(e)
