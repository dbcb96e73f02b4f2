/*
 * pycache.c — the bytecode cache (__pycache__/<name>.krait-<magic>.pyc) and
 * the small file-system helpers the import system uses.
 *
 * A cache file is a 16-byte header followed by marshal.dumps(code):
 *
 *   magic (4)        KR_PYC_MAGIC as 2 bytes little-endian, then "\r\n"
 *   fingerprint (4)  FNV-1a of the text of opcodes.def's OP entries (where
 *                    CPython keeps its flags word), so that caches written by
 *                    a build with another instruction table are never used
 *                    even if someone forgot to bump KR_PYC_MAGIC
 *   mtime (4)        the source's modification time in seconds, mod 2**32
 *   size (4)         the source's size in bytes, mod 2**32
 *
 * A cache is used only when all four match.  Anything wrong with a cache
 * file (missing, short, stale, corrupt payload) makes the import compile the
 * source again and rewrite the file; unlike CPython, a corrupt payload behind
 * a good header is ignored too rather than raised.  Files are written to a
 * temporary name and renamed into place, so readers never see a partial file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/marshal.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/import_internal.h"

// ---------------------------------------------------------------------------
// The magic number and the instruction-table fingerprint

#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) \
    #NAME " " #ARG " " #POPS " " #PUSHES " " #JUMP_EFFECT " " #CACHE " " #FLAGS "\n"
static const char opcode_table_text[] =
#include "compiler/opcodes.def"
    ;
#undef OP

uint32_t krPycache_opcode_fingerprint(void) {
    static uint32_t fp;
    if (!fp) {
        uint32_t h = 2166136261u;
        for (const char *p = opcode_table_text; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
        fp = h ? h : 1;
    }
    return fp;
}

void krPycache_magic(uint8_t out[4]) {
    out[0] = KR_PYC_MAGIC & 0xff;
    out[1] = (KR_PYC_MAGIC >> 8) & 0xff;
    out[2] = '\r';
    out[3] = '\n';
}

static void put_u32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// ---------------------------------------------------------------------------
// File-system helpers

// Does the str hold an encoded lone surrogate (from surrogateescape)?
static bool has_surrogates(KrObject *s) {
    if (krStr_is_ascii(s)) return false;
    const uint8_t *p = (const uint8_t *)krStr_utf8(s);
    for (KrSsize i = 0; i + 1 < krStr_size(s); i++)
        if (p[i] == 0xED && p[i + 1] >= 0xA0) return true;
    return false;
}

// The bytes to give the OS for `path`: the str's own UTF-8, or for names
// with surrogates the surrogateescape encoding in *tmp (to release).  NULL
// when the path cannot name a file (embedded NUL, unencodable), with no
// exception set.
static const char *fs_path(KrObject *path, KrObject **tmp) {
    *tmp = NULL;
    if (!krStr_check(path) || strlen(krStr_utf8(path)) != (size_t)krStr_size(path)) return NULL;
    if (!has_surrogates(path)) return krStr_utf8(path);
    KrThreadState *ts = krThread_current();
    KrObject *b = krStr_encode(ts, path, "utf-8", "surrogateescape");
    if (!b) {
        krErr_clear(ts);
        return NULL;
    }
    *tmp = b;
    return krBytes_data(b);
}

int krImport_stat(KrObject *path, KrStat *st) {
    KrObject *tmp;
    const char *p = fs_path(path, &tmp);
    if (!p) {
        errno = ENOENT;
        return -1;
    }
    struct stat sb;
    int r = stat(*p ? p : ".", &sb);
    kr_xdecref(tmp);
    if (r < 0) return -1;
    st->mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
    st->size = (int64_t)sb.st_size;
    st->mode = (int)sb.st_mode;
    return 0;
}

bool krImport_isdir(KrObject *path) {
    KrStat st;
    return krImport_stat(path, &st) == 0 && S_ISDIR(st.mode);
}

bool krImport_isfile(KrObject *path) {
    KrStat st;
    return krImport_stat(path, &st) == 0 && S_ISREG(st.mode);
}

KrObject *krImport_read_file(KrThreadState *ts, KrObject *path) {
    KrObject *tmp;
    const char *p = fs_path(path, &tmp);
    if (!p) {
        errno = ENOENT;
        return krErr_from_errno(ts, &KrExc_OSError, path);
    }
    FILE *f = fopen(p, "rb");
    kr_xdecref(tmp);
    if (!f) return krErr_from_errno(ts, &KrExc_OSError, path);
    size_t cap = 8192, n = 0;
    char *buf = krMem_malloc(cap);
    int err = 0;
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) {
            if (ferror(f)) err = errno ? errno : EIO;
            break;
        }
        if (n == cap) {
            char *nb = cap > (size_t)KR_SSIZE_MAX / 2 ? NULL : krMem_realloc(buf, cap * 2);
            if (!nb) {
                krMem_free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return krErr_no_memory(ts);
    if (err) {
        krMem_free(buf);
        errno = err;
        return krErr_from_errno(ts, &KrExc_OSError, path);
    }
    KrObject *b = krBytes_from_data(ts, buf, (KrSsize)n);
    krMem_free(buf);
    return b;
}

KrObject *krImport_getcwd(KrThreadState *ts) {
    char *cwd = getcwd(NULL, 0);
    if (!cwd) return krErr_from_errno(ts, &KrExc_OSError, NULL);
    KrObject *s = krStr_decode_utf8(ts, cwd, (KrSsize)strlen(cwd), "surrogateescape");
    free(cwd);
    return s;
}

KrObject *krImport_path_join(KrThreadState *ts, KrObject *a, KrObject *b) {
    KrSsize na = krStr_size(a), nb = krStr_size(b);
    const char *pa = krStr_utf8(a), *pb = krStr_utf8(b);
    while (na > 0 && pa[na - 1] == '/') na--;
    while (nb > 0 && pb[nb - 1] == '/') nb--;
    // Empty parts are skipped, but a part made only of separators joins as ''.
    bool has_a = krStr_size(a) > 0, has_b = krStr_size(b) > 0;
    if (!has_a) return krStr_from_utf8(ts, pb, nb);
    if (!has_b) return krStr_from_utf8(ts, pa, na);
    KrObject *r = krStr_new_raw(ts, na + 1 + nb, krStr_len(a) - (krStr_size(a) - na) + 1 + krStr_len(b) -
                                                     (krStr_size(b) - nb),
                                krStr_is_ascii(a) && krStr_is_ascii(b));
    if (!r) return NULL;
    char *out = krStr_raw_data(r);
    memcpy(out, pa, (size_t)na);
    out[na] = '/';
    memcpy(out + na + 1, pb, (size_t)nb);
    out[na + 1 + nb] = 0;
    return r;
}

int krImport_path_split(KrThreadState *ts, KrObject *path, KrObject **head, KrObject **tail) {
    const char *p = krStr_utf8(path);
    const char *slash = strrchr(p, '/');
    KrSsize n = krStr_size(path);
    if (!slash) {
        *head = kr_newref(krStr_empty());
        *tail = kr_newref(path);
        return 0;
    }
    *head = krStr_from_utf8(ts, p, slash - p);
    *tail = *head ? krStr_from_utf8(ts, slash + 1, n - (slash + 1 - p)) : NULL;
    if (!*tail) {
        KR_CLEAR(*head);
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Cache paths

// sys.pycache_prefix as a borrowed str, or NULL.
static KrObject *pycache_prefix(KrThreadState *ts) {
    KrObject *p = krDict_get_cstr(ts, ts->interp->sysdict, "pycache_prefix");
    return p && krStr_check(p) ? p : NULL;
}

KrObject *krPycache_from_source(KrThreadState *ts, KrObject *path, KrObject *optimization) {
    KrObject *head = NULL, *tail = NULL, *opt = NULL, *filename = NULL, *res = NULL;
    if (krImport_path_split(ts, path, &head, &tail) < 0) return NULL;
    const char *t = krStr_utf8(tail);
    const char *dot = strrchr(t, '.');
    // base, sep, rest = tail.rpartition('.'): the name is base, or rest when
    // the tail starts with its only dot.
    KrSsize baselen = dot ? dot - t : 0;
    const char *base = baselen ? t : (dot ? dot + 1 : t);
    if (!baselen) baselen = (KrSsize)strlen(base);
    if (optimization && optimization != KR_NONE) {
        if (!(opt = krObj_str(ts, optimization))) goto done;
        if (krStr_size(opt)) {
            const char *o = krStr_utf8(opt);
            bool alnum = true;
            for (KrSsize i = 0; i < krStr_size(opt); i++)
                if (!((o[i] >= '0' && o[i] <= '9') || (o[i] >= 'a' && o[i] <= 'z') || (o[i] >= 'A' && o[i] <= 'Z')))
                    alnum = false;
            if (!alnum) {
                krErr_format(ts, &KrExc_ValueError, "%R is not alphanumeric", opt);
                goto done;
            }
        }
    }
    KrObject *stem = krStr_from_utf8(ts, base, baselen);
    if (!stem) goto done;
    if (opt && krStr_size(opt))
        filename = krStr_from_format(ts, "%U%s%s.opt-%U.pyc", stem, dot ? "." : "", KR_PYC_TAG, opt);
    else
        filename = krStr_from_format(ts, "%U%s%s.pyc", stem, dot ? "." : "", KR_PYC_TAG);
    kr_decref(stem);
    if (!filename) goto done;
    KrObject *prefix = pycache_prefix(ts);
    if (prefix) {
        // <prefix>/<absolute directory without its leading '/'>/<filename>
        if (krStr_utf8(head)[0] != '/') {
            KrObject *cwd = krImport_getcwd(ts);
            KrObject *abs = cwd ? krImport_path_join(ts, cwd, head) : NULL;
            kr_xdecref(cwd);
            if (!abs) goto done;
            kr_setref(&head, abs);
        }
        const char *h = krStr_utf8(head);
        while (*h == '/') h++;
        KrObject *rel = krStr_from_cstr(ts, h);
        KrObject *dir = rel ? krImport_path_join(ts, prefix, rel) : NULL;
        kr_xdecref(rel);
        res = dir ? krImport_path_join(ts, dir, filename) : NULL;
        kr_xdecref(dir);
    } else {
        KrObject *pc = krStr_intern_cstr(ts, "__pycache__");
        KrObject *dir = pc ? krImport_path_join(ts, head, pc) : NULL;
        res = dir ? krImport_path_join(ts, dir, filename) : NULL;
        kr_xdecref(dir);
    }
done:
    kr_xdecref(head);
    kr_xdecref(tail);
    kr_xdecref(opt);
    kr_xdecref(filename);
    return res;
}

KrObject *krPycache_source_from_cache(KrThreadState *ts, KrObject *path) {
    KrObject *head = NULL, *file = NULL, *res = NULL;
    if (krImport_path_split(ts, path, &head, &file) < 0) return NULL;
    KrObject *prefix = pycache_prefix(ts);
    bool in_prefix = false;
    if (prefix) {
        const char *p = krStr_utf8(prefix);
        KrSsize n = krStr_size(prefix);
        while (n > 0 && p[n - 1] == '/') n--;
        if (krStr_size(head) > n && memcmp(krStr_utf8(head), p, (size_t)n) == 0 && krStr_utf8(head)[n] == '/') {
            KrObject *rest = krStr_from_cstr(ts, krStr_utf8(head) + n);
            if (!rest) goto done;
            kr_setref(&head, rest);
            in_prefix = true;
        }
    }
    if (!in_prefix) {
        KrObject *h2, *pc;
        if (krImport_path_split(ts, head, &h2, &pc) < 0) goto done;
        bool ok = krStr_eq_cstr(pc, "__pycache__");
        kr_decref(pc);
        kr_setref(&head, h2);
        if (!ok) {
            krErr_format(ts, &KrExc_ValueError, "__pycache__ not bottom-level directory in %R", path);
            goto done;
        }
    }
    const char *f = krStr_utf8(file);
    int dots = 0;
    for (const char *c = f; *c; c++) dots += *c == '.';
    if (dots != 2 && dots != 3) {
        krErr_format(ts, &KrExc_ValueError, "expected only 2 or 3 dots in %R", file);
        goto done;
    }
    if (dots == 3) {
        // name.tag.opt-N.pyc
        const char *last = strrchr(f, '.');
        const char *opt = last - 1;
        while (*opt != '.') opt--;
        opt++;
        if (strncmp(opt, "opt-", 4) != 0) {
            krErr_format(ts, &KrExc_ValueError, "optimization portion of filename does not start with 'opt-'");
            goto done;
        }
        bool alnum = last > opt + 4;
        for (const char *c = opt + 4; c < last; c++)
            if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))) alnum = false;
        if (!alnum) {
            KrObject *o = krStr_from_utf8(ts, opt, last - opt);
            if (o) krErr_format(ts, &KrExc_ValueError, "optimization level %R is not an alphanumeric value", o);
            kr_xdecref(o);
            goto done;
        }
    }
    KrObject *stem = krStr_from_utf8(ts, f, strchr(f, '.') - f);
    KrObject *base = stem ? krStr_from_format(ts, "%U.py", stem) : NULL;
    kr_xdecref(stem);
    if (base) res = krImport_path_join(ts, head, base);
    kr_xdecref(base);
done:
    kr_xdecref(head);
    kr_xdecref(file);
    return res;
}

// ---------------------------------------------------------------------------
// Reading and writing cache files

int krPycache_check_header(KrThreadState *ts, const uint8_t *data, KrSsize len, KrObject *name, KrObject *path,
                           int64_t mtime, int64_t size) {
    uint8_t magic[4];
    krPycache_magic(magic);
    if (len < 4 || memcmp(data, magic, 4) != 0) {
        KrObject *got = krBytes_from_data(ts, (const char *)data, len < 4 ? len : 4);
        if (got) krImport_errorf(ts, &KrExc_ImportError, name, path, "bad magic number in %R: %R", name, got);
        kr_xdecref(got);
        return -1;
    }
    if (len < 16) {
        krErr_format(ts, &KrExc_EOFError, "reached EOF while reading pyc header of %R", name);
        return -1;
    }
    // A cache from a build with another instruction table is as good as stale.
    if (get_u32(data + 4) != krPycache_opcode_fingerprint() ||
        (mtime >= 0 && (get_u32(data + 8) != (uint32_t)mtime || get_u32(data + 12) != (uint32_t)size))) {
        krImport_errorf(ts, &KrExc_ImportError, name, path, "bytecode is stale for %R", name);
        return -1;
    }
    return 0;
}

// Replaces co_filename in code objects whose filename is `old`.
static void fix_filename(KrCodeObject *co, KrObject *old, KrObject *new_name) {
    if (!krStr_eq(co->co_filename, old)) return;
    kr_setref(&co->co_filename, kr_newref(new_name));
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(co->co_consts); i++) {
        KrObject *c = KR_TUPLE_GET(co->co_consts, i);
        if (krCode_check(c)) fix_filename((KrCodeObject *)c, old, new_name);
    }
}

void krPycache_fix_filename(KrThreadState *ts, KrObject *code, KrObject *filename) {
    KrCodeObject *co = (KrCodeObject *)code;
    if (krStr_eq(co->co_filename, filename)) return;
    KrObject *old = kr_newref(co->co_filename);
    fix_filename(co, old, filename);
    kr_decref(old);
}

KrObject *krPycache_unpack(KrThreadState *ts, const uint8_t *data, KrSsize len, KrObject *name, KrObject *cache_path,
                           KrObject *source_path) {
    KrObject *code = krMarshal_loads(ts, (const char *)data, len, NULL);
    if (!code) return NULL;
    if (!krCode_check(code)) {
        kr_decref(code);
        return krImport_errorf(ts, &KrExc_ImportError, name, cache_path, "Non-code object in %R", cache_path);
    }
    if (source_path) krPycache_fix_filename(ts, code, source_path);
    return code;
}

KrObject *krPycache_read(KrThreadState *ts, KrObject *cache_path, KrObject *source_path, int64_t mtime,
                         int64_t size) {
    KrObject *data = krImport_read_file(ts, cache_path);
    if (!data) {
        if (krErr_matches(ts, &KrExc_OSError)) krErr_clear(ts);
        return NULL;
    }
    const uint8_t *p = (const uint8_t *)krBytes_data(data);
    KrSsize n = krBytes_size(data);
    KrObject *code = NULL;
    if (krPycache_check_header(ts, p, n, krStr_empty(), cache_path, mtime, size) == 0)
        code = krPycache_unpack(ts, p + 16, n - 16, krStr_empty(), cache_path, source_path);
    kr_decref(data);
    // A bad cache is not an error: the caller compiles the source instead.
    if (!code && !krErr_matches(ts, &KrExc_MemoryError)) krErr_clear(ts);
    return code;
}

KrObject *krPycache_pack(KrThreadState *ts, KrObject *code, int64_t mtime, int64_t size) {
    KrObject *body = krMarshal_dumps(ts, code);
    if (!body) return NULL;
    KrObject *out = krBytes_from_data(ts, NULL, 16 + krBytes_size(body));
    if (out) {
        uint8_t *p = (uint8_t *)krBytes_data(out);
        krPycache_magic(p);
        put_u32(p + 4, krPycache_opcode_fingerprint());
        put_u32(p + 8, (uint32_t)mtime);
        put_u32(p + 12, (uint32_t)size);
        memcpy(p + 16, krBytes_data(body), (size_t)krBytes_size(body));
    }
    kr_decref(body);
    return out;
}

// Creates the directory `dir` and any missing parents.  false when that
// fails (permissions, a read-only file system).
static bool make_dirs(char *dir) {
    struct stat sb;
    if (!*dir || stat(dir, &sb) == 0) return *dir == 0 || S_ISDIR(sb.st_mode);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = 0;
        bool ok = make_dirs(dir);
        *slash = '/';
        if (!ok) return false;
    }
    return mkdir(dir, 0777) == 0 || errno == EEXIST;
}

int krPycache_write(KrThreadState *ts, KrObject *path, const char *data, KrSsize len, int mode) {
    KrObject *tmpobj;
    const char *p = fs_path(path, &tmpobj);
    if (!p) return 0;
    size_t plen = strlen(p);
    char *buf = krMem_malloc(plen + 32);
    if (!buf) {
        kr_xdecref(tmpobj);
        krErr_no_memory(ts);
        return -1;
    }
    memcpy(buf, p, plen + 1);
    char *slash = strrchr(buf, '/');
    bool ok = true;
    if (slash && slash != buf) {
        *slash = 0;
        ok = make_dirs(buf);
        *slash = '/';
    }
    if (ok) {
        // The temporary name is unique to this process; O_EXCL guards against
        // a stale one left by a crash.
        snprintf(buf + plen, 32, ".%ld.tmp", (long)getpid());
        int fd = open(buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0666);
        if (fd < 0 && errno == EEXIST && unlink(buf) == 0)
            fd = open(buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0666);
        if (fd >= 0) {
            KrSsize done = 0;
            while (done < len) {
                ssize_t w = write(fd, data + done, (size_t)(len - done));
                if (w < 0 && errno == EINTR) continue;
                if (w <= 0) break;
                done += w;
            }
            if (close(fd) != 0 || done != len || rename(buf, p) != 0) unlink(buf);
        }
    }
    krMem_free(buf);
    kr_xdecref(tmpobj);
    return 0;
}
