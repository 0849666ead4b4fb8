/* facet.c: the packed index lists are filtered through: its format, its builder and its
 * loader. */
#include "facet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "terms.h"
#include "util.h"

/* Lists are filtered in C over a packed index of every entry's kind, delivery, regions, goals and
 * services, and ordered through a precomputed name order: one read when the store opens, then a
 * millisecond a filter change at 100,000 entries, where the equivalent SQL joins took 50 to 200
 * ms and the full-text join planned badly enough to take seconds (bench/README.md). Words still
 * go through FTS5, ranked by the bm25 formula but with the document lengths kept here rather than
 * looked up row by row.
 *
 * The index is one blob of little-endian 32-bit words in the table facet (name 'lists'):
 *   magic, version, n (entries, rids 1..n), regions, goals, services (rows of those tables),
 *   attr[n]     kind bits | delivery bits << 3 | spec << 8 (spec: depth of its deepest region),
 *   doclen[n]   the tokens FTS5 counted in the entry (its %_docsize row, summed),
 *   by_name[n]  rids in the order of (sort_key, id, rid),
 *   then regions, goals and services, each as off[n + 1] and the values off[n] (positions in
 *   their tables, in order),
 *   then orders, the number of languages other than the file's that name entries, and for each
 *   (in the order of their tags): the tag's length in bytes (1 to FACET_LANG_MAX), the tag in
 *   ceil(length / 4) words (its bytes little-endian, the last word padded with zeros), and
 *   by_name in that language: rids in the order of (the name in that language, folded, else
 *   sort_key; id; rid), so a French reader's lists are in the order of the names they read.
 * Entry i (0-based) is rid i + 1. */

#define INDEX_MAGIC   0x46505449u /* "ITPF" */
#define INDEX_VERSION 2u
#define INDEX_HEADER  6u

/* ---- building the index (store_fill) ---- */

struct words {
    uint32_t *w;
    size_t n, cap;
};

static void put(struct words *b, uint32_t v)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 1024;
        b->w = xrealloc(b->w, b->cap * sizeof *b->w);
    }
    b->w[b->n++] = v;
}

static sqlite3_int64 scalar(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *s;
    sqlite3_int64 v = 0;
    if (*rc != SQLITE_OK)
        return 0;
    *rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
    if (*rc != SQLITE_OK)
        return 0;
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    *rc = sqlite3_finalize(s);
    return v;
}

/* Append a list section (off[n + 1], then the values) from rows of (rid, position) in rid order. */
static void put_list(sqlite3 *db, const char *sql, uint32_t n, struct words *b, int *rc)
{
    sqlite3_stmt *s;
    if (*rc != SQLITE_OK || (*rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL)) != SQLITE_OK)
        return;
    uint32_t *count = xcalloc((size_t)n + 1, sizeof *count);
    struct words vals = {0};
    while (sqlite3_step(s) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(s, 0);
        if (rid >= 1 && rid <= n) {
            count[rid]++;
            put(&vals, (uint32_t)sqlite3_column_int64(s, 1));
        }
    }
    *rc = sqlite3_finalize(s);
    uint32_t at = 0;
    for (uint32_t i = 0; i <= n; i++) {
        put(b, at);
        if (i < n)
            at += count[i + 1];
    }
    for (size_t i = 0; i < vals.n; i++)
        put(b, vals.w[i]);
    free(vals.w);
    free(count);
}

/* A SQLite varint (the format of FTS5's %_docsize blobs); 0 bytes when it runs past end. */
static size_t get_varint(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < 9 && p + i < end; i++) {
        if (i == 8) {
            *v = (*v << 8) | p[i];
            return 9;
        }
        *v = (*v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80))
            return i + 1;
    }
    return 0;
}

/* Append the orders section: by_name in each language the file names entries in. */
static void put_orders(sqlite3 *db, uint32_t n, struct words *b, int *rc)
{
    sqlite3_stmt *langs, *order;
    if (*rc != SQLITE_OK)
        return;
    size_t count = b->n;
    put(b, 0);
    *rc = sqlite3_prepare_v2(db,
                             "SELECT DISTINCT lang FROM entry_tr WHERE key = 'name' AND pos = 0"
                             " ORDER BY lang",
                             -1, &langs, NULL);
    if (*rc != SQLITE_OK)
        return;
    /* A name's folded form is its translation row's extra (store_fill, fill_entry_tr). */
    *rc = sqlite3_prepare_v2(db,
                             "SELECT e.rid FROM entry e LEFT JOIN entry_tr t ON t.rid = e.rid"
                             " AND t.lang = ?1 AND t.key = 'name' AND t.pos = 0"
                             " ORDER BY coalesce(t.extra, e.sort_key), e.id, e.rid",
                             -1, &order, NULL);
    if (*rc != SQLITE_OK) {
        sqlite3_finalize(langs);
        return;
    }
    while (*rc == SQLITE_OK && sqlite3_step(langs) == SQLITE_ROW) {
        const unsigned char *tag = sqlite3_column_text(langs, 0);
        size_t len = (size_t)sqlite3_column_bytes(langs, 0);
        if (!tag || len == 0 || len > FACET_LANG_MAX)
            continue; /* no valid tag is this long: its readers keep the file's order */
        b->w[count]++;
        put(b, (uint32_t)len);
        for (size_t i = 0; i < len; i += 4) {
            uint32_t word = 0;
            for (size_t j = 0; j < 4 && i + j < len; j++)
                word |= (uint32_t)tag[i + j] << (8 * j);
            put(b, word);
        }
        size_t start = b->n;
        for (uint32_t i = 0; i < n; i++)
            put(b, 0);
        sqlite3_bind_text(order, 1, (const char *)tag, (int)len, SQLITE_TRANSIENT);
        uint32_t k = 0;
        int step;
        while ((step = sqlite3_step(order)) == SQLITE_ROW) {
            sqlite3_int64 rid = sqlite3_column_int64(order, 0);
            if (rid >= 1 && rid <= n && k < n)
                b->w[start + k++] = (uint32_t)rid;
        }
        *rc = step == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_reset(order);
    }
    sqlite3_finalize(order);
    int done = sqlite3_finalize(langs);
    if (*rc == SQLITE_OK)
        *rc = done;
}

/* Write the n words w as the facet row name: little-endian, whatever the machine's order. */
static int put_words(sqlite3 *db, const char *name, const uint32_t *w, size_t n)
{
    unsigned char *bytes = xmalloc(n ? n * 4 : 1);
    for (size_t i = 0; i < n; i++)
        for (int j = 0; j < 4; j++)
            bytes[4 * i + (size_t)j] = (unsigned char)(w[i] >> (8 * j));
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO facet VALUES (?, ?)", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_blob64(s, 2, bytes, (sqlite3_uint64)n * 4, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_finalize(s);
    }
    free(bytes);
    return rc;
}

int facet_build(sqlite3 *db)
{
    int rc = SQLITE_OK;
    uint32_t n = (uint32_t)scalar(db, "SELECT ifnull(max(rid), 0) FROM entry", &rc);
    struct words b = {0};
    put(&b, INDEX_MAGIC);
    put(&b, INDEX_VERSION);
    put(&b, n);
    put(&b, (uint32_t)scalar(db, "SELECT count(*) FROM region", &rc));
    put(&b, (uint32_t)scalar(db, "SELECT count(*) FROM goal", &rc));
    put(&b, (uint32_t)scalar(db, "SELECT count(*) FROM service", &rc));
    size_t attr = b.n, doclen = b.n + n, by_name = b.n + 2 * (size_t)n;
    for (size_t i = 0; i < 3 * (size_t)n; i++)
        put(&b, 0);
    static const char *const sql[] = {
            "SELECT rid, kind, spec FROM entry",
            "SELECT rid, delivery FROM entry_delivery",
            "SELECT id, sz FROM entry_fts_docsize",
            "SELECT rid FROM entry ORDER BY sort_key, id, rid",
    };
    for (int q = 0; q < 4 && rc == SQLITE_OK; q++) {
        sqlite3_stmt *s;
        if ((rc = sqlite3_prepare_v2(db, sql[q], -1, &s, NULL)) != SQLITE_OK)
            break;
        uint32_t k = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            sqlite3_int64 rid = sqlite3_column_int64(s, 0);
            if (rid < 1 || rid > n)
                continue;
            uint32_t *a = &b.w[attr + (size_t)rid - 1];
            if (q == 0) {
                const char *kind = (const char *)sqlite3_column_text(s, 1);
                *a |= terms_bits(&terms_kind, kind) | (uint32_t)sqlite3_column_int(s, 2) << 8;
            } else if (q == 1) {
                const char *d = (const char *)sqlite3_column_text(s, 1);
                *a |= terms_bits(&terms_delivery, d) << 3;
            } else if (q == 2) {
                const unsigned char *p = sqlite3_column_blob(s, 1);
                const unsigned char *end = p + sqlite3_column_bytes(s, 1);
                uint64_t total = 0, v;
                for (size_t used; p && p < end && (used = get_varint(p, end, &v)); p += used)
                    total += v;
                b.w[doclen + (size_t)rid - 1] = (uint32_t)total;
            } else if (k < n) {
                b.w[by_name + k++] = (uint32_t)rid;
            }
        }
        rc = sqlite3_finalize(s);
    }
    put_list(db,
             "SELECT er.rid, r.pos FROM entry_region er JOIN region r ON r.id = er.region"
             " ORDER BY er.rid, r.pos",
             n, &b, &rc);
    put_list(db,
             "SELECT eg.rid, g.pos FROM entry_goal eg JOIN goal g ON g.id = eg.goal"
             " ORDER BY eg.rid, g.pos",
             n, &b, &rc);
    put_list(db,
             "SELECT es.rid, s.pos FROM entry_service es JOIN service s ON s.id = es.service"
             " ORDER BY es.rid, s.pos",
             n, &b, &rc);
    put_orders(db, n, &b, &rc);
    if (rc == SQLITE_OK)
        rc = put_words(db, "lists", b.w, b.n);
    free(b.w);
    return rc;
}

/* ---- reading the index ---- */

/* Point l at a list section starting at w[*at]; false when it does not fit or is not ordered. */
static bool take_list(uint32_t *w, size_t len, size_t *at, uint32_t n, uint32_t limit,
                      struct facet_list *l)
{
    if (*at + n + 1 > len)
        return false;
    l->off = w + *at;
    if (l->off[0] != 0)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (l->off[i + 1] < l->off[i])
            return false;
    *at += (size_t)n + 1;
    if (*at + l->off[n] > len)
        return false;
    l->val = w + *at;
    for (uint32_t i = 0; i < l->off[n]; i++)
        if (l->val[i] >= limit)
            return false;
    *at += l->off[n];
    return true;
}

/* Read the orders section at w[*at] into f->orders; false when it does not fit or names a rid
 * out of range. */
static bool take_orders(uint32_t *w, size_t len, size_t *at, struct facets *f)
{
    if (*at >= len)
        return false;
    uint32_t count = w[(*at)++];
    /* Each order takes at least n + 2 words: a count past what is left is damage. */
    if (count > (len - *at) / ((size_t)f->n + 2))
        return false;
    f->orders = count ? xcalloc(count, sizeof *f->orders) : NULL;
    for (uint32_t o = 0; o < count; o++) {
        if (*at >= len)
            return false;
        uint32_t bytes = w[(*at)++];
        size_t words = ((size_t)bytes + 3) / 4;
        if (bytes == 0 || bytes > FACET_LANG_MAX || words > len - *at)
            return false;
        struct facet_order *ord = &f->orders[o];
        for (uint32_t j = 0; j < bytes; j++) {
            char c = (char)(w[*at + j / 4] >> (8 * (j % 4)));
            if (!c)
                return false;
            ord->lang[j] = c;
        }
        *at += words;
        if (f->n > len - *at)
            return false;
        ord->rids = w + *at;
        for (uint32_t i = 0; i < f->n; i++)
            if (ord->rids[i] < 1 || ord->rids[i] > f->n)
                return false;
        *at += f->n;
        f->n_orders = o + 1;
    }
    return true;
}

bool facet_load(sqlite3 *db, struct facets *f)
{
    *f = (struct facets){0};
    sqlite3_stmt *s;
    sqlite3_int64 row = -1;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM facet WHERE name = 'lists'", -1, &s, NULL) !=
        SQLITE_OK)
        return false;
    if (sqlite3_step(s) == SQLITE_ROW)
        row = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_blob *blob;
    if (row < 0 || sqlite3_blob_open(db, "main", "facet", "data", row, 0, &blob) != SQLITE_OK)
        return false;
    int bytes = sqlite3_blob_bytes(blob);
    size_t len = (size_t)bytes / 4;
    uint32_t *w = len >= INDEX_HEADER ? xmalloc(len * sizeof *w) : NULL;
    bool ok = w && bytes % 4 == 0 && sqlite3_blob_read(blob, w, bytes, 0) == SQLITE_OK;
    sqlite3_blob_close(blob);
    const union {
        uint32_t u;
        unsigned char c[4];
    } probe = {1};
    if (ok && probe.c[0] != 1) /* a big-endian host reads the little-endian words swapped */
        for (size_t i = 0; i < len; i++)
            w[i] = (w[i] >> 24) | ((w[i] >> 8) & 0xff00u) | ((w[i] << 8) & 0xff0000u) |
                   (w[i] << 24);
    ok = ok && w[0] == INDEX_MAGIC && w[1] == INDEX_VERSION;
    uint32_t n = ok ? w[2] : 0;
    size_t at = INDEX_HEADER + 3 * (size_t)n;
    ok = ok && at <= len;
    if (ok) {
        *f = (struct facets){.n = n,
                             .n_regions = w[3],
                             .n_goals = w[4],
                             .n_services = w[5],
                             .attr = w + INDEX_HEADER,
                             .doclen = w + INDEX_HEADER + n,
                             .by_name = w + INDEX_HEADER + 2 * (size_t)n,
                             .words = w};
        for (uint32_t i = 0; ok && i < n; i++)
            ok = f->by_name[i] >= 1 && f->by_name[i] <= n;
        ok = ok && take_list(w, len, &at, n, f->n_regions, &f->regions) &&
             take_list(w, len, &at, n, f->n_goals, &f->goals) &&
             take_list(w, len, &at, n, f->n_services, &f->services) && take_orders(w, len, &at, f);
        ok = ok && at == len;
    }
    if (!ok) {
        free(f->orders);
        free(w);
        *f = (struct facets){0};
    }
    return ok;
}

const uint32_t *facet_order_for(const struct facets *f, const char *lang)
{
    if (lang)
        for (uint32_t i = 0; i < f->n_orders; i++)
            if (strcmp(f->orders[i].lang, lang) == 0)
                return f->orders[i].rids;
    return f->by_name;
}

void facet_finish(struct facets *f)
{
    free(f->orders);
    free(f->words);
    *f = (struct facets){0};
}

/* ---- the dates facts were checked on (Home's count of old facts) ---- */

/* How many entries were last checked (verified, else as_of) on each date: the row 'dated' of
 * facet, so that counting the entries older than a cutoff reads a few hundred dates instead of
 * every entry (a scan of the table: 300 ms at 100,000 entries, on every start of the
 * interactive program). The blob is little-endian 32-bit words: magic, version, the number of
 * dates; then for each date in ascending order its count, its length in bytes and its bytes,
 * padded to a word. The dates are as query_count_older compares them: a year or a month counts
 * from its first day. A cache written before this row existed has none: the count scans. */

#define DATED_MAGIC   0x44505449u /* "ITPD" */
#define DATED_VERSION 1u

int facet_build_dated(sqlite3 *db)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT d, count(*) FROM (SELECT coalesce(verified, as_of)"
                                " || substr('-01-01', length(coalesce(verified, as_of)) - 3) d"
                                " FROM entry) WHERE d IS NOT NULL GROUP BY d ORDER BY d",
                                -1, &s, NULL);
    if (rc != SQLITE_OK)
        return rc;
    struct words b = {0};
    put(&b, DATED_MAGIC);
    put(&b, DATED_VERSION);
    put(&b, 0);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const unsigned char *d = sqlite3_column_text(s, 0);
        uint32_t len = (uint32_t)sqlite3_column_bytes(s, 0);
        put(&b, (uint32_t)sqlite3_column_int64(s, 1));
        put(&b, len);
        for (uint32_t i = 0; i < len; i += 4) {
            uint32_t w = 0;
            for (uint32_t j = 0; j < 4 && i + j < len; j++)
                w |= (uint32_t)d[i + j] << (8 * j);
            put(&b, w);
        }
        b.w[2]++;
    }
    rc = rc == SQLITE_DONE ? sqlite3_finalize(s) : (sqlite3_finalize(s), rc);
    if (rc == SQLITE_OK)
        rc = put_words(db, "dated", b.w, b.n);
    free(b.w);
    return rc;
}

/* A little-endian word of the blob at byte i. */
static uint32_t word_at(const unsigned char *p, size_t i)
{
    return (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 |
           (uint32_t)p[i + 3] << 24;
}

/* Whether date (len bytes) sorts before cutoff as SQLite's BINARY collation sorts text. */
static bool bytes_before(const unsigned char *date, size_t len, const char *cutoff)
{
    size_t clen = strlen(cutoff);
    int c = memcmp(date, cutoff, len < clen ? len : clen);
    return c < 0 || (c == 0 && len < clen);
}

int facet_count_dated_before(sqlite3 *db, const char *cutoff, size_t *count)
{
    *count = 0;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "SELECT data FROM facet WHERE name = 'dated'", -1, &s, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(s);
        return rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc;
    }
    const unsigned char *p = sqlite3_column_blob(s, 0);
    size_t len = (size_t)sqlite3_column_bytes(s, 0), at = 12, total = 0;
    bool ok = p && len >= 12 && len % 4 == 0 && word_at(p, 0) == DATED_MAGIC &&
              word_at(p, 4) == DATED_VERSION;
    uint32_t groups = ok ? word_at(p, 8) : 0;
    for (uint32_t g = 0; ok && g < groups; g++) {
        ok = at + 8 <= len;
        uint32_t n = ok ? word_at(p, at) : 0, dlen = ok ? word_at(p, at + 4) : 0;
        size_t padded = ((size_t)dlen + 3) / 4 * 4;
        ok = ok && padded <= len - at - 8;
        if (ok && bytes_before(p + at + 8, dlen, cutoff))
            total += n;
        at += 8 + padded;
    }
    ok = ok && at == len;
    rc = sqlite3_finalize(s);
    if (rc == SQLITE_OK && !ok)
        rc = SQLITE_CORRUPT;
    if (rc == SQLITE_OK)
        *count = total;
    return rc;
}

/* ---- the entries a short prefix begins a word of (one- and two-letter searches) ---- */

/* A search for one or two letters matches nearly every entry of a large directory ("m": 99% of
 * 100,000, "me" 95%), and FTS5 walks that prefix's whole doclist to find the ones the filters
 * keep (12 ms of CPU at 100,000, before ranking them). The row 'initials' of facet holds, for
 * each ASCII letter and digit and for each two of them that begin a word in a quarter of the
 * entries or more (judged on the first SAMPLE rids), the entries FTS5 finds for it ('"me"*',
 * everything the search would find) and those it finds in their name ('name : "me"*'), as
 * bitmaps over the rids, made by those very queries when the store is built: a search reads one
 * prefix's two bitmaps (25 KB at 100,000 entries). Little-endian 32-bit words: magic, version,
 * n (entries), k (prefixes), nw (the words of a bitmap: bit r of word r / 32 is rid r); the k
 * prefixes, one a word (their bytes, the first lowest), ascending; then for each prefix, in
 * that order, its bitmap of matches and its bitmap of matches in the name. Built only for a
 * directory of min_entries or more, where the walk costs; a smaller one has no row. */

#define INITIALS_MAGIC   0x49505449u /* "ITPI" */
#define INITIALS_VERSION 2u
#define INITIALS_HEADER  5u
#define INITIALS_MAX     (36u + 36u * 36u)
#define SAMPLE           4096

static const char INITIALS[] = "0123456789abcdefghijklmnopqrstuvwxyz";
#define N_INITIALS (sizeof INITIALS - 1)

/* A prefix of one or two bytes as a word. */
static uint32_t prefix_word(const char *p)
{
    return (uint32_t)(unsigned char)p[0] | (p[0] ? (uint32_t)(unsigned char)p[1] << 8 : 0);
}

/* Set the bit of every rid (at most n) that the FTS5 expression expr matches. */
static int mark_matches(sqlite3_stmt *s, const char *expr, uint32_t n, uint32_t *bits)
{
    sqlite3_bind_text(s, 1, expr, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(s, 0);
        if (rid >= 1 && rid <= n)
            bits[rid / 32] |= 1u << (rid % 32);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The prefixes the row keeps, ascending, into keys (INITIALS_MAX): every letter and digit, and
 * the pairs that begin a word in a quarter of the first SAMPLE rids or more. */
static int choose_prefixes(sqlite3 *db, uint32_t n, char (*keys)[3], size_t *k)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?"
                                " AND rowid <= ?",
                                -1, &s, NULL);
    uint32_t sample = n < SAMPLE ? n : SAMPLE;
    *k = 0;
    for (size_t i = 0; rc == SQLITE_OK && i < N_INITIALS; i++) {
        keys[(*k)][0] = INITIALS[i];
        keys[(*k)++][1] = '\0';
        for (size_t j = 0; rc == SQLITE_OK && j < N_INITIALS; j++) {
            char expr[16];
            snprintf(expr, sizeof expr, "\"%c%c\"*", INITIALS[i], INITIALS[j]);
            sqlite3_bind_text(s, 1, expr, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 2, sample);
            if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
                rc = SQLITE_OK;
                if ((uint64_t)sqlite3_column_int64(s, 0) * 4 >= sample && sample) {
                    keys[*k][0] = INITIALS[i];
                    keys[*k][1] = INITIALS[j];
                    keys[(*k)++][2] = '\0';
                }
            }
            sqlite3_reset(s);
        }
    }
    sqlite3_finalize(s);
    return rc;
}

int facet_build_initials(sqlite3 *db, uint32_t min_entries)
{
    int rc = SQLITE_OK;
    uint32_t n = (uint32_t)scalar(db, "SELECT ifnull(max(rid), 0) FROM entry", &rc);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "DELETE FROM facet WHERE name = 'initials'", NULL, NULL, NULL);
    if (rc != SQLITE_OK || n < min_entries || n == 0)
        return rc;
    char(*keys)[3] = xcalloc(INITIALS_MAX, sizeof *keys);
    size_t k = 0;
    rc = choose_prefixes(db, n, keys, &k);
    size_t nw = (size_t)n / 32 + 1, len = INITIALS_HEADER + k + 2 * k * nw;
    uint32_t *w = xcalloc(len, sizeof *w);
    w[0] = INITIALS_MAGIC;
    w[1] = INITIALS_VERSION;
    w[2] = n;
    w[3] = (uint32_t)k;
    w[4] = (uint32_t)nw;
    for (size_t i = 0; i < k; i++)
        w[INITIALS_HEADER + i] = prefix_word(keys[i]);
    sqlite3_stmt *s = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?", -1, &s,
                                NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < k; i++) {
        uint32_t *any = w + INITIALS_HEADER + k + 2 * i * nw;
        char expr[32];
        snprintf(expr, sizeof expr, "\"%s\"*", keys[i]);
        rc = mark_matches(s, expr, n, any);
        snprintf(expr, sizeof expr, "name : \"%s\"*", keys[i]);
        if (rc == SQLITE_OK)
            rc = mark_matches(s, expr, n, any + nw);
    }
    sqlite3_finalize(s);
    free(keys);
    if (rc == SQLITE_OK)
        rc = put_words(db, "initials", w, len);
    free(w);
    return rc;
}

int facet_initial(sqlite3 *db, const char *prefix, uint32_t n, uint32_t **any, uint32_t **name)
{
    *any = *name = NULL;
    if (!prefix || !prefix[0] || (prefix[1] && prefix[2]))
        return SQLITE_NOTFOUND;
    sqlite3_stmt *s;
    sqlite3_int64 row = -1;
    int rc =
            sqlite3_prepare_v2(db, "SELECT rowid FROM facet WHERE name = 'initials'", -1, &s, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        row = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc;
    sqlite3_blob *blob;
    if ((rc = sqlite3_blob_open(db, "main", "facet", "data", row, 0, &blob)) != SQLITE_OK)
        return rc;
    unsigned char head[4 * INITIALS_HEADER];
    size_t nw = (size_t)n / 32 + 1, k = 0;
    int bytes = sqlite3_blob_bytes(blob);
    rc = bytes >= (int)sizeof head ? sqlite3_blob_read(blob, head, (int)sizeof head, 0)
                                   : SQLITE_CORRUPT;
    if (rc == SQLITE_OK) {
        k = word_at(head, 12);
        if (word_at(head, 0) != INITIALS_MAGIC || word_at(head, 4) != INITIALS_VERSION ||
            word_at(head, 8) != n || k > INITIALS_MAX || word_at(head, 16) != nw ||
            (size_t)bytes != 4 * (INITIALS_HEADER + k + 2 * k * nw))
            rc = SQLITE_CORRUPT;
    }
    /* The prefix's place among the k, ascending. */
    unsigned char *dir = rc == SQLITE_OK ? xmalloc(4 * k + 1) : NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_read(blob, dir, (int)(4 * k), 4 * INITIALS_HEADER);
    uint32_t want = prefix_word(prefix);
    size_t at = k;
    for (size_t i = 0; rc == SQLITE_OK && i < k && at == k; i++)
        if (word_at(dir, 4 * i) == want)
            at = i;
    free(dir);
    if (rc == SQLITE_OK && at == k)
        rc = SQLITE_NOTFOUND;
    unsigned char *raw = rc == SQLITE_OK ? xmalloc(8 * nw) : NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_read(blob, raw, (int)(8 * nw),
                               (int)(4 * (INITIALS_HEADER + k + 2 * at * nw)));
    sqlite3_blob_close(blob);
    if (rc == SQLITE_OK) {
        uint32_t *w = xmalloc(2 * nw * sizeof *w);
        for (size_t i = 0; i < 2 * nw; i++)
            w[i] = word_at(raw, 4 * i);
        *any = w;
        *name = xmalloc(nw * sizeof **name);
        memcpy(*name, w + nw, nw * sizeof **name);
    }
    free(raw);
    return rc;
}
