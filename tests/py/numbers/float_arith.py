def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

vals = [0.0, -0.0, 1.5, -2.25, 1e308, -1e-310, float('inf'), float('-inf'), float('nan'), 3, -7, 2**60]
for a in vals:
    for b in vals:
        if isinstance(a, int) and isinstance(b, int):
            continue
        r = [a + b, a - b, a * b]
        print(r)
t(lambda: 1.5 + 10**400)
t(lambda: 10**400 * 1.0)
t(lambda: 10**400 - 0.5)
t(lambda: 1e308 * 10)
t(lambda: -1e308 * 10)
t(lambda: 1.0 + "a")
t(lambda: "a" + 1.0)
t(lambda: 1.0 + None)
t(lambda: [1] * 2.0)
t(lambda: -(0.0))
t(lambda: -(-0.0))
t(lambda: +(-0.0))
t(lambda: abs(-0.0))
t(lambda: abs(float('-inf')))
t(lambda: abs(-2.5))
t(lambda: 0.1 + 0.2 == 0.3)
t(lambda: 2**53 + 1.0)
t(lambda: True + 0.5)
x = 1.5
x += 1
x *= 2
x -= 0.25
print(x)
t(lambda: (1.5).__add__(1))
t(lambda: (1.5).__radd__(1))
t(lambda: (1.5).__add__("x"))
t(lambda: (1.5).__rsub__(1))
t(lambda: (1.5).__neg__())
t(lambda: (1.5).__pos__())
t(lambda: (1.5).__abs__())
t(lambda: (1.5).__bool__())
t(lambda: (0.0).__bool__())
t(lambda: (1.5).__int__())
t(lambda: (1.5).__float__())
t(lambda: (-1.5).__trunc__())
