/* query.c: the one place that applies the filters of spec/dataset.md to lists: over a packed index
 * of the entries in C, and through FTS5 for words; every value given to SQL is a bound parameter.
 */
#include "query.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

const char *query_kind_name(enum entry_kind k)
{
    const struct term *t = terms_of(&terms_kind, k);
    return t ? t->id : NULL;
}

unsigned query_kind_parse(const char *s)
{
    return terms_kinds(s);
}

unsigned query_delivery_parse(const char *s)
{
    return terms_bits(&terms_delivery, s);
}

/* A word is a run of ASCII letters and digits and of any non-ASCII bytes: the same words the
 * unicode61 tokenizer sees, near enough, and never an FTS5 operator character. */
static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char *query_fts_expr(const char *typed)
{
    if (!typed)
        return NULL;
    struct sb b = {0};
    int words = 0;
    for (const char *p = typed; *p;) {
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *start = p;
        while (*p && word_byte((unsigned char)*p))
            p++;
        /* Every word must match, so a repeated word adds nothing but work: skip it. */
        size_t n = (size_t)(p - start);
        bool seen = false;
        for (const char *q = typed; q < start && !seen;) {
            if (!word_byte((unsigned char)*q)) {
                q++;
                continue;
            }
            const char *w = q;
            while (q < start && word_byte((unsigned char)*q))
                q++;
            seen = (size_t)(q - w) == n && memcmp(w, start, n) == 0;
        }
        if (seen)
            continue;
        /* Quoted, a word is a string to match, so AND, OR, NOT and NEAR are only words; the
         * quotes cannot be closed early because '"' is not a word byte. */
        if (words++)
            sb_addc(&b, ' ');
        sb_addc(&b, '"');
        sb_addn(&b, start, (size_t)(p - start));
        sb_add(&b, "\"*");
    }
    if (!words)
        return NULL;
    return sb_take(&b);
}

/* ---- the list index ----
 *
 * Lists are filtered in C over a packed index of every entry's kind, delivery, regions, goals and
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
 *   their tables, in order). Entry i (0-based) is rid i + 1. */

#define INDEX_MAGIC   0x46505449u /* "ITPF" */
#define INDEX_VERSION 1u
#define INDEX_HEADER  6u
#define RANK_K1       1.2
#define RANK_B        0.75
#define FSET_SLOTS    4

/* Column weights of the text rank: name, acronym, host, location, summary, body. */
static const double rank_weights[] = {10.0, 8.0, 3.0, 2.0, 2.0, 1.0};

struct list {
    const uint32_t *off, *val; /* entry i's values: val[off[i]] .. val[off[i + 1] - 1] */
};

struct facets {
    uint32_t n, n_regions, n_goals, n_services;
    const uint32_t *attr, *doclen, *by_name;
    struct list regions, goals, services;
    uint32_t *words; /* owns everything above */
};

/* The entries one set of filters keeps, in list order. */
struct fset {
    char *key;
    uint32_t n;
    uint32_t *order; /* rids, in list order */
    uint32_t *pos;   /* [rid]: 1-based place in order, 0 when filtered out */
    uint64_t used;
};

struct hit {
    double rank; /* bm25, lower is better */
    uint32_t pos, rid;
};

/* The matches of one search within one filter set. */
struct found {
    char *key;
    struct hit *hits;
    size_t n, cap, sorted; /* hits[0 .. sorted) are in their final order */
};

/* A search in progress: what the rank function reads and fills. */
struct ranking {
    const struct fset *set;
    struct found *out;
    uint64_t rows; /* rows the expression matched, kept or not */
    bool started;
    int phrases;
    sqlite3_int64 table_rows;
    double avgdl;
    double *idf, *freq;
};

struct query_cache {
    int state; /* 0 not loaded, 1 ready, -1 the index is missing or damaged */
    struct facets f;
    struct fset sets[FSET_SLOTS];
    uint64_t clock;
    struct found found;
    struct ranking *run;
};

static uint32_t attr_kind(uint32_t a)
{
    return a & 7u;
}

static uint32_t attr_delivery(uint32_t a)
{
    return (a >> 3) & 7u;
}

static uint32_t attr_spec(uint32_t a)
{
    return a >> 8;
}

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

int query_build_index(sqlite3 *db)
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
    if (rc == SQLITE_OK) {
        unsigned char *bytes = xmalloc(b.n * 4);
        for (size_t i = 0; i < b.n; i++)
            for (int j = 0; j < 4; j++)
                bytes[4 * i + (size_t)j] = (unsigned char)(b.w[i] >> (8 * j));
        sqlite3_stmt *s;
        rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO facet VALUES ('lists', ?)", -1, &s,
                                NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_blob64(s, 1, bytes, (sqlite3_uint64)b.n * 4, SQLITE_STATIC);
            rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
            sqlite3_finalize(s);
        }
        free(bytes);
    }
    free(b.w);
    return rc;
}

/* ---- reading the index ---- */

/* Point l at a list section starting at w[*at]; false when it does not fit or is not ordered. */
static bool take_list(uint32_t *w, size_t len, size_t *at, uint32_t n, uint32_t limit,
                      struct list *l)
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

/* Load and check the index; a damaged one is refused whole, never read out of bounds. */
static bool load_facets(sqlite3 *db, struct facets *f)
{
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
    uint32_t *w = len >= INDEX_HEADER ? malloc(len * sizeof *w) : NULL;
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
             take_list(w, len, &at, n, f->n_services, &f->services);
    }
    if (!ok) {
        free(w);
        *f = (struct facets){0};
    }
    return ok;
}

static void fset_clear(struct fset *s)
{
    free(s->key);
    free(s->order);
    free(s->pos);
    *s = (struct fset){0};
}

static void found_clear(struct found *r)
{
    free(r->key);
    free(r->hits);
    *r = (struct found){0};
}

/* Called by SQLite when the connection closes (the rank function's destructor). */
static void cache_destroy(void *p)
{
    struct query_cache *qc = p;
    if (!qc)
        return;
    for (int i = 0; i < FSET_SLOTS; i++)
        fset_clear(&qc->sets[i]);
    found_clear(&qc->found);
    free(qc->f.words);
    free(qc);
}

static void rank_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                          int nval, sqlite3_value **val);

/* The store's query cache, created with its rank function on first use; NULL when the store has
 * no usable index. */
static struct query_cache *cache_of(struct store *st, char **err)
{
    if (st->qc && st->qc->state == 1)
        return st->qc;
    if (!st->qc) {
        fts5_api *api = NULL;
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK) {
            sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
            sqlite3_step(s);
            sqlite3_finalize(s);
        }
        struct query_cache *qc = xcalloc(1, sizeof *qc);
        /* SQLite owns the cache from here: it is freed with the connection, however that is
         * closed. */
        if (!api || api->iVersion < 2 ||
            api->xCreateFunction(api, "itpnav_rank", qc, rank_function, cache_destroy) !=
                    SQLITE_OK) {
            free(qc);
            *err = xstrdup("query failed: full-text search is not available");
            return NULL;
        }
        st->qc = qc;
    }
    if (st->qc->state == 0)
        st->qc->state = load_facets(st->db, &st->qc->f) ? 1 : -1;
    if (st->qc->state != 1) {
        *err = xstrdup("query failed: the database has no list index; rebuild it");
        return NULL;
    }
    return st->qc;
}

/* ---- filtering ---- */

/* A key naming q's filters (not its words), for the caches. */
static char *filter_key(const struct query *q)
{
    struct sb b = {0};
    sb_addf(&b, "k%u d%u r", q->kinds & 7u, q->delivery & 7u);
    if (q->region)
        sb_addf(&b, "%zu:%s", strlen(q->region), q->region);
    sb_add(&b, " g");
    for (size_t i = 0; i < q->n_goals && i < QUERY_MAX_VALUES; i++)
        sb_addf(&b, "%zu:%s", strlen(q->goals[i]), q->goals[i]);
    sb_add(&b, " s");
    for (size_t i = 0; i < q->n_services && i < QUERY_MAX_VALUES; i++)
        sb_addf(&b, "%zu:%s", strlen(q->services[i]), q->services[i]);
    return sb_take(&b);
}

/* Mark in sel (one byte a row of table) the positions of the given ids; unknown ids mark
 * nothing. */
static bool select_ids(sqlite3 *db, const char *sql, const char *const *ids, size_t n, uint8_t *sel,
                       uint32_t rows)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return false;
    for (size_t i = 0; i < n && i < QUERY_MAX_VALUES; i++) {
        sqlite3_bind_text(s, 1, ids[i], -1, SQLITE_STATIC);
        while (sqlite3_step(s) == SQLITE_ROW) {
            sqlite3_int64 p = sqlite3_column_int64(s, 0);
            if (p >= 0 && p < rows)
                sel[p] = 1;
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return true;
}

static bool any_selected(const struct list *l, uint32_t i, const uint8_t *sel)
{
    for (uint32_t k = l->off[i]; k < l->off[i + 1]; k++)
        if (sel[l->val[k]])
            return true;
    return false;
}

/* Apply q's filters to every entry (spec/dataset.md, "Filter semantics") and order the ones kept:
 * the most specific matching region first, then by name. */
static int fset_build(struct store *st, const struct facets *f, const struct query *q,
                      struct fset *out, char **err)
{
    uint32_t n = f->n;
    int32_t *rel = NULL; /* [region position]: its depth when related to q's region, else -1 */
    uint8_t *goals = NULL, *services = NULL;
    bool ok = true;
    if (q->region) {
        rel = xmalloc(((size_t)f->n_regions + 1) * sizeof *rel);
        for (uint32_t i = 0; i < f->n_regions; i++)
            rel[i] = -1;
        sqlite3_stmt *s;
        /* The region, its ancestors and its descendants (each region with itself at distance 0
         * in the closure). */
        ok = sqlite3_prepare_v2(st->db,
                                "SELECT r.pos, r.depth FROM region_closure c JOIN region r"
                                " ON r.id = c.ancestor WHERE c.descendant = ?1"
                                " UNION SELECT r.pos, r.depth FROM region_closure c JOIN region r"
                                " ON r.id = c.descendant WHERE c.ancestor = ?1",
                                -1, &s, NULL) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_text(s, 1, q->region, -1, SQLITE_STATIC);
            while (sqlite3_step(s) == SQLITE_ROW) {
                sqlite3_int64 p = sqlite3_column_int64(s, 0);
                if (p >= 0 && p < f->n_regions)
                    rel[p] = sqlite3_column_int(s, 1);
            }
            sqlite3_finalize(s);
        }
    }
    if (ok && q->n_goals) {
        goals = xcalloc((size_t)f->n_goals + 1, 1);
        ok = select_ids(st->db, "SELECT pos FROM goal WHERE id = ?", q->goals, q->n_goals, goals,
                        f->n_goals);
    }
    if (ok && q->n_services) {
        services = xcalloc((size_t)f->n_services + 1, 1);
        ok = select_ids(st->db, "SELECT pos FROM service WHERE id = ?", q->services, q->n_services,
                        services, f->n_services);
    }
    if (!ok) {
        *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
        free(rel);
        free(goals);
        free(services);
        return -1;
    }
    uint32_t kinds = q->kinds & 7u, delivery = q->delivery & 7u;
    /* Walk the entries in name order, keeping each kept one's spec; then a counting sort by spec
     * (descending) keeps the name order within each spec. */
    uint32_t *kept = xmalloc(((size_t)n + 1) * sizeof *kept);
    uint32_t *spec = xmalloc(((size_t)n + 1) * sizeof *spec);
    uint32_t m = 0, max_spec = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t rid = f->by_name[k], i = rid - 1, a = f->attr[i];
        if (kinds && !(attr_kind(a) & kinds))
            continue;
        if (delivery && !(attr_delivery(a) & delivery))
            continue;
        if (goals && !any_selected(&f->goals, i, goals))
            continue;
        if (services && !any_selected(&f->services, i, services))
            continue;
        int32_t sp = (int32_t)attr_spec(a);
        if (rel) {
            sp = -1;
            for (uint32_t r = f->regions.off[i]; r < f->regions.off[i + 1]; r++)
                if (rel[f->regions.val[r]] > sp)
                    sp = rel[f->regions.val[r]];
            if (sp < 0)
                continue;
        }
        kept[m] = rid;
        spec[m++] = (uint32_t)sp;
        if ((uint32_t)sp > max_spec)
            max_spec = (uint32_t)sp;
    }
    uint32_t *start = xcalloc((size_t)max_spec + 2, sizeof *start);
    for (uint32_t k = 0; k < m; k++)
        start[max_spec - spec[k] + 1]++;
    for (uint32_t b = 1; b <= max_spec + 1; b++)
        start[b] += start[b - 1];
    out->order = xmalloc(((size_t)m + 1) * sizeof *out->order);
    out->pos = xcalloc((size_t)n + 1, sizeof *out->pos);
    for (uint32_t k = 0; k < m; k++) {
        uint32_t at = start[max_spec - spec[k]]++;
        out->order[at] = kept[k];
        out->pos[kept[k]] = at + 1;
    }
    out->n = m;
    free(start);
    free(kept);
    free(spec);
    free(rel);
    free(goals);
    free(services);
    return 0;
}

/* The filter set of q, from the cache or built (evicting the least recently used). */
static const struct fset *fset_get(struct store *st, struct query_cache *qc, const struct query *q,
                                   char **err)
{
    char *key = filter_key(q);
    struct fset *slot = &qc->sets[0];
    for (int i = 0; i < FSET_SLOTS; i++) {
        struct fset *s = &qc->sets[i];
        if (s->key && strcmp(s->key, key) == 0) {
            s->used = ++qc->clock;
            free(key);
            return s;
        }
        if (!s->key || s->used < slot->used)
            slot = s;
    }
    fset_clear(slot);
    if (fset_build(st, &qc->f, q, slot, err) != 0) {
        free(key);
        return NULL;
    }
    slot->key = key;
    slot->used = ++qc->clock;
    return slot;
}

/* ---- words ---- */

static bool hit_before(const struct hit *a, const struct hit *b)
{
    return a->rank < b->rank || (a->rank == b->rank && a->pos < b->pos);
}

static int hit_cmp(const void *x, const void *y)
{
    const struct hit *a = x, *b = y;
    return hit_before(a, b) ? -1 : hit_before(b, a) ? 1 : 0;
}

static void swap_hits(struct hit *a, struct hit *b)
{
    struct hit t = *a;
    *a = *b;
    *b = t;
}

/* Rearrange h so that h[0 .. k) hold the k first hits (in no order): quickselect. */
static void select_first(struct hit *h, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1 && k > lo && k < hi) {
        size_t mid = lo + (hi - lo) / 2;
        /* The median of three as the pivot, moved to the end. */
        if (hit_before(&h[mid], &h[lo]))
            swap_hits(&h[mid], &h[lo]);
        if (hit_before(&h[hi - 1], &h[lo]))
            swap_hits(&h[hi - 1], &h[lo]);
        if (hit_before(&h[mid], &h[hi - 1]))
            swap_hits(&h[mid], &h[hi - 1]);
        struct hit pivot = h[hi - 1];
        size_t store = lo;
        for (size_t i = lo; i < hi - 1; i++)
            if (hit_before(&h[i], &pivot))
                swap_hits(&h[i], &h[store++]);
        swap_hits(&h[store], &h[hi - 1]);
        if (store == k)
            return;
        if (store < k)
            lo = store + 1;
        else
            hi = store;
    }
}

/* Put the first `need` hits in order: a partial sort for a first page, all of them later. */
static void found_sort(struct found *r, size_t need)
{
    if (need > r->n)
        need = r->n;
    if (r->sorted >= need)
        return;
    if (r->sorted == 0 && need * 8 < r->n) {
        select_first(r->hits, r->n, need);
        qsort(r->hits, need, sizeof *r->hits, hit_cmp);
        r->sorted = need;
        return;
    }
    /* Everything from sorted on ranks after what is already in place. */
    qsort(r->hits + r->sorted, r->n - r->sorted, sizeof *r->hits, hit_cmp);
    r->sorted = r->n;
}

static int count_rows(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)user)++;
    return SQLITE_OK;
}

/* bm25 as FTS5 computes it (k1 1.2, b 0.75, the IDF floored at 1e-6), with the weights above,
 * for one row; phrase i occurs freq[i] times (weighted) in a row of length d. */
static double bm25_part(double freq, double d, double avgdl)
{
    return (freq * (RANK_K1 + 1.0)) / (freq + RANK_K1 * (1 - RANK_B + RANK_B * d / avgdl));
}

static double idf_of(sqlite3_int64 rows, sqlite3_int64 hits)
{
    double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
}

/* itpnav_rank(entry_fts): for a row the running search's filters keep, record its rank and return
 * 1; for any other row return NULL. */
static void rank_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                          int nval, sqlite3_value **val)
{
    (void)nval;
    (void)val;
    struct query_cache *qc = api->xUserData(fts);
    struct ranking *r = qc ? qc->run : NULL;
    if (!r) {
        sqlite3_result_null(ctx);
        return;
    }
    r->rows++;
    sqlite3_int64 rid = api->xRowid(fts);
    if (rid < 1 || rid > qc->f.n || r->set->pos[rid] == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    int rc = SQLITE_OK;
    if (!r->started) {
        r->started = true;
        r->phrases = api->xPhraseCount(fts);
        r->freq = xcalloc((size_t)r->phrases + 1, sizeof *r->freq);
        r->idf = xcalloc((size_t)r->phrases + 1, sizeof *r->idf);
        sqlite3_int64 tokens = 0;
        rc = api->xRowCount(fts, &r->table_rows);
        if (rc == SQLITE_OK)
            rc = api->xColumnTotalSize(fts, -1, &tokens);
        r->avgdl = (double)tokens / (double)(r->table_rows > 0 ? r->table_rows : 1);
        /* One word's IDF scales every row alike, so it waits until the pass has counted the
         * rows; with more words each needs its own count, as bm25() does. */
        for (int i = 0; r->phrases > 1 && rc == SQLITE_OK && i < r->phrases; i++) {
            sqlite3_int64 n = 0;
            rc = api->xQueryPhrase(fts, i, &n, count_rows);
            r->idf[i] = idf_of(r->table_rows, n);
        }
    }
    for (int i = 0; i < r->phrases; i++)
        r->freq[i] = 0.0;
    int inst = 0;
    if (rc == SQLITE_OK)
        rc = api->xInstCount(fts, &inst);
    for (int i = 0; rc == SQLITE_OK && i < inst; i++) {
        int phrase, col, off;
        rc = api->xInst(fts, i, &phrase, &col, &off);
        if (rc == SQLITE_OK && phrase >= 0 && phrase < r->phrases)
            r->freq[phrase] += col >= 0 && col < 6 ? rank_weights[col] : 1.0;
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double d = (double)qc->f.doclen[rid - 1], rank;
    if (r->phrases == 1) {
        rank = bm25_part(r->freq[0], d, r->avgdl); /* scaled by the IDF after the pass */
    } else {
        double score = 0.0;
        for (int i = 0; i < r->phrases; i++)
            score += r->idf[i] * bm25_part(r->freq[i], d, r->avgdl);
        rank = -1.0 * score;
    }
    struct found *out = r->out;
    if (out->n == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 256;
        out->hits = xrealloc(out->hits, out->cap * sizeof *out->hits);
    }
    out->hits[out->n++] = (struct hit){rank, r->set->pos[rid], (uint32_t)rid};
    sqlite3_result_int(ctx, 1);
}

/* The rows of set matching the FTS5 expression fts, ranked; cached for the next call (the list
 * asks for the count, then the page). */
static const struct found *search(struct store *st, struct query_cache *qc, const struct fset *set,
                                  const char *fts, char **err)
{
    char *key = xasprintf("%s\n%s", set->key, fts);
    if (qc->found.key && strcmp(qc->found.key, key) == 0) {
        free(key);
        return &qc->found;
    }
    found_clear(&qc->found);
    struct ranking r = {.set = set, .out = &qc->found};
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db,
                                "SELECT count(*) FROM entry_fts"
                                " WHERE entry_fts MATCH ? AND itpnav_rank(entry_fts)",
                                -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, fts, -1, SQLITE_STATIC);
        qc->run = &r;
        rc = sqlite3_step(s);
        qc->run = NULL;
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
        if (rc == SQLITE_OK)
            rc = sqlite3_finalize(s);
        else
            sqlite3_finalize(s);
    }
    free(r.freq);
    free(r.idf);
    if (rc != SQLITE_OK) {
        *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
        found_clear(&qc->found);
        free(key);
        return NULL;
    }
    if (r.phrases == 1) {
        double idf = idf_of(r.table_rows, (sqlite3_int64)r.rows);
        for (size_t i = 0; i < qc->found.n; i++)
            qc->found.hits[i].rank = -1.0 * (idf * qc->found.hits[i].rank);
    }
    qc->found.key = key;
    return &qc->found;
}

/* ---- pages and counts ---- */

static char *column(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

/* Fill out with the rows of the n rids, in that order. */
static int fetch_rows(struct store *st, const uint32_t *rids, size_t n, struct page *out,
                      char **err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT e.rid, e.id, e.kind, e.name, e.acronym, e.regions_text,"
                           " e.size_text, e.status, e.summary,"
                           " (SELECT group_concat(region) FROM entry_region WHERE rid = e.rid),"
                           " (SELECT group_concat(goal) FROM entry_goal WHERE rid = e.rid)"
                           " FROM entry e WHERE e.rid = ?",
                           -1, &s, NULL) != SQLITE_OK) {
        *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
        return -1;
    }
    out->rows = n ? xcalloc(n, sizeof *out->rows) : NULL;
    int rc = SQLITE_OK;
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        sqlite3_bind_int64(s, 1, rids[i]);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            out->rows[out->n++] = (struct row){
                    .rid = sqlite3_column_int64(s, 0),
                    .id = column(s, 1),
                    .kind = column(s, 2),
                    .name = column(s, 3),
                    .acronym = column(s, 4),
                    .where = column(s, 5),
                    .size = column(s, 6),
                    .status = column(s, 7),
                    .summary = column(s, 8),
                    .regions = column(s, 9),
                    .goals = column(s, 10),
            };
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK; /* the index names a row the table lacks: skip it */
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_OK) {
        *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
        page_finish(out);
        return -1;
    }
    return 0;
}

int query_page(struct store *st, const struct query *q, size_t offset, size_t limit,
               struct page *out, char **err)
{
    *out = (struct page){0};
    struct query_cache *qc = cache_of(st, err);
    const struct fset *set = qc ? fset_get(st, qc, q, err) : NULL;
    if (!set)
        return -1;
    char *fts = query_fts_expr(q->text);
    int rc = 0;
    if (!fts) {
        size_t n = offset < set->n ? set->n - offset : 0;
        rc = fetch_rows(st, set->order + (offset < set->n ? offset : 0), n < limit ? n : limit, out,
                        err);
    } else {
        const struct found *found = search(st, qc, set, fts, err);
        if (!found) {
            rc = -1;
        } else {
            size_t end = limit < found->n && offset < found->n - limit ? offset + limit : found->n;
            found_sort(&qc->found, end);
            size_t n = offset < end ? end - offset : 0;
            uint32_t *rids = xmalloc((n ? n : 1) * sizeof *rids);
            for (size_t i = 0; i < n; i++)
                rids[i] = found->hits[offset + i].rid;
            rc = fetch_rows(st, rids, n, out, err);
            free(rids);
        }
    }
    free(fts);
    return rc;
}

int query_count(struct store *st, const struct query *q, size_t *count, char **err)
{
    *count = 0;
    struct query_cache *qc = cache_of(st, err);
    const struct fset *set = qc ? fset_get(st, qc, q, err) : NULL;
    if (!set)
        return -1;
    char *fts = query_fts_expr(q->text);
    int rc = 0;
    if (!fts) {
        *count = set->n;
    } else {
        const struct found *found = search(st, qc, set, fts, err);
        if (found)
            *count = found->n;
        else
            rc = -1;
    }
    free(fts);
    return rc;
}

void page_finish(struct page *p)
{
    for (size_t i = 0; i < p->n; i++) {
        struct row *r = &p->rows[i];
        free(r->id);
        free(r->kind);
        free(r->name);
        free(r->acronym);
        free(r->where);
        free(r->size);
        free(r->status);
        free(r->summary);
        free(r->regions);
        free(r->goals);
    }
    free(p->rows);
    *p = (struct page){0};
}

/* The nearest of the strings the statement yields (column 0 the value, 1 what to compare). */
static char *suggest_from(sqlite3_stmt *s, const char *want)
{
    char *best = NULL;
    size_t best_d = SIZE_MAX;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *cmp = (const char *)sqlite3_column_text(s, 1);
        if (!cmp)
            continue;
        size_t d = text_distance(want, cmp);
        if (d < best_d) {
            best_d = d;
            free(best);
            best = column(s, 0);
        }
    }
    size_t len = strlen(want), limit = len / 2 > 3 ? len / 2 : 3;
    if (best && best_d > limit) {
        free(best);
        best = NULL;
    }
    return best;
}

char *query_resolve_region(struct store *st, const char *name, char **suggest)
{
    *suggest = NULL;
    char *fold = text_fold(name);
    char *found = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id FROM region WHERE id = ?1 OR fold = ?2"
                           " ORDER BY id = ?1 DESC, depth, pos LIMIT 1",
                           -1, &s, NULL) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, fold, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW)
            found = column(s, 0);
        sqlite3_finalize(s);
    }
    if (!found && sqlite3_prepare_v2(st->db, "SELECT name, fold FROM region ORDER BY pos", -1, &s,
                                     NULL) == SQLITE_OK) {
        *suggest = suggest_from(s, fold);
        sqlite3_finalize(s);
    }
    free(fold);
    return found;
}

bool query_known(struct store *st, const char *table, const char *id, char **suggest)
{
    *suggest = NULL;
    /* table comes from our own code, never from input: only these three are accepted. */
    const char *sql;
    if (strcmp(table, "goal") == 0)
        sql = "SELECT id, id, id = ? FROM goal ORDER BY pos";
    else if (strcmp(table, "service") == 0)
        sql = "SELECT id, id, id = ? FROM service ORDER BY pos";
    else if (strcmp(table, "exam") == 0)
        sql = "SELECT id, id, id = ? FROM exam ORDER BY pos";
    else
        return false;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    bool found = false;
    while (!found && sqlite3_step(s) == SQLITE_ROW)
        found = sqlite3_column_int(s, 2);
    if (!found) {
        sqlite3_reset(s);
        *suggest = suggest_from(s, id);
    }
    sqlite3_finalize(s);
    return found;
}
