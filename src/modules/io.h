/*
 * io.h — the io module's types, shared by its files:
 *   io_base.c      _IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase (the
 *                  generic methods, written against the Python-level
 *                  protocol so Python subclasses work), UnsupportedOperation
 *   io_fileio.c    FileIO (raw unbuffered I/O on a file descriptor)
 *   io_buffered.c  BufferedReader, BufferedWriter, BufferedRandom
 *   io_textio.c    TextIOWrapper (decoding, universal newlines)
 *   io_bytesio.c   BytesIO;  io_stringio.c  StringIO
 *   io_module.c    the module, open()
 *
 * Every io object starts with KrIOBaseObject: an instance __dict__ (files
 * take attributes, and open() sets `mode` on text files), and the "closed"
 * flag the base class keeps for subclasses that do not track it themselves.
 *
 * Deallocation closes (and so flushes) an object that is still open, as
 * CPython's finalizer does: the types are GC types with tp_finalize, and
 * their deallocs call krIO_dealloc_finalize first.
 */
#ifndef KR_MODULES_IO_H
#define KR_MODULES_IO_H

#include <string.h>

#include "objects/object.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;                // strong or NULL: instance attributes
    bool iobase_closed;            // IOBase.close() was called
} KrIOBaseObject;

extern KrTypeObject KrIOBase_Type, KrRawIOBase_Type, KrBufferedIOBase_Type, KrTextIOBase_Type;
extern KrTypeObject KrFileIO_Type, KrBufferedReader_Type, KrBufferedWriter_Type, KrBufferedRandom_Type;
extern KrTypeObject KrTextIOWrapper_Type, KrBytesIO_Type, KrStringIO_Type;

#define KR_IO_DEFAULT_BUFFER_SIZE 8192

// memchr and memmove that accept NULL pointers when n is 0 (empty buffers
// are NULL).
static inline const char *krIO_find(const char *p, char c, size_t n) {
    return n ? (const char *)memchr(p, c, n) : NULL;
}
static inline void krIO_copy(void *dst, const void *src, size_t n) {
    if (n) memmove(dst, src, n);
}

// io.UnsupportedOperation (made on first use).  Borrowed, or NULL with an
// exception.
KrTypeObject *krIO_unsupported(KrThreadState *ts);
// Raises io.UnsupportedOperation(msg); returns NULL.
KrObject *krIO_raise_unsupported(KrThreadState *ts, const char *msg);
// Raises ValueError "I/O operation on closed file." / "...closed file"; NULL.
KrObject *krIO_closed_error(KrThreadState *ts);

// Runs the finalizer (close()) of an io object about to be deallocated.
// Returns false when the object was resurrected and dealloc must stop.
bool krIO_dealloc_finalize(KrObject *self);
// tp_finalize of the io types: calls self.close() unless self.closed.
void krIO_finalize(KrThreadState *ts, KrObject *self);
// tp_new of the io types: a zeroed instance (arguments go to tp_init).
KrObject *krIO_generic_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames);
// GC helpers for the shared header.
int krIO_traverse_base(KrObject *self, KrVisitProc visit, void *arg);
void krIO_clear_base(KrObject *self);

// The generic IOBase methods usable by the concrete types' tables.
KrObject *krIO_enter(KrThreadState *ts, KrObject *self);
KrObject *krIO_exit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krIO_iter(KrThreadState *ts, KrObject *self);
// A readable object's next line via self.readline(), NULL at "".
KrObject *krIO_iternext(KrThreadState *ts, KrObject *self);
KrObject *krIO_readlines(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krIO_writelines(KrThreadState *ts, KrObject *self, KrObject *lines);

// Size arguments: None or absent means -1.  0 or -1 (TypeError).
int krIO_size_arg(KrThreadState *ts, KrObject *const *args, KrSsize nargs, const char *fname, KrSsize *out);

// FileIO internals used by the buffered layer's fast path.
typedef struct {
    KrIOBaseObject base;
    int fd;                        // -1 when closed
    bool created, readable, writable, appending, closefd;
    signed char seekable;          // -1 unknown
    KrSsize blksize;
} KrFileIOObject;

static inline int krFileIO_fd(KrObject *raw) { return ((KrFileIOObject *)raw)->fd; }
// Reads up to n bytes into buf: the count, 0 at EOF, -2 when it would
// block (non-blocking fd), -1 with an exception.
KrSsize krFileIO_read_into(KrThreadState *ts, KrObject *raw, char *buf, KrSsize n);
// Writes up to n bytes: the count, -2 if it would block, -1 with an exception.
KrSsize krFileIO_write_from(KrThreadState *ts, KrObject *raw, const char *buf, KrSsize n);

// Buffered internals used by TextIOWrapper's fast path (exact types only).
typedef struct {
    KrIOBaseObject base;
    KrObject *raw;                 // strong; NULL once detached
    bool fast;                     // raw is an exact FileIO
    bool readable, writable, ok, detached;
    KrSsize size;                  // buffer size
    char *rbuf;                    // read-ahead rbuf[rpos..rlen)
    KrSsize rpos, rlen;
    char *wbuf;                    // pending writes wbuf[0..wlen)
    KrSsize wlen;
} KrBufferedObject;

// Appends to the write buffer when that needs no system call and no check
// can fail (open FileIO, nothing read ahead, room left): true if done.
static inline bool krBuffered_try_append(KrObject *self, const char *data, KrSsize n) {
    KrBufferedObject *b = (KrBufferedObject *)self;
    if (!b->fast || !b->writable || !b->raw || b->rlen || n > b->size - b->wlen || krFileIO_fd(b->raw) < 0)
        return false;
    memcpy(b->wbuf + b->wlen, data, (size_t)n);
    b->wlen += n;
    return true;
}
bool krBuffered_check_exact(KrObject *o);
// 1 if the raw stream is closed, 0 if not, -1 with an exception.
int krBuffered_closed(KrThreadState *ts, KrObject *self);
int krBuffered_write_data(KrThreadState *ts, KrObject *self, const char *data, KrSsize n);
int krBuffered_flush_data(KrThreadState *ts, KrObject *self);
// Reads up to n bytes (at least 1 unless EOF) as bytes; "" at EOF.  New reference.
KrObject *krBuffered_read_chunk(KrThreadState *ts, KrObject *self, KrSsize n);

// The standard streams (io_textio.c, used by stdio.c).  A TextIOWrapper over
// a BufferedWriter/Reader over FileIO(fd) with CPython's settings.
KrObject *krTextIO_new_std(KrThreadState *ts, int fd, bool write, bool unbuffered);
// Fast write of a str for print(): 0 or -1.  `file` must be an exact
// TextIOWrapper (krTextIO_check_exact).
bool krTextIO_check_exact(KrObject *file);
int krTextIO_write_str(KrThreadState *ts, KrObject *file, KrObject *s);
// One line from an exact TextIOWrapper ("" at EOF).  New reference.
KrObject *krTextIO_readline(KrThreadState *ts, KrObject *file, KrSsize limit);

// io.open() with vectorcall arguments (also the builtin open).
KrObject *krIO_open(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);

#endif
