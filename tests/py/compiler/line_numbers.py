# Line numbers the compiler records, seen through tracebacks and frames.
import sys

def where():
    return sys._getframe(1).f_lineno

def tb_line(fn):
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        return tb.tb_lineno - fn.__code__.co_firstlineno

def multi_line_call():
    return (
        1 +
        undefined_name
    )

def attr_error():
    x = None
    y = (x
         .attribute)

def in_loop():
    for i in range(3):
        if i == 2:
            {}[i]

def in_with():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): return False
    with CM():
        raise ValueError

def in_finally():
    try:
        pass
    finally:
        1 / 0

def in_comprehension():
    return [1 / x
            for x in [1, 0]]

for fn in (multi_line_call, attr_error, in_loop, in_with, in_finally, in_comprehension):
    print(fn.__name__, tb_line(fn))

def frame_lines():
    a = where()
    b = where(
    )
    return a, b
print(frame_lines())

def raise_in_nested():
    def inner():
        raise KeyError("k")
    inner()
try:
    raise_in_nested()
except KeyError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
