import unicodedata as u
for c in "aA \u00e9\u4e00\uac00\ud7a3\uac01\U0001F600\u2603\U00020000\uf900\U00017000\U0001b170\U00018b00\u0000\U000e0100\u0378":
    print(repr(c), u.name(c, None))
for n in ["latin small letter a", "SNOWMAN", "HANGUL SYLLABLE GAG", "hangul syllable hih", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-20000", "TANGUT IDEOGRAPH-17000", "GRINNING FACE", "NO SUCH THING", "CJK UNIFIED IDEOGRAPH-0041", "HANGUL SYLLABLE"]:
    try: print(n, ascii(u.lookup(n)))
    except KeyError as e: print("KeyError", e)
for bad in [lambda: u.name("ab"), lambda: u.name("\u0378"), lambda: u.lookup(1), lambda: u.name(5)]:
    try: bad()
    except (TypeError, ValueError, KeyError) as e: print(type(e).__name__, e)
count = 0
bad = 0
import sys
for cp in range(0x110000):
    n = u.name(chr(cp), None)
    if n is not None:
        count += 1
        if u.lookup(n) != chr(cp): bad += 1
print(count, bad)
for f in (u.decimal, u.digit, u.numeric, u.category, u.east_asian_width, u.combining, u.mirrored, u.bidirectional):
    try: f("ab")
    except TypeError as e: print(e)
print(u.lookup(b"SNOWMAN"), u.lookup("Latin Capital Letter B"))
for n in ("x" * 300, "x" * 256, b"hangul syllable gag"):
    try: u.lookup(n)
    except KeyError as e: print("KeyError", str(e)[:50])
