# Special methods are looked up on the type, not the instance; __eq__/__hash__ interplay; __classcell__; object.__setattr__ checks.
class O: pass
o = O()
o.__len__ = lambda: 5
try: len(o)
except TypeError as e: print(e)
o.__call__ = lambda: 1
print(callable(o))
try: o()
except TypeError as e: print(e)
o.__iter__ = lambda: iter([1])
try: iter(o)
except TypeError as e: print(e)
o.__repr__ = lambda: "inst repr"
print(repr(o)[:10])
class EqNI:
    def __eq__(self, other): return NotImplemented
a, b = EqNI(), EqNI()
print(a == a, a == b, a != b, a != a)
class P:
    def __eq__(self, o): return True
    def __hash__(self): return 1
class C(P):
    def __eq__(self, o): return False
print(C.__hash__, P.__hash__ is not None)
class C2(P):
    __hash__ = P.__hash__
    def __eq__(self, o): return False
print(hash(C2()))
class Cont:
    def __contains__(self, x): return "yes"
print(1 in Cont(), 1 not in Cont())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)
try:
    class Broken(metaclass=Meta):
        def f(self): return __class__
except RuntimeError as e: print(type(e).__name__, e)
class Meta2(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class Fine(metaclass=Meta2):
    def f(self): return __class__
print(Fine().f())
class Meta3(type):
    def __new__(mcls, name, bases, ns):
        ns['__classcell__'] = 5
        return super().__new__(mcls, name, bases, ns)
try:
    class Bad3(metaclass=Meta3):
        def f(self): return __class__
except TypeError as e: print(type(e).__name__, e)
class Del:
    def __del__(self): print("__del__ called")
d = Del(); del d
print("after del")
def func():
    a = 1; b = 2
    return sorted(vars().items())
print(func())
class IPow:
    def __ipow__(self, other): return ("ipow", other)
v = IPow(); v **= 2; print(v)
class RPow:
    def __rpow__(self, other): return ("rpow", other)
print(2 ** RPow(), pow(2, RPow()))
try: pow(2, RPow(), 5)
except TypeError as e: print(e)
class Index:
    def __index__(self): return 5
print(bin(Index()), oct(Index()), hex(Index()), range(10)[Index()], "abcdefg"[Index():], list(range(Index())))
import sys
print(sys.getsizeof(1) > 0 if hasattr(sys, 'getsizeof') else True)
class Getattr:
    def __getattr__(self, name):
        raise AttributeError(f"custom {name}")
try: Getattr().zz
except AttributeError as e: print(e)
class GetattrType:
    def __getattr__(self, name): raise TypeError("not attr error")
try: hasattr(GetattrType(), 'q')
except TypeError as e: print("propagated", e)
class GA:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name): return "fallback " + name
print(GA().anything, getattr(GA(), '__class__'))
print(type(GA()).__name__)
class SetattrObj:
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)
so = SetattrObj(); so.x = 3; print(so.x)
try: object.__setattr__(1, 'x', 1)
except (TypeError, AttributeError) as e: print(type(e).__name__, e)
try: object.__setattr__(int, 'x', 1)
except TypeError as e: print(type(e).__name__, e)
try: object.__delattr__(so, 'nope')
except AttributeError as e: print(type(e).__name__, e)
print(object.__getattribute__(so, 'x'))
try: type.__setattr__(int, 'y', 1)
except TypeError as e: print(e)
class T: pass
type.__setattr__(T, 'y', 1); print(T.y)
try: object.__setattr__(T, 'z', 1)
except TypeError as e: print(e)
