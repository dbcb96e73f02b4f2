/*
 * random.c — the _random module: the Mersenne Twister MT19937 behind
 * random.Random, producing CPython's exact sequences for a given seed
 * (same init_by_array key layout, same 53-bit random(), same getrandbits
 * word order), plus _urandom for seeding and SystemRandom.
 *
 * The state is 624 words and an index; seeding by an int uses |n| as an
 * array of 32-bit words, least significant first; other seeds (float) use
 * their hash as an unsigned machine word, as CPython does.
 *
 * lib/random.py builds the public module (distributions, sampling) on top.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define MT_N 624
#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfu
#define MT_UPPER_MASK 0x80000000u
#define MT_LOWER_MASK 0x7fffffffu

typedef struct {
    KR_OBJECT_HEAD;
    int index;
    uint32_t state[MT_N];
} RandomObject;

extern KrTypeObject KrRandom_Type;

// ---------------------------------------------------------------------------
// The generator (Matsumoto and Nishimura's reference algorithm)

static uint32_t genrand_uint32(RandomObject *r) {
    uint32_t *mt = r->state, y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & MT_UPPER_MASK) | (mt[kk + 1] & MT_LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX_A : 0u);
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & MT_UPPER_MASK) | (mt[kk + 1] & MT_LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX_A : 0u);
        }
        y = (mt[MT_N - 1] & MT_UPPER_MASK) | (mt[0] & MT_LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX_A : 0u);
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static void init_genrand(RandomObject *r, uint32_t s) {
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(RandomObject *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;   // non-zero initial state guaranteed
}

// ---------------------------------------------------------------------------
// Seeding

// Fills `buf` from the OS entropy source.  0, or -1 with OSError.
static int os_random(KrThreadState *ts, void *buf, size_t n) {
    char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            if (errno == ENOSYS) break;
            krErr_from_errno(ts, &KrExc_OSError, NULL);
            return -1;
        }
        p += got;
        n -= (size_t)got;
    }
    if (n == 0) return 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        krErr_from_errno(ts, &KrExc_OSError, NULL);
        return -1;
    }
    while (n > 0) {
        ssize_t got = read(fd, p, n);
        if (got <= 0) {
            if (got < 0 && errno == EINTR) continue;
            close(fd);
            krErr_from_errno(ts, &KrExc_OSError, NULL);
            return -1;
        }
        p += got;
        n -= (size_t)got;
    }
    close(fd);
    return 0;
}

static int seed_from_urandom(KrThreadState *ts, RandomObject *r) {
    uint32_t key[MT_N];
    if (os_random(ts, key, sizeof key) < 0) {
        // Fall back on the time and the address of the object.
        krErr_clear(ts);
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        key[0] = (uint32_t)t.tv_sec;
        key[1] = (uint32_t)t.tv_nsec;
        key[2] = (uint32_t)(uintptr_t)r;
        key[3] = (uint32_t)getpid();
        init_by_array(r, key, 4);
        return 0;
    }
    init_by_array(r, key, MT_N);
    return 0;
}

// seed(n): None → OS entropy; int → |n|; anything else → its hash as an
// unsigned word.
static int random_seed_obj(KrThreadState *ts, RandomObject *r, KrObject *arg) {
    if (!arg || arg == KR_NONE) return seed_from_urandom(ts, r);
    mpz_t n;
    mpz_init(n);
    if (krInt_check(arg)) {
        krInt_to_mpz(arg, n);
        mpz_abs(n, n);
    } else {
        KrHash h = krObj_hash(ts, arg);
        if (h == -1 && krErr_occurred(ts)) {
            mpz_clear(n);
            return -1;
        }
        mpz_set_ui(n, (unsigned long)(uint64_t)h);
    }
    size_t bits = mpz_sizeinbase(n, 2);
    size_t words = mpz_sgn(n) == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = krMem_calloc(words, sizeof(uint32_t));
    if (!key) {
        mpz_clear(n);
        krErr_no_memory(ts);
        return -1;
    }
    size_t count;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, n);
    mpz_clear(n);
    init_by_array(r, key, words);
    krMem_free(key);
    return 0;
}

// ---------------------------------------------------------------------------
// The Random type

static KrObject *random_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    RandomObject *r = (RandomObject *)(type == &KrRandom_Type ? krObj_alloc(ts, type, 0)
                                                               : krType_generic_alloc(ts, type, 0));
    // Unseeded, the state is all zero (as CPython's) until __init__ or seed().
    return (KrObject *)r;
}

static int random_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    // Subclasses with their own __init__ may take keywords; plain Random() not.
    if ((KR_TYPE(self) == &KrRandom_Type || KR_TYPE(self)->tp_init == random_init) &&
        krArg_no_kwargs(ts, "Random", kwnames) < 0)
        return -1;
    if (nargs > 1) {
        krErr_set_string(ts, &KrExc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed_obj(ts, (RandomObject *)self, nargs ? args[0] : NULL);
}

static void random_dealloc(KrObject *self) { krObj_free(self); }

static KrObject *random_random(KrThreadState *ts, KrObject *self) {
    RandomObject *r = (RandomObject *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return krFloat_new(ts, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static KrObject *random_seed(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "seed", nargs, 0, 1) < 0) return NULL;
    if (random_seed_obj(ts, (RandomObject *)self, nargs ? args[0] : NULL) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *random_getstate(KrThreadState *ts, KrObject *self) {
    RandomObject *r = (RandomObject *)self;
    KrObject *t = krTuple_new(ts, MT_N + 1);
    if (!t) return NULL;
    for (int i = 0; i < MT_N; i++) KR_TUPLE_SET(t, i, kr_smallint(r->state[i]));
    KR_TUPLE_SET(t, MT_N, kr_smallint(r->index));
    return t;
}

static KrObject *random_setstate(KrThreadState *ts, KrObject *self, KrObject *state) {
    RandomObject *r = (RandomObject *)self;
    if (!krTuple_check(state))
        return krErr_format(ts, &KrExc_TypeError, "state vector must be a tuple");
    if (KR_TUPLE_SIZE(state) != MT_N + 1)
        return krErr_format(ts, &KrExc_ValueError, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        KrObject *o = KR_TUPLE_GET(state, i);
        if (!krInt_check(o))
            return krErr_format(ts, &KrExc_TypeError, "an integer is required (got type %s)",
                                krType_name(KR_TYPE(o)));
        int64_t v;
        if (!krInt_to_i64(o, &v) || v < 0 || v > UINT32_MAX) {
            if (krInt_sign(o) < 0)
                return krErr_format(ts, &KrExc_OverflowError, "can't convert negative value to unsigned int");
            return krErr_format(ts, &KrExc_OverflowError, "Python int too large to convert to C unsigned long");
        }
        words[i] = (uint32_t)v;
    }
    KrObject *io = KR_TUPLE_GET(state, MT_N);
    if (!krInt_check(io))
        return krErr_format(ts, &KrExc_TypeError, "an integer is required (got type %s)", krType_name(KR_TYPE(io)));
    int64_t index;
    if (!krInt_to_i64(io, &index) || index < 0 || index > MT_N)
        return krErr_format(ts, &KrExc_ValueError, "invalid state");
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return kr_newref(KR_NONE);
}

static KrObject *random_getrandbits(KrThreadState *ts, KrObject *self, KrObject *arg) {
    RandomObject *r = (RandomObject *)self;
    if (!krInt_check(arg) && !krNum_is_index(arg))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            krType_name(KR_TYPE(arg)));
    KrSsize k = krNum_as_ssize(ts, arg, &KrExc_OverflowError);
    if (k == -1 && krErr_occurred(ts)) return NULL;
    if (k < 0) return krErr_format(ts, &KrExc_ValueError, "number of bits must be non-negative");
    if (k == 0) return kr_smallint(0);
    if (k <= 32) return kr_smallint(genrand_uint32(r) >> (32 - k));
    if (k <= 62) {
        uint64_t lo = genrand_uint32(r);
        uint64_t hi = genrand_uint32(r) >> (64 - k);
        return kr_smallint((int64_t)(hi << 32 | lo));
    }
    if (krInt_check_bits(ts, (size_t)k) < 0) return NULL;
    // Words are filled least significant first; the last one keeps its top bits.
    size_t words = (size_t)(k - 1) / 32 + 1;
    uint32_t *w = krMem_malloc(words * sizeof(uint32_t));
    if (!w) return krErr_no_memory(ts);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = genrand_uint32(r);
        if (k < 32) x >>= (32 - k);
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    krMem_free(w);
    return krInt_from_mpz_steal(ts, z);
}

static const KrMethodDef random_methods[] = {
    {"random", KR_CFUNC(random_random), KR_METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", KR_CFUNC(random_seed), KR_METH_FAST, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", KR_CFUNC(random_getstate), KR_METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", KR_CFUNC(random_setstate), KR_METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", KR_CFUNC(random_getrandbits), KR_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL},
};

KrTypeObject KrRandom_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_new = random_new,
    .tp_init = random_init,
    .tp_dealloc = random_dealloc,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_methods = random_methods,
};

// _urandom(n): n bytes from the OS entropy source (os.urandom).
static KrObject *random_urandom(KrThreadState *ts, KrObject *m, KrObject *arg) {
    KrSsize n = krNum_as_ssize(ts, arg, &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return NULL;
    if (n < 0) return krErr_format(ts, &KrExc_ValueError, "negative argument not allowed");
    KrObject *b = krBytes_from_data(ts, NULL, n);
    if (!b) return NULL;
    if (os_random(ts, krBytes_data(b), (size_t)n) < 0) {
        kr_decref(b);
        return NULL;
    }
    return b;
}

static const KrMethodDef module_methods[] = {
    {"_urandom", KR_CFUNC(random_urandom), KR_METH_O, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {NULL},
};

static int random_exec(KrThreadState *ts, KrObject *m) { return krModule_add_type(ts, m, &KrRandom_Type); }

const KrModuleDef kr__random_module_def = {
    .name = "_random",
    .doc = "Module implements the Mersenne Twister random number generator.",
    .methods = module_methods,
    .exec = random_exec,
};
