# Generators: yield, send, yield from, return values, close, throw.
def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "done"

g = counter(5)
print(next(g), next(g), g.send(3), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def delegate():
    result = yield from counter(2)
    print("delegate got", result)
    yield "last"
print(list(delegate()))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()

def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught inside", e)
t = thrower()
next(t)
t.throw(ValueError("boom"))
t.close()

def gen_expr_scope():
    base = 10
    return list(base + i for i in range(3))
print(gen_expr_scope())

def yield_in_expr():
    x = (yield 1) + (yield 2)
    yield x
ye = yield_in_expr()
print(next(ye), ye.send(10), ye.send(20))

lam = lambda: (yield 5)
print(list(lam()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def gen_return_in_finally():
    try:
        yield 1
    finally:
        return
print(list(gen_return_in_finally()))
print(type(counter(1)).__name__, counter.__code__.co_flags & 0x20 != 0)
