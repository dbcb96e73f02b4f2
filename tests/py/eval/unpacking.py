# Sequence unpacking and its error messages.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = [1, 2], 3
print(c, d, e)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
x, *y, z = [1, 2]
print(x, y, z)
for p, q in {"k": 1}.items():
    print(p, q)
tests = [
    "a, b = 1",
    "a, b = [1]",
    "a, b = [1, 2, 3]",
    "a, b = (1, 2, 3)",
    "a, b = {1: 2, 3: 4, 5: 6}",
    "a, b = iter([1, 2, 3])",
    "a, *b, c = [1]",
    "a, b, *c = 'x'",
    "a, b = None",
]
for t in tests:
    try:
        exec(t)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, {*[1, 1, 2]})
try:
    [*5]
except TypeError as err:
    print(err)
try:
    {**5}
except TypeError as err:
    print(err)
try:
    {**[(1, 2)]}
except TypeError as err:
    print(err)
print(*[1, 2], sep="-")
