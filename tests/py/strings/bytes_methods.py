# bytes methods
b = b"hello world, hello"
print(b.find(b"l"), b.find(108), b.rfind(b"l"), b.count(b"l"), b.count(b"l", 5), b.index(b"w"), b.rindex(b"h"))
print(b.startswith(b"he"), b.startswith((b"x", b"hel")), b.endswith(b"llo", 0, 5), b.split(), b.split(b", "), b.rsplit(b" ", 1))
print(b"a,b,,c".split(b","), b"  a  b ".split(None, 1), b" a b ".rsplit(maxsplit=1), b"-".join([b"a", bytearray(b"b")]))
print(b"aaa".replace(b"a", b"bc", 2), b"ab".replace(b"", b"-"), b"  x\t\n".strip(), b"xxaxx".strip(b"x"), b"ab ".rstrip(), b" ab".lstrip())
print(b"abc\xe9".upper(), b"ABC".lower(), b"hello wORLD".title(), b"hELLO".capitalize(), b"aB".swapcase())
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"))
print(b"123".isdigit(), b"ab\xe9".isalpha(), b" \x0b".isspace(), b"\x1c".isspace(), b"a1".isalnum(), b"AB1".isupper(), b"ab".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"ab".center(5), b"ab".ljust(4, b"*"), b"ab".rjust(4), b"-3".zfill(4), b"a\tb".expandtabs(), b"a\nb\r\nc".splitlines(True))
print(b"\x01\xab\xff".hex(), b"\x01\xab\xff\x00".hex(":", 2), b"\x01\xab\xff\x00".hex("-", -3), bytes.fromhex("01 ab ff"), bytearray.fromhex("0a"))
print(b"h\xc3\xa9".decode(), b"h\xe9".decode("latin-1"), b"h\xe9".decode("ascii", "replace"), b"abc".removeprefix(b"ab"), b"abc".removesuffix(b"c"))
print(b"abc".translate(None, b"b"), b"abc".translate(bytes.maketrans(b"ab", b"xy")), bytes.maketrans(b"a", b"b")[97])
for f in [lambda: b"a".index(b"z"), lambda: b"a".find("a"), lambda: b"a".split(b""), lambda: b"a".join(["a"]),
          lambda: bytes.fromhex("0g"), lambda: bytes.fromhex(b"00"), lambda: b"a".center(3, "x"), lambda: b"a".translate(b"x"),
          lambda: b"a".decode("nope"), lambda: b"\xff".decode()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
