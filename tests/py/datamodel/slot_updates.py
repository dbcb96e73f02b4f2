# Special methods assigned to or deleted from a base class after instances of subclasses exist.
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {e}"
class A: pass
class B(A): pass
a, b = A(), B()
print(t(lambda: a + 1), t(lambda: len(b)), t(lambda: b()), t(lambda: iter(b)), t(lambda: -b), t(lambda: b[0]))
A.__add__ = lambda s, o: "A.add"
A.__len__ = lambda s: 7
A.__call__ = lambda s, *x: ("called", x)
A.__iter__ = lambda s: iter("it")
A.__neg__ = lambda s: "neg"
A.__getitem__ = lambda s, k: ("item", k)
A.__bool__ = lambda s: False
A.__contains__ = lambda s, x: True
A.__eq__ = lambda s, o: "eq!"
A.__lt__ = lambda s, o: "lt!"
A.__hash__ = lambda s: 99
A.__repr__ = lambda s: "A-repr"
A.__str__ = lambda s: "A-str"
A.__format__ = lambda s, spec: "fmt:" + spec
A.__getattr__ = lambda s, n: "ga:" + n
A.__setitem__ = lambda s, k, v: print("setitem", k, v)
A.__enter__ = lambda s: "entered"
A.__exit__ = lambda s, *x: True
print(b + 1, 1 + b if False else "", len(b), b(1), list(b), -b, b[3], bool(b), 5 in b, b == 1, b < 2, hash(b), repr(b), str(b), f"{b:x}", b.zz)
b[1] = 2
with b as v: print(v)
print(t(lambda: 1 + b))
A.__radd__ = lambda s, o: "A.radd"
print(1 + b)
del A.__add__
print(t(lambda: b + 1))
del A.__len__
print(t(lambda: len(b)), bool(b))
del A.__bool__
print(bool(b))
B.__bool__ = lambda s: False
print(bool(b), bool(a))
del A.__call__, A.__iter__, A.__neg__, A.__getitem__, A.__eq__, A.__lt__, A.__hash__, A.__repr__, A.__str__
print(t(lambda: b()), t(lambda: iter(b)), t(lambda: -b), t(lambda: b[0]), b == b, t(lambda: b < b), type(hash(b)).__name__, repr(b)[:10], str(b)[:10])
del A.__getattr__
print(t(lambda: b.zz))
A.__init__ = lambda s, x: setattr(s, 'x', x)
print(B(5).x, t(lambda: B()))
del A.__init__
print(t(lambda: B(5)))
A.__new__ = lambda cls, *a: "from new"
print(B(1, 2))
del A.__new__
print(type(B()).__name__)
A.__class_getitem__ = classmethod(lambda cls, k: (cls.__name__, k))
print(B[int])
A.__init_subclass__ = classmethod(lambda cls: print("init_subclass", cls.__name__))
class C(B): pass
A.__set_name__ = lambda s, o, n: print("set_name", n)
class D:
    x = A()
A.__getattribute__ = lambda s, n: "getattribute " + n
print(b.anything, a.x if False else "")
del A.__getattribute__
A.__setattr__ = lambda s, n, v: print("setattr", n, v)
b.q = 1
A.__delattr__ = lambda s, n: print("delattr", n)
del b.q
del A.__setattr__, A.__delattr__
b.q = 2; print(b.q)
A.__iadd__ = lambda s, o: "iadd"
x = b; x += 1; print(x)
A.__index__ = lambda s: 2
print([10, 20, 30][b], hex(b))
A.__int__ = lambda s: 42
A.__float__ = lambda s: 4.5
print(int(b), float(b))
A.__get__ = lambda s, o, c: "got"
class E:
    attr = A()
print(E.attr, E().attr)
A.__set__ = lambda s, o, v: print("set via descriptor", v)
e = E(); e.attr = 9
print(e.__dict__)
class F: pass
F.__del__ = lambda s: print("del hook")
tmp = F(); del tmp
del F.__del__
tmp = F(); del tmp
print("end")
