import functools as ft

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def deco(fn):
    @ft.wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner

@deco
def greet(name: str) -> str:
    "Say hi."
    return 'hi ' + name
greet.extra = 1
print(greet('bo'), greet.__name__, greet.__doc__, greet.__qualname__, greet.__annotations__, greet.__wrapped__.__name__, greet.__module__)
def w(): pass
ft.update_wrapper(w, greet, assigned=('__name__',), updated=()); print(w.__name__, w.__doc__, w.__wrapped__ is greet)
class Callable:
    def __call__(self): pass
ft.update_wrapper(w, Callable()); print(w.__name__)

calls = []
@ft.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 1, 2)], calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info(), sq(4), sq.cache_info())
@ft.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__, type(fib).__name__)
@ft.lru_cache(maxsize=None)
def add(a, b=0, *, c=0):
    return a + b + c
print(add(1), add(1), add(1, 2), add(1, b=2), add(1, 2, c=3), add.cache_info())
@ft.lru_cache(typed=True)
def typ(x):
    return type(x).__name__
print(typ(1), typ(1.0), typ(True), typ.cache_info())
@ft.lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
@ft.cache
def cubed(x):
    return x ** 3
print(cubed(3), cubed(3), cubed.cache_info(), cubed.cache_parameters())
show(lambda: ft.lru_cache(-1)(abs).cache_info())
show(lambda: ft.lru_cache('x'))
show(lambda: sq([1]))
class K:
    def __init__(self): self.n = 0
    @ft.lru_cache(maxsize=None)
    def m(self, x):
        self.n += 1
        return x + self.n
    def __hash__(self): return 1
    def __eq__(self, o): return self is o
k = K(); print(k.m(1), k.m(1), K.m.cache_info(), K.m is K.__dict__['m'])
import copy
print(copy.copy(sq) is sq, copy.deepcopy(sq) is sq, sq.__reduce__())
rec = 0
@ft.lru_cache(maxsize=1)
def reent(x):
    global rec
    rec += 1
    if x > 0:
        reent(x - 1)
    return x
print(reent(3), reent(3), reent.cache_info())
