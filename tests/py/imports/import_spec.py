# ModuleSpec and the module attributes the import system sets from it.
import sys
from importlib.machinery import ModuleSpec, SourceFileLoader, BuiltinImporter
import pkga.sub.leaf as leaf
import pkga

def rel(p):
    return p.replace(sys.path[0], "<D>") if isinstance(p, str) else p

for m in (pkga, leaf):
    s = m.__spec__
    print(s.name, rel(s.origin), s.parent, s.has_location, type(s.loader).__name__,
          [rel(p) for p in s.submodule_search_locations] if s.submodule_search_locations is not None else None)
    print(" ", m.__name__, m.__package__, rel(m.__file__), m.__loader__ is s.loader,
          m.__cached__ == s.cached, s.cached.endswith(".pyc"), "/__pycache__/" in s.cached)
    print(" ", rel(s.loader.path), s.loader.name, s.loader.get_filename(), s.loader.is_package(s.name))
print(sorted(vars(pkga.__spec__)))
print(sorted(vars(pkga.__loader__)))
print(type(pkga.__builtins__).__name__)

s = ModuleSpec("a.b", None)
print(s, s.parent, s.has_location, s.cached, s.submodule_search_locations, s.loader_state)
s = ModuleSpec("a.b", None, origin="x.py", is_package=True, loader_state=3)
print(s, s.parent, s.cached, s.loader_state)
s.has_location = 1
print(s.has_location, s.cached.startswith("__pycache__/x.") and s.cached.endswith(".pyc"), s._set_fileattr)
s.cached = "elsewhere"
print(s.cached)
s2 = ModuleSpec("a.b", None, origin="x.py", is_package=True)
s2.has_location = True
s2.cached = "elsewhere"
print(s == s2, s != s2, s == 3)
s2.name = "other"
print(s == s2)
try:
    hash(s)
except TypeError as e:
    print(type(e).__name__, e)
class MySpec(ModuleSpec):
    pass
print(MySpec("m", None, origin="o"))
l1 = SourceFileLoader("x", "/p/x.py")
l2 = SourceFileLoader("x", "/p/x.py")
print(l1 == l2, hash(l1) == hash(l2), l1 == SourceFileLoader("y", "/p/x.py"), vars(l1))
try:
    l1.get_filename("other")
except ImportError as e:
    print(type(e).__name__, e, e.name)
print(sys.__spec__, sys.__loader__ is BuiltinImporter, sys.__package__)
print(sys.modules["builtins"].__spec__.origin)
