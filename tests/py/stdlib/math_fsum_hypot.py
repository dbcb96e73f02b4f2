import math
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 11) / 2**53
for i in range(300):
    n = 2 + i % 5
    v = [(rnd() - 0.5) * 10 ** (rnd() * 20 - 10) for _ in range(n)]
    print(math.hypot(*v).hex(), math.fsum(v + [x * 1e-17 for x in v]).hex(), math.dist(v, v[::-1]).hex())
print(math.fsum([]), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum(iter([1, 2, 3])), math.fsum([math.inf, math.inf]))
print(math.hypot(1e-320, 1e-320), math.hypot(1e300, 1e300), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.dist([], []), math.dist(range(3), (3, 4, 5)), math.hypot(*range(40)))
for x in [0.1, 0.5, 1.5, 7.3, 25.5, 100.7, 171.5, -2.5, -0.5, 150.1, -150.3, 1e-25, 210.3, -210.5]:
    print(x, math.gamma(x) if x < 171.7 else None, math.lgamma(x))
print(math.erf(0.5), math.erfc(3), math.expm1(1e-10), math.log1p(-0.0), math.log1p(1e-20))
print(math.log(2**2000), math.log(2**2000, 2), math.log2(2**2000 * 3), math.log10(7 * 10**500))
