# sys.exc_info() and sys.exception-like behaviour across handlers.
import sys

print(sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__)
    try:
        raise KeyError("k")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())


def f():
    return sys.exc_info()[1]


try:
    raise TypeError("t")
except TypeError:
    print(repr(f()))
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_lasti >= 0, tb.tb_next, tb.tb_frame.f_code.co_name)


def g():
    raise IndexError


try:
    g()
except IndexError as e:
    tb = e.__traceback__
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lineno)
