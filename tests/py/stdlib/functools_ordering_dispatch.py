import functools as ft
from collections.abc import Sequence, Mapping, Iterable

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@ft.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v if isinstance(o, V) else NotImplemented
    def __lt__(self, o): return self.v < o.v if isinstance(o, V) else NotImplemented
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), V.__gt__.__name__, V.__ge__.__doc__)
show(lambda: V(1) > 5)
@ft.total_ordering
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
print(G(1) < G(2), G(2) <= G(2), G(1) >= G(2), sorted(G(x) for x in [3, 1, 2])[0].v)
@ft.total_ordering
class LE:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
print(LE(1) < LE(1), LE(2) > LE(1), LE(1) >= LE(1))
show(lambda: ft.total_ordering(type('Nope', (), {})))

@ft.singledispatch
def fun(arg, verbose=False):
    return 'default:' + type(arg).__name__
@fun.register
def _(arg: int, verbose=False):
    return 'int'
@fun.register(list)
def _(arg, verbose=False):
    return 'list'
@fun.register(Sequence)
def _(arg, verbose=False):
    return 'sequence'
def nothing(arg, verbose=False):
    return 'none'
fun.register(type(None), nothing)
@fun.register(Mapping)
def _(arg):
    return 'mapping'
print(fun(1), fun(True), fun([1]), fun((1,)), fun('s'), fun(None), fun(1.5), fun({}), fun(range(2)))
print(fun.dispatch(bool).__name__, fun.registry[object].__name__, len(fun.registry), sorted(t.__name__ for t in fun.registry))
class MyList(list):
    pass
print(fun(MyList()))
show(lambda: fun())
show(lambda: fun.register(5))
def ann_str(arg: 'float'):
    return 'float!'
fun.register(ann_str); print(fun(2.5))
show(lambda: fun.register(lambda x: 0, 1) if False else fun.register(3, lambda x: 0))

class Iface:
    pass
@ft.singledispatch
def g(x):
    return 'base'
@g.register(Iterable)
def _(x):
    return 'iterable'
class Custom:
    def __iter__(self): return iter(())
print(g(Custom()), g(5), g([]))

class A:
    @ft.singledispatchmethod
    def m(self, arg):
        return 'A.default'
    @m.register
    def _(self, arg: int):
        return 'A.int'
    @m.register(str)
    def _(self, arg):
        return 'A.str'
    @ft.singledispatchmethod
    @classmethod
    def c(cls, arg):
        return 'cls default ' + cls.__name__
    @c.register(int)
    @classmethod
    def _(cls, arg):
        return 'cls int ' + cls.__name__
print(A().m(1), A().m('s'), A().m(2.0), A.c(1), A().c('x'), A.m.__name__ if hasattr(A.m, '__name__') else None)

class Cell:
    def __init__(self, v):
        self._v = v
    def _set(self, name, value):
        setattr(self, name, value)
    set_a = ft.partialmethod(_set, 'a')
    set_b = ft.partialmethod(_set, 'b', 99)
print(repr(Cell.set_b).split(' at ')[0])
c = Cell(1); c.set_a(5); c.set_b(); print(c.a, c.b)
class Counter:
    count = 0
    @ft.cached_property
    def expensive(self):
        Counter.count += 1
        return [Counter.count]
    other = ft.cached_property(lambda self: 'lam')
cc = Counter(); print(cc.expensive, cc.expensive, Counter.count, 'expensive' in cc.__dict__, cc.other)
del cc.expensive; print(cc.expensive, type(Counter.expensive).__name__, Counter.expensive.attrname)
class Slots:
    __slots__ = ('x',)
    @ft.cached_property
    def p(self): return 1
show(lambda: Slots().p)
cp = ft.cached_property(lambda s: 0)
show(lambda: cp.__get__(Counter()))
