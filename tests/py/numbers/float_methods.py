def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

for v in [0.0, -0.0, 1.5, -1.5, 0.1, 3.0, 1e300, 5e-324, 2.0**70, -2.5]:
    print(v.as_integer_ratio(), v.is_integer(), v.conjugate(), v.real, v.imag, v.__trunc__(), v.__floor__(),
          v.__ceil__(), v.__getnewargs__(), v.__int__(), v.hex())
inf, nan = float('inf'), float('nan')
t(lambda: inf.as_integer_ratio())
t(lambda: nan.as_integer_ratio())
t(lambda: (-inf).as_integer_ratio())
t(lambda: inf.is_integer())
t(lambda: nan.is_integer())
t(lambda: inf.__trunc__())
t(lambda: nan.__floor__())
t(lambda: (-inf).__ceil__())
t(lambda: int(inf))
t(lambda: inf.hex())
t(lambda: nan.hex())
t(lambda: (-inf).hex())
t(lambda: float.__getformat__("double"))
t(lambda: float.__getformat__("float"))
t(lambda: float.__getformat__("x"))
t(lambda: float.__getformat__(1))
t(lambda: (1.5).__sizeof__())
t(lambda: float.__new__(float, "2"))
t(lambda: float.is_integer(2))
t(lambda: (2.5).__floor__())
t(lambda: (-2.5).__ceil__())
t(lambda: (1e20).__int__())
t(lambda: (0.5).__round__())
t(lambda: (1.5).real.real)
