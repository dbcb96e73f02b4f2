import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
for name in ['sqrt','exp','log','sin','cos','tan','gamma','lgamma','erf','erfc','log2','log10','log1p','expm1','atan','asinh','cbrt','exp2','fabs']:
    f = getattr(math, name)
    for x in [0.5, 1, 2.5, 10, 100.25, -3.5, 1e-300, 0, -0.0, float('inf'), -1]:
        try: r = f(x)
        except Exception as e: r = (type(e).__name__, str(e))
        print(name, x, r)
print(math.log(10**400), math.log(2**1023*3), math.log(10**400, 10), math.log10(10**500), math.log2(2**5000+1))
print(math.fsum([0.1]*10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]))
print(math.hypot(3,4), math.hypot(1,2,3,4,5), math.hypot(), math.hypot(-5), math.dist((1,2,3),(4,5,6)))
print(math.factorial(25), math.factorial(0), math.comb(50, 25), math.perm(20,5), math.perm(5), math.comb(10**20, 3), math.perm(10**20, 3))
print(math.gcd(), math.gcd(12, 18), math.gcd(12, 18, 27), math.gcd(-2**100, 2**70*3), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5))
print(math.isqrt(10**50), math.isqrt(99), math.isqrt(0))
print(math.floor(2.5), math.ceil(2.5), math.floor(-2.5), math.trunc(-2.7), math.floor(10**30), math.floor(True), math.ceil(1.5e300))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.25), math.modf(-math.inf), math.fmod(7, 3), math.remainder(7, 2), math.remainder(5, 2))
print(math.prod([1,2,3,4]), math.prod([1.5, 2, 3]), math.prod([2]*100), math.prod([], start=5))
print(math.copysign(3, -0.0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.pow(2, 0.5), math.pow(-8, 1/3) if False else 0)
print(math.isclose(1.0, 1.0000000001), math.isclose(1, 1.1, rel_tol=0.2), math.nextafter(1, 0), math.ulp(1e300))
class F:
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
    def __trunc__(self): return 'trunc'
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
print([math.gamma(x) for x in [0.1, 0.5, 1.5, 7.3, 171.5, -2.5, 150.1]])
print([math.lgamma(x) for x in [0.1, 0.5, 1.5, 7.3, 171.5, -2.5, 1e10]])
