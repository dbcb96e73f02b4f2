# __bases__ assignment with failing and re-entrant mro() overrides; odd aliases and unions; failing reduce hooks; descriptors of type applied to wrong objects.
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {str(e)[:70]}"
class Boom(type):
    fail = False
    def mro(cls):
        if Boom.fail: raise RuntimeError("mro failed")
        return type.mro(cls)
class A(metaclass=Boom): pass
class B(metaclass=Boom): pass
class C(A): pass
class D(C): pass
Boom.fail = True
print(t(lambda: setattr(C, '__bases__', (B,))), C.__bases__, C.__mro__, D.__mro__)
Boom.fail = False
C.__bases__ = (B,)
print(C.__mro__, D.__mro__, A.__subclasses__(), B.__subclasses__())
class Reenter(type):
    depth = 0
    def mro(cls):
        if cls.__name__ == 'E' and Reenter.depth == 0:
            Reenter.depth += 1
            cls.__bases__ = (F,)
        return type.mro(cls)
class F(metaclass=Reenter): pass
class G(metaclass=Reenter): pass
class E(G): pass
Reenter.depth = 0
print(t(lambda: setattr(E, '__bases__', (G, F))), E.__bases__, E.__mro__)
class BadQual:
    def __getattr__(self, n):
        if n == "__qualname__": raise ValueError("no qualname")
        raise AttributeError(n)
print(t(lambda: repr(list[BadQual()])))
class StrQual:
    def __init__(self): self.__qualname__ = 5; self.__module__ = 'm'
print(t(lambda: repr(list[StrQual()])))
U = int
for tp in [type(f"T{i}", (), {}) for i in range(300)]:
    U = U | tp
print(len(U.__args__), repr(U)[:30])
class BadState:
    def __getstate__(self): raise KeyError("state")
print(t(lambda: BadState().__reduce_ex__(2)))
class BadSlotnames:
    __slots__ = ('a',)
BadSlotnames.__slotnames__ = 5
print(t(lambda: BadSlotnames().__reduce_ex__(2)))
BadSlotnames.__slotnames__ = None
print(t(lambda: BadSlotnames().__reduce_ex__(2)))
class GetNewArgsRaises:
    def __getnewargs__(self): raise IndexError("gna")
print(t(lambda: GetNewArgsRaises().__reduce_ex__(2)))
import sys
saved = sys.modules.get('copyreg')
sys.modules['copyreg'] = None
print(t(lambda: object().__reduce_ex__(2)))
sys.modules['copyreg'] = saved
print(t(lambda: object().__reduce_ex__(2)[1]))
class BadDir:
    def __dir__(self): raise OSError("dir")
print(t(lambda: dir(BadDir())))
class BadClass:
    @property
    def __class__(self): raise ValueError("class prop")
print(t(lambda: isinstance(BadClass(), int)), t(lambda: isinstance(BadClass(), BadClass)))
class BasesProp:
    @property
    def __bases__(self): raise ValueError("bases prop")
print(t(lambda: issubclass(BasesProp(), int)))
print(t(lambda: type.__dict__['__bases__'].__set__(int, (object,))))
print(t(lambda: type.__dict__['__mro__'].__get__(5)))
print(t(lambda: type.__dict__['__name__'].__get__(5)))
print(t(lambda: object.__dict__['__class__'].__set__(5, int)))
print(t(lambda: type(type.__dict__['__dict__'].__get__(int)).__name__))
print(t(lambda: object.__reduce_ex__(type, 2)))
print(t(lambda: object.__getstate__(5)), t(lambda: sorted(object.__getstate__(type))[:3]))
