# from m import *: __all__ (which may name submodules), or the public names.
from pkga.sub import *
print(sorted(k for k in dir() if not k.startswith("__")))
print(leaf.__name__, helper_name)
from pkga.sub.noall import *
print(sorted(k for k in globals() if k in ("public", "_private", "__dunder__")))
import sys
def star(module_name):
    ns = {}
    exec(f"from {module_name} import *", ns)
    return sorted(k for k in ns if k != "__builtins__")
print(star("pkga.sub.noall"))
m = type(sys)("fake")
m.__all__ = ["a", 1]
m.a = 1
sys.modules["fake"] = m
try:
    star("fake")
except TypeError as e:
    print(type(e).__name__, e)
m.__all__ = ("a", "missing")
try:
    star("fake")
except AttributeError as e:
    print(type(e).__name__, e)
m.__all__ = ["a", 2]
try:
    __import__("pkga.sub", fromlist=["*"])
    m2 = type(sys)("fakepkg")
    m2.__path__ = []
    m2.__all__ = ["b", 3]
    sys.modules["fakepkg"] = m2
    __import__("fakepkg", fromlist=["*"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    __import__("pkga", fromlist=[1])
except TypeError as e:
    print(type(e).__name__, e)
