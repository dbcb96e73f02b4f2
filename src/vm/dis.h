/*
 * dis.h — the disassembler: code objects printed in CPython 3.11's `dis`
 * layout, and the built-in `dis` module.
 * Owner of: dis.c.
 */
#ifndef KR_DIS_H
#define KR_DIS_H

#include "objects/code.h"
#include "objects/module.h"
#include "objects/str.h"

// Appends the disassembly of `code` to `sb`: line numbers, `>>` jump targets,
// byte offsets, opnames, arguments and their meaning, then the exception
// table.  With `depth` != 0, nested code objects follow ("Disassembly of
// <code object ...>:"), down to `depth` levels (-1: all).  `lasti` (a byte
// offset, or -1) is marked with "-->".  0, or -1 with an exception.
int krDis_code(KrThreadState *ts, KrStrBuilder *sb, KrCodeObject *code, int depth, KrSsize lasti,
               bool show_caches, bool adaptive);

// The `dis` module.
extern const KrModuleDef kr_dis_module_def;

#endif
