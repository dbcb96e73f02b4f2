# Async generators driven by hand.
class Future:
    def __await__(self):
        return (yield "tick")


async def agen(n):
    for i in range(n):
        await Future()
        yield i
    print("agen end")


def drive(aw):
    # Runs an awaitable to completion, answering every tick with None.
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value


async def collect():
    out = []
    async for x in agen(3):
        out.append(x)
    return out


print(drive(collect()))
a = agen(2)
print(type(a).__name__, a.__qualname__, a.ag_running)
print(drive(a.__anext__()))
print(drive(a.__anext__()))
try:
    drive(a.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")


async def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")


a = closer()
print(drive(a.asend(None)))
print(drive(a.aclose()))
try:
    drive(a.__anext__())
except StopAsyncIteration:
    print("closed")


async def athrow_target():
    try:
        yield 1
    except ValueError as e:
        yield "handled " + str(e)


a = athrow_target()
drive(a.__anext__())
print(drive(a.athrow(ValueError("bad"))))


async def comp():
    return [x async for x in agen(2)]


print(drive(comp()))


class AIter:
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i


async def use_aiter():
    return [x async for x in AIter()]


print(drive(use_aiter()))


async def bad_for():
    async for x in 5:
        pass


try:
    drive(bad_for())
except TypeError as e:
    print(e)
