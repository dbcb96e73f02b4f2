import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    def shout(self): return self.name.upper()
class N(enum.IntEnum):
    A = 1
class F(enum.Flag):
    X = 1
print(dir(Color))
print(dir(Color.RED))
print(dir(N))
print(dir(F.X))
