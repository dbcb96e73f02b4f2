M = 2**61 - 1
vals = [0, 1, -1, -2, 2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**62, -2**62,
        2**63, 2**64 + 5, -(2**64 + 5), 10**30, -10**30, 2**200, 123456789012345678901234567890]
for v in vals:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2**1000 else None)
print(hash(True), hash(False), hash(-1) == hash(-2))
print([hash(2**k) for k in range(55, 70)])
print([hash(-(2**k) + 1) for k in range(55, 70)])
print(hash(M * 12345 + 17) == 17, hash(-(M * 3) - 1))
class I(int):
    pass
print(hash(I(10**30)) == hash(10**30), hash(I(-1)))
print({1: 'a', 1.0: 'b', True: 'c'})
print(len({2**100, 2.0**100, 2**100 + 0}))
