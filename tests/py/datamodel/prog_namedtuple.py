# A namedtuple-like factory built with type(): a tuple subclass with
# __slots__ = (), property accessors, a __new__ override, _make/_replace/
# _asdict, and subclassing of the generated class.


def namedtuple(typename, field_names, *, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = tuple(field_names)
    for name in (typename,) + field_names:
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
    if len(set(field_names)) != len(field_names):
        raise ValueError("Encountered duplicate field name")
    nfields = len(field_names)
    defaults = tuple(defaults or ())
    if len(defaults) > nfields:
        raise TypeError("Got more default values than field names")

    def __new__(cls, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError(f"{typename}() takes {nfields} positional arguments but {len(args)} were given")
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            else:
                idx = field_names.index(name) - (nfields - len(defaults))
                if idx < 0:
                    raise TypeError(f"{typename}() missing argument {name!r}")
                values.append(defaults[idx])
        if kwargs:
            raise TypeError(f"{typename}() got unexpected keyword {next(iter(kwargs))!r}")
        return tuple.__new__(cls, values)

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError(f"Expected {nfields} arguments, got {len(result)}")
        return result

    def _replace(self, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(field_names, self))
        return f"{self.__class__.__name__}({inner})"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        "__doc__": f"{typename}({', '.join(field_names)})",
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": dict(zip(field_names[nfields - len(defaults):], defaults)),
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": field_names,
    }
    for index, name in enumerate(field_names):
        def getter(self, index=index):
            return self[index]
        ns[name] = property(getter, doc=f"Alias for field number {index}")
    cls = type(typename, (tuple,), ns)
    cls.__module__ = "__main__"
    return cls


Point = namedtuple("Point", "x, y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), hash(p) == hash((1, 2)))
print(Point.__doc__, Point.x.__doc__, Point.__mro__, Point.__slots__)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), p.__getnewargs__())
x, y = p
print(x + y, sum(p), max(p), sorted(Point(3, 1)), p + (3,), type(p + (3,)).__name__, p[::-1])
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point._make([1])
except TypeError as e:
    print(type(e).__name__, e)

Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=["eng", 100])
print(Emp("ann"), Emp("bob", salary=5), Emp._field_defaults)


class Point3(namedtuple("Point3Base", "x y z")):
    __slots__ = ()

    @property
    def norm(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __str__(self):
        return f"<{self.x},{self.y},{self.z}>"


q = Point3(1, -2, 3)
print(q, repr(q), q.norm, isinstance(q, tuple), type(q).__mro__[1].__name__)
match p:
    case Point(x=1, y=yy):
        print("matched", yy)
match q:
    case Point3(a, b, c):
        print("positional", a, b, c)
for bad in (("1x", "a"), ("T", "a a"), ("T", "a def-")):
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
print({Point(1, 2): "p"}[(1, 2)], Point(1, 2) < Point(1, 3))
