# __eq__ and __hash__ interplay: inheritance, None, overrides, large and odd __hash__ results.
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {e}"
class A:
    def __eq__(self, o): return self is o
print(A.__hash__, t(lambda: hash(A())), t(lambda: {A()}))
class B(A):
    def __hash__(self): return 5
print(hash(B()), B.__dict__['__hash__'].__name__)
class C(B):
    def __eq__(self, o): return False
print(C.__hash__, t(lambda: hash(C())))
class D(B):
    pass
print(hash(D()))
class E:
    __hash__ = None
class F(E):
    def __hash__(self): return 1
print(t(lambda: hash(E())), hash(F()))
class G(E): pass
print(t(lambda: hash(G())), G.__hash__)
E.__hash__ = lambda self: 42
print(hash(E()), hash(G()))
class H:
    pass
h = H()
hv = hash(h)
H.__eq__ = lambda s, o: True
print(hash(h) == hv, H.__hash__ is object.__hash__)
class I(int):
    def __eq__(self, o): return True
print(t(lambda: hash(I(1))), I.__hash__)
class J(int):
    def __eq__(self, o): return True
    __hash__ = int.__hash__
print(hash(J(7)))
class K(str):
    def __eq__(self, o): return super().__eq__(o)
print(t(lambda: hash(K('x'))))
class L(tuple):
    def __hash__(self): return 0
print(hash(L((1, 2))), {L((1,)): 1})
class M:
    def __hash__(self): return 2 ** 100
print(hash(M()), hash(2 ** 100))
class N:
    def __hash__(self): return -1
print(hash(N()))
class O:
    def __hash__(self): return True
print(hash(O()))
class P:
    def __hash__(self): return 1.5
print(t(lambda: hash(P())))
class Q:
    def __hash__(self): return I(3)
print(t(lambda: hash(Q())))
class R:
    __hash__ = object.__hash__
    def __eq__(self, o): return True
print(type(hash(R())).__name__, R() in {R()})
print(object.__hash__ is not None, type(object.__dict__['__hash__']).__name__, [].__hash__, type({}).__hash__)
