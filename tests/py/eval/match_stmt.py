# Structural pattern matching.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int %d" % n
        case [x, y, *rest]:
            return "seq %r %r %r" % (x, y, rest)
        case {"key": value, **others}:
            return "map %r %r" % (value, others)
        case Point(x=0, y=yy):
            return "on y axis at %r" % yy
        case Point(a, b):
            return "point %r %r" % (a, b)
        case str() | bytes():
            return "text"
        case _:
            return "other"


for v in [0, -5, [1, 2, 3], (1, 2), {"key": 1, "z": 2}, Point(0, 3), Point(1, 2), "s", b"b", 3.5, [1]]:
    print(describe(v))


class NoArgs:
    pass


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
match 3:
    case 1 | 2 | 3 as hit:
        print("or pattern", hit)
