# Name resolution: locals, globals, builtins, del, global/nonlocal.
g = 1


def read():
    return g


def write():
    global g
    g = 2


def shadow():
    g = 3
    return g


print(read(), shadow(), g)
write()
print(g)


def unbound():
    print(g)
    g = 4


try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print(e, e.name)


def del_local():
    v = 1
    del v
    try:
        v
    except UnboundLocalError as e:
        print(e)
    try:
        del v
    except UnboundLocalError as e:
        print(e)


del_local()
tmp = 5
del tmp
try:
    del tmp
except NameError as e:
    print(e)


def del_global():
    global gone
    try:
        del gone
    except NameError as e:
        print(e)


del_global()
print(len([1, 2]))
len = lambda x: "shadowed"
print(len([1]))
del len
print(len([1]))


def uses_locals():
    a = 1
    b = "x"
    return sorted(locals().items())


print(uses_locals())
print("g" in globals(), globals()["g"])
