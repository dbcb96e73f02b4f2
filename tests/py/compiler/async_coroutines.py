# Coroutines driven by hand (no event loop): await, async with, async for,
# async generators and async comprehensions.
class Sleep:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield ("sleep", self.value)
        return got

class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, typ, val, tb):
        print("aexit", typ.__name__ if typ else None)
        return False

class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

async def agen(n):
    for i in range(n):
        await Sleep(i)
        yield i * 10

async def main():
    x = await Sleep(1)
    print("awaited", x)
    async with AsyncCM() as r:
        print("inside", r)
    async for i in ARange(3):
        print("async for", i)
    else:
        print("async for else")
    vals = [v async for v in agen(3)]
    print("async comprehension", vals)
    doubled = [await Sleep(i) for i in range(2)]
    print("await in comprehension", doubled)
    return "main result"

def run(coro):
    sent = None
    while True:
        try:
            request = coro.send(sent)
        except StopIteration as e:
            return e.value
        sent = ("reply", request[1])

print(run(main()))

async def simple():
    return 42
co = simple()
print(type(co).__name__)
try:
    co.send(None)
except StopIteration as e:
    print("result", e.value)

print(simple.__code__.co_flags & 0x80 != 0, agen.__code__.co_flags & 0x200 != 0)
