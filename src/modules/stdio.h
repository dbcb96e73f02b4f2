/*
 * stdio.h — the standard streams sys.stdin, sys.stdout and sys.stderr
 * (stdio.c): io.TextIOWrapper objects made at start-up, and the fast paths
 * print() and input() take when a stream is an exact TextIOWrapper.
 */
#ifndef KR_MODULES_STDIO_H
#define KR_MODULES_STDIO_H

#include "objects/object.h"

// The text stream for `fd` (0, 1 or 2) with CPython's settings: UTF-8,
// line buffered on a terminal (stderr always), block buffered otherwise,
// write-through with `unbuffered` (-u), backslashreplace on stderr.  New
// reference.
KrObject *krStdFile_new(KrThreadState *ts, int fd, bool writable, bool unbuffered);
// True when `o` is a TextIOWrapper the fast paths below may take.  Never fails.
bool krStdFile_check(KrObject *o);
// Writes a str (print's fast path).  0 or -1.
int krStdFile_write_str(KrThreadState *ts, KrObject *file, KrObject *s);
// One line, "" at EOF; `limit` < 0 for no limit.  New reference.
KrObject *krStdFile_readline(KrThreadState *ts, KrObject *file, KrSsize limit);

#endif
