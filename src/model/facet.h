/* facet.h: the one door to the query module's engine: the packed index of every entry's facets
 * (facet.c) and the ranking of words over it (rank.c). Inside src/model only; query.c is its
 * one user, store_fill.c builds the index. */
#ifndef ITPNAV_FACET_H
#define ITPNAV_FACET_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An array of the index as it is stored: count numbers of width bytes each, little-endian (read
 * with facet_at). */
struct facet_array {
    const unsigned char *p; /* NULL until facet_need reads it */
    uint32_t count, width;
};

/* Number i of a. */
static inline uint32_t facet_at(const struct facet_array *a, size_t i)
{
    const unsigned char *q = a->p + i * a->width;
    switch (a->width) {
    case 1: return q[0];
    case 2: return (uint32_t)q[0] | (uint32_t)q[1] << 8;
    case 3: return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16;
    default:
        return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
    }
}

/* Numbers from .. from + count - 1 of a into out: faster than facet_at one by one for a run. */
void facet_decode(const struct facet_array *a, size_t from, size_t count, uint32_t *out);

/* The longest language tag the index keeps an order for (a longer one reads in by_name's). */
#define FACET_LANG_MAX 35

/* The entries in the order of their names in one of the file's other languages. */
struct facet_order {
    char lang[FACET_LANG_MAX + 1];
    struct facet_array rids;
};

/* The sections of the index a query needs (facet_need). */
enum facet_section {
    FACET_ATTR = 1u << 0,   /* attr */
    FACET_DOCLEN = 1u << 1, /* doclen */
    FACET_ORDER = 1u << 2,  /* the name order of the reader's language (facet_order_for) */
};

/* The index of one store (facet.c describes the format): what facet_load read of it, and each
 * section once facet_need has read it (its p NULL before), checked whole, as stored. Entry i
 * (0-based) is rid i + 1. Owns the rows it read (rows) and orders. */
struct facets {
    sqlite3 *db;
    uint32_t n, n_regions, n_goals, n_services, n_orders;
    struct facet_array attr, doclen, by_name;
    struct facet_order *orders;
    unsigned char **rows;
    size_t n_rows;
};

/* An entry's kind bits (enum entry_kind), delivery bits (enum delivery) and spec (the depth of
 * its deepest region), from its attr word. */
static inline uint32_t facet_kind(uint32_t attr)
{
    return attr & 7u;
}

static inline uint32_t facet_delivery(uint32_t attr)
{
    return (attr >> 3) & 7u;
}

static inline uint32_t facet_spec(uint32_t attr)
{
    return attr >> 8;
}

/* Build the index from the filled tables of db and store it (store_fill does, last), all but the
 * rows that come from the words (facet_build_words). Returns an SQLite result code. */
int facet_build(sqlite3 *db);

struct facet_initials;

/* The same rows gathered as the entries are filled (the threaded build's; the tables are not
 * read back): facet_gather_entry for each entry (rids ascending from 1, without a gap; its kind and
 * spec), then that entry's deliveries, regions (positions in
 * the region table), goals and services (ids); facet_gather_write once every list is in the
 * tables writes what facet_build would. */
struct facet_gather *facet_gather_new(void);
void facet_gather_entry(struct facet_gather *g, uint32_t rid, const char *kind, uint32_t spec);
void facet_gather_delivery(struct facet_gather *g, const char *delivery);
void facet_gather_region(struct facet_gather *g, uint32_t pos);
void facet_gather_goal(struct facet_gather *g, const char *goal);
void facet_gather_service(struct facet_gather *g, const char *service);
int facet_gather_write(struct facet_gather *g, sqlite3 *db);
void facet_gather_free(struct facet_gather *g);

/* Write the list index's rows that come from the words of the n entries (rids 1 to n), from db's
 * full-text index into a facet table in db: each entry's length ('lists.doclen') and the short
 * prefixes' matches (from FACET_INITIALS_MIN entries: with ini, those it gathered, else
 * facet_build_initials). db needs nothing else: the full-text thread writes them into its own
 * database. Returns an SQLite result code. */
int facet_build_words(sqlite3 *db, uint32_t n, struct facet_initials *ini);

/* Read and check the head of db's index into f (its sizes and the languages it keeps name
 * orders for); false (f empty) when it is missing or damaged. The sections are read when a
 * query needs them (facet_need). */
bool facet_load(sqlite3 *db, struct facets *f);

/* Make sure the sections (enum facet_section) are read, checked whole: FACET_ORDER is the name
 * order of lang. false when one is missing or damaged (a damaged one is refused whole, never
 * read out of bounds); those read before stay. */
bool facet_need(struct facets *f, unsigned sections, const char *lang);

/* The postings of one region, goal or service: rids (ascending) and, for a region, the depth of
 * each one's deepest region there (depths.p NULL for the others), read in the row it owns. */
struct facet_postings {
    unsigned char *row;
    struct facet_array rids, depths;
};

/* The postings of kind at the table position pos ("region": every entry in region pos or under
 * it, with their depths; "direct": the entries in region pos itself; "goal"; "service") into
 * out (free with facet_postings_finish); false (out empty) when the row is missing or damaged. */
bool facet_postings(struct facets *f, const char *kind, uint32_t pos, struct facet_postings *out);

void facet_postings_finish(struct facet_postings *p);

/* Whether the index keeps an order of the entries by their names in lang. */
bool facet_has_order(const struct facets *f, const char *lang);

/* The rids in list order for a reader of lang (once facet_need has read FACET_ORDER for lang):
 * by their names in lang where the file has them (else their own), folded as sort_key is, ties
 * by id; by_name for the file's own language, an unknown one or NULL. */
const struct facet_array *facet_order_for(const struct facets *f, const char *lang);

/* Free what facet_load read and empty f. */
void facet_finish(struct facets *f);

/* Write the count of entries by the date their facts were last checked (the row 'dated'), from
 * the filled entry table. Returns an SQLite result code. */
int facet_build_dated(sqlite3 *db);

/* The number of entries whose facts were last checked before cutoff (YYYY-MM-DD), from the row
 * 'dated', in *count. Returns SQLITE_OK; SQLITE_NOTFOUND when the store has no such row (a cache
 * written before it existed); SQLITE_CORRUPT when it is damaged; else SQLite's failure. */
int facet_count_dated_before(sqlite3 *db, const char *cutoff, size_t *count);

/* The least number of entries for which the build keeps short prefixes' matches (row
 * 'initials'); below it the full-text search is fast enough, and ranks them by bm25. */
#define FACET_INITIALS_MIN 5000u

/* Write, for every ASCII letter and digit and every two of them that begin a word in a quarter
 * of the entries or more, the entries FTS5 matches for a word starting with it, and those it
 * matches in their name (row 'initials'), when db holds min_entries entries or more (n, rids 1 to
 * n); else remove that row. db needs only the full-text index and a facet table. Returns an
 * SQLite result code. */
int facet_build_initials(sqlite3 *db, uint32_t n, uint32_t min_entries);

/* The same rows gathered while the index is built, from each entry's text as the index's own
 * tokenizer splits it (FTS5's unicode61 with remove_diacritics 2, as store_schema_fts): a word's
 * first byte, and its first two, mark the entry. facet_initials_new returns NULL when db's FTS5
 * has no such tokenizer (the build then runs facet_build_initials). */
struct facet_initials *facet_initials_new(sqlite3 *db);

/* Add entry rid (rids in ascending order, from 1) with text: the six columns of the full-text
 * table, each ended by a NUL (store_fts_text); the first is the name. */
void facet_initials_add(struct facet_initials *ini, uint32_t rid, const char *text);

/* Write the rows facet_build_initials would write from the same entries (n, rids 1 to n) into
 * db's facet table. Returns an SQLite result code. */
int facet_initials_write(struct facet_initials *ini, sqlite3 *db, uint32_t n, uint32_t min_entries);

void facet_initials_free(struct facet_initials *ini);

/* A typed word (len bytes) as the full-text index's tokenizer folds it, into out, when it makes
 * one word of one or two ASCII letters or digits ("É" is "e"): a search for it is one whose
 * matches the rows 'initials' keep. false (out "") otherwise. */
bool facet_fold_word(sqlite3 *db, const char *word, size_t len, char out[3]);

/* The bitmaps (bit r of word r / 32 for rid r; n / 32 + 1 words, new arrays) of the entries a
 * search for prefix (one or two bytes, lower case) matches, and of those it matches in their
 * name. SQLITE_OK; SQLITE_NOTFOUND when the store keeps none for it (not kept, or a small store);
 * SQLITE_CORRUPT when the row does not fit a store of n entries; else SQLite's failure. */
int facet_initial(sqlite3 *db, const char *prefix, uint32_t n, uint32_t **any, uint32_t **name);

/* ---- ranking words (rank.c) ---- */

/* An entry that matched: its bm25 rank (lower is better) and its place in the filtered list. */
struct rank_hit {
    double rank;
    uint32_t pos, rid;
};

/* The matches of one search within one filter set; key names both, for the caller's cache. */
struct rank_found {
    char *key;
    struct rank_hit *hits;
    size_t n, cap, sorted; /* hits[0 .. sorted) are in their final order */
};

struct ranker;

/* Register the rank function itpnav_rank on db. The ranker lives as long as db: when db closes
 * it is freed, then closed(ctx) runs (for what its searches read). NULL when db's SQLite has no
 * usable FTS5. */
struct ranker *rank_attach(sqlite3 *db, void (*closed)(void *ctx), void *ctx);

/* Fill out (emptied first) with the entries of f that pos keeps (pos[rid] is the rid's 1-based
 * place in the list, 0 when filtered out) and that match the FTS5 expression fts, unsorted.
 * Returns an SQLite result code; on failure out is empty and sqlite3_errmsg(db) says why. */
int rank_search(struct ranker *r, sqlite3 *db, const struct facets *f, const uint32_t *pos,
                const char *fts, struct rank_found *out);

/* Fill out (emptied first) with the n entries of order (rids in list order) that the bitmap any
 * holds (facet_initial), ranked by a rule cheaper than bm25 for a search of one or two letters:
 * those the bitmap name holds (a word of their name starts with them) first, then the others,
 * each in list order. Every hit is in its final order. */
void rank_initial(const uint32_t *order, uint32_t n, const uint32_t *any, const uint32_t *name,
                  struct rank_found *out);

/* Put the first need hits of r in order: a partial sort for a first page, all of them later. */
void rank_sort(struct rank_found *r, size_t need);

/* Free the hits and the key and empty r. */
void rank_found_finish(struct rank_found *r);

#endif
