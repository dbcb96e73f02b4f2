# Closures (cells, late binding, nonlocal chains, class bodies reading
# enclosing functions) and decorators (order, expressions, classes).
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc

c = counter()
print(c(), c(), c(10), c.__code__.co_freevars, counter.__code__.co_cellvars)

fs = [lambda: i for i in range(3)]
gs = [lambda i=i: i for i in range(3)]
print([f() for f in fs], [g() for g in gs])

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        return inner
    r = middle()()
    return r, x
print(outer())

def class_in_function():
    secret = 42
    shadow = "enclosing"
    class K:
        value = secret
        shadow = "class"
        seen = shadow
        def meth(self):
            return secret, shadow
    return K.value, K.seen, K().meth()
print(class_in_function())

class Prepared(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"y": "from namespace"} if name == "WithY" else {}

def class_deref():
    y = "cell"
    class WithY(metaclass=Prepared):
        seen = y
    class WithoutY(metaclass=Prepared):
        seen = y
    return WithY.seen, WithoutY.seen
print(class_deref())

def arg_cell(a, b):
    def get():
        return a + b
    a = a * 10
    return get()
print(arg_cell(1, 2), arg_cell.__code__.co_cellvars)

# Decorators apply bottom-up, after evaluating top-down.
def tag(name):
    print("evaluate", name)
    def deco(f):
        print("apply", name)
        f.tags = getattr(f, "tags", ()) + (name,)
        return f
    return deco

@tag("top")
@tag("bottom")
def decorated():
    "doc"
    return 1
print(decorated.tags, decorated.__doc__, decorated.__name__)

registry = {"d": [lambda f: (f, "wrapped")]}
@registry["d"][0]
def weird():
    pass
print(weird[1], weird[0].__name__)

@tag("cls")
class Decorated:
    pass
print(Decorated.tags)

def wraps_lineno(f):
    return f.__code__.co_firstlineno

@wraps_lineno
def where():
    pass
print(where)

def method_closures():
    class A:
        def who(self):
            return __class__.__name__
        def sup(self):
            return super().__repr__()[:2]
    return A().who(), A().sup(), A.who.__code__.co_freevars
print(method_closures())

# Generator closing over a loop variable.
def gens():
    out = []
    for k in range(3):
        out.append((k * j for j in range(2)))
    return [list(g) for g in out]
print(gens())
