"""Generic (shallow and deep) copying operations.

    x = copy.copy(y)        # make a shallow copy of y
    x = copy.deepcopy(y)    # make a deep copy of y

A class controls its copies with __copy__() / __deepcopy__(memo), or through
the pickle protocol: copyreg.dispatch_table, __reduce_ex__, __reduce__,
__getnewargs__, __getstate__ and __setstate__.  Objects whose class keeps
object's reduction get what object.__reduce_ex__(4) describes: a new
instance made by cls.__new__, given the instance dict and slot values.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility

try:
    from copyreg import dispatch_table
except ImportError:
    dispatch_table = {}

try:
    from copyreg import __newobj__, __newobj_ex__
except ImportError:
    def __newobj__(cls, *args):
        return cls.__new__(cls, *args)

    def __newobj_ex__(cls, args, kwargs):
        return cls.__new__(cls, *args, **kwargs)

_FunctionType = type(lambda: None)
_BuiltinFunctionType = type(len)
_CodeType = type((lambda: None).__code__)


class _MethodHolder:
    def method(self):
        pass


_MethodType = type(_MethodHolder().method)
del _MethodHolder
_NoneType = type(None)
_EllipsisType = type(...)
_NotImplementedType = type(NotImplemented)

try:
    from weakref import ref as _weakref_type
except ImportError:
    _weakref_type = None


# -- object's default reduction ------------------------------------------------

def _slotnames(cls):
    """The names of the slots of instances of cls (cached in __slotnames__)."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            if "__slots__" not in c.__dict__:
                continue
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    # Private names are stored mangled.
                    stripped = c.__name__.lstrip('_')
                    names.append(f'_{stripped}{name}' if stripped else name)
                else:
                    names.append(name)
    try:
        cls.__slotnames__ = names
    except (AttributeError, TypeError):
        pass
    return names


def _is_python_class(cls):
    return '__module__' in cls.__dict__


def _default_state(x):
    # object.__getstate__(): the instance dict (None when empty), paired
    # with a dict of slot values when there are any.
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    state = dict(d) if d else None
    slots = {}
    for name in _slotnames(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _reduce_object(x):
    """What object.__reduce_ex__(4) returns for x."""
    cls = type(x)
    solid = next((c for c in cls.__mro__ if not _is_python_class(c)), object)
    getnewargs_ex = getattr(x, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        if not isinstance(args, tuple):
            raise TypeError(f'__getnewargs_ex__ should return a tuple of length 2, not {type(args).__name__!r}')
        func, fargs = (__newobj_ex__, (cls, args, kwargs)) if kwargs else (__newobj__, (cls,) + args)
    else:
        getnewargs = getattr(x, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError(f'__getnewargs__ should return a tuple, not {type(args).__name__!r}')
        elif issubclass(solid, bytearray):
            # As bytearray.__reduce_ex__: the class is called with the bytes.
            return cls, (bytes(x),) if x else (), _default_state(x), None, None
        elif solid in (object, list, dict) or issubclass(solid, (list, dict)):
            args = ()
        else:
            # A built-in base with state of its own that cls.__new__ could
            # not restore.
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        func, fargs = __newobj__, (cls,) + args
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None and getattr(cls, '__getstate__', None) is not _object_getstate:
        state = getstate()
    else:
        state = _default_state(x)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return func, fargs, state, listitems, dictitems


_object_reduce_ex = object.__reduce_ex__
_object_getstate = getattr(object, '__getstate__', None)
_object_reduce = getattr(object, '__reduce__', None)


def _reduce(x, cls, what):
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    if getattr(cls, '__reduce_ex__', None) is _object_reduce_ex:
        # object.__reduce_ex__ defers to an overridden __reduce__.
        if getattr(cls, '__reduce__', None) is _object_reduce:
            return _reduce_object(x)
        return x.__reduce__()
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor:
        return reductor()
    raise Error("un(%s)copyable object of type %s" % (what, cls))


# -- Shallow copies ------------------------------------------------------------

def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):
        # Classes are copied as themselves (also with a custom metaclass).
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (_NoneType, int, float, bool, complex, str, tuple, bytes, frozenset,
          type, range, slice, property, _BuiltinFunctionType, _EllipsisType,
          _NotImplementedType, _FunctionType, _CodeType):
    d[t] = _copy_immutable
if _weakref_type is not None:
    d[_weakref_type] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t


# -- Deep copies ---------------------------------------------------------------

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # An object that is its own copy is not memoized.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in (_NoneType, _EllipsisType, _NotImplementedType, int, float, bool,
          complex, bytes, str, _CodeType, type, range, _BuiltinFunctionType,
          _FunctionType, property):
    d[t] = _deepcopy_atomic
if _weakref_type is not None:
    d[_weakref_type] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A tuple may contain itself (through a mutable item): if copying the
    # items copied the tuple, use that copy.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[_MethodType] = _deepcopy_method

del d, t


def _keep_alive(x, memo):
    """Keeps a reference to x in memo, so that the id() keys of memo cannot
    be reused by new objects while the copy is in progress."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
