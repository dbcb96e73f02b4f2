# lone surrogates in subjects and patterns (surrogateescape'd data)
import re
s = 'ab\udcffcd\ud800é\udfff'
print(ascii(re.findall('.', s)), ascii(re.sub('[\ud800-\udfff]', '?', s)), ascii(re.sub('[\udc80-\udcff]', lambda m: '<%d>' % m.start(), s)))
m = re.search('(c)(d)(.)', s)
print(m.span(), m.span(3), ascii(m.group(3)), ascii(m.groups()), ascii(m.expand(r'\3\1')))
print(ascii(re.split('\udcff', s)), ascii(re.findall(r'\w+', s)), ascii(re.findall(r'\W', s)), re.match('ab\udcff', s).span())
print([x.span() for x in re.finditer('[^a-z]', s)], re.compile('d').search(s, 4).span(), ascii(re.sub('(.)', r'\1\1', s)))
print(re.fullmatch('.*', s).span(), ascii(re.escape('\ud800')), re.search('\udfff$', s).span(), re.search(r'\udfff', 'x'))
print(ascii(re.sub(r'\s', '', 'a \udcff b')), ascii(re.match(r'(?i)AB\udcff', s).group()), re.search('é.', s).span())
