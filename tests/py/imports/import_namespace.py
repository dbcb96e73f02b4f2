# Namespace packages: directories without __init__.py, spread over sys.path.
import sys
sys.path.append("_nsdir1")
sys.path.append("_nsdir2")
import nspkg
import nspkg._alpha, nspkg._beta
print(nspkg._alpha.WHERE, nspkg._beta.WHERE)
print(type(nspkg.__path__).__name__, [p.split("/")[-2:] for p in nspkg.__path__], len(nspkg.__path__))
print(repr(nspkg.__path__).replace(sys.path[0], "<D>"))
print(nspkg.__file__, nspkg.__spec__.origin, nspkg.__spec__.has_location, nspkg.__spec__.cached)
print(type(nspkg.__loader__).__name__, nspkg.__spec__.loader is nspkg.__loader__, nspkg.__package__)
print(type(nspkg.__spec__.submodule_search_locations).__name__)
print(str(nspkg).startswith("<module 'nspkg' (<"), "NamespaceLoader object" in repr(nspkg))
print(nspkg.__loader__.is_package("nspkg"), repr(nspkg.__loader__.get_source("nspkg")))
import nspkg.inner._deep
print(nspkg.inner._deep.WHERE, type(nspkg.inner.__path__).__name__)
# The path follows sys.path: a new portion appears after it is added.
try:
    import nspkg._gamma
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
sys.path.append("_nsdir3")
import nspkg._gamma
print(nspkg._gamma.WHERE, len(nspkg.__path__), "_nsdir3/nspkg" in "|".join(nspkg.__path__))
print("_nsdir1/nspkg" in "|".join(nspkg.__path__), sys.path[-1] + "/nspkg" in list(nspkg.__path__))
print(nspkg.__path__[0].endswith("_nsdir1/nspkg"))
