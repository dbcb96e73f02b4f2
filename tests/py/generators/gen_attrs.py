# Generator attributes: gi_frame, gi_running, gi_code, gi_suspended, names.
import sys


def g(a):
    print("running", me.gi_running)
    yield sys._getframe().f_code.co_name
    yield a


me = g(5)
print(me.__name__, me.__qualname__)
print(me.gi_running, me.gi_suspended, me.gi_frame is not None, me.gi_code.co_name)
print(me.gi_frame.f_locals)
print(next(me))
print(me.gi_suspended, me.gi_frame.f_lineno)
print(next(me))
print(list(me))
print(me.gi_frame, me.gi_running, me.gi_suspended)
print(repr(me).startswith("<generator object g at 0x"))
me.__name__ = "h"
print(me.__name__)


class C:
    def m(self):
        yield 1


print(C().m().__qualname__)
print(type(me).__name__)
print(iter(me) is me)
