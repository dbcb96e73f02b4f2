# A dataclass-like decorator: builds __init__, __repr__, __eq__ (and
# optionally ordering and __hash__) from __annotations__ with exec().

_MISSING = object()


class field:
    def __init__(self, *, default=_MISSING, default_factory=_MISSING, repr=True, compare=True):
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __repr__(self):
        return f"field(name={self.name!r})"


def _make_fn(name, args, body, env):
    src = f"def {name}({', '.join(args)}):\n" + "".join(f"    {line}\n" for line in body)
    ns = {}
    exec(src, env, ns)
    return ns[name]


def dataclass(cls=None, *, order=False, frozen=False):
    def wrap(cls):
        anns = cls.__dict__.get("__annotations__", {})
        fields = []
        for base in reversed(cls.__mro__[1:]):
            fields.extend(getattr(base, "__fields__", []))
        seen = {f.name for f in fields}
        for name, tp in anns.items():
            default = cls.__dict__.get(name, _MISSING)
            f = default if isinstance(default, field) else field(default=default)
            f.name = name
            f.type = tp
            if name in seen:
                fields = [x for x in fields if x.name != name]
            fields.append(f)
            if isinstance(default, field):
                if f.default is _MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, f.default)
        cls.__fields__ = fields
        env = {"_MISSING": _MISSING, "__fields": {f.name: f for f in fields}}
        args, body = ["self"], []
        for f in fields:
            if f.default is not _MISSING:
                env[f"_dflt_{f.name}"] = f.default
                args.append(f"{f.name}=_dflt_{f.name}")
            elif f.default_factory is not _MISSING:
                env[f"_fact_{f.name}"] = f.default_factory
                args.append(f"{f.name}=_MISSING")
            else:
                args.append(f.name)
            if f.default_factory is not _MISSING:
                value = f"_fact_{f.name}() if {f.name} is _MISSING else {f.name}"
            else:
                value = f.name
            if frozen:
                body.append(f"object.__setattr__(self, {f.name!r}, {value})")
            else:
                body.append(f"self.{f.name} = {value}")
        if hasattr(cls, "__post_init__"):
            body.append("self.__post_init__()")
        if not body:
            body.append("pass")
        cls.__init__ = _make_fn("__init__", args, body, env)
        cls.__init__.__qualname__ = f"{cls.__qualname__}.__init__"
        shown = [f for f in fields if f.repr]
        rep = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in shown)
        cls.__repr__ = _make_fn("__repr__", ["self"], [f'return f"{{type(self).__qualname__}}({rep})"'], env)
        cmp = [f for f in fields if f.compare]
        tup = "(" + "".join(f"self.{f.name}, " for f in cmp) + ")"
        otup = "(" + "".join(f"other.{f.name}, " for f in cmp) + ")"
        cls.__eq__ = _make_fn("__eq__", ["self", "other"],
                              ["if other.__class__ is self.__class__:",
                               f"    return {tup} == {otup}",
                               "return NotImplemented"], env)
        if order:
            for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
                setattr(cls, name, _make_fn(name, ["self", "other"],
                                            ["if other.__class__ is self.__class__:",
                                             f"    return {tup} {op} {otup}",
                                             "return NotImplemented"], env))
        if frozen:
            def __setattr__(self, name, value):
                raise AttributeError(f"cannot assign to field {name!r}")
            cls.__setattr__ = __setattr__
            cls.__hash__ = _make_fn("__hash__", ["self"], [f"return hash({tup})"], env)
        else:
            cls.__hash__ = None
        return cls

    return wrap if cls is None else wrap(cls)


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass(order=True)
class Item:
    name: str
    price: float = 1.0
    tags: list = field(default_factory=list)
    secret: str = field(default="s", repr=False, compare=False)


@dataclass(frozen=True)
class Frozen:
    a: int
    b: "str" = "b"


@dataclass
class Point3(Point):
    z: int = 0

    def __post_init__(self):
        self.norm = abs(self.x) + abs(self.y) + abs(self.z)


p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p == Point(2, 1), p != (1, 2))
print(Point.__init__.__qualname__, Point.__init__.__code__.co_varnames[:3])
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
items = [Item("b", 2.0), Item("a", 3.0, ["x"]), Item("a", 1.0)]
print(sorted(items))
print(items[0].tags is not items[2].tags, Item("q") == Item("q", secret="other"))
f = Frozen(1)
print(f, hash(f) == hash((1, "b")), {f: 1}[Frozen(1)])
try:
    f.a = 2
except AttributeError as e:
    print(type(e).__name__, e)
p3 = Point3(1, -2, 3)
print(p3, p3.norm, [fl.name for fl in Point3.__fields__])
print(Point.__annotations__, Frozen.__annotations__)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Item("a") < Point(1)
except TypeError as e:
    print(type(e).__name__, e)
