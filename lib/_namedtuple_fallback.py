"""A minimal collections.namedtuple, used by typing and inspect while the
collections module is not available."""

import sys


def _caller_module():
    try:
        return sys._getframe(2).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return "__main__"


def namedtuple(typename, field_names, *, defaults=None, module=None):
    """A tuple subclass with named fields (used when collections is not
    available)."""
    field_names = tuple(field_names)
    num_fields = len(field_names)
    defaults = tuple(defaults) if defaults else ()
    arg_list = ", ".join(field_names)
    ns = {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": "namedtuple_%s" % typename}
    code = "lambda _cls, %s: _tuple_new(_cls, (%s))" % (arg_list, arg_list + ("," if num_fields == 1 else "")) \
        if num_fields else "lambda _cls: _tuple_new(_cls, ())"
    __new__ = eval(code, ns)
    __new__.__name__ = "__new__"
    __new__.__doc__ = "Create new instance of %s(%s)" % (typename, arg_list)
    if defaults:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError("Expected %d arguments, got %d" % (num_fields, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(n, v) for n, v in zip(field_names, self)])
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + "(" + ", ".join(
            "%s=%r" % (n, v) for n, v in zip(field_names, self)) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    class_namespace = {
        "__doc__": "%s(%s)" % (typename, arg_list),
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": dict(zip(field_names[num_fields - len(defaults):], defaults)),
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = property(lambda self, i=index: self[i],
                                         doc="Alias for field number %d" % index)
    result = type(typename, (tuple,), class_namespace)
    result.__module__ = module if module is not None else _caller_module()
    return result
