# Argument binding errors: CPython 3.11's exact TypeError messages.
def check(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except TypeError as e:
        print(e)


def f(x): pass
def g(a, b): pass
def h(a, b=1): pass
def k(a, *, k): pass
def k2(*, k1, k2): pass
def p(a, /, b): pass
def p2(a, b, /, c): pass
def many(a, b, c): pass
def pkw(a, /, **kw): return kw


check(f)
check(g)
check(many)
check(many, 1)
check(g, 1, 2, 3)
check(f, 1, 2)
check(h, 1, 2, 3)
check(h)
check(f, 1, z=2)
check(f, 1, x=2)
check(k, 1)
check(k2)
check(k, 1, 2)
check(k, 1, 2, k=3)
check(k2, 1, k1=1, k2=2)
check(p, a=1, b=2)
check(p2, a=1, b=2, c=3)
check(p2, 1, b=2, c=3)
check(g, 1, b=2, a=3)
check(g, **{"a": 1, "b": 2, "c": 3})
print(pkw(1, a=2))
check(f, **{"x": 1, "y": 2})


class C:
    def m(self, x): pass

    @staticmethod
    def s(a): pass


check(C().m)
check(C().m, 1, 2)
check(C.m)
check(C.s)
check(lambda: 0, 1)
check(lambda x, y=2: 0)
