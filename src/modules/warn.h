/*
 * warn.h — issuing warnings from C through the warnings module (filters,
 * registries, showwarning), as CPython's PyErr_WarnEx / PyErr_WarnFormat.
 * Owner of: warn.c.
 */
#ifndef KR_WARN_H
#define KR_WARN_H

#include "objects/object.h"

// Issues `message` (a str; borrowed) with `category` (a Warning subclass),
// attributed to the Python frame `stacklevel` levels up: 1 is the Python code
// that called the C function issuing the warning.  0, or -1 with an
// exception set (the filter turned the warning into an error, or warnings
// could not be imported).
int krWarn_object(KrThreadState *ts, KrTypeObject *category, KrObject *message, KrSsize stacklevel);

// As krWarn_object, with the message built by krStr_from_format's
// conversions (%s %d %S %R %T %U ...).
int krWarn_format(KrThreadState *ts, KrTypeObject *category, KrSsize stacklevel, const char *fmt, ...);

#endif
