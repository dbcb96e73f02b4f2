# Binary, reflected, in-place and unary operators on classes; NotImplemented and CPython's TypeErrors.
class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x})"
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        return V(o + self.x) if isinstance(o, int) else NotImplemented
    def __iadd__(self, o):
        self.x += o.x if isinstance(o, V) else o
        return self
    def __sub__(self, o): return V(self.x - o.x)
    def __mul__(self, o): return V(self.x * o)
    def __rmul__(self, o): return V(o * self.x * 10)
    def __matmul__(self, o): return ("matmul", self.x, o.x)
    def __rmatmul__(self, o): return ("rmatmul", o, self.x)
    def __truediv__(self, o): return ("div", o)
    def __floordiv__(self, o): return ("fdiv", o)
    def __mod__(self, o): return ("mod", o)
    def __rmod__(self, o): return ("rmod", o)
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o, m=None): return ("rpow", o, m)
    def __lshift__(self, o): return ("lshift", o)
    def __rrshift__(self, o): return ("rrshift", o)
    def __and__(self, o): return ("and", o)
    def __or__(self, o): return ("or", o)
    def __xor__(self, o): return ("xor", o)
    def __neg__(self): return V(-self.x)
    def __pos__(self): return ("pos",)
    def __abs__(self): return ("abs",)
    def __invert__(self): return ("inv",)
print(V(1) + V(2), V(1) + 5, 5 + V(1), V(3) - V(1), V(2) * 3, 3 * V(2), V(1) @ V(2), 4 @ V(2))
print(V(1) / 2, V(1) // 2, V(1) % 2, 2 % V(1), divmod(V(1), 2), divmod(2, V(1)))
print(V(1) ** 2, 2 ** V(1), pow(V(1), 2, 5), V(1) << 2, 2 >> V(1), V(1) & 1, V(1) | 1, V(1) ^ 1)
print(-V(1), +V(1), abs(V(1)), ~V(1))
v = V(1); v += 2; print(v); v += V(3); print(v)
w = V(1); w -= V(1); print(w)
w *= 2; print(w)
try: V(1) + "s"
except TypeError as e: print(e)
try: "s" + V(1)
except TypeError as e: print(e)
try: V(1) - 1
except AttributeError as e: print(e)
try: 1 - V(1)
except TypeError as e: print(e)
try: pow(2, V(1), 3)
except TypeError as e: print(e)
try: V(1) >> 1
except TypeError as e: print(e)
try: 1 << V(1)
except TypeError as e: print(e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __lt__(self, o): return "Base.lt"
    def __gt__(self, o): return "Base.gt"
class Derived(Base):
    def __radd__(self, o): return "Derived.radd"
    def __gt__(self, o): return "Derived.gt"
print(Base() + Derived(), Derived() + Base(), Base() < Derived(), Derived() < Base())
class Der2(Base): pass
print(Base() + Der2())
class I(int):
    def __radd__(self, o): return "I.radd"
print(1 + I(2), I(2) + 1)
class F(float):
    def __rsub__(self, o): return "F.rsub"
print(1.0 - F(2), 1 - F(2))
for op in ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@']:
    try: eval(f"object() {op} 1")
    except TypeError as e: print(e)
for op in ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=', '@=']:
    try:
        x = object(); exec(f"x {op} 1")
    except TypeError as e: print(e)
for op in ['-', '+', '~']:
    try: eval(f"{op}object()")
    except TypeError as e: print(e)
try: abs(object())
except TypeError as e: print(e)
try: [] * 1.5
except TypeError as e: print(e)
try: 'a' * 'b'
except TypeError as e: print(e)
try: [] + ()
except TypeError as e: print(e)
try: () + []
except TypeError as e: print(e)
try: 'a' + 1
except TypeError as e: print(e)
try: 1 + 'a'
except TypeError as e: print(e)
try: divmod(1, 'a')
except TypeError as e: print(e)
try: l = []; l += 1
except TypeError as e: print(e)
try: l = (); l *= 'x'
except TypeError as e: print(e)
class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __iadd__(self, o): return NotImplemented
try: NI() + NI()
except TypeError as e: print(e)
try: n = NI(); n += 1
except TypeError as e: print(e)
class OnlyAdd:
    def __add__(self, o): return "add"
o = OnlyAdd(); o += 1; print(o)
class Seq:
    def __mul__(self, o): return "Seq.mul"
print([1] * 2, 2 * [1], Seq() * [1])
class Idx:
    def __index__(self): return 2
print([1,2,3][Idx()], [1] * Idx(), Idx() * [1], "ab" * Idx(), range(Idx()), hex(Idx()), bin(Idx()), (1,2,3)[Idx():])
class MM:
    def __matmul__(self, o): return NotImplemented
try: MM() @ MM()
except TypeError as e: print(e)
