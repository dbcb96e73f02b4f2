# A generator-based coroutine (types.coroutine) awaited by a native one.
import types


@types.coroutine
def legacy():
    x = yield "legacy"
    return x


async def use_legacy():
    return await legacy()


c = use_legacy()
print(c.send(None))
try:
    c.send("v")
except StopIteration as e:
    print(e.value)
