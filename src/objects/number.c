/*
 * number.c — the number conversions of abstract.h: operator.index(),
 * __index__ as a C size, int(x) and float(x) for arbitrary objects, and the
 * mapping of Unicode digits and spaces shared by int(), float(), complex()
 * and format specs.
 *
 * Related: int.c, float.c, abstract.h.
 */
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/exc.h"
#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/type.h"
#include "objects/unicode.h"

int krInt_decimal_digit_value(uint32_t cp) {
    if (cp < 128) return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    return krUnicode_decimal(cp);
}


// Maps UTF-8 text to ASCII the way CPython does before parsing numbers
// (decimal digits to ASCII, spaces to ' ', other non-ASCII to '?').  Returns
// a buffer to free with krMem_free, or NULL with MemoryError.
char *krNum_text_to_ascii(KrThreadState *ts, const char *s, KrSsize size, KrSsize *out_len) {
    char *buf = krMem_malloc((size_t)size + 1);
    if (!buf) {
        krErr_no_memory(ts);
        return NULL;
    }
    const char *p = s, *end = s + size;
    KrSsize n = 0;
    while (p < end) {
        if ((unsigned char)*p < 0x80) {
            buf[n++] = *p++;
            continue;
        }
        uint32_t c = krUtf8_decode(&p);
        int d = krInt_decimal_digit_value(c);
        buf[n++] = d >= 0 ? (char)('0' + d) : krUnicode_isspace(c) ? ' ' : '?';
    }
    buf[n] = 0;
    *out_len = n;
    return buf;
}


// ---------------------------------------------------------------------------
// index(), int(), float()

// o.__index__() without converting an int subclass result to exact int.
static KrObject *number_index(KrThreadState *ts, KrObject *o) {
    if (krInt_check(o)) return kr_newref(o);
    KrTypeObject *t = KR_TYPE(o);
    if (!t->nb_index) {
        krErr_format(ts, &KrExc_TypeError, "'%.200s' object cannot be interpreted as an integer", krType_name(t));
        return NULL;
    }
    KrObject *r = t->nb_index(ts, o);
    if (!r || krInt_check(r)) return r;
    krErr_format(ts, &KrExc_TypeError, "__index__ returned non-int (type %.200s)", krType_name(KR_TYPE(r)));
    kr_decref(r);
    return NULL;
}

KrObject *krNum_index(KrThreadState *ts, KrObject *o) {
    if (kr_is_smallint(o)) return o;
    KrObject *r = number_index(ts, o);
    if (r && !krInt_check_exact(r)) {
        KrObject *e = krInt_exact(ts, r);
        kr_decref(r);
        r = e;
    }
    return r;
}

KrSsize krNum_as_ssize(KrThreadState *ts, KrObject *o, KrTypeObject *overflow_exc) {
    if (kr_is_smallint(o)) return (KrSsize)kr_smallint_value(o);
    KrObject *v = number_index(ts, o);
    if (!v) return -1;
    int64_t x;
    KrSsize r;
    if (krInt_to_i64(v, &x)) r = (KrSsize)x;
    else if (!overflow_exc) r = krInt_sign(v) < 0 ? KR_SSIZE_MIN : KR_SSIZE_MAX;
    else {
        krErr_format(ts, overflow_exc, "cannot fit '%.200s' into an index-sized integer", krType_name(KR_TYPE(o)));
        r = -1;
    }
    kr_decref(v);
    return r;
}

// Converts the result of __int__/__trunc__ to an exact int.
static KrObject *exact_int_result(KrThreadState *ts, KrObject *r, const char *what) {
    if (!r || krInt_check_exact(r)) return r;
    if (!krInt_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "%s returned non-int (type %.200s)", what, krType_name(KR_TYPE(r)));
        kr_decref(r);
        return NULL;
    }
    KrObject *e = krInt_exact(ts, r);
    kr_decref(r);
    return e;
}

// int(o) through __trunc__ (deprecated, but still honoured by 3.11).
static KrObject *int_from_trunc(KrThreadState *ts, KrObject *o, int *found) {
    KrObject *r = krObj_call_special(ts, o, KR_ID(__trunc__), NULL, 0, found);
    if (!*found || !r || krInt_check(r)) return exact_int_result(ts, r, "__trunc__");
    if (!krNum_is_index(r)) {
        krErr_format(ts, &KrExc_TypeError, "__trunc__ returned non-Integral (type %.200s)", krType_name(KR_TYPE(r)));
        kr_decref(r);
        return NULL;
    }
    KrObject *i = krNum_index(ts, r);
    kr_decref(r);
    return i;
}

KrObject *krNum_int(KrThreadState *ts, KrObject *o) {
    if (krInt_check_exact(o)) return kr_newref(o);
    KrTypeObject *t = KR_TYPE(o);
    if (t->nb_int) return exact_int_result(ts, t->nb_int(ts, o), "__int__");
    if (t->nb_index) return krNum_index(ts, o);
    int found;
    KrObject *r = int_from_trunc(ts, o, &found);
    if (found || krErr_occurred(ts)) return r;
    if (krStr_check(o)) return krInt_from_str_object(ts, o, 10);
    const char *data;
    KrSsize size;
    if (krBytes_check(o) || krByteArray_check(o)) {
        krBytes_as_buffer(ts, o, &data, &size);
        return krInt_from_bytes_literal(ts, data, size, 10);
    }
    if (krBytes_as_buffer(ts, o, &data, &size) == 0) return krInt_from_bytes_literal(ts, data, size, 10);
    if (!krErr_matches(ts, &KrExc_TypeError)) return NULL;
    krErr_clear(ts);
    krErr_format(ts, &KrExc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                 krType_name(t));
    return NULL;
}

KrObject *krNum_float(KrThreadState *ts, KrObject *o) {
    if (krFloat_check_exact(o)) return kr_newref(o);
    KrTypeObject *t = KR_TYPE(o);
    if (t->nb_float) {
        KrObject *r = t->nb_float(ts, o);
        if (!r || krFloat_check_exact(r)) return r;
        if (!krFloat_check(r)) {
            krErr_format(ts, &KrExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)", krType_name(t),
                         krType_name(KR_TYPE(r)));
            kr_decref(r);
            return NULL;
        }
        double v = krFloat_value(r);
        kr_decref(r);
        return krFloat_new(ts, v);
    }
    if (t->nb_index) {
        KrObject *i = number_index(ts, o);
        if (!i) return NULL;
        double v = krInt_as_double(ts, i);
        kr_decref(i);
        if (v == -1.0 && krErr_occurred(ts)) return NULL;
        return krFloat_new(ts, v);
    }
    if (krFloat_check(o)) return krFloat_new(ts, krFloat_value(o));
    return krFloat_from_str_object(ts, o);
}
