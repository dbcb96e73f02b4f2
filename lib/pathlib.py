"""Object-oriented filesystem paths (POSIX flavour).

PurePath / PurePosixPath do path arithmetic without touching the file
system; Path / PosixPath add the operations that do.  A path is kept as
its root ('', '/' or '//') and a tuple of components, normalized as
CPython does: empty components and '.' are dropped, '..' is kept.

Windows paths are not supported: PureWindowsPath and WindowsPath raise
NotImplementedError when instantiated.
"""

import os
import io
import stat
import fnmatch
import posixpath

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


def _parse(args):
    """(root, parts) for the path made by joining `args`."""
    root = ''
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            a_root, a_parts = a._root, a._parts
        else:
            s = os.fspath(a)
            if not isinstance(s, str):
                raise TypeError("argument should be a str object or an os.PathLike object returning str, "
                                "not %r" % type(s))
            a_root, a_parts = _split(s)
        if a_root:
            root = a_root
            parts = list(a_parts)
        else:
            parts.extend(a_parts)
    return root, tuple(parts)


def _split(s):
    if s.startswith('/'):
        root = '//' if s.startswith('//') and not s.startswith('///') else '/'
    else:
        root = ''
    return root, tuple(p for p in s.split('/') if p and p != '.')


class _Parents:
    """The logical ancestors of a path, as an immutable sequence."""

    __slots__ = ('_path',)

    def __init__(self, path):
        self._path = path

    def __len__(self):
        return len(self._path._parts)

    def __getitem__(self, idx):
        n = len(self)
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(n)))
        if idx >= n or idx < -n:
            raise IndexError(idx)
        if idx < 0:
            idx += n
        p = self._path
        return p._from_parsed(p._root, p._parts[:n - idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """Base class for manipulating paths without I/O."""

    __slots__ = ('_root', '_parts', '_str', '_hash')

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    @classmethod
    def _from_args(cls, args):
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    def _from_parsed(self, root, parts):
        new = object.__new__(type(self))
        new._root = root
        new._parts = tuple(parts)
        return new

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            s = self._root + '/'.join(self._parts)
            self._str = s or '.'
            return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """Return the string representation of the path with forward (/) slashes."""
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        """Return the path as a 'file' URI."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~/")
        out = []
        for b in os.fsencode(str(self)):
            c = chr(b)
            out.append(c if c in safe else '%%%02X' % b)
        return 'file://' + ''.join(out)

    def _key(self):
        return (self._root, self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath) or type(other)._flavour != type(self)._flavour:
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(str(self))
            return self._hash

    def _cmp_parts(self):
        return [self._root] + list(self._parts) if self._root else list(self._parts)

    def __lt__(self, other):
        if not isinstance(other, PurePath) or type(other)._flavour != type(self)._flavour:
            return NotImplemented
        return self._cmp_parts() < other._cmp_parts()

    def __le__(self, other):
        if not isinstance(other, PurePath) or type(other)._flavour != type(self)._flavour:
            return NotImplemented
        return self._cmp_parts() <= other._cmp_parts()

    def __gt__(self, other):
        if not isinstance(other, PurePath) or type(other)._flavour != type(self)._flavour:
            return NotImplemented
        return self._cmp_parts() > other._cmp_parts()

    def __ge__(self, other):
        if not isinstance(other, PurePath) or type(other)._flavour != type(self)._flavour:
            return NotImplemented
        return self._cmp_parts() >= other._cmp_parts()

    @property
    def drive(self):
        """The drive prefix (letter or UNC path), if any."""
        return ''

    @property
    def root(self):
        """The root of the path, if any."""
        return self._root

    @property
    def anchor(self):
        """The concatenation of the drive and root, or ''."""
        return self._root

    @property
    def parts(self):
        """An object providing sequence-like access to the components in the
        filesystem path."""
        return ((self._root,) if self._root else ()) + self._parts

    @property
    def name(self):
        """The final path component, if any."""
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        """The final component's last suffix, if any."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        """A list of the final component's suffixes, if any."""
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        """The final path component, minus its last suffix."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """Return a new path with the file name changed."""
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        root, parts = _split(name) if name else ('', ())
        if not name or root or len(parts) != 1 or name[-1] == '/':
            raise ValueError("Invalid name %r" % (name))
        return self._from_parsed(self._root, self._parts[:-1] + (name,))

    def with_stem(self, stem):
        """Return a new path with the stem changed."""
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """Return a new path with the file suffix changed.  If the path
        has no suffix, add given suffix.  If the given suffix is an empty
        string, remove the suffix from the path."""
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = name[:len(name) - len(old)] + suffix if old else name + suffix
        return self._from_parsed(self._root, self._parts[:-1] + (name,))

    def relative_to(self, *other):
        """Return the relative path to another path identified by the passed
        arguments.  If the operation is not possible (because this is not
        a subpath of the other path), raise ValueError."""
        if not other:
            raise TypeError("need at least one argument")
        o_root, o_parts = _parse(other)
        mine = self.parts
        theirs = ((o_root,) if o_root else ()) + o_parts
        n = len(theirs)
        if (n == 0 and self._root) or (n and mine[:n] != theirs):
            formatted = o_root + '/'.join(o_parts) if (o_root or o_parts) else ''
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is "
                             "absolute.".format(str(self), formatted))
        return self._from_parsed('', mine[n:])

    def is_relative_to(self, *other):
        """Return True if the path is relative to another path or False."""
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    @property
    def parent(self):
        """The logical parent of the path."""
        if not self._parts:
            return self
        return self._from_parsed(self._root, self._parts[:-1])

    @property
    def parents(self):
        """A sequence of this path's logical parents."""
        return _Parents(self)

    def is_absolute(self):
        """True if the path is absolute (has a root)."""
        return bool(self._root)

    def is_reserved(self):
        """Return True if the path contains one of the special names reserved
        by the system, if any."""
        return False

    def joinpath(self, *args):
        """Combine this path with one or several arguments, and return a
        new path representing either a subpath (if all arguments are relative
        paths) or a totally different path (if one of the arguments is
        anchored)."""
        return type(self)._from_args((self,) + args)

    def __truediv__(self, key):
        try:
            return type(self)._from_args((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_args((key, self))
        except TypeError:
            return NotImplemented

    def match(self, path_pattern):
        """Return True if this path matches the given pattern."""
        p_root, p_parts = _split(path_pattern)
        if not p_root and not p_parts:
            raise ValueError("empty pattern")
        mine = self.parts
        pats = ((p_root,) if p_root else ()) + p_parts
        if p_root:
            if len(pats) != len(mine):
                return False
        elif len(pats) > len(mine):
            return False
        for part, pat in zip(reversed(mine), reversed(pats)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True

    def __class_getitem__(cls, item):
        return cls


PurePath._flavour = 'posix'


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""
    __slots__ = ()


class PureWindowsPath(PurePath):
    """PurePath subclass for Windows systems (not supported by Krait)."""
    __slots__ = ()
    _flavour = 'windows'

    def __new__(cls, *args):
        raise NotImplementedError("Krait's pathlib does not implement Windows paths")


# ---------------------------------------------------------------------------
# Concrete paths

class Path(PurePath):
    """PurePath subclass that can make system calls."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        """Return a new path pointing to the current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """Return a new path pointing to the user's home directory."""
        return cls("~").expanduser()

    def samefile(self, other_path):
        """Return whether other_path is the same or not as this file."""
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = type(self)(other_path).stat()
        return os.path.samestat(st, other_st)

    def iterdir(self):
        """Yield path objects of the directory contents."""
        for name in os.listdir(self):
            yield self._make_child_relpath(name)

    def _make_child_relpath(self, name):
        return self._from_parsed(self._root, self._parts + (name,))

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    def glob(self, pattern):
        """Iterate over this subtree and yield all existing files (of any
        kind, including directories) matching the given relative pattern."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        root, parts = _split(pattern)
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        dir_only = pattern.endswith('/')
        yield from self._glob(parts, dir_only)

    def rglob(self, pattern):
        """Recursively yield all existing files (of any kind, including
        directories) matching the given relative pattern, anywhere in
        this subtree."""
        root, parts = _split(pattern)
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        dir_only = pattern.endswith('/')
        yield from self._glob(('**',) + parts, dir_only)

    def _glob(self, parts, dir_only):
        seen = set()
        for p in _select(self, parts, dir_only):
            if p not in seen:
                seen.add(p)
                yield p

    def absolute(self):
        """Return an absolute version of this path by prepending the current
        working directory.  No normalization or symlink resolution is performed."""
        if self.is_absolute():
            return self
        return type(self)._from_args((os.getcwd(), self))

    def resolve(self, strict=False):
        """Make the path absolute, resolving all symlinks on the way and also
        normalizing it."""
        s = os.path.realpath(self, strict=strict)
        return type(self)(s)

    def stat(self, *, follow_symlinks=True):
        """Return the result of the stat() system call on this path, like
        os.stat() does."""
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """Like stat(), except if the path points to a symlink, the symlink's
        status information is returned, rather than its target's."""
        return self.stat(follow_symlinks=False)

    def owner(self):
        raise NotImplementedError("Path.owner() needs the pwd module, which Krait lacks")

    def group(self):
        raise NotImplementedError("Path.group() needs the grp module, which Krait lacks")

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        """Open the file pointed by this path and return a file object, as
        the built-in open() function does."""
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """Open the file in bytes mode, read it, and close the file."""
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        """Open the file in text mode, read it, and close the file."""
        encoding = io.text_encoding(encoding)
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        """Open the file in bytes mode, write to it, and close the file."""
        view = bytes(data) if not isinstance(data, bytes) else data
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """Open the file in text mode, write to it, and close the file."""
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        encoding = io.text_encoding(encoding)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        """Return the path to which the symbolic link points."""
        return type(self)(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        """Create this file with the given access mode, if it doesn't exist."""
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Create a new directory at this given path."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        """Change the permissions of the path, like os.chmod()."""
        os.chmod(self, mode)

    def lchmod(self, mode):
        raise NotImplementedError("lchmod() not available on this system")

    def unlink(self, missing_ok=False):
        """Remove this file or link.  If the path is a directory, use
        rmdir() instead."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """Remove this directory.  The directory must be empty."""
        os.rmdir(self)

    def rename(self, target):
        """Rename this path to the target path.  Returns the new Path instance
        pointing to the target path."""
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        """Rename this path to the target path, overwriting if that path
        exists.  Returns the new Path instance pointing to the target path."""
        os.replace(self, target)
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        """Make this path a symlink pointing to the target path."""
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        """Make this path a hard link pointing to the same file as *target*."""
        os.link(target, self)

    def link_to(self, target):
        """Make the target path a hard link pointing to this path."""
        os.link(self, target)

    def exists(self):
        """Whether this path exists."""
        try:
            self.stat()
        except OSError:
            return False
        except ValueError:
            return False
        return True

    def _mode_test(self, test, follow=True):
        try:
            return test(self.stat(follow_symlinks=follow).st_mode)
        except (OSError, ValueError):
            return False

    def is_dir(self):
        """Whether this path is a directory."""
        return self._mode_test(stat.S_ISDIR)

    def is_file(self):
        """Whether this path is a regular file (also True for symlinks
        pointing to regular files)."""
        return self._mode_test(stat.S_ISREG)

    def is_mount(self):
        """Check if this path is a POSIX mount point"""
        return os.path.ismount(self)

    def is_symlink(self):
        """Whether this path is a symbolic link."""
        return self._mode_test(stat.S_ISLNK, False)

    def is_block_device(self):
        return self._mode_test(stat.S_ISBLK)

    def is_char_device(self):
        return self._mode_test(stat.S_ISCHR)

    def is_fifo(self):
        return self._mode_test(stat.S_ISFIFO)

    def is_socket(self):
        return self._mode_test(stat.S_ISSOCK)

    def expanduser(self):
        """Return a new path with expanded ~ and ~user constructs (as
        returned by os.path.expanduser)."""
        if self._parts and self._parts[0][:1] == '~' and not self._root:
            homedir = os.path.expanduser(self._parts[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)._from_args((homedir,) + self._parts[1:])
        return self


def _select(path, parts, dir_only):
    """Yields the paths below `path` matching the pattern components."""
    if not parts:
        if not dir_only or path.is_dir():
            yield path
        return
    pat, rest = parts[0], parts[1:]
    if pat == '**':
        for d in _walk_dirs(path):
            yield from _select(d, rest, dir_only)
        return
    if pat == '..':
        yield from _select(path._make_child_relpath('..'), rest, dir_only)
        return
    if not any(c in pat for c in '*?['):
        child = path._make_child_relpath(pat)
        if rest or dir_only:
            if child.is_dir():
                yield from _select(child, rest, dir_only)
        elif child.exists() or child.is_symlink():
            yield child
        return
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        return
    for entry in entries:
        if rest or dir_only:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
        if fnmatch.fnmatchcase(entry.name, pat):
            yield from _select(path._make_child_relpath(entry.name), rest, dir_only)


def _walk_dirs(path):
    # The directory itself, then every directory below it (not following links).
    yield path
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir() and not entry.is_symlink():
                yield from _walk_dirs(path._make_child_relpath(entry.name))
        except OSError:
            pass


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Path subclass for Windows systems."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
