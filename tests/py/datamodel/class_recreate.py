# Recreating a class from its own dict (what dataclasses' slots=True does).
class P:
    x: int
    y: int = 0
    def __init__(self, x, y=0): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x}, {self.y})"
    def norm(self): return abs(self.x) + abs(self.y)
def add_slots(cls):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(cls.__annotations__)
    cls_dict['__slots__'] = field_names
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls
SP = add_slots(P)
p = SP(3, -4)
print(p, p.norm(), SP.__slots__, hasattr(p, '__dict__'), SP.__qualname__, SP.__module__, type(SP.x).__name__)
try: p.z = 1
except AttributeError as e: print(e)
class WithSuper:
    def __init__(self): self.v = 1
    def m(self): return super().__repr__()[:10]
    v: int
try:
    WS = add_slots(WithSuper)
    print(WS().m())
except TypeError as e: print("TypeError", e)
class Keep:
    a: int
Keep2 = type(Keep)(Keep.__name__, Keep.__bases__, dict(Keep.__dict__))
print(sorted(Keep2.__dict__), Keep2.__dict__['__dict__'].__objclass__)
try:
    Keep2().__dict__
except TypeError as e: print("TypeError", e)
k = Keep2()
k.q = 5
print(k.q)
print(vars(k) if False else '')
class Frozen:
    __slots__ = ('a',)
    def __setattr__(self, n, v): raise AttributeError("frozen")
    def __init__(self, a): object.__setattr__(self, 'a', a)
f = Frozen(1)
print(f.a)
try: f.a = 2
except AttributeError as e: print(e)
