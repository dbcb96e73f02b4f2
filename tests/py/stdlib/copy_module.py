import copy

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

l = [1, [2, 3], {'a': [4]}]
s = copy.copy(l); d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d[1] is l[1], d[2]['a'] is l[2]['a'], d == l)
t = (1, 2, [3]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 'a')) is not None)
for x in [None, 1, 2.5, 'str', b'b', frozenset({1}), range(3), len, copy.copy, int, Ellipsis, NotImplemented, True, 1j]:
    print(type(x).__name__, copy.copy(x) is x, copy.deepcopy(x) is x)
print(copy.copy({1, 2}), copy.deepcopy({'k': {1, 2}}), copy.copy(bytearray(b'ab')), copy.deepcopy(bytearray(b'xy')))
a = [1]; a.append(a); b = copy.deepcopy(a); print(b[1] is b, b[0])
r = {}; r['self'] = r; rr = copy.deepcopy(r); print(rr['self'] is rr)
shared = [0]; pair = [shared, shared]; cp = copy.deepcopy(pair); print(cp[0] is cp[1], cp[0] is shared)

class Plain:
    def __init__(self, v): self.v = v; self.items = [v]
p = Plain(3); pc = copy.copy(p); pd = copy.deepcopy(p)
print(type(pc).__name__, pc.v, pc.items is p.items, pd.items is p.items, pd.items)

class Slotted:
    __slots__ = ('a', '__b')
    def __init__(self): self.a = [1]; self.__b = 2
    def b(self): return self.__b
sc = copy.deepcopy(Slotted()); print(sc.a, sc.b())
class Half(Slotted):
    def __init__(self): super().__init__(); self.extra = 'e'
h = copy.copy(Half()); print(h.a, h.b(), h.extra)
s2 = Slotted(); del s2.a; print(hasattr(copy.copy(s2), 'a'))

class Custom:
    def __init__(self): self.n = 0
    def __copy__(self): c = Custom(); c.n = 'shallow'; return c
    def __deepcopy__(self, memo): c = Custom(); c.n = ('deep', len(memo) >= 0); return c
print(copy.copy(Custom()).n, copy.deepcopy(Custom()).n, copy.deepcopy([Custom()])[0].n)

class Reduced:
    def __init__(self, a, b=0): self.a, self.b = a, b
    def __reduce__(self): return (Reduced, (self.a,), {'b': self.b * 10})
rc = copy.copy(Reduced(1, 2)); print(rc.a, rc.b)

class ReducedEx:
    def __reduce_ex__(self, proto): return (ReducedEx, (), None, iter([]), None) if proto == 4 else None
print(type(copy.copy(ReducedEx())).__name__)

class WithState:
    def __init__(self): self.x = 1; self.y = [2]
    def __getstate__(self): return {'x': self.x * 100}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
ws = copy.deepcopy(WithState()); print(ws.x, ws.restored, hasattr(ws, 'y'))

class Global:
    def __reduce__(self): return 'Global'
g = Global(); print(copy.copy(g) is g, copy.deepcopy(g) is g)

class MyList(list):
    pass
ml = MyList([1, [2]]); ml.attr = 'x'; mc = copy.copy(ml); md = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.attr, mc[1] is ml[1], md[1] is ml[1])
class MyDict(dict):
    pass
mdict = MyDict(a=[1]); mdict.z = 9; dc = copy.deepcopy(mdict); print(type(dc).__name__, dc, dc.z, dc['a'] is mdict['a'])
class MyInt(int):
    pass
mi = MyInt(5); mi.tag = 't'; mic = copy.copy(mi); print(type(mic).__name__, mic, mic.tag)
class MyTuple(tuple):
    pass
print(copy.deepcopy(MyTuple((1, [2]))), type(copy.copy(MyTuple((1,)))).__name__)

class Meth:
    def m(self): return self
mo = Meth(); bm = copy.deepcopy(mo.m); print(bm() is not mo, type(bm()).__name__)
print(copy.copy(copy.Error) is copy.Error, issubclass(copy.Error, Exception), copy.error is copy.Error)
memo = {}; x = [1, 2]; y = copy.deepcopy([x, x], memo); print(id(x) in memo, y[0] is y[1])

def gen():
    yield 1
show(lambda: copy.copy(gen()))
show(lambda: copy.deepcopy(gen()))
print(copy.__all__)
from collections import OrderedDict, Counter, namedtuple, deque, defaultdict
P = namedtuple('P', 'x y')
print(copy.copy(P(1, [2])), copy.deepcopy(P(1, [2])), copy.deepcopy(OrderedDict(a=[1])), copy.copy(Counter('aab')))
print(copy.copy(deque([1, [2]], 3)), copy.deepcopy(deque([1, [2]])), copy.copy(defaultdict(int, a=1)), copy.deepcopy(defaultdict(list, x=[1])))
