/*
 * digest.c — MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4) compression
 * functions and the shared buffering/padding around them.
 *
 * MD5 is little-endian, the SHA family big-endian; SHA-224 and SHA-384 are
 * SHA-256 and SHA-512 with other initial values and a truncated output.
 * The round constants are in hash_tables.h (generated).
 */
#include "modules/digest.h"

#include <ctype.h>
#include <string.h>

#include "modules/hash_tables.h"

static inline uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static inline uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint32_t load_le32(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
static inline uint64_t load_be64(const uint8_t *p) { return (uint64_t)load_be32(p) << 32 | load_be32(p + 4); }

static inline void store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}
static inline void store_le32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
static inline void store_be64(uint8_t *p, uint64_t v) {
    store_be32(p, (uint32_t)(v >> 32));
    store_be32(p + 4, (uint32_t)v);
}

// ---------------------------------------------------------------------------
// Compression functions: one block each.

static const uint8_t md5_shift[64] = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
};

static void md5_block(uint32_t *h, const uint8_t *p) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) m[i] = load_le32(p + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol32(a + f + md5_k[i] + m[g], md5_shift[i]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

static void sha1_block(uint32_t *h, const uint8_t *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) w[i] = load_be32(p + 4 * i);
    for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999u;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1u;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdcu;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6u;
        }
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol32(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

static void sha256_block(uint32_t *h, const uint8_t *p) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) w[i] = load_be32(p + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t v[8];
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25);
        uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + S1 + ch + sha256_k[i] + w[i];
        uint32_t S0 = ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22);
        uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + S0 + maj;
    }
    for (int i = 0; i < 8; i++) h[i] += v[i];
}

static void sha512_block(uint64_t *h, const uint8_t *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) w[i] = load_be64(p + 8 * i);
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t v[8];
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ror64(v[4], 14) ^ ror64(v[4], 18) ^ ror64(v[4], 41);
        uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint64_t t1 = v[7] + S1 + ch + sha512_k[i] + w[i];
        uint64_t S0 = ror64(v[0], 28) ^ ror64(v[0], 34) ^ ror64(v[0], 39);
        uint64_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + S0 + maj;
    }
    for (int i = 0; i < 8; i++) h[i] += v[i];
}

// ---------------------------------------------------------------------------
// Buffering and padding

static const struct {
    const char *name;
    int size, block;
} kinds[KR_DIGEST_COUNT] = {
    [KR_MD5] = {"md5", 16, 64},       [KR_SHA1] = {"sha1", 20, 64},     [KR_SHA224] = {"sha224", 28, 64},
    [KR_SHA256] = {"sha256", 32, 64}, [KR_SHA384] = {"sha384", 48, 128}, [KR_SHA512] = {"sha512", 64, 128},
};

int krDigest_size(KrDigestKind kind) { return kinds[kind].size; }
int krDigest_block_size(KrDigestKind kind) { return kinds[kind].block; }
const char *krDigest_name(KrDigestKind kind) { return kinds[kind].name; }

int krDigest_lookup(const char *name) {
    for (int k = 0; k < KR_DIGEST_COUNT; k++)
        if (strcasecmp(name, kinds[k].name) == 0) return k;
    return -1;
}

void krDigest_init(KrDigest *d, KrDigestKind kind) {
    memset(d, 0, sizeof *d);
    d->kind = kind;
    static const uint32_t md5_sha1_iv[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
    switch (kind) {
    case KR_MD5: memcpy(d->h.w32, md5_sha1_iv, 4 * sizeof(uint32_t)); break;
    case KR_SHA1: memcpy(d->h.w32, md5_sha1_iv, 5 * sizeof(uint32_t)); break;
    case KR_SHA224: memcpy(d->h.w32, sha224_iv, sizeof sha224_iv); break;
    case KR_SHA256: memcpy(d->h.w32, sha256_iv, sizeof sha256_iv); break;
    case KR_SHA384: memcpy(d->h.w64, sha384_iv, sizeof sha384_iv); break;
    default: memcpy(d->h.w64, sha512_iv, sizeof sha512_iv); break;
    }
}

static void compress(KrDigest *d, const uint8_t *block) {
    switch (d->kind) {
    case KR_MD5: md5_block(d->h.w32, block); break;
    case KR_SHA1: sha1_block(d->h.w32, block); break;
    case KR_SHA224:
    case KR_SHA256: sha256_block(d->h.w32, block); break;
    default: sha512_block(d->h.w64, block); break;
    }
}

void krDigest_update(KrDigest *d, const void *data, size_t len) {
    const uint8_t *p = data;
    size_t block = (size_t)kinds[d->kind].block;
    d->total += len;
    if (d->buflen) {
        size_t take = block - d->buflen < len ? block - d->buflen : len;
        memcpy(d->buf + d->buflen, p, take);
        d->buflen += take;
        p += take;
        len -= take;
        if (d->buflen < block) return;
        compress(d, d->buf);
        d->buflen = 0;
    }
    for (; len >= block; p += block, len -= block) compress(d, p);
    memcpy(d->buf, p, len);
    d->buflen = len;
}

void krDigest_final(const KrDigest *src, uint8_t *out) {
    KrDigest d = *src;
    size_t block = (size_t)kinds[d.kind].block;
    size_t lenbytes = block == 128 ? 16 : 8;   // width of the length field
    uint64_t bits = d.total * 8;
    uint8_t pad[256];
    size_t padlen = block - (d.buflen + lenbytes) % block;
    if (padlen == 0) padlen = block;
    memset(pad, 0, sizeof pad);
    pad[0] = 0x80;
    uint8_t *lp = pad + padlen;
    if (d.kind == KR_MD5) {
        store_le32(lp, (uint32_t)bits);
        store_le32(lp + 4, (uint32_t)(bits >> 32));
    } else {
        // SHA-384/512 have a 128-bit length; its upper half stays zero
        // (also the top bits of byte counts beyond 2**61, which never occur).
        store_be64(lp + lenbytes - 8, bits);
        if (lenbytes == 16) store_be64(lp, d.total >> 61);
    }
    uint64_t total = d.total;
    krDigest_update(&d, pad, padlen + lenbytes);
    d.total = total;
    int size = kinds[d.kind].size;
    if (d.kind == KR_MD5) {
        for (int i = 0; i < 4; i++) store_le32(out + 4 * i, d.h.w32[i]);
    } else if (d.kind <= KR_SHA256) {
        for (int i = 0; i < size / 4; i++) store_be32(out + 4 * i, d.h.w32[i]);
    } else {
        for (int i = 0; i < size / 8; i++) store_be64(out + 8 * i, d.h.w64[i]);
    }
}
