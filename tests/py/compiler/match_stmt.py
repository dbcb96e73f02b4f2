# Structural pattern matching: every pattern kind.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case 0 | 1:
            return "small int"
        case -5:
            return "minus five"
        case 2.5:
            return "float"
        case "hello" | b"bytes":
            return "literal str/bytes"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"kind": "circle", "r": r}:
            return f"circle {r}"
        case {"kind": k, **others}:
            return f"kind {k} others {sorted(others.items())}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case str() as s if len(s) > 3:
            return f"long string {s}"
        case int(n) | float(n):
            return f"number {n}"
        case (a, b) | [a, b, _]:
            return "unreachable"
        case _:
            return "other"

tests = [None, True, 0, 1, -5, 2.5, "hello", b"bytes", [], [7], [1, 2, 3], (4, 5, 6, 7),
         {"kind": "circle", "r": 2}, {"kind": "sq", "side": 3, "color": "red"},
         Point(0, 0), Point(0, 4), Point(3, 3), Point(1, 2), "strings", 42, 3.25, "ab", {}]
for t in tests:
    print(repr(t) if not isinstance(t, Point) else "Point", "->", describe(t))

def bind_or(v):
    match v:
        case [x, 1] | [1, x]:
            return x
        case {"a": x} | {"b": x}:
            return x
    return None
print(bind_or([5, 1]), bind_or([1, 6]), bind_or({"b": 7}), bind_or(3))

def nested(v):
    match v:
        case {"items": [{"id": i}, *_]}:
            return i
        case [[a, b], (c, d)]:
            return a + b + c + d
    return "no"
print(nested({"items": [{"id": 9}, {"id": 10}]}), nested([[1, 2], (3, 4)]), nested([]))

def capture_value(v):
    match v:
        case [1, 2] as whole:
            return whole
        case other:
            return ("other", other)
print(capture_value([1, 2]), capture_value(5))

class Color:
    RED = 1
    GREEN = 2

def dotted(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
    return "?"
print(dotted(1), dotted(2), dotted(3))

def mapping_len(v):
    match v:
        case {1: _, 2: _}:
            return "has 1 and 2"
        case {}:
            return "a mapping"
print(mapping_len({1: 0, 2: 0, 3: 0}), mapping_len({1: 0}), mapping_len([]))

# Not sequences: str, bytes, bytearray.
for v in ["ab", b"ab", bytearray(b"ab"), ["a", "b"]]:
    match v:
        case [a, b]:
            print("sequence", a, b)
        case _:
            print("not a sequence", type(v).__name__)

# Failed cases bind nothing.
def no_partial_bind():
    match [1, 2]:
        case [x, 3]:
            pass
        case _:
            pass
    try:
        return x
    except UnboundLocalError:
        return "x unbound"
print(no_partial_bind())
