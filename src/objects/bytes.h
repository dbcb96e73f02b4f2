/*
 * bytes.h — bytes (immutable, data inline, NUL-terminated) and bytearray.
 * Owner of: bytes.c, bytearray.c, bytes_methods.c (methods shared by both).
 */
#ifndef KR_BYTES_H
#define KR_BYTES_H

#include "objects/object.h"

typedef struct {
    KR_OBJECT_VAR_HEAD;            // ob_size: number of bytes
    KrHash hash;                   // -1 until computed
    char data[];                   // ob_size + 1 bytes
} KrBytesObject;

typedef struct {
    KR_OBJECT_VAR_HEAD;            // ob_size: number of bytes
    char *data;                    // `allocated` bytes
    KrSsize allocated;
    KrSsize exports;               // live memoryviews (resizing forbidden while > 0)
} KrByteArrayObject;

extern KrTypeObject KrBytes_Type, KrByteArray_Type;

static inline bool krBytes_check(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_BYTES_SUBCLASS) != 0;
}
static inline bool krByteArray_check(const KrObject *o) { return kr_type_check(o, &KrByteArray_Type); }
static inline char *krBytes_data(KrObject *b) { return ((KrBytesObject *)b)->data; }
static inline KrSsize krBytes_size(const KrObject *b) { return ((const KrVarObject *)b)->ob_size; }

// New reference.  `data` may be NULL to leave the contents for the caller.
KrObject *krBytes_from_data(KrThreadState *ts, const char *data, KrSsize size);
KrObject *krByteArray_from_data(KrThreadState *ts, const char *data, KrSsize size);
KrObject *krBytes_repr(KrThreadState *ts, KrObject *b);
// Gives the buffer of a bytes-like object (bytes, bytearray, memoryview of
// those): 0, or -1 with TypeError "a bytes-like object is required, not 'X'".
int krBytes_as_buffer(KrThreadState *ts, KrObject *o, const char **data, KrSsize *size);

// bytes.hex(sep, bytes_per_sep) over any data (`sep` may be NULL): a new str.
KrObject *krBytes_hex(KrThreadState *ts, const char *data, KrSsize size, KrObject *sep, KrSsize bytes_per_sep);

// Lets another buffer type (memoryview) expose its bytes to the functions
// above: returns true and fills data/size when `o` is one of its objects.
extern bool (*kr_bytes_buffer_hook)(KrObject *o, const char **data, KrSsize *size);

#endif
