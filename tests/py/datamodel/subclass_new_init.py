# __new__/__init__ overrides of built-in subclasses, and which overridden dunders built-in operations honour.
class F(float):
    def __new__(cls, v, unit="m"):
        o = super().__new__(cls, v)
        o.unit = unit
        return o
f = F(2.5, "km")
print(f, f.unit, f * 2, type(f * 2).__name__)
class FS(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)
print(sorted(FS(3, 1, 2)), type(FS(1)).__name__)
class B(bytes):
    def __new__(cls, s):
        return super().__new__(cls, s.encode())
print(B("hi"), type(B("hi")).__name__)
class C(complex):
    def __new__(cls, r):
        return super().__new__(cls, r, r)
print(C(2))
class I(int):
    def __init__(self, v, extra=None):
        self.extra = extra
try: I(5, extra=1)
except TypeError as e: print(e)
class I2(int):
    def __new__(cls, v, extra=None):
        o = super().__new__(cls, v); o.extra = extra; return o
print(I2(5, extra=1).extra, I2("12"), I2(I2(3)))
class L(list):
    def __init__(self, *args, tag=None):
        super().__init__(*args)
        self.tag = tag
l = L([1], tag="t")
print(l, l.tag)
class D(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.n = len(kw)
print(D(a=1, b=2), D(a=1).n)
class S(str):
    def __init__(self, v):
        self.orig = v
try: print(S("abc").orig)
except TypeError as e: print(e)
class T(tuple):
    def __init__(self, it):
        self.n = len(self)
print(T([1,2]).n)
class Bo(int):
    def __bool__(self): return False
print(bool(Bo(5)), not Bo(5), bool(I2(0)))
class LenList(list):
    def __len__(self): return 99
ll = LenList([1, 2])
print(len(ll), bool(LenList()), list(ll), ll[:])
class ItList(list):
    def __iter__(self): return iter(["overridden"])
il = ItList([1, 2])
print(list(il), [x for x in il], tuple(il), sorted(il), str(il), il == [1, 2], 1 in il, ", ".join(map(str, il)))
a, *b = ItList([5, 6]) if False else ([5], [])
class GetD(dict):
    def __getitem__(self, k): return "over"
    def keys(self): return ["z"]
gd = GetD(a=1)
print(dict(gd), {**gd}, gd['a'], list(gd))
def kw(**k): return k
print(kw(**gd))
class KD(dict):
    def keys(self): return ["a"]
    def __getitem__(self, k): return "KD"
print(dict(KD(a=1, b=2)), {**KD(a=1)}, kw(**KD(a=1)))
class Mapping:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k * 2
print(dict(Mapping()), {**Mapping()}, kw(**Mapping()))
d = {}; d.update(Mapping()); print(d)
class StrEq(str):
    def __eq__(self, o): return True
    def __hash__(self): return 0
print(StrEq("a") == "b", "b" == StrEq("a"), {StrEq("a"): 1}.get("zz"))
class IntH(int):
    def __hash__(self): return 5
print(hash(IntH(3)), {IntH(3): 1})
class LtStr(str):
    def __lt__(self, o): return False
print(sorted([LtStr("b"), LtStr("a")]))
class MyFmt(int):
    def __format__(self, spec): return "fmt:" + spec
print(f"{MyFmt(3):>4}", format(MyFmt(1)), "{}".format(MyFmt(2)), "%d" % MyFmt(3), str(MyFmt(4)))
class MyRepr(int):
    def __repr__(self): return "R"
print(MyRepr(3), str(MyRepr(3)), [MyRepr(3)], f"{MyRepr(3)}", "%s %r" % (MyRepr(1), MyRepr(1)))
class MyStrS(str):
    def __str__(self): return "STR"
print(MyStrS("x"), str(MyStrS("x")), f"{MyStrS('x')}", "%s" % MyStrS("x"), MyStrS("x") + "y", "{}".format(MyStrS('x')))
class FlRepr(float):
    def __repr__(self): return "FR"
print(FlRepr(1.5), str(FlRepr(1.5)), f"{FlRepr(1.5)}")
