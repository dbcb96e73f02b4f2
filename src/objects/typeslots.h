/*
 * typeslots.h — the correspondence between special method names and type
 * slots (the "slotdefs" table), in both directions:
 *   - built-in types: each slot a static type fills is exposed in its dict as
 *     a wrapper descriptor (int.__add__), created by krTypeSlots_add_wrappers;
 *   - classes: each special method a class defines (or inherits) sets the slot
 *     to a function that calls it (krTypeSlots_fixup / krTypeSlots_update);
 *     when the method found is just the wrapper of a built-in slot, the slot
 *     gets the built-in function itself, so `class L(list)` keeps list's speed.
 * Owner of: typeslots.c.
 */
#ifndef KR_TYPESLOTS_H
#define KR_TYPESLOTS_H

#include "objects/object.h"

// Copies every slot that `type` leaves NULL from `base` (except the ones
// type.c inherits with special rules).  Never fails.
void krTypeSlots_inherit(KrTypeObject *type, KrTypeObject *base);
// Adds wrapper descriptors for the slots a static type defines.  0 or -1.
int krTypeSlots_add_wrappers(KrThreadState *ts, KrTypeObject *type);
// Adds `__new__` (a built-in bound to the type) for tp_new.  0 or -1.
int krTypeSlots_add_new(KrThreadState *ts, KrTypeObject *type);
// Sets every slot of a new class from the special methods along its MRO.  0 or -1.
int krTypeSlots_fixup(KrThreadState *ts, KrTypeObject *type);
// Refreshes the slots that depend on `name` in type and its subclasses after
// its dict changed.  0 or -1.
int krTypeSlots_update(KrThreadState *ts, KrTypeObject *type, KrObject *name);
// True if `name` is the name of a special method that has a slot.
bool krTypeSlots_is_special(KrObject *name);

extern KrTypeObject KrWrapperDescr_Type, KrMethodWrapper_Type;
// The C slot function a wrapper descriptor wraps.  Never fails.
void *krWrapperDescr_wrapped(KrObject *descr);
// The direct subclasses of `type` (borrowed array, valid until the next class
// creation or destruction); returns the count.  Never fails.
KrSsize krType_subclasses(KrTypeObject *type, KrTypeObject ***items);

// Class creation (typenew.c).
KrObject *krType_tp_new(KrThreadState *ts, KrTypeObject *meta, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames);
int krType_tp_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
void krType_dealloc(KrObject *self);
// The C3 linearisation of type's bases (a new tuple), or the result of a
// metaclass's mro().  New reference.
KrObject *krType_compute_mro(KrThreadState *ts, KrTypeObject *type);
// The C3 linearisation alone (type.mro()).  New reference.
KrObject *krType_c3_mro(KrThreadState *ts, KrTypeObject *type);
int krType_add_subclass(KrTypeObject *base, KrTypeObject *type);
// Raises "<attr> assignment: 'new' object layout differs from 'old'" unless
// instances of `oldto` could be reinterpreted as instances of `newto`.  0 or -1.
int krType_check_compatible(KrThreadState *ts, KrTypeObject *oldto, KrTypeObject *newto, const char *attr);
// type.__bases__ = value (a class's bases; recomputes MROs and slots).  0 or -1.
int krType_set_bases(KrThreadState *ts, KrTypeObject *type, KrObject *value);
void krType_remove_subclass(KrTypeObject *base, KrTypeObject *type);

// isinstance/issubclass without __instancecheck__/__subclasscheck__ (abstract.c).
int krObj_isinstance_default(KrThreadState *ts, KrObject *inst, KrObject *cls);
int krObj_issubclass_default(KrThreadState *ts, KrObject *derived, KrObject *cls);

// object.__reduce_ex__(protocol), object.__reduce__(), object.__getstate__()
// (objreduce.c).  New references.
KrObject *krObj_reduce_ex_method(KrThreadState *ts, KrObject *self, KrObject *protocol);
KrObject *krObj_reduce_method(KrThreadState *ts, KrObject *self);
KrObject *krObj_getstate_method(KrThreadState *ts, KrObject *self);

// types.MappingProxyType over `mapping` (descr.c).  New reference.
KrObject *krMappingProxy_new(KrThreadState *ts, KrObject *mapping);
// staticmethod(f) / classmethod(f).  New references.
KrObject *krStaticMethod_new(KrThreadState *ts, KrObject *callable);
KrObject *krClassMethod_new(KrThreadState *ts, KrObject *callable);

#endif
