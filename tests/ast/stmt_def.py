@dec
@dec2(1)
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    return a
async def g():
    await x
    async for i in y: pass
    async with a as b, c: pass
def h(*, a): pass
def k(a, /): pass
def t(*args: *Ts): pass
class C(B, metaclass=M):
    x = 1
@d
class D: pass

