# The with statement: __enter__/__exit__, suppression, errors.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v, type(tb).__name__)
        return self.suppress


with CM("a") as x:
    print("body", x)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM("d") as d, CM("e") as e:
    print(d, e)


def ret():
    with CM("f"):
        return "returned"


print(ret())
for i in range(2):
    with CM("g%d" % i):
        if i == 0:
            continue
        break
try:
    with 5:
        pass
except TypeError as e:
    print(e)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except TypeError as e:
    print(e)


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("from exit")


try:
    with BadExit():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
