# importlib.abc: the ABCs, and a SourceLoader subclass doing real imports.
import sys, importlib.abc as A, importlib.machinery as M, importlib.util
print(issubclass(M.SourceFileLoader, A.SourceLoader), issubclass(M.FileFinder, A.PathEntryFinder))
print(issubclass(M.BuiltinImporter, A.MetaPathFinder), issubclass(M.SourceFileLoader, A.Loader),
      issubclass(M.NamespaceLoader, A.InspectLoader), isinstance(M.PathFinder, type))

class MemLoader(A.SourceLoader):
    def __init__(self, src):
        self.src = src
    def get_filename(self, name):
        return "<mem:%s>" % name
    def get_data(self, path):
        return self.src.encode()

class Finder(A.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "memsrc":
            return importlib.util.spec_from_loader(name, MemLoader("X = 40 + 2\n"))

sys.meta_path.insert(0, Finder())
import memsrc
print(memsrc.X, memsrc.__file__, repr(memsrc.__loader__.get_source("memsrc")), memsrc.__spec__.has_location)
print(type(memsrc.__loader__).__mro__[1].__name__, memsrc.__loader__.is_package("memsrc"))
code = memsrc.__loader__.get_code("memsrc")
print(code.co_filename, A.InspectLoader.source_to_code("1 + 1", "<x>").co_filename)

class FL(A.FileLoader):
    pass
try:
    FL("n", "/p")
except TypeError as e:
    print(type(e).__name__, e)

class Complete(A.FileLoader):
    def get_source(self, fullname):
        return "Y = 1"
c = Complete("n", "/p/n.py")
print(c.get_filename(), c.name, c.path, c.get_code("n").co_filename)
print(A.MetaPathFinder().invalidate_caches(), A.PathEntryFinder().invalidate_caches())
