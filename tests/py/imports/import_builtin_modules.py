# Built-in modules come from BuiltinImporter.
import sys
import marshal, _imp
from importlib.machinery import BuiltinImporter
print(marshal.__spec__, marshal.__loader__ is BuiltinImporter, marshal.__package__)
print(hasattr(marshal, "__file__"), marshal.__spec__.has_location, marshal.__spec__.cached)
print(BuiltinImporter.find_spec("marshal"), BuiltinImporter.find_spec("nope"))
print(BuiltinImporter.find_spec("marshal", ["somewhere"]))
print(BuiltinImporter.is_package("marshal"), BuiltinImporter.get_code("marshal"), BuiltinImporter.get_source("marshal"))
for f in (BuiltinImporter.is_package, BuiltinImporter.get_code):
    try:
        f("nope")
    except ImportError as e:
        print(type(e).__name__, e, e.name)
print(_imp.is_builtin("marshal"), _imp.is_builtin("sys"), _imp.is_builtin("nope"))
print("sys" in sys.builtin_module_names, "marshal" in sys.builtin_module_names)
del sys.modules["marshal"]
import marshal as m2
print(m2 is marshal, m2.dumps is not marshal.dumps)
print(BuiltinImporter.create_module(BuiltinImporter.find_spec("sys")) is sys)
try:
    from importlib.machinery import ModuleSpec
    BuiltinImporter.create_module(ModuleSpec("nope", None))
except ImportError as e:
    print(type(e).__name__, e)
