/*
 * import_loaders.c — the loaders of importlib.machinery: _LoaderBasics,
 * SourceLoader, FileLoader, SourceFileLoader, SourcelessFileLoader,
 * ExtensionFileLoader, NamespaceLoader, and the _NamespacePath that is a
 * namespace package's __path__.
 *
 * Static types have one layout base (tp_base); the multiple inheritance of
 * CPython's SourceFileLoader(FileLoader, SourceLoader) and
 * SourcelessFileLoader / ExtensionFileLoader(FileLoader, _LoaderBasics) is
 * given to them by krLoader_set_bases once they are readied: their
 * __bases__ and __mro__ become CPython's, so methods resolve as in CPython
 * and subclasses in Python (importlib.abc) compute their MROs normally.
 * All of these types share one instance layout (KrImpInstance).
 *
 * SourceLoader.get_code is CPython's algorithm: use the bytecode cache when
 * its header matches the source's mtime and size, else compile and write the
 * cache.  For an exact SourceFileLoader it runs on C calls alone; for
 * subclasses and user loaders derived from importlib.abc.SourceLoader it
 * calls get_filename, path_stats, get_data, source_to_code and
 * _cache_bytecode, so overriding them works.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "compiler/compile.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "runtime/import_internal.h"
#include "vm/eval.h"

// Calls self.<name>(args...): new reference.
static KrObject *call_method(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *const *args, KrSsize n) {
    KrObject *m = krObj_getattr(ts, self, name);
    if (!m) return NULL;
    KrObject *r = krObj_vectorcall(ts, m, args, (size_t)n, NULL);
    kr_decref(m);
    return r;
}

static bool dont_write_bytecode(KrThreadState *ts) {
    KrObject *v = krDict_get_str(ts->interp->sysdict, IMP_ID(dont_write_bytecode));
    if (!v) return false;
    int t = krObj_is_true(ts, v);
    if (t < 0) krErr_clear(ts);
    return t > 0;
}

// ---------------------------------------------------------------------------
// _LoaderBasics

static KrObject *basics_is_package(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *filename = call_method(ts, self, IMP_ID(get_filename), &fullname, 1);
    if (!filename) return NULL;
    if (!krStr_check(filename) || !krStr_check(fullname)) {
        kr_decref(filename);
        return krErr_format(ts, &KrExc_TypeError, "expected str");
    }
    const char *f = krStr_utf8(filename), *slash = strrchr(f, '/');
    const char *base = slash ? slash + 1 : f, *dot = strrchr(base, '.');
    size_t blen = dot ? (size_t)(dot - base) : strlen(base);
    bool init = blen == 8 && memcmp(base, "__init__", 8) == 0;
    const char *n = krStr_utf8(fullname), *ndot = strrchr(n, '.');
    bool tail_init = strcmp(ndot ? ndot + 1 : n, "__init__") == 0;
    kr_decref(filename);
    return kr_newref(kr_bool(init && !tail_init));
}

static KrObject *return_none(KrThreadState *ts, KrObject *self, KrObject *arg) { return kr_newref(KR_NONE); }

int krLoader_exec_module(KrThreadState *ts, KrObject *loader, KrObject *module) {
    KrObject *name = krObj_getattr(ts, module, KR_ID(__name__));
    if (!name) return -1;
    KrObject *code = krLoader_get_code(ts, loader, name);
    if (!code) {
        kr_decref(name);
        return -1;
    }
    if (code == KR_NONE) {
        krErr_format(ts, &KrExc_ImportError, "cannot load module %R when get_code() returns None", name);
        kr_decref(name);
        kr_decref(code);
        return -1;
    }
    kr_decref(name);
    KrObject *dict = krObj_getattr(ts, module, KR_ID(__dict__));
    int r = -1;
    if (dict && !krDict_check(dict)) {
        krErr_format(ts, &KrExc_TypeError, "exec() globals must be a dict, not %T", dict);
    } else if (dict && !krCode_check(code)) {
        krErr_format(ts, &KrExc_TypeError, "exec() arg 1 must be a string, bytes or code object");
    } else if (dict) {
        // Like exec(): the module sees the builtins unless it names its own.
        if (krDict_get_str(dict, KR_ID(__builtins__)) || krDict_set(ts, dict, KR_ID(__builtins__), ts->interp->builtins) == 0) {
            KrObject *res = krEval_code(ts, code, dict, dict);
            if (res) {
                kr_decref(res);
                r = 0;
            }
        }
    }
    kr_xdecref(dict);
    kr_decref(code);
    return r;
}

static KrObject *basics_exec_module(KrThreadState *ts, KrObject *self, KrObject *module) {
    return krLoader_exec_module(ts, self, module) < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *basics_load_module(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *spec = krSpec_from_loader(ts, fullname, self, NULL, NULL);
    if (!spec) return NULL;
    KrObject *m = krDict_get(ts, ts->interp->modules, fullname), *res = NULL;
    if (m) {
        kr_incref(m);
        res = krImport_exec_spec(ts, spec, m);
        kr_decref(m);
    } else if (!krErr_occurred(ts)) {
        res = krImport_load_spec(ts, spec);
    }
    kr_decref(spec);
    return res;
}

static const KrMethodDef basics_methods[] = {
    {"is_package", KR_CFUNC(basics_is_package), KR_METH_O,
     "Concrete implementation of InspectLoader.is_package by checking if\n        the path returned by get_filename "
     "has a filename of '__init__.py'."},
    {"create_module", KR_CFUNC(return_none), KR_METH_O, "Use default semantics for module creation."},
    {"exec_module", KR_CFUNC(basics_exec_module), KR_METH_O, "Execute the module."},
    {"load_module", KR_CFUNC(basics_load_module), KR_METH_O, "This method is deprecated."},
    {NULL},
};

#define LOADER_TYPE_COMMON                                                                       \
    .tp_basicsize = sizeof(KrImpInstance), .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC, \
    .tp_new = krImp_inst_new, .tp_dealloc = krImp_inst_dealloc, .tp_traverse = krImp_inst_traverse, \
    .tp_clear = krImp_inst_clear, .tp_getattro = krObj_generic_getattr, .tp_setattro = krObj_generic_setattr, \
    .tp_getset = krImp_inst_getset, .tp_dictoffset = offsetof(KrImpInstance, dict)

KrTypeObject KrLoaderBasics_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external._LoaderBasics",
    .tp_doc = "Base class of common code needed by both SourceLoader and\n    SourcelessFileLoader.",
    .tp_methods = basics_methods,
    LOADER_TYPE_COMMON,
};

// ---------------------------------------------------------------------------
// SourceLoader

static KrObject *sl_path_mtime(KrThreadState *ts, KrObject *self, KrObject *path) {
    krErr_set_none(ts, &KrExc_OSError);
    return NULL;
}

static KrObject *sl_path_stats(KrThreadState *ts, KrObject *self, KrObject *path) {
    KrObject *mtime = call_method(ts, self, IMP_ID(path_mtime), &path, 1);
    if (!mtime) return NULL;
    KrObject *d = krDict_new(ts);
    if (d && krDict_set(ts, d, IMP_ID(mtime), mtime) < 0) KR_CLEAR(d);
    kr_decref(mtime);
    return d;
}

static KrObject *sl_cache_bytecode(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_cache_bytecode", nargs, 3, 3) < 0) return NULL;
    KrObject *a[2] = {args[1], args[2]};
    return call_method(ts, self, IMP_ID(set_data), a, 2);
}

static KrObject *sl_set_data(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "set_data", nargs, 2, 2) < 0) return NULL;
    return kr_newref(KR_NONE);
}

// decode_source: the source's declared (or default UTF-8) encoding, a BOM
// dropped, and universal newlines.
static const char *find_coding(const char *line, size_t n, size_t *len) {
    // A comment line matching ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
    if (i >= n || line[i] != '#') return NULL;
    for (; i + 6 < n; i++) {
        if (memcmp(line + i, "coding", 6) != 0 || (line[i + 6] != ':' && line[i + 6] != '=')) continue;
        size_t j = i + 7;
        while (j < n && (line[j] == ' ' || line[j] == '\t')) j++;
        size_t k = j;
        while (k < n && (line[k] == '-' || line[k] == '_' || line[k] == '.' || (line[k] >= '0' && line[k] <= '9') ||
                         ((line[k] | 0x20) >= 'a' && (line[k] | 0x20) <= 'z')))
            k++;
        if (k > j) {
            *len = k - j;
            return line + j;
        }
    }
    return NULL;
}

static bool blank_or_comment(const char *line, size_t n) {
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
    return i >= n || line[i] == '#' || line[i] == '\r' || line[i] == '\n';
}

KrObject *krImport_decode_source(KrThreadState *ts, KrObject *data) {
    const char *src;
    KrSsize size;
    if (krBytes_as_buffer(ts, data, &src, &size) < 0) return NULL;
    char enc[64] = "utf-8";
    if (size >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        size -= 3;
    } else {
        // The cookie may be on the first line, or the second after a comment line.
        const char *p = src, *end = src + size;
        for (int lineno = 0; lineno < 2 && p < end; lineno++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            size_t clen;
            const char *c = find_coding(p, n, &clen);
            if (c) {
                snprintf(enc, sizeof enc, "%.*s", (int)(clen < 60 ? clen : 60), c);
                break;
            }
            if (!blank_or_comment(p, n) || !nl) break;
            p = nl + 1;
        }
    }
    KrObject *text = krStr_decode(ts, src, size, enc, "strict");
    if (!text || !memchr(krStr_utf8(text), '\r', (size_t)krStr_size(text))) return text;
    // CPython's newline decoder is not told the input is complete, so a
    // final '\r' stays pending and is dropped.
    // Universal newlines: \r\n and \r become \n.
    const char *t = krStr_utf8(text);
    KrSsize n = krStr_size(text), o = 0;
    char *buf = krMem_malloc((size_t)n + 1);
    if (!buf) {
        kr_decref(text);
        return krErr_no_memory(ts);
    }
    if (t[n - 1] == '\r') n--;
    for (KrSsize i = 0; i < n; i++) {
        if (t[i] == '\r') {
            buf[o++] = '\n';
            if (i + 1 < n && t[i + 1] == '\n') i++;
        } else {
            buf[o++] = t[i];
        }
    }
    KrObject *r = krStr_from_utf8(ts, buf, o);
    krMem_free(buf);
    kr_decref(text);
    return r;
}

static KrObject *sl_get_source(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *path = call_method(ts, self, IMP_ID(get_filename), &fullname, 1);
    if (!path) return NULL;
    KrObject *data = call_method(ts, self, IMP_ID(get_data), &path, 1);
    kr_decref(path);
    if (!data) {
        if (krErr_matches(ts, &KrExc_OSError)) {
            KrObject *cause = krErr_fetch(ts);
            krImport_errorf(ts, &KrExc_ImportError, fullname, NULL, "source not available through get_data()");
            KrObject *exc = krErr_peek(ts);
            if (exc) {
                krExc_set_cause(exc, cause);
                krExc_set_context(exc, kr_newref(cause));
                ((KrBaseExceptionObject *)exc)->suppress_context = true;
            } else {
                kr_decref(cause);
            }
        }
        return NULL;
    }
    KrObject *text = krImport_decode_source(ts, data);
    kr_decref(data);
    return text;
}

// compile(data, path, 'exec', dont_inherit=True, optimize=optimize)
static KrObject *compile_source(KrThreadState *ts, KrObject *data, KrObject *path, int optimize) {
    KrObject *filename = krStr_check(path) ? kr_newref(path) : krObj_str(ts, path);
    if (!filename) return NULL;
    const char *src;
    KrSsize len;
    KrObject *code = NULL;
    if (krStr_check(data)) {
        code = krCompile_source(ts, krStr_utf8(data), krStr_size(data), filename, KR_PARSE_EXEC, KR_CF_SOURCE_IS_UTF8,
                                optimize);
    } else if (krBytes_as_buffer(ts, data, &src, &len) == 0) {
        if (strlen(src) != (size_t)len && memchr(src, 0, (size_t)len))
            krErr_set_string(ts, &KrExc_SyntaxError, "source code string cannot contain null bytes");
        else
            code = krCompile_source(ts, src, len, filename, KR_PARSE_EXEC, 0, optimize);
    }
    kr_decref(filename);
    return code;
}

static KrObject *sl_source_to_code(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                   KrObject *kwnames) {
    static const char *const names[] = {"data", "path", "_optimize"};
    KrObject *a[3];
    if (krArg_parse(ts, "source_to_code", args, nargs, kwnames, names, 3, 0, 2, 2, a) < 0) return NULL;
    int optimize = -1;
    if (a[2]) {
        KrSsize o = krNum_as_ssize(ts, a[2], &KrExc_OverflowError);
        if (o == -1 && krErr_occurred(ts)) return NULL;
        optimize = (int)o;
    }
    return compile_source(ts, a[0], a[1], optimize);
}

// The source's mtime (whole seconds) and size from a path_stats() dict:
// 0, or 1 when path_stats raised OSError (no cache then), -1 on error.
static int stats_of(KrThreadState *ts, KrObject *self, KrObject *source_path, int64_t *mtime, KrObject **stats) {
    KrObject *st = call_method(ts, self, IMP_ID(path_stats), &source_path, 1);
    if (!st) {
        if (!krErr_matches(ts, &KrExc_OSError)) return -1;
        krErr_clear(ts);
        return 1;
    }
    KrObject *m = krObj_getitem(ts, st, IMP_ID(mtime));
    KrObject *mi = m ? krNum_int(ts, m) : NULL;
    kr_xdecref(m);
    if (!mi || (!krInt_to_i64(mi, mtime) && (*mtime = 0, true) && !kr_is_smallint(mi))) {
        // Huge timestamps only need their low 32 bits.
        if (mi) {
            KrObject *mask = krInt_from_i64(ts, 0xFFFFFFFF);
            KrObject *low = mask ? krNum_and(ts, mi, mask) : NULL;
            kr_xdecref(mask);
            if (low) krInt_to_i64(low, mtime);
            kr_xdecref(low);
            if (!low) KR_CLEAR(mi);
        }
    }
    if (!mi) {
        kr_decref(st);
        return -1;
    }
    kr_decref(mi);
    *stats = st;
    return 0;
}

// Tries the cache at `bytecode_path` for the generic get_code: new
// reference, or NULL (exception set only for real errors).
static KrObject *generic_cached_code(KrThreadState *ts, KrObject *self, KrObject *fullname, KrObject *source_path,
                                     KrObject *bytecode_path, int64_t mtime, KrObject *stats) {
    KrObject *data = call_method(ts, self, IMP_ID(get_data), &bytecode_path, 1);
    if (!data) {
        if (krErr_matches(ts, &KrExc_OSError)) krErr_clear(ts);
        return NULL;
    }
    const char *p;
    KrSsize n;
    KrObject *code = NULL;
    if (krBytes_as_buffer(ts, data, &p, &n) < 0) goto done;
    if (krPycache_check_header(ts, (const uint8_t *)p, n, fullname, bytecode_path, -1, 0) < 0) goto bad;
    KrObject *size = krObj_getitem(ts, stats, IMP_ID(size));
    if (!size) goto done;
    int64_t sz = 0;
    KrObject *szi = krNum_int(ts, size);
    kr_decref(size);
    if (!szi) goto done;
    krInt_to_i64(szi, &sz);
    kr_decref(szi);
    if (krPycache_check_header(ts, (const uint8_t *)p, n, fullname, bytecode_path, mtime, sz) < 0) goto bad;
    code = krPycache_unpack(ts, (const uint8_t *)p + 16, n - 16, fullname, bytecode_path, source_path);
    if (!code) goto bad;
    goto done;
bad:
    // A stale or damaged cache just means compiling again.
    if (krErr_matches(ts, &KrExc_ImportError) || krErr_matches(ts, &KrExc_EOFError) ||
        krErr_matches(ts, &KrExc_ValueError) || krErr_matches(ts, &KrExc_TypeError))
        krErr_clear(ts);
done:
    kr_decref(data);
    return code;
}

// SourceLoader.get_code through the loader's methods.
static KrObject *generic_get_code(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *source_path = call_method(ts, self, IMP_ID(get_filename), &fullname, 1);
    if (!source_path) return NULL;
    KrObject *bytecode_path = NULL, *stats = NULL, *code = NULL, *source = NULL;
    int64_t mtime = 0;
    int have_stats = 0;
    if (!krStr_check(source_path)) {
        krErr_format(ts, &KrExc_TypeError, "expected str, bytes or os.PathLike object, not %T", source_path);
        goto done;
    }
    if (!(bytecode_path = krPycache_from_source(ts, source_path, NULL))) goto done;
    int r = stats_of(ts, self, source_path, &mtime, &stats);
    if (r < 0) goto done;
    have_stats = r == 0;
    if (have_stats) {
        code = generic_cached_code(ts, self, fullname, source_path, bytecode_path, mtime, stats);
        if (code || krErr_occurred(ts)) goto done;
    }
    if (!(source = call_method(ts, self, IMP_ID(get_data), &source_path, 1))) goto done;
    KrObject *args[2] = {source, source_path};
    if (!(code = call_method(ts, self, IMP_ID(source_to_code), args, 2))) goto done;
    if (!dont_write_bytecode(ts) && have_stats && krCode_check(code)) {
        const char *d;
        KrSsize n;
        if (krBytes_as_buffer(ts, source, &d, &n) < 0) krErr_clear(ts), n = 0;
        KrObject *data = krPycache_pack(ts, code, mtime, n);
        KrObject *cargs[3] = {source_path, bytecode_path, data};
        KrObject *res = data ? call_method(ts, self, IMP_ID(_cache_bytecode), cargs, 3) : NULL;
        kr_xdecref(data);
        if (res) kr_decref(res);
        else if (krErr_matches(ts, &KrExc_NotImplementedError)) krErr_clear(ts);
        else KR_CLEAR(code);
    }
done:
    kr_decref(source_path);
    kr_xdecref(bytecode_path);
    kr_xdecref(stats);
    kr_xdecref(source);
    return code;
}

// Name check of FileLoader's get_filename/load_module (_check_name): the
// loader's name when `name` is NULL or None, else `name` if it matches.
static KrObject *checked_name(KrThreadState *ts, KrObject *self, KrObject *name) {
    KrObject *own = krObj_getattr(ts, self, KR_ID(name));
    if (!own || !name || name == KR_NONE) return own;
    int eq = krObj_richcompare_bool(ts, own, name, KR_EQ);
    if (eq == 0) {
        KrObject *o = krObj_str(ts, own), *n = o ? krObj_str(ts, name) : NULL;
        if (n) krImport_errorf(ts, &KrExc_ImportError, name, NULL, "loader for %U cannot handle %U", o, n);
        kr_xdecref(o);
        kr_xdecref(n);
    }
    kr_decref(own);
    return eq == 1 ? kr_newref(name) : NULL;
}

// SourceFileLoader.get_code with C calls only.
static KrObject *fast_get_code(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *name = checked_name(ts, self, fullname);
    if (!name) return NULL;
    kr_decref(name);
    KrObject *source_path = krImp_inst_get(self, KR_ID(path));
    if (!source_path || !krStr_check(source_path)) return generic_get_code(ts, self, fullname);
    kr_incref(source_path);
    KrObject *bytecode_path = krPycache_from_source(ts, source_path, NULL), *code = NULL, *source = NULL;
    if (!bytecode_path) goto done;
    KrStat st;
    bool have_stats = krImport_stat(source_path, &st) == 0;
    int64_t mtime = 0;
    if (have_stats) {
        mtime = st.mtime_ns >= 0 ? st.mtime_ns / 1000000000 : -((-st.mtime_ns + 999999999) / 1000000000);
        code = krPycache_read(ts, bytecode_path, source_path, mtime, st.size);
        if (code || krErr_occurred(ts)) goto done;
    }
    if (!(source = krImport_read_file(ts, source_path))) goto done;
    if (!(code = compile_source(ts, source, source_path, -1))) goto done;
    if (have_stats && !dont_write_bytecode(ts)) {
        KrObject *data = krPycache_pack(ts, code, mtime, krBytes_size(source));
        if (!data || krPycache_write(ts, bytecode_path, krBytes_data(data), krBytes_size(data), st.mode | 0200) < 0)
            KR_CLEAR(code);
        kr_xdecref(data);
    }
done:
    kr_decref(source_path);
    kr_xdecref(bytecode_path);
    kr_xdecref(source);
    return code;
}

KrObject *krLoader_get_code(KrThreadState *ts, KrObject *loader, KrObject *fullname) {
    if (KR_TYPE(loader) == &KrSourceFileLoader_Type) return fast_get_code(ts, loader, fullname);
    return call_method(ts, loader, IMP_ID(get_code), &fullname, 1);
}

static KrObject *sl_get_code(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    if (KR_TYPE(self) == &KrSourceFileLoader_Type) return fast_get_code(ts, self, fullname);
    return generic_get_code(ts, self, fullname);
}

static const KrMethodDef source_loader_methods[] = {
    {"path_mtime", KR_CFUNC(sl_path_mtime), KR_METH_O,
     "Optional method that returns the modification time (an int) for the\n        specified path (a str).\n\n        "
     "Raises OSError when the path cannot be handled.\n        "},
    {"path_stats", KR_CFUNC(sl_path_stats), KR_METH_O, "Optional method returning a metadata dict for the specified\n        path (a str)."},
    {"_cache_bytecode", KR_CFUNC(sl_cache_bytecode), KR_METH_FAST, NULL},
    {"set_data", KR_CFUNC(sl_set_data), KR_METH_FAST,
     "Optional method which writes data (bytes) to a file path (a str).\n\n        Implementing this method allows "
     "for the writing of bytecode files.\n        "},
    {"get_source", KR_CFUNC(sl_get_source), KR_METH_O, "Concrete implementation of InspectLoader.get_source."},
    {"source_to_code", KR_CFUNC(sl_source_to_code), KR_METH_FASTKW,
     "Return the code object compiled from source.\n\n        The 'data' argument can be any object type that "
     "compile() supports.\n        "},
    {"get_code", KR_CFUNC(sl_get_code), KR_METH_O,
     "Concrete implementation of InspectLoader.get_code.\n\n        Reading of bytecode requires path_stats to be "
     "implemented. To write\n        bytecode, set_data must also be implemented.\n\n        "},
    {NULL},
};

KrTypeObject KrSourceLoader_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.SourceLoader",
    .tp_base = &KrLoaderBasics_Type,
    .tp_methods = source_loader_methods,
    LOADER_TYPE_COMMON,
};

// ---------------------------------------------------------------------------
// FileLoader

KrObject *krFileLoader_new(KrThreadState *ts, KrTypeObject *cls, KrObject *fullname, KrObject *path) {
    if (krImport_ready_types(ts) < 0) return NULL;
    KrObject *l = krType_generic_alloc(ts, cls, 0);
    if (!l) return NULL;
    KrObject *d = krImp_inst_dict(ts, l);
    if (!d || krDict_set(ts, d, KR_ID(name), fullname) < 0 || krDict_set(ts, d, KR_ID(path), path) < 0) KR_CLEAR(l);
    return l;
}

static int fl_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path"};
    KrObject *a[2];
    if (krArg_parse(ts, "FileLoader", args, nargs, kwnames, names, 2, 0, 2, 2, a) < 0) return -1;
    return krObj_setattr(ts, self, KR_ID(name), a[0]) < 0 || krObj_setattr(ts, self, KR_ID(path), a[1]) < 0 ? -1 : 0;
}

static KrObject *fl_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    if (op != KR_EQ && op != KR_NE) return kr_newref(KR_NOTIMPLEMENTED);
    if (KR_TYPE(self) != KR_TYPE(other)) return kr_newref(kr_bool(op == KR_NE));
    KrObject *a = krImp_inst_dict(ts, self), *b = a ? krImp_inst_dict(ts, other) : NULL;
    if (!b) return NULL;
    int eq = krObj_richcompare_bool(ts, a, b, KR_EQ);
    if (eq < 0) return NULL;
    return kr_newref(kr_bool(op == KR_EQ ? eq : !eq));
}

static KrHash fl_hash(KrThreadState *ts, KrObject *self) {
    KrObject *name = krObj_getattr(ts, self, KR_ID(name));
    KrObject *path = name ? krObj_getattr(ts, self, KR_ID(path)) : NULL;
    KrHash h = -1;
    if (path) {
        KrHash h1 = krObj_hash(ts, name), h2 = h1 == -1 ? -1 : krObj_hash(ts, path);
        if (h2 != -1) h = h1 ^ h2;
        if (h == -1 && !krErr_occurred(ts)) h = -2;
    }
    kr_xdecref(name);
    kr_xdecref(path);
    return h;
}

static KrObject *fl_get_filename(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"name"};
    KrObject *a[1];
    if (krArg_parse(ts, "get_filename", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    KrObject *name = checked_name(ts, self, a[0]);
    if (!name) return NULL;
    kr_decref(name);
    return krObj_getattr(ts, self, KR_ID(path));
}

static KrObject *fl_load_module(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"name"};
    KrObject *a[1];
    if (krArg_parse(ts, "load_module", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    KrObject *name = checked_name(ts, self, a[0]);
    if (!name) return NULL;
    KrObject *r = basics_load_module(ts, self, name);
    kr_decref(name);
    return r;
}

static KrObject *fl_get_data(KrThreadState *ts, KrObject *self, KrObject *path) {
    if (!krStr_check(path)) {
        if (krBytes_check(path)) {
            KrObject *s = krStr_decode_utf8(ts, krBytes_data(path), krBytes_size(path), "surrogateescape");
            KrObject *r = s ? krImport_read_file(ts, s) : NULL;
            kr_xdecref(s);
            return r;
        }
        return krErr_format(ts, &KrExc_TypeError, "expected str, bytes or os.PathLike object, not %T", path);
    }
    return krImport_read_file(ts, path);
}

static const KrMethodDef file_loader_methods[] = {
    {"get_filename", KR_CFUNC(fl_get_filename), KR_METH_FASTKW, "Return the path to the source file as found by the finder."},
    {"load_module", KR_CFUNC(fl_load_module), KR_METH_FASTKW,
     "Load a module from a file.\n\n        This method is deprecated.  Use exec_module() instead.\n\n        "},
    {"get_data", KR_CFUNC(fl_get_data), KR_METH_O, "Return the data from path as raw bytes."},
    {NULL},
};

KrTypeObject KrFileLoader_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.FileLoader",
    .tp_doc = "Base file loader class which implements the loader protocol methods that\n    require file system usage.",
    .tp_init = fl_init,
    .tp_richcompare = fl_richcompare,
    .tp_hash = fl_hash,
    .tp_methods = file_loader_methods,
    LOADER_TYPE_COMMON,
};

// ---------------------------------------------------------------------------
// SourceFileLoader

static KrObject *sfl_path_stats(KrThreadState *ts, KrObject *self, KrObject *path) {
    KrStat st;
    if (krImport_stat(path, &st) < 0) return krErr_from_errno(ts, &KrExc_OSError, path);
    KrObject *d = krDict_new(ts);
    KrObject *mtime = krFloat_new(ts, (double)st.mtime_ns / 1e9), *size = krInt_from_i64(ts, st.size);
    if (!d || !mtime || !size || krDict_set(ts, d, IMP_ID(mtime), mtime) < 0 || krDict_set(ts, d, IMP_ID(size), size) < 0)
        KR_CLEAR(d);
    kr_xdecref(mtime);
    kr_xdecref(size);
    return d;
}

static int mode_of(KrObject *source_path) {
    KrStat st;
    return (krImport_stat(source_path, &st) == 0 ? st.mode : 0666) | 0200;
}

static KrObject *sfl_set_data(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"path", "data", "_mode"};
    KrObject *a[3];
    if (krArg_parse(ts, "set_data", args, nargs, kwnames, names, 3, 0, 2, 2, a) < 0) return NULL;
    int mode = 0666;
    if (a[2]) {
        KrSsize m = krNum_as_ssize(ts, a[2], &KrExc_OverflowError);
        if (m == -1 && krErr_occurred(ts)) return NULL;
        mode = (int)m;
    }
    const char *d;
    KrSsize n;
    if (!krStr_check(a[0])) return krErr_format(ts, &KrExc_TypeError, "expected str, not %T", a[0]);
    if (krBytes_as_buffer(ts, a[1], &d, &n) < 0) return NULL;
    return krPycache_write(ts, a[0], d, n, mode) < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *sfl_cache_bytecode(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_cache_bytecode", nargs, 3, 3) < 0) return NULL;
    KrObject *mode = kr_smallint(krStr_check(args[0]) ? mode_of(args[0]) : 0666 | 0200);
    KrObject *set = krObj_getattr(ts, self, IMP_ID(set_data));
    if (!set) return NULL;
    KrObject *kwnames = krTuple_pack(ts, 1, krStr_intern_cstr(ts, "_mode"));
    KrObject *cargs[3] = {args[1], args[2], mode};
    KrObject *r = kwnames ? krObj_vectorcall(ts, set, cargs, 2, kwnames) : NULL;
    kr_xdecref(kwnames);
    kr_decref(set);
    return r;
}

static const KrMethodDef source_file_loader_methods[] = {
    {"path_stats", KR_CFUNC(sfl_path_stats), KR_METH_O, "Return the metadata for the path."},
    {"_cache_bytecode", KR_CFUNC(sfl_cache_bytecode), KR_METH_FAST, NULL},
    {"set_data", KR_CFUNC(sfl_set_data), KR_METH_FASTKW, "Write bytes data to a file."},
    {NULL},
};

KrTypeObject KrSourceFileLoader_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.SourceFileLoader",
    .tp_doc = "Concrete implementation of SourceLoader using the file system.",
    .tp_base = &KrFileLoader_Type,
    .tp_methods = source_file_loader_methods,
    LOADER_TYPE_COMMON,
};

// ---------------------------------------------------------------------------
// SourcelessFileLoader and ExtensionFileLoader

static KrObject *sless_get_code(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *path = call_method(ts, self, IMP_ID(get_filename), &fullname, 1);
    if (!path) return NULL;
    KrObject *data = call_method(ts, self, IMP_ID(get_data), &path, 1), *code = NULL;
    const char *p;
    KrSsize n;
    if (data && krBytes_as_buffer(ts, data, &p, &n) == 0 &&
        krPycache_check_header(ts, (const uint8_t *)p, n, fullname, path, -1, 0) == 0)
        code = krPycache_unpack(ts, (const uint8_t *)p + 16, n - 16, fullname, path, NULL);
    kr_xdecref(data);
    kr_decref(path);
    return code;
}

static const KrMethodDef sourceless_methods[] = {
    {"get_code", KR_CFUNC(sless_get_code), KR_METH_O, NULL},
    {"get_source", KR_CFUNC(return_none), KR_METH_O, "Return None as there is no source code."},
    {NULL},
};

KrTypeObject KrSourcelessFileLoader_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.SourcelessFileLoader",
    .tp_doc = "Loader which handles sourceless file imports.",
    .tp_base = &KrFileLoader_Type,
    .tp_methods = sourceless_methods,
    LOADER_TYPE_COMMON,
};

static KrObject *ext_create_module(KrThreadState *ts, KrObject *self, KrObject *spec) {
    KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
    if (!name) return NULL;
    krImport_errorf(ts, &KrExc_ImportError, name, NULL, "extension modules are not supported by Krait (%R)", name);
    kr_decref(name);
    return NULL;
}

static KrObject *return_false(KrThreadState *ts, KrObject *self, KrObject *arg) { return kr_newref(KR_FALSE); }

static const KrMethodDef extension_methods[] = {
    {"create_module", KR_CFUNC(ext_create_module), KR_METH_O, "Create an uninitialized extension module"},
    {"exec_module", KR_CFUNC(ext_create_module), KR_METH_O, "Initialize an extension module"},
    {"is_package", KR_CFUNC(return_false), KR_METH_O, "Return True if the extension module is a package."},
    {"get_code", KR_CFUNC(return_none), KR_METH_O, "Return None as an extension module cannot create a code object."},
    {"get_source", KR_CFUNC(return_none), KR_METH_O, "Return None as extension modules have no source code."},
    {NULL},
};

KrTypeObject KrExtensionFileLoader_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.ExtensionFileLoader",
    .tp_doc = "Loader for extension modules.\n\n    The constructor is designed to work with FileFinder.\n\n    ",
    .tp_base = &KrFileLoader_Type,
    .tp_methods = extension_methods,
    LOADER_TYPE_COMMON,
};

// ---------------------------------------------------------------------------
// _NamespacePath

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *name;                // strong str
    KrObject *path;                // strong list: the last computed path
    KrObject *last_parent_path;    // strong tuple
    KrObject *path_finder;         // strong callable(name, parent_path) -> spec
    int64_t last_epoch;
} KrNamespacePathObject;

// The parent's path: sys.path for a top-level package, else the parent
// package's __path__.  New reference.
static KrObject *ns_parent_path(KrThreadState *ts, KrNamespacePathObject *p) {
    const char *n = krStr_utf8(p->name), *dot = strrchr(n, '.');
    KrObject *mod, *attrname;
    if (!dot) {
        mod = kr_newref(ts->interp->sys_module);
        attrname = KR_ID(path);
    } else {
        KrObject *parent = krStr_from_utf8(ts, n, dot - n);
        if (!parent) return NULL;
        mod = krObj_getitem(ts, ts->interp->modules, parent);
        kr_decref(parent);
        if (!mod) return NULL;
        attrname = KR_ID(__path__);
    }
    KrObject *path = krObj_getattr(ts, mod, attrname);
    kr_decref(mod);
    if (!path) return NULL;
    KrObject *t = krSeq_tuple(ts, path);
    kr_decref(path);
    return t;
}

// _recalculate(): the path, recomputed when the parent's path or the
// invalidation epoch changed.  New reference.
static KrObject *ns_recalculate(KrThreadState *ts, KrNamespacePathObject *p) {
    KrObject *parent = ns_parent_path(ts, p);
    if (!parent) return NULL;
    int64_t epoch = krImport_state(ts)->namespace_epoch;
    int same = krObj_richcompare_bool(ts, parent, p->last_parent_path, KR_EQ);
    if (same < 0) goto fail;
    if (!same || epoch != p->last_epoch) {
        KrObject *args[2] = {p->name, parent};
        KrObject *spec = krObj_vectorcall(ts, p->path_finder, args, 2, NULL);
        if (!spec) goto fail;
        if (spec != KR_NONE) {
            KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
            KrObject *smsl = loader && loader == KR_NONE ? krObj_getattr(ts, spec, IMP_ID(submodule_search_locations)) : NULL;
            int t = smsl ? krObj_is_true(ts, smsl) : 0;
            if (t > 0) kr_setref(&p->path, kr_newref(smsl));
            kr_xdecref(smsl);
            bool failed = !loader || (loader == KR_NONE && (!smsl || t < 0));
            kr_xdecref(loader);
            if (failed) {
                kr_decref(spec);
                goto fail;
            }
        }
        kr_decref(spec);
        kr_setref(&p->last_parent_path, kr_newref(parent));
        p->last_epoch = epoch;
    }
    kr_decref(parent);
    return kr_newref(p->path);
fail:
    kr_decref(parent);
    return NULL;
}

KrObject *krNamespacePath_new(KrThreadState *ts, KrObject *name, KrObject *path, KrObject *path_finder) {
    if (krImport_ready_types(ts) < 0) return NULL;
    KrNamespacePathObject *p = (KrNamespacePathObject *)krType_generic_alloc(ts, &KrNamespacePath_Type, 0);
    if (!p) return NULL;
    p->name = kr_newref(name);
    p->path = kr_newref(path);
    p->path_finder = kr_newref(path_finder);
    p->last_epoch = krImport_state(ts)->namespace_epoch;
    if (!krStr_check(name)) {
        kr_decref((KrObject *)p);
        return krErr_format(ts, &KrExc_TypeError, "namespace package name must be str, not %T", name);
    }
    if (!(p->last_parent_path = ns_parent_path(ts, p))) {
        kr_decref((KrObject *)p);
        return NULL;
    }
    return (KrObject *)p;
}

static KrObject *nsp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"name", "path", "path_finder"};
    KrObject *a[3];
    if (krArg_parse(ts, "_NamespacePath", args, nargs, kwnames, names, 3, 0, 3, 3, a) < 0) return NULL;
    return krNamespacePath_new(ts, a[0], a[1], a[2]);
}

static void nsp_dealloc(KrObject *self) {
    KrNamespacePathObject *p = (KrNamespacePathObject *)self;
    krGC_untrack(self);
    KR_CLEAR(p->name);
    KR_CLEAR(p->path);
    KR_CLEAR(p->last_parent_path);
    KR_CLEAR(p->path_finder);
    krObj_free(self);
}

static int nsp_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrNamespacePathObject *p = (KrNamespacePathObject *)self;
    KR_VISIT(p->name);
    KR_VISIT(p->path);
    KR_VISIT(p->last_parent_path);
    KR_VISIT(p->path_finder);
    return 0;
}

static int nsp_clear(KrObject *self) {
    KrNamespacePathObject *p = (KrNamespacePathObject *)self;
    KR_CLEAR(p->path_finder);
    return 0;
}

static KrObject *nsp_iter(KrThreadState *ts, KrObject *self) {
    KrObject *path = ns_recalculate(ts, (KrNamespacePathObject *)self);
    if (!path) return NULL;
    KrObject *it = krObj_get_iter(ts, path);
    kr_decref(path);
    return it;
}

static KrObject *nsp_getitem(KrThreadState *ts, KrObject *self, KrObject *index) {
    KrObject *path = ns_recalculate(ts, (KrNamespacePathObject *)self);
    if (!path) return NULL;
    KrObject *r = krObj_getitem(ts, path, index);
    kr_decref(path);
    return r;
}

static int nsp_setitem(KrThreadState *ts, KrObject *self, KrObject *index, KrObject *value) {
    KrNamespacePathObject *p = (KrNamespacePathObject *)self;
    if (!value) {
        krErr_format(ts, &KrExc_AttributeError, "__delitem__");
        return -1;
    }
    return krObj_setitem(ts, p->path, index, value);
}

static KrSsize nsp_len(KrThreadState *ts, KrObject *self) {
    KrObject *path = ns_recalculate(ts, (KrNamespacePathObject *)self);
    if (!path) return -1;
    KrSsize n = krObj_length(ts, path);
    kr_decref(path);
    return n;
}

static int nsp_contains(KrThreadState *ts, KrObject *self, KrObject *item) {
    KrObject *path = ns_recalculate(ts, (KrNamespacePathObject *)self);
    if (!path) return -1;
    int r = krObj_contains(ts, path, item);
    kr_decref(path);
    return r;
}

static KrObject *nsp_repr(KrThreadState *ts, KrObject *self) {
    return krStr_from_format(ts, "_NamespacePath(%R)", ((KrNamespacePathObject *)self)->path);
}

static KrObject *nsp_append(KrThreadState *ts, KrObject *self, KrObject *item) {
    KrObject *r = krObj_call_method(ts, ((KrNamespacePathObject *)self)->path, KR_ID(append), item, NULL);
    return r;
}

static KrObject *nsp_recalculate_method(KrThreadState *ts, KrObject *self) {
    return ns_recalculate(ts, (KrNamespacePathObject *)self);
}

static const KrMethodDef nsp_methods[] = {
    {"append", KR_CFUNC(nsp_append), KR_METH_O, NULL},
    {"_recalculate", KR_CFUNC(nsp_recalculate_method), KR_METH_NOARGS, NULL},
    {NULL},
};

#define NSP_OFF(f) ((KrSsize)offsetof(KrNamespacePathObject, f))
static const KrMemberDef nsp_members[] = {
    {"_name", KR_MEMBER_OBJECT, NSP_OFF(name), KR_MEMBER_READONLY, NULL},
    {"_path", KR_MEMBER_OBJECT, NSP_OFF(path), 0, NULL},
    {"_last_parent_path", KR_MEMBER_OBJECT, NSP_OFF(last_parent_path), KR_MEMBER_READONLY, NULL},
    {"_path_finder", KR_MEMBER_OBJECT, NSP_OFF(path_finder), KR_MEMBER_READONLY, NULL},
    {NULL},
};

KrTypeObject KrNamespacePath_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external._NamespacePath",
    .tp_basicsize = sizeof(KrNamespacePathObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Represents a namespace package's path.  It uses the module name\n    to find its parent module, and "
              "from there it looks up the parent's\n    __path__.  When this changes, the module's own path is "
              "recomputed,\n    using path_finder.  For top-level modules, the parent module's path\n    is sys.path.",
    .tp_new = nsp_new,
    .tp_dealloc = nsp_dealloc,
    .tp_traverse = nsp_traverse,
    .tp_clear = nsp_clear,
    .tp_repr = nsp_repr,
    .tp_iter = nsp_iter,
    .mp_length = nsp_len,
    .mp_subscript = nsp_getitem,
    .mp_ass_subscript = nsp_setitem,
    .sq_contains = nsp_contains,
    .tp_methods = nsp_methods,
    .tp_members = nsp_members,
};

// ---------------------------------------------------------------------------
// NamespaceLoader

static int nl_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"name", "path", "path_finder"};
    KrObject *a[3];
    if (krArg_parse(ts, "NamespaceLoader", args, nargs, kwnames, names, 3, 0, 3, 3, a) < 0) return -1;
    KrObject *p = krNamespacePath_new(ts, a[0], a[1], a[2]);
    if (!p) return -1;
    int r = krObj_setattr(ts, self, IMP_ID(_path), p);
    kr_decref(p);
    return r;
}

static KrObject *return_true(KrThreadState *ts, KrObject *self, KrObject *arg) { return kr_newref(KR_TRUE); }

static KrObject *nl_get_source(KrThreadState *ts, KrObject *self, KrObject *arg) { return kr_newref(krStr_empty()); }

static KrObject *nl_get_code(KrThreadState *ts, KrObject *self, KrObject *arg) {
    return krCompile_source(ts, "", 0, KR_ID(string_name), KR_PARSE_EXEC, 0, -1);
}

static KrObject *nl_module_repr(KrThreadState *ts, KrObject *unused, KrObject *module) {
    KrObject *name = krObj_getattr(ts, module, KR_ID(__name__));
    if (!name) return NULL;
    KrObject *r = krStr_from_format(ts, "<module %R (namespace)>", name);
    kr_decref(name);
    return r;
}

static const KrMethodDef namespace_loader_methods[] = {
    {"module_repr", KR_CFUNC(nl_module_repr), KR_METH_O | KR_METH_STATIC, "Return repr for the module."},
    {"is_package", KR_CFUNC(return_true), KR_METH_O, NULL},
    {"get_source", KR_CFUNC(nl_get_source), KR_METH_O, NULL},
    {"get_code", KR_CFUNC(nl_get_code), KR_METH_O, NULL},
    {"create_module", KR_CFUNC(return_none), KR_METH_O, "Use default semantics for module creation."},
    {"exec_module", KR_CFUNC(return_none), KR_METH_O, NULL},
    {"load_module", KR_CFUNC(basics_load_module), KR_METH_O,
     "Load a namespace module.\n\n        This method is deprecated.  Use exec_module() instead.\n\n        "},
    {NULL},
};

KrTypeObject KrNamespaceLoader_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.NamespaceLoader",
    .tp_init = nl_init,
    .tp_methods = namespace_loader_methods,
    LOADER_TYPE_COMMON,
};

// ---------------------------------------------------------------------------
// Multiple bases

// Gives `type` (readied, with tp_base == bases[0]) the bases `bases` and the
// MRO `mro` (NULL-terminated lists).  0 or -1.
static int set_bases(KrThreadState *ts, KrTypeObject *type, KrTypeObject *const *bases, KrTypeObject *const *mro) {
    KrSsize nb = 0, nm = 0;
    while (bases[nb]) nb++;
    while (mro[nm]) nm++;
    KrObject *tb = krTuple_new(ts, nb), *tm = tb ? krTuple_new(ts, nm) : NULL;
    if (!tm) {
        kr_xdecref(tb);
        return -1;
    }
    for (KrSsize i = 0; i < nb; i++) KR_TUPLE_SET(tb, i, kr_newref((KrObject *)bases[i]));
    for (KrSsize i = 0; i < nm; i++) KR_TUPLE_SET(tm, i, kr_newref((KrObject *)mro[i]));
    kr_setref(&type->tp_bases, tb);
    kr_setref(&type->tp_mro, tm);
    for (KrSsize i = 1; i < nb; i++)
        if (krType_add_subclass(bases[i], type) < 0) return krErr_no_memory(ts), -1;
    krType_modified(type);
    return 0;
}

int krLoader_set_bases(KrThreadState *ts) {
    if (KrSourceFileLoader_Type.tp_bases && KR_TUPLE_SIZE(KrSourceFileLoader_Type.tp_bases) > 1) return 0;
    KrTypeObject *const obj = &KrBaseObject_Type;
    KrTypeObject *const sfl_bases[] = {&KrFileLoader_Type, &KrSourceLoader_Type, NULL};
    KrTypeObject *const sfl_mro[] = {&KrSourceFileLoader_Type, &KrFileLoader_Type, &KrSourceLoader_Type,
                                     &KrLoaderBasics_Type, obj, NULL};
    KrTypeObject *const basics_bases[] = {&KrFileLoader_Type, &KrLoaderBasics_Type, NULL};
    KrTypeObject *const sless_mro[] = {&KrSourcelessFileLoader_Type, &KrFileLoader_Type, &KrLoaderBasics_Type, obj, NULL};
    KrTypeObject *const ext_mro[] = {&KrExtensionFileLoader_Type, &KrFileLoader_Type, &KrLoaderBasics_Type, obj, NULL};
    return set_bases(ts, &KrSourceFileLoader_Type, sfl_bases, sfl_mro) < 0 ||
                   set_bases(ts, &KrSourcelessFileLoader_Type, basics_bases, sless_mro) < 0 ||
                   set_bases(ts, &KrExtensionFileLoader_Type, basics_bases, ext_mro) < 0
               ? -1
               : 0;
}
