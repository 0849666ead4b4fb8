/* query.h: the one place that turns filters into SQL for lists (spec/dataset.md, "Filter
 * semantics"). */
#ifndef ITPNAV_QUERY_H
#define ITPNAV_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"
#include "terms.h"

#define QUERY_MAX_VALUES 16

/* Filters; empty ones (NULL, 0, n == 0) match everything. Strings are borrowed. */
struct query {
    const char *region; /* a region id */
    const char *goals[QUERY_MAX_VALUES];
    size_t n_goals;
    const char *services[QUERY_MAX_VALUES];
    size_t n_services;
    unsigned delivery; /* enum delivery bits */
    unsigned kinds;    /* enum entry_kind bits */
    const char *text;  /* typed words */
    const char *lang;  /* the rows' names and summaries in this language where the file has them
                        * (entry_tr); NULL: the file's own. Filters and order do not change. */
};

/* One row of a list. */
struct row {
    int64_t rid;
    char *id, *kind, *name, *acronym, *where, *size, *status, *summary;
    char *regions; /* ids, comma-separated */
    char *goals;   /* ids, comma-separated */
    char *dated;   /* when its facts were last checked: verified, else as_of */
};

struct page {
    struct row *rows;
    size_t n;
};

/* Typed text as a safe FTS5 expression: every word a quoted prefix term, joined by AND. Never
 * query syntax, whatever the person typed. A new string, or NULL when there is no word. */
char *query_fts_expr(const char *typed);

/* Fill out with at most limit rows from offset, in the spec's order. Returns 0, or an exit
 * status with the reason in e (out empty). */
int query_page(struct store *st, const struct query *q, size_t offset, size_t limit,
               struct page *out, struct err *e);

/* The rids of the entries q's filters keep (its words are not used), in the list's order: *n
 * in a new array *rids (free it). For a caller that reads its own columns of every entry (match
 * judges every pathway kept). Returns 0, or an exit status with the reason in e (nothing in
 * *rids). */
int query_rids(struct store *st, const struct query *q, uint32_t **rids, size_t *n, struct err *e);

/* The number of rows q matches, in *count. Returns 0, or an exit status with the reason in e. */
int query_count(struct store *st, const struct query *q, size_t *count, struct err *e);

/* Where the entry rid is in q's list (0-based) in *at, SIZE_MAX when q does not list it: for a
 * list that keeps its selected entry when its order changes (another language's names). Returns
 * 0, or an exit status with the reason in e. */
int query_position(struct store *st, const struct query *q, int64_t rid, size_t *at, struct err *e);

/* How old facts may be before a list marks them: older than QUERY_OLD_YEARS years. */
#define QUERY_OLD_YEARS 2

/* The date QUERY_OLD_YEARS years before now (local time), as YYYY-MM-DD into buf (11 bytes or
 * more): what is dated before it is old. */
void query_old_cutoff(char *buf, size_t n, long long now);

/* True when date (YYYY, YYYY-MM or YYYY-MM-DD; a year or a month counts from its first day) is
 * before cutoff (YYYY-MM-DD). */
bool query_dated_before(const char *date, const char *cutoff);

/* The number of entries (supports and pathways) whose facts were last checked (verified, else
 * as_of) before cutoff, in *count. Returns 0, or an exit status with the reason in e. */
int query_count_older(struct store *st, const char *cutoff, size_t *count, struct err *e);

/* Free the rows of a page (filled by query_page) and empty it. */
void query_page_finish(struct page *p);

#endif
