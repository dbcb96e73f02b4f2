# An Enum-like class built with a metaclass whose __prepare__ returns a
# namespace that records member definitions in order and rejects duplicates.


class _EnumDict(dict):
    def __init__(self):
        super().__init__()
        self.member_names = []

    def __setitem__(self, key, value):
        if key in self.member_names:
            raise TypeError(f"Attempted to reuse key: {key!r}")
        is_member = not (key.startswith("_") or callable(value) or isinstance(value, (classmethod, staticmethod, property)))
        if is_member:
            self.member_names.append(key)
        super().__setitem__(key, value)


class EnumMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        return _EnumDict()

    def __new__(mcls, name, bases, classdict, **kwds):
        members = {k: classdict[k] for k in classdict.member_names}
        ns = {k: v for k, v in classdict.items() if k not in members}
        cls = super().__new__(mcls, name, bases, ns, **kwds)
        cls._member_map_ = {}
        cls._value_map_ = {}
        for mname, value in members.items():
            inst = object.__new__(cls)
            inst._name_ = mname
            inst._value_ = value
            type.__setattr__(cls, mname, inst)
            cls._member_map_[mname] = inst
            cls._value_map_.setdefault(value, inst)
        return cls

    def __call__(cls, value):
        try:
            return cls._value_map_[value]
        except KeyError:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

    def __iter__(cls):
        return iter(cls._member_map_.values())

    def __len__(cls):
        return len(cls._member_map_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError(f"cannot delete member {name!r}")
        super().__delattr__(name)

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"


class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias

    def describe(self):
        return f"{self.name} is {self.value}"

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color, repr(Color.RED), Color.RED, Color.BLUE.describe())
print(list(Color), len(Color))
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.default())
print(Color.RED in Color, 1 in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
print({Color.RED: "r", Color.GREEN: "g"}[Color.RED])
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED != 1)
print(sorted(Color, key=lambda m: m.value, reverse=True))
print(Color.RED.__reduce_ex__(2))
try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Color.GREEN
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(type(e).__name__, e)
Color.extra = "fine"
print(Color.extra)


class Flagish(Enum):
    READ = 4
    WRITE = 2

    def __or__(self, other):
        return self.value | other.value


print(Flagish.READ | Flagish.WRITE, [m.name for m in Flagish])
