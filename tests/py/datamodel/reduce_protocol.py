# object.__reduce_ex__ / __reduce__ / __getstate__ and the copyreg helpers.
import copyreg


def show(r):
    # Functions print by name (their reprs carry addresses); iterators by type.
    def fmt(x):
        if callable(x) and hasattr(x, "__qualname__") and not isinstance(x, type):
            return f"{getattr(x, '__module__', '?')}.{x.__qualname__}"
        if type(x).__name__.endswith("iterator"):
            return f"<{type(x).__name__}: {list(x)}>"
        if isinstance(x, tuple):
            return "(" + ", ".join(fmt(y) for y in x) + ("," if len(x) == 1 else "") + ")"
        return repr(x)
    return fmt(r)


class Plain:
    pass


p = Plain()
print(show(p.__reduce_ex__(2)), p.__getstate__())
p.a = 1
p.b = [2]
print(show(p.__reduce_ex__(2)), show(p.__reduce_ex__(4)), p.__getstate__())
print(show(p.__reduce__()), show(p.__reduce_ex__(0)), show(p.__reduce_ex__(1)))


class Slotted:
    __slots__ = ("x", "y", "__z")

    def __init__(self):
        self.x = 1
        self.__z = 3


class SlottedDict(Slotted):
    pass


s = Slotted()
print(s.__getstate__(), show(s.__reduce_ex__(2)), Slotted.__slotnames__, copyreg._slotnames(Slotted))
sd = SlottedDict()
sd.w = 9
print(sd.__getstate__(), SlottedDict.__slotnames__, list(SlottedDict.__dict__)[-1])
try:
    s.__reduce_ex__(1)
except TypeError as e:
    print(type(e).__name__, e)


class NewArgs:
    def __new__(cls, a, b=0):
        self = object.__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs__(self):
        return (self.a, self.b)


class NewArgsEx:
    def __getnewargs_ex__(self):
        return (1,), {"k": 2}


class EmptyKw:
    def __getnewargs_ex__(self):
        return (5,), {}


print(show(NewArgs(3, 4).__reduce_ex__(2)), show(NewArgsEx().__reduce_ex__(2)), show(EmptyKw().__reduce_ex__(3)))
for bad in ([1, 2], (1,), ([1], {}), ((1,), [])):
    class Bad:
        def __getnewargs_ex__(self, bad=bad):
            return bad
    try:
        Bad().__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class BadNewArgs:
    def __getnewargs__(self):
        return [1]


try:
    BadNewArgs().__reduce_ex__(2)
except TypeError as e:
    print(type(e).__name__, e)


class OwnReduce:
    def __reduce__(self):
        return (OwnReduce, ("custom",))


class OwnState:
    def __init__(self):
        self.secret = 1

    def __getstate__(self):
        return {"public": True}


print(OwnReduce().__reduce_ex__(2), OwnReduce().__reduce_ex__(0), show(OwnState().__reduce_ex__(2)))
inst = Plain()
inst.__reduce__ = lambda: "instance attribute is not an override"
print(show(inst.__reduce_ex__(2))[:40])
# Built-in objects.
print(show([1, 2].__reduce_ex__(2)), show({"k": 1}.__reduce_ex__(2)), show((1, 2).__reduce_ex__(2)))
print(show((5).__reduce_ex__(2)), show("s".__reduce_ex__(2)), show((1.5).__reduce_ex__(2)), show(None.__reduce_ex__(2)))
print(show(b"x".__reduce_ex__(2)))


class L(list):
    pass


class D(dict):
    pass


lst = L([1])
lst.tag = "t"
print(show(lst.__reduce_ex__(2)), show(D(a=1).__reduce_ex__(2)), show(lst.__reduce_ex__(1)))
for bad in (lambda: object().__reduce_ex__(), lambda: object().__reduce_ex__("2"), lambda: property().__reduce_ex__(2),
            lambda: object().__reduce_ex__(2 ** 40), lambda: int.__reduce_ex__(7, 0)):
    try:
        bad()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# The protocol-2 helpers rebuild objects.
q = copyreg.__newobj__(NewArgs, 7)
print(type(q).__name__, q.a, q.b, copyreg.__newobj_ex__(NewArgs, (1,), {"b": 2}).b)
r = copyreg._reconstructor(L, list, [1, 2])
print(type(r).__name__, r, type(copyreg._reconstructor(Plain, object, None)).__name__)
func, args, *rest = p.__reduce_ex__(2)
clone = func(*args)
clone.__dict__.update(rest[0])
print(type(clone).__name__, clone.a, clone.b, clone is not p)
print(sorted(k for k in vars(copyreg) if not k.startswith("__") or k.startswith("__newobj")))
copyreg.pickle(Plain, lambda o: (Plain, ()))
print(Plain in copyreg.dispatch_table)
try:
    copyreg.pickle(Plain, 5)
except TypeError as e:
    print(type(e).__name__, e)
