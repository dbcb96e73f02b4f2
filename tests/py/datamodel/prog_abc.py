# An abstract-base-class machinery written with a metaclass: abstract
# methods block instantiation, virtual subclasses via register(), and
# structural checks via __subclasshook__, with a per-class cache.


def abstractmethod(func):
    func.__isabstractmethod__ = True
    return func


class ABCMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        abstracts = {n for n, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for base in bases:
            for n in getattr(base, "__abstractmethods__", set()):
                if getattr(getattr(cls, n, None), "__isabstractmethod__", False):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._registry = set()
        cls._cache = {}
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._registry.add(subclass)
        cls._cache.clear()
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._cache:
            return cls._cache[subclass]
        ok = cls._compute(subclass)
        cls._cache[subclass] = ok
        return ok

    def _compute(cls, subclass):
        r = cls.__subclasshook__(subclass)
        if r is not NotImplemented:
            return bool(r)
        if cls in subclass.__mro__:
            return True
        for reg in cls._registry:
            if issubclass(subclass, reg):
                return True
        for sub in type.__subclasses__(cls):
            if issubclass(subclass, sub):
                return True
        return False


class ABC(metaclass=ABCMeta):
    pass


def _has(C, name):
    for B in C.__mro__:
        if name in B.__dict__:
            return B.__dict__[name] is not None
    return False


class Sized(ABC):
    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _has(C, "__len__")
        return NotImplemented


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name()} with area {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def name(self):
        return "square"


class HalfDone(Shape):
    def area(self):
        return 0


class NoLen:
    __len__ = None


print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
print(Square(3).describe())
for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
print(issubclass(list, Sized), issubclass(int, Sized), isinstance("abc", Sized), issubclass(NoLen, Sized))


class Legacy:
    def area(self):
        return 1

    def name(self):
        return "legacy"


print(issubclass(Legacy, Shape), isinstance(Legacy(), Shape))
Shape.register(Legacy)
print(issubclass(Legacy, Shape), isinstance(Legacy(), Shape), issubclass(Square, Shape))


class SubLegacy(Legacy):
    pass


print(issubclass(SubLegacy, Shape), issubclass(Square, Sized), issubclass(bool, Shape))
try:
    Shape.register(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Square.register(Shape)
except RuntimeError as e:
    print(type(e).__name__, e)
print(isinstance(Square(1), (int, Shape)), issubclass(Square, (Sized, Shape)))
print(len(Shape._cache) > 0, type(Shape).__name__, Shape.__mro__)
