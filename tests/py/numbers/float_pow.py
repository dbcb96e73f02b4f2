def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

inf, nan = float('inf'), float('nan')
vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3, -3, inf, -inf, nan]
for a in vals:
    for b in vals:
        if isinstance(a, int) and isinstance(b, int):
            continue
        try:
            r = a ** b
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(a), repr(b), repr(r))
t(lambda: 1e308 ** 2)
t(lambda: 10.0 ** 400)
t(lambda: (-10.0) ** 401)
t(lambda: (-10.0) ** 400)
t(lambda: 10.0 ** -400)
t(lambda: 1e300 ** 1.5)
t(lambda: 0.0 ** -1)
t(lambda: 0.0 ** -0.5)
t(lambda: (-0.0) ** -1)
t(lambda: (-0.0) ** -2)
t(lambda: (-0.0) ** 3)
t(lambda: (-8.0) ** (1 / 3))
t(lambda: (-2.0) ** 0.5)
t(lambda: (-1.0) ** 1e300)
t(lambda: (-1.0) ** 3e15)
t(lambda: (-1.0) ** 2**1023 * 1.0)
t(lambda: 2.0 ** 0.5)
t(lambda: 2 ** 0.5)
t(lambda: 2.0 ** 10)
t(lambda: 2.0 ** -1074)
t(lambda: 2.0 ** -1075)
t(lambda: 1.0000001 ** 1e10)
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2.0, 3.0, None))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow("a", 2, 5.0))
t(lambda: 2.0 ** 10**400)
t(lambda: 0.5 ** 10**400)
t(lambda: (1.5).__pow__(2))
t(lambda: (1.5).__rpow__(2))
t(lambda: (1.5).__pow__(2, 3))
x = 2.0
x **= 3
print(x)
