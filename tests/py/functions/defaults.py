# Defaults, keyword-only defaults, *args and **kwargs binding.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))


def g(x=[]):
    x.append(1)
    return x


print(g(), g(), g([0]))
print(g.__defaults__)


def h(*, a=1, b):
    return a, b


print(h(b=2))
print(h.__kwdefaults__)
h.__kwdefaults__ = {"a": 10, "b": 20}
print(h())
h.__defaults__ = None


def pos(a, b, /, c=3):
    return a + b + c


print(pos(1, 2), pos(1, 2, c=10))


def star(*args):
    return args


print(star(), star(1), star(*range(5)))


def kw(**kwargs):
    return kwargs


print(kw(), kw(a=1, b=2))
print(kw(**{"x": 1}, y=2))
