/* dataset.h: reading a dataset of format version 1 or 2 and checking every rule of its version
 * (spec/dataset.md). */
#ifndef ITPNAV_DATASET_H
#define ITPNAV_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "err.h"

/* The largest dataset file read. */
#define DATASET_MAX_BYTES ((size_t)256 << 20)

/* The most JSON values (of any type) a dataset may hold: well above what 256 MiB of real
 * records hold (about 45 bytes a value), and a bound on the memory of the parsed tree. */
#define DATASET_MAX_VALUES (1 << 24)

enum dataset_flags {
    DATASET_STRICT = 1 << 0, /* unknown keys and other warnings are errors */
};

/* The format versions this program reads. */
#define DATASET_VERSION_MIN 1
#define DATASET_VERSION_MAX 2

/* The most levels of the region tree (a root is level 1): the format's limit in version 2, and a
 * safety limit in version 1 (every list's region closure grows with it). */
#define DATASET_MAX_REGION_DEPTH 16

/* Version 2's length limits, in characters: names and titles, and any other string. */
#define DATASET_MAX_NAME_CHARS   300
#define DATASET_MAX_STRING_CHARS 20000

/* A checked dataset: the parsed JSON tree (cJSON) and the file it came from. */
struct dataset {
    struct cJSON *root;
    uint64_t hash; /* FNV-1a of the bytes read */
    int version;   /* the format version (DATASET_VERSION_MIN to _MAX) */
};

/* Read the whole file into a new buffer (NUL-terminated); on failure return an exit status and
 * record the reason in d. */
int dataset_read_file(const char *path, char **buf, size_t *len, struct diags *d);

/* Check buf (len bytes) against every rule; on success store a new dataset in *out and return 0,
 * else return EXIT_DATAERR with every finding in d. Warnings are recorded either way. */
int dataset_parse(const char *buf, size_t len, unsigned flags, struct dataset **out,
                  struct diags *d);

/* dataset_read_file then dataset_parse. */
int dataset_load(const char *path, unsigned flags, struct dataset **out, struct diags *d);

/* Free a dataset; NULL is a no-op. */
void dataset_destroy(struct dataset *ds);

/* FNV-1a 64-bit hash of len bytes. */
uint64_t dataset_hash(const char *buf, size_t len);

/* True when s is a date of the format (YYYY, YYYY-MM or YYYY-MM-DD, a real date). */
bool dataset_valid_date(const char *s);

/* True when s is an id of the format (1-64 of a-z, 0-9, '-', starting with a letter or digit). */
bool dataset_valid_id(const char *s);

#endif
