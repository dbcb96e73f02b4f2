# argument binding errors of enumerate() and zip() (exact types and subclasses)
class E(enumerate):
    pass
class Z(zip):
    pass
calls = [
    lambda: enumerate(), lambda: enumerate(start=1), lambda: enumerate(a=1, b=2, c=3),
    lambda: enumerate([], 1, 2), lambda: enumerate([], a=1, b=2), lambda: enumerate([], iterable=2),
    lambda: enumerate(iterable=[], x=1), lambda: enumerate(iterable=[], start="a"),
    lambda: enumerate(iterable=[], start=1, x=1), lambda: enumerate(x=[], start=1), lambda: enumerate(start=1, x=[]),
    lambda: list(enumerate(start=5, iterable="ab")), lambda: list(enumerate(iterable="ab", start=5)),
    lambda: list(enumerate(iterable="ab")), lambda: list(enumerate("ab", start=3)),
    lambda: E(), lambda: E(start=1), lambda: E([], start=1, x=2), lambda: E([], x=2), lambda: list(E("ab", start=3)),
    lambda: zip([], foo=1), lambda: zip(strict=1, foo=2), lambda: Z([], foo=1), lambda: zip([], strict=[]),
    lambda: list(zip([1], [2, 3], strict=False)), lambda: list(zip([1], [2, 3], strict=True)),
    lambda: list(zip([1, 2], [3, 4], strict=1)), lambda: list(Z("ab", "cd", strict=True)),
]
for f in calls:
    try:
        r = f()
        print(r if isinstance(r, list) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__ + ":", e)
