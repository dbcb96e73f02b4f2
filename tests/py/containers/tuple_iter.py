# tuple iteration
t = (1, 2, 3)
it = iter(t)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), list(it))
print([x * 2 for x in t], list(reversed(t)), sorted((3, 1, 2)))
a, b, c = t
print(a, b, c)
print(tuple(x for x in range(5) if x % 2))
