"""OS routines for POSIX systems, built on the posix module.

This exports everything posix exports, plus os.path (posixpath), the
environ mappings that write through to the process environment, and the
helpers written in Python: makedirs, removedirs, renames, walk, fwalk-less
fsencode/fsdecode, get_exec_path, PathLike.
"""

import sys
import posix
from posix import *
from posix import _exit

import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

supports_dir_fd = set()
supports_fd = {chdir, chmod, listdir, scandir, stat, truncate, utime}
supports_effective_ids = set()
supports_follow_symlinks = {stat, utime}
supports_bytes_environ = True

_names = [n for n in dir(posix) if not n.startswith('_')]
__all__ = ['altsep', 'curdir', 'pardir', 'sep', 'pathsep', 'linesep', 'defpath', 'name', 'path', 'devnull',
           'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'fsencode', 'fsdecode', 'get_exec_path', 'fdopen', 'extsep',
           'makedirs', 'removedirs', 'renames', 'walk', 'getenv', 'getenvb', 'environb', 'PathLike',
           'get_terminal_size', 'error', '_exit'] + _names
del _names


# ---------------------------------------------------------------------------
# File-system names

def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem
    encoding with 'surrogateescape' error handler, return bytes unchanged."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem
    encoding with 'surrogateescape' error handler, return str unchanged."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def _has_fspath(cls):
    for klass in cls.__mro__:
        if '__fspath__' in klass.__dict__:
            return klass.__dict__['__fspath__'] is not None
    return False


class _PathLikeMeta(type):
    # Any class with __fspath__ counts as a PathLike, registered or not.
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls is PathLike:
            return _has_fspath(sub)
        return type.__subclasscheck__(cls, sub)


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    __slots__ = ()

    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    def __class_getitem__(cls, item):
        return cls


# ---------------------------------------------------------------------------
# The environment

class _Environ:
    """A mapping over the process environment: changes are passed on to
    putenv()/unsetenv(), so child processes see them."""

    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self._data = data
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for key in list(self._data):
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __repr__(self):
        items = ', '.join('{!r}: {!r}'.format(self.decodekey(k), self.decodevalue(v))
                          for k, v in self._data.items())
        return 'environ({%s})' % items

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = dict(other.items())
        if not isinstance(other, dict):
            return NotImplemented
        return dict(self.items()) == other

    __hash__ = None

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return [self.decodekey(k) for k in self._data]

    def values(self):
        return [self.decodevalue(v) for v in self._data.values()]

    def items(self):
        return [(self.decodekey(k), self.decodevalue(v)) for k, v in self._data.items()]

    def copy(self):
        return dict(self.items())

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _missing = object()

    def pop(self, key, default=_missing):
        try:
            value = self[key]
        except KeyError:
            if default is self._missing:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        for key in list(self):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self.items())
        new.update(other.items() if isinstance(other, _Environ) else other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self.items())
        return new


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value.encode('utf-8', 'surrogateescape')


def _decode_str(value):
    return value.decode('utf-8', 'surrogateescape')


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


def _same(value):
    return value


environ = _Environ(dict(posix.environ), _check_str, _decode_str, _check_str, _decode_str)
# environb shares the bytes dict with environ, so each sees the other's changes.
environb = _Environ(environ._data, _check_bytes, _same, _check_bytes, _same)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environb.get(key, default)


def get_exec_path(env=None):
    """Returns the sequence of directories that will be searched for the
    named executable (similar to a shell) when launching a process."""
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    if isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    return path_list.split(pathsep)


# ---------------------------------------------------------------------------
# Directory trees

def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Another process may have made it in between.
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Super-rmdir; remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Super-rename; create directories as necessary and delete any left
    empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames) for
    each directory in the tree rooted at top."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    subdirs = []
    try:
        it = scandir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    with it:
        while True:
            try:
                entry = next(it)
            except StopIteration:
                break
            except OSError as err:
                if onerror is not None:
                    onerror(err)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    subdirs.append(entry.path)
                else:
                    try:
                        link = entry.is_symlink()
                    except OSError:
                        link = False
                    if not link:
                        subdirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        # The caller may have pruned or reordered dirs in place.
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in subdirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


# ---------------------------------------------------------------------------
# Files

def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)

