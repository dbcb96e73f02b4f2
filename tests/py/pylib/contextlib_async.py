from contextlib import asynccontextmanager, AsyncExitStack, aclosing, nullcontext

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

@asynccontextmanager
async def actx(name):
    print("enter", name)
    try:
        yield name * 2
    finally:
        print("exit", name)

async def main():
    async with actx("a") as v:
        print("body", v)
    try:
        async with actx("b"):
            raise ValueError("in async")
    except ValueError as e:
        print("caught", e)
    async with AsyncExitStack() as st:
        r = await st.enter_async_context(actx("c"))
        print("got", r)
        async def cb(x): print("async cb", x)
        st.push_async_callback(cb, 1)
        st.callback(print, "sync cb")
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen closed")
    async with aclosing(agen()) as ag:
        async for x in ag:
            print("x", x)
            break
    async with nullcontext(3) as n:
        print("n", n)
    @actx("deco")
    async def decorated():
        print("inside decorated")
        return 7
    print(await decorated())
    try:
        async with AsyncExitStack() as st:
            await st.enter_async_context(5)
    except TypeError as e:
        print("TypeError", e)
    @asynccontextmanager
    async def bad():
        if False:
            yield
    try:
        async with bad():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)
    return "done"

print(run(main()))
