# escapes in patterns: \x \u \U \N{...} octal, and re.escape
import re

print(re.match(r'\x41\u00e9\U0001F600', 'Aé😀'), re.match(r'[\u00e0-\u00ff]+', 'àéÿ!'))
print(re.match(r'\N{EM DASH}\N{LATIN SMALL LETTER E WITH ACUTE}', '—é'), re.match(r'\N{em dash}', '—'))
print(re.match(r'[\N{GREEK SMALL LETTER ALPHA}-\N{GREEK SMALL LETTER OMEGA}]+', 'αβγ!'))
print(re.match(r'\N{SNOWMAN}\N{GRINNING FACE}\N{EURO SIGN}', '☃😀€'), re.match(r'\N{LINE FEED}\N{TAB}', '\n\t'))
print(re.match(r'\N{CJK UNIFIED IDEOGRAPH-4E2D}\N{HANGUL SYLLABLE GAG}', '中각'), re.match(r'\N{NO-BREAK SPACE}', '\xa0'))
print(re.match(r'\N{BLACK HEART SUIT}\N{CHECK MARK}\N{RIGHTWARDS ARROW}', '♥✓→'))
print(re.match(r'\0\07\012\101\1010', '\x00\x07\nAA0'), re.match(r'[\0-\07]', '\x05'), re.match(r'\08', '\x008'))
print(re.match(r'\a\f\n\r\t\v\\', '\a\f\n\r\t\v\\'), re.match(r'[\b]', '\b'), re.match(r'\.\*\+\?\(\)\{\}\[\]\^\$\|', '.*+?(){}[]^$|'))
print(re.match(r'\-\&\~\#\ \"\'\!\@\%\,\/\:\;\<\=\>\`', '-&~# "\'!@%,/:;<=>`'), re.match('\\é\\😀', 'é😀'))
for s in ['a.b', 'a b\tc\n', '()[]{}?*+-|^$\\.&~#', 'é😀', '', "_\"'!@%,/:;<=>`", 'abc123']:
    e = re.escape(s)
    print(repr(e), bool(re.fullmatch(e, s)))
print(re.escape(b'a.b'), re.escape(bytearray(b'x*')))
try:
    re.escape(1)
except TypeError as e:
    print('TypeError', e)
