import enum
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
print(list(Perm), len(Perm), Perm.RW, repr(Perm.RW), Perm.R | Perm.W, Perm(7), repr(Perm(7)))
print(~Perm.R, repr(~Perm.R), Perm(0), repr(Perm(0)), bool(Perm(0)), bool(Perm.R), len(Perm(7)), list(Perm(7)), list(Perm(0)))
print(Perm.R in Perm.RW, Perm.X in Perm.RW, Perm.RW & Perm.R, Perm.RW ^ Perm.R, Perm.R | Perm.W is Perm.RW)
for bad in [lambda: Perm(8), lambda: Perm("x"), lambda: 1 in Perm.RW, lambda: Perm.R | 1]:
    try: bad()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Color), Color.WHITE, repr(Color.BLUE), [c.value for c in Color], Color(3), ~Color.RED, Color.WHITE.name)
class IP(IntFlag):
    R = 4
    W = 2
    X = 1
print(IP(12), repr(IP(12)), IP.R | 8, repr(IP.R | 8), repr(~IP.R), str(IP.R | IP.W), format(IP.R, "03d"), IP(0), repr(IP(0)))
print(IP.R + 1, IP.R == 4, isinstance(IP.R, int), IP.R | IP.W == 6, repr(IP(-1)), list(IP(7)))
class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2
class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2
class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2
print(Conform(7), repr(Eject(7)), repr(Keep(7)), Keep(7).value)
print(enum.show_flag_values(13), enum.bin(5), enum.bin(-5), enum.bin(5, 8))
print(repr(enum.FlagBoundary.STRICT), enum.STRICT, repr(enum.KEEP), repr(Perm), repr(IP))
@enum.verify(enum.UNIQUE)
class OK(enum.Enum):
    A = 1
try:
    @enum.verify(enum.UNIQUE)
    class NotOK(enum.Enum):
        A = 1
        B = 1
except ValueError as e: print("ValueError", e)
try:
    @enum.verify(enum.CONTINUOUS)
    class Gap(enum.Enum):
        A = 1
        C = 3
except ValueError as e: print("ValueError", e)
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal.__module__, repr(Animal))
Shape = enum.Enum("Shape", [("SQUARE", 4), ("TRI", 3)])
print(list(Shape))
Dir = enum.IntEnum("Dir", {"N": 0, "S": 180}, module="geo", qualname="geo.Dir")
print(list(Dir), Dir.__module__, Dir.__qualname__, Dir.S + 0)
F = enum.Flag("F", "A B C")
print(list(F), F.C.value, F(3))
S = enum.Enum("S", "x,y", start=10)
print(list(S))
