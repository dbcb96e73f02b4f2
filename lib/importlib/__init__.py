"""A pure Python implementation of import."""
# Krait's import machinery is written in C (src/runtime/import*.c) and
# exposed by the built-in modules _frozen_importlib and
# _frozen_importlib_external; this package gives them their importlib names
# and adds the public functions on top.
__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

import _imp
import sys

import _frozen_importlib as _bootstrap
import _frozen_importlib_external as _bootstrap_external

# The built-in modules are importlib's bootstrap modules: register them
# under those names too rather than loading a second copy.
for _mod, _name in ((_bootstrap, '_bootstrap'), (_bootstrap_external, '_bootstrap_external')):
    _mod.__name__ = 'importlib.' + _name
    _mod.__package__ = 'importlib'
    sys.modules['importlib.' + _name] = _mod
del _mod, _name

from ._bootstrap import __import__


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored in
    sys.meta_path (where implemented)."""
    for finder in sys.meta_path:
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def find_loader(name, path=None):
    """Return the loader for the specified module.

    This is a backward-compatible wrapper around find_spec().

    This function is deprecated in favor of importlib.util.find_spec().

    """
    import warnings
    warnings.warn('Deprecated since Python 3.4 and slated for removal in '
                  'Python 3.12; use importlib.util.find_spec() instead',
                  DeprecationWarning, stacklevel=2)
    try:
        loader = sys.modules[name].__loader__
        if loader is None:
            raise ValueError(f'{name}.__loader__ is None')
        return loader
    except KeyError:
        pass
    except AttributeError:
        raise ValueError(f'{name}.__loader__ is not set') from None
    spec = _bootstrap._find_spec(name, path)
    if spec is None:
        return None
    if spec.loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError(f'spec for {name} missing loader', name=name)
        raise ImportError('namespace packages do not have loaders', name=name)
    return spec.loader


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.

    """
    level = len(name) - len(name.lstrip('.'))
    if level and not package:
        raise TypeError("the 'package' argument is required to perform a "
                        f"relative import for {name!r}")
    return _bootstrap._gcd_import(name[level:], package, level)


_RELOADING = {}


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.

    """
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")

    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        # A module reloading itself (directly or through a cycle) gets the
        # module being reloaded back.
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition('.')[0]
        pkgpath = None
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in sys.modules",
                                  name=parent_name) from None
            pkgpath = parent.__path__
        spec = module.__spec__ = _bootstrap._find_spec(name, pkgpath, module)
        if spec is None:
            raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
        _bootstrap._exec(spec, module)
        # The module may have replaced itself in sys.modules.
        return sys.modules[name]
    finally:
        _RELOADING.pop(name, None)
