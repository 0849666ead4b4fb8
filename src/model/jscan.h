/* jscan.h: reading a large JSON document one record at a time, through a bounded buffer: each key
 * of the top-level object with its value's bytes, and each element of a top-level array with its
 * bytes, place and index, so that cJSON can parse that record alone. */
#ifndef ITPNAV_JSCAN_H
#define ITPNAV_JSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest record kept by default (a record larger is skipped and reported, the scan goes on).
 */
#define JSCAN_MAX_RECORD ((size_t)8 << 20)
/* The largest file read (dataset.md, "Limits"). */
#define JSCAN_MAX_FILE ((uint64_t)4 << 30)
/* Containers nested deeper than this are a syntax error (the loader's limit). */
#define JSCAN_MAX_DEPTH 64
/* Top-level keys remembered to find duplicates; more is an error. */
#define JSCAN_MAX_KEYS 1024

enum jscan_flags {
    /* The whole document is one record (a JSCAN_VALUE), whatever its type. */
    JSCAN_WHOLE = 1 << 0,
    /* Invalid UTF-8 inside a string is noted on the item (bad_line) instead of ending the scan. */
    JSCAN_LENIENT_UTF8 = 1 << 1,
    /* The document must be an object (a dataset): an empty file is said to lack one. */
    JSCAN_OBJECT = 1 << 2,
    /* Hash every byte read (jscan_hash): the file's identity, at no second read. */
    JSCAN_HASH = 1 << 3,
};

struct jscan_options {
    size_t max_record; /* 0: JSCAN_MAX_RECORD */
    uint64_t max_file; /* 0: JSCAN_MAX_FILE */
    size_t chunk;      /* bytes read at a time; 0: 64 KiB (tests use tiny ones) */
    size_t max_values; /* values (strings, numbers, ...) one record may hold; 0: no limit */
    unsigned flags;    /* enum jscan_flags */
};

enum jscan_event {
    JSCAN_ERROR = -1, /* a syntax or read error: jscan_error says where and why; the scan is over */
    JSCAN_END = 0,    /* the document ended well */
    JSCAN_KEY,        /* a key of the top-level object (for an array value, its elements follow) */
    JSCAN_ELEMENT,    /* an element of a top-level array: a key's value, or the document itself */
    JSCAN_VALUE,      /* the document, when it is not an object or an array (or with JSCAN_WHOLE) */
};

/* One record. Everything it points to stays valid until the next jscan_next or jscan_destroy. */
struct jscan_item {
    enum jscan_event event;
    const char *key;  /* KEY: the key, unescaped; ELEMENT: its array's key, or NULL (top level) */
    const char *path; /* jq-style place of the value: ".supports[3]", ".dataset", ".[0]", "." */
    char type;        /* the value's first byte: '{', '[', '"', 't', 'f', 'n', '-' or a digit */
    const char *text; /* the value's bytes (a KEY with an array value has none: NULL, 0) */
    size_t len;
    size_t index;    /* ELEMENT: its index in the array */
    uint64_t offset; /* byte offset of the value in the file */
    int line, col;   /* where the value starts (the column counts characters, as the loader does) */
    /* Problems that do not end the scan; the caller decides what they mean. */
    uint64_t too_big; /* the value has this many bytes, more than max_record (or more values than
                         max_values): text is NULL */
    int dup_line, dup_col; /* KEY: where this key was first seen (0 when it is new) */
    int bad_line, bad_col; /* JSCAN_LENIENT_UTF8: the first invalid UTF-8 inside the value */
    const char *problem;   /* a sentence for too_big or a bad byte, naming the limit; else NULL */
};

struct jscan;

/* Scan the file at path, or fd when path is NULL (not closed). NULL with errno set when the file
 * cannot be opened. */
struct jscan *jscan_open(const char *path, int fd, const struct jscan_options *opt);

/* Scan len bytes at buf (not copied: they must outlive the scanner). */
struct jscan *jscan_open_mem(const char *buf, size_t len, const struct jscan_options *opt);

/* The next record into *it; returns its event (JSCAN_END, JSCAN_ERROR, or the record's kind). */
enum jscan_event jscan_next(struct jscan *s, struct jscan_item *it);

/* After JSCAN_ERROR: the message (as the loader words it), and its line and column (both 0 for a
 * read error, whose message then names the cause); *io is true for a read error. */
const char *jscan_error(const struct jscan *s, int *line, int *col, bool *io);

/* After JSCAN_ERROR, the order of a loader that checks the whole file before its syntax: read on to
 * the end of the file, and when it is larger than max_file, or (the error being one of syntax) it
 * holds invalid UTF-8 after where the scan stopped, make that the error. Returns true when the
 * error changed. */
bool jscan_recheck(struct jscan *s);

/* The document's first byte ('{', '[', '"', a digit, ...) once the scan has read it, else 0: what
 * the document is, even when it is an empty object or list (which give no item). */
char jscan_doc_type(const struct jscan *s);

/* With JSCAN_HASH: the FNV-1a 64 hash of every byte read so far (all of them once the scan has
 * ended well), as dataset_hash computes it. */
uint64_t jscan_hash(const struct jscan *s);

/* Free the scanner; NULL is a no-op. */
void jscan_destroy(struct jscan *s);

/* Decode the JSON string token at s (len bytes, quotes included, already checked) into a new
 * NUL-terminated UTF-8 string; *out_len gets its length (it may hold no NUL: \u0000 is refused). */
char *jscan_unescape(const char *s, size_t len, size_t *out_len);

#endif
