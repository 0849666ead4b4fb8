/* rank.c: words through FTS5, ranked by the bm25 formula but with the document lengths of the
 * list index rather than looked up row by row (bench/README.md); a partial sort for a first
 * page. */
#include "facet.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"

#define RANK_K1 1.2
#define RANK_B  0.75

/* Column weights of the text rank: name, acronym, host, location, summary, body. */
static const double rank_weights[] = {10.0, 8.0, 3.0, 2.0, 2.0, 1.0};

/* A search in progress: what the rank function reads and fills. */
struct ranking {
    const struct facets *f;
    const uint32_t *pos;
    struct rank_found *out;
    uint64_t rows; /* rows the expression matched, kept or not */
    bool started;
    int phrases;
    sqlite3_int64 table_rows;
    double avgdl;
    double *idf, *freq;
};

struct ranker {
    struct ranking *run; /* the search in progress, or NULL */
    void (*closed)(void *ctx);
    void *ctx;
};

void rank_found_finish(struct rank_found *r)
{
    free(r->key);
    free(r->hits);
    *r = (struct rank_found){0};
}

static bool hit_before(const struct rank_hit *a, const struct rank_hit *b)
{
    return a->rank < b->rank || (a->rank == b->rank && a->pos < b->pos);
}

static int hit_cmp(const void *x, const void *y)
{
    const struct rank_hit *a = x, *b = y;
    return hit_before(a, b) ? -1 : hit_before(b, a) ? 1 : 0;
}

static void swap_hits(struct rank_hit *a, struct rank_hit *b)
{
    struct rank_hit t = *a;
    *a = *b;
    *b = t;
}

/* Rearrange h so that h[0 .. k) hold the k first hits (in no order): quickselect. */
static void select_first(struct rank_hit *h, size_t n, size_t k)
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
        struct rank_hit pivot = h[hi - 1];
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

void rank_sort(struct rank_found *r, size_t need)
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

void rank_initial(const uint32_t *order, uint32_t n, const uint32_t *any, const uint32_t *name,
                  struct rank_found *out)
{
    rank_found_finish(out);
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t k = 0; k < n; k++) {
            uint32_t rid = order[k], bit = 1u << (rid % 32);
            bool in_name = (name[rid / 32] & bit) != 0;
            if (!(any[rid / 32] & bit) || in_name == (pass == 1))
                continue;
            if (out->n == out->cap) {
                out->cap = out->cap ? 2 * out->cap : 256;
                out->hits = xrealloc(out->hits, out->cap * sizeof *out->hits);
            }
            /* The rank says which group: in the name (-1) or elsewhere (0). */
            out->hits[out->n++] = (struct rank_hit){pass ? 0.0 : -1.0, k + 1, rid};
        }
    out->sorted = out->n;
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
    struct ranker *ranker = api->xUserData(fts);
    struct ranking *r = ranker ? ranker->run : NULL;
    if (!r) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_int64 rid = api->xRowid(fts);
    if (rid < 1 || rid > r->f->n || r->pos[rid] == 0) {
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
    double d = (double)facet_at(&r->f->doclen, (size_t)rid - 1), rank;
    if (r->phrases == 1) {
        rank = bm25_part(r->freq[0], d, r->avgdl); /* scaled by the IDF after the pass */
    } else {
        double score = 0.0;
        for (int i = 0; i < r->phrases; i++)
            score += r->idf[i] * bm25_part(r->freq[i], d, r->avgdl);
        rank = -1.0 * score;
    }
    struct rank_found *out = r->out;
    if (out->n == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 256;
        out->hits = xrealloc(out->hits, out->cap * sizeof *out->hits);
    }
    out->hits[out->n++] = (struct rank_hit){rank, r->pos[rid], (uint32_t)rid};
    sqlite3_result_int(ctx, 1);
}

/* itpnav_kept(rowid): whether the search in progress keeps the row, counting every row the
 * expression matched. It comes before itpnav_rank in the statement: a plain function costs less
 * than FTS5's call of a ranking function, and most rows a short word matches are filtered out. */
static void kept_function(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    (void)nval;
    struct ranker *ranker = sqlite3_user_data(ctx);
    struct ranking *r = ranker ? ranker->run : NULL;
    if (!r) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    r->rows++;
    sqlite3_int64 rid = sqlite3_value_int64(val[0]);
    sqlite3_result_int(ctx, rid >= 1 && rid <= r->f->n && r->pos[rid] != 0);
}

/* Called by SQLite when the connection closes (the rank function's destructor). */
static void ranker_destroy(void *p)
{
    struct ranker *r = p;
    void (*closed)(void *) = r->closed;
    void *ctx = r->ctx;
    free(r);
    if (closed)
        closed(ctx);
}

struct ranker *rank_attach(sqlite3 *db, void (*closed)(void *ctx), void *ctx)
{
    fts5_api *api = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(s);
        sqlite3_finalize(s);
    }
    if (!api || api->iVersion < 2)
        return NULL;
    struct ranker *r = xcalloc(1, sizeof *r);
    r->closed = closed;
    r->ctx = ctx;
    /* SQLite owns the ranker from here: it is freed with the connection, however that is
     * closed. */
    if (sqlite3_create_function(db, "itpnav_kept", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, r,
                                kept_function, NULL, NULL) != SQLITE_OK ||
        api->xCreateFunction(api, "itpnav_rank", r, rank_function, ranker_destroy) != SQLITE_OK) {
        free(r);
        return NULL;
    }
    return r;
}

int rank_search(struct ranker *ranker, sqlite3 *db, const struct facets *f, const uint32_t *pos,
                const char *fts, struct rank_found *out)
{
    rank_found_finish(out);
    struct ranking r = {.f = f, .pos = pos, .out = out};
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?"
                                " AND itpnav_kept(rowid) AND itpnav_rank(entry_fts)",
                                -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, fts, -1, SQLITE_STATIC);
        ranker->run = &r;
        rc = sqlite3_step(s);
        ranker->run = NULL;
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
        if (rc == SQLITE_OK)
            rc = sqlite3_finalize(s);
        else
            sqlite3_finalize(s);
    }
    free(r.freq);
    free(r.idf);
    if (rc != SQLITE_OK) {
        rank_found_finish(out);
        return rc;
    }
    if (r.phrases == 1) {
        double idf = idf_of(r.table_rows, (sqlite3_int64)r.rows);
        for (size_t i = 0; i < out->n; i++)
            out->hits[i].rank = -1.0 * (idf * out->hits[i].rank);
    }
    return SQLITE_OK;
}
