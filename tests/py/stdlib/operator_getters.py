import operator as op

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

g = op.itemgetter(1)
print(g([1, 2, 3]), g('ab'), g({1: 'x'}), repr(g))
g2 = op.itemgetter(0, -1, slice(1, 2))
print(g2([5, 6, 7]), repr(g2), g2.__reduce__())
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
show(lambda: op.itemgetter())
show(lambda: g())
show(lambda: g([1], [2]))
show(lambda: g([]))
show(lambda: op.itemgetter(1, x=2))

class P:
    pass
p = P(); p.name = P(); p.name.first = 'Ada'; p.name.last = 'L'; p.age = 36
a = op.attrgetter('age')
b = op.attrgetter('name.first', 'name.last', 'age')
print(a(p), b(p), repr(a), repr(b), b.__reduce__()[1])
show(lambda: op.attrgetter(1))
show(lambda: op.attrgetter())
show(lambda: a(1))
show(lambda: op.attrgetter('name.middle')(p))

m = op.methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), repr(m), repr(op.methodcaller('upper')), op.methodcaller('upper')('x'))
print(op.methodcaller('count', 'a').__reduce__()[1])
show(lambda: op.methodcaller())
show(lambda: op.methodcaller(5))
show(lambda: m())
show(lambda: op.methodcaller('nope')(1))

try:
    class MyGetter(op.itemgetter):
        pass
except TypeError as e:
    print(type(e).__name__)
print(list(map(op.itemgetter(0), [(1, 2), (3, 4)])), list(map(op.attrgetter('real'), [1, 2.5])))
