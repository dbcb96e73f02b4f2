# len, iter (two forms), next, all/any, sum, min/max, sorted, reversed, enumerate, zip, map, filter.
print(len("hello"), len([1, 2]), len({}), len(range(10)))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
calls = [0]


def f():
    calls[0] += 1
    return calls[0]


print(list(iter(f, 4)))
print(all([]), all([1, 0]), any([]), any([0, 2]), all(x > 0 for x in range(1, 5)))
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101), 10))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max([], default="empty"))
print(min([3, 1, 2], key=lambda x: -x), max("apple", "fig", "banana", key=len))
print(sorted([3, 1, 2]), sorted("hello", reverse=True), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("abc")))
print(list(enumerate("ab")), list(enumerate("ab", 10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), dict(zip("ab", range(2))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda x: x % 2, range(6))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
for bad in ["len(5)", "iter(5)", "next([])", "min([])", "max()", "sum(['a'])", "sorted(1, 2)", "min(1, 2, default=0)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
