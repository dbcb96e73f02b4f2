def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

for v in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375, 1e300, -0.0,
          123456.789, 5e-324, 1.7976931348623157e308, 2.0**52 + 0.5, 4503599627370497.0]:
    out = []
    for n in (-400, -308, -309, -5, -2, -1, 0, 1, 2, 3, 10, 323, 324, 400):
        try:
            out.append(round(v, n))
        except OverflowError as e:
            out.append(str(e))
    print(repr(v), round(v), out)
t(lambda: round(float('inf')))
t(lambda: round(float('nan')))
t(lambda: round(float('-inf'), 2))
t(lambda: round(float('nan'), 2))
t(lambda: round(1.7976931348623157e308, -308))
t(lambda: round(-1.7976931348623157e308, -308))
t(lambda: round(1.5e308, -308))
t(lambda: round(5.5, 2**100))
t(lambda: round(5.5, -2**100))
t(lambda: round(5.5, None))
t(lambda: round(1.5, 1.0))
t(lambda: round(1.5, "1"))
t(lambda: round(2.5, True))
t(lambda: round(1e-320, 400))
t(lambda: round(-0.4))
t(lambda: round(-0.4, 0))
t(lambda: round(0.4, -1))
t(lambda: round(-0.4, -1))
t(lambda: round(15.0, -1))
t(lambda: round(25.0, -1))
t(lambda: round(35.0, -1))
t(lambda: round(1e22, -21))
t(lambda: round(1.23456789e15, -10))
t(lambda: (2.5).__round__())
t(lambda: (2.5).__round__(0))
t(lambda: (2.5).__round__(1, 2))
