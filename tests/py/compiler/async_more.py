# More coroutine code paths: exceptions through async with/for, break and
# return inside them, async generators driven by asend/athrow/aclose,
# async comprehensions of every kind, await in odd places.
class Yield:
    def __await__(self):
        return (yield "tick")

class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Yield()
        print("enter", self.name)
        return self.name
    async def __aexit__(self, typ, val, tb):
        await Yield()
        print("exit", self.name, typ.__name__ if typ else None)
        return self.suppress

class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Yield()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks

async def with_flow():
    out = []
    async with ACM("a") as a, ACM("b") as b:
        out.append(a + b)
    async with ACM("suppress", suppress=True):
        raise KeyError("gone")
    try:
        async with ACM("propagate"):
            raise ValueError("kept")
    except ValueError as e:
        out.append(str(e))
    for i in range(3):
        async with ACM("loop%d" % i):
            if i == 1:
                break
    return out

async def for_flow():
    out = []
    async for i in ARange(5):
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    else:
        out.append("no else")
    async for i in ARange(0):
        out.append("never")
    else:
        out.append("else ran")
    try:
        async for i in ARange(3):
            if i == 2:
                raise RuntimeError("in body")
    except RuntimeError as e:
        out.append(str(e))
    async for i in ARange(4):
        async with ACM("nested"):
            if i == 0:
                return out + ["returned"]

async def agen():
    try:
        received = yield 1
        print("agen received", received)
        while True:
            try:
                received = yield received * 2
            except KeyError as e:
                print("agen caught", repr(e))
                yield "recovered"
    finally:
        print("agen finally")

async def drive_agen():
    g = agen()
    print(await g.asend(None))
    print(await g.asend(5))
    print(await g.asend(7))
    print(await g.athrow(KeyError("k")))
    await g.aclose()
    try:
        await g.asend(1)
    except StopAsyncIteration:
        print("exhausted")
    return "agen done"

async def agen_range(n):
    for i in range(n):
        await Yield()
        yield i

async def comprehensions():
    lst = [i async for i in agen_range(4) if i % 2 == 0]
    st = {i * 10 async for i in agen_range(3)}
    dct = {i: await Yield() for i in range(2)}
    gen = [j async for i in agen_range(2) async for j in agen_range(i + 1)]
    nested = [[x async for x in agen_range(i)] for i in range(3)]
    agenexp = (i + 100 async for i in agen_range(2))
    from_genexp = [v async for v in agenexp]
    return lst, sorted(st), dct, gen, nested, from_genexp

async def await_places():
    async def val(v):
        await Yield()
        return v
    d = {await val("k"): await val("v")}
    t = (await val(1)) + (await val(2))
    s = f"{await val('fmt')}"
    c = [await val(i) for i in range(2)]
    kw = dict(a=await val(1))
    return d, t, s, c, kw, await val(await val("inner"))

for coro in (with_flow(), for_flow(), drive_agen(), comprehensions(), await_places()):
    print(run(coro))

print(type(agen()).__name__, type(agen_range).__name__)
print(hex(agen.__code__.co_flags & 0x380), hex(await_places.__code__.co_flags & 0x380))
