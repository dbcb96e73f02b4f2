import collections.abc as abc
from abc import ABC, ABCMeta, abstractmethod

for obj in [[], (), {}, set(), frozenset(), '', b'', bytearray(), range(3), iter([]), (x for x in []), len, 42, 1.5, None, {}.keys(), {}.items(), {}.values()]:
    names = [n for n in ('Iterable', 'Iterator', 'Generator', 'Sized', 'Container', 'Callable', 'Collection', 'Sequence',
                         'MutableSequence', 'Mapping', 'MutableMapping', 'Set', 'MutableSet', 'Hashable', 'Reversible',
                         'ByteString', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView')
             if isinstance(obj, getattr(abc, n))]
    print(type(obj).__name__, names)

class OnlyIter:
    def __iter__(self): return iter([])
class OnlyLen:
    def __len__(self): return 0
class NoHash:
    __hash__ = None
print(isinstance(OnlyIter(), abc.Iterable), issubclass(OnlyLen, abc.Sized), isinstance(NoHash(), abc.Hashable), issubclass(OnlyIter, abc.Iterator))

class MySeq(abc.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
s = MySeq(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), isinstance(s, abc.Reversible))
try:
    s.index(7)
except ValueError as e:
    print('ValueError', repr(e))

class MyMap(abc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap(); m['a'] = 1; m.update(b=2); m.setdefault('c', 3)
print(dict(m), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m.pop('a'), m.popitem(), m == {'c': 3}, sorted(m.keys() | {'q'}))
print(repr(m.keys())[:8], len(m.values()))

class MySet(abc.MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
a, b = MySet([1, 2, 3]), MySet([2, 3, 4])
print(list(a & b), list(a | b), list(a - b), list(a ^ b), a <= b, a == MySet([3, 2, 1]), a.isdisjoint([9]), list(a & [1]))
a |= [7]; a -= [1]; print(list(a), a._hash() == frozenset(a)._hash() if hasattr(frozenset, '_hash') else abc.Set._hash(a) == hash(frozenset(a)))
print(abc.Set._hash(MySet([1, 2])) == hash(frozenset([1, 2])), abc.Set._hash(MySet()) == hash(frozenset()))

class Base(ABC):
    @abstractmethod
    def f(self): ...
    @abstractmethod
    def g(self): ...
class Half(Base):
    def f(self): return 1
class Full(Half):
    def g(self): return 2
for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().f(), Full().g(), sorted(Base.__abstractmethods__), Half.__abstractmethods__, Full.__abstractmethods__)

class Reg(ABC):
    pass
Reg.register(int)
@Reg.register
class Other:
    pass
print(isinstance(1, Reg), issubclass(bool, Reg), isinstance('x', Reg), issubclass(Other, Reg), isinstance(Other(), Reg))
try:
    Reg.register(5)
except TypeError as e:
    print(e)

class Meta(ABCMeta):
    pass
class WithMeta(metaclass=Meta):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, 'quack')
class Duck:
    quack = 1
print(isinstance(Duck(), WithMeta), isinstance(1, WithMeta), type(WithMeta).__name__)
import abc as abcmod
print(abcmod.get_cache_token() >= 0, isinstance(abcmod.ABC, ABCMeta))
class AP(ABC):
    @property
    @abstractmethod
    def p(self): ...
    @classmethod
    @abstractmethod
    def c(cls): ...
print(sorted(AP.__abstractmethods__))
class Late(ABC):
    pass
Late.m = abstractmethod(lambda self: 0)
abcmod.update_abstractmethods(Late); print(Late.__abstractmethods__)
def gen():
    yield 1
g = gen()
print(isinstance(g, abc.Generator), isinstance(g, abc.Iterator), issubclass(type(g), abc.Iterable))
async def co(): pass
c = co(); print(isinstance(c, abc.Coroutine), isinstance(c, abc.Awaitable)); c.close()
