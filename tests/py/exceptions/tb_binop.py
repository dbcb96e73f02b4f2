# Uncaught: carets under a binary operator, through several frames.
def add(a, b):
    return a + b


def middle(x):
    y = add(x, "s")
    return y


def top():
    return middle(1)


top()
