/*
 * import.h — the import system: finding, loading and caching modules.
 *
 * The machinery follows CPython 3.11's importlib (sys.meta_path finders
 * returning ModuleSpecs, loaders with create_module/exec_module, sys.path_hooks
 * and sys.path_importer_cache), written in C so that importing needs no Python
 * bootstrap: the default finders and loaders are C types, recognised and
 * called directly on the fast path, while user finders and loaders are
 * called through the same protocol as in CPython.
 *
 * Owner of: import.c (the import statement, _find_and_load, module_from_spec),
 * import_spec.c, import_finders.c, import_loaders.c, pycache.c (see
 * import_internal.h), and src/modules/_imp.c (the _imp, _frozen_importlib and
 * _frozen_importlib_external modules that expose it to lib/importlib/).
 */
#ifndef KR_IMPORT_H
#define KR_IMPORT_H

#include "objects/object.h"

// The bytecode cache's magic number: cache files are
// __pycache__/<name>.krait-<KR_PYC_MAGIC>.pyc and start with it.  Bump it
// whenever opcodes.def, the code the compiler generates, or the marshal
// format changes (tests/c/test_pycache.c fails when opcodes.def changed
// without a bump).
#define KR_PYC_MAGIC 1001
#define KR_PYC_STR_(x) #x
#define KR_PYC_STR(x) KR_PYC_STR_(x)
#define KR_PYC_TAG "krait-" KR_PYC_STR(KR_PYC_MAGIC)

// Installs the import machinery: sys.meta_path, sys.path_hooks,
// sys.path_importer_cache, and __spec__/__loader__ of the modules created at
// start-up.  Called once per interpreter after sys exists.  0 or -1.
int krImport_init(KrThreadState *ts);

// __import__(name, globals, locals, fromlist, level) — what IMPORT_NAME calls
// (through builtins.__import__ when it has been replaced).  `globals`,
// `locals` and `fromlist` may be NULL.  New reference.
KrObject *krImport_import_module_level(KrThreadState *ts, KrObject *name, KrObject *globals, KrObject *locals,
                                       KrObject *fromlist, int level);
// import `name` (absolute, dotted) and return the named module itself (not
// the top-level package).  New reference.
KrObject *krImport_import(KrThreadState *ts, const char *name);
// from module import name (IMPORT_FROM): the attribute, or the submodule
// module.name, or ImportError "cannot import name 'x' from 'm' (path)".
// New reference.
KrObject *krImport_from(KrThreadState *ts, KrObject *module, KrObject *name);
// from module import * into `locals`.  0 or -1.
int krImport_star(KrThreadState *ts, KrObject *module, KrObject *locals);

// repr(module) as CPython's module type computes it (from __spec__ and
// __loader__).  New reference.
KrObject *krImport_module_repr(KrThreadState *ts, KrObject *module);
// For module attribute errors: is the module's spec (borrowed, may be NULL)
// still initialising, and is `name` one of its submodules being imported?
// Never fail.
bool krImport_spec_is_initializing(KrThreadState *ts, KrObject *spec);
bool krImport_spec_is_uninitialized_submodule(KrThreadState *ts, KrObject *spec, KrObject *name);

// `krait -m name`: finds module `name` as runpy does (a package runs its
// __main__ submodule) and runs its code in the __main__ module's namespace,
// with sys.argv[0] set to the module's file.  Built-in C modules that define
// a `_main` function (dis) are run by calling it.  0, or -1 with an
// exception: SystemExit("<sys.executable>: <message>") when the module
// cannot be found or run, as CPython reports it.
int krImport_run_module_as_main(KrThreadState *ts, const char *name);
// `krait path` where path is a directory: runs the __main__ module found
// through sys.path[0] (which must be that path), as
// runpy._run_module_as_main("__main__", alter_argv=False).  0 or -1.
int krImport_run_main_from_path(KrThreadState *ts);

// Sets __main__'s __loader__ for a script run from `path` (a
// SourceFileLoader, and __cached__ None) or, with path NULL, for -c / stdin
// (BuiltinImporter).  0 or -1.
int krImport_set_main_loader(KrThreadState *ts, const char *path);

#endif
