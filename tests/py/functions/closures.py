# Closures and cells.
def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


c = counter()
print(c(), c(), c())


def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]


print([f(10) for f in make_adders()])


def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


print(late())


def unbound():
    def g():
        return v

    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return g()


print(unbound())


def cell_arg(x):
    def get():
        return x

    x = x * 2
    return get()


print(cell_arg(21))


def deleted():
    a = 1

    def g():
        return a

    del a
    try:
        g()
    except NameError as e:
        print(e)


deleted()


class K:
    val = 1

    def m(self):
        return __class__

    def n(self):
        return val if False else K.val


print(K().m() is K, K().n())


def nested3():
    a = 1

    def l1():
        b = 2

        def l2():
            return a + b

        return l2

    return l1()()


print(nested3())
cell_type = type((lambda: nested3).__closure__[0]) if (lambda: nested3).__closure__ else None
x = 5
print((lambda: x).__closure__)


def mk():
    z = 3
    return (lambda: z).__closure__[0]


cell = mk()
print(cell.cell_contents)
cell.cell_contents = 4
print(cell.cell_contents)
