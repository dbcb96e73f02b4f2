def t(v, spec):
    try:
        r = format(v, spec)
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)
    else:
        print(repr(v), repr(spec), repr(r))

inf, nan = float('inf'), float('nan')
vals = [0j, -0j, complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0), 1j, -1j, 1 + 2j, 1.5 - 2.25j,
        complex(nan, inf), complex(-inf, nan), complex(1e20, 1e-20), complex(1e16, 3), complex(0.1, 0.2),
        complex(2, 0), complex(-2, 0), complex(123456789, -987654321.5)]
for v in vals:
    print(repr(v), str(v))
specs = ['', '10', '<20', '^20', '>20', '*^24', '.2', '.2f', '.3e', 'g', 'G', 'n', 'F', '+', ' ', '-', '+.1f',
         ',.2f', '_f', '#', '#.0f', 'z.1f', '010', '0<10', '=10', 'c', '%', 'd', 'x', '.3s', '20.1e']
for v in [1 + 2j, -1.5 - 0.25j, 1j, -0j, complex(nan, -inf), complex(1234567.5, -0.000123)]:
    for s in specs:
        t(v, s)
print(f"{1+2j:.1f} {3j:^10} {(1-1j)!r} {2j!s}")
class C(complex):
    pass
t(C(1, 2), '')
t(C(1, 2), '.1f')
t(C(1, 2), 'abc')
