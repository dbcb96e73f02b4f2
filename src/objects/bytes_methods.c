/*
 * bytes_methods.c — the methods bytes and bytearray share (each returns an
 * object of the receiver's kind), `%` formatting of bytes, and the two
 * method tables.  Character classes are ASCII-only, as in CPython.
 */
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/bytes_private.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "runtime/error.h"

typedef struct {
    const char *d;
    KrSsize n;
} Buf;

static Buf buf_of(KrObject *o) {
    Buf b;
    if (krBytes_check(o)) {
        b.d = krBytes_data(o);
        b.n = krBytes_size(o);
    } else {
        b.d = ((KrByteArrayObject *)o)->data;
        b.n = KR_SIZE(o);
    }
    return b;
}

static bool is_ba(KrObject *o) { return !krBytes_check(o); }

// A result of the receiver's kind.
static KrObject *make_like(KrThreadState *ts, KrObject *self, const char *d, KrSsize n) {
    if (is_ba(self)) return krByteArray_from_data(ts, d, n);
    if (KR_TYPE(self) == &KrBytes_Type && d == krBytes_data(self) && n == krBytes_size(self)) return kr_newref(self);
    return krBytes_from_data(ts, d, n);
}

static bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool ascii_alpha(unsigned char c) { return ascii_lower(c) || ascii_upper(c); }
static bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// A bytes-like argument: 0 or -1 with TypeError.
static int arg_buf(KrThreadState *ts, KrObject *o, Buf *b) { return krBytes_as_buffer(ts, o, &b->d, &b->n); }

// ---------------------------------------------------------------------------
// decode, hex, fromhex

#define DECL_FASTKW(name) \
    KrObject *krBytesMeth_##name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames)
#define DECL_FAST(name) KrObject *krBytesMeth_##name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs)
#define DECL_O(name) KrObject *krBytesMeth_##name(KrThreadState *ts, KrObject *self, KrObject *arg)
#define DECL_NOARGS(name) KrObject *krBytesMeth_##name(KrThreadState *ts, KrObject *self)

DECL_FASTKW(decode);
DECL_FASTKW(decode) {
    static const char *const names[] = {"encoding", "errors"};
    KrObject *a[2];
    if (krArg_parse(ts, "decode", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    static const char *const what[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++)
        if (a[i] && !krStr_check(a[i]))
            return krErr_format(ts, &KrExc_TypeError, "decode() argument '%s' must be str, not %s", what[i],
                                krArg_type_name(a[i]));
    Buf b = buf_of(self);
    return krStr_decode(ts, b.d, b.n, a[0] ? krStr_utf8(a[0]) : NULL, a[1] ? krStr_utf8(a[1]) : NULL);
}

// bytes.hex / bytearray.hex, also used by memoryview: `sep` may be NULL.
KrObject *krBytes_hex(KrThreadState *ts, const char *d, KrSsize n, KrObject *sep, KrSsize per) {
    static const char hex[] = "0123456789abcdef";
    char sepc = 0;
    if (sep) {
        Buf sb;
        if (krStr_check(sep)) {
            sb.d = krStr_utf8(sep);
            sb.n = krStr_len(sep);
            if (sb.n == 1 && !krStr_is_ascii(sep)) {
                krErr_set_string(ts, &KrExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        } else if (!krBytes_has_buffer(sep)) {
            return krErr_format(ts, &KrExc_TypeError, "object of type '%T' has no len()", sep);
        } else if (arg_buf(ts, sep, &sb) < 0) {
            return NULL;
        }
        if (sb.n != 1) {
            krErr_set_string(ts, &KrExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        sepc = sb.d[0];
    }
    if (n == 0) return krStr_empty();
    KrSsize groups = 0, aper = per < 0 ? -per : per;
    if (sepc && aper > 0) groups = (n - 1) / aper;
    else sepc = 0;
    KrObject *r = krStr_alloc(ts, n * 2 + groups, n * 2 + groups, true);
    if (!r) return NULL;
    char *o = krStr_raw_data(r);
    for (KrSsize i = 0; i < n; i++) {
        // With a separator, groups are counted from the right (per > 0) or the left (per < 0).
        if (sepc && i > 0) {
            KrSsize from = per > 0 ? n - i : i;
            if (from % aper == 0) *o++ = sepc;
        }
        unsigned char c = (unsigned char)d[i];
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
    }
    return r;
}

DECL_FASTKW(hex);
DECL_FASTKW(hex) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    KrObject *a[2];
    if (krArg_parse(ts, "hex", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    KrSsize per = 1;
    if (a[1]) {
        per = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (per == -1 && krErr_occurred(ts)) return NULL;
    }
    Buf b = buf_of(self);
    return krBytes_hex(ts, b.d, b.n, a[0], per);
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

KrObject *krBytesMeth_fromhex(KrThreadState *ts, KrObject *cls, KrObject *arg);
KrObject *krBytesMeth_fromhex(KrThreadState *ts, KrObject *cls, KrObject *arg) {
    if (!krStr_check(arg))
        return krErr_format(ts, &KrExc_TypeError, "fromhex() argument must be str, not %s", krArg_type_name(arg));
    const char *s = krStr_utf8(arg);
    KrSsize n = krStr_size(arg), i = 0;
    KrByteBuilder bb;
    krBB_init(&bb);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
            continue;
        }
        int hi = hexval(c), lo = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            KrSsize pos = krUtf8_count(s, hi < 0 ? i : i + 1);
            krBB_discard(&bb);
            return krErr_format(ts, &KrExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                                pos);
        }
        if (krBB_append_byte(ts, &bb, hi * 16 + lo) < 0) {
            krBB_discard(&bb);
            return NULL;
        }
        i += 2;
    }
    KrTypeObject *type = (KrTypeObject *)cls;
    bool ba = krType_is_subtype(type, &KrByteArray_Type);
    KrObject *r = krBB_finish(ts, &bb, ba);
    if (!r || type == &KrBytes_Type || type == &KrByteArray_Type) return r;
    KrObject *sub = krObj_call1(ts, cls, r);
    kr_decref(r);
    return sub;
}

// ---------------------------------------------------------------------------
// Searching

static void adjust(KrSsize *start, KrSsize *end, KrSsize len) {
    if (*end > len) *end = len;
    else if (*end < 0 && (*end += len) < 0) *end = 0;
    if (*start < 0 && (*start += len) < 0) *start = 0;
}

// Parses (sub[, start[, end]]) where sub is an int or a bytes-like; the
// needle goes to *needle (using `one` for an int).
static int sub_args(KrThreadState *ts, const char *name, KrObject *self, KrObject *const *args, KrSsize nargs,
                    Buf *needle, char *one, KrSsize *start, KrSsize *end) {
    if (krStr_check_sub_nargs(ts, name, nargs) < 0) return -1;
    KrObject *sub = args[0];
    if (krNum_is_index(sub)) {
        int v = krBytes_byte_value(ts, sub);
        if (v < 0) return -1;
        *one = (char)v;
        needle->d = one;
        needle->n = 1;
    } else if (!krBytes_has_buffer(sub)) {
        krErr_format(ts, &KrExc_TypeError, "argument should be integer or bytes-like object, not '%T'", sub);
        return -1;
    } else if (arg_buf(ts, sub, needle) < 0) {
        return -1;
    }
    *start = 0;
    *end = KR_SSIZE_MAX;
    if (nargs > 1 && krStr_slice_index(ts, args[1], start) < 0) return -1;
    if (nargs > 2 && krStr_slice_index(ts, args[2], end) < 0) return -1;
    adjust(start, end, buf_of(self).n);
    return 0;
}

static KrObject *find_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             const char *name, int dir, bool raise) {
    Buf nd;
    char one;
    KrSsize start, end;
    if (sub_args(ts, name, self, args, nargs, &nd, &one, &start, &end) < 0) return NULL;
    Buf b = buf_of(self);
    KrSsize r = -1;
    if (end - start >= nd.n) {
        r = dir > 0 ? krStr_find_bytes(b.d + start, end - start, nd.d, nd.n)
                    : krStr_rfind_bytes(b.d + start, end - start, nd.d, nd.n);
        if (r >= 0) r += start;
    }
    if (r < 0 && raise) {
        krErr_set_string(ts, &KrExc_ValueError, "subsection not found");
        return NULL;
    }
    return krInt_from_ssize(ts, r);
}

DECL_FAST(find);
DECL_FAST(find) { return find_common(ts, self, args, nargs, "find", 1, false); }
DECL_FAST(rfind);
DECL_FAST(rfind) { return find_common(ts, self, args, nargs, "rfind", -1, false); }
DECL_FAST(index);
DECL_FAST(index) { return find_common(ts, self, args, nargs, "index", 1, true); }
DECL_FAST(rindex);
DECL_FAST(rindex) { return find_common(ts, self, args, nargs, "rindex", -1, true); }

DECL_FAST(count);
DECL_FAST(count) {
    Buf nd;
    char one;
    KrSsize start, end;
    if (sub_args(ts, "count", self, args, nargs, &nd, &one, &start, &end) < 0) return NULL;
    if (end - start < nd.n) return kr_smallint(0);
    if (nd.n == 0) return krInt_from_ssize(ts, end - start + 1);
    Buf b = buf_of(self);
    const char *p = b.d + start;
    KrSsize left = end - start, count = 0;
    for (;;) {
        KrSsize r = krStr_find_bytes(p, left, nd.d, nd.n);
        if (r < 0) break;
        count++;
        p += r + nd.n;
        left -= r + nd.n;
    }
    return krInt_from_ssize(ts, count);
}

static KrObject *startsend(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           const char *name, int dir) {
    if (krStr_check_sub_nargs(ts, name, nargs) < 0) return NULL;
    KrSsize start = 0, end = KR_SSIZE_MAX;
    if (nargs > 1 && krStr_slice_index(ts, args[1], &start) < 0) return NULL;
    if (nargs > 2 && krStr_slice_index(ts, args[2], &end) < 0) return NULL;
    Buf b = buf_of(self);
    adjust(&start, &end, b.n);
    KrObject *sub = args[0];
    KrObject *const *items = &sub;
    KrSsize count = 1;
    if (krTuple_check(sub)) {
        items = KR_TUPLE_ITEMS(sub);
        count = KR_TUPLE_SIZE(sub);
    }
    for (KrSsize i = 0; i < count; i++) {
        Buf nd;
        if (!krBytes_has_buffer(items[i])) {
            if (krTuple_check(sub))
                return krErr_format(ts, &KrExc_TypeError, "a bytes-like object is required, not '%T'", items[i]);
            return krErr_format(ts, &KrExc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T", name,
                                sub);
        }
        if (arg_buf(ts, items[i], &nd) < 0) return NULL;
        if (start > b.n || end - start < nd.n) continue;
        const char *at = dir < 0 ? b.d + start : b.d + end - nd.n;
        if (memcmp(at, nd.d, (size_t)nd.n) == 0) return kr_bool(true);
    }
    return kr_bool(false);
}

DECL_FAST(startswith);
DECL_FAST(startswith) { return startsend(ts, self, args, nargs, "startswith", -1); }
DECL_FAST(endswith);
DECL_FAST(endswith) { return startsend(ts, self, args, nargs, "endswith", 1); }

// ---------------------------------------------------------------------------
// join, split, partition, replace, strip

DECL_O(join);
DECL_O(join) {
    KrObject *seq = krSeq_fast(ts, arg, "can only join an iterable");
    if (!seq) return NULL;
    KrObject *const *items = krList_check(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    KrSsize n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
    Buf sep = buf_of(self);
    KrByteBuilder bb;
    krBB_init(&bb);
    KrObject *r = NULL;
    for (KrSsize i = 0; i < n; i++) {
        Buf x;
        if (!krBytes_has_buffer(items[i])) {
            krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected a bytes-like object, %T found", i, items[i]);
            goto done;
        }
        if (arg_buf(ts, items[i], &x) < 0) goto done;
        if ((i && krBB_append(ts, &bb, sep.d, sep.n) < 0) || krBB_append(ts, &bb, x.d, x.n) < 0) goto done;
    }
    r = krBB_finish(ts, &bb, is_ba(self));
done:
    if (!r) krBB_discard(&bb);
    kr_decref(seq);
    return r;
}

static int append_piece(KrThreadState *ts, KrObject *list, KrObject *self, const char *d, KrSsize n) {
    KrObject *x = make_like(ts, self, d, n);
    if (!x) return -1;
    int r = krList_append(ts, list, x);
    kr_decref(x);
    return r;
}

static KrObject *split_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames, const char *name, int dir) {
    static const char *const names[] = {"sep", "maxsplit"};
    KrObject *a[2];
    if (krArg_parse(ts, name, args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    KrSsize maxsplit = -1;
    if (a[1]) {
        maxsplit = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (maxsplit == -1 && krErr_occurred(ts)) return NULL;
    }
    if (maxsplit < 0) maxsplit = KR_SSIZE_MAX;
    Buf b = buf_of(self), sep = {NULL, 0};
    if (a[0] && a[0] != KR_NONE) {
        if (arg_buf(ts, a[0], &sep) < 0) return NULL;
        if (sep.n == 0) {
            krErr_set_string(ts, &KrExc_ValueError, "empty separator");
            return NULL;
        }
    }
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    if (!sep.d) {
        if (dir > 0) {
            KrSsize i = 0;
            while (i < b.n) {
                while (i < b.n && ascii_space((unsigned char)b.d[i])) i++;
                if (i >= b.n) break;
                if (maxsplit-- == 0) {
                    if (append_piece(ts, list, self, b.d + i, b.n - i) < 0) goto fail;
                    break;
                }
                KrSsize j = i;
                while (j < b.n && !ascii_space((unsigned char)b.d[j])) j++;
                if (append_piece(ts, list, self, b.d + i, j - i) < 0) goto fail;
                i = j;
            }
        } else {
            KrSsize i = b.n;
            while (i > 0) {
                while (i > 0 && ascii_space((unsigned char)b.d[i - 1])) i--;
                if (i <= 0) break;
                if (maxsplit-- == 0) {
                    if (append_piece(ts, list, self, b.d, i) < 0) goto fail;
                    break;
                }
                KrSsize j = i;
                while (j > 0 && !ascii_space((unsigned char)b.d[j - 1])) j--;
                if (append_piece(ts, list, self, b.d + j, i - j) < 0) goto fail;
                i = j;
            }
            krList_reverse(list);
        }
        return list;
    }
    if (dir > 0) {
        KrSsize i = 0;
        while (maxsplit-- != 0) {
            KrSsize r = krStr_find_bytes(b.d + i, b.n - i, sep.d, sep.n);
            if (r < 0) break;
            if (append_piece(ts, list, self, b.d + i, r) < 0) goto fail;
            i += r + sep.n;
        }
        if (append_piece(ts, list, self, b.d + i, b.n - i) < 0) goto fail;
    } else {
        KrSsize j = b.n;
        while (maxsplit-- != 0) {
            KrSsize r = krStr_rfind_bytes(b.d, j, sep.d, sep.n);
            if (r < 0) break;
            if (append_piece(ts, list, self, b.d + r + sep.n, j - r - sep.n) < 0) goto fail;
            j = r;
        }
        if (append_piece(ts, list, self, b.d, j) < 0) goto fail;
        krList_reverse(list);
    }
    return list;
fail:
    kr_decref(list);
    return NULL;
}

DECL_FASTKW(split);
DECL_FASTKW(split) { return split_common(ts, self, args, nargs, kwnames, "split", 1); }
DECL_FASTKW(rsplit);
DECL_FASTKW(rsplit) { return split_common(ts, self, args, nargs, kwnames, "rsplit", -1); }

DECL_FASTKW(splitlines);
DECL_FASTKW(splitlines) {
    static const char *const names[] = {"keepends"};
    KrObject *a[1];
    if (krArg_parse(ts, "splitlines", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    if (a[0] && !krNum_is_index(a[0]))
        return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
    int keep = a[0] ? krObj_is_true(ts, a[0]) : 0;
    if (keep < 0) return NULL;
    Buf b = buf_of(self);
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    KrSsize i = 0;
    while (i < b.n) {
        KrSsize j = i;
        while (j < b.n && b.d[j] != '\n' && b.d[j] != '\r') j++;
        KrSsize eol = j;
        if (j < b.n) {
            j += (b.d[j] == '\r' && j + 1 < b.n && b.d[j + 1] == '\n') ? 2 : 1;
        }
        if (append_piece(ts, list, self, b.d + i, (keep ? j : eol) - i) < 0) {
            kr_decref(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static KrObject *partition_common(KrThreadState *ts, KrObject *self, KrObject *sepobj, int dir) {
    Buf sep, b = buf_of(self);
    if (arg_buf(ts, sepobj, &sep) < 0) return NULL;
    if (sep.n == 0) {
        krErr_set_string(ts, &KrExc_ValueError, "empty separator");
        return NULL;
    }
    KrSsize r = dir > 0 ? krStr_find_bytes(b.d, b.n, sep.d, sep.n) : krStr_rfind_bytes(b.d, b.n, sep.d, sep.n);
    KrObject *items[3];
    if (r < 0) {
        items[0] = dir > 0 ? make_like(ts, self, b.d, b.n) : make_like(ts, self, "", 0);
        items[1] = make_like(ts, self, "", 0);
        items[2] = dir > 0 ? make_like(ts, self, "", 0) : make_like(ts, self, b.d, b.n);
    } else {
        items[0] = make_like(ts, self, b.d, r);
        items[1] = make_like(ts, self, sep.d, sep.n);
        items[2] = make_like(ts, self, b.d + r + sep.n, b.n - r - sep.n);
    }
    if (!items[0] || !items[1] || !items[2]) {
        for (int i = 0; i < 3; i++) kr_xdecref(items[i]);
        return NULL;
    }
    return krTuple_from_array_steal(ts, items, 3);
}

DECL_O(partition);
DECL_O(partition) { return partition_common(ts, self, arg, 1); }
DECL_O(rpartition);
DECL_O(rpartition) { return partition_common(ts, self, arg, -1); }

DECL_FAST(replace);
DECL_FAST(replace) {
    if (krArg_check_positional(ts, "replace", nargs, 2, 3) < 0) return NULL;
    Buf old, new_, b = buf_of(self);
    if (arg_buf(ts, args[0], &old) < 0 || arg_buf(ts, args[1], &new_) < 0) return NULL;
    KrSsize maxcount = -1;
    if (nargs > 2) {
        maxcount = krNum_as_ssize(ts, args[2], &KrExc_OverflowError);
        if (maxcount == -1 && krErr_occurred(ts)) return NULL;
    }
    if (maxcount < 0) maxcount = KR_SSIZE_MAX;
    KrByteBuilder bb;
    krBB_init(&bb);
    KrSsize i = 0, done = 0;
    if (old.n == 0) {
        while (done < maxcount && i <= b.n) {
            if (krBB_append(ts, &bb, new_.d, new_.n) < 0) goto fail;
            done++;
            if (i < b.n && krBB_append_byte(ts, &bb, b.d[i]) < 0) goto fail;
            i++;
        }
        if (i < b.n && krBB_append(ts, &bb, b.d + i, b.n - i) < 0) goto fail;
        return krBB_finish(ts, &bb, is_ba(self));
    }
    while (done < maxcount) {
        KrSsize r = krStr_find_bytes(b.d + i, b.n - i, old.d, old.n);
        if (r < 0) break;
        if (krBB_append(ts, &bb, b.d + i, r) < 0 || krBB_append(ts, &bb, new_.d, new_.n) < 0) goto fail;
        i += r + old.n;
        done++;
    }
    if (done == 0) {
        krBB_discard(&bb);
        return make_like(ts, self, b.d, b.n);
    }
    if (krBB_append(ts, &bb, b.d + i, b.n - i) < 0) goto fail;
    return krBB_finish(ts, &bb, is_ba(self));
fail:
    krBB_discard(&bb);
    return NULL;
}

static KrObject *strip_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              const char *name, int left, int right) {
    if (krArg_check_positional(ts, name, nargs, 0, 1) < 0) return NULL;
    Buf chars = {NULL, 0}, b = buf_of(self);
    if (nargs && args[0] != KR_NONE && arg_buf(ts, args[0], &chars) < 0) return NULL;
    KrSsize i = 0, j = b.n;
#define IN_SET(c) (chars.d ? memchr(chars.d, (c), (size_t)chars.n) != NULL : ascii_space((unsigned char)(c)))
    if (left)
        while (i < j && IN_SET(b.d[i])) i++;
    if (right)
        while (j > i && IN_SET(b.d[j - 1])) j--;
#undef IN_SET
    return make_like(ts, self, b.d + i, j - i);
}

DECL_FAST(strip);
DECL_FAST(strip) { return strip_common(ts, self, args, nargs, "strip", 1, 1); }
DECL_FAST(lstrip);
DECL_FAST(lstrip) { return strip_common(ts, self, args, nargs, "lstrip", 1, 0); }
DECL_FAST(rstrip);
DECL_FAST(rstrip) { return strip_common(ts, self, args, nargs, "rstrip", 0, 1); }

static KrObject *remove_affix(KrThreadState *ts, KrObject *self, KrObject *arg, int dir) {
    Buf a, b = buf_of(self);
    if (arg_buf(ts, arg, &a) < 0) return NULL;
    if (a.n > 0 && a.n <= b.n && memcmp(dir < 0 ? b.d : b.d + b.n - a.n, a.d, (size_t)a.n) == 0)
        return make_like(ts, self, dir < 0 ? b.d + a.n : b.d, b.n - a.n);
    return make_like(ts, self, b.d, b.n);
}

DECL_O(removeprefix);
DECL_O(removeprefix) { return remove_affix(ts, self, arg, -1); }
DECL_O(removesuffix);
DECL_O(removesuffix) { return remove_affix(ts, self, arg, 1); }

// ---------------------------------------------------------------------------
// Case and predicates

enum { C_UPPER, C_LOWER, C_CAP, C_SWAP, C_TITLE };

static KrObject *case_common(KrThreadState *ts, KrObject *self, int op) {
    Buf b = buf_of(self);
    KrObject *r = is_ba(self) ? krByteArray_from_data(ts, NULL, b.n) : krBytes_alloc(ts, b.n);
    if (!r) return NULL;
    char *o = is_ba(self) ? ((KrByteArrayObject *)r)->data : krBytes_data(r);
    bool prev_cased = false;
    for (KrSsize i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        bool up;
        switch (op) {
        case C_UPPER: up = true; break;
        case C_LOWER: up = false; break;
        case C_CAP: up = i == 0; break;
        case C_SWAP: up = ascii_lower(c); break;
        default: up = !prev_cased; break;
        }
        prev_cased = ascii_alpha(c);
        if (up && ascii_lower(c)) c = (unsigned char)(c - 32);
        else if (!up && ascii_upper(c)) c = (unsigned char)(c + 32);
        o[i] = (char)c;
    }
    return r;
}

DECL_NOARGS(upper);
DECL_NOARGS(upper) { return case_common(ts, self, C_UPPER); }
DECL_NOARGS(lower);
DECL_NOARGS(lower) { return case_common(ts, self, C_LOWER); }
DECL_NOARGS(capitalize);
DECL_NOARGS(capitalize) { return case_common(ts, self, C_CAP); }
DECL_NOARGS(swapcase);
DECL_NOARGS(swapcase) { return case_common(ts, self, C_SWAP); }
DECL_NOARGS(title);
DECL_NOARGS(title) { return case_common(ts, self, C_TITLE); }

static KrObject *all_bytes(KrObject *self, bool (*pred)(unsigned char)) {
    Buf b = buf_of(self);
    if (b.n == 0) return kr_bool(false);
    for (KrSsize i = 0; i < b.n; i++)
        if (!pred((unsigned char)b.d[i])) return kr_bool(false);
    return kr_bool(true);
}

static bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || ascii_digit(c); }

DECL_NOARGS(isdigit);
DECL_NOARGS(isdigit) { return all_bytes(self, ascii_digit); }
DECL_NOARGS(isalpha);
DECL_NOARGS(isalpha) { return all_bytes(self, ascii_alpha); }
DECL_NOARGS(isspace);
DECL_NOARGS(isspace) { return all_bytes(self, ascii_space); }
DECL_NOARGS(isalnum);
DECL_NOARGS(isalnum) { return all_bytes(self, ascii_alnum); }

DECL_NOARGS(isascii);
DECL_NOARGS(isascii) {
    Buf b = buf_of(self);
    for (KrSsize i = 0; i < b.n; i++)
        if ((unsigned char)b.d[i] >= 0x80) return kr_bool(false);
    return kr_bool(true);
}

static KrObject *cased_check(KrObject *self, bool (*want)(unsigned char), bool (*reject)(unsigned char)) {
    Buf b = buf_of(self);
    bool cased = false;
    for (KrSsize i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        if (reject(c)) return kr_bool(false);
        if (want(c)) cased = true;
    }
    return kr_bool(cased);
}

DECL_NOARGS(isupper);
DECL_NOARGS(isupper) { return cased_check(self, ascii_upper, ascii_lower); }
DECL_NOARGS(islower);
DECL_NOARGS(islower) { return cased_check(self, ascii_lower, ascii_upper); }

DECL_NOARGS(istitle);
DECL_NOARGS(istitle) {
    Buf b = buf_of(self);
    bool cased = false, prev = false;
    for (KrSsize i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        if (ascii_upper(c)) {
            if (prev) return kr_bool(false);
            prev = cased = true;
        } else if (ascii_lower(c)) {
            if (!prev) return kr_bool(false);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return kr_bool(cased);
}

// ---------------------------------------------------------------------------
// Padding, expandtabs

static KrObject *pad(KrThreadState *ts, KrObject *self, KrSsize left, KrSsize right, char fill) {
    Buf b = buf_of(self);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return make_like(ts, self, b.d, b.n);
    KrSsize total = left + b.n + right;
    KrObject *r = is_ba(self) ? krByteArray_from_data(ts, NULL, total) : krBytes_alloc(ts, total);
    if (!r) return NULL;
    char *o = is_ba(self) ? ((KrByteArrayObject *)r)->data : krBytes_data(r);
    memset(o, fill, (size_t)left);
    memcpy(o + left, b.d, (size_t)b.n);
    memset(o + left + b.n, fill, (size_t)right);
    return r;
}

static int pad_args(KrThreadState *ts, const char *name, KrObject *const *args, KrSsize nargs, KrSsize *width,
                    char *fill) {
    if (krArg_check_positional(ts, name, nargs, 1, 2) < 0) return -1;
    if (!krNum_is_index(args[0])) {
        krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return -1;
    }
    *width = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (*width == -1 && krErr_occurred(ts)) return -1;
    *fill = ' ';
    if (nargs > 1) {
        Buf f;
        if (!krBytes_has_buffer(args[1]) || arg_buf(ts, args[1], &f) < 0 || f.n != 1) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                         krArg_type_name(args[1]));
            return -1;
        }
        *fill = f.d[0];
    }
    return 0;
}

DECL_FAST(center);
DECL_FAST(center) {
    KrSsize width;
    char fill;
    if (pad_args(ts, "center", args, nargs, &width, &fill) < 0) return NULL;
    KrSsize marg = width - buf_of(self).n;
    if (marg <= 0) return pad(ts, self, 0, 0, fill);
    KrSsize left = marg / 2 + (marg & width & 1);
    return pad(ts, self, left, marg - left, fill);
}

DECL_FAST(ljust);
DECL_FAST(ljust) {
    KrSsize width;
    char fill;
    if (pad_args(ts, "ljust", args, nargs, &width, &fill) < 0) return NULL;
    return pad(ts, self, 0, width - buf_of(self).n, fill);
}

DECL_FAST(rjust);
DECL_FAST(rjust) {
    KrSsize width;
    char fill;
    if (pad_args(ts, "rjust", args, nargs, &width, &fill) < 0) return NULL;
    return pad(ts, self, width - buf_of(self).n, 0, fill);
}

DECL_O(zfill);
DECL_O(zfill) {
    if (!krNum_is_index(arg))
        return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
    KrSsize width = krNum_as_ssize(ts, arg, &KrExc_OverflowError);
    if (width == -1 && krErr_occurred(ts)) return NULL;
    Buf b = buf_of(self);
    if (width <= b.n) return make_like(ts, self, b.d, b.n);
    KrObject *r = pad(ts, self, width - b.n, 0, '0');
    if (!r) return NULL;
    char *o = is_ba(self) ? ((KrByteArrayObject *)r)->data : krBytes_data(r);
    if (b.n > 0 && (b.d[0] == '+' || b.d[0] == '-')) {
        o[0] = b.d[0];
        o[width - b.n] = '0';
    }
    return r;
}

DECL_FASTKW(expandtabs);
DECL_FASTKW(expandtabs) {
    static const char *const names[] = {"tabsize"};
    KrObject *a[1];
    if (krArg_parse(ts, "expandtabs", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    KrSsize tabsize = 8;
    if (a[0]) {
        tabsize = krNum_as_ssize(ts, a[0], &KrExc_OverflowError);
        if (tabsize == -1 && krErr_occurred(ts)) return NULL;
    }
    Buf b = buf_of(self);
    KrByteBuilder bb;
    krBB_init(&bb);
    KrSsize col = 0;
    for (KrSsize i = 0; i < b.n; i++) {
        char c = b.d[i];
        int r;
        if (c == '\t') {
            KrSsize spaces = tabsize > 0 ? tabsize - col % tabsize : 0;
            r = krBB_reserve(ts, &bb, spaces);
            if (r == 0) {
                memset(bb.buf + bb.size, ' ', (size_t)spaces);
                bb.size += spaces;
                col += spaces;
            }
        } else {
            r = krBB_append_byte(ts, &bb, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (r < 0) {
            krBB_discard(&bb);
            return NULL;
        }
    }
    return krBB_finish(ts, &bb, is_ba(self));
}

// ---------------------------------------------------------------------------
// translate, maketrans

DECL_FASTKW(translate);
DECL_FASTKW(translate) {
    static const char *const names[] = {"table", "delete"};
    KrObject *a[2];
    if (krArg_parse(ts, "translate", args, nargs, kwnames, names, 2, 1, 2, 1, a) < 0) return NULL;
    Buf table = {NULL, 0}, del = {NULL, 0}, b = buf_of(self);
    if (a[0] != KR_NONE) {
        if (arg_buf(ts, a[0], &table) < 0) return NULL;
        if (table.n != 256) {
            krErr_set_string(ts, &KrExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (a[1] && arg_buf(ts, a[1], &del) < 0) return NULL;
    bool drop[256] = {false};
    for (KrSsize i = 0; i < del.n; i++) drop[(unsigned char)del.d[i]] = true;
    KrByteBuilder bb;
    krBB_init(&bb);
    for (KrSsize i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        if (drop[c]) continue;
        if (krBB_append_byte(ts, &bb, table.d ? (unsigned char)table.d[c] : c) < 0) {
            krBB_discard(&bb);
            return NULL;
        }
    }
    return krBB_finish(ts, &bb, is_ba(self));
}

KrObject *krBytesMeth_maketrans(KrThreadState *ts, KrObject *unused, KrObject *const *args, KrSsize nargs);
KrObject *krBytesMeth_maketrans(KrThreadState *ts, KrObject *unused, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "maketrans", nargs, 2, 2) < 0) return NULL;
    Buf from, to;
    if (arg_buf(ts, args[0], &from) < 0 || arg_buf(ts, args[1], &to) < 0) return NULL;
    if (from.n != to.n) {
        krErr_set_string(ts, &KrExc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    KrObject *r = krBytes_alloc(ts, 256);
    if (!r) return NULL;
    char *o = krBytes_data(r);
    for (int i = 0; i < 256; i++) o[i] = (char)i;
    for (KrSsize i = 0; i < from.n; i++) o[(unsigned char)from.d[i]] = to.d[i];
    return r;
}

// ---------------------------------------------------------------------------
// `%` formatting

typedef struct {
    KrObject *args, *dict;
    KrSsize arglen, argidx;
} BCtx;

static KrObject *b_next_arg(KrThreadState *ts, BCtx *c) {
    if (c->argidx < c->arglen) {
        KrSsize i = c->argidx++;
        return c->arglen < 0 ? c->args : KR_TUPLE_GET(c->args, i);
    }
    krErr_set_string(ts, &KrExc_TypeError, "not enough arguments for format string");
    return NULL;
}

// The bytes for %s / %b: new bytes reference.
static KrObject *b_bytes_of(KrThreadState *ts, KrObject *v) {
    if (krBytes_has_buffer(v)) {
        Buf b;
        if (arg_buf(ts, v, &b) < 0) return NULL;
        return krBytes_from_data(ts, b.d, b.n);
    }
    int found = 0;
    KrObject *r = krObj_call_special(ts, v, KR_ID(__bytes__), NULL, 0, &found);
    if (found) {
        if (r && !krBytes_check(r)) {
            krErr_format(ts, &KrExc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
            KR_CLEAR(r);
        }
        return r;
    }
    if (krErr_occurred(ts)) return NULL;
    return krErr_format(ts, &KrExc_TypeError,
                        "%%b requires a bytes-like object, or an object that implements __bytes__, not '%T'", v);
}

// Formats one conversion starting after '%' at f[*pos].
static int b_one(KrThreadState *ts, KrByteBuilder *bb, BCtx *c, const char *f, KrSsize n, KrSsize *pos) {
    KrSsize i = *pos, spec_start = i;
    if (i < n && f[i] == '%') {
        *pos = i + 1;
        return krBB_append_byte(ts, bb, '%');
    }
    KrObject *keyed = NULL;
    if (i < n && f[i] == '(') {
        if (!c->dict) {
            krErr_set_string(ts, &KrExc_TypeError, "format requires a mapping");
            return -1;
        }
        KrSsize depth = 1, k = ++i;
        while (k < n && depth) {
            if (f[k] == '(') depth++;
            else if (f[k] == ')') depth--;
            k++;
        }
        if (depth) {
            krErr_set_string(ts, &KrExc_ValueError, "incomplete format key");
            return -1;
        }
        KrObject *key = krBytes_from_data(ts, f + i, k - 1 - i);
        keyed = key ? krObj_getitem(ts, c->dict, key) : NULL;
        kr_xdecref(key);
        if (!keyed) return -1;
        i = k;
        spec_start = i;
    }
    int r = -1;
    // Flags, width and precision are validated by the str formatter; here we
    // collect them, resolving '*' from the arguments.
    char spec[96];
    int sn = 0;
    spec[sn++] = '%';
    KrObject *star[2] = {NULL, NULL};
    int nstar = 0;
    while (i < n && strchr("-+ #0123456789.*hlL", f[i]) && sn < 90) {
        if (f[i] == '*') {
            KrObject *v = b_next_arg(ts, c);
            if (!v) goto done;
            star[nstar++] = v;
        }
        spec[sn++] = f[i++];
    }
    if (i >= n) {
        krErr_set_string(ts, &KrExc_ValueError, "incomplete format");
        goto done;
    }
    char conv = f[i++];
    KrObject *v = keyed ? keyed : b_next_arg(ts, c);
    if (!v) goto done;
    KrObject *tmp = NULL;
    if (conv == 's' || conv == 'b' || conv == 'r' || conv == 'a' || conv == 'c') {
        // Produce the raw bytes, then pad through the str formatter with %s
        // on a latin-1 view so that width and '-' behave identically.
        KrObject *raw = NULL;
        if (conv == 's' || conv == 'b') {
            raw = b_bytes_of(ts, v);
        } else if (conv == 'c') {
            if (krBytes_has_buffer(v)) {
                Buf b;
                if (arg_buf(ts, v, &b) < 0) goto done;
                if (b.n != 1) {
                    krErr_set_string(ts, &KrExc_TypeError, "%c requires an integer in range(256) or a single byte");
                    goto done;
                }
                raw = krBytes_from_data(ts, b.d, 1);
            } else if (krInt_check(v)) {
                int64_t x;
                if (!krInt_to_i64(v, &x) || x < 0 || x > 255) {
                    krErr_set_string(ts, &KrExc_OverflowError, "%c arg not in range(256)");
                    goto done;
                }
                char ch = (char)x;
                raw = krBytes_from_data(ts, &ch, 1);
            } else {
                krErr_set_string(ts, &KrExc_TypeError, "%c requires an integer in range(256) or a single byte");
                goto done;
            }
        } else {
            KrObject *s = krObj_ascii(ts, v);
            raw = s ? krBytes_from_data(ts, krStr_utf8(s), krStr_size(s)) : NULL;
            kr_xdecref(s);
        }
        if (!raw) goto done;
        KrObject *latin = krStr_decode(ts, krBytes_data(raw), krBytes_size(raw), "latin-1", NULL);
        kr_decref(raw);
        if (!latin) goto done;
        spec[sn++] = 's';
        spec[sn] = 0;
        KrObject *fmt = krStr_from_ascii(ts, spec, sn);
        KrObject *targs = NULL;
        if (fmt) {
            KrObject *items[3];
            int k = 0;
            for (int s = 0; s < nstar; s++) items[k++] = star[s];
            items[k++] = latin;
            targs = krTuple_from_array(ts, items, k);
        }
        tmp = targs ? krStr_percent_format(ts, fmt, targs) : NULL;
        kr_xdecref(fmt);
        kr_xdecref(targs);
        kr_decref(latin);
        if (tmp) {
            KrObject *enc = krStr_encode(ts, tmp, "latin-1", NULL);
            kr_decref(tmp);
            tmp = enc;
        }
    } else {
        spec[sn++] = conv;
        spec[sn] = 0;
        KrObject *fmt = krStr_from_ascii(ts, spec, sn);
        KrObject *items[3];
        int k = 0;
        for (int s = 0; s < nstar; s++) items[k++] = star[s];
        items[k++] = v;
        KrObject *targs = fmt ? krTuple_from_array(ts, items, k) : NULL;
        KrObject *s = targs ? krStr_percent_format(ts, fmt, targs) : NULL;
        kr_xdecref(fmt);
        kr_xdecref(targs);
        if (!s && krErr_matches(ts, &KrExc_ValueError)) {
            // Report the index within the bytes format.
            krErr_clear(ts);
            krErr_format(ts, &KrExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                         conv >= 31 && conv <= 126 ? conv : '?', (unsigned char)conv, i - 1);
        }
        tmp = s ? krStr_encode(ts, s, "ascii", NULL) : NULL;
        kr_xdecref(s);
    }
    (void)spec_start;
    if (!tmp) goto done;
    r = krBB_append(ts, bb, krBytes_data(tmp), krBytes_size(tmp));
    kr_decref(tmp);
done:
    kr_xdecref(keyed);
    *pos = i;
    return r;
}

KrObject *krBytes_percent_format(KrThreadState *ts, const char *f, KrSsize n, KrObject *args, bool bytearray) {
    BCtx c = {.args = args, .dict = NULL};
    if (krTuple_check(args)) {
        c.arglen = KR_TUPLE_SIZE(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    if (!krTuple_check(args) && !krBytes_check(args) && !krStr_check(args) && KR_TYPE(args)->mp_subscript)
        c.dict = args;
    KrByteBuilder bb;
    krBB_init(&bb);
    KrSsize i = 0;
    while (i < n) {
        const char *pct = memchr(f + i, '%', (size_t)(n - i));
        KrSsize j = pct ? pct - f : n;
        if (j > i && krBB_append(ts, &bb, f + i, j - i) < 0) goto fail;
        if (!pct) break;
        i = j + 1;
        if (b_one(ts, &bb, &c, f, n, &i) < 0) goto fail;
    }
    if (c.argidx < c.arglen && !c.dict) {
        krErr_set_string(ts, &KrExc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    return krBB_finish(ts, &bb, bytearray);
fail:
    krBB_discard(&bb);
    return NULL;
}

// ---------------------------------------------------------------------------
// Method tables

// CPython's size for a bytes object of the same length.
static KrObject *bytes_sizeof(KrThreadState *ts, KrObject *self) { return krInt_from_ssize(ts, 33 + krBytes_size(self)); }

#define SHARED_DEF(name, flags) {#name, KR_CFUNC(krBytesMeth_##name), flags, NULL},
#define SHARED_METHODS                                                                     \
    KR_BYTES_SHARED_FUNCS(SHARED_DEF)                                                      \
    {"fromhex", KR_CFUNC(krBytesMeth_fromhex), KR_METH_O | KR_METH_CLASS, NULL},           \
    {"maketrans", KR_CFUNC(krBytesMeth_maketrans), KR_METH_FAST | KR_METH_STATIC, NULL},

const KrMethodDef kr_bytes_methods[] = {
    SHARED_METHODS
    {"__getnewargs__", KR_CFUNC(krBytes_getnewargs_meth), KR_METH_NOARGS, NULL},
    {"__sizeof__", KR_CFUNC(bytes_sizeof), KR_METH_NOARGS, NULL},
    {"__bytes__", KR_CFUNC(krBytes_bytes_meth), KR_METH_NOARGS, "Convert this value to exact type bytes."},
    {NULL, NULL, 0, NULL},
};

#define OWN_DEF(name, flags) {#name, KR_CFUNC(krByteArray_##name##_meth), flags, NULL},
const KrMethodDef kr_bytearray_methods[] = {
    SHARED_METHODS
    KR_BYTEARRAY_OWN_METHODS(OWN_DEF)
    {NULL, NULL, 0, NULL},
};
