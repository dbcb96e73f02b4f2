class I(int):
    def __repr__(self):
        return "I(%d)" % int(self)

a = I(5)
b = I("ff", 16)
c = I()
print(a, b, c, repr(a), str(a), int(a), type(a).__name__, isinstance(a, int))
print(a + 1, type(a + 1).__name__, a * b, type(a * b).__name__, -a, type(-a).__name__, +a, type(+a).__name__)
print(abs(I(-3)), type(abs(I(-3))).__name__, ~a, a ** 2, a / 2, a // 2, a % 3, divmod(a, 3), a << 2, a >> 1)
print(a == 5, a < 6, hash(a) == hash(5), a.bit_length(), a.real, type(a.real).__name__, a.numerator)
print(int(a), type(int(a)).__name__, float(a), round(a), type(round(a)).__name__)
big = I(10**30)
print(big + 1, big.bit_length(), type(big // 7).__name__)

class J(int):
    def __new__(cls, v, extra):
        self = super().__new__(cls, v)
        self.extra = extra
        return self
j = J(7, "x")
print(j, j.extra, j + 1, j.__dict__)

class K(int):
    def __add__(self, other):
        return "K.add"
    def __radd__(self, other):
        return "K.radd"
print(K(1) + 1, 1 + K(1), K(1) + K(2))

class L(int):
    pass
print(L(3) * 2, 2 * L(3), L(-7) // 2, L(2**70) % 10, [L(1), L(2)][L(1)], "ab" * L(3))
print(I.__mro__)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(format(I(42), 'x'), '%d' % I(7), '{}'.format(I(9)))
