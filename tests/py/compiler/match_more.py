# Pattern-matching edge cases: what counts as a sequence or mapping, binding
# on failure paths, guards, __match_args__ errors, or-pattern alternatives.
class MyList(list):
    pass

class MyDict(dict):
    pass

def kind(x):
    match x:
        case str() | bytes() | bytearray():
            return "text-ish"
        case [*_]:
            return "sequence"
        case {}:
            return "mapping"
        case _:
            return "other"

for v in ("ab", b"ab", bytearray(b"x"), [1], (1, 2), range(3), MyList([1]),
          {}, MyDict(a=1), {1, 2}, iter([1]), 5):
    print(type(v).__name__, kind(v))

def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one", a
        case [a, b, *mid, c] if len(mid) > 1:
            return "long", a, b, mid, c
        case [*head, last]:
            return "head/last", head, last
print([seq(v) for v in ([], [1], [1, 2], [1, 2, 3], list(range(6)))])

def mapping(x):
    match x:
        case {"type": "point", "x": px, "y": py, **rest} if not rest:
            return "point", px, py
        case {"type": "point", **rest}:
            return "point+", sorted(rest)
        case {1: one, 2.0: two}:
            return "numeric keys", one, two
    return None
print(mapping({"type": "point", "x": 1, "y": 2}), mapping({"type": "point", "x": 1, "z": 0}))
print(mapping({1: "a", 2: "b"}), mapping({1: "a"}))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class NoArgs:
    pass

class TooMany:
    __match_args__ = ("a",)
    a = 1

class BadArgs:
    __match_args__ = ["x"]
    x = 1

def cls(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis", y
        case Point(x, y=0):
            return "on x axis", x
        case Point(x, y) if x == y:
            return "diagonal", x
        case Point():
            return "point"
        case int(n) | float(n):
            return "number", n
        case str(s):
            return "str", s
    return "nothing"
print([cls(v) for v in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 7, 2.5, "s", None)])

for subject, pattern in ((NoArgs(), "NoArgs(1)"), (TooMany(), "TooMany(1, 2)"), (BadArgs(), "BadArgs(1)"),
                         (Point(1, 2), "Point(1, x=1)"), (1, "len(1)")):
    src = "match subject:\n    case %s:\n        r = 'matched'\n    case _:\n        r = 'no'\n" % pattern
    ns = {"subject": subject, "NoArgs": NoArgs, "TooMany": TooMany, "BadArgs": BadArgs, "Point": Point}
    try:
        exec(src, ns)
        print(pattern, ns["r"])
    except TypeError as e:
        print(pattern, "TypeError:", e)

# Guards run in order, each only after its pattern matched.
def guards(x):
    calls = []
    def g(tag, result):
        calls.append(tag)
        return result
    match x:
        case [a, b] if g("first", a > b):
            r = "desc"
        case [a, b] if g("second", a == b):
            r = "same"
        case [a, *_] if g("third", True):
            r = "other"
    return r, calls
print(guards([2, 1]), guards([1, 1]), guards([1, 2]))

class Color:
    RED = "red"
    GREEN = "green"

def value(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN | "lime":
            return "is green"
        case -1 | 1.5 | 2j | -3+4j | None | True:
            return "literal", c
    return "unknown"
print([value(v) for v in ("red", "lime", "green", -1, 1.5, 2j, -3+4j, None, True, 1, 0)])

def or_bind(x):
    match x:
        case (1, y) | (2, y) | [y, 3]:
            return y
        case {"a": y} | {"b": y}:
            return "map", y
    return None
print([or_bind(v) for v in ((1, "one"), (2, "two"), ("three", 3), {"b": 4}, (9, 9))])

def nested_as(x):
    match x:
        case [(1 | 2) as small, [_, *rest] as inner] as whole:
            return small, rest, inner, whole
    return None
print(nested_as([2, [0, 5, 6]]), nested_as([3, [0]]))
