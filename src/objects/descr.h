/*
 * descr.h — callables and descriptors implemented in C: built-in functions,
 * method descriptors (list.append), class-method descriptors, member and getset
 * descriptors, slot wrappers (int.__add__) and their bound method-wrappers;
 * and the Python-level descriptors: bound methods, classmethod, staticmethod,
 * property.
 *
 * Owner of: descr.c (C descriptors, builtin functions), method.c (bound
 * methods), property.c (property, classmethod, staticmethod).
 */
#ifndef KR_DESCR_H
#define KR_DESCR_H

#include "objects/object.h"

typedef struct {
    KR_OBJECT_HEAD;
    const KrMethodDef *def;
    KrObject *self;                // strong; the module or bound object, or NULL
    KrObject *module;              // strong; __module__ name or NULL
    KrVectorcallFunc vectorcall;
} KrCFunctionObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrTypeObject *d_type;          // the defining type (borrowed: types are immortal or own their dict)
    KrObject *d_name;              // strong str
    const KrMethodDef *d_method;
    KrVectorcallFunc vectorcall;
} KrMethodDescrObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrTypeObject *d_type;
    KrObject *d_name;
    const KrMemberDef *d_member;
} KrMemberDescrObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrTypeObject *d_type;
    KrObject *d_name;
    const KrGetSetDef *d_getset;
} KrGetSetDescrObject;

// A bound method: calls func(self, *args).
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *im_func;             // strong
    KrObject *im_self;             // strong
    KrObject *weakreflist;
    KrVectorcallFunc vectorcall;
} KrMethodObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *fget, *fset, *fdel, *doc;   // strong or NULL
    KrObject *name;                // strong or NULL (set by __set_name__)
    bool getter_doc;
} KrPropertyObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *callable;            // strong
    KrObject *dict;                // strong or NULL (__dict__, for __wrapped__ etc.)
} KrStaticMethodObject;            // also classmethod

extern KrTypeObject KrMappingProxy_Type;
extern KrTypeObject KrCFunction_Type, KrMethodDescr_Type, KrClassMethodDescr_Type, KrMemberDescr_Type,
    KrGetSetDescr_Type, KrWrapperDescr_Type, KrMethodWrapper_Type, KrMethod_Type, KrProperty_Type,
    KrClassMethod_Type, KrStaticMethod_Type;

// A built-in function bound to `self` (a module, or NULL).  New reference.
KrObject *krCFunction_new(KrThreadState *ts, const KrMethodDef *def, KrObject *self, KrObject *module);
// Descriptors for a type's tables (used by krType_ready).  New references.
KrObject *krDescr_new_method(KrThreadState *ts, KrTypeObject *type, const KrMethodDef *def);
KrObject *krDescr_new_classmethod(KrThreadState *ts, KrTypeObject *type, const KrMethodDef *def);
KrObject *krDescr_new_member(KrThreadState *ts, KrTypeObject *type, const KrMemberDef *def);
KrObject *krDescr_new_getset(KrThreadState *ts, KrTypeObject *type, const KrGetSetDef *def);
// Calls a method definition with the given self and arguments (checks the
// flags' argument-count rules and raises CPython's messages).
KrObject *krMethodDef_call(KrThreadState *ts, const KrMethodDef *def, KrObject *self, KrObject *const *args,
                           KrSsize nargs, KrObject *kwnames, const char *qualname_for_errors);

// True if `o` is the built-in print (for the ">>" hint).  Never fails.
bool krCFunction_is_print(KrObject *o);

// A bound method object.  New reference.
KrObject *krMethod_new(KrThreadState *ts, KrObject *func, KrObject *self);
static inline bool krMethod_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrMethod_Type; }

#endif
