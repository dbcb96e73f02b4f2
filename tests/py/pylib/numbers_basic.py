import numbers
from numbers import Number, Complex, Real, Rational, Integral
for v in (1, True, 2.5, 1j, "x", None):
    print(repr(v), [isinstance(v, c) for c in (Number, Complex, Real, Rational, Integral)])
print(issubclass(int, Integral), issubclass(float, Rational), issubclass(complex, Real), issubclass(bool, Number))
try:
    Integral()
except TypeError as e:
    print("TypeError", e)
class MyInt(Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __pow__(self, e, m=None): return MyInt(pow(self.v, int(e), m))
    __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = __and__ = __rand__ = lambda s, o: 0
    __xor__ = __rxor__ = __or__ = __ror__ = lambda s, o: 0
    def __invert__(self): return MyInt(~self.v)
    def __trunc__(self): return self.v
    __floor__ = __ceil__ = __trunc__
    def __round__(self, n=None): return self.v
    def __floordiv__(self, o): return MyInt(self.v // int(o))
    def __rfloordiv__(self, o): return MyInt(int(o) // self.v)
    def __mod__(self, o): return MyInt(self.v % int(o))
    def __rmod__(self, o): return MyInt(int(o) % self.v)
    def __lt__(self, o): return self.v < int(o)
    def __le__(self, o): return self.v <= int(o)
    def __add__(self, o): return MyInt(self.v + int(o))
    __radd__ = __add__
    def __neg__(self): return MyInt(-self.v)
    def __pos__(self): return MyInt(self.v)
    def __mul__(self, o): return MyInt(self.v * int(o))
    __rmul__ = __mul__
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __rpow__(self, b): return b ** self.v
    def __abs__(self): return MyInt(abs(self.v))
    def __eq__(self, o): return self.v == int(o)
    __hash__ = lambda self: hash(self.v)
m = MyInt(7)
print(int(m), float(m), complex(m), m.real.v, m.imag, m.numerator.v, m.denominator, [10, 20, 30, 40, 50, 60, 70, 80][m], (m - 2).v, (10 - m).v, divmod(m, 3)[0].v, bool(m), bool(MyInt(0)), m.conjugate().v)
print(isinstance(m, Real), Number.__hash__, hash(m) == 7)
