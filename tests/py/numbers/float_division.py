def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

vals = [0.0, -0.0, 1.0, -1.0, 3.5, -3.5, 7, -7, 0.1, 1e300, -1e-300, float('inf'), float('-inf'), float('nan')]
for a in vals:
    for b in vals:
        if b == 0 or (isinstance(a, int) and isinstance(b, int)):
            continue
        print(a, b, a / b, a // b, a % b, divmod(a, b))
t(lambda: 1.0 / 0)
t(lambda: 1.0 / 0.0)
t(lambda: 1 / 0.0)
t(lambda: 1.0 // 0)
t(lambda: 1.0 % 0.0)
t(lambda: 1 % 0.0)
t(lambda: divmod(1.0, 0))
t(lambda: divmod(1, 0.0))
t(lambda: 0.0 / 0.0)
t(lambda: 10**400 / 2.0)
t(lambda: 2.0 / 10**400)
t(lambda: 1.0 // 10**400)
t(lambda: 5.5 % 10**20)
t(lambda: (-5.5) % 10**20)
t(lambda: -1e-300 % 1.0)
t(lambda: 1e300 % 3.0)
t(lambda: 7.0 // 0.1)
t(lambda: 7.0 % 0.1)
t(lambda: divmod(-7.5, 2))
t(lambda: divmod(7.5, -2))
t(lambda: divmod(-0.0, 1.0))
t(lambda: divmod(0.0, -1.0))
t(lambda: (7.5).__rtruediv__(3))
t(lambda: (7.5).__rfloordiv__(30))
t(lambda: (7.5).__rmod__(30))
t(lambda: (7.5).__rdivmod__(30))
