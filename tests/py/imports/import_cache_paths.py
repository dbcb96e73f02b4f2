# importlib.util's bytecode-cache path helpers (tag-independent checks).
import importlib.util as u
c = u.cache_from_source("/a/b/mod.py")
print(c.startswith("/a/b/__pycache__/mod."), c.endswith(".pyc"), c.count("."))
print(u.source_from_cache(c))
c2 = u.cache_from_source("/a/b/mod.py", optimization=2)
print(c2.endswith(".opt-2.pyc"), u.source_from_cache(c2))
print(u.cache_from_source("/a/b/mod.py", optimization="") == c)
print(u.cache_from_source("rel.py").startswith("__pycache__/rel."))
print(u.cache_from_source("/x/.hidden").startswith("/x/__pycache__/hidden."))
print(u.cache_from_source("/x/noext").startswith("/x/__pycache__/noext."))
for bad in ("/a/b.py", "/a/__pycache__/b.pyc", "/a/__pycache__/b.x.opt.pyc", "/a/__pycache__/b.x.opt-!.pyc"):
    try:
        print(u.source_from_cache(bad))
    except ValueError as e:
        print(type(e).__name__, str(e).replace("'", ""))
try:
    u.cache_from_source("/a.py", optimization="a-b")
except ValueError as e:
    print(type(e).__name__, e)
try:
    u.cache_from_source("/a.py", True, optimization=1)
except TypeError as e:
    print(type(e).__name__, e)
print(u.decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\r\ny = 1\r"))
print(repr(u.decode_source(b"\xef\xbb\xbfa = 1\n")))
