/*
 * bytes_private.h — helpers shared by bytes.c, bytearray.c, bytes_methods.c
 * and the codecs; not a contract for other subsystems.
 */
#ifndef KR_BYTES_PRIVATE_H
#define KR_BYTES_PRIVATE_H

#include "objects/bytes.h"
#include "objects/str_private.h"

extern KrTypeObject KrBytesIter_Type, KrByteArrayIter_Type;

// An exact bytes of `size` bytes for the caller to fill.  New reference.
KrObject *krBytes_alloc(KrThreadState *ts, KrSsize size);
// True when krBytes_as_buffer would succeed.  Never fails.
bool krBytes_has_buffer(KrObject *o);
// A byte value 0..255 from an int-like: "byte must be in range(0, 256)".  -1 on error.
int krBytes_byte_value(KrThreadState *ts, KrObject *o);
// Appends the ints of an iterable; out-of-range values raise "byte must be in
// range(0, 256)" ("bytes must..." when `plural_msg`, as bytes() says).  0 or -1.
int krBytes_from_iterable(KrThreadState *ts, KrByteBuilder *bb, KrObject *o, bool plural_msg);
// bytes()/bytearray() argument handling (source, encoding, errors) into bb.  0 or -1.
int krBytes_init_from_args(KrThreadState *ts, KrByteBuilder *bb, KrObject *x, KrObject *enc, KrObject *errs,
                           const char *tname);
KrObject *krBytes_repr_data(KrThreadState *ts, const char *d, KrSsize n, const char *prefix, const char *suffix);
KrObject *krBytes_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op);
KrObject *krBytes_richcompare_data(const char *a, KrSsize na, const char *b, KrSsize nb, int op);
int krBytes_contains_data(KrThreadState *ts, const char *d, KrSsize n, KrObject *key);
void krBytes_fill_repeat(char *dst, const char *src, KrSsize k, KrSsize n);
KrObject *krBytes_slice_data(KrThreadState *ts, const char *d, KrSsize start, KrSsize step, KrSsize count,
                             bool bytearray);
KrObject *krBytes_iter_new(KrThreadState *ts, KrObject *seq, KrTypeObject *type);
// `data % args` for bytes/bytearray (bytes_methods.c).
KrObject *krBytes_percent_format(KrThreadState *ts, const char *data, KrSsize size, KrObject *args, bool bytearray);

// Methods shared by bytes and bytearray (bytes_methods.c: krBytesMeth_NAME).
#define KR_BYTES_SHARED_FUNCS(X)                                                                  \
    X(decode, KR_METH_FASTKW) X(hex, KR_METH_FASTKW) X(count, KR_METH_FAST) X(find, KR_METH_FAST) \
    X(rfind, KR_METH_FAST) X(index, KR_METH_FAST) X(rindex, KR_METH_FAST)                        \
    X(startswith, KR_METH_FAST) X(endswith, KR_METH_FAST) X(join, KR_METH_O)                     \
    X(split, KR_METH_FASTKW) X(rsplit, KR_METH_FASTKW) X(strip, KR_METH_FAST)                   \
    X(lstrip, KR_METH_FAST) X(rstrip, KR_METH_FAST) X(replace, KR_METH_FAST)                    \
    X(upper, KR_METH_NOARGS) X(lower, KR_METH_NOARGS) X(capitalize, KR_METH_NOARGS)             \
    X(swapcase, KR_METH_NOARGS) X(title, KR_METH_NOARGS) X(partition, KR_METH_O)                \
    X(rpartition, KR_METH_O) X(isdigit, KR_METH_NOARGS) X(isalpha, KR_METH_NOARGS)              \
    X(isspace, KR_METH_NOARGS) X(isalnum, KR_METH_NOARGS) X(isupper, KR_METH_NOARGS)            \
    X(islower, KR_METH_NOARGS) X(istitle, KR_METH_NOARGS) X(isascii, KR_METH_NOARGS)            \
    X(center, KR_METH_FAST) X(ljust, KR_METH_FAST) X(rjust, KR_METH_FAST) X(zfill, KR_METH_O)   \
    X(expandtabs, KR_METH_FASTKW) X(splitlines, KR_METH_FASTKW) X(removeprefix, KR_METH_O)      \
    X(removesuffix, KR_METH_O) X(translate, KR_METH_FASTKW)

// Method tables (bytes_methods.c): the shared methods plus each type's own.
extern const KrMethodDef kr_bytes_methods[], kr_bytearray_methods[];

// bytes-only and bytearray-only methods, listed in those tables.
KrObject *krBytes_getnewargs_meth(KrThreadState *ts, KrObject *self);
KrObject *krBytes_bytes_meth(KrThreadState *ts, KrObject *self);
#define KR_BYTEARRAY_OWN_METHODS(X)                                                            \
    X(append, KR_METH_O) X(extend, KR_METH_O) X(pop, KR_METH_FAST) X(insert, KR_METH_FAST)     \
    X(remove, KR_METH_O) X(reverse, KR_METH_NOARGS) X(clear, KR_METH_NOARGS)                  \
    X(copy, KR_METH_NOARGS) X(__alloc__, KR_METH_NOARGS)
KrObject *krByteArray_append_meth(KrThreadState *ts, KrObject *self, KrObject *x);
KrObject *krByteArray_extend_meth(KrThreadState *ts, KrObject *self, KrObject *x);
KrObject *krByteArray_pop_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krByteArray_insert_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krByteArray_remove_meth(KrThreadState *ts, KrObject *self, KrObject *x);
KrObject *krByteArray_reverse_meth(KrThreadState *ts, KrObject *self);
KrObject *krByteArray_clear_meth(KrThreadState *ts, KrObject *self);
KrObject *krByteArray_copy_meth(KrThreadState *ts, KrObject *self);
KrObject *krByteArray___alloc___meth(KrThreadState *ts, KrObject *self);

#endif
