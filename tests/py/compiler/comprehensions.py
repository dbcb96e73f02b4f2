# List, set and dict comprehensions, generator expressions, their scopes.
data = [3, 1, 4, 1, 5, 9, 2, 6]
print([x * 2 for x in data if x % 2])
print(sorted({x % 3 for x in data}))
print({k: v for k, v in zip("abc", data)})
print(list(x + y for x in range(3) for y in range(x)))
print([[i * j for j in range(3)] for i in range(3)])
print([y for x in [[1, 2], [3]] for y in x if y != 2])

# The comprehension variable does not leak.
x = "outer"
_ = [x for x in range(3)]
print(x)

# The outermost iterable is evaluated in the enclosing scope, once.
def counted(n):
    print("evaluated", n)
    return range(n)
print([i for i in counted(2) for j in counted(1)])

# Walrus binds in the enclosing function.
def walrus():
    values = [last := v for v in range(4)]
    return values, last
print(walrus())
total = 0
print([total := total + v for v in range(5)], total)

# Generator expressions are lazy.
gen = (print("making", i) or i for i in range(2))
print("created")
print(list(gen))

# The single-element iteration idiom.
print([y for x in range(3) for y in [x * 10]])

class K:
    base = 10
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)
print(K.vals, K.err)
