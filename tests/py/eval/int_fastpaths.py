# Small-int fast paths must overflow into big ints and keep Python's
# floor-division and modulo signs.
big = 2 ** 62
print(big - 1 + 1, big * 2, -big - 1, (big - 1) * (big - 1))
print(4611686018427387903 + 1, -4611686018427387904 - 1)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(1 << 61, 1 << 62, 1 << 63, 3 << 100 >> 99)
print(-1 >> 100, 12 >> 1, -12 >> 2)
print(6 & 3, 6 | 3, 6 ^ 3, ~5, ~-1, -(-4611686018427387904))
print(2 ** 10, 2 ** -1, 10 / 4, 9 / 3)
x = 5
x += 3
x *= 2
x -= 1
x //= 2
x %= 4
x <<= 3
x >>= 1
x &= 6
x |= 1
x ^= 8
print(x)
for a, b in [(3, 0), (0, 0)]:
    for op in ("//", "%", "/"):
        try:
            eval("a %s b" % op)
        except ZeroDivisionError as e:
            print(op, e)
print(1.5 + 2.25, 1.5 * 4, 3.0 - 0.5, 1.0 / 4, 2.0 ** 0.5)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print(e)
print(1 + 2.5, 2.5 + 1, 3 - True, True + True)
print(3 < 5, 3 <= 3, 3 == 3.0, 2 != 2, 5 > 4.5, 1e300 * 1e10 > 1)
print(float("nan") == float("nan"), float("nan") != float("nan"))
print(-x if False else -(2 ** 62), +7, -0.0)
