"""Cache of the lines of source files, for tracebacks, warnings and inspect.

cache maps a file name to (size, mtime, lines, fullname); an entry whose size
is None is "lazy" (a 1-tuple holding a function that returns the source)."""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get line `lineno` from file `filename`, or '' when it is not there."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Get the lines of a file from the cache, updating the cache if needed."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _stat(path):
    try:
        import os
    except ImportError:
        return None
    st = os.stat(path)
    return st.st_size, st.st_mtime


def checkcache(filename=None):
    """Discard cache entries whose files changed on disk (all, or one)."""
    if filename is None:
        names = list(cache)
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache[name]
        if len(entry) == 1 or entry[1] is None:
            continue
        size, mtime, _, fullname = entry
        try:
            st = _stat(fullname)
        except (OSError, ValueError):
            cache.pop(name, None)
            continue
        if st is not None and st != (size, mtime):
            cache.pop(name, None)


def _read(path):
    try:
        opener = open
    except NameError:
        return None
    with opener(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def _split(text):
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


def updatecache(filename, module_globals=None):
    """Read the file into the cache and return its lines ([] on failure)."""
    old = cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    if old is not None and len(old) == 1:
        try:
            data = old[0]()
        except Exception:
            data = None
        if data is not None:
            lines = _split(data)
            cache[filename] = (len(data), None, lines, filename)
            return lines
    if lazycache(filename, module_globals):
        entry = cache.pop(filename)
        try:
            data = entry[0]()
        except (ImportError, OSError):
            data = None
        if data is not None:
            lines = _split(data)
            cache[filename] = (len(data), None, lines, filename)
            return lines
    candidates = [filename]
    if not filename.startswith("/"):
        for d in sys.path:
            if isinstance(d, str) and d:
                candidates.append(d.rstrip("/") + "/" + filename)
    for fullname in candidates:
        try:
            text = _read(fullname)
        except (OSError, UnicodeDecodeError, ValueError, TypeError):
            continue
        if text is None:
            return []
        lines = _split(text)
        try:
            st = _stat(fullname)
        except (OSError, ValueError):
            st = None
        size, mtime = st if st is not None else (len(text), None)
        cache[filename] = (size, mtime, lines, fullname)
        return lines
    return []


def lazycache(filename, module_globals):
    """Remember how to get the source of a module loaded by a loader that
    offers get_source(), without reading it yet.  True when registered."""
    entry = cache.get(filename)
    if entry is not None:
        return len(entry) == 1
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return False
    if not module_globals or "__name__" not in module_globals:
        return False
    loader = module_globals.get("__loader__")
    spec = module_globals.get("__spec__")
    if loader is None and spec is not None:
        loader = getattr(spec, "loader", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False
    name = module_globals["__name__"]
    if spec is not None and getattr(spec, "name", None):
        name = spec.name
    cache[filename] = (lambda: get_source(name),)
    return True
