# Generators: iteration, send, return values, exhaustion.
def gen(n):
    for i in range(n):
        yield i
    return "done"


print(list(gen(4)))
g = gen(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value))


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print(s.value)
print(sum(x * x for x in range(10)))
print([y for y in (x + 1 for x in range(3))])
g = (c for c in "ab")
print(next(g), list(g), list(g))


def empty():
    return
    yield


print(list(empty()))


def gen_tuple_return():
    yield 1
    return (1, 2)


g = gen_tuple_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
