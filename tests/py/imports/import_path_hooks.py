# sys.path_hooks and sys.path_importer_cache: user path entry finders.
import sys
from importlib.machinery import ModuleSpec, FileFinder, PathFinder

class MemoryLoader:
    def __init__(self, source):
        self.source = source
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        exec(self.source, module.__dict__)

class MemoryFinder:
    def __init__(self, entry):
        self.entry = entry
    def find_spec(self, fullname, target=None):
        if fullname == "memmod":
            return ModuleSpec(fullname, MemoryLoader("VALUE = 42"), origin="memory:" + self.entry)
        return None
    def invalidate_caches(self):
        print("invalidated", self.entry)

def hook(entry):
    if entry.startswith("memory:"):
        return MemoryFinder(entry)
    raise ImportError("not a memory entry")

sys.path_hooks.insert(0, hook)
sys.path.insert(0, "memory:store")
import memmod
print(memmod.VALUE, memmod.__spec__.origin)
print(type(sys.path_importer_cache["memory:store"]).__name__)
import _notpkg
print(_notpkg.__spec__.loader.__class__.__name__)
print(type(sys.path_importer_cache[sys.path[1]]).__name__)
print(repr(sys.path_importer_cache[sys.path[1]]).replace(sys.path[1], "<D>"))
import importlib
importlib.invalidate_caches()
print("memory:store" in sys.path_importer_cache)
sys.path.insert(0, "/nonexistent/dir")
try:
    import nothing_here
except ModuleNotFoundError as e:
    print(e)
print(sys.path_importer_cache.get("/nonexistent/dir", "missing"))
spec = PathFinder.find_spec("_notpkg")
print(spec.name, spec.origin.endswith("_notpkg.py"), type(spec.loader).__name__)
print(PathFinder.find_spec("not_there_at_all"))
print(PathFinder.find_spec("_notpkg", ["/nonexistent/dir"]))
f = FileFinder(sys.path[2] if sys.path[2] else ".", (type(spec.loader), [".py"]))
print(f.find_spec("_notpkg").name, f.find_spec("zzz"), f._loaders[0][0])
hook2 = FileFinder.path_hook((type(spec.loader), [".py"]))
try:
    hook2("/nonexistent/dir")
except ImportError as e:
    print(type(e).__name__, e, e.path)
print(type(hook2(".")).__name__)
