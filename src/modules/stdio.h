/*
 * stdio.h — the standard streams' file type (stdio.c).
 */
#ifndef KR_MODULES_STDIO_H
#define KR_MODULES_STDIO_H

#include "objects/object.h"

extern KrTypeObject KrStdFile_Type;

// A text stream over `fd` (0, 1 or 2).  New reference.
KrObject *krStdFile_new(KrThreadState *ts, int fd, bool writable, bool unbuffered);
bool krStdFile_check(KrObject *o);
// Writes UTF-8 text / a str to a std stream (fast path for print).  0 or -1.
int krStdFile_write_utf8(KrThreadState *ts, KrObject *file, const char *data, KrSsize n);
int krStdFile_write_str(KrThreadState *ts, KrObject *file, KrObject *s);
// One line, "" at EOF; `limit` < 0 for no limit.  New reference.
KrObject *krStdFile_readline(KrThreadState *ts, KrObject *file, KrSsize limit);

#endif
