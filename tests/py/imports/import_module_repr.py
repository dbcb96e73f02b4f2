# repr(module) follows the module's spec and loader, as in CPython.
import sys
import _notpkg
import marshal
print(repr(_notpkg).replace(sys.path[0], "<D>"))
print(repr(sys), repr(marshal))
M = type(sys)
m = M("plain")
print(repr(m))
m.__file__ = "/some/file.py"
print(repr(m))
del m.__file__
class Loader:
    def __repr__(self):
        return "<my loader>"
m.__loader__ = Loader()
print(repr(m))
class ReprLoader:
    def module_repr(self, module):
        return "<custom repr of %s>" % module.__name__
m.__loader__ = ReprLoader()
print(repr(m))
from importlib.machinery import ModuleSpec
m.__spec__ = ModuleSpec("specced", Loader(), origin="the origin")
print(repr(m))
m.__spec__.has_location = True
print(repr(m))
m.__spec__ = ModuleSpec("specced", None)
print(repr(m))
m.__spec__ = ModuleSpec("specced", Loader())
print(repr(m))
del m.__name__
m.__spec__ = None
m.__loader__ = None
print(repr(m))
