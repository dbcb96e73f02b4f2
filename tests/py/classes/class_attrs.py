# Class attributes, mutation after instances exist, __name__/__qualname__/__doc__/__module__.
class Counter:
    "Counts things."
    count = 0

    def inc(self):
        type(self).count += 1
        return self.count


a, b = Counter(), Counter()
a.inc()
b.inc()
print(Counter.count, a.count)
a.count = 10
print(a.count, b.count, Counter.count)
Counter.inc = lambda self: "patched"
print(a.inc(), b.inc())
print(Counter.__name__, Counter.__qualname__, Counter.__doc__, Counter.__module__)


class Outer:
    class Inner:
        def m(self):
            pass


print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
print(type(Counter), type(type), type(object), object.__bases__)
print(repr(Counter)[:15], repr(Outer.Inner))
Counter.__name__ = "Renamed"
print(Counter.__name__)
try:
    int.foo = 1
except TypeError as e:
    print("TypeError:", e)
print(Counter.__dict__["count"], "inc" in Counter.__dict__)
try:
    Counter.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
X = type("X", (Counter,), {"extra": 5, "__doc__": "made by type()"})
print(X.extra, X.count, X.__doc__, X.__mro__[1].__name__)
print(type(X()).__name__, isinstance(X(), Counter))
