import enum, copy
class Field(enum.Enum):
    name = 1
    value = 2
    other = 3
print(Field.name, Field.value, Field.other.name, Field.other.value, Field["name"], Field(2), list(Field))
class Color(enum.Enum):
    RED = 1
    CRIMSON = 1
    GREEN = 2
print(list(Color.__members__.items()), Color.CRIMSON.name, copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.GREEN) is Color.GREEN)
class Shape(enum.IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.CIRCLE + Shape.SQUARE, Shape.SQUARE * 2, Shape(1) == 1, {Shape.CIRCLE: "c"}[1], sorted([Shape.SQUARE, Shape.CIRCLE]), int(Shape.SQUARE), float(Shape.CIRCLE), hash(Shape.CIRCLE) == hash("CIRCLE"))
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R + 1, Perm.R | 1, 1 | Perm.R, Perm.R & 5, Perm(5) in Perm(7), list(Perm(7)), Perm.R ^ Perm.R, repr(Perm(0)), bool(Perm(0)), ~Perm(0), repr(~Perm.R))
class Mood(enum.Enum):
    """Moods."""
    HAPPY = "h"
    SAD = "s"
    @classmethod
    def default(cls): return cls.HAPPY
    def describe(self): return "%s feels %s" % (self.name, self.value)
    def __str__(self): return "Mood:" + self.name
print(Mood.default(), Mood.SAD.describe(), str(Mood.SAD), f"{Mood.SAD}", format(Mood.SAD, ">12"), Mood.__doc__, Mood.HAPPY.__doc__ is None or True)
class Ordered(enum.Enum):
    def __lt__(self, other): return self.value < other.value
    B = 2
    A = 1
print(sorted(Ordered), max(Ordered))
Num = enum.IntEnum("Num", [("ONE", 1), ("TWO", 2)])
print(list(Num), Num.TWO + 0, Num.__qualname__)
class StrMix(str, enum.Enum):
    A = "alpha"
print(StrMix.A.upper(), StrMix.A == "alpha", repr(StrMix.A), str(StrMix.A), format(StrMix.A))
class Planet(enum.Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(round(Planet.EARTH.surface_gravity, 3), Planet.MERCURY.value)
try:
    class Bad(enum.Enum):
        A = 1
        def A(self): pass
except TypeError as e:
    print("TypeError", e)
try:
    enum.Enum("X", "A B").A.name = "Q"
except AttributeError as e:
    print("AttributeError", e)
