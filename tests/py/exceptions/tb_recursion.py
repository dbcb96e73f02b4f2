# Uncaught RecursionError: repeated entries collapse.
def f(n):
    return f(n + 1)


f(0)
