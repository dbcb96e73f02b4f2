import functools as ft

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b=2, *c, **d):
    return (a, b, c, d)

p = ft.partial(f, 1, b=3)
print(p(), p(c=4), p(5, 6), p(b=9), p.args, p.keywords, p.func is f)
print(repr(p).replace(hex(id(f)), 'ADDR'))
p2 = ft.partial(p, 7, e=8); print(p2.func is f, p2.args, p2.keywords, p2())
p.attr = 'x'; p3 = ft.partial(p, 0); print(p3.func is p, p3.args, p.__dict__)
class P(ft.partial):
    pass
print(repr(P(max, 1)).split(' at ')[0], P(max, 1)(5), isinstance(P(max), ft.partial))
print(ft.partial(max)(3, 4), ft.partial(sorted, reverse=True)([3, 1, 2]), ft.partial(int, base=2)('101'))
print(repr(ft.partial(max, 1, 'a', key=len)))
show(lambda: ft.partial())
show(lambda: ft.partial(1))
show(lambda: ft.partial(f)())
show(lambda: setattr(p, 'func', max))
show(lambda: p.__reduce__()[0].__name__)
show(lambda: p.__reduce__()[2][1:])
q = ft.partial(max); q.__setstate__((min, (5,), {}, None)); print(q(3), q.func, q.args)
show(lambda: q.__setstate__(1))
show(lambda: ft.reduce(lambda a, b: a + b, []))
show(lambda: ft.reduce(1, [1, 2]))
show(lambda: ft.reduce(lambda a, b: a, 5))
show(lambda: ft.reduce())
print(ft.reduce(lambda a, b: a + b, [1, 2, 3, 4]), ft.reduce(lambda a, b: a * b, range(1, 6), 10), ft.reduce(max, [], 'init'), ft.reduce(lambda a, b: a + b, ['x']))
key = ft.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=ft.cmp_to_key(lambda a, b: b - a)), key(1) < key(2), key(2) == key(2), key(3) >= key(4), key(5).obj)
show(lambda: key(1) < 3)
show(lambda: type(key(1)))
show(lambda: hash(key(1)))
show(lambda: ft.cmp_to_key())
show(lambda: key())
r = ft.partial(print); r.self = r
show(lambda: 'functools.partial(<built-in function print>)' == repr(ft.partial(print)))
