def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

for v in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 0.1, 3.0, 1e300, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
          1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), 123.456, -2.0**-1022]:
    h = v.hex()
    back = float.fromhex(h)
    print(h, repr(back), back == v or v != v)
for s in ["0x1.8p1", "1p", "0x.p1", ".8", "0x1p99999", "0x1p-99999", " -0X1.FFFFFFFFFFFFFP+1023 ", "inf", "-inf",
          "-nan", "NaN", "infinity", "+Infinity", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "1_0",
          "0x1", "0X1P0", "1.", "0x1.p0", "0x.1", "", " ", "0x", "0xg", "1p+", "1p-3", "1P3", "  1  ",
          "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x1.0000000000001p-1075", "0x3p-1076", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "0x1.000000000000080001p0", "0x10000000000000000000000000p-100", "-0x0p0",
          "0x1p1023", "0x1p1024", ".4458E817", "-.8e1", "+iNf", "-Infinity ", "nan1", "0x0.0000000000001p-1022", "1\x00", "0x1q", "ff", "0xffffffffffffffffffffffffffffffffffffp-10"]:
    t(lambda: float.fromhex(s))
t(lambda: float.fromhex(5))
class F(float):
    pass
t(lambda: F.fromhex("0x1p1"))
t(lambda: type(F.fromhex("0x1p1")).__name__)
t(lambda: (1.0).fromhex("0x2p0"))
