/* query.c: the one place that applies the filters of spec/dataset.md to lists: the filter sets
 * over the packed index (facet.h), words through FTS5 and the ranking, then the rows of a page;
 * every value given to SQL is a bound parameter. */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "facet.h"
#include "store_impl.h"
#include "util.h"

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

#define FSET_SLOTS 4
#define FSET_RUN   512
/* keep[rid] in fset_build: spec + 1 (at most KEEP_MAX; a spec is at most 16), and KEEP_MARK while
 * a filter marks the entries it keeps. */
#define KEEP_MAX  0x7f
#define KEEP_MARK 0x80

/* The entries one set of filters keeps, in list order. */
struct fset {
    char *key;
    uint32_t n;
    uint32_t *order; /* rids, in list order */
    uint32_t *pos;   /* [rid]: 1-based place in order, 0 when filtered out (fset_pos) */
    uint32_t n_entries;
    uint64_t used;
};

struct query_cache {
    int state; /* 0 not loaded, 1 ready, -1 the index is missing or damaged */
    struct facets f;
    struct fset sets[FSET_SLOTS];
    uint64_t clock;
    struct rank_found found; /* the last search, for the page after its count */
    struct ranker *ranker;
};

static void fset_clear(struct fset *s)
{
    free(s->key);
    free(s->order);
    free(s->pos);
    *s = (struct fset){0};
}

/* Called when the connection closes, after the ranker that read the cache is gone. */
static void cache_destroy(void *p)
{
    struct query_cache *qc = p;
    if (!qc)
        return;
    for (int i = 0; i < FSET_SLOTS; i++)
        fset_clear(&qc->sets[i]);
    rank_found_finish(&qc->found);
    facet_finish(&qc->f);
    free(qc);
}

/* The store's query cache, created with its rank function on first use; NULL when the store has
 * no usable index. */
static struct query_cache *cache_of(struct store *st, struct err *e)
{
    if (st->qc && st->qc->state == 1)
        return st->qc;
    if (!st->qc) {
        struct query_cache *qc = xcalloc(1, sizeof *qc);
        /* SQLite owns the cache from here, through the ranker: it is freed with the connection,
         * however that is closed. */
        qc->ranker = rank_attach(st->db, cache_destroy, qc);
        if (!qc->ranker) {
            free(qc);
            err_set(e, EXIT_IOERR, "query failed: full-text search is not available");
            return NULL;
        }
        st->qc = qc;
    }
    if (st->qc->state == 0)
        st->qc->state = facet_load(st->db, &st->qc->f) ? 1 : -1;
    if (st->qc->state != 1) {
        store_inconsistent(st, "its list index is missing or damaged", e);
        return NULL;
    }
    return st->qc;
}

/* ---- filtering ---- */

/* A key naming q's filters (not its words) and the name order its language reads in (f's), for
 * the caches. */
static char *filter_key(const struct facets *f, const struct query *q)
{
    struct sb b = {0};
    const char *lang = facet_has_order(f, q->lang) ? q->lang : "";
    sb_addf(&b, "o%zu:%s k%u d%u r", strlen(lang), lang, q->kinds & 7u, q->delivery & 7u);
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
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < n && i < QUERY_MAX_VALUES && rc == SQLITE_DONE; i++) {
        sqlite3_bind_text(s, 1, ids[i], -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            sqlite3_int64 p = sqlite3_column_int64(s, 0);
            if (p >= 0 && p < rows)
                sel[p] = 1;
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE;
}

/* Give the entries in the postings of kind at pos the mark (keep's high bit); false when those
 * postings are damaged. */
static bool mark(struct facets *f, const char *kind, uint32_t pos, uint8_t *keep)
{
    struct facet_postings post;
    if (!facet_postings(f, kind, pos, &post))
        return false;
    uint32_t rids[FSET_RUN];
    for (uint32_t base = 0; base < post.rids.count; base += FSET_RUN) {
        uint32_t run = post.rids.count - base < FSET_RUN ? post.rids.count - base : FSET_RUN;
        facet_decode(&post.rids, base, run, rids);
        for (uint32_t j = 0; j < run; j++)
            keep[rids[j]] |= KEEP_MARK;
    }
    facet_postings_finish(&post);
    return true;
}

/* Keep the marked entries (rids 1..n) without their mark; leave out the others. */
static void keep_marked(uint8_t *keep, uint32_t n)
{
    for (uint32_t rid = 1; rid <= n; rid++)
        keep[rid] = keep[rid] & KEEP_MARK ? keep[rid] & (uint8_t)~KEEP_MARK : 0;
}

/* Apply q's filters to every entry (spec/dataset.md, "Filter semantics") and order the ones kept:
 * the most specific matching region first, then by name in q's language (facet_order_for). */
static int fset_build(struct store *st, struct facets *f, const struct query *q, struct fset *out,
                      struct err *e)
{
    uint32_t n = f->n;
    uint32_t kinds = q->kinds & 7u, delivery = q->delivery & 7u;
    /* The kinds and deliveries are in attr, and so is the spec a list without a region orders
     * by; a region's postings carry their own. Pathways alone in a region (match, the pathways
     * list) are kept by their kind's postings, a tenth of attr's reading, unless attr is read
     * already. */
    bool by_kind = kinds == KIND_PATHWAY && q->region && !delivery && !f->attr.p;
    if (by_kind)
        kinds = 0;
    unsigned need = FACET_ORDER | (!q->region || kinds || delivery ? FACET_ATTR : 0);
    if (!facet_need(f, need, q->lang))
        return store_inconsistent(st, "its list index is missing or damaged", e);
    /* keep[rid]: the entry's spec + 1 while it is kept, 0 once a filter leaves it out. A spec is
     * a region's depth (at most 16, spec/dataset.md): a byte holds it, and the fresh memory a
     * list touches is a cost of its own (a page fault a 4 KB page). */
    uint8_t *keep = xcalloc((size_t)n + 1, sizeof *keep);
    bool ok = true, damaged = false;
    if (q->region) {
        /* The entries in the region or under it, at the depth of their deepest region there;
         * then those in a region above it, at that region's depth (shallower: a deeper one
         * already set wins). The region is the deepest of its ancestors (itself at distance 0
         * in the closure). */
        sqlite3_stmt *s;
        ok = sqlite3_prepare_v2(st->db,
                                "SELECT r.pos, r.depth FROM region_closure c JOIN region r"
                                " ON r.id = c.ancestor WHERE c.descendant = ?1"
                                " ORDER BY r.depth DESC",
                                -1, &s, NULL) == SQLITE_OK;
        if (ok)
            sqlite3_bind_text(s, 1, q->region, -1, SQLITE_STATIC);
        int rc = SQLITE_DONE;
        for (bool first = true; ok && !damaged && (rc = sqlite3_step(s)) == SQLITE_ROW;
             first = false) {
            sqlite3_int64 p = sqlite3_column_int64(s, 0);
            int depth = sqlite3_column_int(s, 1);
            struct facet_postings post;
            if (p < 0 || p >= f->n_regions ||
                !facet_postings(f, first ? "region" : "direct", (uint32_t)p, &post)) {
                damaged = true;
                break;
            }
            uint32_t rids[FSET_RUN], depths[FSET_RUN];
            for (uint32_t base = 0; base < post.rids.count; base += FSET_RUN) {
                uint32_t run =
                        post.rids.count - base < FSET_RUN ? post.rids.count - base : FSET_RUN;
                facet_decode(&post.rids, base, run, rids);
                if (post.depths.p)
                    facet_decode(&post.depths, base, run, depths);
                for (uint32_t j = 0; j < run; j++) {
                    uint32_t d = post.depths.p ? depths[j] : (uint32_t)depth;
                    uint8_t v = (uint8_t)(d < KEEP_MAX ? d + 1 : KEEP_MAX);
                    if (keep[rids[j]] < v)
                        keep[rids[j]] = v;
                }
            }
            facet_postings_finish(&post);
        }
        if (ok) {
            ok = damaged || rc == SQLITE_DONE;
            sqlite3_finalize(s);
        }
    } else {
        uint32_t attr[FSET_RUN];
        for (uint32_t base = 0; base < n; base += FSET_RUN) {
            uint32_t run = n - base < FSET_RUN ? n - base : FSET_RUN;
            facet_decode(&f->attr, base, run, attr);
            for (uint32_t j = 0; j < run; j++) {
                uint32_t sp = facet_spec(attr[j]);
                keep[base + j + 1] = (uint8_t)(sp < KEEP_MAX ? sp + 1 : KEEP_MAX);
            }
        }
    }
    if (by_kind && ok && !damaged) {
        damaged = !mark(f, "kind", 2, keep);
        keep_marked(keep, n);
    }
    /* Goals, then services: kept when it has one of those given. Unknown ids mark nothing. */
    static const char *const table[] = {"goal", "service"};
    static const char *const pos_sql[] = {"SELECT pos FROM goal WHERE id = ?",
                                          "SELECT pos FROM service WHERE id = ?"};
    const char *const *ids[] = {q->goals, q->services};
    size_t n_ids[] = {q->n_goals, q->n_services};
    uint32_t rows[] = {f->n_goals, f->n_services};
    for (int t = 0; t < 2 && ok && !damaged; t++) {
        if (!n_ids[t])
            continue;
        uint8_t *sel = xcalloc((size_t)rows[t] + 1, 1);
        ok = select_ids(st->db, pos_sql[t], ids[t], n_ids[t], sel, rows[t]);
        /* Those with one of them get the mark (keep's high bit); then the others go. */
        for (uint32_t p = 0; ok && !damaged && p < rows[t]; p++) {
            if (sel[p] && !mark(f, table[t], p, keep))
                damaged = true;
        }
        keep_marked(keep, n);
        free(sel);
    }
    if (ok && !damaged && (kinds || delivery)) {
        uint32_t attr[FSET_RUN];
        for (uint32_t base = 0; base < n; base += FSET_RUN) {
            uint32_t run = n - base < FSET_RUN ? n - base : FSET_RUN;
            facet_decode(&f->attr, base, run, attr);
            for (uint32_t j = 0; j < run; j++)
                if ((kinds && !(facet_kind(attr[j]) & kinds)) ||
                    (delivery && !(facet_delivery(attr[j]) & delivery)))
                    keep[base + j + 1] = 0;
        }
    }
    if (!ok || damaged) {
        free(keep);
        return damaged ? store_inconsistent(st, "its list index is missing or damaged", e)
                       : store_failed(st, e);
    }
    const struct facet_array *by_name = facet_order_for(f, q->lang);
    uint32_t start[UINT8_MAX + 1] = {0}, m = 0, rids[FSET_RUN];
    for (uint32_t base = 0; base < n; base += FSET_RUN) {
        uint32_t run = n - base < FSET_RUN ? n - base : FSET_RUN;
        facet_decode(by_name, base, run, rids);
        for (uint32_t j = 0; j < run; j++)
            start[keep[rids[j]]]++;
    }
    /* The deepest first: start[v] is where the entries of keep value v begin. */
    for (int v = UINT8_MAX; v >= 1; v--) {
        uint32_t c = start[v];
        start[v] = m;
        m += c;
    }
    out->order = xmalloc(((size_t)m + 1) * sizeof *out->order);
    for (uint32_t base = 0; base < n && m; base += FSET_RUN) {
        uint32_t run = n - base < FSET_RUN ? n - base : FSET_RUN;
        facet_decode(by_name, base, run, rids);
        for (uint32_t j = 0; j < run; j++)
            if (keep[rids[j]])
                out->order[start[keep[rids[j]]]++] = rids[j];
    }
    out->n = m;
    out->n_entries = n;
    free(keep);
    return 0;
}

/* s's places by rid, made the first time they are needed (a search ranks ties by them; a list
 * without words needs them only to find an entry). */
static const uint32_t *fset_pos(struct fset *s)
{
    if (!s->pos) {
        s->pos = xcalloc((size_t)s->n_entries + 1, sizeof *s->pos);
        for (uint32_t k = 0; k < s->n; k++)
            s->pos[s->order[k]] = k + 1;
    }
    return s->pos;
}

/* The filter set of q, from the cache or built (evicting the least recently used). */
static struct fset *fset_get(struct store *st, struct query_cache *qc, const struct query *q,
                             struct err *e)
{
    char *key = filter_key(&qc->f, q);
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
    if (fset_build(st, &qc->f, q, slot, e) != 0) {
        free(key);
        return NULL;
    }
    slot->key = key;
    slot->used = ++qc->clock;
    return slot;
}

/* ---- words ---- */

/* Into out (3 bytes): the word, in lower case, when typed is one word of one or two ASCII
 * letters or digits, however often it is typed; else "". A word with other letters is folded
 * as the index folds it ("É" is "e", facet_fold_word). */
static void short_word(sqlite3 *db, const char *typed, char *out)
{
    out[0] = '\0';
    for (const char *p = typed ? typed : ""; *p;) {
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        char w[3] = "";
        size_t n = 0, letters = 0;
        const char *start = p;
        bool wide = false;
        for (; *p && word_byte((unsigned char)*p); p++) {
            unsigned char c = (unsigned char)*p;
            wide = wide || c >= 0x80;
            /* A character's first byte, but for U+0300 to U+037F (mostly accents that fold
             * away): a word of more than two cannot fold to one or two letters. */
            letters += (c & 0xC0) != 0x80 && c != 0xCC && c != 0xCD;
            if (n < 2)
                w[n] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            n++;
        }
        if (wide ? letters > 2 || !facet_fold_word(db, start, (size_t)(p - start), w) : n > 2) {
            out[0] = '\0'; /* a longer word */
            return;
        }
        if (out[0] && strcmp(out, w) != 0) {
            out[0] = '\0'; /* two words */
            return;
        }
        memcpy(out, w, 3);
    }
}

/* The rows of set matching the FTS5 expression fts (typed as text), ranked; cached for the next
 * call (the list asks for the count, then the page). */
static const struct rank_found *search(struct store *st, struct query_cache *qc, struct fset *set,
                                       const char *fts, const char *text, struct err *e)
{
    char *key = xasprintf("%s\n%s", set->key, fts);
    if (qc->found.key && strcmp(qc->found.key, key) == 0) {
        free(key);
        return &qc->found;
    }
    /* One or two letters, in a store that keeps their matches: the same entries as FTS5 finds,
     * without walking its doclist, ranked by the cheaper rule of rank_initial. */
    uint32_t *any, *name;
    char prefix[3];
    short_word(st->db, text, prefix);
    int rc = facet_initial(st->db, prefix, qc->f.n, &any, &name);
    if (rc == SQLITE_OK) {
        rank_initial(set->order, set->n, any, name, &qc->found);
        free(any);
        free(name);
        qc->found.key = key;
        return &qc->found;
    }
    if (rc != SQLITE_NOTFOUND && rc != SQLITE_CORRUPT) {
        store_failed(st, e);
        free(key);
        return NULL;
    }
    if (!facet_need(&qc->f, FACET_DOCLEN, NULL)) {
        store_inconsistent(st, "its list index is missing or damaged", e);
        free(key);
        return NULL;
    }
    if (rank_search(qc->ranker, st->db, &qc->f, fset_pos(set), fts, &qc->found) != SQLITE_OK) {
        store_failed(st, e);
        free(key);
        return NULL;
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
static int fetch_rows(struct store *st, const uint32_t *rids, size_t n, const char *lang,
                      struct page *out, struct err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT e.rid, e.id, e.kind,"
                           " coalesce((SELECT text FROM entry_tr WHERE rid = e.rid AND lang = ?2"
                           " AND key = 'name' AND pos = 0), e.name), e.acronym,"
                           /* Its places in the language, where the file names them in it. */
                           " CASE WHEN ?2 IS NULL THEN e.regions_text ELSE"
                           " (SELECT group_concat(n, ', ') FROM (SELECT coalesce(t.text, r.name) n"
                           " FROM entry_region er JOIN region r ON r.id = er.region"
                           " LEFT JOIN vocab_tr t ON t.tbl = 'region' AND t.id = r.id"
                           " AND t.lang = ?2 AND t.key = 'name' WHERE er.rid = e.rid"
                           " ORDER BY r.depth, r.pos)) END,"
                           " e.size_text, e.status,"
                           " coalesce((SELECT text FROM entry_tr WHERE rid = e.rid AND lang = ?2"
                           " AND key = 'summary' AND pos = 0), e.summary),"
                           " (SELECT group_concat(region) FROM entry_region WHERE rid = e.rid),"
                           " (SELECT group_concat(goal) FROM entry_goal WHERE rid = e.rid),"
                           " coalesce(e.verified, e.as_of)"
                           " FROM entry e WHERE e.rid = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return store_failed(st, e);
    /* No language (NULL) matches no translation: the file's own text. */
    sqlite3_bind_text(s, 2, lang, -1, SQLITE_STATIC);
    out->rows = n ? xcalloc(n, sizeof *out->rows) : NULL;
    int rc = SQLITE_OK;
    bool missing = false;
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
                    .dated = column(s, 11),
            };
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            missing = true; /* the list index names a row the table lacks */
            break;
        }
        sqlite3_reset(s);
    }
    int code = 0;
    if (rc != SQLITE_OK)
        code = store_failed(st, e);
    else if (missing)
        code = store_inconsistent(st, "its list index names an entry its table lacks", e);
    sqlite3_finalize(s);
    if (code)
        query_page_finish(out);
    return code;
}

static int page_once(struct store *st, const struct query *q, size_t offset, size_t limit,
                     struct page *out, struct err *e)
{
    *out = (struct page){0};
    struct query_cache *qc = cache_of(st, e);
    struct fset *set = qc ? fset_get(st, qc, q, e) : NULL;
    if (!set)
        return EXIT_IOERR;
    char *fts = query_fts_expr(q->text);
    int rc = 0;
    if (!fts) {
        size_t n = offset < set->n ? set->n - offset : 0;
        rc = fetch_rows(st, set->order + (offset < set->n ? offset : 0), n < limit ? n : limit,
                        q->lang, out, e);
    } else {
        const struct rank_found *found = search(st, qc, set, fts, q->text, e);
        if (!found) {
            rc = EXIT_IOERR;
        } else {
            size_t end = limit < found->n && offset < found->n - limit ? offset + limit : found->n;
            rank_sort(&qc->found, end);
            size_t n = offset < end ? end - offset : 0;
            uint32_t *rids = xmalloc((n ? n : 1) * sizeof *rids);
            for (size_t i = 0; i < n; i++)
                rids[i] = found->hits[offset + i].rid;
            rc = fetch_rows(st, rids, n, q->lang, out, e);
            free(rids);
        }
    }
    free(fts);
    return rc;
}

int query_page(struct store *st, const struct query *q, size_t offset, size_t limit,
               struct page *out, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = page_once(st, q, offset, limit, out, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

static int rids_once(struct store *st, const struct query *q, uint32_t **rids, size_t *n,
                     struct err *e)
{
    *rids = NULL;
    *n = 0;
    struct query_cache *qc = cache_of(st, e);
    struct fset *set = qc ? fset_get(st, qc, q, e) : NULL;
    if (!set)
        return EXIT_IOERR;
    *rids = xmalloc(((size_t)set->n + 1) * sizeof **rids);
    memcpy(*rids, set->order, (size_t)set->n * sizeof **rids);
    *n = set->n;
    return 0;
}

int query_rids(struct store *st, const struct query *q, uint32_t **rids, size_t *n, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = rids_once(st, q, rids, n, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

static int count_once(struct store *st, const struct query *q, size_t *count, struct err *e)
{
    *count = 0;
    struct query_cache *qc = cache_of(st, e);
    struct fset *set = qc ? fset_get(st, qc, q, e) : NULL;
    if (!set)
        return EXIT_IOERR;
    char *fts = query_fts_expr(q->text);
    int rc = 0;
    if (!fts) {
        *count = set->n;
    } else {
        const struct rank_found *found = search(st, qc, set, fts, q->text, e);
        if (found)
            *count = found->n;
        else
            rc = EXIT_IOERR;
    }
    free(fts);
    return rc;
}

int query_count(struct store *st, const struct query *q, size_t *count, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = count_once(st, q, count, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

static int position_once(struct store *st, const struct query *q, int64_t rid, size_t *at,
                         struct err *e)
{
    *at = SIZE_MAX;
    struct query_cache *qc = cache_of(st, e);
    struct fset *set = qc ? fset_get(st, qc, q, e) : NULL;
    if (!set)
        return EXIT_IOERR;
    if (rid < 1 || rid > qc->f.n)
        return 0;
    char *fts = query_fts_expr(q->text);
    int rc = 0;
    if (!fts) {
        const uint32_t *pos = fset_pos(set);
        if (pos[rid])
            *at = pos[rid] - 1;
    } else {
        const struct rank_found *found = search(st, qc, set, fts, q->text, e);
        if (!found) {
            rc = EXIT_IOERR;
        } else {
            rank_sort(&qc->found, found->n);
            for (size_t i = 0; i < found->n && *at == SIZE_MAX; i++)
                if (found->hits[i].rid == (uint32_t)rid)
                    *at = i;
        }
    }
    free(fts);
    return rc;
}

int query_position(struct store *st, const struct query *q, int64_t rid, size_t *at, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = position_once(st, q, rid, at, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

void query_page_finish(struct page *p)
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
        free(r->dated);
    }
    free(p->rows);
    *p = (struct page){0};
}

void query_old_cutoff(char *buf, size_t n, long long now)
{
    time_t t = (time_t)now;
    struct tm tm;
    localtime_r(&t, &tm);
    /* 29 February, years back, is the 28th. */
    int day = tm.tm_mon == 1 && tm.tm_mday == 29 ? 28 : tm.tm_mday;
    snprintf(buf, n, "%04d-%02d-%02d", tm.tm_year + 1900 - QUERY_OLD_YEARS, tm.tm_mon + 1, day);
}

bool query_dated_before(const char *date, const char *cutoff)
{
    if (!date || !cutoff)
        return false;
    size_t len = strlen(date);
    char full[16];
    snprintf(full, sizeof full, "%s%s", date, len == 4 ? "-01-01" : len == 7 ? "-01" : "");
    return strcmp(full, cutoff) < 0;
}

int query_count_older(struct store *st, const char *cutoff, size_t *count, struct err *e)
{
    *count = 0;
    /* The counts by date the build keeps (facet.c); a cache written before them, or one whose
     * row is damaged, is counted the long way, with the same rule. */
    if (cutoff && facet_count_dated_before(st->db, cutoff, count) == SQLITE_OK)
        return 0;
    *count = 0;
    sqlite3_stmt *s;
    /* A year or a month counts from its first day: "2021" is "2021-01-01". */
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FROM entry WHERE coalesce(verified, as_of)"
                           " || substr('-01-01', length(coalesce(verified, as_of)) - 3) < ?",
                           -1, &s, NULL) != SQLITE_OK)
        return err_set(e, EXIT_IOERR, "query failed: %s", sqlite3_errmsg(st->db));
    sqlite3_bind_text(s, 1, cutoff, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *count = (size_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW)
        return err_set(e, EXIT_IOERR, "query failed: %s", sqlite3_errmsg(st->db));
    return 0;
}
