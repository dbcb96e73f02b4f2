# Corner cases of the import statement.
import sys, builtins

# A module may replace itself in sys.modules.
import _replacer
print(type(_replacer).__name__, _replacer.NAME)

# Module __getattr__ serves from-imports.
from _lazy_attrs import dyn_value
print(dyn_value)
try:
    from _lazy_attrs import other
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "<D>"))

# A package can extend its __path__.
import extpkg._far
print(extpkg._far.WHERE, len(extpkg.__path__))

# Non-str entries of sys.path are skipped.
sys.path.insert(0, b"bytes entry")
sys.path.insert(0, 42)
import _notpkg
print(_notpkg.Y)
del sys.path[:2]

# Non-ASCII module names.
import _café
print(_café.NAME, _café.__name__)

# A submodule found in sys.modules but not bound on its package.
import pkga.mod2
del pkga.mod2
import pkga.mod2 as again
print(again.__name__, hasattr(pkga, "mod2"))
from pkga import mod2
print(mod2 is again)

# Deleting a module from sys.modules makes the next import run it again.
del sys.modules["pkga.mod2"]
import pkga.mod2
print(pkga.mod2 is again, pkga.mod2.f())

# __import__ can be replaced; import statements call the replacement.
calls = []
original = builtins.__import__
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)
builtins.__import__ = tracing_import
try:
    import _notpkg
    from pkga import mod1
    from .x import y
except ImportError as e:
    print(type(e).__name__, e)
finally:
    builtins.__import__ = original
print([c for c in calls if c[0] != "_io"])  # CPython imports _io while reading files

# sys.modules entries that are not modules work too.
sys.modules["not_a_module"] = 12345
import not_a_module
print(not_a_module)
from not_a_module import real, imag
print(real, imag)
