# re.error messages, positions, line and column numbers
import re

patterns = [
    '\\', 'a\\', '\\q', '[\\q]', '\\Q', '\\8', '[\\8]', '\\x', '\\x1', '\\xg', '\\u12', '\\U0011ffff', '\\U1234',
    '[\\x1]', '\\N', '\\N{', '\\N{}', '\\N{EM DASH', '\\N{BOGUS NAME}', '[\\N{BOGUS}]', '\\777', '[\\777]', '\\400',
    '\\1', '(a)\\2', '(a\\1)', '\\10', '(', ')', 'a)', '(a', '(?', '(?P', '(?Px', '(?P<', '(?P<>a)', '(?P<1>a)',
    '(?P<a-b>x)', '(?P<a>x)(?P<a>y)', '(?P=a)', '(?P=1)', '(?P<a>a(?P=a))', '(?P=', '(?P=x', '(?#abc',
    '(?<', '(?<x)', '(?<=', '(?z)', '(?i', '(?i-', '(?i-:a)', '(?-)', '(?iz)', '(?i-z:a)', '(?L)', '(?u)x',
    '(?au)', '(?-a:x)', '(?i-i:a)', '(?t:a)', '(?-t:a)', '(?i)(?i', 'a(?i)', '(?x)a(?i)', '(?(', '(?()a)',
    '(?(1)a)', '(?(x)a)', '(?(1a)a)', '(?(-1)a)', '(?(0)a)', '(a)(?(1)a|b|c)', '(?(1)', '(?(1)a', '[', '[a',
    '[^', '[a-', '[z-a]', '[a-\\w]', '[\\d-z]', '[\\w-]', 'a**', 'a*+?', 'a{2}{3}', '*', '+a', '?', '{1}',
    'a{3,1}', 'x{4294967296}', 'x{1,4294967296}', '^*', '$+', '\\b?', '\\A*', '(?<=a+)b', '(?<!a|bc)', '(?<=(a)|b)',
    '(?<=\\1)(a)', '(a)(?<=\\1)', '(?<=(a)\\1)', '(?<=(?(1)a|bc))(a)', '(?<=a{1,2})', '(?:)*', 'a|*',
    '(?P<a>x)(?(a)y|z)', '(?(b)y)', '\\g<1>', 'a\n(\nb', 'ab\ncd\\q', '(?x)a\n  \\q',
]
for pat in patterns:
    try:
        r = re.compile(pat)
        print(repr(pat), 'ok', r.groups)
    except re.error as e:
        print(repr(pat), 'error:', e, '| msg=%r pos=%r lineno=%r colno=%r' % (e.msg, e.pos, e.lineno, e.colno),
              e.pattern == pat)
    except Exception as e:
        print(repr(pat), type(e).__name__, e)
for pat in [b'\\u1234', b'(?u)', b'\\N{EM DASH}', b'\\q', b'[\\\xe9-a]']:
    try:
        re.compile(pat)
        print(pat, 'ok')
    except re.error as e:
        print(pat, 'error:', e, e.pattern)
for args in [('a', re.LOCALE), ('a', re.ASCII | re.UNICODE), (b'a', re.UNICODE), (b'a', re.ASCII | re.LOCALE),
             ('(?a)a', re.UNICODE)]:
    try:
        re.compile(*args)
    except ValueError as e:
        print('ValueError', e)
for bad in [1, None, ['a']]:
    try:
        re.compile(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
e = re.error('boom')
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno, isinstance(e, Exception), re.error.__module__, re.error.__name__)
e = re.error('bad', 'ab\ncd', 4)
print(e, e.lineno, e.colno, e.args)
