# Tracebacks through generator frames and yield from.
def inner():
    yield 1
    raise KeyError("from inner")


def outer():
    yield from inner()


for x in outer():
    print(x)
