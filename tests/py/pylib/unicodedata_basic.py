import unicodedata as u
print(u.unidata_version)
for ch in "aA1 \u00e9\u0301\u05d0\u0660\u00bd\u2167\u4e00\uff21\u200b\U0001F600(\u0378\x00\u2028\u00b2\u0f33\u216b":
    print(repr(ch), u.category(ch), u.bidirectional(ch), u.combining(ch), u.mirrored(ch),
          u.east_asian_width(ch), u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None))
for f in ("NFC", "NFD", "NFKC", "NFKD"):
    for s in ["e\u0301", "\u00e9", "\ufb01", "\u2167", "abc", "\u1e9b\u0323", "\uac00", "\u1100\u1161"]:
        r = u.normalize(f, s)
        print(f, ascii(s), ascii(r), u.is_normalized(f, s))
for bad in [lambda: u.category("ab"), lambda: u.category(1), lambda: u.decimal("a"), lambda: u.digit("x"),
            lambda: u.numeric("x"), lambda: u.normalize("NFX", "a"), lambda: u.normalize(1, "a"),
            lambda: u.normalize("NFC", 1), lambda: u.category("")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(u.decimal("\u0663"), u.digit("\u00b2"), u.numeric("\u00bc"), u.numeric("\u4e07", 0))
print(sum(1 for c in map(chr, range(0x3000)) if u.east_asian_width(c) == "W"))
print(sum(1 for c in map(chr, range(0x10000)) if u.numeric(c, None) is not None))
print(sum(u.combining(chr(c)) for c in range(0x300, 0x370)))
# Code points unassigned in Unicode 14.0 (CPython 3.11's data) stay unassigned.
for c in ("\u0cf3", "\U0001e030", "\U00010efd", "\U000e0080"):
    print(u.category(c), repr(u.bidirectional(c)), u.combining(c), u.mirrored(c), ascii(u.normalize("NFKD", "a\u0301" + c + "\u0301")), ascii(u.normalize("NFC", "e\u0301" + c + "o\u0308")))
