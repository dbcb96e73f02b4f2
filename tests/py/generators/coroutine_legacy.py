# A generator-based coroutine (what types.coroutine makes: a generator whose
# code has CO_ITERABLE_COROUTINE) awaited by a native coroutine.
def legacy():
    x = yield "legacy"
    return x


legacy.__code__ = legacy.__code__.replace(co_flags=legacy.__code__.co_flags | 0x100)


async def use_legacy():
    return await legacy()


c = use_legacy()
print(c.send(None))
try:
    c.send("v")
except StopIteration as e:
    print(e.value)


def plain():
    yield 1


async def await_plain():
    await plain()


try:
    await_plain().send(None)
except TypeError as e:
    print(e)
