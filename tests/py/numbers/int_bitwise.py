vals = [0, 1, -1, 6, -6, 255, -256, 2**62 - 1, -2**62, 2**62, 2**70 + 5, -(2**70) - 5, 2**200 - 1]
for a in vals:
    for b in vals:
        print(a & b, a | b, a ^ b)
for a in vals:
    print(~a, ~~a == a)
print(True & True, True | False, True ^ True, False ^ False, type(True & True), type(True | 2), True & 3)
x = 0b1100
x &= 0b1010
print(x)
x |= 0b0101
x ^= 0b1111
print(x)
for f in (lambda: 1 & 1.0, lambda: 1.0 | 1, lambda: 1 ^ "a", lambda: ~1.5):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
