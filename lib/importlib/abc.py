"""Abstract base classes related to import."""
# Krait's importlib.abc: the finder and loader ABCs, built on the C loaders
# of _frozen_importlib_external (SourceLoader and FileLoader do the real
# work; the ABCs add the abstract methods a subclass must provide).
# importlib.resources' ABCs (ResourceReader, Traversable...) are not
# provided.
import abc
import warnings

from . import _bootstrap
from . import _bootstrap_external
from . import machinery
from ._abc import Loader

__all__ = [
    'Loader', 'Finder', 'MetaPathFinder', 'PathEntryFinder',
    'ResourceLoader', 'InspectLoader', 'ExecutionLoader',
    'FileLoader', 'SourceLoader',
]


def _register(abstract_cls, *classes):
    for cls in classes:
        abstract_cls.register(cls)


class Finder(metaclass=abc.ABCMeta):

    """Legacy abstract base class for import finders (deprecated)."""

    def __init__(self):
        warnings.warn("the Finder ABC is deprecated and "
                      "slated for removal in Python 3.12; use MetaPathFinder "
                      "or PathEntryFinder instead",
                      DeprecationWarning)

    @abc.abstractmethod
    def find_module(self, fullname, path=None):
        """The legacy finder API: a loader for the module, or None."""
        warnings.warn("importlib.abc.Finder along with its find_module() "
                      "method are deprecated and "
                      "slated for removal in Python 3.12; use "
                      "MetaPathFinder.find_spec() or "
                      "PathEntryFinder.find_spec() instead",
                      DeprecationWarning)


class MetaPathFinder(metaclass=abc.ABCMeta):

    """Abstract base class for import finders on sys.meta_path."""

    def find_module(self, fullname, path):
        """The loader of the module find_spec() finds, or None (deprecated)."""
        warnings.warn("MetaPathFinder.find_module() is deprecated since Python "
                      "3.4 in favor of MetaPathFinder.find_spec() and is "
                      "slated for removal in Python 3.12",
                      DeprecationWarning,
                      stacklevel=2)
        if not hasattr(self, 'find_spec'):
            return None
        spec = self.find_spec(fullname, path)
        return None if spec is None else spec.loader

    def invalidate_caches(self):
        """Forget any cached state (used by importlib.invalidate_caches())."""


_register(MetaPathFinder, machinery.BuiltinImporter, machinery.FrozenImporter,
          machinery.PathFinder, machinery.WindowsRegistryFinder)


class PathEntryFinder(metaclass=abc.ABCMeta):

    """Abstract base class for path entry finders used by PathFinder."""

    def find_loader(self, fullname):
        """(loader, portions) for the module, from find_spec() (deprecated)."""
        warnings.warn("PathEntryFinder.find_loader() is deprecated since Python "
                      "3.4 in favor of PathEntryFinder.find_spec() "
                      "(available since 3.4)",
                      DeprecationWarning,
                      stacklevel=2)
        if not hasattr(self, 'find_spec'):
            return None, []
        spec = self.find_spec(fullname)
        if spec is None:
            return None, []
        return spec.loader, spec.submodule_search_locations or []

    def find_module(self, fullname):
        """The loader from find_loader() (deprecated)."""
        loader, portions = self.find_loader(fullname)
        return loader

    def invalidate_caches(self):
        """Forget any cached state (used by PathFinder.invalidate_caches())."""


_register(PathEntryFinder, machinery.FileFinder)


class ResourceLoader(Loader):

    """Abstract base class for loaders that can return data from their back end."""

    @abc.abstractmethod
    def get_data(self, path):
        """The bytes stored at `path`; OSError when there are none."""
        raise OSError


class InspectLoader(Loader):

    """Abstract base class for loaders that can tell about the modules they load."""

    def is_package(self, fullname):
        """Whether the module is a package; ImportError when it cannot be found."""
        raise ImportError

    def get_code(self, fullname):
        """The module's code object, compiled from get_source(), or None."""
        source = self.get_source(fullname)
        if source is None:
            return None
        return self.source_to_code(source)

    @abc.abstractmethod
    def get_source(self, fullname):
        """The module's source as a str; ImportError when it cannot be found."""
        raise ImportError

    @staticmethod
    def source_to_code(data, path='<string>'):
        """Compile source (str or bytes) to a code object."""
        return compile(data, path, 'exec', dont_inherit=True)

    exec_module = _bootstrap_external._LoaderBasics.exec_module
    load_module = _bootstrap_external._LoaderBasics.load_module


_register(InspectLoader, machinery.BuiltinImporter, machinery.FrozenImporter, machinery.NamespaceLoader)


class ExecutionLoader(InspectLoader):

    """Abstract base class for loaders of modules that come from a file."""

    @abc.abstractmethod
    def get_filename(self, fullname):
        """The path the module was found at; ImportError when not found."""
        raise ImportError

    def get_code(self, fullname):
        """The module's code, compiled from get_source() with get_filename() as its file."""
        source = self.get_source(fullname)
        if source is None:
            return None
        try:
            path = self.get_filename(fullname)
        except ImportError:
            return self.source_to_code(source)
        return self.source_to_code(source, path)


_register(ExecutionLoader, machinery.ExtensionFileLoader)


class FileLoader(_bootstrap_external.FileLoader, ResourceLoader, ExecutionLoader):

    """Abstract base class for loaders of files, with get_data() and get_filename()."""


_register(FileLoader, machinery.SourceFileLoader, machinery.SourcelessFileLoader)


class SourceLoader(_bootstrap_external.SourceLoader, ResourceLoader, ExecutionLoader):

    """Abstract base class for loading source code (and caching bytecode).

    A subclass provides get_data() and get_filename(); to use a bytecode
    cache it also provides path_stats() or path_mtime(), and set_data() to
    write one.
    """

    def path_mtime(self, path):
        """The source's modification time (int), from path_stats() if overridden."""
        if self.path_stats.__func__ is SourceLoader.path_stats:
            raise OSError
        return int(self.path_stats(path)['mtime'])

    def path_stats(self, path):
        """A dict with 'mtime' (and optionally 'size') for the source, from
        path_mtime() if overridden."""
        if self.path_mtime.__func__ is SourceLoader.path_mtime:
            raise OSError
        return {'mtime': self.path_mtime(path)}

    def set_data(self, path, data):
        """Write the bytes to the path, if possible (failures are silent)."""


_register(SourceLoader, machinery.SourceFileLoader)
