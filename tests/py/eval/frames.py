# Frame objects: sys._getframe, f_back, f_locals, f_lineno, f_lasti, clear().
import sys


def g():
    f = sys._getframe()
    yield f.f_back is not None
    yield f.f_back.f_code.co_name


it = g()
print(next(it), it.gi_frame.f_back)
print(next(it))
fo = it.gi_frame
print(fo.f_lineno, fo.f_code.co_name)
list(it)
print(it.gi_frame, fo.f_lineno, sorted(fo.f_locals))


def keep():
    x = 41
    return sys._getframe()


fr = keep()
print(fr.f_locals, fr.f_back.f_code.co_name, fr.f_lineno, fr.f_lasti > 0)
fr.clear()
print(fr.f_locals)


def outer():
    def inner():
        return sys._getframe(1)
    return inner()


print(outer().f_code.co_name)


def running():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as e:
        print(e)


running()


def trace_attrs():
    f = sys._getframe()
    print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
    f.f_trace_opcodes = True
    print(f.f_trace_opcodes)
    for v in (3, "x"):
        try:
            f.f_lineno = v
        except ValueError as e:
            print(e)


trace_attrs()
print(type(sys._getframe().f_builtins).__name__, sys._getframe().f_globals is globals())
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)


def cells(a):
    b = 2

    def use():
        return a + b
    return sys._getframe().f_locals


print(sorted(cells(1)))
