def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

for a in [0, 1, -1, 2, -2, 3, 10, -10, 2**40]:
    for b in [0, 1, 2, 3, 10, 63, 64, 100]:
        t(lambda: a ** b)
t(lambda: 2 ** -1)
t(lambda: (-2) ** -2)
t(lambda: 10 ** -300)
t(lambda: 2 ** -1075)
t(lambda: 0 ** -1)
t(lambda: 0 ** 0)
t(lambda: (-1) ** (10**400))
t(lambda: (-1) ** (10**400 + 1))
t(lambda: 1 ** (10**400))
t(lambda: 0 ** (10**400))
t(lambda: 1 ** -(10**400))
t(lambda: pow(2, 10**100, 7))
t(lambda: pow(3, -2, 7))
t(lambda: pow(2, -1, 4))
t(lambda: pow(3, 2, 0))
t(lambda: pow(2, 2, -3))
t(lambda: pow(-2, 3, -5))
t(lambda: pow(-2, 3, 5))
t(lambda: pow(5, 0, 1))
t(lambda: pow(5, -1, 1))
t(lambda: pow(5, -1, -1))
t(lambda: pow(0, -1, 5))
t(lambda: pow(38, -1, 97))
t(lambda: pow(38, -1, -97))
t(lambda: pow(10**30 + 3, -5, 10**20 + 39))
t(lambda: pow(2, 3.0, 5))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3, None))
t(lambda: pow(2, 0.5))
t(lambda: (-8) ** (1 / 3))
t(lambda: pow(True, 2))
t(lambda: pow(True, -1))
t(lambda: 3 ** 40 % 1000)
x = 3
x **= 4
print(x)
print(sum(pow(i, 65537, 2**61 - 1) for i in range(50)))
