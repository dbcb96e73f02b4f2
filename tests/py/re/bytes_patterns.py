# bytes patterns on bytes-like subjects
import re

p = re.compile(rb'(\w+)\s(\d+)')
m = p.search(b'  key 42 rest')
print(m, m.groups(), m.span(), m.group(0), m[1], p.pattern, p.flags)
print(re.findall(rb'\w', b'a\xe9b_1'), re.findall(rb'\s', b' \t\n\r\x0b\x0c\x1c\x85\xa0'))
print(re.findall(rb'[\x80-\xff]+', b'ab\x80\xffcd\xfe'), re.findall(rb'.', b'a\nb'), re.findall(rb'\d+', b'1\xb22'))
print(re.sub(rb'\xe9', b'e', b'caf\xe9'), re.split(rb'\x00', b'a\x00b'), re.escape(b'a.b\xe9*'))
print(re.match(rb'(?i)K', b'k'), re.match(rb'[\w]+', bytearray(b'xyz')), re.match(b'a', bytearray(b'abc')))
m = re.match(rb'.+', bytearray(b'abc'))
print(m.group(), type(m.group()).__name__, type(m.string).__name__)
for args in [('a', b'a'), (b'a', 'a'), ('a', 1), (b'a', None)]:
    try:
        re.match(*args)
    except TypeError as e:
        print('TypeError', e)
print(re.compile(b'(?a)\\w'), re.compile(b'(?L)x', re.I))
print(re.match(rb'\x41\101\0', b'AA\x00'), re.fullmatch(rb'[^\x00-\x7f]', b'\xff'))
