# importlib.reload re-executes a module in place.
import importlib, sys
import _reload_me
first = _reload_me
print(_reload_me.COUNT, _reload_me.version())
again = importlib.reload(_reload_me)
print(again is first, _reload_me.COUNT, again.version())
print(importlib.reload(again).COUNT)
import pkga.sub.leaf
r = importlib.reload(pkga.sub.leaf)
print(r.__name__, r.LEAF)
for bad in (42, type(sys)("not_in_modules")):
    try:
        importlib.reload(bad)
    except (TypeError, ImportError) as e:
        print(type(e).__name__, e)
r = importlib.reload(sys)
print(r is sys)
m = type(sys)("ghost")
m.__spec__ = None
sys.modules["ghost"] = m
try:
    importlib.reload(m)
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
