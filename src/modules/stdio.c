/*
 * stdio.c — the standard streams: real io.TextIOWrapper objects over
 * BufferedWriter/BufferedReader over FileIO (io_textio.c builds them), and
 * the entry points print() and input() use to skip the method call when a
 * stream is an exact TextIOWrapper.  The write path encodes straight into
 * the buffered writer's buffer, so print costs a copy, as before.
 */
#include "modules/io.h"
#include "modules/stdio.h"

KrObject *krStdFile_new(KrThreadState *ts, int fd, bool writable, bool unbuffered) {
    return krTextIO_new_std(ts, fd, writable, unbuffered);
}

bool krStdFile_check(KrObject *o) { return krTextIO_check_exact(o); }

int krStdFile_write_str(KrThreadState *ts, KrObject *file, KrObject *s) { return krTextIO_write_str(ts, file, s); }

KrObject *krStdFile_readline(KrThreadState *ts, KrObject *file, KrSsize limit) {
    return krTextIO_readline(ts, file, limit);
}
