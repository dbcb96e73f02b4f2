# Positions (line, end line, columns) of the instruction that raised, as
# tracebacks use them for their carets.
import sys

def where(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        code = tb.tb_frame.f_code
        pos = list(code.co_positions())[tb.tb_lasti // 2]
        lineno = tb.tb_lineno - code.co_firstlineno
        print(fn.__name__.ljust(14), type(e).__name__.ljust(18), lineno, pos[0] - code.co_firstlineno,
              pos[1] - code.co_firstlineno, pos[2], pos[3])

def binop(a, b):
    return a + b

def call(f):
    return 1 + f(
        1,
        2)

def attr(o):
    return o.missing.other

def subscr(d):
    return d["a"]["b"]

def method(o):
    return o.meth(1)

def unpack(x):
    a, b = x

def compare(a, b):
    return a < b < 3

def aug(x):
    x += "s"

def fstring(v):
    return f"{v:>{'bad'}}"

def listcomp(n):
    return [1 / i for i in range(n)]

def raise_stmt():
    raise ValueError(
        "multi-line")

def assert_stmt(x):
    assert x, "msg"

def with_stmt(cm):
    with cm:
        pass

def for_loop(it):
    for x in it:
        pass

def global_name():
    return undefined_thing

def kwcall(f):
    return f(a=1, b=2)

def nested_call():
    return int(str(int("x")))

def div():
    x = 10
    return x // 0

where(binop, 1, "a")
where(call, None)
where(attr, 1)
where(subscr, {"a": {}})
where(method, 1)
where(unpack, [1, 2, 3])
where(compare, 1, "2")
where(aug, 1)
where(fstring, 1)
where(listcomp, 2)
where(raise_stmt)
where(assert_stmt, 0)
where(with_stmt, 1)
where(for_loop, 1)
where(global_name)
where(kwcall, len)
where(nested_call)
where(div)
