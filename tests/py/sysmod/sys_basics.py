# The parts of sys a program uses.
import sys
print(sys.argv[0].endswith("sys_basics.py"), len(sys.argv))
print(sys.version_info[:2] == (3, 11), sys.version_info.major, sys.version_info >= (3, 8))
print(type(sys.version), sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform)
print(sys.getrecursionlimit())
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
a = sys.intern("hello" + str(1))
print(a is sys.intern("hello1"))
print(sys.modules["sys"] is sys, "builtins" in sys.modules, type(sys.path).__name__)
print(sys._getframe().f_code.co_name, sys.exc_info())
try:
    raise ValueError("x")
except ValueError:
    print(sys.exc_info()[0].__name__, type(sys.exception()).__name__)
print(sys.exc_info())
print(sys.float_info.max > 1e308, sys.hash_info.modulus == 2**61 - 1, sys.int_info.default_max_str_digits)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(10)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
print(repr(sys.version_info)[:17])
