# yield from: delegation of next/send/throw/close and the return value.
def inner():
    try:
        x = yield "i1"
        print("inner got", x)
        y = yield "i2"
        return ("ret", y)
    finally:
        print("inner finally")


def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration:
    print("done")

g = outer()
next(g)
print(g.throw(ValueError) if False else "skip")
try:
    g.throw(ValueError("into inner"))
except ValueError as e:
    print("raised", e)

g = outer()
next(g)
print(type(g.gi_yieldfrom).__name__)
g.close()
print(g.gi_yieldfrom)


def catcher():
    try:
        yield 1
    except KeyError:
        return "handled"


def outer2():
    r = yield from catcher()
    yield r


g = outer2()
next(g)
print(g.throw(KeyError))


def from_list():
    yield from [1, 2, 3]
    yield from "ab"
    return (yield from range(2))


print(list(from_list()))


class Iter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n * 10)
        return self.n


def use_iter():
    v = yield from Iter()
    yield v


print(list(use_iter()))


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))
