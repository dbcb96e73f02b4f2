/*
 * builtins.h — pieces of the builtins module defined in several files.
 */
#ifndef KR_MODULES_BUILTINS_H
#define KR_MODULES_BUILTINS_H

#include "objects/object.h"

// NULL-terminated list of extra method tables added to builtins
// (builtins_reduce.c, builtins_io.c, builtins_exec.c).
extern const KrMethodDef *const kr_builtins_extra_methods[];
extern const KrMethodDef kr_builtins_reduce_methods[];
extern const KrMethodDef kr_builtins_io_methods[];
extern const KrMethodDef kr_builtins_exec_methods[];

extern KrTypeObject KrSuper_Type;

#endif
