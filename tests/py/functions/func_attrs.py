# Function object attributes.
def outer():
    y = 1

    def inner(a, b=2):
        "inner doc"
        return a + y

    return inner


f = outer()
print(f.__name__, f.__qualname__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_name, f.__code__.co_argcount)
print(type(f.__closure__).__name__, len(f.__closure__))
print(f.__closure__[0].cell_contents)
print(f.__module__)
print(f.__globals__ is globals())
print(f.__dict__)
f.attr = 5
print(f.attr, f.__dict__)
f.__name__ = "renamed"
print(f.__name__)
try:
    f.__name__ = 5
except TypeError as e:
    print(e)
try:
    f.__qualname__ = None
except TypeError as e:
    print(e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(e)
try:
    f.missing
except AttributeError as e:
    print(e)


def ann(a: int, b: "str" = "x") -> list:
    pass


print(ann.__annotations__)
print(repr(f).startswith("<function outer.<locals>.inner at 0x"))
print(type(f).__name__)
g = lambda: 1
print(g.__name__, g.__qualname__)
print(f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
