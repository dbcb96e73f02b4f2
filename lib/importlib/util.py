"""Utility code for constructing importers, etc."""
from ._abc import Loader
from ._bootstrap import module_from_spec
from ._bootstrap import _resolve_name
from ._bootstrap import spec_from_loader
from ._bootstrap import _find_spec
from ._bootstrap_external import MAGIC_NUMBER
from ._bootstrap_external import _RAW_MAGIC_NUMBER
from ._bootstrap_external import cache_from_source
from ._bootstrap_external import decode_source
from ._bootstrap_external import source_from_cache
from ._bootstrap_external import spec_from_file_location

import sys

from . import _bootstrap


def resolve_name(name, package):
    """Resolve a relative module name to an absolute one."""
    if not name.startswith('.'):
        return name
    if not package:
        raise ImportError(f'no package specified for {name!r} '
                          '(required for relative module names)')
    level = len(name) - len(name.lstrip('.'))
    return _resolve_name(name[level:], package, level)


def _find_spec_from_path(name, path=None):
    """The spec of an absolute module name: the one of the module in
    sys.modules if it is there (ValueError when its __spec__ is missing or
    None), else what the finders on sys.meta_path say for `path`; None when
    none finds it.  Parent packages are not imported."""
    if name not in sys.modules:
        return _find_spec(name, path)
    module = sys.modules[name]
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError(f'{name}.__spec__ is not set') from None
    if spec is None:
        raise ValueError(f'{name}.__spec__ is None')
    return spec


def find_spec(name, package=None):
    """The spec of module `name` (relative names are resolved against
    `package` as import_module() does): the spec of the module already in
    sys.modules, or what the finders on sys.meta_path say, importing parent
    packages first.  None when the module cannot be found."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    return _bootstrap._util_find_spec(fullname)
