import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return "%s is %d" % (self.name, self.value)
    @classmethod
    def favourite(cls): return cls.BLUE
print(list(Color), len(Color), Color.CRIMSON, Color.CRIMSON is Color.RED)
print(Color(2), Color["BLUE"], Color.RED.name, Color.RED.value, Color.RED.describe(), Color.favourite())
print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.RED:>12}|", hash(Color.RED) == hash("RED"))
print(list(Color.__members__), Color.__members__["CRIMSON"], list(reversed(Color)))
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED), type(Color), Color.__name__)
print(Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.GREEN, sorted([Color.GREEN, Color.RED], key=lambda c: c.value))
print({Color.RED: "r"}[Color.CRIMSON], Color.RED.__reduce_ex__(2))
for bad in [lambda: Color(7), lambda: Color["PINK"], lambda: Color("RED")]:
    try: bad()
    except (ValueError, KeyError) as e: print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e: print("AttributeError", e)
try:
    del Color.RED
except AttributeError as e: print("AttributeError", e)
try:
    class More(Color): PINK = 9
except TypeError as e: print("TypeError", e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e: print("TypeError", e)
try:
    @unique
    class U(Enum):
        A = 1; B = 1; C = 2; D = 2
except ValueError as e: print("ValueError", e)
try:
    class Bad(Enum): _sunder_ = 1
except ValueError as e: print("ValueError", e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.ONE), Num.ONE + 1, Num.TWO * 3, format(Num.TWO, "03d"), f"{Num.ONE}", Num.ONE < Num.TWO, Num(2), int(Num.TWO), Num.ONE == 1)
class Mixed(int, Enum):
    X = 5
print(str(Mixed.X), format(Mixed.X), repr(Mixed.X), Mixed.X + 1)
class A(Enum):
    a = auto(); b = auto(); c = 10; d = auto()
print(list(A), repr(auto()))
class Lower(StrEnum):
    ALPHA = auto()
    BETA = "bee"
print(Lower.ALPHA, repr(Lower.ALPHA), Lower.BETA.upper(), Lower("bee"), format(Lower.BETA, ">5"), Lower.ALPHA == "alpha")
try:
    class BadS(StrEnum): A = 1
except TypeError as e: print("TypeError", e)
class Custom(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name * 2
    X = auto()
    Y = auto()
print(list(Custom))
class WithMissing(Enum):
    ONE = 1
    @classmethod
    def _missing_(cls, value):
        if value == "one": return cls.ONE
        return None
print(WithMissing("one"))
try: WithMissing(2)
except ValueError as e: print("ValueError", e)
class BadMissing(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value): return 5
try: BadMissing(3)
except TypeError as e: print("TypeError", e, "|", e.__context__)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MARS.value, Planet((6.42e23, 3.39e6)))
class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, "P.X")
    PY = (1, "P.Y")
print(Coord.PY, Coord.PY.label, Coord(1))
class Ordered(Enum):
    _order_ = "A B"
    A = 1
    B = 2
try:
    class Misordered(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e: print("TypeError", e)
class Ign(Enum):
    _ignore_ = "tmp"
    tmp = 5
    X = 1
print(list(Ign), hasattr(Ign, "tmp"))
class Sub(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, list(cls.__members__))
class Concrete(Sub):
    P = 1
class NM(Enum):
    A = 1
    helper = enum.nonmember(3)
    @enum.member
    def f(): return 1
print([m.name for m in NM], NM.helper, NM.f.value())
print(Color.RED.__class__.__mro__, IntEnum.__mro__)
print(dir(Color.RED)[:6])
