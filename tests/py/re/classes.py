# \w \d \s \b in Unicode and ASCII modes, and scoped (?a:...) / (?u:...)
import re

samples = ['a', 'Z', '_', '0', '٣', '²', 'é', 'ß', 'Ⅷ', '中', '\u0345', '\u203f', ' ', '\t', '\x1c', '\x1f',
           '\x85', '\xa0', '\u180e', '\u2000', '\u2028', '\u3000', '-', '\n', '😀']
for pat in [r'\w', r'\W', r'\d', r'\D', r'\s', r'\S', r'[\w]', r'[\s]', r'[^\s]', r'[\S]', r'[\d-]', r'[^\W\d]']:
    for flags in (0, re.ASCII):
        r = re.compile(pat, flags)
        print(pat, flags, ''.join('1' if r.match(c) else '0' for c in samples))
for pat in [r'(?a:\w)', r'(?a:\s)', r'(?a:[\W])', r'(?a:\S)', r'(?u:\w)', r'(?u:\s)', r'(?u:[^\w])']:
    r = re.compile(pat, re.ASCII if '(?u' in pat else 0)
    print(pat, ''.join('1' if r.match(c) else '0' for c in samples))
for text in ['héllo wörld', 'a_b c9 d', 'été', '', 'x']:
    print(repr(text), re.findall(r'\b\w', text), re.findall(r'\b\w', text, re.A), re.findall(r'\B\w', text),
          re.findall(r'(?a:\b)\w', text), re.findall(r'\B', text))
print(re.match(r'\B', ''), re.match(r'\b', ''), re.match(r'(?a:\B)', ''), re.search(r'\B', 'a'))
print(re.findall(r'[^a-c]', 'abcdé'), re.findall(r'[\]\-\\^]', 'a]b-c\\d^'), re.findall('[]a]', ']a'))
print(re.findall(r'[^]a]', ']ab'), re.findall('[a-]', 'a-b'), re.findall(r'[.]', 'a.b'), re.findall('[-a]', 'a-'))
print(re.findall(r'[\x41-\x43\u00e9]', 'ABCDé'), re.findall(r'[\0\n\t]', 'a\tb\n\x00'))
print(re.findall(r'.', 'a\nb'), re.findall(r'(?s).', 'a\nb'), re.findall(r'(?s:.)\n.', 'a\nb'))
print(re.findall(r'[\ud800-\udfff]', 'abc'), re.findall(r'[^\ud800-\udfff]', 'ab'), re.findall(r'[\u0000-\uffff]+', 'ab😀c'))
