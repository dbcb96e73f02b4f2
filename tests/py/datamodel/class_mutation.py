# Classes changed after instances exist: the attribute and method caches must follow.
class A:
    def m(self): return "A.m"
    x = 1
class B(A): pass
objs = [B() for _ in range(3)]
def run(tag):
    out = []
    for o in objs:
        try: out.append(o.m())
        except AttributeError as e: out.append("AE")
        try: out.append(o.x)
        except AttributeError as e: out.append("AE")
    print(tag, out)
for i in range(3): run("base")
A.m = lambda self: "new A.m"
for i in range(2): run("replaced")
B.m = lambda self: "B.m"
for i in range(2): run("B override")
del B.m
for i in range(2): run("B del")
del A.m
for i in range(2): run("A del")
A.x = 2
for i in range(2): run("x=2")
objs[0].x = "inst"
for i in range(2): run("inst x")
class P:
    @property
    def x(self): return "prop"
B.x = P.__dict__['x']
for i in range(2): run("prop on B")
del B.x
for i in range(2): run("prop removed")
class C:
    def __init__(self): self.a = 1; self.b = 2
cs = [C() for _ in range(3)]
def rd():
    return [(c.a, c.b) for c in cs]
for i in range(3): print(rd())
del cs[1].a
cs[1].a = 10
for i in range(2): print(rd())
cs[2].__dict__ = {'a': 'new', 'b': 'dict'}
for i in range(2): print(rd())
class C2:
    def __init__(self): self.a = 'C2a'; self.b = 'C2b'
    def m(self): return "C2.m"
C.m = lambda self: "C.m"
def rm(): return [c.m() for c in cs]
for i in range(2): print(rm())
cs[0].__class__ = C2
for i in range(2): print(rd(), rm())
class D:
    pass
d = D()
def ga(): 
    try: return d.v
    except AttributeError: return "AE"
for i in range(3): print(ga())
d.v = 1
for i in range(3): print(ga())
del d.v
for i in range(2): print(ga())
D.v = "cls"
for i in range(2): print(ga())
class Meta(type):
    attr = "meta"
class E(metaclass=Meta): pass
def ge():
    try: return E.attr
    except AttributeError: return "AE"
for i in range(2): print(ge())
Meta.attr = "meta2"
for i in range(2): print(ge())
E.attr = "own"
for i in range(2): print(ge())
del E.attr
del Meta.attr
for i in range(2): print(ge())
class F:
    def __init__(self): self.val = 1
f = F()
def gf(): return f.val
for i in range(3): print(gf())
class DD:
    def __get__(self, o, t): return "descr"
    def __set__(self, o, v): pass
F.val = DD()
for i in range(2): print(gf())
del F.val
class ND:
    def __get__(self, o, t): return "nondescr"
F.val = ND()
for i in range(2): print(gf())
ND.__set__ = lambda s, o, v: None
for i in range(2): print(gf())
class G:
    def __init__(self): self.q = 1
g = G()
def gg(): return g.q
for i in range(3): print(gg())
G.__getattribute__ = lambda self, n: "intercepted " + n
for i in range(2): print(gg())
del G.__getattribute__
for i in range(2): print(gg())
def st(): g.q = 5; return g.__dict__
G.__setattr__ = lambda self, n, v: print("setattr hook", n, v)
for i in range(2): print(st())
del G.__setattr__
for i in range(2): print(st())
class H:
    def m(self): return "H.m"
h = H()
def hm(): return h.m()
for i in range(3): print(hm())
h.m = lambda: "inst m"
for i in range(2): print(hm())
del h.m
for i in range(2): print(hm())
class Base2: 
    def m(self): return "Base2"
class Base3:
    def m(self): return "Base3"
class K(Base2): pass
k = K()
def km(): return k.m()
for i in range(3): print(km())
K.__bases__ = (Base3,)
for i in range(2): print(km(), K.__mro__)
