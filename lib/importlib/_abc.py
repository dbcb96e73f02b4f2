"""importlib.abc.Loader, kept apart so that importlib.util can use it
without importing the whole of importlib.abc."""
import sys

from . import _bootstrap

try:
    from abc import ABCMeta as _ABCMeta
except ImportError:
    # Loader declares no abstract methods, so it works as a plain base class
    # until the abc module is available.
    _ABCMeta = type


class Loader(metaclass=_ABCMeta):

    """Abstract base class for import loaders."""

    def create_module(self, spec):
        """Create the module to load into, or return None for the default."""
        return None

    # exec_module() is deliberately absent: the import system checks for it
    # with hasattr() to tell new-style loaders from old ones.

    def load_module(self, fullname):
        """Load the module the old way (deprecated; use exec_module())."""
        if not hasattr(self, 'exec_module'):
            raise ImportError
        spec = _bootstrap.spec_from_loader(fullname, self)
        module = sys.modules.get(fullname)
        if module is not None:
            _bootstrap._exec(spec, module)
            return sys.modules[fullname]
        return _bootstrap._load(spec)
