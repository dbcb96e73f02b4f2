/*
 * list.c — Python's list, its iterators, and the deallocation "trash" queue
 * shared by the container types.
 *
 * A list is a KrListObject: `items` points at a heap array of `allocated`
 * slots, the first ob_size of which hold strong references.  The growth
 * policy is CPython 3.11's (about 1/8 over-allocation, rounded to 4), so
 * sys.getsizeof trends match.  While list.sort() runs, the list is emptied and
 * `allocated` is -1 (see listsort.c); every operation here copes with an empty
 * list whose `items` is NULL.
 *
 * Mutation safety: any decref or comparison can run Python code that mutates
 * the list, so items are re-read after such calls and decrefs happen after the
 * list is consistent again (removed items are collected in a "recycle" array
 * and released at the end).
 *
 * Related: list.h, listsort.c (list.sort), container_util.h, tuple.c.
 */
#include "objects/genericalias.h"
#include "objects/list.h"

#include "objects/abstract.h"
#include "objects/container_util.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Storage

#define LIST_MAX_ITEMS ((KrSsize)(KR_SSIZE_MAX / (KrSsize)sizeof(KrObject *)) - 16)

// Makes room for `newsize` items and sets ob_size (CPython's list_resize).  The
// new slots are uninitialised.  0, or -1 with MemoryError.
static int list_resize(KrThreadState *ts, KrListObject *self, KrSsize newsize) {
    KrSsize allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        KR_SIZE(self) = newsize;
        return 0;
    }
    if (newsize > LIST_MAX_ITEMS) {
        krErr_no_memory(ts);
        return -1;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    // Signed on purpose: when shrinking the difference is negative and the
    // over-allocated size is kept (CPython compares the same way).
    if (newsize - KR_SIZE(self) > (KrSsize)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) new_allocated = 0;
    KrObject **items;
    if (new_allocated == 0) {
        krMem_free(self->items);
        items = NULL;
    } else {
        items = krMem_realloc(self->items, new_allocated * sizeof(KrObject *));
        if (!items) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    self->items = items;
    KR_SIZE(self) = newsize;
    self->allocated = (KrSsize)new_allocated;
    return 0;
}

// Sets the capacity of a list without storage to `n` rounded up to even (the
// allocator's granularity makes an odd count no cheaper; sys.getsizeof shows
// the rounding, as in CPython).  0 or -1.
static int list_preallocate_exact(KrThreadState *ts, KrListObject *self, KrSsize n) {
    if (n > LIST_MAX_ITEMS) {
        krErr_no_memory(ts);
        return -1;
    }
    n = (n + 1) & ~(KrSsize)1;
    KrObject **items = krMem_realloc(self->items, (size_t)(n ? n : 1) * sizeof(KrObject *));
    if (!items) {
        krErr_no_memory(ts);
        return -1;
    }
    self->items = items;
    self->allocated = n;
    return 0;
}

KrObject *krList_new(KrThreadState *ts, KrSsize n) {
    if (n < 0) return krErr_bad_internal_call(ts);
    if (n > LIST_MAX_ITEMS) return krErr_no_memory(ts);
    KrListObject *l = (KrListObject *)krObj_alloc(ts, &KrList_Type, 0);
    if (!l) return NULL;
    if (n > 0) {
        l->items = krMem_calloc((size_t)n, sizeof(KrObject *));
        if (!l->items) {
            krObj_free((KrObject *)l);
            return krErr_no_memory(ts);
        }
    }
    KR_SIZE(l) = n;
    l->allocated = n;
    krGC_track((KrObject *)l);
    return (KrObject *)l;
}

KrObject *krList_from_array(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    KrObject *l = krList_new(ts, n);
    if (!l) return NULL;
    for (KrSsize i = 0; i < n; i++) KR_LIST_SET(l, i, kr_newref(items[i]));
    return l;
}

int krList_append(KrThreadState *ts, KrObject *list, KrObject *v) {
    KrListObject *self = (KrListObject *)list;
    KrSsize n = KR_SIZE(self);
    if (n < self->allocated) {
        self->items[n] = kr_newref(v);
        KR_SIZE(self) = n + 1;
        return 0;
    }
    if (list_resize(ts, self, n + 1) < 0) return -1;
    self->items[n] = kr_newref(v);
    return 0;
}

int krList_insert(KrThreadState *ts, KrObject *list, KrSsize where, KrObject *v) {
    KrListObject *self = (KrListObject *)list;
    KrSsize n = KR_SIZE(self);
    if (list_resize(ts, self, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    memmove(&self->items[where + 1], &self->items[where], (size_t)(n - where) * sizeof(KrObject *));
    self->items[where] = kr_newref(v);
    return 0;
}

// Appends the `n` items (increfed).  0 or -1.
static int list_extend_array(KrThreadState *ts, KrListObject *self, KrObject *const *src, KrSsize n) {
    if (n == 0) return 0;
    KrSsize m = KR_SIZE(self);
    if (n > LIST_MAX_ITEMS - m) {
        krErr_no_memory(ts);
        return -1;
    }
    if (!self->items) {
        // First storage for this list: size it to the source, not the growth curve.
        if (list_preallocate_exact(ts, self, n) < 0) return -1;
        KR_SIZE(self) = n;
    } else if (list_resize(ts, self, m + n) < 0) {
        return -1;
    }
    for (KrSsize i = 0; i < n; i++) self->items[m + i] = kr_newref(src[i]);
    return 0;
}

static int list_extend_iter(KrThreadState *ts, KrListObject *self, KrObject *iterable) {
    KrObject *it = krObj_get_iter(ts, iterable);
    if (!it) return -1;
    KrSsize hint = krObj_length_hint(ts, iterable, 8);
    if (hint < 0) {
        kr_decref(it);
        return -1;
    }
    KrSsize m = KR_SIZE(self);
    if (hint > 0 && !self->items) {
        if (list_preallocate_exact(ts, self, hint) < 0) {
            kr_decref(it);
            return -1;
        }
    } else if (hint > 0 && m <= KR_SSIZE_MAX - hint) {
        // Make room, then set the size back: the slots are filled below.  A hint
        // so large that m + hint overflows is ignored, one merely too large for
        // memory is a MemoryError (as in CPython).
        if (list_resize(ts, self, m + hint) < 0) {
            kr_decref(it);
            return -1;
        }
        KR_SIZE(self) = m;
    }
    KrUnaryFunc next = KR_TYPE(it)->tp_iternext;
    for (;;) {
        KrObject *item = next(ts, it);
        if (!item) {
            if (krErr_occurred(ts)) {
                if (!krErr_matches(ts, &KrExc_StopIteration)) {
                    kr_decref(it);
                    return -1;
                }
                krErr_clear(ts);
            }
            break;
        }
        KrSsize n = KR_SIZE(self);
        if (n < self->allocated) {
            self->items[n] = item;
            KR_SIZE(self) = n + 1;
        } else {
            if (list_resize(ts, self, n + 1) < 0) {
                kr_decref(item);
                kr_decref(it);
                return -1;
            }
            self->items[n] = item;
        }
    }
    kr_decref(it);
    // Give back a large unused tail left by an over-estimated hint.
    if (KR_SIZE(self) < self->allocated) (void)list_resize(ts, self, KR_SIZE(self));
    return 0;
}

int krList_extend(KrThreadState *ts, KrObject *list, KrObject *iterable) {
    KrListObject *self = (KrListObject *)list;
    if (krList_check_exact(iterable) || krTuple_check_exact(iterable) || iterable == list) {
        // Snapshot the source: extending a list with itself doubles it.
        KrSsize n = krList_check(iterable) ? KR_LIST_SIZE(iterable) : KR_TUPLE_SIZE(iterable);
        KrObject **src = krList_check(iterable) ? KR_LIST_ITEMS(iterable) : KR_TUPLE_ITEMS(iterable);
        if (iterable == list) {
            if (n == 0) return 0;
            if (list_resize(ts, self, 2 * n) < 0) return -1;
            for (KrSsize i = 0; i < n; i++) self->items[n + i] = kr_newref(self->items[i]);
            return 0;
        }
        return list_extend_array(ts, self, src, n);
    }
    return list_extend_iter(ts, self, iterable);
}

void krList_reverse(KrObject *list) {
    if (KR_LIST_SIZE(list) < 2) return;
    KrObject **lo = KR_LIST_ITEMS(list), **hi = lo + KR_LIST_SIZE(list) - 1;
    while (lo < hi) {
        KrObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

KrObject *krList_as_tuple(KrThreadState *ts, KrObject *list) {
    return krTuple_from_array(ts, KR_LIST_ITEMS(list), KR_LIST_SIZE(list));
}

KrObject *krList_slice(KrThreadState *ts, KrObject *list, KrSsize start, KrSsize stop) {
    KrSsize n = KR_LIST_SIZE(list);
    if (start < 0) start = 0;
    if (stop > n) stop = n;
    if (stop < start) stop = start;
    return krList_from_array(ts, KR_LIST_ITEMS(list) + start, stop - start);
}

// Drops every item; the list stays usable.  Items are released after the list
// is empty, since their deallocation may look at it.
static void list_clear_items(KrListObject *self) {
    KrObject **items = self->items;
    if (!items) return;
    KrSsize n = KR_SIZE(self);
    self->items = NULL;
    KR_SIZE(self) = 0;
    self->allocated = 0;
    while (--n >= 0) kr_xdecref(items[n]);
    krMem_free(items);
}

// A list or tuple holding the items of `v`, or TypeError(`msg`) if it is not
// iterable (CPython's PySequence_Fast).  New reference.
static KrObject *seq_fast(KrThreadState *ts, KrObject *v, const char *msg) {
    if (krList_check_exact(v) || krTuple_check_exact(v)) return kr_newref(v);
    KrObject *it = krObj_get_iter(ts, v);
    if (!it) {
        if (krErr_matches(ts, &KrExc_TypeError)) {
            krErr_clear(ts);
            krErr_set_string(ts, &KrExc_TypeError, msg);
        }
        return NULL;
    }
    KrObject *l = krList_new(ts, 0);
    if (l && list_extend_iter(ts, (KrListObject *)l, it) < 0) KR_CLEAR(l);
    kr_decref(it);
    return l;
}

// a[ilow:ihigh] = v (v == NULL deletes).  CPython's list_ass_slice.  0 or -1.
static int list_ass_slice(KrThreadState *ts, KrListObject *a, KrSsize ilow, KrSsize ihigh, KrObject *v) {
    KrObject *seq = NULL, **vitems = NULL, *recycle_small[8], **recycle = recycle_small;
    KrSsize n = 0;
    int result = -1;
    if (v) {
        if ((KrObject *)a == v) {
            // a[i:j] = a: take a copy first.
            seq = krList_from_array(ts, a->items, KR_SIZE(a));
        } else {
            seq = seq_fast(ts, v, "can only assign an iterable");
        }
        if (!seq) return -1;
        n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
        vitems = krList_check(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    }
    KrSsize size = KR_SIZE(a);
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    KrSsize norig = ihigh - ilow, d = n - norig;
    if (size + d == 0) {
        kr_xdecref(seq);
        list_clear_items(a);
        return 0;
    }
    if (norig > 8) {
        recycle = krMem_malloc((size_t)norig * sizeof(KrObject *));
        if (!recycle) {
            krErr_no_memory(ts);
            goto done;
        }
    }
    if (norig) memcpy(recycle, &a->items[ilow], (size_t)norig * sizeof(KrObject *));
    if (d < 0) {
        memmove(&a->items[ihigh + d], &a->items[ihigh], (size_t)(size - ihigh) * sizeof(KrObject *));
        (void)list_resize(ts, a, size + d);  // shrinking cannot fail to keep the data
    } else if (d > 0) {
        if (d > LIST_MAX_ITEMS - size) {
            krErr_no_memory(ts);
            goto done;
        }
        if (list_resize(ts, a, size + d) < 0) goto done;
        memmove(&a->items[ihigh + d], &a->items[ihigh], (size_t)(size - ihigh) * sizeof(KrObject *));
    }
    for (KrSsize k = 0; k < n; k++) a->items[ilow + k] = kr_newref(vitems[k]);
    for (KrSsize k = norig - 1; k >= 0; k--) kr_xdecref(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_small) krMem_free(recycle);
    kr_xdecref(seq);
    return result;
}

// ---------------------------------------------------------------------------
// Slots

static void list_dealloc(KrObject *self) {
    KrListObject *l = (KrListObject *)self;
    krGC_untrack(self);
    bool exact = KR_TYPE(self) == &KrList_Type;
    if (exact && !krTrash_begin(self)) return;
    if (l->items) {
        for (KrSsize i = KR_SIZE(l) - 1; i >= 0; i--) kr_xdecref(l->items[i]);
        krMem_free(l->items);
    }
    krObj_free(self);
    if (exact) krTrash_end();
}

static int list_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    for (KrSsize i = KR_SIZE(self) - 1; i >= 0; i--) KR_VISIT(KR_LIST_GET(self, i));
    return 0;
}

static int list_gc_clear(KrObject *self) {
    list_clear_items((KrListObject *)self);
    return 0;
}

static KrObject *list_repr(KrThreadState *ts, KrObject *self) {
    if (KR_SIZE(self) == 0) return krStr_from_cstr(ts, "[]");
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_cstr(ts, "[...]") : NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append(ts, &sb, "[", 1) < 0) goto error;
    // The list may change while items are repr'ed: re-read the size each time.
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        if (i > 0 && krSB_append(ts, &sb, ", ", 2) < 0) goto error;
        KrObject *item = kr_newref(KR_LIST_GET(self, i));
        int rr = krSB_append_obj_repr(ts, &sb, item);
        kr_decref(item);
        if (rr < 0) goto error;
    }
    if (krSB_append(ts, &sb, "]", 1) < 0) goto error;
    krRepr_leave(ts, self);
    return krSB_finish(ts, &sb);
error:
    krSB_discard(&sb);
    krRepr_leave(ts, self);
    return NULL;
}

static KrSsize list_length(KrThreadState *ts, KrObject *self) { return KR_SIZE(self); }

static int list_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        KrObject *item = kr_newref(KR_LIST_GET(self, i));
        int r = krObj_eq(ts, item, key);
        kr_decref(item);
        if (r != 0) return r;
    }
    return 0;
}

static KrObject *list_richcompare(KrThreadState *ts, KrObject *v, KrObject *w, int op) {
    if (!krList_check(v) || !krList_check(w)) return KR_NOTIMPLEMENTED;
    if (KR_SIZE(v) != KR_SIZE(w) && (op == KR_EQ || op == KR_NE)) return kr_bool(op == KR_NE);
    KrSsize i;
    for (i = 0; i < KR_SIZE(v) && i < KR_SIZE(w); i++) {
        KrObject *vi = KR_LIST_GET(v, i), *wi = KR_LIST_GET(w, i);
        if (vi == wi) continue;
        kr_incref(vi);
        kr_incref(wi);
        int k = krObj_richcompare_bool(ts, vi, wi, KR_EQ);
        kr_decref(vi);
        kr_decref(wi);
        if (k < 0) return NULL;
        if (!k) break;
    }
    KrSsize vlen = KR_SIZE(v), wlen = KR_SIZE(w);
    if (i >= vlen || i >= wlen) {
        bool r;
        switch (op) {
        case KR_LT: r = vlen < wlen; break;
        case KR_LE: r = vlen <= wlen; break;
        case KR_EQ: r = vlen == wlen; break;
        case KR_NE: r = vlen != wlen; break;
        case KR_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return kr_bool(r);
    }
    if (op == KR_EQ) return KR_FALSE;
    if (op == KR_NE) return KR_TRUE;
    KrObject *vi = kr_newref(KR_LIST_GET(v, i)), *wi = kr_newref(KR_LIST_GET(w, i));
    KrObject *res = krObj_richcompare(ts, vi, wi, op);
    kr_decref(vi);
    kr_decref(wi);
    return res;
}

static KrObject *list_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!krList_check(a) || !krList_check(b)) {
        KrObject *other = krList_check(a) ? b : a;
        return krErr_format(ts, &KrExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                            KR_TYPE(other)->tp_name);
    }
    KrSsize na = KR_SIZE(a), nb = KR_SIZE(b);
    if (na > LIST_MAX_ITEMS - nb) return krErr_no_memory(ts);
    KrObject *l = krList_new(ts, na + nb);
    if (!l) return NULL;
    for (KrSsize i = 0; i < na; i++) KR_LIST_SET(l, i, kr_newref(KR_LIST_GET(a, i)));
    for (KrSsize i = 0; i < nb; i++) KR_LIST_SET(l, na + i, kr_newref(KR_LIST_GET(b, i)));
    return l;
}

static KrObject *list_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrSsize size = KR_SIZE(self);
    if (n <= 0 || size == 0) return krList_new(ts, 0);
    if (size > LIST_MAX_ITEMS / n) return krErr_no_memory(ts);
    KrObject *l = krList_new(ts, size * n);
    if (!l) return NULL;
    KrObject **dst = KR_LIST_ITEMS(l);
    if (size == 1) {
        KrObject *x = KR_LIST_GET(self, 0);
        if (!kr_is_smallint(x)) x->ob_refcnt += n;
        for (KrSsize j = 0; j < n; j++) dst[j] = x;
        return l;
    }
    for (KrSsize j = 0; j < n; j++)
        for (KrSsize i = 0; i < size; i++) *dst++ = kr_newref(KR_LIST_GET(self, i));
    return l;
}

static KrObject *list_inplace_concat(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (krList_extend(ts, self, other) < 0) return NULL;
    return kr_newref(self);
}

static KrObject *list_inplace_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrListObject *l = (KrListObject *)self;
    KrSsize size = KR_SIZE(l);
    if (size == 0 || n == 1) return kr_newref(self);
    if (n < 1) {
        list_clear_items(l);
        return kr_newref(self);
    }
    if (size > LIST_MAX_ITEMS / n) return krErr_no_memory(ts);
    if (list_resize(ts, l, size * n) < 0) return NULL;
    KrObject **p = l->items + size;
    for (KrSsize j = 1; j < n; j++)
        for (KrSsize i = 0; i < size; i++) *p++ = kr_newref(l->items[i]);
    return kr_newref(self);
}

static KrObject *list_index_error(KrThreadState *ts) {
    return krErr_format(ts, &KrExc_IndexError, "list index out of range");
}

static KrObject *list_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    KrSsize n = KR_SIZE(self);
    if (kr_is_smallint(key)) {
        int64_t i = kr_smallint_value(key);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return list_index_error(ts);
        return kr_newref(KR_LIST_GET(self, i));
    }
    if (krNum_is_index(key)) {
        KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
        n = KR_SIZE(self);  // __index__ may have changed the list
        i = kr_seq_adjust_index(i, n);
        if (i < 0) return list_index_error(ts);
        return kr_newref(KR_LIST_GET(self, i));
    }
    if (krSlice_check(key)) {
        KrSsize start, stop, step;
        if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return NULL;
        KrSsize len = krSlice_adjust_indices(KR_SIZE(self), &start, &stop, step);
        if (len <= 0) return krList_new(ts, 0);
        if (step == 1) return krList_from_array(ts, KR_LIST_ITEMS(self) + start, len);
        KrObject *l = krList_new(ts, len);
        if (!l) return NULL;
        for (KrSsize i = 0, cur = start; i < len; i++, cur += step)
            KR_LIST_SET(l, i, kr_newref(KR_LIST_GET(self, cur)));
        return l;
    }
    return krErr_format(ts, &KrExc_TypeError, "list indices must be integers or slices, not %.200s",
                        KR_TYPE(key)->tp_name);
}

// del a[start::step] for an extended slice of `len` > 0 items.  Never fails
// except for MemoryError.
static int list_del_extended(KrThreadState *ts, KrListObject *self, KrSsize start, KrSsize step, KrSsize len) {
    if (step < 0) {
        // Walk the same items upwards.
        start = start + step * (len - 1);
        step = -step;
    }
    KrObject **garbage = krMem_malloc((size_t)len * sizeof(KrObject *));
    if (!garbage) {
        krErr_no_memory(ts);
        return -1;
    }
    KrSsize n = KR_SIZE(self), w = start, g = 0;
    for (KrSsize r = start; r < n; r++) {
        if (g < len && r == start + g * step) {
            garbage[g++] = self->items[r];
        } else {
            self->items[w++] = self->items[r];
        }
    }
    (void)list_resize(ts, self, n - len);
    for (KrSsize i = 0; i < len; i++) kr_decref(garbage[i]);
    krMem_free(garbage);
    return 0;
}

static int list_ass_extended(KrThreadState *ts, KrListObject *self, KrSsize start, KrSsize step, KrSsize len,
                             KrObject *value) {
    KrObject *seq;
    if ((KrObject *)self == value) {
        seq = krList_from_array(ts, self->items, KR_SIZE(self));
    } else {
        seq = seq_fast(ts, value, "must assign iterable to extended slice");
    }
    if (!seq) return -1;
    KrSsize n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
    KrObject **src = krList_check(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    if (n != len) {
        krErr_format(ts, &KrExc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd",
                     n, len);
        kr_decref(seq);
        return -1;
    }
    if (len == 0) {
        kr_decref(seq);
        return 0;
    }
    KrObject **garbage = krMem_malloc((size_t)len * sizeof(KrObject *));
    if (!garbage) {
        kr_decref(seq);
        krErr_no_memory(ts);
        return -1;
    }
    for (KrSsize i = 0, cur = start; i < len; i++, cur += step) {
        garbage[i] = self->items[cur];
        self->items[cur] = kr_newref(src[i]);
    }
    for (KrSsize i = 0; i < len; i++) kr_decref(garbage[i]);
    krMem_free(garbage);
    kr_decref(seq);
    return 0;
}

static int list_ass_index(KrThreadState *ts, KrListObject *self, KrSsize i, KrObject *value) {
    i = kr_seq_adjust_index(i, KR_SIZE(self));
    if (i < 0) {
        krErr_set_string(ts, &KrExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!value) return list_ass_slice(ts, self, i, i + 1, NULL);
    kr_setref(&self->items[i], kr_newref(value));
    return 0;
}

static int list_ass_subscript(KrThreadState *ts, KrObject *obj, KrObject *key, KrObject *value) {
    KrListObject *self = (KrListObject *)obj;
    if (kr_is_smallint(key)) return list_ass_index(ts, self, (KrSsize)kr_smallint_value(key), value);
    if (krNum_is_index(key)) {
        KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
        if (i == -1 && krErr_occurred(ts)) return -1;
        return list_ass_index(ts, self, i, value);
    }
    if (!krSlice_check(key)) {
        krErr_format(ts, &KrExc_TypeError, "list indices must be integers or slices, not %.200s",
                     KR_TYPE(key)->tp_name);
        return -1;
    }
    KrSsize start, stop, step;
    if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
    KrSsize len = krSlice_adjust_indices(KR_SIZE(self), &start, &stop, step);
    if (step == 1) return list_ass_slice(ts, self, start, stop, value);
    if (!value) return len <= 0 ? 0 : list_del_extended(ts, self, start, step, len);
    return list_ass_extended(ts, self, start, step, len, value);
}

static KrObject *list_iter(KrThreadState *ts, KrObject *self);

static KrObject *list_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    if (type == &KrList_Type) return krList_new(ts, 0);
    KrObject *l = krType_generic_alloc(ts, type, 0);
    if (l) kr_gc_track_once(l);
    return l;
}

static int list_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (KR_TYPE(self) == &KrList_Type && krArg_no_kwargs(ts, "list", kwnames) < 0) return -1;
    if (krArg_check_positional(ts, "list", nargs, 0, 1) < 0) return -1;
    KrListObject *l = (KrListObject *)self;
    list_clear_items(l);
    if (nargs == 0) return 0;
    // A sized iterable: allocate exactly its length up front.
    if (KR_TYPE(args[0])->mp_length) {
        KrSsize n = krObj_length(ts, args[0]);
        if (n < 0) {
            if (!krErr_matches(ts, &KrExc_TypeError)) return -1;
            krErr_clear(ts);
        } else if (n > 0 && !l->items && list_preallocate_exact(ts, l, n) < 0) {
            return -1;
        }
    }
    return krList_extend(ts, self, args[0]);
}

// ---------------------------------------------------------------------------
// Methods

static KrObject *list_append_meth(KrThreadState *ts, KrObject *self, KrObject *v) {
    if (krList_append(ts, self, v) < 0) return NULL;
    return KR_NONE;
}

static KrObject *list_extend_meth(KrThreadState *ts, KrObject *self, KrObject *v) {
    if (krList_extend(ts, self, v) < 0) return NULL;
    return KR_NONE;
}

static KrObject *list_insert_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "insert", nargs, 2, 2) < 0) return NULL;
    KrSsize i;
    if (kr_is_smallint(args[0])) {
        i = (KrSsize)kr_smallint_value(args[0]);
    } else {
        i = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
    }
    if (krList_insert(ts, self, i, args[1]) < 0) return NULL;
    return KR_NONE;
}

static KrObject *list_pop(KrThreadState *ts, KrObject *obj, KrObject *const *args, KrSsize nargs) {
    KrListObject *self = (KrListObject *)obj;
    if (krArg_check_positional(ts, "pop", nargs, 0, 1) < 0) return NULL;
    KrSsize i = -1;
    if (nargs == 1) {
        if (kr_is_smallint(args[0])) {
            i = (KrSsize)kr_smallint_value(args[0]);
        } else {
            i = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
            if (i == -1 && krErr_occurred(ts)) return NULL;
        }
    }
    KrSsize n = KR_SIZE(self);
    if (n == 0) return krErr_format(ts, &KrExc_IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return krErr_format(ts, &KrExc_IndexError, "pop index out of range");
    KrObject *v = self->items[i];
    if (i == n - 1) {
        (void)list_resize(ts, self, n - 1);
        return v;
    }
    memmove(&self->items[i], &self->items[i + 1], (size_t)(n - i - 1) * sizeof(KrObject *));
    (void)list_resize(ts, self, n - 1);
    return v;
}

static KrObject *list_remove(KrThreadState *ts, KrObject *obj, KrObject *value) {
    KrListObject *self = (KrListObject *)obj;
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        KrObject *item = kr_newref(self->items[i]);
        int r = krObj_eq(ts, item, value);
        kr_decref(item);
        if (r < 0) return NULL;
        if (r) {
            if (list_ass_slice(ts, self, i, i + 1, NULL) < 0) return NULL;
            return KR_NONE;
        }
    }
    return krErr_format(ts, &KrExc_ValueError, "list.remove(x): x not in list");
}

static KrObject *list_index_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "index", nargs, 1, 3) < 0) return NULL;
    KrSsize start = 0, stop = KR_SSIZE_MAX;
    if (nargs >= 2 && kr_slice_index_arg(ts, args[1], &start) < 0) return NULL;
    if (nargs >= 3 && kr_slice_index_arg(ts, args[2], &stop) < 0) return NULL;
    if (start < 0) {
        start += KR_SIZE(self);
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += KR_SIZE(self);
        if (stop < 0) stop = 0;
    }
    for (KrSsize i = start; i < stop && i < KR_SIZE(self); i++) {
        KrObject *item = kr_newref(KR_LIST_GET(self, i));
        int r = krObj_eq(ts, item, args[0]);
        kr_decref(item);
        if (r < 0) return NULL;
        if (r) return krInt_from_ssize(ts, i);
    }
    return krErr_format(ts, &KrExc_ValueError, "%R is not in list", args[0]);
}

static KrObject *list_count(KrThreadState *ts, KrObject *self, KrObject *value) {
    KrSsize count = 0;
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        KrObject *item = KR_LIST_GET(self, i);
        if (item == value) {
            count++;
            continue;
        }
        kr_incref(item);
        int r = krObj_richcompare_bool(ts, item, value, KR_EQ);
        kr_decref(item);
        if (r < 0) return NULL;
        count += r;
    }
    return krInt_from_ssize(ts, count);
}

static KrObject *list_reverse_meth(KrThreadState *ts, KrObject *self) {
    krList_reverse(self);
    return KR_NONE;
}

static KrObject *list_copy(KrThreadState *ts, KrObject *self) {
    return krList_from_array(ts, KR_LIST_ITEMS(self), KR_SIZE(self));
}

static KrObject *list_clear_meth(KrThreadState *ts, KrObject *self) {
    list_clear_items((KrListObject *)self);
    return KR_NONE;
}

static KrObject *list_sort_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    if (nargs > 0) return krErr_format(ts, &KrExc_TypeError, "sort() takes no positional arguments");
    static const char *const names[] = {"key", "reverse"};
    KrObject *out[2] = {NULL, NULL};
    if (krArg_parse(ts, "sort", args, nargs, kwnames, names, 2, 0, 0, 0, out) < 0) return NULL;
    bool reverse = false;
    if (out[1]) {
        KrObject *r = krNum_index(ts, out[1]);
        if (!r) return NULL;
        reverse = krInt_sign(r) != 0;
        kr_decref(r);
    }
    KrObject *key = out[0] == KR_NONE ? NULL : out[0];
    if (krList_sort(ts, self, key, reverse) < 0) return NULL;
    return KR_NONE;
}

static KrObject *list_sizeof(KrThreadState *ts, KrObject *self) {
    KrSsize alloc = ((KrListObject *)self)->allocated;
    if (alloc < 0) alloc = 0;
    return krInt_from_ssize(ts, KR_TYPE(self)->tp_basicsize + alloc * (KrSsize)sizeof(KrObject *));
}

static KrObject *list_reversed(KrThreadState *ts, KrObject *self);

static const KrMethodDef list_methods[] = {
    {"__reversed__", KR_CFUNC(list_reversed), KR_METH_NOARGS, "Return a reverse iterator over the list."},
    {"__sizeof__", KR_CFUNC(list_sizeof), KR_METH_NOARGS, "Return the size of the list in memory, in bytes."},
    {"clear", KR_CFUNC(list_clear_meth), KR_METH_NOARGS, "Remove all items from list."},
    {"copy", KR_CFUNC(list_copy), KR_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", KR_CFUNC(list_append_meth), KR_METH_O, "Append object to the end of the list."},
    {"insert", KR_CFUNC(list_insert_meth), KR_METH_FAST, "Insert object before index."},
    {"extend", KR_CFUNC(list_extend_meth), KR_METH_O, "Extend list by appending elements from the iterable."},
    {"pop", KR_CFUNC(list_pop), KR_METH_FAST,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {"remove", KR_CFUNC(list_remove), KR_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", KR_CFUNC(list_index_meth), KR_METH_FAST,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", KR_CFUNC(list_count), KR_METH_O, "Return number of occurrences of value."},
    {"reverse", KR_CFUNC(list_reverse_meth), KR_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", KR_CFUNC(list_sort_meth), KR_METH_FASTKW,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrList_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "list",
    .tp_basicsize = sizeof(KrListObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_LIST_SUBCLASS | KR_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_dealloc = list_dealloc,
    .tp_traverse = list_traverse,
    .tp_clear = list_gc_clear,
    .tp_repr = list_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
    .sq_contains = list_contains,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
    .tp_methods = list_methods,
};

// ---------------------------------------------------------------------------
// Iterators (forward and reversed)

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize index;
    KrObject *seq;                 // strong; NULL once exhausted
} ListIterObject;

static KrObject *make_list_iter(KrThreadState *ts, KrTypeObject *type, KrObject *list, KrSsize index) {
    ListIterObject *it = (ListIterObject *)krObj_alloc(ts, type, 0);
    if (!it) return NULL;
    it->index = index;
    it->seq = kr_newref(list);
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static KrObject *list_iter(KrThreadState *ts, KrObject *self) {
    return make_list_iter(ts, &KrListIter_Type, self, 0);
}

static KrObject *list_reversed(KrThreadState *ts, KrObject *self) {
    return make_list_iter(ts, &KrListRevIter_Type, self, KR_SIZE(self) - 1);
}

static void listiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((ListIterObject *)self)->seq);
    krObj_free(self);
}

static int listiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((ListIterObject *)self)->seq);
    return 0;
}

static KrObject *listiter_next(KrThreadState *ts, KrObject *self) {
    ListIterObject *it = (ListIterObject *)self;
    KrObject *seq = it->seq;
    if (!seq) return NULL;
    if (it->index < KR_SIZE(seq)) return kr_newref(KR_LIST_GET(seq, it->index++));
    it->seq = NULL;
    kr_decref(seq);
    return NULL;
}

static KrObject *listreviter_next(KrThreadState *ts, KrObject *self) {
    ListIterObject *it = (ListIterObject *)self;
    KrObject *seq = it->seq;
    if (!seq) return NULL;
    KrSsize i = it->index;
    if (i >= 0 && i < KR_SIZE(seq)) {
        it->index--;
        return kr_newref(KR_LIST_GET(seq, i));
    }
    it->index = -1;
    it->seq = NULL;
    kr_decref(seq);
    return NULL;
}

static KrObject *listiter_length_hint(KrThreadState *ts, KrObject *self) {
    ListIterObject *it = (ListIterObject *)self;
    KrSsize n = it->seq ? KR_SIZE(it->seq) - it->index : 0;
    return krInt_from_ssize(ts, n < 0 ? 0 : n);
}

static KrObject *listreviter_length_hint(KrThreadState *ts, KrObject *self) {
    ListIterObject *it = (ListIterObject *)self;
    KrSsize n = it->index + 1;
    if (!it->seq || KR_SIZE(it->seq) < n) n = 0;
    return krInt_from_ssize(ts, n);
}

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef listiter_methods[] = {
    {"__length_hint__", KR_CFUNC(listiter_length_hint), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KrMethodDef listreviter_methods[] = {
    {"__length_hint__", KR_CFUNC(listreviter_length_hint), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrListIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

KrTypeObject KrListRevIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};
