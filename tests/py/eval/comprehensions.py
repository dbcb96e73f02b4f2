# Comprehensions and generator expressions; their scopes.
print([x * x for x in range(5) if x % 2])
print({x: x * 2 for x in "abc"})
print({x % 3 for x in range(10)})
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
y = 10
print([x + y for x in range(3)])


def scoped():
    z = 5
    return [lambda: x + z for x in range(3)]


print([f() for f in scoped()])
print(sum(x for x in range(101)))
print(list(zip(*[(1, 2), (3, 4)])))
x = "outer"
[x for x in range(3)]
print(x)
print([(yield_val := v) for v in range(3)], yield_val)


class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]


print(K.doubled)
