import math
print([math.factorial(n) for n in range(25)])
print(math.factorial(100))
print(math.factorial(3000).bit_length())
print([math.comb(10, k) for k in range(12)])
print([math.perm(7, k) for k in range(9)])
print(math.comb(200, 100), math.perm(40, 20))
print(math.comb(2**70, 2), math.perm(2**70, 2))
print(math.comb(True, True), math.perm(5, None))
print([math.isqrt(n) for n in range(30)])
for n in [2**64 - 1, 2**64, 10**40 - 1, 10**40, 3**201]:
    r = math.isqrt(n)
    print(r, r * r <= n < (r + 1) ** 2)
print(math.gcd(0, 0), math.gcd(0, -7), math.gcd(-12, -18), math.gcd(2**200, 6**100))
print(math.gcd(4), math.gcd(-4), math.lcm(-4), math.lcm(3, 0, 5), math.lcm(2**64, 3**40, 10))
print(math.gcd(True, 4), type(math.gcd(True)))
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(math.gcd(I(12), I(8)), math.factorial(I(6)), math.isqrt(I(50)), math.comb(I(6), I(3)))
print(math.prod(range(1, 30)), math.prod([2**62, 2**62]), math.prod([1, 2.5, 3]), math.prod([3, 1j]))
print(math.prod([[1], 3]) if False else math.prod([3], start=[1]))
print(math.floor(7), math.ceil(-7), math.trunc(2**100), math.floor(-0.5), math.ceil(-0.5))
print(type(math.floor(1.5)), type(math.trunc(True)))
