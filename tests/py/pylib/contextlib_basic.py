import sys
from contextlib import (contextmanager, closing, suppress, redirect_stdout, redirect_stderr,
                        ExitStack, nullcontext, ContextDecorator, AbstractContextManager)

@contextmanager
def tag(name):
    """Tag docs."""
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("body", t)
print(tag.__name__, tag.__doc__, tag.__wrapped__.__name__)
try:
    with tag("b"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("after swallow")

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def twoyield():
    yield 1
    yield 2
try:
    with twoyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def ignore_throw():
    try:
        yield
    except ValueError:
        yield
try:
    with ignore_throw():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def reraise_other():
    try:
        yield
    except ValueError as e:
        raise TypeError("converted") from e
try:
    with reraise_other():
        raise ValueError("orig")
except TypeError as e:
    print("TypeError", e, repr(e.__cause__))

@contextmanager
def stop_inside():
    yield
try:
    with stop_inside():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration", e)

@tag("deco")
def decorated(x):
    print("decorated body", x)
    return x * 2
print(decorated(21))
print(decorated(1))

class Thing:
    def close(self): print("closed")
with closing(Thing()) as th:
    print(type(th).__name__)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")

class Buf:
    def __init__(self): self.data = []
    def write(self, s): self.data.append(s)
b = Buf()
with redirect_stdout(b) as r:
    print("captured", 1)
    print(r is b)
print(b.data)
e = Buf()
old = sys.stderr
with redirect_stderr(e):
    sys.stderr.write("err text")
print(e.data, sys.stderr is old)

with nullcontext(5) as n:
    print("null", n)
with nullcontext() as n:
    print("null", n)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("s1"))
    stack.push(lambda *exc: print("push exit", exc[0]))
    print("in stack")

with ExitStack() as stack:
    stack.callback(print, "moved")
    new = stack.pop_all()
print("popped")
new.close()

def suppressor(t, v, tb):
    print("suppressor sees", t.__name__)
    return True
with ExitStack() as stack:
    stack.push(suppressor)
    raise ValueError("x")
print("after suppress")

try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("first")
except ZeroDivisionError as e:
    print("ZeroDivisionError", repr(e.__context__))

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print("TypeError", e)

class Deco(ContextDecorator):
    def __enter__(self): print("enter deco"); return self
    def __exit__(self, *a): print("exit deco", a[0]); return False
@Deco()
def g(): print("g body")
g()

class CM(AbstractContextManager):
    def __exit__(self, *a): return None
with CM() as c:
    print(type(c).__name__)
print(issubclass(type(tag("x")), AbstractContextManager))
