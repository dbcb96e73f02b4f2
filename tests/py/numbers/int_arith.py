# int + - * and unary operators across the tagged/GMP boundary
B = 2**62
vals = [0, 1, -1, 7, -7, B - 1, B, -B, -B - 1, B * 2, 2**64, -2**64, 10**30, -10**30, 2**100 + 1]
for a in vals:
    print(a, -a, +a, abs(a), ~a)
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b)
print(4611686018427387903 + 1, -4611686018427387904 - 1)
print(4611686018427387904 - 1, -4611686018427387905 + 1)
print((2**31) * (2**31), (2**32) * (2**32), 3037000500 * 3037000500)
print(-(-4611686018427387904), type(-(-4611686018427387904)))
x = 5
x += 3
x -= 10
x *= -4
print(x)
print(True + True, True * 10, False - 1, -True, ~True, ~False, +True)
print(type(True + 1), type(-True), type(+False), type(abs(True)))
