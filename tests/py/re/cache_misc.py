# the pattern cache, purge, copy, Scanner, misc API
import re, sys

p = re.compile('abc')
print(re.compile('abc') is p, re.compile('abc', re.I) is p, re.compile(p) is p)
re.purge()
q = re.compile('abc')
print(q is p, q == p, hash(q) == hash(p), q != re.compile('abd'), q == re.compile('abc', re.I), q == 'abc')
for i in range(600):
    re.match('x%d' % i, 'x1')
print(re.match('x5', 'x5'))
print(p.__copy__() is p, p.__deepcopy__({}) is p)
m = p.match('abc')
print(m.__copy__() is m, m.__deepcopy__(None) is m)
print(re._compile('x', 0))

def s_ident(scanner, token): return token
def s_operator(scanner, token): return "op%s" % token
def s_float(scanner, token): return float(token)
def s_int(scanner, token): return int(token)
scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", s_ident),
    (r"\d+\.\d*", s_float),
    (r"\d+", s_int),
    (r"=|\+|-|\*|/", s_operator),
    (r"\s+", None),
])
print(scanner.scan("sum = 3*foo + 312.50 + bar"), scanner.scan('x = 1 ?'))
sc = re.compile(r'\d').scanner('a1b2')
print(sc.match(), sc.search(), sc.search(), sc.search(), sc.pattern)
print(re.template('abc').flags, re.__all__[:5], re.compile('').match('').span())
try:
    re.template('a*')
except re.error as e:
    print('error', e)
class S(str):
    pass
m = re.match('(a)', S('ab'))
print(type(m.group(1)).__name__, type(m.string).__name__, re.sub('a', 'b', S('xyz')), type(re.sub('a', 'b', S('xyz'))).__name__)
print(re.match(S('a+'), 'aa'), re.compile(S('a')).pattern.__class__.__name__)
