import unicodedata as u
out = [u.decomposition(chr(c)) for c in range(0x110000)]
print(sum(len(x) for x in out), out[0xe9], out[0xfb01], out[0xbd], out[0xac00], out[0x2a600 - 0x2a600 + 0x2F800])
for c in (0xe9, 0x1e9b, 0xfdfa, 0x3392, 0x1d400):
    print(hex(c), repr(u.decomposition(chr(c))))
for bad in ("ab", 5, ""):
    try: u.decomposition(bad)
    except TypeError as e: print(e)
print(repr(u.decomposition("\u0cf3")))
