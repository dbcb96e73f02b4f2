# match/search/fullmatch, groups, spans, lastindex/lastgroup, Match and Pattern objects
import re

m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m)
print(m.group(0), m.group(1), m.group(2), m.group(1, 2), m[0], m[1], m[2])
print(m.groups(), m.span(), m.span(1), m.start(2), m.end(2), m.pos, m.endpos)
print(m.lastindex, m.lastgroup, m.re, m.string, m.regs)

m = re.match(r'(?P<first_name>\w+) (?P<last_name>\w+)', 'Malcolm Reynolds')
print(m.group('first_name'), m['last_name'], m.groupdict(), m.lastgroup, m.lastindex)
print(m.start('last_name'), m.span('first_name'))

m = re.match(r'(\d+)\.?(\d+)?', '24')
print(m.groups(), m.groups('0'), m.group(2), m.span(2), m.start(2))
m = re.match(r'(?P<a>x)|(?P<b>y)', 'y')
print(m.groupdict(), m.groupdict(''), m.lastgroup, m.lastindex)

# lastindex is the group that closed last
for pat, s in [('(a)b', 'ab'), ('((a)b)', 'ab'), ('(a)(b)', 'ab'), ('((a)(b))', 'ab'), ('(a)(b?)', 'a'),
               ('((a)())', 'a'), ('(?:(a)|(b))+', 'ab'), ('(?:(a)|b)+', 'ab'), ('x', 'x'), ('(x)?y', 'y')]:
    m = re.match(pat, s)
    print(pat, m.lastindex, m.lastgroup)

for args in [(r'\d+', 'abc123def'), ('a|b', 'xxbxa'), ('^b', 'ab'), ('(?m)^b', 'a\nb'), ('$', 'ab\n')]:
    print(re.search(*args))
print(re.match('a', 'ba'), re.search('a', 'ba'), re.fullmatch('a|ab', 'ab'), re.fullmatch('a', 'ab'))

p = re.compile(r'(?P<word>\w+)\s*(?P<num>\d+)?')
print(p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
print(p.match('hello 42'), p.search('  hi'), p.fullmatch('x 1'))
print(p.match('abc', 1), p.match('abc', 1, 2), p.search('ab cd', pos=2), p.fullmatch('abcd', 1, 3))
print(p.match('abc', -5), p.match('abc', 10), p.search('abc', 2, 100))
m = p.search('xx yy 12', 3, 7)
print(m, m.pos, m.endpos)

# group index errors
m = re.match('(a)(?P<n>b)', 'ab')
for g in [3, -1, 'x', 1.0, True]:
    try:
        print(m.group(g))
    except Exception as e:
        print(type(e).__name__, e)
try:
    m.start(5)
except IndexError as e:
    print('IndexError', e)
try:
    m[[1]]
except TypeError as e:
    print('TypeError', e)

# repr truncation
print(re.match('.*', 'x' * 100))
print(re.match('.*', "it's \"q\""))
print(re.compile('a' * 300))
print(bool(re.match('', '')), re.match('', 'abc'))

# the same str object comes back for a whole-string group
s = 'whole'
print(re.match('.*', s).group() is s)
print(type(re.Match), re.Pattern, re.Match)
try:
    re.Match()
except TypeError as e:
    print('TypeError', e)
