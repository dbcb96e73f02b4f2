/*
 * hashlib.c — the _hashlib module: hash objects over the digests of digest.c
 * (md5, sha1, sha224, sha256, sha384, sha512), the constructors hashlib
 * exposes (openssl_md5 ... named as CPython's OpenSSL-backed ones, so their
 * argument errors read the same), new(), and pbkdf2_hmac.
 * lib/hashlib.py builds the public module on top.
 */
#include <stdio.h>
#include <string.h>

#include "modules/digest.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrDigest d;
} HashObject;

extern KrTypeObject KrHash_Type;

// The bytes of a bytes-like `data`, with hashlib's messages.  0 or -1.
static int get_data(KrThreadState *ts, KrObject *data, const char **p, KrSsize *n) {
    if (krStr_check(data)) {
        krErr_set_string(ts, &KrExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (krBytes_as_buffer(ts, data, p, n) < 0) {
        krErr_clear(ts);
        krErr_set_string(ts, &KrExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    return 0;
}

static KrObject *hash_new_object(KrThreadState *ts, KrDigestKind kind, KrObject *data) {
    const char *p = NULL;
    KrSsize n = 0;
    if (data && get_data(ts, data, &p, &n) < 0) return NULL;
    HashObject *h = (HashObject *)krObj_alloc(ts, &KrHash_Type, 0);
    if (!h) return NULL;
    krDigest_init(&h->d, kind);
    if (n) krDigest_update(&h->d, p, (size_t)n);
    return (KrObject *)h;
}

static void hash_dealloc(KrObject *self) { krObj_free(self); }

static KrObject *hash_repr(KrThreadState *ts, KrObject *self) {
    return krStr_from_format(ts, "<%s _hashlib.HASH object @ %p>", krDigest_name(((HashObject *)self)->d.kind),
                             (void *)self);
}

static KrObject *hash_update(KrThreadState *ts, KrObject *self, KrObject *data) {
    const char *p;
    KrSsize n;
    if (get_data(ts, data, &p, &n) < 0) return NULL;
    krDigest_update(&((HashObject *)self)->d, p, (size_t)n);
    return kr_newref(KR_NONE);
}

static KrObject *hash_digest(KrThreadState *ts, KrObject *self) {
    HashObject *h = (HashObject *)self;
    uint8_t out[KR_DIGEST_MAX_SIZE];
    krDigest_final(&h->d, out);
    return krBytes_from_data(ts, (const char *)out, krDigest_size(h->d.kind));
}

static KrObject *hash_hexdigest(KrThreadState *ts, KrObject *self) {
    HashObject *h = (HashObject *)self;
    uint8_t out[KR_DIGEST_MAX_SIZE];
    krDigest_final(&h->d, out);
    return krBytes_hex(ts, (const char *)out, krDigest_size(h->d.kind), NULL, 0);
}

static KrObject *hash_copy(KrThreadState *ts, KrObject *self) {
    HashObject *h = (HashObject *)krObj_alloc(ts, &KrHash_Type, 0);
    if (!h) return NULL;
    h->d = ((HashObject *)self)->d;
    return (KrObject *)h;
}

static KrObject *hash_get_name(KrThreadState *ts, KrObject *self, void *closure) {
    return krStr_from_cstr(ts, krDigest_name(((HashObject *)self)->d.kind));
}

static KrObject *hash_get_digest_size(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_smallint(krDigest_size(((HashObject *)self)->d.kind));
}

static KrObject *hash_get_block_size(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_smallint(krDigest_block_size(((HashObject *)self)->d.kind));
}

static const KrMethodDef hash_methods[] = {
    {"update", KR_CFUNC(hash_update), KR_METH_O, "Update this hash object's state with the provided string."},
    {"digest", KR_CFUNC(hash_digest), KR_METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", KR_CFUNC(hash_hexdigest), KR_METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", KR_CFUNC(hash_copy), KR_METH_NOARGS, "Return a copy of the hash object."},
    {NULL},
};

static const KrGetSetDef hash_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrHash_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_hashlib.HASH",
    .tp_basicsize = sizeof(HashObject),
    .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "A hash is an object used to calculate a checksum of a string of information.",
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
};

// ---------------------------------------------------------------------------
// Constructors

// openssl_<name>(string=b'', *, usedforsecurity=True)
static KrObject *construct(KrThreadState *ts, KrDigestKind kind, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    static const char *const names[] = {"string", "usedforsecurity"};
    char fname[32];
    snprintf(fname, sizeof fname, "openssl_%s", krDigest_name(kind));
    KrObject *a[2];
    if (krArg_parse(ts, fname, args, nargs, kwnames, names, 2, 0, 1, 0, a) < 0) return NULL;
    return hash_new_object(ts, kind, a[0]);
}

#define HASH_CONSTRUCTOR(name, kind) \
    static KrObject *hashlib_##name(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, \
                                    KrObject *kwnames) { \
        return construct(ts, kind, args, nargs, kwnames); \
    }
HASH_CONSTRUCTOR(md5, KR_MD5)
HASH_CONSTRUCTOR(sha1, KR_SHA1)
HASH_CONSTRUCTOR(sha224, KR_SHA224)
HASH_CONSTRUCTOR(sha256, KR_SHA256)
HASH_CONSTRUCTOR(sha384, KR_SHA384)
HASH_CONSTRUCTOR(sha512, KR_SHA512)

static int lookup_kind(KrThreadState *ts, KrObject *name) {
    if (!krStr_check(name)) {
        krErr_set_string(ts, &KrExc_TypeError, "name must be a string");
        return -1;
    }
    int kind = krDigest_lookup(krStr_utf8(name));
    if (kind < 0) krErr_format(ts, &KrExc_ValueError, "unsupported hash type %U", name);
    return kind;
}

// new(name, string=b'', *, usedforsecurity=True)
static KrObject *hashlib_new(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"name", "string", "usedforsecurity"};
    KrObject *a[3];
    if (krArg_parse(ts, "new", args, nargs, kwnames, names, 3, 0, 2, 1, a) < 0) return NULL;
    int kind = lookup_kind(ts, a[0]);
    if (kind < 0) return NULL;
    return hash_new_object(ts, (KrDigestKind)kind, a[1]);
}

// HMAC of `msg` under a key already reduced to one block and padded (`ipad`
// and `opad` prefixes absorbed into the two starting states).
static void hmac_finish(const KrDigest *inner0, const KrDigest *outer0, const uint8_t *msg, size_t n, uint8_t *out) {
    KrDigest inner = *inner0, outer = *outer0;
    uint8_t tmp[KR_DIGEST_MAX_SIZE];
    krDigest_update(&inner, msg, n);
    krDigest_final(&inner, tmp);
    krDigest_update(&outer, tmp, (size_t)krDigest_size(inner.kind));
    krDigest_final(&outer, out);
}

static void hmac_prepare(KrDigestKind kind, const char *key, size_t keylen, KrDigest *inner, KrDigest *outer) {
    size_t block = (size_t)krDigest_block_size(kind);
    uint8_t k[128] = {0}, pad[128];
    if (keylen > block) {
        KrDigest d;
        krDigest_init(&d, kind);
        krDigest_update(&d, key, keylen);
        krDigest_final(&d, k);
    } else {
        memcpy(k, key, keylen);
    }
    for (size_t i = 0; i < block; i++) pad[i] = k[i] ^ 0x36;
    krDigest_init(inner, kind);
    krDigest_update(inner, pad, block);
    for (size_t i = 0; i < block; i++) pad[i] = k[i] ^ 0x5c;
    krDigest_init(outer, kind);
    krDigest_update(outer, pad, block);
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
static KrObject *hashlib_pbkdf2_hmac(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    static const char *const names[] = {"hash_name", "password", "salt", "iterations", "dklen"};
    KrObject *a[5];
    if (krArg_parse(ts, "pbkdf2_hmac", args, nargs, kwnames, names, 5, 0, 5, 4, a) < 0) return NULL;
    if (!krStr_check(a[0]))
        return krErr_format(ts, &KrExc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %s",
                            krArg_type_name(a[0]));
    int kind = krDigest_lookup(krStr_utf8(a[0]));
    if (kind < 0) return krErr_format(ts, &KrExc_ValueError, "unsupported hash type %U", a[0]);
    const char *pw, *salt;
    KrSsize pwlen, saltlen;
    if (krBytes_as_buffer(ts, a[1], &pw, &pwlen) < 0 || krBytes_as_buffer(ts, a[2], &salt, &saltlen) < 0) return NULL;
    KrSsize iterations = krNum_as_ssize(ts, a[3], &KrExc_OverflowError);
    if (iterations == -1 && krErr_occurred(ts)) return NULL;
    if (iterations < 1) return krErr_format(ts, &KrExc_ValueError, "iteration value must be greater than 0.");
    if (iterations > INT32_MAX) return krErr_format(ts, &KrExc_OverflowError, "iteration value is too great.");
    int hlen = krDigest_size((KrDigestKind)kind);
    KrSsize dklen = hlen;
    if (a[4] && a[4] != KR_NONE) {
        dklen = krNum_as_ssize(ts, a[4], &KrExc_OverflowError);
        if (dklen == -1 && krErr_occurred(ts)) return NULL;
        if (dklen < 1) return krErr_format(ts, &KrExc_ValueError, "key length must be greater than 0.");
        if (dklen > INT32_MAX) return krErr_format(ts, &KrExc_OverflowError, "key length is too great.");
    }
    KrObject *result = krBytes_from_data(ts, NULL, dklen);
    if (!result) return NULL;
    uint8_t *out = (uint8_t *)krBytes_data(result);
    KrDigest inner, outer;
    hmac_prepare((KrDigestKind)kind, pw, (size_t)pwlen, &inner, &outer);
    uint8_t *msg = krMem_malloc((size_t)saltlen + 4);
    if (!msg) {
        kr_decref(result);
        return krErr_no_memory(ts);
    }
    memcpy(msg, salt, (size_t)saltlen);
    for (uint32_t blockno = 1; dklen > 0; blockno++) {
        uint8_t u[KR_DIGEST_MAX_SIZE], t[KR_DIGEST_MAX_SIZE];
        msg[saltlen] = (uint8_t)(blockno >> 24);
        msg[saltlen + 1] = (uint8_t)(blockno >> 16);
        msg[saltlen + 2] = (uint8_t)(blockno >> 8);
        msg[saltlen + 3] = (uint8_t)blockno;
        hmac_finish(&inner, &outer, msg, (size_t)saltlen + 4, u);
        memcpy(t, u, (size_t)hlen);
        for (KrSsize i = 1; i < iterations; i++) {
            hmac_finish(&inner, &outer, u, (size_t)hlen, u);
            for (int j = 0; j < hlen; j++) t[j] ^= u[j];
        }
        KrSsize take = dklen < hlen ? dklen : hlen;
        memcpy(out, t, (size_t)take);
        out += take;
        dklen -= take;
    }
    krMem_free(msg);
    return result;
}

// hmac_digest(key, msg, digest): one-shot HMAC, used by hmac.digest().
static KrObject *hashlib_hmac_digest(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    static const char *const names[] = {"key", "msg", "digest"};
    KrObject *a[3];
    if (krArg_parse(ts, "hmac_digest", args, nargs, kwnames, names, 3, 0, 3, 3, a) < 0) return NULL;
    int kind = lookup_kind(ts, a[2]);
    if (kind < 0) return NULL;
    const char *key, *msg;
    KrSsize keylen, msglen;
    if (krBytes_as_buffer(ts, a[0], &key, &keylen) < 0 || krBytes_as_buffer(ts, a[1], &msg, &msglen) < 0) return NULL;
    KrDigest inner, outer;
    hmac_prepare((KrDigestKind)kind, key, (size_t)keylen, &inner, &outer);
    uint8_t out[KR_DIGEST_MAX_SIZE];
    hmac_finish(&inner, &outer, (const uint8_t *)msg, (size_t)msglen, out);
    return krBytes_from_data(ts, (const char *)out, krDigest_size((KrDigestKind)kind));
}

static const KrMethodDef hashlib_methods[] = {
    {"new", KR_CFUNC(hashlib_new), KR_METH_FASTKW, "Return a new hash object using the named algorithm."},
    {"openssl_md5", KR_CFUNC(hashlib_md5), KR_METH_FASTKW, "Returns a md5 hash object; optionally initialized with a string"},
    {"openssl_sha1", KR_CFUNC(hashlib_sha1), KR_METH_FASTKW, "Returns a sha1 hash object; optionally initialized with a string"},
    {"openssl_sha224", KR_CFUNC(hashlib_sha224), KR_METH_FASTKW, "Returns a sha224 hash object; optionally initialized with a string"},
    {"openssl_sha256", KR_CFUNC(hashlib_sha256), KR_METH_FASTKW, "Returns a sha256 hash object; optionally initialized with a string"},
    {"openssl_sha384", KR_CFUNC(hashlib_sha384), KR_METH_FASTKW, "Returns a sha384 hash object; optionally initialized with a string"},
    {"openssl_sha512", KR_CFUNC(hashlib_sha512), KR_METH_FASTKW, "Returns a sha512 hash object; optionally initialized with a string"},
    {"pbkdf2_hmac", KR_CFUNC(hashlib_pbkdf2_hmac), KR_METH_FASTKW, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"hmac_digest", KR_CFUNC(hashlib_hmac_digest), KR_METH_FASTKW, "Single-shot HMAC."},
    {NULL},
};

static int hashlib_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_type(ts, m, &KrHash_Type) < 0) return -1;
    KrObject *names = krTuple_new(ts, KR_DIGEST_COUNT);
    if (!names) return -1;
    for (int k = 0; k < KR_DIGEST_COUNT; k++) {
        KrObject *s = krStr_from_cstr(ts, krDigest_name((KrDigestKind)k));
        if (!s) {
            kr_decref(names);
            return -1;
        }
        KR_TUPLE_SET(names, k, s);
    }
    return krModule_add_object_steal(ts, m, "_algorithms", names);
}

const KrModuleDef kr__hashlib_module_def = {
    .name = "_hashlib",
    .doc = "Message digests implemented in C: md5, sha1, sha224, sha256, sha384, sha512.",
    .methods = hashlib_methods,
    .exec = hashlib_exec,
};
