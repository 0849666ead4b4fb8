/* facet.c: the packed index lists are filtered through: its format, its builder and its
 * loader. */
#include "facet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "terms.h"
#include "util.h"

/* Lists are filtered in C over a packed index of every entry's kind and delivery, the entries of
 * each region, goal and service, and a precomputed name order: a few reads when the store opens,
 * then a millisecond a filter change at 100,000 entries, where the equivalent SQL joins took 50
 * to 200 ms and the full-text join planned badly enough to take seconds (bench/README.md). Words
 * still go through FTS5, ranked by the bm25 formula but with the document lengths kept here
 * rather than looked up row by row.
 *
 * The index is rows of the table facet, each read only when a query needs it: a list in a region
 * reads that region's entries and those of the regions above it, not every entry's regions; an
 * English reader no French order; a list without words no document lengths. (One blob of all of
 * it was 4.6 MB at 100,000 entries, read whole by every process: a third of a search's time,
 * mostly the page faults of the fresh memory it was read into. A list in Ontario for one goal
 * now reads 0.55 MB, 0.65 with words.) Every number is little-endian.
 *
 * The row 'lists' says what the others hold, in 32-bit words: magic, version, n (entries, rids
 * 1..n), regions, goals, services (rows of those tables), the number of languages other than
 * the file's that name entries, and for each (in the order of their tags) the tag's length in
 * bytes (1 to FACET_LANG_MAX) and the tag in ceil(length / 4) words (its bytes, the first
 * lowest, the last word padded with zeros); then the end mark, ~magic.
 *
 * The other rows are arrays of numbers: ARRAY_MAGIC, version, n, the number of arrays, then for
 * each array its count and its width (1 to 4 bytes: the fewest that hold its largest number),
 * its numbers in that many bytes each, padded with zeros to a multiple of four bytes; then the
 * end mark ~ARRAY_MAGIC. A row of another length, or of another n, is damaged.
 *   'lists.attr'      attr[n]: kind bits | delivery bits << 3 | spec << 8 (spec: the depth of its
 *                     deepest region);
 *   'lists.doclen'    doclen[n]: the tokens FTS5 counted in the entry (its %_docsize row, summed);
 *   'lists.by_name'   by_name[n]: rids in the order of (sort_key, id, rid);
 *   'lists.order.TAG' for each language the row 'lists' names: rids in the order of (the name in
 *                     that language, folded, else sort_key; id; rid), so a French reader's lists
 *                     are in the order of the names they read;
 *   'post.region.P'   for the region at position P: the rids of the entries in it or in a region
 *                     under it, ascending, and (a second array) the depth of each one's deepest
 *                     region there;
 *   'post.direct.P'   the rids of the entries that name region P itself;
 *   'post.goal.P', 'post.service.P': the rids of the entries with goal (service) P;
 *   'post.kind.K'     the rids of the entries of kind bit K (0 group, 1 program, 2 pathway).
 * A row of postings exists for every position, empty or not: a missing one is damage.
 * Entry i (0-based) is rid i + 1. */

#define INDEX_MAGIC   0x46505449u /* "ITPF" */
#define INDEX_VERSION 4u
#define INDEX_HEADER  7u
#define ARRAY_MAGIC   0x41505449u /* "ITPA" */

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

/* The statement every row of facet is written with (new_row): INSERT OR REPLACE, name and data. */
static int new_row(sqlite3 *db, sqlite3_stmt **ins)
{
    return sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO facet VALUES (?, ?)", -1, ins, NULL);
}

/* Write the n bytes p as the facet row name, with ins (new_row): one statement for the hundreds
 * of rows a build writes (a region's postings are a row each). */
static int put_row(sqlite3_stmt *ins, const char *name, const unsigned char *p, size_t n)
{
    sqlite3_bind_text(ins, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_blob64(ins, 2, p, (sqlite3_uint64)n, SQLITE_STATIC);
    int rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(sqlite3_db_handle(ins));
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    return rc;
}

/* Write the n words w as the facet row name: little-endian, whatever the machine's order. */
static int put_words(sqlite3_stmt *ins, const char *name, const uint32_t *w, size_t n)
{
    unsigned char *bytes = xmalloc(n ? n * 4 : 1);
    for (size_t i = 0; i < n; i++)
        for (int j = 0; j < 4; j++)
            bytes[4 * i + (size_t)j] = (unsigned char)(w[i] >> (8 * j));
    int rc = put_row(ins, name, bytes, n * 4);
    free(bytes);
    return rc;
}

/* A row of arrays being written: its bytes. */
struct packed {
    unsigned char *p;
    size_t n, cap;
};

static void pack_bytes(struct packed *b, uint32_t v, unsigned width)
{
    if (b->n + width > b->cap) {
        b->cap = b->cap ? 2 * b->cap + width : 4096;
        b->p = xrealloc(b->p, b->cap);
    }
    for (unsigned j = 0; j < width; j++)
        b->p[b->n++] = (unsigned char)(v >> (8 * j));
}

/* Append count numbers v to a row, each in the fewest bytes that hold the largest. */
static void pack_array(struct packed *b, const uint32_t *v, size_t count)
{
    uint32_t max = 0;
    for (size_t i = 0; i < count; i++)
        if (v[i] > max)
            max = v[i];
    unsigned width = max > 0xffffffu ? 4 : max > 0xffffu ? 3 : max > 0xffu ? 2 : 1;
    pack_bytes(b, (uint32_t)count, 4);
    pack_bytes(b, width, 4);
    for (size_t i = 0; i < count; i++)
        pack_bytes(b, v[i], width);
    while (b->n % 4)
        pack_bytes(b, 0, 1);
}

/* Write the arrays v[k] (count[k] numbers each) as the row name. */
static int put_arrays(sqlite3_stmt *ins, const char *name, uint32_t n, const uint32_t *const *v,
                      const size_t *count, uint32_t arrays)
{
    struct packed b = {0};
    pack_bytes(&b, ARRAY_MAGIC, 4);
    pack_bytes(&b, INDEX_VERSION, 4);
    pack_bytes(&b, n, 4);
    pack_bytes(&b, arrays, 4);
    for (uint32_t k = 0; k < arrays; k++)
        pack_array(&b, v[k], count[k]);
    pack_bytes(&b, ~ARRAY_MAGIC, 4);
    int rc = put_row(ins, name, b.p, b.n);
    free(b.p);
    return rc;
}

static int put_array(sqlite3_stmt *ins, const char *name, uint32_t n, const uint32_t *v)
{
    size_t count = n;
    return put_arrays(ins, name, n, &v, &count, 1);
}

/* (rid, position) pairs in rid order: the entries' regions, goals or services, as positions in
 * those tables; each the rid's step from the last one and the position, as varints (2.5 bytes a
 * pair against 8: they are held through the pass, and a first run's peak must not grow with the
 * file, bench/README.md). */
struct pairs {
    unsigned char *p;
    size_t len, cap;
    uint32_t last; /* the last rid added */
};

static void put_varint(struct pairs *p, uint32_t v)
{
    if (p->cap - p->len < 10) {
        p->cap = p->cap ? p->cap + p->cap / 2 : 4096;
        p->p = xrealloc(p->p, p->cap);
    }
    do {
        unsigned char b = v & 0x7f;
        v >>= 7;
        p->p[p->len++] = (unsigned char)(b | (v ? 0x80 : 0));
    } while (v);
}

static void pair_add(struct pairs *p, uint32_t rid, uint32_t pos)
{
    put_varint(p, rid - p->last);
    put_varint(p, pos);
    p->last = rid;
}

/* Reading pairs back: at is where the next one starts (0 first). */
struct pair_reader {
    const struct pairs *pairs;
    size_t at;
    uint32_t rid;
};

static uint32_t get_pair_varint(struct pair_reader *r)
{
    uint32_t v = 0;
    for (unsigned shift = 0; r->at < r->pairs->len && shift < 35; shift += 7) {
        unsigned char b = r->pairs->p[r->at++];
        v |= (uint32_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    return v;
}

static bool pair_next(struct pair_reader *r, uint32_t *rid, uint32_t *pos)
{
    if (r->at >= r->pairs->len)
        return false;
    r->rid += get_pair_varint(r);
    *rid = r->rid;
    *pos = get_pair_varint(r);
    return true;
}

static void pairs_finish(struct pairs *p)
{
    free(p->p);
    *p = (struct pairs){0};
}

/* The pairs a query of (rid, position) gives, in its order. */
static void pairs_of(sqlite3 *db, const char *sql, struct pairs *out, int *rc)
{
    sqlite3_stmt *s;
    if (*rc != SQLITE_OK || (*rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL)) != SQLITE_OK)
        return;
    while (sqlite3_step(s) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(s, 0), p = sqlite3_column_int64(s, 1);
        if (rid >= out->last && rid <= UINT32_MAX && p >= 0 && p <= UINT32_MAX)
            pair_add(out, (uint32_t)rid, (uint32_t)p);
    }
    *rc = sqlite3_finalize(s);
}

/* Write each row of postings of prefix (PREFIX.POS for each of n_rows positions) from pairs in
 * rid order: the rids that name that position, ascending. */
static void put_direct(sqlite3_stmt *ins, const char *prefix, const struct pairs *pairs, uint32_t n,
                       uint32_t n_rows, int *rc)
{
    if (*rc != SQLITE_OK)
        return;
    struct words *post = xcalloc((size_t)n_rows + 1, sizeof *post);
    struct pair_reader r = {.pairs = pairs};
    for (uint32_t rid, p; pair_next(&r, &rid, &p);) {
        if (rid >= 1 && rid <= n && p < n_rows && (!post[p].n || post[p].w[post[p].n - 1] != rid))
            put(&post[p], rid);
    }
    for (uint32_t p = 0; p < n_rows && *rc == SQLITE_OK; p++) {
        char name[64];
        snprintf(name, sizeof name, "%s.%u", prefix, p);
        static const uint32_t none[1] = {0};
        const uint32_t *v = post[p].w ? post[p].w : none;
        size_t count = post[p].n;
        *rc = put_arrays(ins, name, n, &v, &count, 1);
    }
    for (uint32_t p = 0; p < n_rows; p++)
        free(post[p].w);
    free(post);
}

/* Write the rows 'post.region.P': for each region, every entry in it or in a region under it
 * (ascending), and the depth of the deepest of that entry's regions there; from the entries'
 * regions (pairs in rid order). */
static void put_region_closure(sqlite3 *db, sqlite3_stmt *ins, uint32_t n, uint32_t n_regions,
                               const struct pairs *pairs, int *rc)
{
    sqlite3_stmt *s;
    if (*rc != SQLITE_OK || n_regions == 0)
        return;
    /* Each region's parent (its position, or n_regions at the top) and depth. */
    uint32_t *parent = xmalloc((size_t)n_regions * sizeof *parent);
    uint32_t *depth = xcalloc(n_regions, sizeof *depth);
    for (uint32_t p = 0; p < n_regions; p++)
        parent[p] = n_regions;
    *rc = sqlite3_prepare_v2(db,
                             "SELECT r.pos, r.depth, p.pos FROM region r"
                             " LEFT JOIN region p ON p.id = r.parent",
                             -1, &s, NULL);
    if (*rc == SQLITE_OK) {
        while (sqlite3_step(s) == SQLITE_ROW) {
            sqlite3_int64 p = sqlite3_column_int64(s, 0), up = sqlite3_column_int64(s, 2);
            if (p < 0 || p >= n_regions)
                continue;
            depth[p] = (uint32_t)sqlite3_column_int64(s, 1);
            if (sqlite3_column_type(s, 2) != SQLITE_NULL && up >= 0 && up < n_regions)
                parent[p] = (uint32_t)up;
        }
        *rc = sqlite3_finalize(s);
    }
    struct words *rids = xcalloc(n_regions, sizeof *rids), *deep = xcalloc(n_regions, sizeof *deep);
    /* best[a]: the deepest of the current entry's regions under a, + 1 (0: none yet). */
    uint32_t *best = xcalloc(n_regions, sizeof *best);
    struct words touched = {0};
    uint32_t current = 0;
    struct pair_reader r = {.pairs = pairs};
    for (bool more = true; *rc == SQLITE_OK && more;) {
        uint32_t rid = 0, p = n_regions;
        more = pair_next(&r, &rid, &p);
        if (!more || rid != current) {
            /* The last entry's regions are all seen: it goes under each region touched. */
            for (size_t t = 0; t < touched.n; t++) {
                uint32_t a = touched.w[t];
                put(&rids[a], current);
                put(&deep[a], best[a] - 1);
                best[a] = 0;
            }
            touched.n = 0;
            current = rid;
        }
        if (!more || rid < 1 || rid > n || p >= n_regions)
            continue;
        /* The region and each above it (a tree of at most 16 levels: spec/dataset.md). */
        for (uint32_t a = p, hops = 0; a < n_regions && hops <= n_regions; a = parent[a], hops++) {
            if (!best[a])
                put(&touched, a);
            if (depth[p] + 1 > best[a])
                best[a] = depth[p] + 1;
        }
    }
    for (uint32_t a = 0; a < n_regions && *rc == SQLITE_OK; a++) {
        char name[64];
        snprintf(name, sizeof name, "post.region.%u", a);
        static const uint32_t none[1] = {0};
        const uint32_t *v[2] = {rids[a].w ? rids[a].w : none, deep[a].w ? deep[a].w : none};
        size_t count[2] = {rids[a].n, deep[a].n};
        *rc = put_arrays(ins, name, n, v, count, 2);
    }
    for (uint32_t a = 0; a < n_regions; a++) {
        free(rids[a].w);
        free(deep[a].w);
    }
    free(rids);
    free(deep);
    free(best);
    free(touched.w);
    free(parent);
    free(depth);
}

/* What the rows of the index are made from, read back from the tables (facet_build) or gathered
 * as the entries were filled (facet_gather): each entry's attr and the name order (n each), and
 * the entries' regions, goals and services. */
struct facet_src {
    uint32_t n;
    uint32_t *attr, *by_name;
    struct pairs region, goal, service;
};

/* The postings: 'post.region.P' (put_region_closure), 'post.direct.P' (the entries that name
 * region P itself), 'post.goal.P' and 'post.service.P', for every position P of those tables,
 * empty ones too (a missing row is damage). */
static void put_postings(sqlite3 *db, sqlite3_stmt *ins, const struct facet_src *src,
                         uint32_t n_regions, uint32_t n_goals, uint32_t n_services, int *rc)
{
    put_region_closure(db, ins, src->n, n_regions, &src->region, rc);
    put_direct(ins, "post.direct", &src->region, src->n, n_regions, rc);
    put_direct(ins, "post.goal", &src->goal, src->n, n_goals, rc);
    put_direct(ins, "post.service", &src->service, src->n, n_services, rc);
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

/* Write a row 'lists.order.TAG' for each language the file names entries in, and their tags
 * (length, then the tag's words) after their count in the header b. */
static void put_orders(sqlite3 *db, sqlite3_stmt *ins, uint32_t n, struct words *b, int *rc)
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
    uint32_t *rids = xcalloc((size_t)n + 1, sizeof *rids);
    while (*rc == SQLITE_OK && sqlite3_step(langs) == SQLITE_ROW) {
        const unsigned char *tag = sqlite3_column_text(langs, 0);
        size_t len = (size_t)sqlite3_column_bytes(langs, 0);
        if (!tag || len == 0 || len > FACET_LANG_MAX || memchr(tag, '\0', len))
            continue; /* no valid tag is this long: its readers keep the file's order */
        b->w[count]++;
        put(b, (uint32_t)len);
        for (size_t i = 0; i < len; i += 4) {
            uint32_t word = 0;
            for (size_t j = 0; j < 4 && i + j < len; j++)
                word |= (uint32_t)tag[i + j] << (8 * j);
            put(b, word);
        }
        memset(rids, 0, (size_t)n * sizeof *rids);
        sqlite3_bind_text(order, 1, (const char *)tag, (int)len, SQLITE_TRANSIENT);
        uint32_t k = 0;
        int step;
        while ((step = sqlite3_step(order)) == SQLITE_ROW) {
            sqlite3_int64 rid = sqlite3_column_int64(order, 0);
            if (rid >= 1 && rid <= n && k < n)
                rids[k++] = (uint32_t)rid;
        }
        *rc = step == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_reset(order);
        char *name = xasprintf("lists.order.%.*s", (int)len, (const char *)tag);
        if (*rc == SQLITE_OK)
            *rc = put_array(ins, name, n, rids);
        free(name);
    }
    free(rids);
    sqlite3_finalize(order);
    int done = sqlite3_finalize(langs);
    if (*rc == SQLITE_OK)
        *rc = done;
}

/* src's name order: rids by (sort_key, id, rid). From the table: kept in memory for the pass,
 * the names took 7 MB at 100,000 entries, and a first run's peak is bounded (bench/README.md). */
static void by_name(sqlite3 *db, struct facet_src *src, int *rc)
{
    sqlite3_stmt *s;
    if (*rc != SQLITE_OK ||
        (*rc = sqlite3_prepare_v2(db, "SELECT rid FROM entry ORDER BY sort_key, id, rid", -1, &s,
                                  NULL)) != SQLITE_OK)
        return;
    uint32_t k = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(s, 0);
        if (rid >= 1 && rid <= src->n && k < src->n)
            src->by_name[k++] = (uint32_t)rid;
    }
    *rc = sqlite3_finalize(s);
}

/* Write every row of the index but those from the words, from src. */
static int facet_write(sqlite3 *db, const struct facet_src *src)
{
    sqlite3_stmt *ins;
    int rc = new_row(db, &ins);
    if (rc != SQLITE_OK)
        return rc;
    uint32_t n = src->n;
    uint32_t n_regions = (uint32_t)scalar(db, "SELECT count(*) FROM region", &rc);
    uint32_t n_goals = (uint32_t)scalar(db, "SELECT count(*) FROM goal", &rc);
    uint32_t n_services = (uint32_t)scalar(db, "SELECT count(*) FROM service", &rc);
    struct words b = {0};
    put(&b, INDEX_MAGIC);
    put(&b, INDEX_VERSION);
    put(&b, n);
    put(&b, n_regions);
    put(&b, n_goals);
    put(&b, n_services);
    if (rc == SQLITE_OK)
        rc = put_array(ins, "lists.attr", n, src->attr);
    /* Each kind's entries: a list of pathways in a region filters by these, not by every
     * entry's attr. */
    for (uint32_t k = 0; k < 3 && rc == SQLITE_OK; k++) {
        struct words post = {0};
        for (uint32_t i = 0; i < n; i++)
            if (facet_kind(src->attr[i]) & 1u << k)
                put(&post, i + 1);
        char name[64];
        snprintf(name, sizeof name, "post.kind.%u", k);
        static const uint32_t none[1] = {0};
        const uint32_t *v = post.w ? post.w : none;
        size_t count = post.n;
        rc = put_arrays(ins, name, n, &v, &count, 1);
        free(post.w);
    }
    if (rc == SQLITE_OK)
        rc = put_array(ins, "lists.by_name", n, src->by_name);
    put_postings(db, ins, src, n_regions, n_goals, n_services, &rc);
    put_orders(db, ins, n, &b, &rc);
    put(&b, ~INDEX_MAGIC);
    if (rc == SQLITE_OK)
        rc = put_words(ins, "lists", b.w, b.n);
    free(b.w);
    sqlite3_finalize(ins);
    return rc;
}

int facet_build(sqlite3 *db)
{
    int rc = SQLITE_OK;
    struct facet_src src = {0};
    src.n = (uint32_t)scalar(db, "SELECT ifnull(max(rid), 0) FROM entry", &rc);
    uint32_t n = src.n;
    src.attr = xcalloc((size_t)n + 1, sizeof *src.attr);
    src.by_name = xcalloc((size_t)n + 1, sizeof *src.by_name);
    static const char *const sql[] = {
            "SELECT rid, kind, spec FROM entry",
            "SELECT rid, delivery FROM entry_delivery",
    };
    for (int q = 0; q < 2 && rc == SQLITE_OK; q++) {
        sqlite3_stmt *s;
        if ((rc = sqlite3_prepare_v2(db, sql[q], -1, &s, NULL)) != SQLITE_OK)
            break;
        while (sqlite3_step(s) == SQLITE_ROW) {
            sqlite3_int64 rid = sqlite3_column_int64(s, 0);
            if (rid < 1 || rid > n)
                continue;
            uint32_t *a = &src.attr[rid - 1];
            if (q == 0) {
                const char *kind = (const char *)sqlite3_column_text(s, 1);
                *a |= terms_bits(&terms_kind, kind) | (uint32_t)sqlite3_column_int(s, 2) << 8;
            } else {
                const char *d = (const char *)sqlite3_column_text(s, 1);
                *a |= terms_bits(&terms_delivery, d) << 3;
            }
        }
        rc = sqlite3_finalize(s);
    }
    by_name(db, &src, &rc);
    pairs_of(db,
             "SELECT er.rid, r.pos FROM entry_region er JOIN region r ON r.id = er.region"
             " ORDER BY er.rid",
             &src.region, &rc);
    pairs_of(db,
             "SELECT eg.rid, g.pos FROM entry_goal eg JOIN goal g ON g.id = eg.goal"
             " ORDER BY eg.rid",
             &src.goal, &rc);
    pairs_of(db,
             "SELECT es.rid, s.pos FROM entry_service es JOIN service s ON s.id = es.service"
             " ORDER BY es.rid",
             &src.service, &rc);
    if (rc == SQLITE_OK)
        rc = facet_write(db, &src);
    free(src.attr);
    free(src.by_name);
    pairs_finish(&src.region);
    pairs_finish(&src.goal);
    pairs_finish(&src.service);
    return rc;
}

/* ---- the same rows, gathered as the entries are filled ---- */

/* Reading the tables back for the index took 0.8 s after the last entry at 100,000 entries
 * (bench/README.md), while everything else waited; gathered as each entry is filled it costs a
 * tenth of that, in the pass. An entry's goals and services are kept by their ids (their lists
 * may come after the entries in the file) and placed once every list is in. */

/* Ids, each once, in the order first met. */
struct names {
    char **id;
    size_t n, cap;
};

static uint32_t name_of(struct names *s, const char *id)
{
    for (size_t i = s->n; i-- > 0;)
        if (strcmp(s->id[i], id) == 0)
            return (uint32_t)i;
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->id = xrealloc(s->id, s->cap * sizeof *s->id);
    }
    s->id[s->n] = xstrdup(id);
    return (uint32_t)s->n++;
}

struct facet_gather {
    uint32_t n;
    struct words attr;
    struct pairs region, goal, service; /* goals and services by their place in the names */
    struct names goals, services;
};

struct facet_gather *facet_gather_new(void)
{
    return xcalloc(1, sizeof(struct facet_gather));
}

void facet_gather_entry(struct facet_gather *g, uint32_t rid, const char *kind, uint32_t spec)
{
    /* rids run from 1 without a gap (store_fill): entry rid is attr[rid - 1]. */
    while (g->attr.n < rid)
        put(&g->attr, 0);
    g->attr.w[rid - 1] = terms_bits(&terms_kind, kind) | spec << 8;
    g->n = rid;
}

void facet_gather_delivery(struct facet_gather *g, const char *delivery)
{
    if (g->n)
        g->attr.w[g->n - 1] |= terms_bits(&terms_delivery, delivery) << 3;
}

void facet_gather_region(struct facet_gather *g, uint32_t pos)
{
    if (g->n)
        pair_add(&g->region, g->n, pos);
}

void facet_gather_goal(struct facet_gather *g, const char *goal)
{
    if (g->n)
        pair_add(&g->goal, g->n, name_of(&g->goals, goal));
}

void facet_gather_service(struct facet_gather *g, const char *service)
{
    if (g->n)
        pair_add(&g->service, g->n, name_of(&g->services, service));
}

/* The ids in names placed in table (each id's pos; ids it lacks are dropped, as the tables'
 * join drops them), pairs renumbered to match. */
static void place(sqlite3 *db, const char *table, const struct names *names, struct pairs *pairs,
                  int *rc)
{
    uint32_t *at = xmalloc((names->n + 1) * sizeof *at);
    for (size_t i = 0; i < names->n; i++)
        at[i] = UINT32_MAX;
    char *sql = xasprintf("SELECT pos FROM %s WHERE id = ?", table);
    sqlite3_stmt *s;
    if (*rc == SQLITE_OK && (*rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL)) == SQLITE_OK) {
        for (size_t i = 0; i < names->n; i++) {
            sqlite3_bind_text(s, 1, names->id[i], -1, SQLITE_STATIC);
            if (sqlite3_step(s) == SQLITE_ROW)
                at[i] = (uint32_t)sqlite3_column_int64(s, 0);
            sqlite3_reset(s);
        }
        *rc = sqlite3_finalize(s);
    }
    free(sql);
    struct pairs placed = {0};
    struct pair_reader r = {.pairs = pairs};
    for (uint32_t rid, p; pair_next(&r, &rid, &p);)
        if (p < names->n && at[p] != UINT32_MAX)
            pair_add(&placed, rid, at[p]);
    pairs_finish(pairs);
    *pairs = placed;
    free(at);
}

int facet_gather_write(struct facet_gather *g, sqlite3 *db)
{
    int rc = SQLITE_OK;
    place(db, "goal", &g->goals, &g->goal, &rc);
    place(db, "service", &g->services, &g->service, &rc);
    struct facet_src src = {.n = g->n, .region = g->region, .goal = g->goal, .service = g->service};
    while (g->attr.n < g->n + 1)
        put(&g->attr, 0);
    src.attr = g->attr.w;
    src.by_name = xcalloc((size_t)g->n + 1, sizeof *src.by_name);
    by_name(db, &src, &rc);
    if (rc == SQLITE_OK)
        rc = facet_write(db, &src);
    free(src.by_name);
    return rc;
}

void facet_gather_free(struct facet_gather *g)
{
    if (!g)
        return;
    free(g->attr.w);
    pairs_finish(&g->region);
    pairs_finish(&g->goal);
    pairs_finish(&g->service);
    for (size_t i = 0; i < g->goals.n; i++)
        free(g->goals.id[i]);
    free(g->goals.id);
    for (size_t i = 0; i < g->services.n; i++)
        free(g->services.id[i]);
    free(g->services.id);
    free(g);
}

int facet_build_words(sqlite3 *db, uint32_t n, struct facet_initials *ini)
{
    sqlite3_stmt *ins, *s = NULL;
    int rc = new_row(db, &ins);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "SELECT id, sz FROM entry_fts_docsize", -1, &s, NULL);
    uint32_t *doclen = xcalloc((size_t)n + 1, sizeof *doclen);
    while (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(s, 0);
        if (rid < 1 || rid > n)
            continue;
        const unsigned char *p = sqlite3_column_blob(s, 1);
        const unsigned char *end = p + sqlite3_column_bytes(s, 1);
        uint64_t total = 0, v;
        for (size_t used; p && p < end && (used = get_varint(p, end, &v)); p += used)
            total += v;
        doclen[rid - 1] = (uint32_t)total;
    }
    if (s)
        rc = sqlite3_finalize(s);
    if (rc == SQLITE_OK)
        rc = put_array(ins, "lists.doclen", n, doclen);
    free(doclen);
    sqlite3_finalize(ins);
    if (rc == SQLITE_OK)
        rc = ini ? facet_initials_write(ini, db, n, FACET_INITIALS_MIN)
                 : facet_build_initials(db, n, FACET_INITIALS_MIN);
    return rc;
}

/* ---- reading the index ---- */

/* A little-endian word of the blob at byte i. */
static uint32_t word_at(const unsigned char *p, size_t i)
{
    return (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 |
           (uint32_t)p[i + 3] << 24;
}

/* The facet row name, read whole into a new buffer (its length in *len); NULL when it is missing
 * or cannot be read. */
static unsigned char *read_row(sqlite3 *db, const char *name, size_t *len)
{
    sqlite3_stmt *s;
    sqlite3_int64 row = -1;
    *len = 0;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM facet WHERE name = ?", -1, &s, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW)
        row = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_blob *blob;
    if (row < 0 || sqlite3_blob_open(db, "main", "facet", "data", row, 0, &blob) != SQLITE_OK)
        return NULL;
    int bytes = sqlite3_blob_bytes(blob);
    unsigned char *p = bytes > 0 ? xmalloc((size_t)bytes) : NULL;
    if (p && sqlite3_blob_read(blob, p, bytes, 0) != SQLITE_OK) {
        free(p);
        p = NULL;
    }
    sqlite3_blob_close(blob);
    *len = p ? (size_t)bytes : 0;
    return p;
}

/* Point a at the next array of a row (p, len, at *at) and leave *at after it; false when it is not
 * there, has another count than count, or a number not below limit. */
static bool take_array(const unsigned char *p, size_t len, size_t *at, size_t count, uint64_t limit,
                       struct facet_array *a)
{
    if (len - *at < 8 || word_at(p, *at) != count)
        return false;
    uint32_t width = word_at(p, *at + 4);
    size_t bytes = count * width, padded = (bytes + 3) / 4 * 4;
    if (width < 1 || width > 4 || padded > len - *at - 8)
        return false;
    *a = (struct facet_array){.p = p + *at + 8, .count = (uint32_t)count, .width = width};
    /* A number of width bytes below 2^(8 width) needs no check. */
    if (width < 4 && limit >= (uint64_t)1 << (8 * width))
        limit = UINT64_MAX;
    for (size_t i = 0; limit != UINT64_MAX && i < count; i++)
        if (facet_at(a, i) >= limit)
            return false;
    *at += 8 + padded;
    return true;
}

void facet_decode(const struct facet_array *a, size_t from, size_t count, uint32_t *out)
{
    const unsigned char *q = a->p + from * a->width;
    switch (a->width) {
    case 1:
        for (size_t i = 0; i < count; i++)
            out[i] = q[i];
        break;
    case 2:
        for (size_t i = 0; i < count; i++)
            out[i] = (uint32_t)q[2 * i] | (uint32_t)q[2 * i + 1] << 8;
        break;
    case 3:
        for (size_t i = 0; i < count; i++)
            out[i] =
                    (uint32_t)q[3 * i] | (uint32_t)q[3 * i + 1] << 8 | (uint32_t)q[3 * i + 2] << 16;
        break;
    default:
        for (size_t i = 0; i < count; i++)
            out[i] = word_at(q, 4 * i);
    }
}

/* Keep the row p (f frees it). */
static void keep_row(struct facets *f, unsigned char *p)
{
    f->rows = xrealloc(f->rows, (f->n_rows + 1) * sizeof *f->rows);
    f->rows[f->n_rows++] = p;
}

/* Read the row name of f's store and check its head (arrays of it, f->n entries): the row, its
 * length in *len and *at just after the head; NULL when it is missing or is not such a row. */
static unsigned char *open_arrays(const struct facets *f, const char *name, uint32_t arrays,
                                  size_t *len, size_t *at)
{
    unsigned char *p = read_row(f->db, name, len);
    *at = 16;
    if (p && (*len < 20 || *len % 4 || word_at(p, 0) != ARRAY_MAGIC ||
              word_at(p, 4) != INDEX_VERSION || word_at(p, 8) != f->n || word_at(p, 12) != arrays ||
              word_at(p, *len - 4) != ~ARRAY_MAGIC)) {
        free(p);
        p = NULL;
    }
    return p;
}

/* The one array of the row name into a (f->n numbers below limit; rids are 1..n, so also not
 * 0); false when it is missing or damaged. */
static bool load_array(struct facets *f, const char *name, uint64_t limit, bool rids,
                       struct facet_array *a)
{
    size_t len, at;
    unsigned char *p = open_arrays(f, name, 1, &len, &at);
    struct facet_array v = {0};
    bool ok = p && take_array(p, len, &at, f->n, limit, &v) && at == len - 4;
    for (uint32_t i = 0; ok && rids && i < f->n; i++)
        ok = facet_at(&v, i) != 0;
    if (!ok) {
        free(p);
        return false;
    }
    keep_row(f, p);
    *a = v;
    return true;
}

bool facet_postings(struct facets *f, const char *kind, uint32_t pos, struct facet_postings *out)
{
    bool depths = strcmp(kind, "region") == 0;
    *out = (struct facet_postings){0};
    char name[64];
    snprintf(name, sizeof name, "post.%s.%u", kind, pos);
    size_t len, at;
    unsigned char *p = open_arrays(f, name, depths ? 2 : 1, &len, &at);
    /* The count is the array's own: any up to n (an entry is listed once). */
    uint32_t c = p && len - at >= 4 ? word_at(p, at) : UINT32_MAX;
    bool ok = p && c <= f->n && take_array(p, len, &at, c, (uint64_t)f->n + 1, &out->rids) &&
              (!depths || take_array(p, len, &at, c, UINT64_MAX, &out->depths)) && at == len - 4;
    for (uint32_t i = 0; ok && i < c; i++)
        ok = facet_at(&out->rids, i) != 0;
    if (!ok) {
        free(p);
        *out = (struct facet_postings){0};
        return false;
    }
    out->row = p;
    return true;
}

void facet_postings_finish(struct facet_postings *p)
{
    free(p->row);
    *p = (struct facet_postings){0};
}

bool facet_load(sqlite3 *db, struct facets *f)
{
    *f = (struct facets){.db = db};
    size_t len;
    unsigned char *p = read_row(db, "lists", &len);
    bool ok = p && len >= 4 * (INDEX_HEADER + 1) && len % 4 == 0 && word_at(p, 0) == INDEX_MAGIC &&
              word_at(p, 4) == INDEX_VERSION && word_at(p, len - 4) == ~INDEX_MAGIC;
    if (ok) {
        f->n = word_at(p, 8);
        f->n_regions = word_at(p, 12);
        f->n_goals = word_at(p, 16);
        f->n_services = word_at(p, 20);
        uint32_t count = word_at(p, 24);
        size_t at = 4 * INDEX_HEADER, end = len - 4;
        /* Each tag takes at least two words: a count past what is left is damage. */
        ok = count <= (end - at) / 8;
        f->orders = ok && count ? xcalloc(count, sizeof *f->orders) : NULL;
        for (uint32_t o = 0; ok && o < count; o++) {
            uint32_t bytes = at + 4 <= end ? word_at(p, at) : 0;
            size_t words = ((size_t)bytes + 3) / 4;
            ok = bytes > 0 && bytes <= FACET_LANG_MAX && words <= (end - at - 4) / 4;
            for (uint32_t j = 0; ok && j < bytes; j++)
                ok = (f->orders[o].lang[j] = (char)p[at + 4 + j]) != '\0';
            at += 4 + 4 * words;
            f->n_orders = o + 1;
        }
        ok = ok && at == end;
    }
    free(p);
    if (!ok) {
        facet_finish(f);
        return false;
    }
    return true;
}

/* The order of lang's names among f's, or NULL (the file's own order). */
static struct facet_order *order_of(const struct facets *f, const char *lang)
{
    if (lang)
        for (uint32_t i = 0; i < f->n_orders; i++)
            if (strcmp(f->orders[i].lang, lang) == 0)
                return &f->orders[i];
    return NULL;
}

bool facet_has_order(const struct facets *f, const char *lang)
{
    return order_of(f, lang) != NULL;
}

bool facet_need(struct facets *f, unsigned sections, const char *lang)
{
    bool ok = true;
    if ((sections & FACET_ATTR) && !f->attr.p)
        ok = load_array(f, "lists.attr", UINT64_MAX, false, &f->attr);
    if (ok && (sections & FACET_DOCLEN) && !f->doclen.p)
        ok = load_array(f, "lists.doclen", UINT64_MAX, false, &f->doclen);
    if (ok && (sections & FACET_ORDER)) {
        struct facet_order *o = order_of(f, lang);
        if (o && !o->rids.p) {
            char *name = xasprintf("lists.order.%s", o->lang);
            ok = load_array(f, name, (uint64_t)f->n + 1, true, &o->rids);
            free(name);
        } else if (!o && !f->by_name.p) {
            ok = load_array(f, "lists.by_name", (uint64_t)f->n + 1, true, &f->by_name);
        }
    }
    return ok;
}

const struct facet_array *facet_order_for(const struct facets *f, const char *lang)
{
    const struct facet_order *o = order_of(f, lang);
    return o ? &o->rids : &f->by_name;
}

void facet_finish(struct facets *f)
{
    for (size_t i = 0; i < f->n_rows; i++)
        free(f->rows[i]);
    free(f->rows);
    free(f->orders);
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
    sqlite3_stmt *ins = NULL;
    if (rc == SQLITE_OK)
        rc = new_row(db, &ins);
    if (rc == SQLITE_OK)
        rc = put_words(ins, "dated", b.w, b.n);
    sqlite3_finalize(ins);
    free(b.w);
    return rc;
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
 * keep (12 ms of CPU at 100,000, before ranking them). The rows 'initials.P' of facet hold, for
 * each ASCII letter and digit P and for each two of them that begin a word in a quarter of the
 * entries or more (judged on the first SAMPLE rids), the entries FTS5 finds for it ('"me"*',
 * everything the search would find) and those it finds in their name ('name : "me"*'), as
 * bitmaps over the rids, made by those very queries when the store is built: a search reads one
 * prefix's row (25 KB at 100,000 entries; one row of them all, 2.5 MB, was read through a walk
 * of its overflow pages to the prefix's place). Little-endian 32-bit words: magic, version, n
 * (entries), nw (the words of a bitmap: bit r of word r / 32 is rid r); its bitmap of matches
 * and its bitmap of matches in the name. Built only for a directory of min_entries or more,
 * where the walk costs; a smaller one has no such rows. */

#define INITIALS_MAGIC   0x49505449u /* "ITPI" */
#define INITIALS_VERSION 3u
#define INITIALS_HEADER  4u
#define INITIALS_MAX     (36u + 36u * 36u)
#define SAMPLE           4096

static const char INITIALS[] = "0123456789abcdefghijklmnopqrstuvwxyz";
#define N_INITIALS (sizeof INITIALS - 1)

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

int facet_build_initials(sqlite3 *db, uint32_t n, uint32_t min_entries)
{
    int rc = sqlite3_exec(db, "DELETE FROM facet WHERE name LIKE 'initials.%'", NULL, NULL, NULL);
    if (rc != SQLITE_OK || n < min_entries || n == 0)
        return rc;
    char(*keys)[3] = xcalloc(INITIALS_MAX, sizeof *keys);
    size_t k = 0;
    rc = choose_prefixes(db, n, keys, &k);
    size_t nw = (size_t)n / 32 + 1, len = INITIALS_HEADER + 2 * nw;
    uint32_t *w = xmalloc(len * sizeof *w);
    sqlite3_stmt *s = NULL, *ins = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?", -1, &s,
                                NULL);
    if (rc == SQLITE_OK)
        rc = new_row(db, &ins);
    for (size_t i = 0; rc == SQLITE_OK && i < k; i++) {
        memset(w, 0, len * sizeof *w);
        w[0] = INITIALS_MAGIC;
        w[1] = INITIALS_VERSION;
        w[2] = n;
        w[3] = (uint32_t)nw;
        uint32_t *any = w + INITIALS_HEADER;
        char expr[32];
        snprintf(expr, sizeof expr, "\"%s\"*", keys[i]);
        rc = mark_matches(s, expr, n, any);
        snprintf(expr, sizeof expr, "name : \"%s\"*", keys[i]);
        if (rc == SQLITE_OK)
            rc = mark_matches(s, expr, n, any + nw);
        char name[16];
        snprintf(name, sizeof name, "initials.%s", keys[i]);
        if (rc == SQLITE_OK)
            rc = put_words(ins, name, w, len);
    }
    sqlite3_finalize(s);
    sqlite3_finalize(ins);
    free(keys);
    free(w);
    return rc;
}

/* ---- the same rows, gathered while the index is built ---- */

/* facet_build_initials' 204 queries (and its 1,296 counts to choose the pairs) walk the finished
 * index: a second after the last entry at 100,000 entries, while the rest of the build waited
 * for it (bench/README.md). The full-text thread waits for entries a fifth of the pass: there
 * it runs each entry's text through the index's own tokenizer, so a word is the very bytes FTS5
 * keeps, and marks the entry under the word's first byte and first two. A search for '"me"*'
 * matches the words whose bytes begin with "me": the same entries. */

#define N_PAIRS (N_INITIALS * N_INITIALS)

/* A bitmap over rids that grows as they do (cap words, zero past the bits set). */
struct bitmap {
    uint32_t *w;
    size_t cap;
};

struct facet_initials {
    fts5_tokenizer api;
    Fts5Tokenizer *tok;
    struct bitmap one[N_INITIALS][2]; /* each letter's: [0] any column, [1] the name */
    /* Each pair's, for the first SAMPLE rids only until the pairs kept are chosen (as
     * choose_prefixes chooses them), then the kept ones' only. */
    struct bitmap pair[N_PAIRS][2];
    bool chosen, keep[N_PAIRS];
    uint32_t rid;
    bool name; /* the column being split is the name */
};

static void bitmap_set(struct bitmap *b, uint32_t rid)
{
    size_t word = rid / 32;
    if (word >= b->cap) {
        /* A quarter more, not twice: 204 of them grow with the rids (bench/README.md). */
        size_t cap = word + 1 + (word + 1) / 4;
        cap = cap < 32 ? 32 : cap;
        b->w = xrealloc(b->w, cap * sizeof *b->w);
        memset(b->w + b->cap, 0, (cap - b->cap) * sizeof *b->w);
        b->cap = cap;
    }
    b->w[word] |= 1u << (rid % 32);
}

static size_t bitmap_count(const struct bitmap *b)
{
    size_t count = 0;
    for (size_t i = 0; i < b->cap; i++)
        count += (size_t)__builtin_popcount(b->w[i]);
    return count;
}

/* The place of byte c in INITIALS, or -1. */
static int initial_of(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    return -1;
}

static int on_word(void *ctx, int flags, const char *word, int n, int start, int end)
{
    struct facet_initials *ini = ctx;
    (void)flags;
    (void)start;
    (void)end;
    int i = n >= 1 ? initial_of(word[0]) : -1;
    if (i < 0)
        return SQLITE_OK;
    bitmap_set(&ini->one[i][0], ini->rid);
    if (ini->name)
        bitmap_set(&ini->one[i][1], ini->rid);
    int j = n >= 2 ? initial_of(word[1]) : -1;
    if (j < 0)
        return SQLITE_OK;
    size_t p = (size_t)i * N_INITIALS + (size_t)j;
    if (!ini->chosen || ini->keep[p]) {
        bitmap_set(&ini->pair[p][0], ini->rid);
        if (ini->name)
            bitmap_set(&ini->pair[p][1], ini->rid);
    }
    return SQLITE_OK;
}

/* Keep the pairs that begin a word in a quarter of the first sample rids or more (all of them
 * are marked: the choice is made before a rid past sample is added). */
static void choose_pairs(struct facet_initials *ini, uint32_t sample)
{
    for (size_t p = 0; p < N_PAIRS; p++) {
        ini->keep[p] = sample && bitmap_count(&ini->pair[p][0]) * 4 >= sample;
        if (!ini->keep[p])
            for (int k = 0; k < 2; k++) {
                free(ini->pair[p][k].w);
                ini->pair[p][k] = (struct bitmap){0};
            }
    }
    ini->chosen = true;
}

/* The full-text index's tokenizer (store_schema_fts's tokenize option: its name, then its
 * arguments) from db's FTS5, into *api and *tok; false when there is none. */
static bool tokenizer_of(sqlite3 *db, fts5_tokenizer *api, Fts5Tokenizer **tok)
{
    fts5_api *fts5 = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(s, 1, (void *)&fts5, "fts5_api_ptr", NULL);
    sqlite3_step(s);
    sqlite3_finalize(s);
    void *data;
    const char *args[] = {"remove_diacritics", "2"};
    return fts5 && fts5->iVersion >= 2 &&
           fts5->xFindTokenizer(fts5, "unicode61", &data, api) == SQLITE_OK &&
           api->xCreate(data, args, 2, tok) == SQLITE_OK;
}

struct facet_initials *facet_initials_new(sqlite3 *db)
{
    struct facet_initials *ini = xcalloc(1, sizeof *ini);
    if (!tokenizer_of(db, &ini->api, &ini->tok)) {
        free(ini);
        return NULL;
    }
    return ini;
}

/* A word being folded: its first token (up to two bytes) and how many there were. */
struct folding {
    char word[3];
    int tokens;
};

static int on_query_word(void *ctx, int flags, const char *word, int n, int start, int end)
{
    struct folding *f = ctx;
    (void)flags;
    (void)start;
    (void)end;
    if (f->tokens++ == 0 && n >= 1 && n <= 2 && initial_of(word[0]) >= 0 &&
        (n == 1 || initial_of(word[1]) >= 0))
        memcpy(f->word, word, (size_t)n);
    return SQLITE_OK;
}

bool facet_fold_word(sqlite3 *db, const char *word, size_t len, char out[3])
{
    fts5_tokenizer api;
    Fts5Tokenizer *tok;
    memset(out, 0, 3);
    if (len > 64 || !tokenizer_of(db, &api, &tok))
        return false;
    struct folding f = {0};
    api.xTokenize(tok, &f, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, word, (int)len,
                  on_query_word);
    api.xDelete(tok);
    if (f.tokens != 1 || !f.word[0])
        return false;
    memcpy(out, f.word, 3);
    return true;
}

void facet_initials_add(struct facet_initials *ini, uint32_t rid, const char *text)
{
    if (!ini->chosen && rid > SAMPLE)
        choose_pairs(ini, SAMPLE);
    ini->rid = rid;
    for (int col = 0; col < 6; col++) {
        size_t len = strlen(text);
        ini->name = col == 0;
        if (len)
            ini->api.xTokenize(ini->tok, ini, FTS5_TOKENIZE_DOCUMENT, text, (int)len, on_word);
        text += len + 1;
    }
}

/* One row 'initials.KEY' from a key's two bitmaps (w: its room, len words). */
static int put_initial(sqlite3_stmt *ins, const char *key, const struct bitmap bits[2], uint32_t n,
                       uint32_t *w, size_t len)
{
    size_t nw = (size_t)n / 32 + 1;
    memset(w, 0, len * sizeof *w);
    w[0] = INITIALS_MAGIC;
    w[1] = INITIALS_VERSION;
    w[2] = n;
    w[3] = (uint32_t)nw;
    for (int k = 0; k < 2; k++)
        if (bits[k].w) /* none for a key no word begins with */
            memcpy(w + INITIALS_HEADER + (size_t)k * nw, bits[k].w,
                   (bits[k].cap < nw ? bits[k].cap : nw) * sizeof *w);
    char name[16];
    snprintf(name, sizeof name, "initials.%s", key);
    return put_words(ins, name, w, len);
}

int facet_initials_write(struct facet_initials *ini, sqlite3 *db, uint32_t n, uint32_t min_entries)
{
    int rc = sqlite3_exec(db, "DELETE FROM facet WHERE name LIKE 'initials.%'", NULL, NULL, NULL);
    if (rc != SQLITE_OK || n < min_entries || n == 0)
        return rc;
    if (!ini->chosen)
        choose_pairs(ini, n < SAMPLE ? n : SAMPLE);
    size_t len = INITIALS_HEADER + 2 * ((size_t)n / 32 + 1);
    uint32_t *w = xmalloc(len * sizeof *w);
    sqlite3_stmt *ins;
    rc = new_row(db, &ins);
    for (size_t i = 0; rc == SQLITE_OK && i < N_INITIALS; i++) {
        char key[3] = {INITIALS[i], '\0', '\0'};
        rc = put_initial(ins, key, ini->one[i], n, w, len);
        for (size_t j = 0; rc == SQLITE_OK && j < N_INITIALS; j++) {
            size_t p = i * N_INITIALS + j;
            key[1] = INITIALS[j];
            if (ini->keep[p])
                rc = put_initial(ins, key, ini->pair[p], n, w, len);
        }
    }
    sqlite3_finalize(ins);
    free(w);
    return rc;
}

void facet_initials_free(struct facet_initials *ini)
{
    if (!ini)
        return;
    ini->api.xDelete(ini->tok);
    for (size_t i = 0; i < N_INITIALS; i++)
        for (int k = 0; k < 2; k++)
            free(ini->one[i][k].w);
    for (size_t p = 0; p < N_PAIRS; p++)
        for (int k = 0; k < 2; k++)
            free(ini->pair[p][k].w);
    free(ini);
}

int facet_initial(sqlite3 *db, const char *prefix, uint32_t n, uint32_t **any, uint32_t **name)
{
    *any = *name = NULL;
    if (!prefix || !prefix[0] || (prefix[1] && prefix[2]))
        return SQLITE_NOTFOUND;
    char row[16];
    snprintf(row, sizeof row, "initials.%s", prefix);
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "SELECT data FROM facet WHERE name = ?", -1, &s, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(s, 1, row, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(s);
        return rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc;
    }
    const unsigned char *p = sqlite3_column_blob(s, 0);
    size_t bytes = (size_t)sqlite3_column_bytes(s, 0), nw = (size_t)n / 32 + 1;
    rc = p && bytes == 4 * (INITIALS_HEADER + 2 * nw) && word_at(p, 0) == INITIALS_MAGIC &&
                         word_at(p, 4) == INITIALS_VERSION && word_at(p, 8) == n &&
                         word_at(p, 12) == nw
                 ? SQLITE_OK
                 : SQLITE_CORRUPT;
    if (rc == SQLITE_OK) {
        uint32_t *w = xmalloc(2 * nw * sizeof *w);
        for (size_t i = 0; i < 2 * nw; i++)
            w[i] = word_at(p, 4 * (INITIALS_HEADER + i));
        *any = w;
        *name = xmalloc(nw * sizeof **name);
        memcpy(*name, w + nw, nw * sizeof **name);
    }
    int done = sqlite3_finalize(s);
    return rc == SQLITE_OK ? done : rc;
}
