# Name resolution: locals, globals, closures, nonlocal, class scopes.
x = "global x"

def read_global():
    return x

def shadow():
    x = "local x"
    return x

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

def set_global():
    global y
    y = "set by function"

def late_binding():
    fns = [lambda: i for i in range(3)]
    return [f() for f in fns]

def early_binding():
    fns = [lambda i=i: i for i in range(3)]
    return [f() for f in fns]

def arg_cell(a):
    def get():
        return a
    a = a * 2
    return get()

def nested_three():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()()

class C:
    x = "class x"
    def method(self):
        return x          # the class attribute is not visible here
    y = [x for _ in range(1)]   # nor in the comprehension

def unbound():
    try:
        print(z)
        z = 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)

def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1

print(read_global(), shadow())
c = make_counter()
print(c(), c(), c(5))
set_global()
print(y)
print(late_binding(), early_binding())
print(arg_cell(21))
print(nested_three())
print(C().method(), C.y)
unbound()
free_unbound()
print(make_counter.__code__.co_cellvars, c.__code__.co_freevars)
print(arg_cell.__code__.co_cellvars, arg_cell.__code__.co_varnames)
