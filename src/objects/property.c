/*
 * property.c — property, classmethod and staticmethod.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"

// ---------------------------------------------------------------------------
// property

static const char property_doc[] =
    "Property attribute.\n"
    "\n"
    "  fget\n"
    "    function to be used for getting an attribute value\n"
    "  fset\n"
    "    function to be used for setting an attribute value\n"
    "  fdel\n"
    "    function to be used for del'ing an attribute\n"
    "  doc\n"
    "    docstring\n"
    "\n"
    "Typical use is to define a managed attribute x:\n"
    "\n"
    "class C(object):\n"
    "    def getx(self): return self._x\n"
    "    def setx(self, value): self._x = value\n"
    "    def delx(self): del self._x\n"
    "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n"
    "\n"
    "Decorators make defining new properties or modifying existing ones easy:\n"
    "\n"
    "class C(object):\n"
    "    @property\n"
    "    def x(self):\n"
    "        \"I am the 'x' property.\"\n"
    "        return self._x\n"
    "    @x.setter\n"
    "    def x(self, value):\n"
    "        self._x = value\n"
    "    @x.deleter\n"
    "    def x(self):\n"
    "        del self._x";

static int property_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    KrObject *a[4];
    if (krArg_parse(ts, "property", args, nargs, kwnames, names, 4, 0, 4, 0, a) < 0) return -1;
    KrPropertyObject *p = (KrPropertyObject *)self;
    for (int i = 0; i < 4; i++)
        if (a[i] == KR_NONE) a[i] = NULL;
    kr_setref(&p->fget, kr_xnewref(a[0]));
    kr_setref(&p->fset, kr_xnewref(a[1]));
    kr_setref(&p->fdel, kr_xnewref(a[2]));
    kr_setref(&p->doc, kr_xnewref(a[3]));
    p->getter_doc = false;
    // The doc: the explicit one, else the getter's docstring.
    KrObject *doc = a[3] ? kr_newref(a[3]) : NULL;
    if (!doc && a[0]) {
        if (krObj_lookup_attr(ts, a[0], KR_ID(__doc__), &doc) < 0) return -1;
        if (doc == KR_NONE) KR_CLEAR(doc);
        p->getter_doc = doc != NULL;
    }
    if (KR_TYPE(self) == &KrProperty_Type) {
        kr_setref(&p->doc, doc);
    } else {
        // A subclass keeps it in the instance dict, or the class's own
        // __doc__ would shadow it.
        int r = krObj_setattr(ts, self, KR_ID(__doc__), doc ? doc : KR_NONE);
        kr_xdecref(doc);
        if (r < 0) return -1;
    }
    return 0;
}

static KrObject *property_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    KrObject *self = krType_generic_alloc(ts, type, 0);
    return self;
}

static void property_dealloc(KrObject *self) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    krGC_untrack(self);
    kr_xdecref(p->fget);
    kr_xdecref(p->fset);
    kr_xdecref(p->fdel);
    kr_xdecref(p->doc);
    kr_xdecref(p->name);
    krObj_free(self);
}

static int property_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    KR_VISIT(p->fget);
    KR_VISIT(p->fset);
    KR_VISIT(p->fdel);
    KR_VISIT(p->doc);
    KR_VISIT(p->name);
    return 0;
}

static int property_clear(KrObject *self) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    KR_CLEAR(p->fget);
    KR_CLEAR(p->fset);
    KR_CLEAR(p->fdel);
    KR_CLEAR(p->doc);
    KR_CLEAR(p->name);
    return 0;
}

static KrObject *property_error(KrThreadState *ts, KrPropertyObject *p, KrObject *obj, const char *what) {
    if (p->name)
        return krErr_format(ts, &KrExc_AttributeError, "property %R of '%s' object has no %s", p->name,
                            krType_name(KR_TYPE(obj)), what);
    return krErr_format(ts, &KrExc_AttributeError, "property of '%s' object has no %s", krType_name(KR_TYPE(obj)),
                        what);
}

static KrObject *property_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    if (!obj || obj == KR_NONE) return kr_newref(self);
    if (!p->fget) return property_error(ts, p, obj, "getter");
    return krObj_vectorcall(ts, p->fget, &obj, 1, NULL);
}

static int property_set(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *value) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    KrObject *func = value ? p->fset : p->fdel;
    if (!func) {
        property_error(ts, p, obj, value ? "setter" : "deleter");
        return -1;
    }
    KrObject *args[2] = {obj, value};
    KrObject *r = krObj_vectorcall(ts, func, args, value ? 2 : 1, NULL);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

// property.getter/setter/deleter: a copy with one accessor replaced.
static KrObject *property_copy(KrThreadState *ts, KrObject *self, KrObject *get, KrObject *set, KrObject *del) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    if (!get) get = p->fget;
    if (!set) set = p->fset;
    if (!del) del = p->fdel;
    KrObject *doc = (p->getter_doc && get != KR_NONE) || !p->doc ? KR_NONE : p->doc;
    KrObject *args[4] = {get ? get : KR_NONE, set ? set : KR_NONE, del ? del : KR_NONE, doc};
    KrObject *np = krObj_vectorcall(ts, (KrObject *)KR_TYPE(self), args, 4, NULL);
    if (np && kr_type_check(np, &KrProperty_Type)) {
        KrPropertyObject *q = (KrPropertyObject *)np;
        kr_setref(&q->name, kr_xnewref(p->name));
    }
    return np;
}

static KrObject *property_getter(KrThreadState *ts, KrObject *self, KrObject *f) {
    return property_copy(ts, self, f, NULL, NULL);
}
static KrObject *property_setter(KrThreadState *ts, KrObject *self, KrObject *f) {
    return property_copy(ts, self, NULL, f, NULL);
}
static KrObject *property_deleter(KrThreadState *ts, KrObject *self, KrObject *f) {
    return property_copy(ts, self, NULL, NULL, f);
}

static KrObject *property_set_name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "__set_name__", nargs, 2, 2) < 0) return NULL;
    kr_setref(&((KrPropertyObject *)self)->name, kr_newref(args[1]));
    return kr_newref(KR_NONE);
}

static KrObject *property_get_isabstract(KrThreadState *ts, KrObject *self, void *c) {
    KrPropertyObject *p = (KrPropertyObject *)self;
    KrObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        KrObject *v;
        int r = krObj_lookup_attr(ts, fs[i], krStr_intern_cstr(ts, "__isabstractmethod__"), &v);
        if (r < 0) return NULL;
        if (r > 0) {
            int t = krObj_is_true(ts, v);
            kr_decref(v);
            if (t < 0) return NULL;
            if (t) return kr_newref(KR_TRUE);
        }
    }
    return kr_newref(KR_FALSE);
}

static KrObject *property_get_doc(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *d = ((KrPropertyObject *)self)->doc;
    return kr_newref(d ? d : KR_NONE);
}

static int property_set_doc(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    kr_setref(&((KrPropertyObject *)self)->doc, kr_xnewref(value));
    return 0;
}

static const KrMemberDef property_members[] = {
    {"fget", KR_MEMBER_OBJECT, offsetof(KrPropertyObject, fget), KR_MEMBER_READONLY, NULL},
    {"fset", KR_MEMBER_OBJECT, offsetof(KrPropertyObject, fset), KR_MEMBER_READONLY, NULL},
    {"fdel", KR_MEMBER_OBJECT, offsetof(KrPropertyObject, fdel), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static const KrGetSetDef property_getset[] = {
    {"__doc__", property_get_doc, property_set_doc, NULL, NULL},
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL},
};

static const KrMethodDef property_methods[] = {
    {"getter", KR_CFUNC(property_getter), KR_METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", KR_CFUNC(property_setter), KR_METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", KR_CFUNC(property_deleter), KR_METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", KR_CFUNC(property_set_name), KR_METH_FAST, "Method to set name of a property."},
    {NULL},
};

KrTypeObject KrProperty_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "property",
    .tp_basicsize = sizeof(KrPropertyObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = property_doc,
    .tp_new = property_new,
    .tp_init = property_init,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_getattro = krObj_generic_getattr,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_methods = property_methods,
};

// ---------------------------------------------------------------------------
// staticmethod and classmethod (same layout)

static const char staticmethod_doc[] =
    "staticmethod(function) -> method\n"
    "\n"
    "Convert a function to be a static method.\n"
    "\n"
    "A static method does not receive an implicit first argument.\n"
    "To declare a static method, use this idiom:\n"
    "\n"
    "     class C:\n"
    "         @staticmethod\n"
    "         def f(arg1, arg2, argN):\n"
    "             ...\n"
    "\n"
    "It can be called either on the class (e.g. C.f()) or on an instance\n"
    "(e.g. C().f()). Both the class and the instance are ignored, and\n"
    "neither is passed implicitly as the first argument to the method.\n"
    "\n"
    "Static methods in Python are similar to those found in Java or C++.\n"
    "For a more advanced concept, see the classmethod builtin.";

static const char classmethod_doc[] =
    "classmethod(function) -> method\n"
    "\n"
    "Convert a function to be a class method.\n"
    "\n"
    "A class method receives the class as implicit first argument,\n"
    "just like an instance method receives the instance.\n"
    "To declare a class method, use this idiom:\n"
    "\n"
    "  class C:\n"
    "      @classmethod\n"
    "      def f(cls, arg1, arg2, argN):\n"
    "          ...\n"
    "\n"
    "It can be called either on the class (e.g. C.f()) or on an instance\n"
    "(e.g. C().f()).  The instance is ignored except for its class.\n"
    "If a class method is called for a derived class, the derived class\n"
    "object is passed as the implied first argument.\n"
    "\n"
    "Class methods are different than C++ or Java static methods.\n"
    "If you want those, see the staticmethod builtin.";

static int sm_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    const char *name = KR_TYPE(self) == &KrClassMethod_Type ? "classmethod" : "staticmethod";
    if (krArg_no_kwargs(ts, name, kwnames) < 0 || krArg_check_positional(ts, name, nargs, 1, 1) < 0) return -1;
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    kr_setref(&sm->callable, kr_newref(args[0]));
    // Like functools.wraps: copy the wrapped function's identity attributes.
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    for (int i = 0; i < 4; i++) {
        KrObject *key = krStr_intern_cstr(ts, attrs[i]);
        KrObject *v;
        int r = krObj_lookup_attr(ts, args[0], key, &v);
        if (r < 0) return -1;
        if (r == 0) continue;
        if (!sm->dict && !(sm->dict = krDict_new(ts))) {
            kr_decref(v);
            return -1;
        }
        r = krDict_set(ts, sm->dict, key, v);
        kr_decref(v);
        if (r < 0) return -1;
    }
    return 0;
}

static KrObject *sm_new_generic(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    return krType_generic_alloc(ts, type, 0);
}

static void sm_dealloc(KrObject *self) {
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    krGC_untrack(self);
    kr_xdecref(sm->callable);
    kr_xdecref(sm->dict);
    krObj_free(self);
}

static int sm_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    KR_VISIT(sm->callable);
    KR_VISIT(sm->dict);
    return 0;
}

static int sm_clear(KrObject *self) {
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    KR_CLEAR(sm->callable);
    KR_CLEAR(sm->dict);
    return 0;
}

static KrObject *sm_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    if (!sm->callable) return krErr_format(ts, &KrExc_RuntimeError, "uninitialized staticmethod object");
    return kr_newref(sm->callable);
}

static KrObject *sm_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                         KrObject *kwnames) {
    return krObj_vectorcall(ts, ((KrStaticMethodObject *)self)->callable, args, nargsf, kwnames);
}

static KrObject *cm_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    KrStaticMethodObject *cm = (KrStaticMethodObject *)self;
    if (!cm->callable) return krErr_format(ts, &KrExc_RuntimeError, "uninitialized classmethod object");
    if (!type) type = (KrObject *)KR_TYPE(obj);
    // Chained descriptors (3.9-3.12): classmethod(property(...)) and the like.
    KrDescrGetFunc get = KR_TYPE(cm->callable)->tp_descr_get;
    if (get) return get(ts, cm->callable, type, type);
    return krMethod_new(ts, cm->callable, type);
}

static KrObject *sm_repr(KrThreadState *ts, KrObject *self) {
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    const char *name = KR_TYPE(self) == &KrClassMethod_Type ? "classmethod" : "staticmethod";
    return krStr_from_format(ts, "<%s(%R)>", name, sm->callable ? sm->callable : KR_NONE);
}

static KrObject *sm_get_isabstract(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *v;
    int r = krObj_lookup_attr(ts, ((KrStaticMethodObject *)self)->callable,
                              krStr_intern_cstr(ts, "__isabstractmethod__"), &v);
    if (r < 0) return NULL;
    if (r == 0) return kr_newref(KR_FALSE);
    int t = krObj_is_true(ts, v);
    kr_decref(v);
    return t < 0 ? NULL : kr_bool(t);
}

static KrObject *sm_get_dict(KrThreadState *ts, KrObject *self, void *c) {
    KrStaticMethodObject *sm = (KrStaticMethodObject *)self;
    if (!sm->dict && !(sm->dict = krDict_new(ts))) return NULL;
    return kr_newref(sm->dict);
}

static const KrMemberDef sm_members[] = {
    {"__func__", KR_MEMBER_OBJECT, offsetof(KrStaticMethodObject, callable), KR_MEMBER_READONLY, NULL},
    {"__wrapped__", KR_MEMBER_OBJECT, offsetof(KrStaticMethodObject, callable), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static const KrGetSetDef sm_getset[] = {
    {"__isabstractmethod__", sm_get_isabstract, NULL, NULL, NULL},
    {"__dict__", sm_get_dict, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrStaticMethod_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(KrStaticMethodObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = staticmethod_doc,
    .tp_new = sm_new_generic,
    .tp_init = sm_init,
    .tp_dealloc = sm_dealloc,
    .tp_traverse = sm_traverse,
    .tp_clear = sm_clear,
    .tp_repr = sm_repr,
    .tp_call = sm_call,
    .tp_descr_get = sm_get,
    .tp_members = sm_members,
    .tp_getset = sm_getset,
    .tp_dictoffset = offsetof(KrStaticMethodObject, dict),
};

KrTypeObject KrClassMethod_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(KrStaticMethodObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = classmethod_doc,
    .tp_new = sm_new_generic,
    .tp_init = sm_init,
    .tp_dealloc = sm_dealloc,
    .tp_traverse = sm_traverse,
    .tp_clear = sm_clear,
    .tp_repr = sm_repr,
    .tp_descr_get = cm_get,
    .tp_members = sm_members,
    .tp_getset = sm_getset,
    .tp_dictoffset = offsetof(KrStaticMethodObject, dict),
};

// Wraps `callable` without copying its attributes (used while readying types,
// when attribute lookups on built-in functions cannot run yet, and by class
// creation, where the function's own attributes are reached via __func__).
static KrObject *wrap_callable(KrThreadState *ts, KrTypeObject *type, KrObject *callable) {
    KrObject *o = krType_generic_alloc(ts, type, 0);
    if (!o) return NULL;
    ((KrStaticMethodObject *)o)->callable = kr_newref(callable);
    return o;
}

KrObject *krStaticMethod_new(KrThreadState *ts, KrObject *callable) {
    return wrap_callable(ts, &KrStaticMethod_Type, callable);
}

KrObject *krClassMethod_new(KrThreadState *ts, KrObject *callable) {
    return wrap_callable(ts, &KrClassMethod_Type, callable);
}
