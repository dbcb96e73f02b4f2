def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

for a in [0j, 1j, 1 + 1j, 2 + 3j, -1, 0.5 - 1.5j]:
    for b in [0, 1, 2, 3, -1, -2, 0.5, 1j, 2 + 3j, 100, 101, -100, 1.5]:
        t(lambda: a ** b)
t(lambda: 0j ** -1)
t(lambda: 0j ** 1j)
t(lambda: 0j ** 0)
t(lambda: 0j ** (-1 + 0j))
t(lambda: (1e300 + 1e300j) ** 2)
t(lambda: (1e200 + 1e200j) ** 1.5)
t(lambda: (2 + 3j) ** 100)
t(lambda: (2 + 3j) ** 101)
t(lambda: (2 + 3j) ** -3)
t(lambda: (2 + 3j) ** 0.5)
t(lambda: 2 ** (1 + 1j))
t(lambda: 2.5 ** 1j)
t(lambda: pow(1j, 2, 3))
t(lambda: pow(1j, 2, None))
t(lambda: (-8) ** (1 / 3))
t(lambda: (-8.0) ** 0.5)
t(lambda: (1 + 1j) ** 10**400)
