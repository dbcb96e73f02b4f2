# Parameters and arguments: defaults, keyword-only, positional-only,
# *args / **kwargs, call-site unpacking, evaluation order, annotations.
def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, sorted(kwargs.items()))

print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, z=9, y=8))
print(f(*[1, 2], **{"d": 4, "c": 3}))
try:
    f(1, 2, d=4, a=5)
except TypeError as e:
    print(type(e).__name__)
try:
    f(1)
except TypeError as e:
    print(e)

def order(tag):
    print("eval", tag)
    return tag

def g(*args, **kwargs):
    return args, kwargs
print(g(order(1), *[order(2)], x=order(3), **{"y": order(4)}, z=order(5)))
print(g(*(), **{}))
many = g(*range(3), *range(2), 9, *"ab")
print(many)

counter = [0]
def default_once(x=counter.append(1) or len(counter)):
    return x
print(default_once(), default_once(), counter)

def mutable_default(item, acc=[]):
    acc.append(item)
    return acc
mutable_default(1)
print(mutable_default(2))

def annotated(a: int, b: "str" = "s", *c: float, d: list = None, **e: dict) -> bool:
    pass
print(annotated.__annotations__)
print(annotated.__defaults__, annotated.__kwdefaults__)

lam = lambda x, y=1, *z, k=2, **w: (x, y, z, k, w)
print(lam(0), lam(0, 1, 2, k=3, q=4))
print(lam.__name__, lam.__code__.co_argcount, lam.__code__.co_kwonlyargcount)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames, f.__code__.co_flags & 0xC)

def big_call(*a, **k):
    return len(a), len(k)
print(big_call(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
               21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35))
print(big_call(a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11, a12=12,
               a13=13, a14=14, a15=15, a16=16, a17=17))

class Obj:
    def method(self, x, *, y=0):
        return x + y
o = Obj()
print(o.method(1, y=2), Obj.method(o, 3))
