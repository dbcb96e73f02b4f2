# Pathological classes: unbounded recursion through special methods, bad mro(), deep and wide hierarchies,
# classes and dicts mutated while their methods or descriptors run.
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {str(e)[:60]}"
class RG:
    def __getattr__(self, n): return getattr(self, n + "x")
print(t(lambda: RG().a))
class RR:
    def __repr__(self): return repr(self)
print(t(lambda: repr(RR()))[:31])
class RE:
    def __eq__(self, o): return self == o
print(t(lambda: RE() == RE()))
class RH:
    def __hash__(self): return hash(self)
print(t(lambda: hash(RH())))
class RI:
    def __iter__(self): return iter(self)
print(t(lambda: iter(RI())))
class RGA:
    def __getattribute__(self, n): return self.__dict__
print(t(lambda: RGA().x))
class RL:
    def __len__(self): return len(self)
print(t(lambda: len(RL())))
class RB:
    def __bool__(self): return bool(self)
print(t(lambda: bool(RB())))
class RS:
    def __setattr__(self, n, v): setattr(self, n, v)
print(t(lambda: setattr(RS(), 'a', 1)))
class RI2:
    def __instancecheck__(self, o): return isinstance(o, self)
print(t(lambda: isinstance(1, RI2())))
class MCall(type):
    def __call__(cls, *a): return cls(*a)
class UsesMCall(metaclass=MCall): pass
print(t(lambda: UsesMCall()))
class BadMro(type):
    calls = 0
    def mro(cls):
        BadMro.calls += 1
        return [cls, 1]
print(t(lambda: BadMro('X', (), {})))
class MroNonSeq(type):
    def mro(cls): return 5
print(t(lambda: MroNonSeq('Y', (), {})))
class A: pass
class B(A): pass
print(t(lambda: setattr(A, '__bases__', (B,))), A.__bases__)
deep = object
for i in range(500):
    deep = type(f"D{i}", (deep,), {"v": i})
print(deep.v, len(deep.__mro__), deep().v)
many = [type(f"M{i}", (), {}) for i in range(200)]
Many = type("Many", tuple(many), {})
print(len(Many.__mro__))
class Mutator:
    def __set_name__(self, owner, name):
        owner.added = "during set_name"
        setattr(owner, name + "_copy", 1)
class Host:
    m = Mutator()
    n = Mutator()
print(Host.added, hasattr(Host, 'm_copy'), hasattr(Host, 'n_copy'))
class SwitchClass:
    def m(self):
        self.__class__ = Other
        return self.m2()
class Other:
    def m2(self): return "switched"
print(SwitchClass().m())
class SelfDel:
    def m(self):
        del SelfDel.m
        return "deleted while running"
s = SelfDel()
print(s.m(), t(lambda: s.m()))
class DescrDel:
    def __get__(self, o, c):
        del Owner.d
        return "descr deleted itself"
class Owner:
    d = DescrDel()
print(Owner().d, t(lambda: Owner().d))
class DictSwap:
    pass
ds = DictSwap()
ds.a = 1
class Evil(dict):
    pass
ds.__dict__ = Evil(b=2)
print(ds.b, t(lambda: ds.a), type(ds.__dict__).__name__)
ds.__dict__ = {}
print(t(lambda: ds.b))
class G:
    def __getattr__(self, n):
        del G.__getattr__
        return "once"
print(G().x, t(lambda: G().x))
class Cyc:
    pass
Cyc.self_ref = Cyc
c = Cyc(); c.me = c
print(c.me.me.me is c)
import sys
old = sys.getrecursionlimit()
class Chain:
    def __init__(self, n): self.next = Chain(n - 1) if n else None
ch = Chain(400)
del ch
print("chain freed")
