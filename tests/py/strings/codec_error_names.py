# the codec named in Unicode errors: utf-16/utf-32 decoding names the byte order found
for b, enc in [(b"a", "utf-16"), (b"\xff\xfea", "utf-16"), (b"\xfe\xff\x00", "utf-16"), (b"\x00\xd8", "utf-16"),
               (b"\xff\xfe\x00\xdc", "utf-16"), (b"\xfe\xff\xdc\x00", "utf-16"), (b"a", "utf-32"),
               (b"\x00\x00\x11\x00", "utf-32"), (b"\xff\xfe\x00\x00\x00\x00\x11\x00", "utf-32"),
               (b"\x00\x00\xfe\xff\x00", "utf-32"), (b"a", "utf-16-be"), (b"a", "UTF16"), (b"ab\xff", "utf-8-sig"),
               (b"\xef\xbb\xbf\xff", "utf-8-sig"), (b"\xff", "utf8"), (b"\xff", "U8"), (b"\xff", "ASCII")]:
    try:
        b.decode(enc)
    except UnicodeDecodeError as e:
        print(repr(b), enc, "|", e.encoding, e.start, e.end, "|", e)
print(repr(b"\xfe\xff\x00".decode("utf-16", "replace")), repr(b"a".decode("utf-32", "ignore")))
for s, enc in [("\ud800", "utf-16"), ("\ud800", "utf-32"), ("\ud800", "utf-16-le"), ("\ud800", "utf-8"), ("é", "ascii")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(enc, "|", e.encoding, "|", e)
