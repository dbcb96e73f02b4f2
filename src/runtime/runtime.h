/*
 * runtime.h — start-up and shut-down steps of the runtime, called in order by
 * krRuntime_init (state.c).  Internal to src/.
 */
#ifndef KR_RUNTIME_H
#define KR_RUNTIME_H

#include "objects/object.h"

int krTypes_init(KrThreadState *ts);          // types.c: readies every static type
int krErr_init(KrThreadState *ts);            // error.c: preallocated MemoryError
KrObject *krMod_builtins_create(KrThreadState *ts);  // modules/builtins.c
KrObject *krMod_sys_create(KrThreadState *ts);       // modules/sys.c
// Sets sys.argv, sys.path[0] and friends for the program being run.  0 or -1.
int krMod_sys_set_argv(KrThreadState *ts, int argc, char **argv, const char *script_dir);
// Rebuilds sys.flags and sys.dont_write_bytecode from the interpreter's
// settings (after the command line has been read).  0 or -1.
int krMod_sys_update_flags(KrThreadState *ts);
// Fills sys.path after its first entry: PYTHONPATH (may be NULL), then
// Krait's lib/ directory.  0 or -1.
int krMod_sys_init_path(KrThreadState *ts, const char *pythonpath);
void krEval_install_signal_handlers(void);     // vm/eval.c

#endif
