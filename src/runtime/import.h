/*
 * import.h — the import system: finding, loading and caching modules.
 * Owner of: import.c.
 */
#ifndef KR_IMPORT_H
#define KR_IMPORT_H

#include "objects/object.h"

// __import__(name, globals, locals, fromlist, level) — what IMPORT_NAME calls
// (through builtins.__import__ when it has been replaced).  New reference.
KrObject *krImport_import_module_level(KrThreadState *ts, KrObject *name, KrObject *globals, KrObject *locals,
                                       KrObject *fromlist, int level);
// Runs the Python source file `path` as module `name` (a package when
// `pkgpath`, its __path__ list, is given), registering it in sys.modules.
// New reference.
KrObject *krImport_exec_source_module(KrThreadState *ts, KrObject *name, const char *path, KrObject *pkgpath);
// import `name` (absolute, dotted).  New reference.
KrObject *krImport_import(KrThreadState *ts, const char *name);
// from module import name (IMPORT_FROM): the attribute, or the submodule
// module.name, or ImportError "cannot import name 'x' from 'm' (path)".
KrObject *krImport_from(KrThreadState *ts, KrObject *module, KrObject *name);
// from module import * into `locals`.  0 or -1.
int krImport_star(KrThreadState *ts, KrObject *module, KrObject *locals);

#endif
