"""Temporary files and directories.

mkstemp() and mkdtemp() create a uniquely named file or directory (opened
with O_EXCL / made with mkdir, so no other process can take the name) and
leave cleaning up to the caller.  NamedTemporaryFile, TemporaryFile and
TemporaryDirectory remove what they made when closed or finalized.

Names are 8 random characters (from os.urandom) between a prefix ('tmp')
and a suffix, in the directory given by gettempdir(): $TMPDIR, $TEMP or
$TMP if usable, else /tmp, /var/tmp, /usr/tmp, else the current directory.
"""

import os
import io
import sys
import errno
import shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory", "mkstemp",
           "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir", "gettempprefixb",
           "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_TEXT_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, 'O_NOFOLLOW', 0) | getattr(os, 'O_CLOEXEC', 0)
_BIN_FLAGS = _TEXT_FLAGS


def _random_name():
    data = os.urandom(8)
    return ''.join(_CHARACTERS[b % len(_CHARACTERS)] for b in data)


def _infer_return_type(*args):
    """Whether the arguments call for str or bytes results."""
    return_type = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, os.PathLike):
            arg = os.fspath(arg)
        if isinstance(arg, bytes):
            if return_type is str:
                raise TypeError("Can't mix bytes and non-bytes in path components.")
            return_type = bytes
        else:
            if return_type is bytes:
                raise TypeError("Can't mix bytes and non-bytes in path components.")
            return_type = str
    if return_type is None:
        if tempdir is None or isinstance(tempdir, str):
            return str
        return bytes
    return return_type


def _sanitize_params(prefix, suffix, dir):
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else os.fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


def _candidate_dirs():
    dirlist = []
    for envname in ('TMPDIR', 'TEMP', 'TMP'):
        dirname = os.getenv(envname)
        if dirname:
            dirlist.append(dirname)
    dirlist.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirlist.append(os.getcwd())
    except (AttributeError, OSError):
        dirlist.append(os.curdir)
    return dirlist


def _get_default_tempdir():
    # The first candidate where a file can really be created and written.
    for dir in _candidate_dirs():
        if dir != os.curdir:
            dir = os.path.abspath(dir)
        for seq in range(100):
            filename = os.path.join(dir, _random_name())
            try:
                fd = os.open(filename, _BIN_FLAGS, 0o600)
                try:
                    try:
                        os.write(fd, b'blat')
                    finally:
                        os.close(fd)
                finally:
                    os.unlink(filename)
                return dir
            except FileExistsError:
                pass
            except PermissionError:
                break
            except OSError:
                break
    raise FileNotFoundError(errno.ENOENT, "No usable temporary directory found in %s" % _candidate_dirs())


def gettempprefix():
    """The default prefix for temporary directories as string."""
    return os.fsdecode(template)


def gettempprefixb():
    """The default prefix for temporary directories as bytes."""
    return os.fsencode(template)


def _gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdir():
    """Returns tempfile.tempdir as str."""
    return os.fsdecode(_gettempdir())


def gettempdirb():
    """Returns tempfile.tempdir as bytes."""
    return os.fsencode(_gettempdir())


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    dir = os.path.abspath(dir)
    for seq in range(TMP_MAX):
        name = _random_name()
        if output_type is bytes:
            name = os.fsencode(name)
        file = os.path.join(dir, pre + name + suf)
        try:
            fd = os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        except PermissionError:
            # A directory with the name exists (seen as EACCES on some systems).
            if os.path.isdir(dir) and os.access(dir, os.W_OK):
                continue
            raise
        return fd, file
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """User-callable function to create and return a unique temporary
    file.  The return value is a pair (fd, name) where fd is the
    file descriptor returned by os.open, and name is the filename."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _TEXT_FLAGS if text else _BIN_FLAGS
    return _mkstemp_inner(dir, prefix, suffix, flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """User-callable function to create and return a unique temporary
    directory.  The return value is the pathname of the directory."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    for seq in range(TMP_MAX):
        name = _random_name()
        if output_type is bytes:
            name = os.fsencode(name)
        file = os.path.join(dir, prefix + name + suffix)
        try:
            os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        except PermissionError:
            if os.path.isdir(dir) and os.access(dir, os.W_OK):
                continue
            raise
        return os.path.abspath(file)
    raise FileExistsError(errno.EEXIST, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """User-callable function to return a unique temporary file name.  The
    file is not created (this is unsafe: use mkstemp)."""
    if dir is None:
        dir = gettempdir()
    for seq in range(TMP_MAX):
        name = _random_name()
        file = os.path.join(dir, prefix + name + suffix)
        if not os.path.lexists(file):
            return file
    raise FileExistsError(errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object whose file is removed when it is closed (when
    `delete`); attribute access is passed on to the file."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        # Only called when `name` is not an attribute of the wrapper itself.
        file = self.__dict__['file']
        return getattr(file, name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._cleanup()
        return result

    def _cleanup(self):
        if not self._closed:
            self._closed = True
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def close(self):
        """Close the temporary file, possibly deleting it."""
        try:
            self.file.close()
        finally:
            self._cleanup()

    def __del__(self):
        if not self.__dict__.get('_closed', True):
            try:
                self.close()
            except Exception:
                pass

    def __iter__(self):
        # The file's iterator, not __getattr__'s bound method, so that
        # `for line in f` works.
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None,
                       delete=True, *, errors=None):
    """Create and return a temporary file with a visible name (its .name),
    removed when closed if delete is true."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _BIN_FLAGS
    fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
    try:
        file = io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, *,
                  errors=None):
    """Create and return a temporary file with no name in the file system
    (it is unlinked at once)."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_FLAGS, output_type)
    try:
        os.unlink(name)
        return io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class SpooledTemporaryFile:
    """Temporary file wrapper, specialized to switch from BytesIO or
    StringIO to a real file when it exceeds a certain size or when a
    fileno is needed."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                 prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = io.BytesIO()
        else:
            self._file = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors, newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering, 'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline, 'dir': dir, 'errors': errors}

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        if hasattr(newfile, 'buffer'):
            newfile.buffer.write(file.detach().getvalue())
        else:
            newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            self._file.truncate()
        else:
            if size > self._max_size:
                self.rollover()
            self._file.truncate(size)

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        file = self._file
        rv = file.writelines(iterable)
        self._check(file)
        return rv


class TemporaryDirectory:
    """Create and return a temporary directory.  This has the same
    behavior as mkdtemp but can be used as a context manager.  On
    completion of the context or destruction of the temporary directory
    object, the newly created temporary directory and all its contents
    are removed from the filesystem."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def _rmtree(self, name):
        def onerror(func, path, exc_info):
            if issubclass(exc_info[0], PermissionError):
                try:
                    if path != name:
                        os.chmod(os.path.dirname(path), 0o700)
                    os.chmod(path, 0o700)
                    if os.path.isdir(path) and not os.path.islink(path):
                        self._rmtree(path)
                    else:
                        os.unlink(path)
                    return
                except OSError:
                    pass
            if issubclass(exc_info[0], FileNotFoundError):
                return
            if not self._ignore_cleanup_errors:
                raise exc_info[1]
        shutil.rmtree(name, onerror=onerror)

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done and os.path.exists(self.name):
            self._done = True
            self._rmtree(self.name)
        self._done = True

    def __del__(self):
        if not self.__dict__.get('_done', True):
            try:
                self.cleanup()
            except Exception:
                pass

    def __class_getitem__(cls, item):
        return cls
