/*
 * set.c — set and frozenset, and their iterator.
 *
 * The table is CPython 3.11's setobject.c algorithm, step for step, because
 * the iteration order of a set is visible (print({3, 1, 2})) and must equal
 * CPython's: each probe looks at LINEAR_PROBES consecutive slots before the
 * perturbation jump (i = 5*i + 1 + perturb), a table is at most 60% full
 * (fill*5 >= mask*3 resizes to 4x used, or 2x past 50000), deleted slots hold
 * a dummy key with hash -1 and are reused by later insertions, and the bulk
 * operations (update from a set or dict, intersection, difference, symmetric
 * difference) walk their operands in CPython's order.
 *
 * Strong references: every active entry's key.  Small tables live inline
 * (smalltable).  Comparisons may run Python code that mutates the set: the
 * probes re-check the table and the entry after each comparison and restart.
 *
 * Related: set.h, dict.c (same hashing of keys), dictviews.c (set-like views).
 */
#include "objects/genericalias.h"
#include "objects/set.h"

#include "objects/abstract.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/dict_internal.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

// Marks a deleted slot (with hash -1).  Never visible to Python code.
static KrObject dummy_struct = KR_STATIC_HEAD(&KrBaseObject_Type);
#define DUMMY (&dummy_struct)

typedef KrSetObject SetObj;

static inline bool keys_equal_fast(KrObject *a, KrObject *b, int *result) {
    // Decides equality without running code when possible.
    if (kr_is_smallint(a) && kr_is_smallint(b)) {
        *result = a == b;
        return true;
    }
    if (!kr_is_smallint(a) && !kr_is_smallint(b) && a->ob_type == &KrStr_Type && b->ob_type == &KrStr_Type) {
        *result = krStr_eq(a, b);
        return true;
    }
    return false;
}

// Slot holding `key`, or the first empty slot of its probe sequence; NULL on
// error.
static KrSetEntry *set_lookkey(KrThreadState *ts, SetObj *so, KrObject *key, KrHash hash) {
restart:;
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    for (;;) {
        KrSetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return entry;
            if (entry->hash == hash) {
                KrObject *startkey = entry->key;
                if (startkey == key) return entry;
                int eq;
                if (keys_equal_fast(startkey, key, &eq)) {
                    if (eq) return entry;
                } else {
                    KrSetEntry *table = so->table;
                    kr_incref(startkey);
                    int cmp = krObj_richcompare_bool(ts, startkey, key, KR_EQ);
                    kr_decref(startkey);
                    if (cmp < 0) return NULL;
                    if (table != so->table || entry->key != startkey) goto restart;
                    if (cmp > 0) return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(KrThreadState *ts, SetObj *so, KrSsize minused);

// Adds `key` (increfed here) with its hash.  0 or -1.
static int set_add_entry(KrThreadState *ts, SetObj *so, KrObject *key, KrHash hash) {
    // Own a reference first: a comparison could otherwise free the key.
    kr_incref(key);
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    KrSetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                KrObject *startkey = entry->key;
                if (startkey == key) goto found_active;
                int eq;
                if (keys_equal_fast(startkey, key, &eq)) {
                    if (eq) goto found_active;
                } else {
                    KrSetEntry *table = so->table;
                    kr_incref(startkey);
                    int cmp = krObj_richcompare_bool(ts, startkey, key, KR_EQ);
                    kr_decref(startkey);
                    if (cmp > 0) goto found_active;
                    if (cmp < 0) goto comparison_error;
                    if (table != so->table || entry->key != startkey) goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(ts, so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    kr_decref(key);
    return 0;
comparison_error:
    kr_decref(key);
    return -1;
}

// Inserts a key known to be absent into a table without dummies.  Never fails.
static void set_insert_clean(KrSetEntry *table, size_t mask, KrObject *key, KrHash hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    KrSetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

// Rebuilds the table with the smallest size > minused.  0 or -1.
static int set_table_resize(KrThreadState *ts, SetObj *so, KrSsize minused) {
    KrSetEntry small_copy[KR_SET_MINSIZE];
    KrSsize oldmask = so->mask;
    size_t newsize = KR_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
        if (newsize > ((size_t)1 << 56)) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    KrSetEntry *oldtable = so->table, *newtable;
    bool oldtable_malloced = oldtable != so->smalltable;
    if (newsize == KR_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;  // no dummies: nothing to do
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = krMem_malloc(newsize * sizeof(KrSetEntry));
        if (!newtable) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(KrSetEntry));
    so->mask = (KrSsize)newsize - 1;
    so->table = newtable;
    size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (KrSetEntry *e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key != NULL) set_insert_clean(newtable, newmask, e->key, e->hash);
    } else {
        so->fill = so->used;
        for (KrSetEntry *e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key != NULL && e->key != DUMMY) set_insert_clean(newtable, newmask, e->key, e->hash);
    }
    if (oldtable_malloced) krMem_free(oldtable);
    return 0;
}

static int set_contains_entry(KrThreadState *ts, SetObj *so, KrObject *key, KrHash hash) {
    KrSetEntry *entry = set_lookkey(ts, so, key, hash);
    if (!entry) return -1;
    return entry->key != NULL;
}

// 1 found and removed, 0 absent, -1 error.
static int set_discard_entry(KrThreadState *ts, SetObj *so, KrObject *key, KrHash hash) {
    KrSetEntry *entry = set_lookkey(ts, so, key, hash);
    if (!entry) return -1;
    if (entry->key == NULL) return 0;
    KrObject *old_key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    kr_decref(old_key);
    return 1;
}

static inline KrHash set_hash_key(KrThreadState *ts, KrObject *key) { return krDict_hash_key(ts, key); }

static int set_add_key(KrThreadState *ts, SetObj *so, KrObject *key) {
    KrHash hash = set_hash_key(ts, key);
    if (hash == -1) return -1;
    return set_add_entry(ts, so, key, hash);
}

static int set_contains_key(KrThreadState *ts, SetObj *so, KrObject *key) {
    KrHash hash = set_hash_key(ts, key);
    if (hash == -1) return -1;
    return set_contains_entry(ts, so, key, hash);
}

static int set_discard_key(KrThreadState *ts, SetObj *so, KrObject *key) {
    KrHash hash = set_hash_key(ts, key);
    if (hash == -1) return -1;
    return set_discard_entry(ts, so, key, hash);
}

static void set_empty_to_minsize(SetObj *so) {
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = KR_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

static int set_clear_internal(KrObject *self) {
    SetObj *so = (SetObj *)self;
    KrSetEntry small_copy[KR_SET_MINSIZE], *table = so->table;
    KrSsize used = so->used;
    bool malloced = table != so->smalltable;
    // Empty the set before releasing keys: their deallocation may use it.
    if (malloced) {
        set_empty_to_minsize(so);
    } else if (so->fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (KrSetEntry *e = table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            kr_decref(e->key);
        }
    }
    if (malloced) krMem_free(table);
    return 0;
}

static bool set_next(SetObj *so, KrSsize *pos, KrSetEntry **entry_ptr) {
    KrSsize i = *pos, mask = so->mask;
    KrSetEntry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == DUMMY)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask) return false;
    *entry_ptr = entry;
    return true;
}

bool krSet_next(KrObject *set, KrSsize *pos, KrObject **key, KrHash *hash) {
    KrSetEntry *e;
    if (!set_next((SetObj *)set, pos, &e)) return false;
    if (key) *key = e->key;
    if (hash) *hash = e->hash;
    return true;
}

// ---------------------------------------------------------------------------
// Bulk insertion

static int set_merge(KrThreadState *ts, SetObj *so, SetObj *other) {
    if (other == so || other->used == 0) return 0;
    // One big resize at the start; expect few overlapping keys.
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        set_table_resize(ts, so, (so->used + other->used) * 2) != 0)
        return -1;
    KrSetEntry *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        // Same size, no dummies: copy the slots as they are.
        for (KrSsize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            KrObject *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = kr_newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (KrSsize i = other->mask + 1; i > 0; i--, other_entry++) {
            KrObject *key = other_entry->key;
            if (key != NULL && key != DUMMY) set_insert_clean(so->table, newmask, kr_newref(key), other_entry->hash);
        }
        return 0;
    }
    for (KrSsize i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        KrObject *key = other_entry->key;
        if (key != NULL && key != DUMMY && set_add_entry(ts, so, key, other_entry->hash)) return -1;
    }
    return 0;
}

static int set_update_internal(KrThreadState *ts, SetObj *so, KrObject *other) {
    if (krAnySet_check(other)) return set_merge(ts, so, (SetObj *)other);
    if (krDict_check_exact(other)) {
        KrSsize dictsize = krDict_size(other), pos = 0;
        if ((so->fill + dictsize) * 5 >= so->mask * 3 && set_table_resize(ts, so, (so->used + dictsize) * 2) != 0)
            return -1;
        KrObject *key;
        KrHash hash;
        while (krDict_next_hash(other, &pos, &key, NULL, &hash))
            if (set_add_entry(ts, so, key, hash)) return -1;
        return 0;
    }
    KrObject *it = krObj_get_iter(ts, other), *key;
    if (!it) return -1;
    while ((key = krIter_next(ts, it)) != NULL) {
        int r = set_add_key(ts, so, key);
        kr_decref(key);
        if (r) {
            kr_decref(it);
            return -1;
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? -1 : 0;
}

static KrObject *make_new_set(KrThreadState *ts, KrTypeObject *type, KrObject *iterable) {
    SetObj *so;
    if (type == &KrSet_Type || type == &KrFrozenSet_Type) so = (SetObj *)krObj_alloc(ts, type, 0);
    else so = (SetObj *)krType_generic_alloc(ts, type, 0);
    if (!so) return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = KR_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    kr_gc_track_once((KrObject *)so);
    if (iterable && set_update_internal(ts, so, iterable)) {
        kr_decref((KrObject *)so);
        return NULL;
    }
    return (KrObject *)so;
}

// A new set or frozenset (whichever base `type` derives from).
static KrObject *make_new_set_basetype(KrThreadState *ts, KrTypeObject *type, KrObject *iterable) {
    if (type != &KrSet_Type && type != &KrFrozenSet_Type)
        type = krType_is_subtype(type, &KrSet_Type) ? &KrSet_Type : &KrFrozenSet_Type;
    return make_new_set(ts, type, iterable);
}

KrObject *krSet_new(KrThreadState *ts, KrObject *iterable) { return make_new_set(ts, &KrSet_Type, iterable); }

KrObject *krFrozenSet_new(KrThreadState *ts, KrObject *iterable) {
    return make_new_set(ts, &KrFrozenSet_Type, iterable);
}

int krSet_add(KrThreadState *ts, KrObject *set, KrObject *key) { return set_add_key(ts, (SetObj *)set, key); }
int krSet_contains(KrThreadState *ts, KrObject *set, KrObject *key) {
    return set_contains_key(ts, (SetObj *)set, key);
}
int krSet_discard(KrThreadState *ts, KrObject *set, KrObject *key) {
    return set_discard_key(ts, (SetObj *)set, key);
}
int krSet_update(KrThreadState *ts, KrObject *set, KrObject *iterable) {
    return set_update_internal(ts, (SetObj *)set, iterable);
}

// ---------------------------------------------------------------------------
// Slots

static void set_dealloc(KrObject *self) {
    SetObj *so = (SetObj *)self;
    krGC_untrack(self);
    bool exact = KR_TYPE(self) == &KrSet_Type || KR_TYPE(self) == &KrFrozenSet_Type;
    if (exact && !krTrash_begin(self)) return;
    KrSsize used = so->used;
    for (KrSetEntry *e = so->table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            kr_decref(e->key);
        }
    }
    if (so->table != so->smalltable) krMem_free(so->table);
    krObj_free(self);
    if (exact) krTrash_end();
}

static int set_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrSsize pos = 0;
    KrSetEntry *e;
    while (set_next((SetObj *)self, &pos, &e)) KR_VISIT(e->key);
    return 0;
}

static KrObject *set_repr(KrThreadState *ts, KrObject *self) {
    SetObj *so = (SetObj *)self;
    const char *name = KR_TYPE(self)->tp_name;
    int status = krRepr_enter(ts, self);
    if (status != 0) return status < 0 ? NULL : krStr_from_format(ts, "%s(...)", name);
    KrObject *result = NULL;
    if (!so->used) {
        result = krStr_from_format(ts, "%s()", name);
        goto done;
    }
    KrObject *keys = krSeq_list(ts, self);
    if (!keys) goto done;
    KrStrBuilder sb;
    krSB_init(&sb);
    bool exact = KR_TYPE(self) == &KrSet_Type;
    int r = exact ? 0 : krSB_printf(ts, &sb, "%s(", name);
    if (r == 0) r = krSB_append(ts, &sb, "{", 1);
    for (KrSsize i = 0; r == 0 && i < KR_LIST_SIZE(keys); i++) {
        if (i > 0) r = krSB_append(ts, &sb, ", ", 2);
        if (r == 0) r = krSB_append_obj_repr(ts, &sb, KR_LIST_GET(keys, i));
    }
    if (r == 0) r = krSB_append(ts, &sb, exact ? "}" : "})", exact ? 1 : 2);
    kr_decref(keys);
    if (r == 0) result = krSB_finish(ts, &sb);
    else krSB_discard(&sb);
done:
    krRepr_leave(ts, self);
    return result;
}

static KrSsize set_len(KrThreadState *ts, KrObject *self) { return ((SetObj *)self)->used; }

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static KrHash frozenset_hash(KrThreadState *ts, KrObject *self) {
    SetObj *so = (SetObj *)self;
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    // Every slot's hash goes in (xor is order independent); the effect of the
    // empty (hash 0) and dummy (hash -1) slots is taken out afterwards.
    for (KrSetEntry *e = so->table; e <= &so->table[so->mask]; e++) hash ^= shuffle_bits((uint64_t)e->hash);
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    so->hash = (KrHash)hash;
    return so->hash;
}

// ---------------------------------------------------------------------------
// Iterator

typedef struct {
    KR_OBJECT_HEAD;
    SetObj *set;                   // strong; NULL once exhausted
    KrSsize used;                  // the set's size when iteration started (-1: failed)
    KrSsize pos;
    KrSsize len;
} SetIterObject;

static KrObject *set_iter(KrThreadState *ts, KrObject *self) {
    SetIterObject *si = (SetIterObject *)krObj_alloc(ts, &KrSetIter_Type, 0);
    if (!si) return NULL;
    si->set = (SetObj *)kr_newref(self);
    si->used = ((SetObj *)self)->used;
    si->pos = 0;
    si->len = si->used;
    krGC_track((KrObject *)si);
    return (KrObject *)si;
}

static void setiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(*(KrObject **)&((SetIterObject *)self)->set);
    krObj_free(self);
}

static int setiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((SetIterObject *)self)->set);
    return 0;
}

static KrObject *setiter_next(KrThreadState *ts, KrObject *self) {
    SetIterObject *si = (SetIterObject *)self;
    SetObj *so = si->set;
    if (!so) return NULL;
    if (si->used != so->used) {
        krErr_set_string(ts, &KrExc_RuntimeError, "Set changed size during iteration");
        si->used = -1;  // stay failed
        return NULL;
    }
    KrSsize i = si->pos, mask = so->mask;
    KrSetEntry *entry = so->table;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == DUMMY)) i++;
    si->pos = i + 1;
    if (i > mask) {
        si->set = NULL;
        kr_decref((KrObject *)so);
        return NULL;
    }
    si->len--;
    return kr_newref(entry[i].key);
}

static KrObject *setiter_length_hint(KrThreadState *ts, KrObject *self) {
    SetIterObject *si = (SetIterObject *)self;
    KrSsize n = (si->set && si->used == si->set->used) ? si->len : 0;
    return krInt_from_ssize(ts, n);
}

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef setiter_methods[] = {
    {"__length_hint__", KR_CFUNC(setiter_length_hint), KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrSetIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

// ---------------------------------------------------------------------------
// Construction

static int set_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    SetObj *so = (SetObj *)self;
    if (krArg_no_kwargs(ts, "set", kwnames) < 0) return -1;
    if (krArg_check_positional(ts, KR_TYPE(self)->tp_name, nargs, 0, 1) < 0) return -1;
    if (so->fill) set_clear_internal(self);
    so->hash = -1;
    if (nargs == 0) return 0;
    return set_update_internal(ts, so, args[0]);
}

static KrObject *set_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    return make_new_set(ts, type, NULL);
}

static KrObject *frozenset_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    if ((type == &KrFrozenSet_Type || type->tp_init == KrFrozenSet_Type.tp_init) &&
        krArg_no_kwargs(ts, "frozenset", kwnames) < 0)
        return NULL;
    if (krArg_check_positional(ts, type->tp_name, nargs, 0, 1) < 0) return NULL;
    KrObject *iterable = nargs ? args[0] : NULL;
    if (type == &KrFrozenSet_Type && iterable && KR_TYPE(iterable) == &KrFrozenSet_Type)
        return kr_newref(iterable);  // frozenset(f) is f
    return make_new_set(ts, type, iterable);
}

// Exchanges the contents of two sets (for the in-place operations that build
// their result in a temporary).  Never fails.
static void set_swap_bodies(SetObj *a, SetObj *b) {
    KrSsize t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    KrSetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        KrSetEntry tab[KR_SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (krFrozenSet_check((KrObject *)a) && krFrozenSet_check((KrObject *)b)) {
        KrHash h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

// ---------------------------------------------------------------------------
// Algebra

static KrObject *set_copy(KrThreadState *ts, KrObject *self) {
    return make_new_set_basetype(ts, KR_TYPE(self), self);
}

static KrObject *frozenset_copy(KrThreadState *ts, KrObject *self) {
    if (KR_TYPE(self) == &KrFrozenSet_Type) return kr_newref(self);
    return set_copy(ts, self);
}

static KrObject *set_clear_meth(KrThreadState *ts, KrObject *self) {
    set_clear_internal(self);
    return KR_NONE;
}

static KrObject *set_union(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrObject *result = set_copy(ts, self);
    if (!result) return NULL;
    for (KrSsize i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (set_update_internal(ts, (SetObj *)result, args[i])) {
            kr_decref(result);
            return NULL;
        }
    }
    return result;
}

static KrObject *set_or(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(self) || !krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    KrObject *result = set_copy(ts, self);
    if (!result || self == other) return result;
    if (set_update_internal(ts, (SetObj *)result, other)) KR_CLEAR(result);
    return result;
}

static KrObject *set_ior(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    if (set_update_internal(ts, (SetObj *)self, other)) return NULL;
    return kr_newref(self);
}

KrObject *krSet_intersection(KrThreadState *ts, KrObject *self, KrObject *other) {
    SetObj *so = (SetObj *)self;
    if (self == other) return set_copy(ts, self);
    KrObject *result = make_new_set_basetype(ts, KR_TYPE(self), NULL);
    if (!result) return NULL;
    if (krAnySet_check(other)) {
        // Walk the smaller set, probing the larger.
        if (((SetObj *)other)->used > so->used) {
            KrObject *tmp = (KrObject *)so;
            so = (SetObj *)other;
            other = tmp;
        }
        KrSsize pos = 0;
        KrSetEntry *entry;
        while (set_next((SetObj *)other, &pos, &entry)) {
            KrObject *key = kr_newref(entry->key);
            KrHash hash = entry->hash;
            int rv = set_contains_entry(ts, so, key, hash);
            if (rv > 0) rv = set_add_entry(ts, (SetObj *)result, key, hash) ? -1 : 1;
            kr_decref(key);
            if (rv < 0) goto error;
        }
        return result;
    }
    KrObject *it = krObj_get_iter(ts, other), *key;
    if (!it) goto error;
    while ((key = krIter_next(ts, it)) != NULL) {
        KrHash hash = set_hash_key(ts, key);
        int rv = hash == -1 ? -1 : set_contains_entry(ts, so, key, hash);
        if (rv > 0) {
            if (set_add_entry(ts, (SetObj *)result, key, hash)) rv = -1;
            else if (((SetObj *)result)->used >= so->used) rv = 2;  // nothing more can be added
        }
        kr_decref(key);
        if (rv < 0) {
            kr_decref(it);
            goto error;
        }
        if (rv == 2) break;
    }
    kr_decref(it);
    if (krErr_occurred(ts)) goto error;
    return result;
error:
    kr_decref(result);
    return NULL;
}

static KrObject *set_intersection_multi(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (nargs == 0) return set_copy(ts, self);
    KrObject *result = kr_newref(self);
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *newresult = krSet_intersection(ts, result, args[i]);
        kr_decref(result);
        if (!newresult) return NULL;
        result = newresult;
    }
    return result;
}

static KrObject *set_intersection_update_multi(KrThreadState *ts, KrObject *self, KrObject *const *args,
                                               KrSsize nargs) {
    KrObject *tmp = set_intersection_multi(ts, self, args, nargs);
    if (!tmp) return NULL;
    set_swap_bodies((SetObj *)self, (SetObj *)tmp);
    kr_decref(tmp);
    return KR_NONE;
}

static KrObject *set_and(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(self) || !krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    return krSet_intersection(ts, self, other);
}

static KrObject *set_iand(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    KrObject *tmp = krSet_intersection(ts, self, other);
    if (!tmp) return NULL;
    set_swap_bodies((SetObj *)self, (SetObj *)tmp);
    kr_decref(tmp);
    return kr_newref(self);
}

static KrObject *set_isdisjoint(KrThreadState *ts, KrObject *self, KrObject *other) {
    SetObj *so = (SetObj *)self;
    if (self == other) return kr_bool(so->used == 0);
    if (!kr_is_smallint(other) && (KR_TYPE(other) == &KrSet_Type || KR_TYPE(other) == &KrFrozenSet_Type)) {
        if (((SetObj *)other)->used > so->used) {
            KrObject *tmp = (KrObject *)so;
            so = (SetObj *)other;
            other = tmp;
        }
        KrSsize pos = 0;
        KrSetEntry *entry;
        while (set_next((SetObj *)other, &pos, &entry)) {
            KrObject *key = kr_newref(entry->key);
            int rv = set_contains_entry(ts, so, key, entry->hash);
            kr_decref(key);
            if (rv != 0) return rv < 0 ? NULL : KR_FALSE;
        }
        return KR_TRUE;
    }
    KrObject *it = krObj_get_iter(ts, other), *key;
    if (!it) return NULL;
    while ((key = krIter_next(ts, it)) != NULL) {
        int rv = set_contains_key(ts, so, key);
        kr_decref(key);
        if (rv != 0) {
            kr_decref(it);
            return rv < 0 ? NULL : KR_FALSE;
        }
    }
    kr_decref(it);
    if (krErr_occurred(ts)) return NULL;
    return KR_TRUE;
}

int krSet_difference_update(KrThreadState *ts, KrObject *self, KrObject *other) {
    SetObj *so = (SetObj *)self;
    if (self == other) return set_clear_internal(self);
    if (krAnySet_check(other)) {
        KrSsize pos = 0;
        KrSetEntry *entry;
        kr_incref(other);
        while (set_next((SetObj *)other, &pos, &entry)) {
            KrObject *key = kr_newref(entry->key);
            int r = set_discard_entry(ts, so, key, entry->hash);
            kr_decref(key);
            if (r < 0) {
                kr_decref(other);
                return -1;
            }
        }
        kr_decref(other);
    } else {
        KrObject *it = krObj_get_iter(ts, other), *key;
        if (!it) return -1;
        while ((key = krIter_next(ts, it)) != NULL) {
            int r = set_discard_key(ts, so, key);
            kr_decref(key);
            if (r < 0) {
                kr_decref(it);
                return -1;
            }
        }
        kr_decref(it);
        if (krErr_occurred(ts)) return -1;
    }
    // More than 1/4 dummies: rebuild without them.
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return set_table_resize(ts, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static KrObject *set_difference_update_meth(KrThreadState *ts, KrObject *self, KrObject *const *args,
                                            KrSsize nargs) {
    for (KrSsize i = 0; i < nargs; i++)
        if (krSet_difference_update(ts, self, args[i])) return NULL;
    return KR_NONE;
}

static KrObject *set_copy_and_difference(KrThreadState *ts, KrObject *self, KrObject *other) {
    KrObject *result = set_copy(ts, self);
    if (result && krSet_difference_update(ts, result, other)) KR_CLEAR(result);
    return result;
}

static KrObject *set_difference(KrThreadState *ts, KrObject *self, KrObject *other) {
    SetObj *so = (SetObj *)self;
    KrSsize other_size;
    bool other_dict = false;
    if (krAnySet_check(other)) {
        other_size = ((SetObj *)other)->used;
    } else if (krDict_check_exact(other)) {
        other_size = krDict_size(other);
        other_dict = true;
    } else {
        return set_copy_and_difference(ts, self, other);
    }
    // Much larger than other: copying and removing is cheaper.
    if ((so->used >> 2) > other_size) return set_copy_and_difference(ts, self, other);
    KrObject *result = make_new_set_basetype(ts, KR_TYPE(self), NULL);
    if (!result) return NULL;
    KrSsize pos = 0;
    KrSetEntry *entry;
    while (set_next(so, &pos, &entry)) {
        KrObject *key = kr_newref(entry->key);
        KrHash hash = entry->hash;
        int rv;
        if (other_dict) {
            KrObject *v;
            KrSsize ix = krDict_lookup(ts, other, key, hash, &v);
            rv = ix == DKIX_ERROR ? -1 : v != NULL;
        } else {
            rv = set_contains_entry(ts, (SetObj *)other, key, hash);
        }
        if (rv == 0 && set_add_entry(ts, (SetObj *)result, key, hash)) rv = -1;
        kr_decref(key);
        if (rv < 0) {
            kr_decref(result);
            return NULL;
        }
    }
    return result;
}

static KrObject *set_difference_multi(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (nargs == 0) return set_copy(ts, self);
    KrObject *result = set_difference(ts, self, args[0]);
    if (!result) return NULL;
    for (KrSsize i = 1; i < nargs; i++) {
        if (krSet_difference_update(ts, result, args[i])) {
            kr_decref(result);
            return NULL;
        }
    }
    return result;
}

static KrObject *set_sub(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(self) || !krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    return set_difference(ts, self, other);
}

static KrObject *set_isub(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    if (krSet_difference_update(ts, self, other)) return NULL;
    return kr_newref(self);
}

// For each key of `other`: remove it if present, else add it.
static int symdiff_entry(KrThreadState *ts, SetObj *so, KrObject *key, KrHash hash) {
    kr_incref(key);
    int rv = set_discard_entry(ts, so, key, hash);
    if (rv == 0 && set_add_entry(ts, so, key, hash)) rv = -1;
    kr_decref(key);
    return rv < 0 ? -1 : 0;
}

int krSet_symmetric_difference_update(KrThreadState *ts, KrObject *self, KrObject *other) {
    SetObj *so = (SetObj *)self;
    if (self == other) return set_clear_internal(self);
    KrSsize pos = 0;
    KrObject *key;
    KrHash hash;
    if (krDict_check_exact(other)) {
        while (krDict_next_hash(other, &pos, &key, NULL, &hash))
            if (symdiff_entry(ts, so, key, hash) < 0) return -1;
        return 0;
    }
    SetObj *otherset;
    if (krAnySet_check(other)) {
        otherset = (SetObj *)kr_newref(other);
    } else {
        otherset = (SetObj *)make_new_set_basetype(ts, KR_TYPE(self), other);
        if (!otherset) return -1;
    }
    KrSetEntry *entry;
    while (set_next(otherset, &pos, &entry)) {
        if (symdiff_entry(ts, so, entry->key, entry->hash) < 0) {
            kr_decref((KrObject *)otherset);
            return -1;
        }
    }
    kr_decref((KrObject *)otherset);
    return 0;
}

static KrObject *set_symmetric_difference_update_meth(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (krSet_symmetric_difference_update(ts, self, other) < 0) return NULL;
    return KR_NONE;
}

static KrObject *set_symmetric_difference(KrThreadState *ts, KrObject *self, KrObject *other) {
    // Built from `other`, then updated with self: this fixes the result's order.
    KrObject *otherset = make_new_set_basetype(ts, KR_TYPE(self), other);
    if (otherset && krSet_symmetric_difference_update(ts, otherset, self) < 0) KR_CLEAR(otherset);
    return otherset;
}

static KrObject *set_xor(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(self) || !krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    return set_symmetric_difference(ts, self, other);
}

static KrObject *set_ixor(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    if (krSet_symmetric_difference_update(ts, self, other) < 0) return NULL;
    return kr_newref(self);
}

// 1 if every key of `so` is in the set `other`, 0 if not, -1 on error.
static int set_is_subset(KrThreadState *ts, SetObj *so, SetObj *other) {
    if (so->used > other->used) return 0;
    KrSsize pos = 0;
    KrSetEntry *entry;
    while (set_next(so, &pos, &entry)) {
        KrObject *key = kr_newref(entry->key);
        int rv = set_contains_entry(ts, other, key, entry->hash);
        kr_decref(key);
        if (rv <= 0) return rv;
    }
    return 1;
}

static KrObject *set_issubset(KrThreadState *ts, KrObject *self, KrObject *other) {
    int r;
    if (krAnySet_check(other)) {
        r = set_is_subset(ts, (SetObj *)self, (SetObj *)other);
    } else {
        KrObject *tmp = make_new_set(ts, &KrSet_Type, other);
        if (!tmp) return NULL;
        r = set_is_subset(ts, (SetObj *)self, (SetObj *)tmp);
        kr_decref(tmp);
    }
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *set_issuperset(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (krAnySet_check(other)) {
        int r = set_is_subset(ts, (SetObj *)other, (SetObj *)self);
        return r < 0 ? NULL : kr_bool(r);
    }
    KrObject *it = krObj_get_iter(ts, other), *key;
    if (!it) return NULL;
    while ((key = krIter_next(ts, it)) != NULL) {
        int rv = set_contains_key(ts, (SetObj *)self, key);
        kr_decref(key);
        if (rv <= 0) {
            kr_decref(it);
            return rv < 0 ? NULL : KR_FALSE;
        }
    }
    kr_decref(it);
    if (krErr_occurred(ts)) return NULL;
    return KR_TRUE;
}

static KrObject *set_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    if (!krAnySet_check(self) || !krAnySet_check(other)) return KR_NOTIMPLEMENTED;
    SetObj *v = (SetObj *)self, *w = (SetObj *)other;
    int r;
    switch (op) {
    case KR_EQ:
    case KR_NE:
        if (v->used != w->used) r = 0;
        else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) r = 0;
        else r = set_is_subset(ts, v, w);
        if (r < 0) return NULL;
        return kr_bool((r == 1) == (op == KR_EQ));
    case KR_LE:
        r = set_is_subset(ts, v, w);
        break;
    case KR_GE:
        r = set_is_subset(ts, w, v);
        break;
    case KR_LT:
        r = v->used >= w->used ? 0 : set_is_subset(ts, v, w);
        break;
    default:
        r = v->used <= w->used ? 0 : set_is_subset(ts, w, v);
        break;
    }
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *set_add_meth(KrThreadState *ts, KrObject *self, KrObject *key) {
    if (set_add_key(ts, (SetObj *)self, key)) return NULL;
    return KR_NONE;
}

// Retries an operation on `key` as a frozenset when key is an (unhashable) set.
static int with_frozen_key(KrThreadState *ts, KrObject *self, KrObject *key,
                           int (*op)(KrThreadState *, SetObj *, KrObject *)) {
    int rv = op(ts, (SetObj *)self, key);
    if (rv >= 0 || kr_is_smallint(key) || !kr_type_check(key, &KrSet_Type) || !krErr_matches(ts, &KrExc_TypeError))
        return rv;
    krErr_clear(ts);
    KrObject *tmpkey = make_new_set(ts, &KrFrozenSet_Type, key);
    if (!tmpkey) return -1;
    rv = op(ts, (SetObj *)self, tmpkey);
    kr_decref(tmpkey);
    return rv;
}

static int set_sq_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    return with_frozen_key(ts, self, key, set_contains_key);
}

static KrObject *set_contains_meth(KrThreadState *ts, KrObject *self, KrObject *key) {
    int r = set_sq_contains(ts, self, key);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *set_remove(KrThreadState *ts, KrObject *self, KrObject *key) {
    int rv = with_frozen_key(ts, self, key, set_discard_key);
    if (rv < 0) return NULL;
    if (rv == 0) {
        krErr_set_key_error(ts, key);
        return NULL;
    }
    return KR_NONE;
}

static KrObject *set_discard_meth(KrThreadState *ts, KrObject *self, KrObject *key) {
    if (with_frozen_key(ts, self, key, set_discard_key) < 0) return NULL;
    return KR_NONE;
}

static KrObject *set_pop(KrThreadState *ts, KrObject *self) {
    SetObj *so = (SetObj *)self;
    if (so->used == 0) return krErr_format(ts, &KrExc_KeyError, "pop from an empty set");
    // The finger makes repeated pops walk the table instead of rescanning it.
    KrSetEntry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    KrObject *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static KrObject *set_reduce(KrThreadState *ts, KrObject *self) {
    KrObject *keys = NULL, *args = NULL, *state = NULL, *result = NULL;
    keys = krSeq_list(ts, self);
    if (!keys) goto done;
    args = krTuple_pack(ts, 1, keys);
    if (!args) goto done;
    if (krObj_lookup_attr(ts, self, KR_ID(__dict__), &state) < 0) goto done;
    if (!state) state = kr_newref(KR_NONE);
    result = krTuple_pack(ts, 3, (KrObject *)KR_TYPE(self), args, state);
done:
    kr_xdecref(keys);
    kr_xdecref(args);
    kr_xdecref(state);
    return result;
}

static KrObject *set_sizeof(KrThreadState *ts, KrObject *self) {
    SetObj *so = (SetObj *)self;
    KrSsize size = KR_TYPE(self)->tp_basicsize;
    if (so->table != so->smalltable) size += (so->mask + 1) * (KrSsize)sizeof(KrSetEntry);
    return krInt_from_ssize(ts, size);
}

static KrObject *set_update_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    for (KrSsize i = 0; i < nargs; i++)
        if (set_update_internal(ts, (SetObj *)self, args[i])) return NULL;
    return KR_NONE;
}

static const KrMethodDef set_methods[] = {
    {"add", KR_CFUNC(set_add_meth), KR_METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", KR_CFUNC(set_clear_meth), KR_METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", KR_CFUNC(set_contains_meth), KR_METH_O | KR_METH_COEXIST, "x.__contains__(y) <==> y in x."},
    {"copy", KR_CFUNC(set_copy), KR_METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", KR_CFUNC(set_discard_meth), KR_METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference", KR_CFUNC(set_difference_multi), KR_METH_FAST,
     "Return the difference of two or more sets as a new set.\n\n"
     "(i.e. all elements that are in this set but not the others.)"},
    {"difference_update", KR_CFUNC(set_difference_update_meth), KR_METH_FAST,
     "Remove all elements of another set from this set."},
    {"intersection", KR_CFUNC(set_intersection_multi), KR_METH_FAST,
     "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},
    {"intersection_update", KR_CFUNC(set_intersection_update_multi), KR_METH_FAST,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", KR_CFUNC(set_isdisjoint), KR_METH_O, "Return True if two sets have a null intersection."},
    {"issubset", KR_CFUNC(set_issubset), KR_METH_O, "Report whether another set contains this set."},
    {"issuperset", KR_CFUNC(set_issuperset), KR_METH_O, "Report whether this set contains another set."},
    {"pop", KR_CFUNC(set_pop), KR_METH_NOARGS,
     "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"__reduce__", KR_CFUNC(set_reduce), KR_METH_NOARGS, "Return state information for pickling."},
    {"remove", KR_CFUNC(set_remove), KR_METH_O,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"__sizeof__", KR_CFUNC(set_sizeof), KR_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", KR_CFUNC(set_symmetric_difference), KR_METH_O,
     "Return the symmetric difference of two sets as a new set.\n\n"
     "(i.e. all elements that are in exactly one of the sets.)"},
    {"symmetric_difference_update", KR_CFUNC(set_symmetric_difference_update_meth), KR_METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"union", KR_CFUNC(set_union), KR_METH_FAST,
     "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"update", KR_CFUNC(set_update_meth), KR_METH_FAST, "Update a set with the union of itself and others."},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const KrMethodDef frozenset_methods[] = {
    {"__contains__", KR_CFUNC(set_contains_meth), KR_METH_O | KR_METH_COEXIST, "x.__contains__(y) <==> y in x."},
    {"copy", KR_CFUNC(frozenset_copy), KR_METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", KR_CFUNC(set_difference_multi), KR_METH_FAST,
     "Return the difference of two or more sets as a new set.\n\n"
     "(i.e. all elements that are in this set but not the others.)"},
    {"intersection", KR_CFUNC(set_intersection_multi), KR_METH_FAST,
     "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},
    {"isdisjoint", KR_CFUNC(set_isdisjoint), KR_METH_O, "Return True if two sets have a null intersection."},
    {"issubset", KR_CFUNC(set_issubset), KR_METH_O, "Report whether another set contains this set."},
    {"issuperset", KR_CFUNC(set_issuperset), KR_METH_O, "Report whether this set contains another set."},
    {"__reduce__", KR_CFUNC(set_reduce), KR_METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", KR_CFUNC(set_sizeof), KR_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", KR_CFUNC(set_symmetric_difference), KR_METH_O,
     "Return the symmetric difference of two sets as a new set.\n\n"
     "(i.e. all elements that are in exactly one of the sets.)"},
    {"union", KR_CFUNC(set_union), KR_METH_FAST,
     "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrSet_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "set",
    .tp_basicsize = sizeof(KrSetObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_new = set_new,
    .tp_init = set_init,
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_clear_internal,
    .tp_repr = set_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
    .mp_length = set_len,
    .sq_contains = set_sq_contains,
    .tp_methods = set_methods,
    .tp_weaklistoffset = offsetof(KrSetObject, weakreflist),
};

KrTypeObject KrFrozenSet_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(KrSetObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_new = frozenset_new,
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_clear_internal,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .mp_length = set_len,
    .sq_contains = set_sq_contains,
    .tp_methods = frozenset_methods,
    .tp_weaklistoffset = offsetof(KrSetObject, weakreflist),
};
