# User finders and loaders on sys.meta_path (PEP 451 protocol).
import sys
from importlib.machinery import ModuleSpec
from importlib.util import spec_from_loader, module_from_spec

log = []

class Loader:
    def create_module(self, spec):
        log.append(("create", spec.name))
        return None

    def exec_module(self, module):
        log.append(("exec", module.__name__))
        module.GREETING = "hello from " + module.__name__
        module.SEEN = (module.__spec__.name, module.__loader__ is self, module.__package__,
                       hasattr(module, "__file__"), getattr(module, "__path__", None))

class Finder:
    def __init__(self):
        self.loader = Loader()

    def find_spec(self, fullname, path, target=None):
        log.append(("find", fullname, path is None))
        if fullname.startswith("virtual"):
            return spec_from_loader(fullname, self.loader, is_package=fullname == "virtual")
        return None

finder = Finder()
sys.meta_path.insert(0, finder)
import virtual
import virtual.child
print(virtual.GREETING, virtual.SEEN)
print(virtual.child.GREETING, virtual.child.SEEN)
print(virtual.__spec__.submodule_search_locations, virtual.child.__spec__.parent)
print(log)
print(repr(virtual).startswith("<module 'virtual' (<"))
import _notpkg
print(log[-1])

class OwnModuleLoader(Loader):
    def create_module(self, spec):
        m = type(sys)("replaced")
        m.CREATED = True
        return m

class Finder2:
    def find_spec(self, fullname, path, target=None):
        if fullname == "custom":
            return ModuleSpec(fullname, OwnModuleLoader(), origin="somewhere")
        if fullname == "noexec":
            return ModuleSpec(fullname, NoCreate())
        if fullname == "noloader":
            return ModuleSpec(fullname, None)
        if fullname == "failing":
            return ModuleSpec(fullname, Failing())

class NoCreate:
    def exec_module(self, module):
        pass

class Failing(Loader):
    def exec_module(self, module):
        raise ValueError("failing loader")

sys.meta_path.insert(0, Finder2())
import custom
print(custom.__name__, custom.CREATED, custom.GREETING, custom.__spec__.origin, custom.__spec__.has_location)
print(repr(custom).startswith("<module 'custom' (somewhere)>"))
for name in ("noexec", "noloader", "failing"):
    try:
        __import__(name)
    except Exception as e:
        print(name, type(e).__name__, e, getattr(e, "name", None))
    print(name in sys.modules)

class Legacy:
    def find_module(self, fullname, path=None):
        return self if fullname == "legacy_mod" else None
    def load_module(self, fullname):
        m = type(sys)(fullname)
        m.OLD_STYLE = True
        sys.modules[fullname] = m
        return m

sys.meta_path.append(Legacy())
import legacy_mod
print(legacy_mod.OLD_STYLE, legacy_mod.__loader__.__class__.__name__, legacy_mod.__spec__.name)
sys.meta_path.remove(finder)
try:
    import virtual2
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
