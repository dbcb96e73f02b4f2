# types.GenericAlias: list[int] and friends (PEP 585).
GenericAlias = type(list[int])
x = list[int]
print(x, type(x), x.__origin__, x.__args__, x.__parameters__, x.__unpacked__)
print(GenericAlias.__module__, GenericAlias.__name__, GenericAlias.__qualname__)
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], hash(list[int]) == hash(list[int]))
print(list[int] == list, list == list[int])
print(dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[int], frozenset[str], enumerate[int])
print(tuple[int, ...].__args__, tuple[()].__args__, list[int, str], dict[str, "int"])
print(repr(list[...]), repr(list[list]), repr(list[len]), type(int.__dict__)[str, int])
print(BaseExceptionGroup[ValueError])


class Mine:
    pass


class Gen:
    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)


print(Gen[int], Gen[Mine], Gen[int].__origin__ is Gen)
print(x([1, 2]), type(x([1, 2])), x())
print(Gen[int]().__orig_class__, dict[str, int](a=1))
# Attributes come from the origin, except the alias's own.
print(list[int].__name__, list[int].__qualname__, list[int].__module__, list[int].append is list.append)
print(list[int].__class__, isinstance(list[int], type), list[int].__mro_entries__(()))
print(list[int].__doc__ == list.__doc__, repr(list[int].__class_getitem__)[:37])
print(sorted(set(dir(list[int])) - set(dir(list))))
print(list[int].__reduce__())
print(*tuple[int, str], list(tuple[int]), next(iter(tuple[int])).__unpacked__)
print(next(iter(tuple[int])).__typing_unpacked_tuple_args__, tuple[int].__typing_unpacked_tuple_args__)
print(GenericAlias(list, int), GenericAlias(list, (int, str)), GenericAlias(Mine, ()))
for bad in ((list,), (list, int, str)):
    try:
        GenericAlias(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    GenericAlias(list, int, x=1)
except TypeError as e:
    print(type(e).__name__, e)


class C(list[int]):
    pass


class D(dict[str, int], Mine):
    pass


print(C.__bases__, C.__orig_bases__, D.__mro__, C([1]))
for call in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
for bad in (lambda: list[int][str], lambda: str[int], lambda: int[str], lambda: hash(list[[]])):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list[int].nope
except AttributeError as e:
    print(type(e).__name__, e)


def f(a: list[int], b: dict[str, tuple[int, ...]] = None) -> set[str]:
    pass


print(f.__annotations__)
print({list[int]: 1, list[int]: 2, list[str]: 3})


# Type variables are objects with __typing_subst__; an alias containing them
# can be subscripted again.
class TV:
    def __init__(self, name):
        self.name = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~" + self.name


T, U = TV("T"), TV("U")
a = dict[T, list[U]]
print(a, a.__parameters__, list[T].__parameters__, list[int].__parameters__)
print(a[int, str], list[T][int], list[T][(int,)], a[int, str] == dict[int, list[str]])
for bad in ((int,), (int, str, float)):
    try:
        a[bad]
    except TypeError as e:
        print(type(e).__name__, e)


class P:
    __parameters__ = (T,)

    def __getitem__(self, k):
        return ("P", k)

    def __repr__(self):
        return "P()"


print(list[P()].__parameters__, list[P()][int])
