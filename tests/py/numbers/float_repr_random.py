# Shortest round-trip repr of many doubles, compared digit for digit with
# CPython's (built exactly as mantissa * 2**exponent from a fixed LCG).
state = 12345
def rnd(bits):
    global state
    out = 0
    for _ in range((bits + 31) // 32):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out = (out << 32) | (state >> 32)
    return out % (1 << bits)

count = 0
lines = []
for i in range(6000):
    kind = i % 4
    if kind == 0:
        m, e = rnd(53) | (1 << 52), rnd(11) % 2046 - 1074     # normal, random exponent
    elif kind == 1:
        m, e = rnd(rnd(6) % 52 + 1), -1074                     # subnormal
    elif kind == 2:
        m, e = (1 << 52) + (rnd(3) - 4) % 8, rnd(11) % 2046 - 1074   # near powers of two
    else:
        m, e = rnd(53) | (1 << 52), rnd(7) % 120 - 60          # ordinary magnitudes
    if e > 971:
        e = 971
    x = float(m) * 2.0 ** e if e >= -1022 else float(m) * 2.0 ** -1022 * 2.0 ** (e + 1022)
    r = repr(x)
    assert float(r) == x
    lines.append(r)
    if len(lines) == 8:
        print(" ".join(lines))
        lines = []
print(" ".join(lines))
