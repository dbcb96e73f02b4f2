from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         InitVar, KW_ONLY, FrozenInstanceError, make_dataclass, MISSING)


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, repr=False)
    count: "ClassVar[int]" = 0

p = Point(1, 2)
print(p, Point(3), repr(Point(x=5, y=6, tags=[1])), p == Point(1, 2), p == Point(1, 3), p != Point(1, 2))
print(Point.__init__.__annotations__, Point.__match_args__, Point.__doc__, Point.__hash__)
print([f.name for f in fields(p)], fields(Point)[1].default, fields(Point)[2].default_factory, is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(asdict(p), astuple(p), replace(p, y=10), Point.count)
print(repr(fields(Point)[0]).replace(repr(MISSING), "MISSING"))
print(Point.__dataclass_params__, Point.__eq__.__qualname__, Point.__repr__.__qualname__)
for bad in [lambda: Point(), lambda: Point(1, 2, [], 4), lambda: Point(1, z=3), lambda: fields(1),
            lambda: asdict(Point), lambda: replace(1), lambda: field(default=1, default_factory=list)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
v1, v2 = Version(1, 2), Version(1, 10, "x")
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash((1, 2)), v1 == Version(1, 2, "other"))
try: v1.major = 5
except FrozenInstanceError as e: print("FrozenInstanceError", e, isinstance(e, AttributeError))
try: del v1.minor
except FrozenInstanceError as e: print("FrozenInstanceError", e)
try: v1 < 3
except TypeError as e: print("TypeError", e)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithPost(3)
print(w, WithPost(3, 5), [f.name for f in fields(w)], repr(InitVar[int]), replace(w, scale=10))
try: replace(w, b=1)
except ValueError as e: print("ValueError", e)

@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 1
print(KW(a=1), KW.__match_args__)
try: KW(1)
except TypeError as e: print("TypeError", e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = field(default=3, kw_only=False)
print(Mixed(1, 2, b=5), Mixed.__match_args__, Mixed.__doc__)

@dataclass
class Base:
    x: int = 1
    y: str = "b"
@dataclass
class Derived(Base):
    z: float = 2.5
    x: int = 10
print(Derived(), Derived(1, "q", 3.0), [f.name for f in fields(Derived)])

for src in ["@dataclass\nclass Bad:\n    x: int = 1\n    y: int\n",
            "@dataclass\nclass Bad:\n    x: list = []\n",
            "@dataclass(order=True, eq=False)\nclass Bad:\n    x: int\n",
            "@dataclass\nclass Bad:\n    x = field()\n",
            "@dataclass(frozen=True)\nclass F:\n    x: int\n@dataclass\nclass G(F):\n    y: int\n",
            "@dataclass(unsafe_hash=True)\nclass H:\n    x: int\n    def __hash__(self): return 1\n",
            "@dataclass(order=True)\nclass O:\n    x: int\n    def __lt__(self, o): return True\n"]:
    try:
        exec(src, globals())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

@dataclass(unsafe_hash=True)
class UH:
    x: int
    y: list = field(default_factory=list, hash=False)
print(hash(UH(1)) == hash((1,)))
@dataclass(eq=False)
class NoEq:
    x: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)

@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(n))
print(astuple(n))
r = Node(0); r.children.append(r)
print(r)
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "s"
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try: s.c = 1
except AttributeError as e: print("AttributeError")
C = make_dataclass("C", ["a", ("b", int), ("c", int, field(default=5))], namespace={"twice": lambda self: self.c * 2})
print(C(1, 2), C(1, 2).twice(), [f.type for f in fields(C)])
@dataclass
class Selfish:
    self: int
print(Selfish(5))
@dataclass(repr=False, init=False)
class Bare:
    x: int = 4
print(Bare().x, "Bare object" in repr(Bare()))
@dataclass
class Meta:
    x: int = field(default=1, metadata={"unit": "m"})
print(fields(Meta)[0].metadata["unit"], dict(fields(Meta)[0].metadata))
match Point(1, 2):
    case Point(1, y):
        print("matched", y)
