/*
 * type.h — type objects: readying built-in types, class creation, attribute
 * lookup along the MRO, and instance attribute storage (shapes).
 *
 * Instances of classes defined in Python keep their attributes in a KrInstAttrs
 * that sits in front of the object (before its GC header), so every heap type
 * — including subclasses of variable-size built-ins like str, tuple or int —
 * finds it at the same place.  In *shape mode* the attributes are a values
 * array described by a shared KrShape (the ordered key list, shared by every
 * instance that got the same attributes in the same order); asking for
 * `__dict__` switches the instance to *dict mode* for good: the values move
 * into a real dict, which from then on is the storage (so it never goes stale).
 *
 * Every type has a version tag (tp_version) that changes when the type or any
 * of its bases is mutated; the eval loop's inline caches key on it.
 *
 * Owner of: type.c (type objects, class creation), typeslots.c (the table of
 * special methods <-> slots), shape.c (shapes, instance attributes).
 */
#ifndef KR_TYPE_H
#define KR_TYPE_H

#include "objects/object.h"

typedef struct KrShape KrShape;

typedef struct KrInstAttrs {
    KrObject *weakreflist;         // weak reference list when tp_weaklistoffset == KR_WEAKLIST_MANAGED
    KrShape *shape;                // shape mode: describes `values`; NULL in dict mode
    KrObject **values;             // shape mode: strong refs, NULL = absent
    KrObject *dict;                // dict mode: the __dict__; NULL in shape mode
} KrInstAttrs;

// Instances of types with this flag have a KrInstAttrs pre-header.
#define KR_TPFLAGS_MANAGED_ATTRS (1u << 11)

static inline KrInstAttrs *krObj_attrs(KrObject *o) { return (KrInstAttrs *)KR_GC_HEAD(o) - 1; }

// tp_weaklistoffset of classes whose instances keep their weak reference list
// in the KrInstAttrs pre-header (classes with a __dict__ that add __weakref__).
#define KR_WEAKLIST_MANAGED ((KrSsize)-1)

// Where `o` keeps the head of its weak reference list, or NULL when its type
// is not weakly referenceable.  Never fails.
static inline KrObject **krObj_weaklist_slot(KrObject *o) {
    KrSsize off = KR_TYPE(o)->tp_weaklistoffset;
    if (off == 0) return NULL;
    if (off == KR_WEAKLIST_MANAGED) return &krObj_attrs(o)->weakreflist;
    return (KrObject **)((char *)o + off);
}

// A heap type (class statement / type()) extends KrTypeObject.
typedef struct KrHeapTypeObject {
    KrTypeObject type;
    KrObject *ht_name;             // strong str
    KrObject *ht_qualname;         // strong str
    KrObject *ht_module;           // strong, __module__ at creation (or NULL)
    KrShape *ht_root_shape;        // the empty shape of this class's instances
    KrSsize ht_attrs_hint;         // expected attribute count (pre-sizes values arrays)
    KrSsize ht_nslots;             // __slots__ members beyond the base layout
    KrObject *ht_slots;            // strong tuple of the (mangled) __slots__ member names, or NULL
} KrHeapTypeObject;

// Completes a statically defined type: inherits slots from tp_base, computes
// the MRO, fills tp_dict from the method/member/getset tables and from the
// slots (wrapper descriptors such as int.__add__).  Idempotent.  0 or -1.
int krType_ready(KrThreadState *ts, KrTypeObject *type);

// Looks `name` (a str) up in the dicts along type's MRO.  Borrowed, or NULL
// (no exception) when absent.  Never fails: keys are strs.
KrObject *krType_lookup(KrTypeObject *type, KrObject *name);

// type(name, bases, dict) for a class statement.  New reference.
KrObject *krType_new_class(KrThreadState *ts, KrTypeObject *metatype, KrObject *name, KrObject *bases,
                           KrObject *dict, KrObject *kwnames_dict);

// Call after changing a type's dict: refreshes slots for special names and
// invalidates the version tags of the type and its subclasses.  0 or -1.
int krType_attribute_changed(KrThreadState *ts, KrTypeObject *type, KrObject *name);
// Invalidates the version tag of type and its subclasses.  Never fails.
void krType_modified(KrTypeObject *type);
// A valid (non-zero) version tag for `type`, assigning one if needed; 0 if none
// can be assigned.  Never fails.
uint32_t krType_version(KrTypeObject *type);

// The type's __name__ as a C string ("int", "MyClass").  Never fails.
const char *krType_name(KrTypeObject *type);
// __qualname__ and __module__ as new references.
KrObject *krType_qualname(KrThreadState *ts, KrTypeObject *type);
KrObject *krType_module(KrThreadState *ts, KrTypeObject *type);

// Generic allocation for tp_new: an instance of `type` with zeroed fields (and
// an empty attribute pre-header for managed types).  New reference.
KrObject *krType_generic_alloc(KrThreadState *ts, KrTypeObject *type, KrSsize nitems);
// object.__new__ semantics for tp_new.
KrObject *krType_generic_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames);

// The metaclass that wins among `meta` and the types of `bases`, or NULL with
// TypeError "metaclass conflict...".  Borrowed.
KrTypeObject *krType_calculate_metaclass(KrThreadState *ts, KrTypeObject *meta, KrObject *bases);
// The `__dict__` descriptor of instances with managed attributes (baseobject.c).
extern const KrGetSetDef kr_managed_dict_getset;
// The `__weakref__` descriptor of classes that add a weak reference list (baseobject.c).
extern const KrGetSetDef kr_weakref_getset;
// CPython's hash of an address (id-based hashes).  Never fails.
KrHash krObj_hash_pointer(const void *p);

// ---------------------------------------------------------------------------
// Instance attributes (shape.c)

// A shape: the ordered attribute names of instances built the same way.
// Shapes form a tree per class (root = no attributes); `id` is unique for the
// life of the process, so caches can hold it without owning the shape.
struct KrShape {
    KrShape *parent;
    KrObject *key;                 // the name this shape added (interned, immortal); NULL at the root
    uint32_t id;
    KrSsize nkeys;
    KrObject **keys;               // the nkeys names in order
    KrShape **children;            // transitions
    uint32_t nchildren, capchildren;
};

// Frees a class's shape tree.  Never fails.
void krShape_free_tree(KrShape *root);
// Index of `name` in shape, or -1.  Never fails.
KrSsize krShape_index(const KrShape *shape, KrObject *name);

// Gets `name` from o's own attributes: borrowed or NULL (absent).  Never fails.
KrObject *krAttrs_get(KrObject *o, KrObject *name);
// Sets (value != NULL) or deletes (value == NULL) an own attribute.  0, or -1
// (MemoryError; AttributeError when deleting a missing attribute).
int krAttrs_set(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value);
// The instance __dict__, materialising it (switches to dict mode).  Borrowed.
KrObject *krAttrs_dict(KrThreadState *ts, KrObject *o);
// A new dict with the own attributes, leaving the instance in shape mode.
// New reference.
KrObject *krAttrs_copy(KrThreadState *ts, KrObject *o);
// The number of own attributes.  Never fails.
KrSsize krAttrs_count(KrObject *o);
// Replaces the __dict__ (obj.__dict__ = d).  0 or -1.
int krAttrs_set_dict(KrThreadState *ts, KrObject *o, KrObject *dict);
// Drops every attribute (dealloc / gc clear).  Never fails.
void krAttrs_clear(KrObject *o);
int krAttrs_traverse(KrObject *o, KrVisitProc visit, void *arg);

#endif
