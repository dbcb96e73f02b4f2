/*
 * _imp.c — the built-in modules behind importlib: _imp (helpers for
 * built-in modules, the import lock, code object fix-ups),
 * _frozen_importlib (ModuleSpec, BuiltinImporter, FrozenImporter and the
 * functions of importlib._bootstrap) and _frozen_importlib_external (the
 * file finders and loaders, cache paths, spec_from_file_location).  In
 * CPython the last two are importlib's bootstrap code frozen into the
 * interpreter; in Krait they are the C machinery of src/runtime/import*.c,
 * and lib/importlib/ builds the public API on them.
 */
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import_internal.h"

// ---------------------------------------------------------------------------
// _imp

static KrObject *imp_is_builtin(KrThreadState *ts, KrObject *self, KrObject *name) {
    if (!krStr_check(name)) return krErr_format(ts, &KrExc_TypeError, "is_builtin() argument must be str, not %T", name);
    const KrBuiltinModule *b = krImport_find_builtin(name);
    if (!b) return kr_smallint(0);
    // sys and builtins cannot be created again.
    return kr_smallint(strcmp(b->name, "sys") == 0 || strcmp(b->name, "builtins") == 0 ? -1 : 1);
}

static KrObject *imp_create_builtin(KrThreadState *ts, KrObject *self, KrObject *spec) {
    KrObject *create = krObj_getattr(ts, (KrObject *)&KrBuiltinImporter_Type, IMP_ID(create_module));
    if (!create) return NULL;
    KrObject *r = krObj_call1(ts, create, spec);
    kr_decref(create);
    return r;
}

static KrObject *imp_exec_builtin(KrThreadState *ts, KrObject *self, KrObject *mod) { return kr_smallint(0); }

static KrObject *imp_extension_suffixes(KrThreadState *ts, KrObject *self) { return krList_new(ts, 0); }

// There is one thread, so the global import lock is always free.
static KrObject *imp_lock_noop(KrThreadState *ts, KrObject *self) { return kr_newref(KR_NONE); }
static KrObject *imp_lock_held(KrThreadState *ts, KrObject *self) { return kr_newref(KR_FALSE); }

static KrObject *imp_fix_co_filename(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_fix_co_filename", nargs, 2, 2) < 0) return NULL;
    if (!krCode_check(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "_fix_co_filename() argument 1 must be code, not %T", args[0]);
    if (!krStr_check(args[1]))
        return krErr_format(ts, &KrExc_TypeError, "_fix_co_filename() argument 2 must be str, not %T", args[1]);
    krPycache_fix_filename(ts, args[0], args[1]);
    return kr_newref(KR_NONE);
}

static KrObject *imp_false(KrThreadState *ts, KrObject *self, KrObject *name) { return kr_newref(KR_FALSE); }
static KrObject *imp_none(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return kr_newref(KR_NONE);
}

static KrObject *imp_not_frozen(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "get_frozen_object", nargs, 1, 2) < 0) return NULL;
    return krImport_errorf(ts, &KrExc_ImportError, args[0], NULL, "No such frozen object named %R", args[0]);
}

static const KrMethodDef imp_methods[] = {
    {"is_builtin", KR_CFUNC(imp_is_builtin), KR_METH_O, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", KR_CFUNC(imp_create_builtin), KR_METH_O, "Create an extension module."},
    {"exec_builtin", KR_CFUNC(imp_exec_builtin), KR_METH_O, "Initialize a built-in module."},
    {"extension_suffixes", KR_CFUNC(imp_extension_suffixes), KR_METH_NOARGS,
     "Returns the list of file suffixes used to identify extension modules."},
    {"acquire_lock", KR_CFUNC(imp_lock_noop), KR_METH_NOARGS, "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", KR_CFUNC(imp_lock_noop), KR_METH_NOARGS, "Release the interpreter's import lock."},
    {"lock_held", KR_CFUNC(imp_lock_held), KR_METH_NOARGS,
     "Return True if the import lock is currently held, else False."},
    {"_fix_co_filename", KR_CFUNC(imp_fix_co_filename), KR_METH_FAST,
     "Changes code.co_filename to specify the passed-in file path."},
    {"is_frozen", KR_CFUNC(imp_false), KR_METH_O, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", KR_CFUNC(imp_false), KR_METH_O, "Returns True if the module name is of a frozen package."},
    {"find_frozen", KR_CFUNC(imp_none), KR_METH_FAST, "Return info about the corresponding frozen module (if there is one) or None."},
    {"get_frozen_object", KR_CFUNC(imp_not_frozen), KR_METH_FAST, "Create a code object for a frozen module."},
    {NULL},
};

static int imp_exec(KrThreadState *ts, KrObject *m) {
    return krModule_add_string(ts, m, "check_hash_based_pycs", "default");
}

const KrModuleDef kr__imp_module_def = {"_imp", "(Extremely) low-level import machinery bits as used by importlib.",
                                        imp_methods, imp_exec};

// ---------------------------------------------------------------------------
// _frozen_importlib

static KrObject *fi_module_from_spec(KrThreadState *ts, KrObject *self, KrObject *spec) {
    return krImport_module_from_spec(ts, spec);
}

static KrObject *fi_spec_from_loader(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    static const char *const names[] = {"name", "loader", "origin", "is_package"};
    KrObject *a[4];
    if (krArg_parse(ts, "spec_from_loader", args, nargs, kwnames, names, 4, 0, 2, 2, a) < 0) return NULL;
    return krSpec_from_loader(ts, a[0], a[1], a[2], a[3]);
}

static KrObject *fi_init_module_attrs(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                      KrObject *kwnames) {
    static const char *const names[] = {"spec", "module", "override"};
    KrObject *a[3];
    if (krArg_parse(ts, "_init_module_attrs", args, nargs, kwnames, names, 3, 0, 2, 2, a) < 0) return NULL;
    int override = a[2] ? krObj_is_true(ts, a[2]) : 0;
    if (override < 0 || krImport_init_module_attrs(ts, a[0], a[1], override) < 0) return NULL;
    return kr_newref(a[1]);
}

static KrObject *fi_find_spec(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"name", "path", "target"};
    KrObject *a[3];
    if (krArg_parse(ts, "_find_spec", args, nargs, kwnames, names, 3, 0, 3, 2, a) < 0) return NULL;
    return krImport_find_spec(ts, a[0], a[1] == KR_NONE ? NULL : a[1], a[2]);
}

static KrObject *fi_util_find_spec(KrThreadState *ts, KrObject *self, KrObject *name) {
    if (!krStr_check(name)) return krErr_format(ts, &KrExc_TypeError, "module name must be str, not %T", name);
    return krImport_util_find_spec(ts, name);
}

static KrObject *fi_exec(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_exec", nargs, 2, 2) < 0) return NULL;
    return krImport_exec_spec(ts, args[0], args[1]);
}

static KrObject *fi_load(KrThreadState *ts, KrObject *self, KrObject *spec) { return krImport_load_spec(ts, spec); }

static KrObject *fi_gcd_import(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"name", "package", "level"};
    KrObject *a[3];
    if (krArg_parse(ts, "_gcd_import", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    KrSsize level = 0;
    if (a[2]) {
        level = krNum_as_ssize(ts, a[2], &KrExc_OverflowError);
        if (level == -1 && krErr_occurred(ts)) return NULL;
    }
    if (level > 0x7fffffff) level = 0x7fffffff;
    if (level < -1) level = -1;
    return krImport_gcd_import(ts, a[0], a[1], (int)level);
}

static KrObject *fi_resolve_name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_resolve_name", nargs, 3, 3) < 0) return NULL;
    if (!krStr_check(args[0]) || !krStr_check(args[1]))
        return krErr_format(ts, &KrExc_TypeError, "_resolve_name() needs str name and package");
    KrSsize level = krNum_as_ssize(ts, args[2], &KrExc_OverflowError);
    if (level == -1 && krErr_occurred(ts)) return NULL;
    if (level < 1) level = 1;
    if (level > 0x7fffffff) level = 0x7fffffff;
    return krImport_resolve_relative(ts, args[0], args[1], (int)level);
}

static KrObject *fi_handle_fromlist(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                    KrObject *kwnames) {
    static const char *const names[] = {"module", "fromlist", "import_", "recursive"};
    KrObject *a[4];
    if (krArg_parse(ts, "_handle_fromlist", args, nargs, kwnames, names, 4, 0, 3, 3, a) < 0) return NULL;
    int rec = a[3] ? krObj_is_true(ts, a[3]) : 0;
    return rec < 0 ? NULL : krImport_handle_fromlist(ts, a[0], a[1], rec);
}

static KrObject *fi_module_repr(KrThreadState *ts, KrObject *self, KrObject *module) {
    return krImport_module_repr(ts, module);
}

static const KrMethodDef fi_methods[] = {
    {"module_from_spec", KR_CFUNC(fi_module_from_spec), KR_METH_O, "Create a module based on the provided spec."},
    {"spec_from_loader", KR_CFUNC(fi_spec_from_loader), KR_METH_FASTKW, "Return a module spec based on various loader methods."},
    {"_init_module_attrs", KR_CFUNC(fi_init_module_attrs), KR_METH_FASTKW, NULL},
    {"_find_spec", KR_CFUNC(fi_find_spec), KR_METH_FASTKW, "Find a module's spec."},
    {"_util_find_spec", KR_CFUNC(fi_util_find_spec), KR_METH_O, NULL},
    {"_exec", KR_CFUNC(fi_exec), KR_METH_FAST, "Execute the spec's specified module in an existing module's namespace."},
    {"_load", KR_CFUNC(fi_load), KR_METH_O, "Return a new module object, loaded by the spec's loader."},
    {"_gcd_import", KR_CFUNC(fi_gcd_import), KR_METH_FASTKW,
     "Import and return the module based on its name, the package the call is\n    being made from, and the level "
     "adjustment."},
    {"_resolve_name", KR_CFUNC(fi_resolve_name), KR_METH_FAST, "Resolve a relative module name to an absolute one."},
    {"_handle_fromlist", KR_CFUNC(fi_handle_fromlist), KR_METH_FASTKW, "Figure out what __import__ should return."},
    {"_module_repr", KR_CFUNC(fi_module_repr), KR_METH_O, "The implementation of ModuleType.__repr__()."},
    {NULL},
};

static int fi_exec_module(KrThreadState *ts, KrObject *m) {
    KrObject *imp = krDict_get_str(ts->interp->builtins, KR_ID(__import__));
    if (imp && krModule_add_object(ts, m, "__import__", imp) < 0) return -1;
    return krModule_add_type(ts, m, &KrModuleSpec_Type) < 0 || krModule_add_type(ts, m, &KrBuiltinImporter_Type) < 0 ||
                   krModule_add_type(ts, m, &KrFrozenImporter_Type) < 0 ||
                   krModule_add_string(ts, m, "_ERR_MSG", "No module named {!r}") < 0
               ? -1
               : 0;
}

const KrModuleDef kr__frozen_importlib_module_def = {
    "_frozen_importlib", "Core implementation of import.", fi_methods, fi_exec_module};

// ---------------------------------------------------------------------------
// _frozen_importlib_external

static KrObject *fe_spec_from_file_location(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                            KrObject *kwnames) {
    static const char *const names[] = {"name", "location", "loader", "submodule_search_locations"};
    KrObject *a[4];
    if (krArg_parse(ts, "spec_from_file_location", args, nargs, kwnames, names, 4, 0, 2, 1, a) < 0) return NULL;
    return krSpec_from_file_location(ts, a[0], a[1], a[2], a[3]);
}

static KrObject *fe_cache_from_source(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                      KrObject *kwnames) {
    static const char *const names[] = {"path", "debug_override", "optimization"};
    KrObject *a[3];
    if (krArg_parse(ts, "cache_from_source", args, nargs, kwnames, names, 3, 0, 2, 1, a) < 0) return NULL;
    KrObject *opt = a[2];
    KrObject *tmp = NULL;
    if (a[1] && a[1] != KR_NONE) {
        if (opt && opt != KR_NONE)
            return krErr_format(ts, &KrExc_TypeError, "debug_override or optimization must be set to None");
        int t = krObj_is_true(ts, a[1]);
        if (t < 0) return NULL;
        opt = tmp = t ? kr_newref(krStr_empty()) : kr_smallint(1);
    }
    if (!krStr_check(a[0])) {
        kr_xdecref(tmp);
        return krErr_format(ts, &KrExc_TypeError, "expected str, bytes or os.PathLike object, not %T", a[0]);
    }
    KrObject *r = krPycache_from_source(ts, a[0], opt);
    kr_xdecref(tmp);
    return r;
}

static KrObject *fe_source_from_cache(KrThreadState *ts, KrObject *self, KrObject *path) {
    if (!krStr_check(path))
        return krErr_format(ts, &KrExc_TypeError, "expected str, bytes or os.PathLike object, not %T", path);
    return krPycache_source_from_cache(ts, path);
}

static KrObject *fe_decode_source(KrThreadState *ts, KrObject *self, KrObject *data) {
    return krImport_decode_source(ts, data);
}

static KrObject *fe_path_join(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrObject *r = kr_newref(krStr_empty());
    for (KrSsize i = 0; i < nargs && r; i++) {
        if (!krStr_check(args[i])) {
            kr_decref(r);
            return krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected str instance, %T found", i, args[i]);
        }
        kr_setref(&r, krImport_path_join(ts, r, args[i]));
    }
    return r;
}

static KrObject *fe_path_split(KrThreadState *ts, KrObject *self, KrObject *path) {
    if (!krStr_check(path)) return krErr_format(ts, &KrExc_TypeError, "expected str, not %T", path);
    KrObject *head, *tail;
    if (krImport_path_split(ts, path, &head, &tail) < 0) return NULL;
    KrObject *t = krTuple_pack(ts, 2, head, tail);
    kr_decref(head);
    kr_decref(tail);
    return t;
}

static KrObject *fe_path_isfile(KrThreadState *ts, KrObject *self, KrObject *path) {
    return kr_newref(kr_bool(krStr_check(path) && krImport_isfile(path)));
}

static KrObject *fe_path_isdir(KrThreadState *ts, KrObject *self, KrObject *path) {
    if (krStr_check(path) && krStr_size(path) == 0) path = krStr_intern_cstr(ts, ".");
    return kr_newref(kr_bool(krStr_check(path) && krImport_isdir(path)));
}

static KrObject *fe_path_isabs(KrThreadState *ts, KrObject *self, KrObject *path) {
    if (!krStr_check(path)) return krErr_format(ts, &KrExc_TypeError, "expected str, not %T", path);
    return kr_newref(kr_bool(krStr_utf8(path)[0] == '/'));
}

static KrObject *fe_supported_loaders(KrThreadState *ts, KrObject *self) {
    return krSeq_list(ts, krImport_state(ts)->file_loaders);
}

static KrObject *fe_code_to_timestamp_pyc(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                          KrObject *kwnames) {
    static const char *const names[] = {"code", "mtime", "source_size"};
    KrObject *a[3];
    if (krArg_parse(ts, "_code_to_timestamp_pyc", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    int64_t v[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        if (!a[i + 1]) continue;
        KrObject *n = krNum_int(ts, a[i + 1]);
        if (!n) return NULL;
        if (!krInt_to_i64(n, &v[i])) {
            // Only the low 32 bits are stored.
            KrObject *mask = krInt_from_i64(ts, 0xFFFFFFFF), *low = mask ? krNum_and(ts, n, mask) : NULL;
            kr_xdecref(mask);
            if (!low) {
                kr_decref(n);
                return NULL;
            }
            krInt_to_i64(low, &v[i]);
            kr_decref(low);
        }
        kr_decref(n);
    }
    KrObject *data = krPycache_pack(ts, a[0], v[0], v[1]);
    if (!data) return NULL;
    KrObject *ba = krByteArray_from_data(ts, krBytes_data(data), krBytes_size(data));
    kr_decref(data);
    return ba;
}

// Reads exc_details {'name':..., 'path':...}: borrowed or NULL.
static KrObject *detail(KrObject *details, const char *key) {
    KrThreadState *ts = krThread_current();
    if (!details || !krDict_check(details)) return NULL;
    KrObject *v = krDict_get_cstr(ts, details, key);
    if (!v && krErr_occurred(ts)) krErr_clear(ts);
    return v;
}

static KrObject *fe_classify_pyc(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_classify_pyc", nargs, 3, 3) < 0) return NULL;
    const char *p;
    KrSsize n;
    if (krBytes_as_buffer(ts, args[0], &p, &n) < 0) return NULL;
    KrObject *name = detail(args[2], "name");
    if (krPycache_check_header(ts, (const uint8_t *)p, n, args[1], detail(args[2], "path"), -1, 0) < 0) {
        KrObject *exc = krErr_peek(ts);
        if (name && exc && kr_type_check(exc, &KrExc_ImportError))
            kr_setref(&((KrImportErrorObject *)exc)->name, kr_newref(name));
        return NULL;
    }
    return kr_smallint(0);
}

static KrObject *fe_validate_timestamp_pyc(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_validate_timestamp_pyc", nargs, 5, 5) < 0) return NULL;
    const char *p;
    KrSsize n;
    if (krBytes_as_buffer(ts, args[0], &p, &n) < 0) return NULL;
    int64_t mtime = 0, size = 0;
    KrObject *m = krNum_int(ts, args[1]);
    if (!m) return NULL;
    krInt_to_i64(m, &mtime);
    kr_decref(m);
    if (args[2] != KR_NONE) {
        KrObject *s = krNum_int(ts, args[2]);
        if (!s) return NULL;
        krInt_to_i64(s, &size);
        kr_decref(s);
    } else if (n >= 16) {
        size = (int64_t)((uint32_t)(uint8_t)p[12] | (uint32_t)(uint8_t)p[13] << 8 | (uint32_t)(uint8_t)p[14] << 16 |
                         (uint32_t)(uint8_t)p[15] << 24);
    }
    if (krPycache_check_header(ts, (const uint8_t *)p, n, args[3], detail(args[4], "path"), mtime & 0xFFFFFFFF,
                               size) < 0)
        return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *fe_compile_bytecode(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    static const char *const names[] = {"data", "name", "bytecode_path", "source_path"};
    KrObject *a[4];
    if (krArg_parse(ts, "_compile_bytecode", args, nargs, kwnames, names, 4, 0, 4, 1, a) < 0) return NULL;
    const char *p;
    KrSsize n;
    if (krBytes_as_buffer(ts, a[0], &p, &n) < 0) return NULL;
    KrObject *src = a[3] && a[3] != KR_NONE && krStr_check(a[3]) ? a[3] : NULL;
    return krPycache_unpack(ts, (const uint8_t *)p, n, a[1] ? a[1] : KR_NONE, a[2] ? a[2] : KR_NONE, src);
}

static KrObject *str_list(KrThreadState *ts, const char *s) {
    KrObject *l = krList_new(ts, 0);
    if (l && s) {
        KrObject *item = krStr_intern_cstr(ts, s);
        if (!item || krList_append(ts, l, item) < 0) KR_CLEAR(l);
    }
    return l;
}

static const KrMethodDef fe_methods[] = {
    {"spec_from_file_location", KR_CFUNC(fe_spec_from_file_location), KR_METH_FASTKW,
     "Return a module spec based on a file location.\n\n    To indicate that the module is a package, set\n    "
     "submodule_search_locations to a list of directory paths.  An\n    empty list is sufficient, though its not "
     "otherwise useful to the\n    import system.\n\n    The loader must take a spec as its only __init__() arg.\n\n    "},
    {"cache_from_source", KR_CFUNC(fe_cache_from_source), KR_METH_FASTKW,
     "Given the path to a .py file, return the path to its .pyc file."},
    {"source_from_cache", KR_CFUNC(fe_source_from_cache), KR_METH_O,
     "Given the path to a .pyc. file, return the path to its .py file."},
    {"decode_source", KR_CFUNC(fe_decode_source), KR_METH_O,
     "Decode bytes representing source code and return the string.\n\n    Universal newline support is used in the "
     "decoding.\n    "},
    {"_path_join", KR_CFUNC(fe_path_join), KR_METH_FAST, "Replacement for os.path.join()."},
    {"_path_split", KR_CFUNC(fe_path_split), KR_METH_O, "Replacement for os.path.split()."},
    {"_path_isfile", KR_CFUNC(fe_path_isfile), KR_METH_O, "Replacement for os.path.isfile."},
    {"_path_isdir", KR_CFUNC(fe_path_isdir), KR_METH_O, "Replacement for os.path.isdir."},
    {"_path_isabs", KR_CFUNC(fe_path_isabs), KR_METH_O, "Replacement for os.path.isabs."},
    {"_get_supported_file_loaders", KR_CFUNC(fe_supported_loaders), KR_METH_NOARGS,
     "Returns a list of file-based module loaders.\n\n    Each item is a tuple (loader, suffixes).\n    "},
    {"_code_to_timestamp_pyc", KR_CFUNC(fe_code_to_timestamp_pyc), KR_METH_FASTKW,
     "Produce the data for a timestamp-based pyc."},
    {"_classify_pyc", KR_CFUNC(fe_classify_pyc), KR_METH_FAST,
     "Perform basic validity checking of a pyc header and return the flags field."},
    {"_validate_timestamp_pyc", KR_CFUNC(fe_validate_timestamp_pyc), KR_METH_FAST,
     "Validate a pyc against the source last-modified time."},
    {"_compile_bytecode", KR_CFUNC(fe_compile_bytecode), KR_METH_FASTKW, "Compile bytecode as found in a pyc."},
    {NULL},
};

static int fe_exec(KrThreadState *ts, KrObject *m) {
    if (krImport_ready_types(ts) < 0) return -1;
    static KrTypeObject *const types[] = {&KrWindowsRegistryFinder_Type, &KrPathFinder_Type,
                                          &KrFileFinder_Type,           &KrLoaderBasics_Type,
                                          &KrSourceLoader_Type,         &KrFileLoader_Type,
                                          &KrSourceFileLoader_Type,     &KrSourcelessFileLoader_Type,
                                          &KrExtensionFileLoader_Type,  &KrNamespaceLoader_Type,
                                          &KrNamespacePath_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (krModule_add_type(ts, m, types[i]) < 0) return -1;
    uint8_t magic[4];
    krPycache_magic(magic);
    if (krModule_add_object_steal(ts, m, "MAGIC_NUMBER", krBytes_from_data(ts, (const char *)magic, 4)) < 0 ||
        krModule_add_int(ts, m, "_RAW_MAGIC_NUMBER",
                         (int64_t)magic[0] | magic[1] << 8 | magic[2] << 16 | (int64_t)magic[3] << 24) < 0 ||
        krModule_add_object_steal(ts, m, "SOURCE_SUFFIXES", str_list(ts, ".py")) < 0 ||
        krModule_add_object_steal(ts, m, "BYTECODE_SUFFIXES", str_list(ts, ".pyc")) < 0 ||
        krModule_add_object_steal(ts, m, "EXTENSION_SUFFIXES", str_list(ts, NULL)) < 0 ||
        krModule_add_string(ts, m, "_PYCACHE", "__pycache__") < 0 || krModule_add_string(ts, m, "_OPT", "opt-") < 0 ||
        krModule_add_string(ts, m, "path_sep", "/") < 0 || krModule_add_string(ts, m, "path_separators", "/") < 0 ||
        krModule_add_string(ts, m, "_CACHE_TAG", KR_PYC_TAG) < 0)
        return -1;
    // DEBUG_BYTECODE_SUFFIXES and OPTIMIZED_BYTECODE_SUFFIXES are the same list.
    KrObject *bc = krDict_get_cstr(ts, krModule_dict(m), "BYTECODE_SUFFIXES");
    return krModule_add_object(ts, m, "DEBUG_BYTECODE_SUFFIXES", bc) < 0 ||
                   krModule_add_object(ts, m, "OPTIMIZED_BYTECODE_SUFFIXES", bc) < 0
               ? -1
               : 0;
}

const KrModuleDef kr__frozen_importlib_external_module_def = {
    "_frozen_importlib_external", "Core implementation of path-based import.", fe_methods, fe_exec};
