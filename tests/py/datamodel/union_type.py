# types.UnionType: int | str (PEP 604).
UnionType = type(int | str)
u = int | str
print(u, type(u), UnionType.__module__, UnionType.__name__, u.__args__, u.__parameters__)
print(int | str == str | int, (int | str) == (int | str | int), (int | str) == int, hash(int | str) == hash(str | int))
print(int | int, int | None, None | int, type(None) | int, int | type(None), (int | None).__args__)
print(int | str | float, (int | str) | (float | int), int | (str | bytes))
print(list[int] | None, int | list[int], list[int] | list[int], list[int] | list[str], (list[int] | int).__args__)
print(int | list, UnionType | int, type(list[int] | None).__name__)
print(isinstance(1, int | str), isinstance(1.0, int | str), isinstance(None, int | None), isinstance("s", (float, int | str)))
print(issubclass(bool, int | str), issubclass(type(None), int | None), issubclass(float, int | str))
print(isinstance([], list | list[int]))
for bad in (lambda: isinstance([], int | list[int]), lambda: issubclass(list, int | list[int]),
            lambda: int | "str", lambda: "str" | int, lambda: int | 3, lambda: (int | str)[int],
            lambda: UnionType(), lambda: hash(int | list[[]])):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class C(int | str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    (int | str).foo
except AttributeError as e:
    print(type(e).__name__, e)
print({int | str: 1, str | int: 2})
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 3))


class Meta(type):
    def __or__(cls, other):
        return "Meta.__or__"


class X(metaclass=Meta):
    pass


class Y:
    pass


print(X | int, int | X, Y | int, int | Y | None)


def f(a: int | None = None, *, b: "str | None" = None) -> list[int] | dict[str, int]:
    return a


print(f.__annotations__)


class TV:
    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~T"


T = TV()
g = int | list[T]
print(g, g.__parameters__, g[str], g[int] if False else "", (int | list[T])[bytes].__args__)
try:
    g[int, str]
except TypeError as e:
    print(type(e).__name__, e)
import copyreg
print(copyreg.dispatch_table[UnionType].__name__)
