import cmath
import math

def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
inf, nan = float('inf'), float('nan')
values = [0j, -0.0 + 0j, complex(0, -0.0), 1 + 0j, -1 + 0j, 1j, -1j, 2 + 3j, -2.5 - 0.5j, 1e-310 + 1e-310j, 1e308 + 1e308j, 0.5 + 0.5j,
          1.0000001 + 0j, complex(inf, 0), complex(-inf, 1), complex(1, inf), complex(nan, 1), complex(0, nan), complex(inf, nan), complex(-inf, -inf), 710 + 1j, -710 + 1j]
for name in ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh']:
    f = getattr(cmath, name)
    row = []
    for z in values:
        try:
            row.append(repr(f(z)))
        except Exception as e:
            row.append(type(e).__name__)
    print(name, ' '.join(row))
for z in values[:12] + [3, 2.5, True]:
    print(cmath.phase(z), cmath.polar(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
print(cmath.rect(2, math.pi / 3), cmath.rect(1, 0), cmath.rect(-1, -0.0), cmath.rect(inf, 1), cmath.rect(0, inf) if False else 0)
show(lambda: cmath.rect(1, inf))
show(lambda: cmath.rect(inf, 0))
show(lambda: cmath.log(0))
show(lambda: cmath.log(0, 2))
show(lambda: cmath.log(8, 2))
show(lambda: cmath.log(1, 1))
show(lambda: cmath.log(1j, 1j + 1))
show(lambda: cmath.exp(1000))
show(lambda: cmath.cosh(1000 + 1j))
show(lambda: cmath.atanh(1))
show(lambda: cmath.sqrt('a'))
show(lambda: cmath.sqrt())
show(lambda: cmath.polar(complex(1e308, 1e308)))
show(lambda: cmath.isclose(1 + 1j, 1 + 1.0000000001j))
show(lambda: cmath.isclose(1j, 2j, rel_tol=-1))
show(lambda: cmath.isclose(1j, 1.1j, abs_tol=0.2))
class C:
    def __complex__(self): return 3 + 4j
class Bad:
    def __complex__(self): return 5
class F:
    def __float__(self): return 2.0
print(cmath.sqrt(C()), cmath.phase(F()), cmath.exp(True))
show(lambda: cmath.sqrt(Bad()))
