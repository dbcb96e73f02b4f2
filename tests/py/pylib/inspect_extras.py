import inspect
x = 10
def outer():
    y = 5
    def inner(z):
        return x + y + z + len([]) + undefined_thing
    return inner
cv = inspect.getclosurevars(outer())
print(cv.nonlocals, cv.globals, sorted(cv.builtins), cv.unbound, type(cv).__name__)
def f(a, b=2, *args, c, d=4, **kw): pass
print(inspect.getcallargs(f, 1, c=3), inspect.getcallargs(f, 1, 2, 3, 4, c=5, e=6))
def g(a, b, c=1): pass
for call in [lambda: inspect.getcallargs(g), lambda: inspect.getcallargs(g, 1, 2, 3, 4), lambda: inspect.getcallargs(g, 1, 2, a=3), lambda: inspect.getcallargs(g, 1, 2, z=3), lambda: inspect.getcallargs(f, 1)]:
    try: call()
    except TypeError as e: print("TypeError", e)
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(inspect.getclasstree([A, B, C, D]))
print(inspect.getclasstree([D, B], unique=True))
class K:
    data = 1
    def m(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    @property
    def p(self): return 1
print([(a.name, a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(K) if not a.name.startswith("__")])
