def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

vals = [0j, 1j, 1 + 2j, -3.5 + 0.5j, 2, -1.5, complex(float('inf'), 1), complex(1, float('nan'))]
for a in vals:
    for b in vals:
        if not isinstance(a, complex) and not isinstance(b, complex):
            continue
        try:
            q = a / b
        except ZeroDivisionError as e:
            q = str(e)
        print(a + b, a - b, a * b, q)
t(lambda: 1 / 0j)
t(lambda: (1 + 1j) / 0)
t(lambda: 1j // 1)
t(lambda: 1j % 1)
t(lambda: divmod(1j, 1))
t(lambda: 1j < 1j)
t(lambda: 1j > 1)
t(lambda: 1j <= 1.0)
t(lambda: 1j + 10**400)
t(lambda: 1j + "a")
t(lambda: -(1 + 2j))
t(lambda: -(0j))
t(lambda: +(1 + 2j))
t(lambda: abs(3 + 4j))
t(lambda: abs(1e308 + 1e308j))
t(lambda: abs(complex(float('inf'), float('nan'))))
t(lambda: abs(complex(float('nan'), 1)))
t(lambda: abs(-0j))
print(1j == 1j, 1j != 1j, 1 + 0j == 1, 1 + 0j == 1.0, 1 + 1j == 1, (2**53 + 1) + 0j == 2**53 + 1,
      complex(2**53) == 2**53 + 1, 1j == "a", 0j == False)
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(1j), hash(-1j), hash(3 - 4j), hash(complex(-1, 0)))
n = complex(float('nan'), 0)
print(hash(n) == hash(n), n == n)
x = 1 + 1j
x += 1
x *= 1j
x -= 2
x /= 2
print(x)
print((1 + 2j).__add__(1), (1 + 2j).__radd__(1), (1 + 2j).__rsub__(1), (1 + 2j).__rtruediv__(1),
      (1 + 2j).__add__("x"), (1j).__eq__(1j), (1j).__lt__(1j))
