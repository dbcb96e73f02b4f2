/*
 * posixmodule.h — path arguments and OS errors shared by the posix module
 * (posixmodule.c, posix_dir.c) and io (io_fileio.c).
 */
#ifndef KR_MODULES_POSIXMODULE_H
#define KR_MODULES_POSIXMODULE_H

#include "objects/object.h"

// A converted path argument.  `narrow` is the NUL-terminated file-system
// name (UTF-8 with surrogateescape for str), valid while `keep` lives; `fd`
// is set instead when an int was given and allowed.
typedef struct KrPathArg {
    const char *func;              // "stat": used in TypeErrors
    const char *argname;           // "path"
    bool allow_fd, nullable;
    const char *narrow;            // NULL for fd or None
    int fd;                        // -1 unless an fd was given
    bool is_bytes;                 // results (listdir, readlink) are bytes
    KrObject *object;              // strong: the argument as given (for OSError.filename)
    KrObject *keep;                // strong: the str or bytes owning `narrow`
} KrPathArg;

// Converts `o` (str, bytes, os.PathLike; an int when allow_fd; None when
// nullable) into `p`, whose func/argname/allow_fd/nullable are set by the
// caller.  0 or -1 (TypeError, ValueError "embedded null byte").  Call
// krPath_release afterwards in both cases.
int krPath_convert(KrThreadState *ts, KrObject *o, KrPathArg *p);
void krPath_release(KrPathArg *p);

// os.fspath(o): str or bytes (new reference); TypeError otherwise.
KrObject *krOS_fspath(KrThreadState *ts, KrObject *o);
// A file-system name (bytes from the OS) as str (surrogateescape) or as bytes.
KrObject *krOS_decode_name(KrThreadState *ts, const char *s, KrSsize n, bool as_bytes);
// Raises the OSError subclass for errno `err` with up to two filenames
// (either may be NULL).  Returns NULL.
KrObject *krOS_error(KrThreadState *ts, int err, KrObject *filename, KrObject *filename2);

struct stat;
// An os.stat_result for `st` (the posix module must have been executed).
// New reference.
KrObject *krOS_stat_result(KrThreadState *ts, const struct stat *st);

// posix_dir.c: listdir(), scandir() (KR_METH_FASTKW functions) and the
// DirEntry / ScandirIterator types (added to the module by the exec hook).
KrObject *krPosix_listdir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
KrObject *krPosix_scandir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
int krMod_posix_dir_exec(KrThreadState *ts, KrObject *m);
// Converts a path argument for function `func`; the struct's other fields
// as krPath_convert.  0 or -1 (released on failure).
int krPath_arg(KrThreadState *ts, KrPathArg *p, const char *func, const char *argname, KrObject *o, bool allow_fd,
               bool nullable);

#endif
