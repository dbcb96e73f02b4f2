/*
 * deque.c — collections.deque: a double-ended queue stored as a ring buffer
 * (power-of-two capacity), so both ends and indexing are O(1); inserting or
 * deleting inside moves the shorter side.  An optional maxlen discards items
 * from the opposite end.
 *
 * `state` changes with every mutation; iterators, count(), index(),
 * remove() and `in` compare it to detect changes made by __eq__ callbacks.
 * Items are strong references (GC-tracked).
 *
 * Part of the _collections module (collections.c).
 */
#include "modules/collections.h"

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrObject **items;              // ring of `cap` strong references, NULL when cap == 0
    KrSsize cap;                   // 0 or a power of two
    KrSsize head;                  // ring index of item 0
    KrSsize len;
    KrSsize maxlen;                // -1: unbounded
    size_t state;                  // mutation counter
} DequeObject;

#define DEQ(o) ((DequeObject *)(o))
#define SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])

static bool is_deque(KrObject *o) { return kr_type_check(o, &KrDeque_Type); }

// Makes room for one more item.  0, or -1 with MemoryError.
static int grow(KrThreadState *ts, DequeObject *d) {
    if (d->len < d->cap) return 0;
    KrSsize ncap = d->cap ? d->cap * 2 : 8;
    if (ncap > KR_SSIZE_MAX / (KrSsize)sizeof(KrObject *)) {
        krErr_no_memory(ts);
        return -1;
    }
    KrObject **n = krMem_malloc((size_t)ncap * sizeof(KrObject *));
    if (!n) {
        krErr_no_memory(ts);
        return -1;
    }
    for (KrSsize i = 0; i < d->len; i++) n[i] = SLOT(d, i);
    krMem_free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

// Gives memory back when the ring is mostly empty.  Never fails (keeps the
// old ring if allocation fails).
static void maybe_shrink(DequeObject *d) {
    if (d->cap <= 64 || d->len > d->cap / 4) return;
    KrSsize ncap = d->cap / 2;
    KrObject **n = krMem_malloc((size_t)ncap * sizeof(KrObject *));
    if (!n) return;
    for (KrSsize i = 0; i < d->len; i++) n[i] = SLOT(d, i);
    krMem_free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
}

// The raw end operations: no maxlen handling.  push_* steal `v`.
static int push_right(KrThreadState *ts, DequeObject *d, KrObject *v) {
    if (grow(ts, d) < 0) {
        kr_decref(v);
        return -1;
    }
    SLOT(d, d->len) = v;
    d->len++;
    d->state++;
    return 0;
}

static int push_left(KrThreadState *ts, DequeObject *d, KrObject *v) {
    if (grow(ts, d) < 0) {
        kr_decref(v);
        return -1;
    }
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = v;
    d->len++;
    d->state++;
    return 0;
}

// Remove and return (new reference) the last / first item; len must be > 0.
static KrObject *take_right(DequeObject *d) {
    KrObject *v = SLOT(d, d->len - 1);
    d->len--;
    d->state++;
    return v;
}

static KrObject *take_left(DequeObject *d) {
    KrObject *v = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

// append/appendleft with the maxlen rule; steals `v`.
static int deque_append_steal(KrThreadState *ts, DequeObject *d, KrObject *v) {
    if (push_right(ts, d, v) < 0) return -1;
    if (d->maxlen >= 0 && d->len > d->maxlen) kr_decref(take_left(d));
    return 0;
}

static int deque_appendleft_steal(KrThreadState *ts, DequeObject *d, KrObject *v) {
    if (push_left(ts, d, v) < 0) return -1;
    if (d->maxlen >= 0 && d->len > d->maxlen) kr_decref(take_right(d));
    return 0;
}

static void deque_clear_items(DequeObject *d) {
    // Detach first: decrefs may run code that looks at the deque.
    KrObject **items = d->items;
    KrSsize cap = d->cap, head = d->head, len = d->len;
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
    for (KrSsize i = 0; i < len; i++) kr_decref(items[(head + i) & (cap - 1)]);
    krMem_free(items);
}

// ---------------------------------------------------------------------------
// Construction

static KrObject *deque_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    DequeObject *d = (DequeObject *)(type == &KrDeque_Type ? krObj_alloc(ts, type, 0)
                                                           : krType_generic_alloc(ts, type, 0));
    if (!d) return NULL;
    d->maxlen = -1;
    if (!krGC_is_tracked((KrObject *)d)) krGC_track((KrObject *)d);
    return (KrObject *)d;
}

static int deque_extend_internal(KrThreadState *ts, DequeObject *d, KrObject *iterable, bool left);

static int deque_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"iterable", "maxlen"};
    KrObject *a[2];
    if (krArg_parse(ts, "deque", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return -1;
    DequeObject *d = DEQ(self);
    KrSsize maxlen = -1;
    if (a[1] && a[1] != KR_NONE) {
        if (!krInt_check(a[1]) && !krNum_is_index(a[1])) {
            krErr_set_string(ts, &KrExc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (maxlen == -1 && krErr_occurred(ts)) return -1;
        if (maxlen < 0) {
            krErr_set_string(ts, &KrExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->len > 0) deque_clear_items(d);
    if (a[0] && deque_extend_internal(ts, d, a[0], false) < 0) return -1;
    return 0;
}

static void deque_dealloc(KrObject *self) {
    krGC_untrack(self);
    deque_clear_items(DEQ(self));
    krObj_free(self);
}

static int deque_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    DequeObject *d = DEQ(self);
    for (KrSsize i = 0; i < d->len; i++) KR_VISIT(SLOT(d, i));
    return 0;
}

static int deque_gc_clear(KrObject *self) {
    deque_clear_items(DEQ(self));
    return 0;
}

// A new deque of the same type and maxlen holding the same items.
static KrObject *deque_copy(KrThreadState *ts, KrObject *self) {
    DequeObject *d = DEQ(self);
    if (KR_TYPE(self) == &KrDeque_Type) {
        DequeObject *n = (DequeObject *)deque_new(ts, &KrDeque_Type, NULL, 0, NULL);
        if (!n) return NULL;
        n->maxlen = d->maxlen;
        for (KrSsize i = 0; i < d->len; i++) {
            if (push_right(ts, n, kr_newref(SLOT(d, i))) < 0) {
                kr_decref((KrObject *)n);
                return NULL;
            }
        }
        return (KrObject *)n;
    }
    if (d->maxlen < 0) return krObj_call1(ts, (KrObject *)KR_TYPE(self), self);
    KrObject *ml = krInt_from_ssize(ts, d->maxlen);
    if (!ml) return NULL;
    KrObject *r = krObj_call2(ts, (KrObject *)KR_TYPE(self), self, ml);
    kr_decref(ml);
    return r;
}

// ---------------------------------------------------------------------------
// Methods at the ends

static KrObject *deque_append(KrThreadState *ts, KrObject *self, KrObject *v) {
    if (deque_append_steal(ts, DEQ(self), kr_newref(v)) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *deque_appendleft(KrThreadState *ts, KrObject *self, KrObject *v) {
    if (deque_appendleft_steal(ts, DEQ(self), kr_newref(v)) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *deque_pop(KrThreadState *ts, KrObject *self) {
    DequeObject *d = DEQ(self);
    if (d->len == 0) return krErr_format(ts, &KrExc_IndexError, "pop from an empty deque");
    KrObject *v = take_right(d);
    maybe_shrink(d);
    return v;
}

static KrObject *deque_popleft(KrThreadState *ts, KrObject *self) {
    DequeObject *d = DEQ(self);
    if (d->len == 0) return krErr_format(ts, &KrExc_IndexError, "pop from an empty deque");
    KrObject *v = take_left(d);
    maybe_shrink(d);
    return v;
}

static int deque_extend_internal(KrThreadState *ts, DequeObject *d, KrObject *iterable, bool left) {
    // Extending with itself: iterate over a snapshot.
    if (iterable == (KrObject *)d) {
        KrObject *snapshot = krSeq_list(ts, iterable);
        if (!snapshot) return -1;
        int r = deque_extend_internal(ts, d, snapshot, left);
        kr_decref(snapshot);
        return r;
    }
    KrObject *it = krObj_get_iter(ts, iterable);
    if (!it) return -1;
    KrObject *item;
    while ((item = krIter_next(ts, it))) {
        if ((left ? deque_appendleft_steal(ts, d, item) : deque_append_steal(ts, d, item)) < 0) {
            kr_decref(it);
            return -1;
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? -1 : 0;
}

static KrObject *deque_extend(KrThreadState *ts, KrObject *self, KrObject *iterable) {
    if (deque_extend_internal(ts, DEQ(self), iterable, false) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *deque_extendleft(KrThreadState *ts, KrObject *self, KrObject *iterable) {
    if (deque_extend_internal(ts, DEQ(self), iterable, true) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *deque_inplace_concat(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (deque_extend_internal(ts, DEQ(self), other, false) < 0) return NULL;
    return kr_newref(self);
}

static KrObject *deque_clearmethod(KrThreadState *ts, KrObject *self) {
    deque_clear_items(DEQ(self));
    return kr_newref(KR_NONE);
}

// Rotates right by n (left when negative).
static void rotate(DequeObject *d, KrSsize n) {
    KrSsize len = d->len;
    if (len <= 1) return;
    KrSsize half = len >> 1;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    if (n == 0) return;
    d->state++;
    KrSsize mask = d->cap - 1;
    if (len == d->cap) {
        d->head = (d->head - n) & mask;
        return;
    }
    for (; n > 0; n--) {
        KrObject *v = d->items[(d->head + len - 1) & mask];
        d->head = (d->head - 1) & mask;
        d->items[d->head] = v;
    }
    for (; n < 0; n++) {
        KrObject *v = d->items[d->head];
        d->items[(d->head + len) & mask] = v;
        d->head = (d->head + 1) & mask;
    }
}

static KrObject *deque_rotate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "rotate", nargs, 0, 1) < 0) return NULL;
    KrSsize n = 1;
    if (nargs) {
        if (!krNum_is_index(args[0]))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(args[0])));
        n = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (n == -1 && krErr_occurred(ts)) return NULL;
    }
    rotate(DEQ(self), n);
    return kr_newref(KR_NONE);
}

static KrObject *deque_reverse(KrThreadState *ts, KrObject *self) {
    DequeObject *d = DEQ(self);
    for (KrSsize i = 0, j = d->len - 1; i < j; i++, j--) {
        KrObject *t = SLOT(d, i);
        SLOT(d, i) = SLOT(d, j);
        SLOT(d, j) = t;
    }
    d->state++;
    return kr_newref(KR_NONE);
}

// ---------------------------------------------------------------------------
// Searching

// Compares item i with v (holding a reference across the comparison) and
// checks that the deque was not mutated meanwhile: 1, 0, or -1.
static int item_equals(KrThreadState *ts, DequeObject *d, KrSsize i, KrObject *v, size_t state,
                       KrTypeObject *exc, const char *msg) {
    KrObject *item = kr_newref(SLOT(d, i));
    int eq = item == v ? 1 : krObj_richcompare_bool(ts, item, v, KR_EQ);
    kr_decref(item);
    if (eq < 0) return -1;
    if (d->state != state) {
        krErr_set_string(ts, exc, msg);
        return -1;
    }
    return eq;
}

static KrObject *deque_count(KrThreadState *ts, KrObject *self, KrObject *v) {
    DequeObject *d = DEQ(self);
    size_t state = d->state;
    KrSsize n = 0;
    for (KrSsize i = 0; i < d->len; i++) {
        int eq = item_equals(ts, d, i, v, state, &KrExc_RuntimeError, "deque mutated during iteration");
        if (eq < 0) return NULL;
        n += eq;
    }
    return krInt_from_ssize(ts, n);
}

static int deque_contains(KrThreadState *ts, KrObject *self, KrObject *v) {
    DequeObject *d = DEQ(self);
    size_t state = d->state;
    for (KrSsize i = 0; i < d->len; i++) {
        int eq = item_equals(ts, d, i, v, state, &KrExc_RuntimeError, "deque mutated during iteration");
        if (eq != 0) return eq;
    }
    return 0;
}

// A start/stop argument of index(): clamped, negative counted from the end.
static int index_arg(KrThreadState *ts, KrObject *o, KrSsize len, KrSsize *out) {
    if (!krNum_is_index(o)) {
        krErr_set_string(ts, &KrExc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    KrSsize v = krNum_as_ssize(ts, o, NULL);
    if (v == -1 && krErr_occurred(ts)) return -1;
    if (v < 0) {
        v += len;
        if (v < 0) v = 0;
    }
    *out = v;
    return 0;
}

static KrObject *deque_index(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "index", nargs, 1, 3) < 0) return NULL;
    DequeObject *d = DEQ(self);
    KrSsize start = 0, stop = d->len;
    if (nargs > 1 && index_arg(ts, args[1], d->len, &start) < 0) return NULL;
    if (nargs > 2 && index_arg(ts, args[2], d->len, &stop) < 0) return NULL;
    if (stop > d->len) stop = d->len;
    size_t state = d->state;
    for (KrSsize i = start; i < stop && i < d->len; i++) {
        int eq = item_equals(ts, d, i, args[0], state, &KrExc_RuntimeError, "deque mutated during iteration");
        if (eq < 0) return NULL;
        if (eq) return krInt_from_ssize(ts, i);
    }
    return krErr_format(ts, &KrExc_ValueError, "%R is not in deque", args[0]);
}

// Removes item i, shifting the shorter side.  Returns it (new reference).
static KrObject *del_item(DequeObject *d, KrSsize i) {
    KrObject *v = SLOT(d, i);
    if (i < d->len / 2) {
        for (KrSsize j = i; j > 0; j--) SLOT(d, j) = SLOT(d, j - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (KrSsize j = i; j < d->len - 1; j++) SLOT(d, j) = SLOT(d, j + 1);
    }
    d->len--;
    d->state++;
    return v;
}

static KrObject *deque_remove(KrThreadState *ts, KrObject *self, KrObject *v) {
    DequeObject *d = DEQ(self);
    size_t state = d->state;
    for (KrSsize i = 0; i < d->len; i++) {
        int eq = item_equals(ts, d, i, v, state, &KrExc_IndexError, "deque mutated during iteration");
        if (eq < 0) return NULL;
        if (eq) {
            kr_decref(del_item(d, i));
            return kr_newref(KR_NONE);
        }
    }
    return krErr_format(ts, &KrExc_ValueError, "%R is not in deque", v);
}

static KrObject *deque_insert(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "insert", nargs, 2, 2) < 0) return NULL;
    DequeObject *d = DEQ(self);
    if (!krNum_is_index(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            krType_name(KR_TYPE(args[0])));
    KrSsize i = krNum_as_ssize(ts, args[0], NULL);
    if (i == -1 && krErr_occurred(ts)) return NULL;
    if (d->maxlen >= 0 && d->len >= d->maxlen)
        return krErr_format(ts, &KrExc_IndexError, "deque already at its maximum size");
    if (i < 0) {
        i += d->len;
        if (i < 0) i = 0;
    }
    if (i > d->len) i = d->len;
    if (grow(ts, d) < 0) return NULL;
    KrObject *v = kr_newref(args[1]);
    if (i < d->len / 2) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->len++;
        for (KrSsize j = 0; j < i; j++) SLOT(d, j) = SLOT(d, j + 1);
    } else {
        d->len++;
        for (KrSsize j = d->len - 1; j > i; j--) SLOT(d, j) = SLOT(d, j - 1);
    }
    SLOT(d, i) = v;
    d->state++;
    return kr_newref(KR_NONE);
}

// ---------------------------------------------------------------------------
// Sequence protocol

// The index of o[key] for a deque of `len`: -1 with IndexError/TypeError.
static KrSsize seq_index(KrThreadState *ts, KrObject *key, KrSsize len) {
    if (!krNum_is_index(key)) {
        krErr_format(ts, &KrExc_TypeError, "sequence index must be integer, not '%s'", krType_name(KR_TYPE(key)));
        return -1;
    }
    KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
    if (i == -1 && krErr_occurred(ts)) return -1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        krErr_set_string(ts, &KrExc_IndexError, "deque index out of range");
        return -1;
    }
    return i;
}

static KrObject *deque_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    DequeObject *d = DEQ(self);
    if (kr_is_smallint(key)) {
        int64_t i = kr_smallint_value(key);
        if (i < 0) i += d->len;
        if (i >= 0 && i < d->len) return kr_newref(SLOT(d, i));
    }
    KrSsize i = seq_index(ts, key, d->len);
    if (i < 0) return NULL;
    return kr_newref(SLOT(d, i));
}

static int deque_ass_subscript(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value) {
    DequeObject *d = DEQ(self);
    KrSsize i = seq_index(ts, key, d->len);
    if (i < 0) return -1;
    if (!value) {
        kr_decref(del_item(d, i));
        return 0;
    }
    KrObject *old = SLOT(d, i);
    SLOT(d, i) = kr_newref(value);
    kr_decref(old);
    return 0;
}

static KrSsize deque_length(KrThreadState *ts, KrObject *self) { return DEQ(self)->len; }

static KrObject *deque_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!is_deque(a)) return kr_newref(KR_NOTIMPLEMENTED);
    if (!is_deque(b))
        return krErr_format(ts, &KrExc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                            krType_name(KR_TYPE(b)));
    KrObject *r = deque_copy(ts, a);
    if (!r) return NULL;
    if (deque_extend_internal(ts, DEQ(r), b, false) < 0) {
        kr_decref(r);
        return NULL;
    }
    return r;
}

// Repeats the contents in place n times; with a maxlen only the last maxlen
// items of the repetition are kept (as appending one by one would leave).
static int repeat_inplace(KrThreadState *ts, DequeObject *d, KrSsize n) {
    KrSsize len = d->len;
    if (n <= 0 || len == 0) {
        if (len) deque_clear_items(d);
        return 0;
    }
    if (n == 1) return 0;
    KrSsize total;
    if (__builtin_mul_overflow(len, n, &total)) {
        if (d->maxlen < 0) {
            krErr_no_memory(ts);
            return -1;
        }
        total = KR_SSIZE_MAX;
    }
    // Keep `count` items, starting at item `first` of the pattern (len*n is
    // a multiple of len, so the offset does not depend on n).
    bool trimmed = d->maxlen >= 0 && total > d->maxlen;
    KrSsize count = trimmed ? d->maxlen : total;
    KrSsize first = trimmed ? (len - d->maxlen % len) % len : 0;
    if (d->maxlen < 0 && total > KR_SSIZE_MAX / (KrSsize)sizeof(KrObject *)) {
        krErr_no_memory(ts);
        return -1;
    }
    // Snapshot the items (the deque is rebuilt from scratch).
    KrObject **snap = krMem_malloc((size_t)len * sizeof(KrObject *));
    if (!snap) {
        krErr_no_memory(ts);
        return -1;
    }
    for (KrSsize i = 0; i < len; i++) snap[i] = kr_newref(SLOT(d, i));
    deque_clear_items(d);
    int r = 0;
    for (KrSsize k = 0; k < count && r == 0; k++) r = push_right(ts, d, kr_newref(snap[(first + k) % len]));
    for (KrSsize i = 0; i < len; i++) kr_decref(snap[i]);
    krMem_free(snap);
    return r;
}

static KrObject *deque_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrObject *r = deque_copy(ts, self);
    if (!r) return NULL;
    if (repeat_inplace(ts, DEQ(r), n) < 0) {
        kr_decref(r);
        return NULL;
    }
    return r;
}

static KrObject *deque_inplace_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    if (repeat_inplace(ts, DEQ(self), n) < 0) return NULL;
    return kr_newref(self);
}

// ---------------------------------------------------------------------------
// Comparison, repr, pickling

static KrObject *deque_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!is_deque(a) || !is_deque(b)) return kr_newref(KR_NOTIMPLEMENTED);
    DequeObject *x = DEQ(a), *y = DEQ(b);
    if ((op == KR_EQ || op == KR_NE) && x->len != y->len) return kr_bool(op == KR_NE);
    KrSsize i;
    for (i = 0; i < x->len && i < y->len; i++) {
        KrObject *xi = kr_newref(SLOT(x, i)), *yi = kr_newref(SLOT(y, i));
        int eq = krObj_eq(ts, xi, yi);
        if (eq == 0) {
            KrObject *r = (op == KR_EQ) ? kr_bool(false) : (op == KR_NE) ? kr_bool(true)
                                                                         : krObj_richcompare(ts, xi, yi, op);
            kr_decref(xi);
            kr_decref(yi);
            return r;
        }
        kr_decref(xi);
        kr_decref(yi);
        if (eq < 0) return NULL;
    }
    KrSsize lx = x->len, ly = y->len;
    bool r;
    switch (op) {
    case KR_LT: r = lx < ly; break;
    case KR_LE: r = lx <= ly; break;
    case KR_EQ: r = lx == ly; break;
    case KR_NE: r = lx != ly; break;
    case KR_GT: r = lx > ly; break;
    default: r = lx >= ly; break;
    }
    return kr_bool(r);
}

static KrHash deque_hash(KrThreadState *ts, KrObject *self) {
    krErr_format(ts, &KrExc_TypeError, "unhashable type: '%s'", KR_TYPE(self)->tp_name);
    return -1;
}

static KrObject *deque_repr(KrThreadState *ts, KrObject *self) {
    DequeObject *d = DEQ(self);
    const char *name = krType_name(KR_TYPE(self));
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_cstr(ts, "[...]") : NULL;
    KrObject *list = krSeq_list(ts, self);
    KrObject *result = NULL;
    if (list) {
        if (d->maxlen >= 0) result = krStr_from_format(ts, "%s(%R, maxlen=%zd)", name, list, d->maxlen);
        else result = krStr_from_format(ts, "%s(%R)", name, list);
        kr_decref(list);
    }
    krRepr_leave(ts, self);
    return result;
}

static KrObject *deque_iter(KrThreadState *ts, KrObject *self);

static KrObject *deque_reduce(KrThreadState *ts, KrObject *self) {
    DequeObject *d = DEQ(self);
    KrObject *state = NULL;
    if (KR_TYPE(self)->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) {
        KrObject *dict = krAttrs_dict(ts, self);
        if (!dict) return NULL;
        if (krDict_size(dict)) state = dict;
    }
    KrObject *args = d->maxlen < 0 ? kr_newref(krTuple_empty()) : NULL;
    if (!args) {
        KrObject *ml = krInt_from_ssize(ts, d->maxlen);
        args = ml ? krTuple_pack(ts, 2, krTuple_empty(), ml) : NULL;
        kr_xdecref(ml);
        if (!args) return NULL;
    }
    KrObject *it = deque_iter(ts, self);
    KrObject *r = it ? krTuple_pack(ts, 4, (KrObject *)KR_TYPE(self), args, state ? state : KR_NONE, it) : NULL;
    kr_decref(args);
    kr_xdecref(it);
    return r;
}

static KrObject *deque_sizeof(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, (KrSsize)sizeof(DequeObject) + DEQ(self)->cap * (KrSsize)sizeof(KrObject *));
}

static KrObject *deque_get_maxlen(KrThreadState *ts, KrObject *self, void *closure) {
    KrSsize m = DEQ(self)->maxlen;
    return m < 0 ? kr_newref(KR_NONE) : krInt_from_ssize(ts, m);
}

// ---------------------------------------------------------------------------
// Iterators

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *deque;               // strong
    KrSsize index;                 // next position (from the left, or from the right when reversed)
    KrSsize counter;               // items left
    size_t state;                  // the deque's state when the iterator was made
} DequeIterObject;

static KrObject *make_iter(KrThreadState *ts, KrObject *self, KrTypeObject *type) {
    DequeIterObject *it = (DequeIterObject *)krObj_alloc(ts, type, 0);
    if (!it) return NULL;
    it->deque = kr_newref(self);
    it->counter = DEQ(self)->len;
    it->state = DEQ(self)->state;
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static KrObject *deque_iter(KrThreadState *ts, KrObject *self) { return make_iter(ts, self, &KrDequeIter_Type); }

static KrObject *deque_reversed(KrThreadState *ts, KrObject *self) {
    return make_iter(ts, self, &KrDequeRevIter_Type);
}

static void dequeiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((DequeIterObject *)self)->deque);
    krObj_free(self);
}

static int dequeiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((DequeIterObject *)self)->deque);
    return 0;
}

static KrObject *dequeiter_step(KrThreadState *ts, KrObject *self, bool reverse) {
    DequeIterObject *it = (DequeIterObject *)self;
    DequeObject *d = DEQ(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        return krErr_format(ts, &KrExc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0) return NULL;
    KrSsize i = reverse ? d->len - 1 - it->index : it->index;
    it->index++;
    it->counter--;
    return kr_newref(SLOT(d, i));
}

static KrObject *dequeiter_next(KrThreadState *ts, KrObject *self) { return dequeiter_step(ts, self, false); }
static KrObject *dequereviter_next(KrThreadState *ts, KrObject *self) { return dequeiter_step(ts, self, true); }

static KrObject *dequeiter_length_hint(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, ((DequeIterObject *)self)->counter);
}

static KrObject *dequeiter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef dequeiter_methods[] = {
    {"__length_hint__", KR_CFUNC(dequeiter_length_hint), KR_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

KrTypeObject KrDequeIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = dequeiter_self,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};

KrTypeObject KrDequeRevIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = dequeiter_self,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
};

// ---------------------------------------------------------------------------
// The type

static const KrMethodDef deque_methods[] = {
    {"append", KR_CFUNC(deque_append), KR_METH_O, "Add an element to the right side of the deque."},
    {"appendleft", KR_CFUNC(deque_appendleft), KR_METH_O, "Add an element to the left side of the deque."},
    {"clear", KR_CFUNC(deque_clearmethod), KR_METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", KR_CFUNC(deque_copy), KR_METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", KR_CFUNC(deque_copy), KR_METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", KR_CFUNC(deque_count), KR_METH_O, "D.count(value) -- return number of occurrences of value"},
    {"extend", KR_CFUNC(deque_extend), KR_METH_O, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", KR_CFUNC(deque_extendleft), KR_METH_O, "Extend the left side of the deque with elements from the iterable"},
    {"index", KR_CFUNC(deque_index), KR_METH_FAST, "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", KR_CFUNC(deque_insert), KR_METH_FAST, "D.insert(index, object) -- insert object before index"},
    {"pop", KR_CFUNC(deque_pop), KR_METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", KR_CFUNC(deque_popleft), KR_METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", KR_CFUNC(deque_reduce), KR_METH_NOARGS, "Return state information for pickling."},
    {"remove", KR_CFUNC(deque_remove), KR_METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", KR_CFUNC(deque_reversed), KR_METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", KR_CFUNC(deque_reverse), KR_METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", KR_CFUNC(deque_rotate), KR_METH_FAST, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", KR_CFUNC(deque_sizeof), KR_METH_NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"},
    {NULL},
};

static const KrGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL},
};

KrTypeObject KrDeque_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(DequeObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_SEQUENCE,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
              "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_new = deque_new,
    .tp_init = deque_init,
    .tp_dealloc = deque_dealloc,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_gc_clear,
    .tp_repr = deque_repr,
    .tp_hash = deque_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = deque_richcompare,
    .tp_iter = deque_iter,
    .mp_length = deque_length,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
    .sq_contains = deque_contains,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
};
