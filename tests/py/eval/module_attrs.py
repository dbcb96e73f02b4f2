# Module attribute loads (specialised on the module dict) see every change.
import _modx
import sys
def f():
    t = 0
    for i in range(1000):
        t += _modx.a + _modx.c
    return t
print(f())
_modx.a = 10
print(f())
del _modx.a
try:
    f()
except AttributeError as e:
    print(e)
_modx.a = 5
print(f())
print(sys.maxsize > 0, sys.version_info[0])
def m():
    out = []
    for i in range(3):
        out.append(_modx.__name__)
    return out
print(m())
_modx.__getattr__ = lambda n: "dyn-" + n
print(_modx.zzz, _modx.a)
