# The __main__ module of a script.
import sys
main = sys.modules["__main__"]
print(__name__, main.__name__, __spec__, __package__, __doc__)
print(type(__loader__).__name__, __loader__.name, __loader__.path == __file__)
print("__cached__" in globals(), type(__builtins__).__name__)
print(sorted(k for k in globals() if k.startswith("__")))
