# sub and subn: templates, callables, counts, empty matches
import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home bob@work'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k> (\g<0>) \g<1>', 'a=1, b=2'))
print(re.sub('(a)|b', r'[\1]', 'ab'), re.sub('x', r'\n\t\\', 'axb'), re.sub('x', '\\-\\.', 'axb'))
print(re.sub('a', r'\0', 'a'), re.sub('a', r'\101\0101', 'a'), re.sub('(a)', r'\1\141', 'a'))
print(re.sub('(.)' * 11, r'\11\10', 'abcdefghijk'))
print(re.sub('x*', '-', 'abxd'), re.sub('x*', '-', ''), re.sub('', '-', 'abc'), re.sub('b*', '|', 'abbbc'))
print(re.subn('a', 'b', 'aaaa'), re.subn('a', 'b', 'aaaa', 2), re.subn('a', 'b', 'aaaa', count=0))
print(re.sub('a', 'b', 'aaa', -1), re.subn('z', 'y', 'abc'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.sub(r'(\w)(\w)?', lambda m: repr(m.groups()), 'abc'))
print(re.sub('a', lambda m: None, 'banana'))
calls = []
print(re.sub('.', lambda m: calls.append(m.span()) or m.group().upper(), 'xyz'), calls)
for repl in [lambda m: 1, lambda m: b'x']:
    calls.clear()
    try:
        re.sub('a', lambda m, r=repl: calls.append(1) or r(m), 'babab')
    except TypeError as e:
        print('TypeError', e, len(calls))
try:
    re.sub(b'a', lambda m: 'x', b'abc')
except TypeError as e:
    print('TypeError', e)
for tmpl in [r'\g', r'\g<', r'\g<>', r'\g<1', r'\g<x>', r'\g<-1>', r'\g<1a>', r'\g<3>', r'\3', r'\q', '\\',
             r'\g<99999999999>', r'\777', r'\g<name>x', r'\g<0>']:
    try:
        print(repr(tmpl), re.sub('(?P<name>a)(b)', tmpl, 'ab'))
    except (re.error, IndexError) as e:
        print(repr(tmpl), type(e).__name__, e)
p = re.compile('(?P<w>o)')
print(p.sub('0', 'foo boo'), p.subn(r'[\g<w>]', 'foo', 1), p.sub(repl='O', string='oo', count=1))
s = 'unchanged'
print(re.sub('x', 'y', s) is s, re.sub('x', 'y', s) == s)
print(re.sub('é', 'e', 'café é'), re.sub('(é)', r'<\1>', 'aéb'))
print(re.sub(b'a(b)?', rb'[\1]', b'ab a'), re.subn(rb'\d', b'#', bytearray(b'a1b2')))
m = re.match(r'(?P<a>\w)(\w)?', 'x')
print(m.expand(r'[\1|\2|\g<a>|\g<0>]'), m.expand('plain'))
try:
    m.expand(r'\g<zz>')
except IndexError as e:
    print('IndexError', e)
