/* hsds_internal.h: what the HSDS import and export share: reports, text cleaning, the base
 * dataset's vocabulary (regions, goals, services, sources) and the map file. */
#ifndef ITPNAV_HSDS_INTERNAL_H
#define ITPNAV_HSDS_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* The largest HSDS record (one service with everything nested, a CSV row, an NDJSON line). */
#define HSDS_MAX_RECORD ((size_t)4 << 20)

/* Limits of the dataset format (dataset.md, "Limits"). */
#define HSDS_NAME_MAX 300
#define HSDS_TEXT_MAX 20000

/* ---- Reports: printed as they are found (an import can find thousands), and counted ---- */

enum hlog_kind {
    HLOG_ERROR,    /* the record or the run cannot go on */
    HLOG_UNMAPPED, /* a value that has no place in the dataset: left out (an error with --strict) */
    HLOG_WARNING,  /* worth knowing, nothing lost */
};

struct hlog {
    FILE *out;
    bool strict;
    size_t errors, unmapped, warnings;
};

/* Print "itpnav: PLACE: PATH: MESSAGE" (PATH may be NULL), sanitised, and count it. */
void hlog(struct hlog *l, enum hlog_kind kind, const char *place, const char *path, const char *fmt,
          ...) __attribute__((format(printf, 5, 6)));

/* ---- Text ---- */

enum hclean_flags {
    HCLEAN_LONG =
            1 << 0, /* long text: newlines kept (else every run of white space is one space) */
    HCLEAN_HTML = 1 << 1, /* HTML tags removed and entities decoded (HSDS descriptions) */
};

/* s (n bytes) made fit for the dataset: trimmed, control and bidirectional characters removed
 * (counted in *removed), CRLF as LF, with the flags' treatment. Returns a new string, or NULL and
 * a reason in why (invalid UTF-8, empty, longer than max characters). */
char *hclean(const char *s, size_t n, unsigned flags, size_t max, unsigned *removed,
             struct sb *why);

/* The reason hclean gives for a text with nothing left in it, untranslated: hclean writes
 * _(hclean_empty), which a reason can be compared with. */
extern const char hclean_empty[];

/* hclean without the reasons: NULL when s cannot be used. */
char *hclean_quiet(const char *s, size_t n, unsigned flags, size_t max);

/* A string of s fit for an id: lower-case ASCII letters and digits joined by '-', accents
 * removed, at most max bytes cut at a '-'; "" when nothing is left. New string. */
char *hslug(const char *s, size_t max);

/* The date (YYYY, YYYY-MM or YYYY-MM-DD) that an HSDS date or date-time starts with, into out;
 * false when s holds no real date. */
bool hdate(const char *s, char out[11]);

/* True when s looks like mis-decoded UTF-8 ("Ã©", "â€™", "ÇÖ"): worth a warning. */
bool hmojibake(const char *s);

/* The valid string value of key in obj (trimmed of nothing), or NULL. */
const char *hstr(const cJSON *obj, const char *key);

/* ---- The base dataset's vocabulary ---- */

struct hregion {
    char *id, *name, *kind, *parent;
    size_t parent_i; /* SIZE_MAX for a root */
    size_t prov_i;   /* the province or territory it is in (itself for one), or SIZE_MAX */
    char *json;      /* its record as read (compact JSON); NULL for a city the import added */
};

struct hbase {
    int version;
    cJSON *dataset; /* the dataset object */
    struct hregion *r;
    size_t n_r, cap_r;
    cJSON *goals, *services, *sources, *exams; /* arrays of records, as read */
    /* Folded region names, aliases and translated names, sorted, each with its region. */
    struct hkey {
        char *key;
        size_t region;
    } * keys;
    size_t n_keys, cap_keys;
};

/* Read the vocabulary of the dataset at path (a version 1 or 2 file) record by record. Problems
 * go to log with the file's name; returns 0 or an exit status. */
int hbase_load(struct hbase *b, const char *path, struct hlog *log);

/* Free what hbase_load read. */
void hbase_finish(struct hbase *b);

/* The region with this id, or SIZE_MAX. */
size_t hbase_region(const struct hbase *b, const char *id);

/* The record with this id in arr (goals, services, sources), or NULL. */
cJSON *hbase_find(const cJSON *arr, const char *id);

/* The province or territory that text names (its name, another name, or its two-letter postal
 * code such as "ON"), or SIZE_MAX. */
size_t hbase_province(const struct hbase *b, const char *text);

/* Find the region that text names: "Name", or "Name, Parent, ..., Province" as export writes
 * it. prov, when not SIZE_MAX, settles a name that several provinces share. Returns 1 and *out,
 * 0 when none matches (*prov_out gets the province that text named, if any), or -1 when several
 * do (why says which). */
int hbase_match(const struct hbase *b, const char *text, size_t prov, size_t *out, size_t *prov_out,
                struct sb *why);

/* The name export writes for region i: its name, then its parents' up to its province. New. */
char *hbase_area_name(const struct hbase *b, size_t i);

/* Add a city under province prov (an import found it in an address); returns its index. */
size_t hbase_add_city(struct hbase *b, const char *name, size_t prov);

/* Call fn for each support of the dataset at path, with its record parsed and its jq path;
 * fn returns false to stop. Returns 0 or an exit status. */
int hbase_each_support(const char *path, struct hlog *log,
                       bool (*fn)(void *ctx, cJSON *rec, const char *path), void *ctx);

/* ---- The map file ---- */

struct hmap_term {
    char *code, *name, *taxonomy, *id; /* what a term must have (NULL: anything) */
    cJSON *goals, *services;           /* arrays of ids, or NULL */
    char *kind;                        /* "group" or "program", or NULL */
    bool ignore;                       /* known, and left out without a report */
    char *name_k, *taxonomy_k;         /* name and taxonomy as hname_key has them */
};

struct hmap_region {
    char *name, *province; /* what a service area or address must say */
    cJSON *regions;        /* region ids, or NULL with ignore */
    bool ignore;
};

struct hmap {
    struct hmap_term *terms;
    size_t n_terms;
    struct hmap_region *regions;
    size_t n_regions;
    cJSON *goals, *services; /* for every record (the map's "default"), or NULL */
    cJSON *regions_all;      /* for every record that names no region of its own, or NULL */
    char *kind;
};

/* Read and check the map at path against the base's ids. Returns 0 or an exit status. The
 * installed map (lenient) is written for the bundled dataset: with another one, its entries that
 * name ids that dataset lacks are skipped rather than refused. */
int hmap_load(struct hmap *m, const char *path, bool lenient, const struct hbase *b,
              struct hlog *log);

void hmap_finish(struct hmap *m);

/* The map's entry for a service area or city named name in province prov, or NULL. */
const struct hmap_region *hmap_region(const struct hmap *m, const struct hbase *b, const char *name,
                                      size_t prov);

/* Whether a term with these code, name and taxonomy (as hname_key has them) and id (any may be
 * NULL) is the map's term t. */
bool hmap_term_matches(const struct hmap_term *t, const char *code, const char *name_k,
                       const char *taxonomy_k, const char *id);

/* A name folded for matching (case, accents, hyphens, dots aside). New. */
char *hname_key(const char *s);

/* Whether two names are the same as people write them (case, accents, hyphens, dots aside). */
bool hname_equal(const char *a, const char *b);

#endif
