# case-insensitive matching, Unicode and ASCII
import re

chars = ['i', 'I', 'İ', 'ı', 'k', 'K', 'K', 's', 'S', 'ſ', 'σ', 'ς', 'Σ', 'ß', 'ẞ', 'µ', 'μ', 'Μ', 'é', 'É',
         'ΐ', 'ΐ', 'ﬅ', 'ﬆ', 'ǅ', 'ǆ', 'Ǆ', 'θ', 'ϑ', 'Ω', 'ω', 'Ω']
for c in chars:
    lit = re.compile(re.escape(c), re.I)
    cls = re.compile('[' + c + ']', re.I)
    neg = re.compile('[^' + c + ']', re.I)
    asc = re.compile(re.escape(c), re.I | re.A)
    print(c, ''.join(d for d in chars if lit.fullmatch(d)), ''.join(d for d in chars if cls.fullmatch(d)),
          ''.join(d for d in chars if not neg.fullmatch(d)), ''.join(d for d in chars if asc.fullmatch(d)))
for pat in ['[a-z]', '[A-Z]', '[h-k]', '[r-t]', '[^a-z]', '[à-ÿ]', '[α-ω]']:
    for flags in (re.I, re.I | re.A):
        r = re.compile(pat, flags)
        print(pat, flags, ''.join(d for d in chars + ['A', 'z', 'À', 'ÿ', 'Ÿ'] if r.fullmatch(d)))
print(re.findall('(?i)straße', 'STRASSE Straße STRAẞE'))
print(re.sub('(?i)hello', 'bye', 'Hello HELLO hElLo'))
print(re.match(r'(?i)(a)\1', 'aA'), re.match(r'(a)(?i:\1)', 'aA'), re.match(r'(?i)(é)\1', 'éÉ'))
print(re.findall('(?i:a)b', 'ab Ab aB'), re.findall('a(?-i:b)', 'ab Ab aB', re.I))
print(re.findall(r'(?ai)[a-c]', 'ABCabcé'), re.findall(r'(?i)[^\W\d]', 'aB1_'))
print(re.match(b'(?i)abc', b'ABC'), re.match(b'(?i)\xe9', b'\xc9'), re.findall(rb'(?i)[a-c\xe0]', b'AbC\xc0'))
