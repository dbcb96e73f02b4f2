# Metaclasses, __init_subclass__, __set_name__, __class_getitem__.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls

    def __call__(cls, *args):
        obj = super().__call__(*args)
        obj.made_by_meta = True
        return obj


class Base(metaclass=Meta, flavour="vanilla"):
    def __init__(self, v=0):
        self.v = v


class Sub(Base):
    pass


s = Sub(3)
print(type(Sub).__name__, Sub.tag, Base.kw, Sub.kw, s.v, s.made_by_meta)


class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(name or cls.__name__)


class A(Plugin, name="alpha"):
    pass


class B(Plugin):
    pass


print(Plugin.registry)


class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset:" + self.name)

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2


class Model:
    size = Field()
    colour = Field()


m = Model()
m.size = 21
print(m.size, m.colour, Model.size.owner, Model.colour.name)


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"


print(Box[int])
try:
    class Bad(metaclass=Meta, **{}): pass
    class M2(type): pass
    class C2(metaclass=M2): pass
    class Conflict(Bad, C2): pass
except TypeError as e:
    print("TypeError:", e)
