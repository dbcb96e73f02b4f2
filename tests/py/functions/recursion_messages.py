# RecursionError strikes where CPython 3.11's single recursion counter runs
# out: Python frames and some C-level steps (calls of built-ins and classes,
# repr(), str(), comparisons) share it, and the message names the step.
import sys

LAST = 0


def measure(name, start):
    global LAST
    LAST = 0
    try:
        start()
        print(name, "no error")
    except RecursionError as e:
        print(f"{name}: depth {LAST}: {e}")


def plain(n):
    global LAST
    LAST = n
    plain(n + 1)


measure("plain", lambda: plain(0))


class Init:
    def __init__(self, n):
        global LAST
        LAST = n
        Init(n + 1)


measure("class call", lambda: Init(0))


class Callable:
    def __call__(self, n):
        global LAST
        LAST = n
        self(n + 1)


measure("__call__", lambda: Callable()(0))


class Repr:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        global LAST
        LAST = self.n
        return repr(Repr(self.n + 1))


measure("repr", lambda: repr(Repr(0)))


class FStr:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        global LAST
        LAST = self.n
        return f"<{FStr(self.n + 1)}>"


measure("f-string", lambda: str(FStr(0)))


class Fmt:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        global LAST
        LAST = self.n
        return "<{}>".format(Fmt(self.n + 1))


measure("str.format", lambda: str(Fmt(0)))


class Eq:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        global LAST
        LAST = self.n
        return Eq(self.n + 1) == other


measure("==", lambda: Eq(0) == 1)


def with_range(n):
    global LAST
    LAST = n
    for _ in range(1):
        with_range(n + 1)


measure("range", lambda: with_range(0))


def raising(n):
    global LAST
    LAST = n
    try:
        raise ValueError
    except ValueError:
        raising(n + 1)


measure("raise", lambda: raising(0))


def via_map(n):
    global LAST
    LAST = n
    list(map(via_map, [n + 1]))


measure("map", lambda: via_map(0))


def via_sorted(n):
    global LAST
    LAST = n
    sorted([n + 1], key=via_sorted)


measure("sorted key", lambda: via_sorted(0))


def via_max(n):
    global LAST
    LAST = n
    return max([n + 1], key=via_max)


measure("max key", lambda: via_max(0))


class Iter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        global LAST
        LAST = self.n
        return iter(Iter(self.n + 1))


measure("iter()", lambda: iter(Iter(0)))


def gen(n):
    global LAST
    LAST = n
    yield from gen(n + 1)


measure("yield from", lambda: next(gen(0)))


def comp(n):
    global LAST
    LAST = n
    return [comp(n + 1) for _ in (1,)]


measure("comprehension", lambda: comp(0))


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print("depth reached:", depth(0))

nested = []
for _ in range(5000):
    nested = [nested]
measure("nested list repr", lambda: repr(nested))
measure("nested list ==", lambda: nested == nested[0])

sys.setrecursionlimit(200)
measure("limit 200", lambda: plain(0))
measure("limit 200 class call", lambda: Init(0))
sys.setrecursionlimit(1000)
print("still running")
