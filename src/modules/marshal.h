/*
 * marshal.h — Krait's serialisation of constants and code objects: the
 * marshal module and the payload of bytecode cache files.
 *
 * The format is Krait's own (see marshal.c); only the Python API and its
 * errors follow CPython's.
 *
 * Owner of: marshal.c.
 */
#ifndef KR_MARSHAL_H
#define KR_MARSHAL_H

#include "objects/object.h"

// The value of marshal.version.
#define KR_MARSHAL_VERSION 4

// Serialises `obj` (None, bools, Ellipsis, StopIteration, ints, floats,
// complex, str, bytes-likes, tuples, lists, dicts, sets, frozensets, code
// objects, nested).  New bytes reference.  Raises ValueError "unmarshallable
// object" / "object too deeply nested to marshal", MemoryError.
KrObject *krMarshal_dumps(KrThreadState *ts, KrObject *obj);

// Reads one object from data[0..len).  *consumed (may be NULL) receives the
// number of bytes the object took; bytes after it are ignored.  New
// reference.  Raises EOFError for empty or truncated data, ValueError "bad
// marshal data (...)" for corrupt data, and whatever building the objects
// raises (TypeError for an unhashable dict key...).  Never crashes on
// arbitrary input.
KrObject *krMarshal_loads(KrThreadState *ts, const char *data, KrSsize len, KrSsize *consumed);

#endif
