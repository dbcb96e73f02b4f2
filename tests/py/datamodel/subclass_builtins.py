# Subclasses of every built-in type: methods keep working, overrides are honoured where CPython honours them.
class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
    def append(self, x):
        super().append(x * 2)
    def __getitem__(self, i):
        return ('item', super().__getitem__(i))
l = MyList([1, 2, 3])
l.append(5)
print(l, len(l), l[0], l.extra, type(l).__name__)
print(repr(l), l == [1, 2, 3, 10], isinstance(l, list))
print(list(l), sorted(l), l + [1], type(l + [1]))
print(l[1:2])
l2 = l * 2
print(type(l2), l2)
l.extend([7])
print(l)
print(sum(x for x in l))
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
d = MyDict(a=1)
print(d['a'], d['bb'], d.get('zz'), 'zz' in d, d)
class Counter(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
c = Counter()
for w in "a b a c a".split():
    c[w] += 1
print(c)
class DD(dict):
    def __getitem__(self, k):
        return 42
dd = DD(x=1)
print(dd['x'], dd.get('x'), dict(dd), list(dd.values()))
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)
    def __repr__(self):
        return f"MyInt({int(self)})"
i = MyInt(5)
print(i, i + 1, 1 + i, i * 2, type(i * 2), i == 5, hash(i) == hash(5), -i, abs(i), int(i), type(int(i)))
print(str(i), f"{i}", format(i, '>5'), '%d' % i)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hello")
print(s, s.shout(), s + " x", type(s + " x"), s[1:], type(s[1:]), repr(s), s == "hello", hash(s) == hash("hello"))
print({s: 1}["hello"], "ell" in s, s.split("l"), len(s))
class MyFloat(float):
    def __str__(self):
        return "MF" + super().__str__()
f = MyFloat(2.5)
print(f, repr(f), f + 1, type(f + 1), round(f), f.is_integer(), f"{f}", str(f), [f])
class MyTuple(tuple):
    def __new__(cls, *args):
        return super().__new__(cls, args)
    def first(self):
        return self[0]
t = MyTuple(1, 2, 3)
print(t, t.first(), len(t), t + (4,), type(t + (4,)), t[1:], type(t[1:]), hash(t) == hash((1, 2, 3)))
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(3, 4)
print(p, p.x)
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
class MyExc(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise MyExc("bad", 42)
except MyExc as e:
    print(e, repr(e), e.args, e.code, str(e))
class E2(ValueError):
    pass
try:
    raise E2("x")
except ValueError as e:
    print(type(e).__name__, e, repr(e))
class UpperStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(UpperStr("abc"), type(UpperStr("abc")).__name__)
class Pos(int):
    def __new__(cls, v):
        if v < 0: raise ValueError("neg")
        return super().__new__(cls, v)
print(Pos(3), Pos(3) + 1)
try: Pos(-1)
except ValueError as e: print(e)
class MyBytes(bytes): pass
b = MyBytes(b"ab")
print(b, type(b).__name__, b + b"c", b[0])
class MySet(set): pass
ms = MySet([1,2])
print(ms, type(ms | {3}).__name__, ms | {3})
class MyFS(frozenset): pass
print(MyFS([1]), type(MyFS([1])).__name__)
class MyBool: pass
try:
    class B(bool): pass
except TypeError as e:
    print(e)
class MyComplex(complex): pass
print(MyComplex(1, 2), MyComplex(1,2) + 1)
class MyRange: pass
try:
    class R(range): pass
except TypeError as e:
    print(e)
class MyObj(object):
    pass
print(type(MyObj()).__mro__)
class MyBA(bytearray): pass
print(MyBA(b"x"))
