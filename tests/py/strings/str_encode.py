# str.encode and bytes.decode with error handlers
s = "héllo 中 😀"
print(s.encode(), s.encode("utf-8"), s.encode("UTF8"), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"))
print(s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"), s.encode("utf-16"), s.encode("utf-16-be"))
print(s.encode("utf-32-le")[:8], "é".encode("iso-8859-1"), "é".encode("latin1"))
for enc, err in [("ascii", "strict"), ("latin-1", "strict"), ("utf-8", "strict"), ("nope", "strict"), ("ascii", "bogus")]:
    for t in ["aéé中b", "x\ud800\udc00y"]:
        try:
            print(t.encode(enc, err))
        except Exception as e:
            print(type(e).__name__, e)
print("a\udcffb".encode("utf-8", "surrogateescape"), "\ud800".encode("utf-8", "surrogatepass"))
try:
    "\ud800".encode("utf-8", "surrogateescape")
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.reason, repr(e.object), e.encoding)
for b, err in [(b"h\xc3\xa9", "strict"), (b"\xff", "strict"), (b"ab\xe0\x80", "strict"), (b"\xed\xa0\x80", "strict"),
               (b"abc\xf0\x90\x80", "strict"), (b"\xed\xa0\x80", "replace"), (b"a\xff\xfeb", "surrogateescape"),
               (b"a\xffb", "backslashreplace"), (b"\xed\xa0\x80x", "surrogatepass"), (b"a\xffb", "ignore"),
               (b"\xc0\x80", "replace"), (b"\xf4\x90\x80\x80", "replace"), (b"\xe0\xa0", "replace")]:
    try:
        print(repr(b.decode("utf-8", err)))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.start, e.end)
print(repr(b"\xff\xfe".decode("ascii", "replace")), repr(b"\xe9".decode("latin-1")), repr(b"\xff\xfea\x00".decode("utf-16")))
for b, enc in [(b"\x80", "ascii"), (b"a", "utf-16"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xdc\x00\x00", "utf-16-le"), (b"\x00\x00\x11\x00", "utf-32-le")]:
    try:
        print(repr(b.decode(enc)))
    except UnicodeDecodeError as e:
        print(e)
print("é".encode("utf-8-sig"), b"\xef\xbb\xbfab".decode("utf-8-sig"), b"ab".decode("utf-8-sig"))
try:
    b"\xef\xbb\xbfa\xff".decode("utf-8-sig")
except UnicodeDecodeError as e:
    print(e, repr(e.object))
