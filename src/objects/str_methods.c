/*
 * str_methods.c — str's searching and splitting methods (find, count, index,
 * startswith, split, rsplit, splitlines, partition, join, replace, strip,
 * removeprefix...) and the method table of str.
 *
 * Searches run on the UTF-8 bytes (memmem): UTF-8 is self-synchronising, so a
 * byte match of a valid needle always starts on a character boundary.  Code
 * point indices are converted to byte offsets only at the ends of a search
 * (through the lazy index) and back by counting lead bytes; for ASCII strings
 * both conversions are the identity.
 *
 * Related: str_case.c (case mapping, predicates, translate, padding),
 * str_format.c (format, format_map, __format__).
 */
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Helpers

// A new str for the bytes [p, p+n) of `s` (a str).
static KrObject *sub_bytes(KrThreadState *ts, KrObject *s, const char *p, KrSsize n) {
    if (n == krStr_size(s) && krStr_check_exact(s)) return kr_newref(s);
    return krStr_is_ascii(s) ? krStr_from_ascii(ts, p, n) : krStr_from_utf8(ts, p, n);
}

KrSsize krStr_find_bytes(const char *h, KrSsize hn, const char *n, KrSsize nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    const char *r = nn == 1 ? memchr(h, n[0], (size_t)hn) : memmem(h, (size_t)hn, n, (size_t)nn);
    return r ? r - h : -1;
}

KrSsize krStr_rfind_bytes(const char *h, KrSsize hn, const char *n, KrSsize nn) {
    if (nn == 0) return hn;
    if (nn > hn) return -1;
    KrSsize limit = hn - nn + 1;   // candidates are [0, limit)
    while (limit > 0) {
        const char *r = memrchr(h, n[0], (size_t)limit);
        if (!r) return -1;
        if (memcmp(r, n, (size_t)nn) == 0) return r - h;
        limit = r - h;
    }
    return -1;
}

// Converts an optional start/end argument (None or __index__).  0 or -1.
int krStr_slice_index(KrThreadState *ts, KrObject *o, KrSsize *out) {
    if (!o || o == KR_NONE) return 0;
    if (kr_is_smallint(o)) {
        *out = (KrSsize)kr_smallint_value(o);
        return 0;
    }
    if (!krNum_is_index(o)) {
        krErr_set_string(ts, &KrExc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    KrSsize v = krNum_as_ssize(ts, o, NULL);
    if (v == -1 && krErr_occurred(ts)) return -1;
    *out = v;
    return 0;
}

int krStr_check_sub_nargs(KrThreadState *ts, const char *name, KrSsize nargs) {
    if (nargs < 1) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes at least 1 argument (%zd given)", name, nargs);
        return -1;
    }
    if (nargs > 3) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    return 0;
}

static void adjust_indices(KrSsize *start, KrSsize *end, KrSsize len) {
    if (*end > len) *end = len;
    else if (*end < 0 && (*end += len) < 0) *end = 0;
    if (*start < 0 && (*start += len) < 0) *start = 0;
}

// Parses (sub[, start[, end]]) for count/find/index/...: the substring (any
// object, checked by the caller) and the adjusted code point range.
static int parse_sub_args(KrThreadState *ts, const char *name, KrObject *self, KrObject *const *args, KrSsize nargs,
                          KrObject **sub, KrSsize *start, KrSsize *end) {
    if (krStr_check_sub_nargs(ts, name, nargs) < 0) return -1;
    *sub = args[0];
    *start = 0;
    *end = KR_SSIZE_MAX;
    if (nargs > 1 && krStr_slice_index(ts, args[1], start) < 0) return -1;
    if (nargs > 2 && krStr_slice_index(ts, args[2], end) < 0) return -1;
    adjust_indices(start, end, krStr_len(self));
    return 0;
}

static int need_str(KrThreadState *ts, KrObject *o) {
    if (krStr_check(o)) return 0;
    krErr_format(ts, &KrExc_TypeError, "must be str, not %T", o);
    return -1;
}

// Byte range of code points [start, end) of s (start <= end <= len).
static int byte_range(KrThreadState *ts, KrObject *s, KrSsize start, KrSsize end, KrSsize *b0, KrSsize *b1) {
    if (krStr_is_ascii(s)) {
        *b0 = start;
        *b1 = end;
        return 0;
    }
    *b0 = krStr_byte_offset(ts, s, start);
    if (*b0 < 0) return -1;
    *b1 = end >= krStr_len(s) ? krStr_size(s) : krStr_byte_offset(ts, s, end);
    return *b1 < 0 ? -1 : 0;
}

// Code point index of byte offset `b`, knowing that byte offset b0 is code point c0.
static KrSsize cp_index(KrObject *s, KrSsize b0, KrSsize c0, KrSsize b) {
    if (krStr_is_ascii(s)) return b;
    return c0 + krUtf8_count(krStr_utf8(s) + b0, b - b0);
}

// find/rfind core: code point index or -1; -2 on error.
static KrSsize find_impl(KrThreadState *ts, KrObject *s, KrObject *sub, KrSsize start, KrSsize end, int dir) {
    KrSsize sublen = krStr_len(sub);
    if (end - start < sublen) return -1;
    if (sublen == 0) return dir > 0 ? start : end;
    KrSsize b0, b1;
    if (byte_range(ts, s, start, end, &b0, &b1) < 0) return -2;
    const char *d = krStr_utf8(s);
    KrSsize r = dir > 0 ? krStr_find_bytes(d + b0, b1 - b0, krStr_utf8(sub), krStr_size(sub))
                        : krStr_rfind_bytes(d + b0, b1 - b0, krStr_utf8(sub), krStr_size(sub));
    return r < 0 ? -1 : cp_index(s, b0, start, b0 + r);
}

static KrObject *find_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             const char *name, int dir, bool raise) {
    KrObject *sub;
    KrSsize start, end;
    if (parse_sub_args(ts, name, self, args, nargs, &sub, &start, &end) < 0 || need_str(ts, sub) < 0) return NULL;
    KrSsize r = find_impl(ts, self, sub, start, end, dir);
    if (r == -2) return NULL;
    if (r == -1 && raise) {
        krErr_set_string(ts, &KrExc_ValueError, "substring not found");
        return NULL;
    }
    return krInt_from_ssize(ts, r);
}

static KrObject *str_find(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return find_common(ts, self, args, nargs, "find", 1, false);
}
static KrObject *str_rfind(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return find_common(ts, self, args, nargs, "rfind", -1, false);
}
static KrObject *str_index(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return find_common(ts, self, args, nargs, "index", 1, true);
}
static KrObject *str_rindex(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return find_common(ts, self, args, nargs, "rindex", -1, true);
}

static KrObject *str_count(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrObject *sub;
    KrSsize start, end;
    if (parse_sub_args(ts, "count", self, args, nargs, &sub, &start, &end) < 0 || need_str(ts, sub) < 0) return NULL;
    KrSsize sublen = krStr_len(sub);
    if (end - start < sublen) return kr_smallint(0);
    if (sublen == 0) return krInt_from_ssize(ts, end - start + 1);
    KrSsize b0, b1;
    if (byte_range(ts, self, start, end, &b0, &b1) < 0) return NULL;
    const char *p = krStr_utf8(self) + b0, *n = krStr_utf8(sub);
    KrSsize hn = b1 - b0, nn = krStr_size(sub), count = 0;
    for (;;) {
        KrSsize r = krStr_find_bytes(p, hn, n, nn);
        if (r < 0) break;
        count++;
        p += r + nn;
        hn -= r + nn;
    }
    return krInt_from_ssize(ts, count);
}

// startswith / endswith
static int tail_match(KrThreadState *ts, KrObject *self, KrObject *sub, KrSsize start, KrSsize end, int dir) {
    KrSsize sublen = krStr_len(sub);
    if (start > krStr_len(self)) return 0;
    if (end - start < sublen) return 0;
    if (sublen == 0) return 1;
    KrSsize b0, b1;
    if (byte_range(ts, self, start, end, &b0, &b1) < 0) return -1;
    KrSsize nn = krStr_size(sub);
    if (b1 - b0 < nn) return 0;
    const char *d = krStr_utf8(self);
    return memcmp(dir < 0 ? d + b0 : d + b1 - nn, krStr_utf8(sub), (size_t)nn) == 0;
}

static KrObject *startsend(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           const char *name, int dir) {
    KrObject *sub;
    KrSsize start, end;
    if (parse_sub_args(ts, name, self, args, nargs, &sub, &start, &end) < 0) return NULL;
    if (krTuple_check(sub)) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(sub); i++) {
            KrObject *x = KR_TUPLE_GET(sub, i);
            if (!krStr_check(x))
                return krErr_format(ts, &KrExc_TypeError, "tuple for %s must only contain str, not %T", name, x);
            int r = tail_match(ts, self, x, start, end, dir);
            if (r < 0) return NULL;
            if (r) return kr_bool(true);
        }
        return kr_bool(false);
    }
    if (!krStr_check(sub))
        return krErr_format(ts, &KrExc_TypeError, "%s first arg must be str or a tuple of str, not %T", name, sub);
    int r = tail_match(ts, self, sub, start, end, dir);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *str_startswith(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return startsend(ts, self, args, nargs, "startswith", -1);
}
static KrObject *str_endswith(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return startsend(ts, self, args, nargs, "endswith", 1);
}

// ---------------------------------------------------------------------------
// split, rsplit, splitlines

static int list_append_steal(KrThreadState *ts, KrObject *list, KrObject *item) {
    if (!item) return -1;
    int r = krList_append(ts, list, item);
    kr_decref(item);
    return r;
}

// Decodes the code point ending just before byte offset `b` (b > 0); sets *start.
static uint32_t decode_prev(const char *d, KrSsize b, KrSsize *start) {
    KrSsize s = b - 1;
    while (s > 0 && ((unsigned char)d[s] & 0xC0) == 0x80) s--;
    *start = s;
    const char *p = d + s;
    return krUtf8_decode(&p);
}

static inline bool space_at(const char *d, KrSsize b, KrSsize *next) {
    unsigned char c = (unsigned char)d[b];
    if (c < 0x80) {
        *next = b + 1;
        return (kr_ascii_ctype[c] & KR_CT_SPACE) != 0;
    }
    const char *p = d + b;
    uint32_t cp = krUtf8_decode(&p);
    *next = p - d;
    return krUnicode_isspace_slow(cp);
}

static KrObject *split_whitespace(KrThreadState *ts, KrObject *s, KrSsize maxsplit) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    const char *d = krStr_utf8(s);
    KrSsize n = krStr_size(s), i = 0, next;
    while (i < n) {
        while (i < n && space_at(d, i, &next)) i = next;
        if (i >= n) break;
        if (maxsplit-- == 0) {
            // Remainder, with trailing whitespace kept (CPython strips only leading).
            if (list_append_steal(ts, list, sub_bytes(ts, s, d + i, n - i)) < 0) goto fail;
            return list;
        }
        KrSsize j = i;
        while (j < n && !space_at(d, j, &next)) j = next;
        if (list_append_steal(ts, list, sub_bytes(ts, s, d + i, j - i)) < 0) goto fail;
        i = j;
    }
    return list;
fail:
    kr_decref(list);
    return NULL;
}

static KrObject *rsplit_whitespace(KrThreadState *ts, KrObject *s, KrSsize maxsplit) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    const char *d = krStr_utf8(s);
    KrSsize i = krStr_size(s), st, nx;
    while (i > 0) {
        // Skip trailing whitespace.
        for (;;) {
            if (i <= 0) break;
            uint32_t c = decode_prev(d, i, &st);
            if (!krUnicode_isspace(c)) break;
            i = st;
        }
        if (i <= 0) break;
        if (maxsplit-- == 0) {
            if (list_append_steal(ts, list, sub_bytes(ts, s, d, i)) < 0) goto fail;
            break;
        }
        KrSsize j = i;
        while (j > 0) {
            uint32_t c = decode_prev(d, j, &st);
            if (krUnicode_isspace(c)) break;
            j = st;
        }
        if (list_append_steal(ts, list, sub_bytes(ts, s, d + j, i - j)) < 0) goto fail;
        i = j;
    }
    (void)nx;
    krList_reverse(list);
    return list;
fail:
    kr_decref(list);
    return NULL;
}

static KrObject *split_sep(KrThreadState *ts, KrObject *s, KrObject *sep, KrSsize maxsplit, int dir) {
    KrSsize nn = krStr_size(sep);
    if (nn == 0) {
        krErr_set_string(ts, &KrExc_ValueError, "empty separator");
        return NULL;
    }
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    const char *d = krStr_utf8(s), *n = krStr_utf8(sep);
    KrSsize len = krStr_size(s);
    if (dir > 0) {
        KrSsize i = 0;
        while (maxsplit-- != 0) {
            KrSsize r = krStr_find_bytes(d + i, len - i, n, nn);
            if (r < 0) break;
            if (list_append_steal(ts, list, sub_bytes(ts, s, d + i, r)) < 0) goto fail;
            i += r + nn;
        }
        if (list_append_steal(ts, list, sub_bytes(ts, s, d + i, len - i)) < 0) goto fail;
    } else {
        KrSsize j = len;
        while (maxsplit-- != 0) {
            KrSsize r = krStr_rfind_bytes(d, j, n, nn);
            if (r < 0) break;
            if (list_append_steal(ts, list, sub_bytes(ts, s, d + r + nn, j - r - nn)) < 0) goto fail;
            j = r;
        }
        if (list_append_steal(ts, list, sub_bytes(ts, s, d, j)) < 0) goto fail;
        krList_reverse(list);
    }
    return list;
fail:
    kr_decref(list);
    return NULL;
}

static KrObject *split_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames, const char *name, int dir) {
    static const char *const names[] = {"sep", "maxsplit"};
    KrObject *a[2];
    if (krArg_parse(ts, name, args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    KrSsize maxsplit = -1;
    if (a[1]) {
        if (!krInt_check(a[1]) && !krNum_is_index(a[1]))
            return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
        maxsplit = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (maxsplit == -1 && krErr_occurred(ts)) return NULL;
    }
    if (maxsplit < 0) maxsplit = KR_SSIZE_MAX;
    if (!a[0] || a[0] == KR_NONE)
        return dir > 0 ? split_whitespace(ts, self, maxsplit) : rsplit_whitespace(ts, self, maxsplit);
    if (!krStr_check(a[0])) return krErr_format(ts, &KrExc_TypeError, "must be str or None, not %T", a[0]);
    return split_sep(ts, self, a[0], maxsplit, dir);
}

static KrObject *str_split(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return split_common(ts, self, args, nargs, kw, "split", 1);
}
static KrObject *str_rsplit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return split_common(ts, self, args, nargs, kw, "rsplit", -1);
}

static KrObject *str_splitlines(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"keepends"};
    KrObject *a[1];
    if (krArg_parse(ts, "splitlines", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    int keep = 0;
    if (a[0]) {
        if (!krNum_is_index(a[0]))
            return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
        keep = krObj_is_true(ts, a[0]);
        if (keep < 0) return NULL;
    }
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    const char *d = krStr_utf8(self);
    KrSsize n = krStr_size(self), i = 0;
    while (i < n) {
        KrSsize j = i, eol = -1, next = n;
        while (j < n) {
            unsigned char c = (unsigned char)d[j];
            if (c < 0x80) {
                if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) {
                    eol = j;
                    next = j + 1;
                    if (c == '\r' && j + 1 < n && d[j + 1] == '\n') next = j + 2;
                    break;
                }
                j++;
                continue;
            }
            const char *p = d + j;
            uint32_t cp = krUtf8_decode(&p);
            if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                eol = j;
                next = p - d;
                break;
            }
            j = p - d;
        }
        KrSsize stop = eol < 0 ? n : (keep ? next : eol);
        if (list_append_steal(ts, list, sub_bytes(ts, self, d + i, stop - i)) < 0) {
            kr_decref(list);
            return NULL;
        }
        i = next;
    }
    return list;
}

// ---------------------------------------------------------------------------
// partition, rpartition

static KrObject *partition_common(KrThreadState *ts, KrObject *self, KrObject *sep, int dir) {
    if (!krStr_check(sep)) return krErr_format(ts, &KrExc_TypeError, "must be str, not %T", sep);
    KrSsize nn = krStr_size(sep);
    if (nn == 0) {
        krErr_set_string(ts, &KrExc_ValueError, "empty separator");
        return NULL;
    }
    const char *d = krStr_utf8(self);
    KrSsize n = krStr_size(self);
    KrSsize r = dir > 0 ? krStr_find_bytes(d, n, krStr_utf8(sep), nn) : krStr_rfind_bytes(d, n, krStr_utf8(sep), nn);
    KrObject *a, *b, *c;
    if (r < 0) {
        KrObject *whole = sub_bytes(ts, self, d, n);
        if (!whole) return NULL;
        a = dir > 0 ? whole : krStr_empty();
        c = dir > 0 ? krStr_empty() : whole;
        b = krStr_empty();
    } else {
        a = sub_bytes(ts, self, d, r);
        c = sub_bytes(ts, self, d + r + nn, n - r - nn);
        b = kr_newref(sep);
        if (!krStr_check_exact(sep)) {
            kr_decref(b);
            b = krStr_from_utf8(ts, krStr_utf8(sep), nn);
        }
        if (!a || !b || !c) {
            kr_xdecref(a);
            kr_xdecref(b);
            kr_xdecref(c);
            return NULL;
        }
    }
    KrObject *items[3] = {a, b, c};
    return krTuple_from_array_steal(ts, items, 3);
}

static KrObject *str_partition(KrThreadState *ts, KrObject *self, KrObject *sep) {
    return partition_common(ts, self, sep, 1);
}
static KrObject *str_rpartition(KrThreadState *ts, KrObject *self, KrObject *sep) {
    return partition_common(ts, self, sep, -1);
}

// ---------------------------------------------------------------------------
// join

KrObject *krStr_join(KrThreadState *ts, KrObject *sep, KrObject *iterable) {
    KrObject *seq = krSeq_fast(ts, iterable, "can only join an iterable");
    if (!seq) return NULL;
    KrObject *const *items = krList_check(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    KrSsize n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
    KrObject *r = NULL;
    if (n == 0) {
        r = krStr_empty();
        goto done;
    }
    if (n == 1 && krStr_check_exact(items[0])) {
        r = kr_newref(items[0]);
        goto done;
    }
    KrSsize seplen = krStr_size(sep), total = 0, length = 0;
    bool ascii = krStr_is_ascii(sep);
    for (KrSsize i = 0; i < n; i++) {
        KrObject *x = items[i];
        if (!krStr_check(x)) {
            krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected str instance, %T found", i, x);
            goto done;
        }
        if (krStr_size(x) > KR_STR_MAX_SIZE - total - seplen) {
            krErr_set_string(ts, &KrExc_OverflowError, "join() result is too long for a Python string");
            goto done;
        }
        total += krStr_size(x) + (i ? seplen : 0);
        length += krStr_len(x);
        ascii = ascii && krStr_is_ascii(x);
    }
    length += krStr_len(sep) * (n - 1);
    r = krStr_alloc(ts, total, length, ascii);
    if (!r) goto done;
    char *o = krStr_raw_data(r);
    const char *sd = krStr_utf8(sep);
    for (KrSsize i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(o, sd, (size_t)seplen);
            o += seplen;
        }
        KrSsize k = krStr_size(items[i]);
        memcpy(o, krStr_utf8(items[i]), (size_t)k);
        o += k;
    }
done:
    kr_decref(seq);
    return r;
}

static KrObject *str_join_meth(KrThreadState *ts, KrObject *self, KrObject *iterable) {
    return krStr_join(ts, self, iterable);
}

// ---------------------------------------------------------------------------
// replace

KrObject *krStr_replace(KrThreadState *ts, KrObject *s, KrObject *old, KrObject *new_, KrSsize maxcount) {
    if (maxcount < 0) maxcount = KR_SSIZE_MAX;
    const char *d = krStr_utf8(s), *od = krStr_utf8(old), *nd = krStr_utf8(new_);
    KrSsize n = krStr_size(s), on = krStr_size(old), nn = krStr_size(new_);
    // Count the replacements first so the result is allocated once.
    KrSsize count = 0;
    if (on == 0) {
        count = krStr_len(s) + 1;
        if (count > maxcount) count = maxcount;
    } else {
        KrSsize i = 0;
        while (count < maxcount) {
            KrSsize r = krStr_find_bytes(d + i, n - i, od, on);
            if (r < 0) break;
            count++;
            i += r + on;
        }
    }
    if (count == 0) return sub_bytes(ts, s, d, n);
    if (nn > on && count > (KR_STR_MAX_SIZE - n) / (nn - on)) {
        krErr_set_string(ts, &KrExc_OverflowError, "replace string is too long");
        return NULL;
    }
    KrSsize total = n + count * (nn - on);
    KrSsize length = krStr_len(s) + count * (krStr_len(new_) - krStr_len(old));
    KrObject *r = krStr_alloc(ts, total, length, krStr_is_ascii(s) && krStr_is_ascii(new_));
    if (!r) return NULL;
    char *o = krStr_raw_data(r);
    KrSsize i = 0;
    for (KrSsize k = 0; k < count; k++) {
        KrSsize j;
        if (on == 0) {
            j = k == 0 ? 0 : kr_utf8_seqlen((unsigned char)d[i]);
        } else {
            j = krStr_find_bytes(d + i, n - i, od, on);
        }
        memcpy(o, d + i, (size_t)j);
        o += j;
        memcpy(o, nd, (size_t)nn);
        o += nn;
        i += j + on;
    }
    memcpy(o, d + i, (size_t)(n - i));
    return r;
}

static KrObject *str_replace(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "replace", nargs, 2, 3) < 0) return NULL;
    for (int i = 0; i < 2; i++)
        if (!krStr_check(args[i]))
            return krErr_format(ts, &KrExc_TypeError, "replace() argument %d must be str, not %s", i + 1,
                                krArg_type_name(args[i]));
    KrSsize count = -1;
    if (nargs > 2) {
        if (!krNum_is_index(args[2]))
            return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", args[2]);
        count = krNum_as_ssize(ts, args[2], &KrExc_OverflowError);
        if (count == -1 && krErr_occurred(ts)) return NULL;
    }
    return krStr_replace(ts, self, args[0], args[1], count);
}

// ---------------------------------------------------------------------------
// strip family, removeprefix/removesuffix

static bool in_chars(KrObject *chars, uint32_t c) {
    if (!chars) return krUnicode_isspace(c);
    char buf[4];
    int n = krUtf8_encode(c, buf);
    return krStr_find_bytes(krStr_utf8(chars), krStr_size(chars), buf, n) >= 0;
}

KrObject *krStr_strip(KrThreadState *ts, KrObject *s, KrObject *chars, int left, int right) {
    const char *d = krStr_utf8(s);
    KrSsize i = 0, j = krStr_size(s), st;
    if (left) {
        while (i < j) {
            const char *p = d + i;
            uint32_t c = krUtf8_decode(&p);
            if (!in_chars(chars, c)) break;
            i = p - d;
        }
    }
    if (right) {
        while (j > i) {
            uint32_t c = decode_prev(d, j, &st);
            if (!in_chars(chars, c)) break;
            j = st;
        }
    }
    return sub_bytes(ts, s, d + i, j - i);
}

static KrObject *strip_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              const char *name, int left, int right) {
    if (krArg_check_positional(ts, name, nargs, 0, 1) < 0) return NULL;
    KrObject *chars = nargs ? args[0] : NULL;
    if (chars == KR_NONE) chars = NULL;
    if (chars && !krStr_check(chars))
        return krErr_format(ts, &KrExc_TypeError, "%s arg must be None or str", name);
    return krStr_strip(ts, self, chars, left, right);
}

static KrObject *str_strip(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return strip_common(ts, self, args, nargs, "strip", 1, 1);
}
static KrObject *str_lstrip(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return strip_common(ts, self, args, nargs, "lstrip", 1, 0);
}
static KrObject *str_rstrip(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return strip_common(ts, self, args, nargs, "rstrip", 0, 1);
}

static KrObject *remove_affix(KrThreadState *ts, KrObject *self, KrObject *affix, const char *name, int dir) {
    if (!krStr_check(affix))
        return krErr_format(ts, &KrExc_TypeError, "%s() argument must be str, not %s", name, krArg_type_name(affix));
    const char *d = krStr_utf8(self);
    KrSsize n = krStr_size(self), an = krStr_size(affix);
    if (an <= n && memcmp(dir < 0 ? d : d + n - an, krStr_utf8(affix), (size_t)an) == 0 && an > 0)
        return sub_bytes(ts, self, dir < 0 ? d + an : d, n - an);
    return sub_bytes(ts, self, d, n);
}

static KrObject *str_removeprefix(KrThreadState *ts, KrObject *self, KrObject *a) {
    return remove_affix(ts, self, a, "removeprefix", -1);
}
static KrObject *str_removesuffix(KrThreadState *ts, KrObject *self, KrObject *a) {
    return remove_affix(ts, self, a, "removesuffix", 1);
}

// ---------------------------------------------------------------------------
// encode, __getnewargs__

static KrObject *str_encode(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    KrObject *a[2];
    if (krArg_parse(ts, "encode", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    static const char *const what[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++)
        if (a[i] && !krStr_check(a[i]))
            return krErr_format(ts, &KrExc_TypeError, "encode() argument '%s' must be str, not %s", what[i],
                                krArg_type_name(a[i]));
    return krStr_encode(ts, self, a[0] ? krStr_utf8(a[0]) : NULL, a[1] ? krStr_utf8(a[1]) : NULL);
}

static KrObject *str_getnewargs(KrThreadState *ts, KrObject *self) {
    KrObject *copy = krStr_from_utf8(ts, krStr_utf8(self), krStr_size(self));
    if (!copy) return NULL;
    KrObject *items[1] = {copy};
    return krTuple_from_array_steal(ts, items, 1);
}

// CPython's in-memory size for the same string (compact ASCII or compact
// Latin-1/UCS-2/UCS-4 layout), so sys.getsizeof agrees.
static KrObject *str_sizeof(KrThreadState *ts, KrObject *self) {
    KrSsize n = krStr_len(self);
    if (krStr_is_ascii(self)) return krInt_from_ssize(ts, 49 + n);
    uint8_t w = krStr_width(self);
    return krInt_from_ssize(ts, (w == 1 ? 73 : w == 2 ? 74 : 76) + n * w);
}

// ---------------------------------------------------------------------------
// The method table

#define M(name, fn, flags) {name, KR_CFUNC(fn), flags, NULL}
const KrMethodDef kr_str_methods[] = {
    M("encode", str_encode, KR_METH_FASTKW),
    M("replace", str_replace, KR_METH_FAST),
    M("split", str_split, KR_METH_FASTKW),
    M("rsplit", str_rsplit, KR_METH_FASTKW),
    M("join", str_join_meth, KR_METH_O),
    M("capitalize", krStr_capitalize_meth, KR_METH_NOARGS),
    M("casefold", krStr_casefold_meth, KR_METH_NOARGS),
    M("title", krStr_title_meth, KR_METH_NOARGS),
    M("center", krStr_center_meth, KR_METH_FAST),
    M("count", str_count, KR_METH_FAST),
    M("expandtabs", krStr_expandtabs_meth, KR_METH_FASTKW),
    M("find", str_find, KR_METH_FAST),
    M("partition", str_partition, KR_METH_O),
    M("index", str_index, KR_METH_FAST),
    M("ljust", krStr_ljust_meth, KR_METH_FAST),
    M("lower", krStr_lower_meth, KR_METH_NOARGS),
    M("lstrip", str_lstrip, KR_METH_FAST),
    M("rfind", str_rfind, KR_METH_FAST),
    M("rindex", str_rindex, KR_METH_FAST),
    M("rjust", krStr_rjust_meth, KR_METH_FAST),
    M("rstrip", str_rstrip, KR_METH_FAST),
    M("rpartition", str_rpartition, KR_METH_O),
    M("splitlines", str_splitlines, KR_METH_FASTKW),
    M("strip", str_strip, KR_METH_FAST),
    M("swapcase", krStr_swapcase_meth, KR_METH_NOARGS),
    M("translate", krStr_translate_meth, KR_METH_O),
    M("upper", krStr_upper_meth, KR_METH_NOARGS),
    M("startswith", str_startswith, KR_METH_FAST),
    M("endswith", str_endswith, KR_METH_FAST),
    M("removeprefix", str_removeprefix, KR_METH_O),
    M("removesuffix", str_removesuffix, KR_METH_O),
    M("isascii", krStr_isascii_meth, KR_METH_NOARGS),
    M("islower", krStr_islower_meth, KR_METH_NOARGS),
    M("isupper", krStr_isupper_meth, KR_METH_NOARGS),
    M("istitle", krStr_istitle_meth, KR_METH_NOARGS),
    M("isspace", krStr_isspace_meth, KR_METH_NOARGS),
    M("isdecimal", krStr_isdecimal_meth, KR_METH_NOARGS),
    M("isdigit", krStr_isdigit_meth, KR_METH_NOARGS),
    M("isnumeric", krStr_isnumeric_meth, KR_METH_NOARGS),
    M("isalpha", krStr_isalpha_meth, KR_METH_NOARGS),
    M("isalnum", krStr_isalnum_meth, KR_METH_NOARGS),
    M("isidentifier", krStr_isidentifier_meth, KR_METH_NOARGS),
    M("isprintable", krStr_isprintable_meth, KR_METH_NOARGS),
    M("zfill", krStr_zfill_meth, KR_METH_O),
    M("format", krStr_format_meth, KR_METH_FASTKW),
    M("format_map", krStr_format_map_meth, KR_METH_O),
    M("__format__", krStr_format_dunder, KR_METH_O),
    M("maketrans", krStr_maketrans_meth, KR_METH_FAST | KR_METH_STATIC),
    M("__getnewargs__", str_getnewargs, KR_METH_NOARGS),
    M("__sizeof__", str_sizeof, KR_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};
#undef M
