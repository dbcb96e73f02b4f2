# bytes construction, repr, indexing, slicing, operators
print(bytes(), bytes(3), bytes([65, 66, 255]), bytes(b"ab"), bytes(bytearray(b"cd")), bytes("é", "utf-8"), bytes(range(3)))
print(b"abc"[0], b"abc"[-1], b"abcdef"[1:4], b"abcdef"[::-2], b"abc"[5:], b"ab" + b"cd", b"ab" * 3, 2 * b"x", b"x" * -1)
print(b"b" in b"abc", 98 in b"abc", b"" in b"a", b"ac" in b"abc", b"abc" == bytearray(b"abc"), b"a" < b"b", b"ab" > b"a")
print(repr(b"it's"), repr(b'say "x"'), repr(b"both'\""), repr(b"\x00\t\n\r\x7f\x80\xff\\"), len(b"abc"), list(b"hi"))
print(b"abc" == "abc", hash(b"abc") == hash("abc"), b"x" != 1, str(b"ab"))
for f in [lambda: bytes("abc"), lambda: bytes(1, "utf-8"), lambda: bytes(-1), lambda: bytes([256]), lambda: bytes(["a"]),
          lambda: bytes(1.5), lambda: bytes(None), lambda: b"a" + "b", lambda: b"a"[5], lambda: b"a"["x"],
          lambda: "a" in b"a", lambda: 300 in b"a", lambda: bytes("a", errors="strict"), lambda: bytes("é", "ascii")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()), b"%s" % B())
class S(bytes):
    pass
print(S(b"ab"), type(S(b"ab")).__name__, S(b"ab") + b"c", type(S(b"ab")[0:1]).__name__, bytes(S(b"q")))
