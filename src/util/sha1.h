/* sha1.h: SHA-1 (FIPS 180-4) and name-based UUIDs (version 5, RFC 9562), for stable ids. */
#ifndef ITPNAV_SHA1_H
#define ITPNAV_SHA1_H

#include <stddef.h>
#include <stdint.h>

struct sha1 {
    uint32_t h[5];
    uint64_t len; /* bytes hashed so far */
    unsigned char block[64];
    size_t used;
};

void sha1_init(struct sha1 *c);
void sha1_add(struct sha1 *c, const void *data, size_t n);
/* The 20-byte digest; c must be initialised again before reuse. */
void sha1_finish(struct sha1 *c, unsigned char out[20]);

/* The version 5 UUID of name in namespace ns (16 bytes), written as 36 lower-case characters and
 * a NUL into out. */
void uuid_v5(const unsigned char ns[16], const char *name, size_t len, char out[37]);

/* Parse a UUID written as 8-4-4-4-12 hex digits (either case) into 16 bytes; 0 on success. */
int uuid_parse(const char *s, unsigned char out[16]);

#endif
