# The importlib package: import_module, reload, invalidate_caches, util, machinery.
import importlib, importlib.util, importlib.machinery, sys
m = importlib.import_module("pkga.sub.leaf")
print(m.__name__, importlib.import_module(".mod2", "pkga").__name__)
print(importlib.import_module("..mod2", "pkga.sub").__name__)
for args in [(".x",), ("",), ("..x", "pkga"), ("no_such_thing",)]:
    try:
        importlib.import_module(*args)
    except (TypeError, ValueError, ImportError) as e:
        print(args, type(e).__name__, e)
print(importlib.util.resolve_name(".leaf", "pkga.sub"), importlib.util.resolve_name("abs", None))
try:
    importlib.util.resolve_name(".x", None)
except ImportError as e:
    print(type(e).__name__, e)
spec = importlib.util.find_spec("pkga.sub.deep")
print(spec.name, spec.parent, spec.submodule_search_locations[0].endswith("deep"), "pkga.sub.deep" in sys.modules)
print(importlib.util.find_spec("no_such_mod"), importlib.util.find_spec(".leaf", "pkga.sub").name)
print(importlib.util.find_spec("sys").origin)
try:
    importlib.util.find_spec("_notpkg.x")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
sys.modules["nospec"] = type(sys)("nospec")
try:
    importlib.util.find_spec("nospec")
except ValueError as e:
    print(type(e).__name__, e)
# Loading a file by path.
path = sys.path[0] + "/_notpkg.py"
spec = importlib.util.spec_from_file_location("by_path", path)
print(spec.name, spec.origin == path, spec.has_location, type(spec.loader).__name__, spec.submodule_search_locations)
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, mod.__file__ == path, "by_path" in sys.modules)
spec.loader.exec_module(mod)
print(mod.Y)
pkgspec = importlib.util.spec_from_file_location("pkgx", sys.path[0] + "/pkga/__init__.py")
print(pkgspec.submodule_search_locations == [sys.path[0] + "/pkga"], pkgspec.parent)
print(importlib.util.spec_from_file_location("x", "/tmp/data.txt"))
print(importlib.util.spec_from_file_location("rel", "_notpkg.py").origin == path)
ls = importlib.util.spec_from_loader("fromloader", None)
print(ls, ls.parent, ls.has_location)
print(isinstance(importlib.util.MAGIC_NUMBER, bytes), len(importlib.util.MAGIC_NUMBER))
# machinery
mach = importlib.machinery
print(mach.SOURCE_SUFFIXES, mach.BYTECODE_SUFFIXES, mach.EXTENSION_SUFFIXES == [] or True)
print(mach.all_suffixes()[:2], mach.DEBUG_BYTECODE_SUFFIXES, mach.OPTIMIZED_BYTECODE_SUFFIXES)
print([c.__name__ for c in (mach.ModuleSpec, mach.BuiltinImporter, mach.FrozenImporter, mach.PathFinder,
                            mach.FileFinder, mach.SourceFileLoader, mach.SourcelessFileLoader,
                            mach.ExtensionFileLoader, mach.NamespaceLoader, mach.WindowsRegistryFinder)])
print(sys.meta_path[-1] is mach.PathFinder, mach.BuiltinImporter in sys.meta_path)
print(issubclass(mach.SourceFileLoader, importlib._bootstrap_external.FileLoader),
      issubclass(mach.SourceFileLoader, importlib._bootstrap_external.SourceLoader))
print(importlib._bootstrap.__name__, importlib._bootstrap_external.__name__)
print(importlib.__import__("pkga").__name__)
importlib.invalidate_caches()
print("done")
