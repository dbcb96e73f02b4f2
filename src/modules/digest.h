/*
 * digest.h — message digests in plain C (no OpenSSL): MD5, SHA-1, SHA-224,
 * SHA-256, SHA-384 and SHA-512, as specified by RFC 1321 and FIPS 180-4.
 * Used by the _hashlib module and by random.seed() of str/bytes.
 * Owner of: digest.c.
 */
#ifndef KR_DIGEST_H
#define KR_DIGEST_H

#include <stddef.h>
#include <stdint.h>

typedef enum { KR_MD5, KR_SHA1, KR_SHA224, KR_SHA256, KR_SHA384, KR_SHA512, KR_DIGEST_COUNT } KrDigestKind;

typedef struct KrDigest {
    KrDigestKind kind;
    uint64_t total;                // bytes absorbed so far
    union {
        uint32_t w32[8];
        uint64_t w64[8];
    } h;                           // chaining state
    size_t buflen;                 // bytes waiting in buf (< block size)
    uint8_t buf[128];
} KrDigest;

#define KR_DIGEST_MAX_SIZE 64

// Starts a digest of the given kind.  Never fails.
void krDigest_init(KrDigest *d, KrDigestKind kind);
// Absorbs `len` bytes.  Never fails.
void krDigest_update(KrDigest *d, const void *data, size_t len);
// Writes the digest of everything absorbed so far into `out` (digest size
// bytes), leaving `d` usable for more updates.  Never fails.
void krDigest_final(const KrDigest *d, uint8_t *out);
// Sizes in bytes, and the canonical lower-case name ("sha256").
int krDigest_size(KrDigestKind kind);
int krDigest_block_size(KrDigestKind kind);
const char *krDigest_name(KrDigestKind kind);
// The kind called `name` (case-insensitive, "SHA256" too), or -1.
int krDigest_lookup(const char *name);

#endif
