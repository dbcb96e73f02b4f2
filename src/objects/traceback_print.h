/*
 * traceback_print.h — shared by traceback.c (traceback entries) and
 * excprint.c (exceptions, chains, groups): the text being built and the
 * exception-group nesting that decides indentation and margins.
 */
#ifndef KR_TRACEBACK_PRINT_H
#define KR_TRACEBACK_PRINT_H

#include "objects/exc.h"
#include "objects/str.h"

typedef struct KrExcPrint {
    KrThreadState *ts;
    KrStrBuilder *sb;              // the output
    const KrObject **seen;         // exceptions already printed (chains may loop)
    KrSsize nseen, capseen;
    int group_depth;               // exception-group nesting (0 outside groups)
    bool need_close;               // a group's closing line is still due
} KrExcPrint;

// Appends `2 * group_depth` spaces and the margin ("| " inside a group).  0 or -1.
int krExcPrint_margin(KrExcPrint *p);

// Prints the traceback `tb` with its header ("Traceback (most recent call
// last):" or the exception-group form), honouring sys.tracebacklimit.  0 or -1.
int krTraceback_print_tb(KrExcPrint *p, KrObject *tb, bool group);

// The line number of a traceback entry (computed on first use).  Never fails.
int krTraceback_lineno(KrTracebackObject *tb);

// Reads line `lineno` (1-based) of file `filename` (a str), without its end
// of line, searching sys.path for relative names as CPython does.  New
// reference, or NULL (no exception set) when it cannot be read.
KrObject *krTraceback_source_line(KrThreadState *ts, KrObject *filename, int lineno);

#endif
