# Coroutines driven by hand (no event loop).
class Future:
    def __init__(self):
        self.result = None

    def __await__(self):
        value = yield self
        return value


async def leaf(x):
    got = await Future()
    return x + got


async def middle():
    a = await leaf(1)
    b = await leaf(10)
    return a + b


def run(coro, sends):
    fut = coro.send(None)
    try:
        for v in sends:
            print("yielded", type(fut).__name__)
            fut = coro.send(v)
    except StopIteration as e:
        return e.value


print(run(middle(), [100, 1000]))
c = middle()
print(type(c).__name__, c.__qualname__, c.cr_running, c.cr_await)
c.send(None)
print(type(c.cr_await).__name__, c.cr_suspended)
c.close()
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(e)


async def simple():
    return 42


c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
c = simple()
w = c.__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print(e.value)


async def await_bad():
    await 5


try:
    await_bad().send(None)
except TypeError as e:
    print(e)


class BadAwait:
    def __await__(self):
        return 5


async def await_bad2():
    await BadAwait()


try:
    await_bad2().send(None)
except TypeError as e:
    print(e)


async def thrower():
    try:
        await Future()
    except ValueError as e:
        return "caught " + str(e)


c = thrower()
c.send(None)
try:
    c.throw(ValueError("x"))
except StopIteration as e:
    print(e.value)
s = simple()
try:
    iter(s)
except TypeError as e:
    print(e)
s.close()
