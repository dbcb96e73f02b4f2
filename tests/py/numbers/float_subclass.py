class F(float):
    def __repr__(self):
        return "F(%r)" % float(self)

a = F(1.5)
b = F("2.5")
c = F()
print(a, b, c, repr(a), str(a), float(a), type(a).__name__, isinstance(a, float))
print(a + 1, type(a + 1).__name__, -a, type(-a).__name__, +a, type(+a).__name__, abs(F(-2.0)), type(abs(F(-2.0))).__name__)
print(a == 1.5, hash(a) == hash(1.5), a.real, type(a.real).__name__, a.conjugate(), type(a.conjugate()).__name__)
print(int(a), round(a), round(a, 1), type(round(a, 1)).__name__, a.hex(), a.as_integer_ratio(), a.is_integer())
print(format(a, '.3f'), '%.2f' % a, f'{a}')

class G(float):
    def __new__(cls, v, tag):
        self = super().__new__(cls, v)
        self.tag = tag
        return self
g = G(3.25, "t")
print(g, g.tag, g * 2, g.__dict__)
class H(float):
    pass
print(H(2) ** 2, 2 ** H(2), H(7) // 2, divmod(H(7), 2), H(1) / 4, [H(1.5)][0])
print(float.__new__(H, 1.0), type(float.__new__(H, 1.0)).__name__)
try:
    float.__new__(int, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
