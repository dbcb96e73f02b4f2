# ImportError / ModuleNotFoundError messages and attributes.
import sys

def show(stmt):
    try:
        exec(stmt, {})
    except ImportError as e:
        path = e.path.replace(sys.path[0], "<D>") if e.path else e.path
        print(f"{stmt!r}: {type(e).__name__}: {e} | name={e.name!r} path={path!r}")
    except Exception as e:
        print(f"{stmt!r}: {type(e).__name__}: {e}")

show("import no_such_module")
show("import no_such_pkg.sub")
show("import _notpkg.sub")
show("import errpkg.nope")
show("from errpkg import nope")
show("from _notpkg import nope")
show("from sys import nope")
show("from errpkg import fails")
print("errpkg.fails" in sys.modules, hasattr(sys.modules["errpkg"], "fails"))
show("import errpkg.fails")
show("import errpkg.syntax")
print("errpkg.syntax" in sys.modules)
sys.modules["blocked"] = None
show("import blocked")
show("from blocked import x")
sys.modules["errpkg.blocked"] = None
show("from errpkg import blocked")
show("import errpkg.blocked")
del sys.modules["blocked"]
for args in [("",), (1,), ("x", None, None, None, -1), ("..x",)]:
    try:
        __import__(*args)
    except (ValueError, TypeError, ImportError) as e:
        print(args, type(e).__name__, e)
e = ImportError("msg", name="n", path="p")
print(e, e.name, e.path, e.msg, repr(e))
e = ModuleNotFoundError("x")
print(e.name, e.path, isinstance(e, ImportError))
try:
    ImportError("m", nope=1)
except TypeError as e:
    print(type(e).__name__, e)
