# abs, divmod, pow, round, bin/oct/hex, chr/ord, hash of numbers, int/float basics.
print(abs(-5), abs(3.5), abs(-0.0), abs(2 - 3j))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-7, -2))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3), pow(2.0, 0.5))
print(pow(38, -1, 97))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(123456, -2), round(7))
print(bin(10), oct(64), hex(255), hex(-255), bin(0), hex(2**70))
print(chr(65), chr(0x1F600), ord("a"), ord("€"), ord(b"A"))
print(hash(1) == hash(1.0), hash(-1), hash(2**61 - 1), hash(0.5))
for bad in ["chr(-1)", "chr(0x110000)", "ord('ab')", "ord(5)", "divmod(1, 0)", "pow(0, -1)", "round('x')"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
