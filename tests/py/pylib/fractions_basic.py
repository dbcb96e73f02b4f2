from fractions import Fraction as F
import math
print(F(3, 4), F(6, -8), F(), F(5), F(0.5), F(1.1), F("3/4"), F(" -1.25e2 "), F(".5"), F("1_000/3"), F("2."), F("1e-3"), F(F(1, 3)), F(F(1, 2), F(1, 3)))
print(repr(F(1, 3)), str(F(4, 2)), F(1, 3).numerator, F(1, 3).denominator, F(-7, 3).as_integer_ratio())
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, F(-2, 3) ** -3, 2 ** F(2), 4 ** F(1, 2), a ** 0.5)
print(a + 1, 1 + a, a + 0.5, 0.5 + a, a * 1j, a - 2, 2 - a, 3 / a, a / 3, 7 // a, 7 % a, divmod(7, a))
print(-a, +a, abs(F(-3, 4)), int(F(-7, 2)), math.trunc(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1234, 100), 1), round(F(1234, 1), -2))
print(a == F(2, 6), a == 1, F(2) == 2, F(1, 2) == 0.5, F(1, 3) == 1/3, a < b, a > b, a <= 0.34, a >= 1, F(1, 2) < 1, F(1) == float("inf"), F(1) < float("inf"), F(0) == 0j)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), bool(F(0)), bool(a))
print(F(3.141592653589793).limit_denominator(1000), F(3.141592653589793).limit_denominator(100), F(1, 3).limit_denominator(), F(99, 100).limit_denominator(10))
print(F.from_float(0.25), F.from_float(3), sorted([F(1, 2), F(1, 3), 0.4, 1]), sum([F(1, 10)] * 10), max(F(1, 7), F(1, 8)))
for bad in [lambda: F(1, 0), lambda: F("abc"), lambda: F("1/0"), lambda: F(1.5, 2), lambda: F([1]), lambda: F(float("inf")), lambda: F(float("nan")),
            lambda: F.from_float("x"), lambda: F(1, 3).limit_denominator(0), lambda: a / 0, lambda: F(0) ** -1, lambda: format(F(1, 3), ".2f"), lambda: F("1__0"), lambda: F("/2")]:
    try: print(bad())
    except (ValueError, TypeError, ZeroDivisionError, OverflowError) as e: print(type(e).__name__, e)
class Sub(F): pass
print(repr(Sub(1, 2)), type(Sub(1, 2) + 1).__name__, repr(+Sub(3, 4)))
import numbers
print(isinstance(a, numbers.Rational), isinstance(a, numbers.Integral), float(a), complex(F(1, 4)))
