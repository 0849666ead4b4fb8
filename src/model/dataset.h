/* dataset.h: reading a dataset of format version 1 or 2 a record at a time, and checking every
 * rule of its version (spec/dataset.md). */
#ifndef ITPNAV_DATASET_H
#define ITPNAV_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "err.h"

struct cJSON;

/* The largest file dataset_read_file reads whole (the HSDS import's map and package files). */
#define DATASET_MAX_BYTES ((size_t)256 << 20)

/* The largest dataset file (spec/dataset.md, "Limits"): it is read one record at a time, so its
 * size does not bound memory; a record's does. */
#define DATASET_MAX_FILE ((uint64_t)4 << 30)

/* The largest record (an element of a top-level list, or the dataset object), in bytes, and the
 * most values (strings, numbers, objects, arrays) one may hold: one record is parsed at a time,
 * and these bound what it takes (about 64 bytes a value). */
#define DATASET_MAX_RECORD        ((size_t)32 << 20)
#define DATASET_MAX_RECORD_VALUES ((size_t)1 << 21)

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

/* The record lists of a dataset, in the order the checks report them. */
enum dataset_section {
    DATASET_SOURCES,
    DATASET_REGIONS,
    DATASET_GOALS,
    DATASET_SERVICES,
    DATASET_EXAMS,
    DATASET_SUPPORTS,
    DATASET_PATHWAYS,
    DATASET_SECTIONS
};

/* What a check learned of a valid file. */
struct dataset {
    uint64_t hash;                  /* FNV-1a of the bytes read */
    int version;                    /* the format version (DATASET_VERSION_MIN to _MAX) */
    size_t count[DATASET_SECTIONS]; /* the records of each list */
};

/* What is done with the records as they are checked (the store's build): a file is never held
 * whole, so whatever keeps its records keeps them here. Each is called only while the file has
 * shown no error (a later error makes the whole load fail: the sink's work is then thrown away).
 * The order: begin once; then the records of one list after another (each list's records in
 * file order, done after its last), the regions before the supports, the supports before the
 * pathways; the other lists as the file has them. */
struct dataset_sink {
    void *ctx;
    /* The file's version and its .dataset object. */
    void (*begin)(void *ctx, int version, const struct cJSON *meta);
    /* One record (an object); returns true when the sink keeps it (and frees it, cJSON_Delete). */
    bool (*record)(void *ctx, enum dataset_section s, struct cJSON *rec);
    /* Every record of s has been given. */
    void (*done)(void *ctx, enum dataset_section s);
};

/* Where a dataset is read from: the file at path, or len bytes at buf (path NULL). */
struct dataset_input {
    const char *path;
    const char *buf;
    size_t len;
};

/* Read the whole file into a new buffer (NUL-terminated); on failure return an exit status and
 * record the reason in d. Not for datasets (dataset_stream reads them a record at a time). */
int dataset_read_file(const char *path, char **buf, size_t *len, struct diags *d);

/* Check the dataset at in against every rule of its version, one record at a time, handing each
 * to sink (may be NULL) as it is checked. Returns 0 when it is valid (and fills out, may be NULL),
 * else EXIT_DATAERR with every finding in d, in the order of the rules (spec/dataset.md), or an
 * exit status for a file that cannot be read (its reason in d). Warnings are recorded either way.
 * Memory grows with the number of ids, not with the file. */
int dataset_stream(const struct dataset_input *in, unsigned flags, const struct dataset_sink *sink,
                   struct dataset *out, struct diags *d);

/* Check buf (len bytes); on success store a new summary in *out and return 0, else return
 * EXIT_DATAERR with every finding in d. Warnings are recorded either way. */
int dataset_parse(const char *buf, size_t len, unsigned flags, struct dataset **out,
                  struct diags *d);

/* dataset_parse of the file at path, read a record at a time. */
int dataset_load(const char *path, unsigned flags, struct dataset **out, struct diags *d);

/* The FNV-1a 64 hash of the file at path (what dataset_stream's summary holds), read a chunk at a
 * time. Returns 0, or an exit status with the reason in d. */
int dataset_hash_file(const char *path, uint64_t *hash, struct diags *d);

/* Free a summary; NULL is a no-op. */
void dataset_destroy(struct dataset *ds);

/* FNV-1a 64-bit hash of len bytes. */
uint64_t dataset_hash(const char *buf, size_t len);

/* True when s is a date of the format (YYYY, YYYY-MM or YYYY-MM-DD, a real date). */
bool dataset_valid_date(const char *s);

/* True when s is an id of the format (1-64 of a-z, 0-9, '-', starting with a letter or digit). */
bool dataset_valid_id(const char *s);

#endif
