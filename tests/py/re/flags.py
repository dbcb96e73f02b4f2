# RegexFlag values and reprs, flags on patterns, inline flags rules
import re

print(re.I, re.IGNORECASE, repr(re.M), str(re.S), re.X, re.A, re.U, re.L, re.T, re.DEBUG, re.NOFLAG)
print(int(re.I), re.I.value, re.I.name, re.I | re.M, re.I & re.M, re.I ^ re.M, ~re.I, ~re.NOFLAG)
print(re.I | 1024, re.RegexFlag(1024), re.RegexFlag(2) is re.I, 2 | re.M, type(re.I | re.M).__name__)
print(re.I + 1, re.I == 2, hash(re.I) == 2, isinstance(re.I, int), f'{re.I}', '%s %d' % (re.I, re.I))
print(list(re.RegexFlag), len(re.RegexFlag), re.RegexFlag['DOTALL'], re.RegexFlag, list(re.I | re.S))
print(re.I in (re.I | re.M), re.S in (re.I | re.M), bool(re.NOFLAG), (re.I | re.M).name)
for pat, flags in [('a', 0), ('a', re.I), ('a', re.I | re.M | re.S | re.X), ('a', re.A), ('a', re.U),
                   (b'a', 0), (b'a', re.L), (b'a', re.I | re.A), ('(?i)a', 0), ('(?ms)a', re.X), ('(?a)x', 0),
                   ('a', 1024), ('(?u)a', 0), ('(?L)a'.encode(), 0), ('(?t)a', 0)]:
    p = re.compile(pat, flags)
    print(p, p.flags)
print(re.compile('(?i)A').match('a'), re.compile('(?-i:A)', re.I).match('a'), re.compile('(?i:A)B').match('ab'))
print(re.findall('(?m)^a$', 'a\nb\na'), re.findall('^a$', 'a\nb\na'), re.findall('(?s)a.b', 'a\nb'))
print(re.findall('(?m:^)x', 'x\nx'), re.findall('(?i:x)(?m:$)', 'X\nx'), re.search('(?s:.)(?-s:.)', '\n\na'))
print(re.findall(r'(?im)^b', 'a\nB\nb'), re.compile('x', re.M | re.I).findall('X'))
print(re.match('a', 'A', flags=re.I), re.search('B', 'ab', re.I), re.split('X', 'axbXc', flags=re.I))
print(re.findall('x', 'xXx', re.I), re.sub('x', '-', 'xXx', flags=re.I), re.subn('x', '-', 'xXx', 1, re.I))
try:
    re.compile('a', 'i')
except TypeError as e:
    print('TypeError', e)
