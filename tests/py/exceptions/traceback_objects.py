# Traceback objects: attributes, tb_next assignment, the constructor.
import sys


def fail():
    raise ValueError("x")


def call():
    fail()


try:
    call()
except ValueError as e:
    tb = e.__traceback__
names = []
t = tb
while t is not None:
    names.append((t.tb_frame.f_code.co_name, t.tb_lineno, t.tb_lasti % 2))
    t = t.tb_next
print(names)
TB = type(tb)
print(TB.__name__)
try:
    tb.tb_next = 5
except TypeError as e:
    print(e)
try:
    tb.tb_next.tb_next = tb
except ValueError as e:
    print(e)
try:
    del tb.tb_next
except TypeError as e:
    print(e)
tb.tb_next = None
print(tb.tb_next)
new = TB(None, sys._getframe(), 4, 99)
print(new.tb_lineno, new.tb_lasti, new.tb_frame is sys._getframe())
try:
    TB(5, sys._getframe(), 0, 0)
except TypeError as e:
    print(e)
e = KeyError("k").with_traceback(new)
print(e.__traceback__ is new)
