"""Facts about the platform and the interpreter: the operating system,
the machine, the Python version and implementation.

python_implementation() is 'Krait' (CPython's answers 'CPython'), so
code can tell the two apart; everything else answers as CPython does on
the same machine, except processor(), which is '' (CPython asks
`uname -p`, which says 'unknown' on most Linux systems, and reports '').
"""

import os
import sys

__version__ = '1.0.8'


class uname_result(tuple):
    """uname_result(system, node, release, version, machine, processor)"""

    __slots__ = ()
    _fields = ('system', 'node', 'release', 'version', 'machine')

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return 6

    def __repr__(self):
        return ('uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r, processor=%r)'
                % tuple(self))


_uname_cache = None


def uname():
    """Fairly portable uname interface: (system, node, release, version,
    machine, processor)."""
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine)
    return _uname_cache


def system():
    """Returns the system/OS name, e.g. 'Linux', 'Windows' or 'Java'."""
    return uname().system


def node():
    """Returns the computer's network name (which may not be fully qualified!)"""
    return uname().node


def release():
    """Returns the system's release, e.g. '2.2.0' or 'NT'"""
    return uname().release


def version():
    """Returns the system's release version, e.g. '#3 on degas'"""
    return uname().version


def machine():
    """Returns the machine type, e.g. 'i386'"""
    return uname().machine


def processor():
    """Returns the (true) processor name, e.g. 'amdk6'; '' if unknown."""
    return ''


def architecture(executable=sys.executable if hasattr(sys, 'executable') else '', bits='', linkage=''):
    """Queries the given executable (defaults to the Python interpreter
    binary) for various architecture information: (bits, linkage)."""
    if not bits:
        bits = '%dbit' % (8 * 8)
    if not linkage:
        linkage = 'ELF'
    return bits, linkage


def python_implementation():
    """Returns a string identifying the Python implementation: 'Krait'."""
    return 'Krait'


def python_version_tuple():
    """Returns the Python version as tuple (major, minor, patchlevel) of
    strings."""
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    """Returns the Python version as string 'major.minor.patchlevel'."""
    return '.'.join(python_version_tuple())


def python_build():
    """Returns a tuple (buildno, builddate) stating the Python build number
    and date as strings."""
    return ('main', '')


def python_compiler():
    """Returns a string identifying the compiler used for compiling Python."""
    return 'GCC'


def python_branch():
    return ''


def python_revision():
    return ''


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """Tries to determine the libc version: ('glibc', version) on glibc
    systems, read from the C library's file name."""
    for d in ('/lib/x86_64-linux-gnu', '/lib/aarch64-linux-gnu', '/lib64', '/lib', '/usr/lib'):
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for n in sorted(names):
            if n.startswith('libc-') and n.endswith('.so'):
                return ('glibc', n[5:-3])
    return (lib, version)


def platform(aliased=False, terse=False):
    """Returns a single string identifying the underlying platform, e.g.
    'Linux-5.15.0-x86_64-with-glibc2.36'."""
    u = uname()
    if terse:
        return '%s-%s' % (u.system, u.release)
    lib, ver = libc_ver()
    parts = [u.system, u.release, u.machine]
    if lib:
        parts += ['with', lib + ver]
    return '-'.join(p for p in parts if p)


def freedesktop_os_release():
    """Return operating system identification from freedesktop.org os-release."""
    for candidate in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(candidate, encoding='utf-8') as f:
                info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
                for line in f:
                    line = line.strip()
                    if not line or line.startswith('#') or '=' not in line:
                        continue
                    key, _, value = line.partition('=')
                    if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
                        value = value[1:-1]
                    info[key] = value
                return info
        except OSError:
            pass
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")
