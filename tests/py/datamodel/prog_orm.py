# An ORM-like model: typed field descriptors with validation, a metaclass
# that collects fields in definition order, and a tiny query layer.


class ValidationError(Exception):
    def __init__(self, field, value, reason):
        super().__init__(field, value, reason)
        self.field = field
        self.value = value
        self.reason = reason

    def __str__(self):
        return f"{self.field}: {self.reason} (got {self.value!r})"


class Field:
    _counter = 0

    def __init__(self, *, default=None, null=False):
        self.default = default
        self.null = null
        Field._counter += 1
        self.order = Field._counter

    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_f_" + name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, self.storage, self.default)

    def __set__(self, instance, value):
        if value is None:
            if not self.null:
                raise ValidationError(self.name, value, "may not be null")
        else:
            value = self.validate(value)
        setattr(instance, self.storage, value)

    def __delete__(self, instance):
        raise AttributeError(f"cannot delete field {self.name!r}")

    def validate(self, value):
        return value

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class IntegerField(Field):
    def __init__(self, *, min_value=None, **kw):
        super().__init__(**kw)
        self.min_value = min_value

    def validate(self, value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(self.name, value, "expected an integer")
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(self.name, value, f"must be >= {self.min_value}")
        return value


class CharField(Field):
    def __init__(self, *, max_length=255, **kw):
        super().__init__(**kw)
        self.max_length = max_length

    def validate(self, value):
        value = str(value)
        if len(value) > self.max_length:
            raise ValidationError(self.name, value, f"longer than {self.max_length}")
        return value


class ModelMeta(type):
    registry = {}

    def __new__(mcls, name, bases, ns, table=None):
        cls = super().__new__(mcls, name, bases, ns)
        fields = {}
        for base in reversed(cls.__mro__):
            for k, v in vars(base).items():
                if isinstance(v, Field):
                    fields[k] = v
        cls._fields = dict(sorted(fields.items(), key=lambda kv: kv[1].order))
        cls._table = table or name.lower() + "s"
        cls._rows = []
        if fields:
            mcls.registry[cls._table] = cls
        return cls

    def __len__(cls):
        return len(cls._rows)


class Model(metaclass=ModelMeta):
    id = IntegerField(min_value=1)

    def __init__(self, **values):
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__}() got unexpected fields {sorted(unknown)}")
        for name, f in self._fields.items():
            setattr(self, name, values.get(name, f.default))

    def save(self):
        if self not in self._rows:
            self._rows.append(self)
        return self

    @classmethod
    def where(cls, **conds):
        return [r for r in cls._rows if all(getattr(r, k) == v for k, v in conds.items())]

    def __repr__(self):
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self._fields)

    __hash__ = None


class User(Model, table="people"):
    name = CharField(max_length=8)
    age = IntegerField(min_value=0, null=True)


class Admin(User):
    level = IntegerField(default=1)


u = User(id=1, name="alice", age=30).save()
User(id=2, name="bob").save()
Admin(id=3, name="root", level=9).save()
print(u, User._fields, Admin._fields)
print(len(User), len(Admin), sorted(ModelMeta.registry))
print(User.where(name="bob"), Admin.where(level=9))
print(User.name, User.__dict__["age"].null, u.age)
u.age = 31
print(u.age, u.__dict__)
for bad in ({"id": 0, "name": "x"}, {"id": 5, "name": "a" * 9}, {"id": "7", "name": "z"}, {"id": None}):
    try:
        User(**bad)
    except ValidationError as e:
        print(type(e).__name__, e, e.args)
try:
    User(id=1, name="x", email="e")
except TypeError as e:
    print(type(e).__name__, e)
try:
    del u.name
except AttributeError as e:
    print(type(e).__name__, e)
print(User(id=1, name="alice", age=31) == u, u != User(id=1, name="alice"))
try:
    {u}
except TypeError as e:
    print(type(e).__name__, e)
