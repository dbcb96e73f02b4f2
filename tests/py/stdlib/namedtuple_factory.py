from collections import namedtuple

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p[0] + p[1], p.x + p.y, tuple(p), p._asdict(), p._replace(x=100), Point._make([1, 2]), Point._fields)
print(Point.__doc__, Point.x.__doc__, Point.__name__, Point.__qualname__, Point.__module__, p == (11, 22), hash(p) == hash((11, 22)))
print(Point.__new__.__doc__, Point._make.__func__.__doc__, Point._replace.__doc__, Point.__match_args__, Point._field_defaults)
x, y = p; print(x, y, len(p), p.count(11), p.index(22), isinstance(p, tuple), p.__getnewargs__())
Emp = namedtuple('Emp', 'name, age title', defaults=['dev']); print(Emp('a', 3), Emp._field_defaults, Emp.__new__.__defaults__)
A = namedtuple('A', 'x', defaults=[None]); print(A(), A(5), A._fields)
Z = namedtuple('Z', ''); print(Z(), Z._fields, repr(Z()))
R = namedtuple('R', ['abc', 'def', 'ghi', 'abc', '_x', '1y'], rename=True); print(R._fields)
M = namedtuple('M', 'a b', module='mymod'); print(M.__module__, M(1, 2))
show(lambda: Point(1))
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, z=3))
show(lambda: Point._make([1]))
show(lambda: p._replace(z=1))
show(lambda: namedtuple('Bad', 'a a'))
show(lambda: namedtuple('Bad', '_a'))
show(lambda: namedtuple('Bad', 'class'))
show(lambda: namedtuple('1Bad', 'a'))
show(lambda: namedtuple('Bad', 'a-b'))
show(lambda: namedtuple('Bad', ['a', 1]))
show(lambda: namedtuple('Bad', 'a b', defaults=[1, 2, 3]))
show(lambda: setattr(p, 'x', 5))
show(lambda: p.z)
class P3(namedtuple('P3', 'x y z')):
    __slots__ = ()
    @property
    def norm(self): return (self.x ** 2 + self.y ** 2 + self.z ** 2) ** 0.5
    def __str__(self): return 'P3!'
q = P3(1, 2, 2); print(q, str(q), q.norm, q._replace(x=0), type(q._replace(x=0)).__name__)
match p:
    case Point(x, y):
        print('matched', x, y)
import copy
print(copy.copy(p), copy.deepcopy(Point([1], 2)), Point.x, type(Point.x).__name__)
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(1, 5), Point(2, 0)))
