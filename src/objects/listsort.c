/*
 * listsort.c — list.sort(): a stable, adaptive merge sort (Tim Peters's
 * timsort as CPython 3.11 has it: natural runs extended to a minimum length by
 * binary insertion, merges chosen by the "powersort" policy, galloping mode
 * with an adaptive threshold).  The algorithm is described in CPython's
 * Objects/listsort.txt.
 *
 * While sorting, the list is emptied (size 0, items NULL, allocated -1) so that
 * key functions and comparisons that look at it see an empty list; if it was
 * changed meanwhile, the sort raises ValueError("list modified during sort")
 * and whatever the list holds at the end is discarded.
 *
 * With a key function, keys are computed first and the items travel alongside
 * them (`values`).  reverse=True reverses before and after sorting, which keeps
 * the sort stable.
 *
 * Comparison fast paths: when every key is a tagged int, an exact float or an
 * exact str, keys are compared directly instead of through rich comparison.
 *
 * Related: list.c, list.h.
 */
#include "objects/list.h"

#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/str.h"
#include "runtime/error.h"

#define MAX_MERGE_PENDING 85
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256

// Parallel arrays of keys and (optionally) the items they were computed from.
typedef struct {
    KrObject **keys;
    KrObject **values;             // NULL when there is no key function
} SortSlice;

typedef struct {
    SortSlice base;
    KrSsize len;
    int power;                     // powersort node power of the boundary after this run
} Run;

typedef struct MergeState MergeState;
struct MergeState {
    KrThreadState *ts;
    // 1 if a < b, 0 if not, -1 on error.
    int (*lt)(MergeState *ms, KrObject *a, KrObject *b);
    KrSsize min_gallop;
    KrSsize listlen;
    KrObject **basekeys;
    SortSlice a;                   // temporary storage for merges
    KrSsize alloced;
    int n;                         // number of pending runs
    Run pending[MAX_MERGE_PENDING];
    KrObject *temparray[MERGESTATE_TEMP_SIZE];
};

// ---------------------------------------------------------------------------
// Comparisons

static int lt_generic(MergeState *ms, KrObject *a, KrObject *b) {
    return krObj_richcompare_bool(ms->ts, a, b, KR_LT);
}

static int lt_smallint(MergeState *ms, KrObject *a, KrObject *b) {
    return kr_smallint_value(a) < kr_smallint_value(b);
}

static int lt_float(MergeState *ms, KrObject *a, KrObject *b) {
    return krFloat_value(a) < krFloat_value(b);
}

static int lt_str(MergeState *ms, KrObject *a, KrObject *b) {
    return krStr_compare(a, b) < 0;
}

// Picks the cheapest comparison valid for every key.
static void choose_compare(MergeState *ms, KrObject **keys, KrSsize n) {
    ms->lt = lt_generic;
    if (n < 2) return;
    bool all_small = true, all_float = true, all_str = true;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *k = keys[i];
        if (kr_is_smallint(k)) {
            all_float = all_str = false;
        } else {
            all_small = false;
            if (k->ob_type != &KrFloat_Type) all_float = false;
            if (k->ob_type != &KrStr_Type) all_str = false;
        }
        if (!all_small && !all_float && !all_str) return;
    }
    ms->lt = all_small ? lt_smallint : all_float ? lt_float : lt_str;
}

#define ISLT(X, Y) (ms->lt(ms, (X), (Y)))

// ---------------------------------------------------------------------------
// Slice helpers: every move of keys moves the values alike.

static inline void ss_copy(SortSlice *dst, KrSsize i, SortSlice *src, KrSsize j) {
    dst->keys[i] = src->keys[j];
    if (dst->values) dst->values[i] = src->values[j];
}

static inline void ss_copy_incr(SortSlice *dst, SortSlice *src) {
    *dst->keys++ = *src->keys++;
    if (dst->values) *dst->values++ = *src->values++;
}

static inline void ss_copy_decr(SortSlice *dst, SortSlice *src) {
    *dst->keys-- = *src->keys--;
    if (dst->values) *dst->values-- = *src->values--;
}

static inline void ss_memcpy(SortSlice *dst, KrSsize i, SortSlice *src, KrSsize j, KrSsize n) {
    memcpy(&dst->keys[i], &src->keys[j], (size_t)n * sizeof(KrObject *));
    if (dst->values) memcpy(&dst->values[i], &src->values[j], (size_t)n * sizeof(KrObject *));
}

static inline void ss_memmove(SortSlice *dst, KrSsize i, SortSlice *src, KrSsize j, KrSsize n) {
    memmove(&dst->keys[i], &src->keys[j], (size_t)n * sizeof(KrObject *));
    if (dst->values) memmove(&dst->values[i], &src->values[j], (size_t)n * sizeof(KrObject *));
}

static inline void ss_advance(SortSlice *s, KrSsize n) {
    s->keys += n;
    if (s->values) s->values += n;
}

static void reverse_array(KrObject **lo, KrObject **hi) {
    for (--hi; lo < hi; lo++, hi--) {
        KrObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void reverse_sortslice(SortSlice *s, KrSsize n) {
    reverse_array(s->keys, s->keys + n);
    if (s->values) reverse_array(s->values, s->values + n);
}

// ---------------------------------------------------------------------------
// Runs

// Sorts [lo, hi) by binary insertion, knowing [lo, start) is sorted.  0 or -1.
static int binarysort(MergeState *ms, SortSlice lo, KrObject **hi, KrObject **start) {
    if (lo.keys == start) ++start;
    for (; start < hi; ++start) {
        KrObject **l = lo.keys, **r = start, *pivot = *r;
        do {
            KrObject **p = l + ((r - l) >> 1);
            int k = ISLT(pivot, *p);
            if (k < 0) return -1;
            if (k) r = p;
            else l = p + 1;
        } while (l < r);
        for (KrObject **p = start; p > l; --p) *p = *(p - 1);
        *l = pivot;
        if (lo.values) {
            KrSsize offset = start - lo.keys, dest = l - lo.keys;
            KrObject *pv = lo.values[offset];
            for (KrSsize p = offset; p > dest; --p) lo.values[p] = lo.values[p - 1];
            lo.values[dest] = pv;
        }
    }
    return 0;
}

// Length of the run starting at lo (ascending, or strictly descending with
// *descending set).  -1 on error.
static KrSsize count_run(MergeState *ms, KrObject **lo, KrObject **hi, int *descending) {
    *descending = 0;
    if (lo + 1 == hi) return 1;
    KrSsize n = 2;
    int k = ISLT(lo[1], lo[0]);
    if (k < 0) return -1;
    if (k) {
        *descending = 1;
        for (lo += 2; lo < hi; ++lo, ++n) {
            k = ISLT(*lo, *(lo - 1));
            if (k < 0) return -1;
            if (!k) break;
        }
    } else {
        for (lo += 2; lo < hi; ++lo, ++n) {
            k = ISLT(*lo, *(lo - 1));
            if (k < 0) return -1;
            if (k) break;
        }
    }
    return n;
}

// Leftmost position in sorted a[0:n] where key can be inserted: a[k-1] < key
// <= a[k].  Starts looking near a[hint].  -1 on error.
static KrSsize gallop_left(MergeState *ms, KrObject *key, KrObject **a, KrSsize n, KrSsize hint) {
    KrSsize ofs = 1, lastofs = 0, k;
    a += hint;
    if ((k = ISLT(*a, key)) < 0) return -1;
    if (k) {
        KrSsize maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = ISLT(a[ofs], key)) < 0) return -1;
            if (!k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        KrSsize maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = ISLT(*(a - ofs), key)) < 0) return -1;
            if (k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        KrSsize m = lastofs + ((ofs - lastofs) >> 1);
        if ((k = ISLT(a[m], key)) < 0) return -1;
        if (k) lastofs = m + 1;
        else ofs = m;
    }
    return ofs;
}

// Rightmost position: a[k-1] <= key < a[k].  -1 on error.
static KrSsize gallop_right(MergeState *ms, KrObject *key, KrObject **a, KrSsize n, KrSsize hint) {
    KrSsize ofs = 1, lastofs = 0, k;
    a += hint;
    if ((k = ISLT(key, *a)) < 0) return -1;
    if (k) {
        KrSsize maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = ISLT(key, *(a - ofs))) < 0) return -1;
            if (!k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        KrSsize maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = ISLT(key, a[ofs])) < 0) return -1;
            if (k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        KrSsize m = lastofs + ((ofs - lastofs) >> 1);
        if ((k = ISLT(key, a[m])) < 0) return -1;
        if (k) ofs = m;
        else lastofs = m + 1;
    }
    return ofs;
}

// ---------------------------------------------------------------------------
// Merging

static void merge_init(MergeState *ms, KrThreadState *ts, KrSsize list_size, bool has_values, SortSlice *lo) {
    ms->ts = ts;
    ms->alloced = MERGESTATE_TEMP_SIZE;
    ms->a.keys = ms->temparray;
    ms->a.values = NULL;
    if (has_values) {
        // Half of the temp array holds values.
        ms->alloced = MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[MERGESTATE_TEMP_SIZE / 2];
    }
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static void merge_freemem(MergeState *ms) {
    if (ms->a.keys != ms->temparray) {
        krMem_free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

// Ensures room for `need` temporaries.  0 or -1 (MemoryError).
static int merge_getmem(MergeState *ms, KrSsize need) {
    if (need <= ms->alloced) return 0;
    int multiplier = ms->a.values ? 2 : 1;
    merge_freemem(ms);
    if ((size_t)need > SIZE_MAX / sizeof(KrObject *) / (size_t)multiplier) goto nomem;
    ms->a.keys = krMem_malloc((size_t)multiplier * (size_t)need * sizeof(KrObject *));
    if (!ms->a.keys) goto nomem;
    ms->alloced = need;
    if (ms->a.values) ms->a.values = &ms->a.keys[need];
    return 0;
nomem:
    ms->a.keys = ms->temparray;  // keep merge_freemem safe
    krErr_no_memory(ms->ts);
    return -1;
}

// Merges the na items at ssa with the nb items at ssb (adjacent, na <= nb),
// in place.  0 or -1.
static int merge_lo(MergeState *ms, SortSlice ssa, KrSsize na, SortSlice ssb, KrSsize nb) {
    int result = -1;
    KrSsize k, min_gallop, acount, bcount;
    SortSlice dest;
    if (merge_getmem(ms, na) < 0) return -1;
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;
    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    min_gallop = ms->min_gallop;
    for (;;) {
        acount = bcount = 0;
        // Straight merging until one run wins consistently.
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k < 0) goto fail;
            if (k) {
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) goto succeed;
                if (bcount >= min_gallop) break;
            } else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) goto copy_b;
                if (acount >= min_gallop) break;
            }
        }
        // Galloping until neither run wins by much.
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0) goto fail;
                ss_memcpy(&dest, 0, &ssa, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssa, k);
                na -= k;
                if (na == 1) goto copy_b;
                // na == 0 only happens with an inconsistent comparison.
                if (na == 0) goto succeed;
            }
            ss_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0) goto succeed;
            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0) goto fail;
                ss_memmove(&dest, 0, &ssb, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssb, k);
                nb -= k;
                if (nb == 0) goto succeed;
            }
            ss_copy_incr(&dest, &ssa);
            --na;
            if (na == 1) goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na) ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    // The last item of run a belongs after everything left in run b.
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

// Like merge_lo for na >= nb, merging from the right end.  0 or -1.
static int merge_hi(MergeState *ms, SortSlice ssa, KrSsize na, SortSlice ssb, KrSsize nb) {
    int result = -1;
    KrSsize k, min_gallop, acount, bcount;
    SortSlice dest, basea, baseb;
    if (merge_getmem(ms, nb) < 0) return -1;
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values) ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);
    ss_copy_decr(&dest, &ssa);
    --na;
    if (na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    min_gallop = ms->min_gallop;
    for (;;) {
        acount = bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k < 0) goto fail;
            if (k) {
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) goto succeed;
                if (acount >= min_gallop) break;
            } else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) goto copy_a;
                if (bcount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0) goto fail;
            k = na - k;
            acount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssa, -k);
                ss_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0) goto succeed;
            }
            ss_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1) goto copy_a;
            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0) goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssb, -k);
                ss_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1) goto copy_a;
                // nb == 0 only happens with an inconsistent comparison.
                if (nb == 0) goto succeed;
            }
            ss_copy_decr(&dest, &ssa);
            --na;
            if (na == 0) goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb) ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    // The first item of run b belongs before everything left in run a.
    ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

// Merges pending runs i and i+1.  0 or -1.
static int merge_at(MergeState *ms, int i) {
    Run *p = ms->pending;
    SortSlice ssa = p[i].base, ssb = p[i + 1].base;
    KrSsize na = p[i].len, nb = p[i + 1].len, k;
    p[i].len = na + nb;
    if (i == ms->n - 3) p[i + 1] = p[i + 2];
    --ms->n;
    // Items of a already in place before b's first item can be ignored...
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0) return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0) return 0;
    // ...and so can items of b already after a's last item.
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) return (int)nb;
    return na <= nb ? merge_lo(ms, ssa, na, ssb, nb) : merge_hi(ms, ssa, na, ssb, nb);
}

// The powersort "power" of the boundary between run [s1, s1+n1) and the
// following run of n2 items, in a list of n.
static int powerloop(KrSsize s1, KrSsize n1, KrSsize n2, KrSsize n) {
    int result = 0;
    KrSsize a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

// Called when a new run of n2 items has been found: merges pending runs whose
// boundary power exceeds the new one.  0 or -1.
static int found_new_run(MergeState *ms, KrSsize n2) {
    if (ms->n) {
        Run *p = ms->pending;
        KrSsize s1 = p[ms->n - 1].base.keys - ms->basekeys, n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power)
            if (merge_at(ms, ms->n - 2) < 0) return -1;
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms) {
    Run *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
        if (merge_at(ms, n) < 0) return -1;
    }
    return 0;
}

static KrSsize merge_compute_minrun(KrSsize n) {
    KrSsize r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// Sorts the slice of n items.  0 or -1.
static int timsort(MergeState *ms, SortSlice lo, KrSsize n) {
    KrSsize nremaining = n, minrun = merge_compute_minrun(n);
    do {
        int descending;
        KrSsize run = count_run(ms, lo.keys, lo.keys + nremaining, &descending);
        if (run < 0) return -1;
        if (descending) reverse_sortslice(&lo, run);
        if (run < minrun) {
            KrSsize force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(ms, lo, lo.keys + force, lo.keys + run) < 0) return -1;
            run = force;
        }
        if (found_new_run(ms, run) < 0) return -1;
        ms->pending[ms->n].base = lo;
        ms->pending[ms->n].len = run;
        ++ms->n;
        ss_advance(&lo, run);
        nremaining -= run;
    } while (nremaining);
    return merge_force_collapse(ms);
}

int krList_sort(KrThreadState *ts, KrObject *list, KrObject *keyfunc, bool reverse) {
    KrListObject *self = (KrListObject *)list;
    KrSsize saved_size = KR_SIZE(self), saved_alloc = self->allocated;
    KrObject **saved_items = self->items, **keys = NULL;
    KrObject *small_keys[MERGESTATE_TEMP_SIZE / 2];
    int result = -1;
    MergeState ms;
    SortSlice lo;

    // Empty the list while sorting; see the file comment.
    KR_SIZE(self) = 0;
    self->items = NULL;
    self->allocated = -1;

    if (!keyfunc) {
        lo.keys = saved_items;
        lo.values = NULL;
    } else {
        keys = saved_size <= MERGESTATE_TEMP_SIZE / 2 ? small_keys
                                                       : krMem_malloc((size_t)saved_size * sizeof(KrObject *));
        if (!keys) {
            krErr_no_memory(ts);
            goto restore;
        }
        for (KrSsize i = 0; i < saved_size; i++) {
            keys[i] = krObj_call1(ts, keyfunc, saved_items[i]);
            if (!keys[i]) {
                for (KrSsize j = 0; j < i; j++) kr_decref(keys[j]);
                if (keys != small_keys) krMem_free(keys);
                goto restore;
            }
        }
        lo.keys = keys;
        lo.values = saved_items;
    }
    merge_init(&ms, ts, saved_size, keyfunc != NULL, &lo);
    choose_compare(&ms, lo.keys, saved_size);
    if (saved_size > 1) {
        if (reverse) {
            if (keys) reverse_array(keys, keys + saved_size);
            reverse_array(saved_items, saved_items + saved_size);
        }
        result = timsort(&ms, lo, saved_size);
        if (reverse) reverse_array(saved_items, saved_items + saved_size);
    } else {
        result = 0;
    }
    merge_freemem(&ms);
    if (keys) {
        for (KrSsize i = 0; i < saved_size; i++) kr_decref(keys[i]);
        if (keys != small_keys) krMem_free(keys);
    }
    if (self->allocated != -1 && result == 0) {
        krErr_set_string(ts, &KrExc_ValueError, "list modified during sort");
        result = -1;
    }
restore:;
    KrObject **final_items = self->items;
    KrSsize final_size = KR_SIZE(self);
    KR_SIZE(self) = saved_size;
    self->items = saved_items;
    self->allocated = saved_alloc;
    if (final_items) {
        while (--final_size >= 0) kr_decref(final_items[final_size]);
        krMem_free(final_items);
    }
    return result;
}
