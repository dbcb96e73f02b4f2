# verbose mode: whitespace and comments, in the pattern and in classes
import re

p = re.compile(r"""
    (?P<int> \d+ )        # integer part
    (?: \. (?P<frac>\d*) )?   # optional fraction
    \s* [ ] (?P<unit> [a-z ]+ )   # a class keeps its spaces
    \# \  end
""", re.VERBOSE)
print(p.match('12.5 kg m # end').groupdict())
print(re.findall('(?x) a b | c  d # comment\n | e', 'ab cd e'))
print(re.match('(?x)a{1, 2}', 'a{1,2}'), re.match('(?x)a {2}', 'aa'), re.match('(?x)a\\ b', 'a b'))
print(re.match('(?x)  (?i) A', 'a'), re.match(' (?x)a', ' a') if False else None)
print(re.findall('(?x: a b ) c d', 'abc d'), re.findall('a b (?-x: c d )', 'a b  c d ', re.X))
print(re.match('(?x)#only a comment', ''), re.match('(?x)a#\nb', 'ab'), re.match('(?x)[#]', '#'))
print(re.compile('a b', re.X).match('ab'), re.compile('(?x)\ta\n\rb\x0b\x0cc').match('abc'))
for pat in ['(?x) (?i)a', 'a(?x)b', '(?x)a|(?i)b']:
    try:
        print(re.compile(pat))
    except re.error as e:
        print('error', e)
