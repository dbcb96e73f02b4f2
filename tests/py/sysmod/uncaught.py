# An uncaught exception: traceback on stderr, status 1.
def inner(n):
    return 10 // n


def outer():
    return inner(0)


print("start")
outer()
