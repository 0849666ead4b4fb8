/* query.c: the one place that turns filters into SQL for lists; every value is a bound parameter.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

const char *query_kind_name(enum entry_kind k)
{
    switch (k) {
    case KIND_GROUP: return "group";
    case KIND_PROGRAM: return "program";
    case KIND_PATHWAY: return "pathway";
    default: return NULL;
    }
}

unsigned query_kind_parse(const char *s)
{
    if (strcmp(s, "group") == 0)
        return KIND_GROUP;
    if (strcmp(s, "program") == 0)
        return KIND_PROGRAM;
    if (strcmp(s, "pathway") == 0)
        return KIND_PATHWAY;
    if (strcmp(s, "support") == 0)
        return KIND_SUPPORTS;
    return 0;
}

unsigned query_delivery_parse(const char *s)
{
    if (strcmp(s, "online") == 0)
        return DELIVERY_ONLINE;
    if (strcmp(s, "in-person") == 0)
        return DELIVERY_IN_PERSON;
    if (strcmp(s, "hybrid") == 0)
        return DELIVERY_HYBRID;
    return 0;
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

/* A statement under construction: the SQL and the values to bind, in order. */
struct stmt {
    struct sb sql;
    const char *bind[4 * QUERY_MAX_VALUES + 8];
    int n;
};

static void add_value(struct stmt *s, const char *v)
{
    if ((size_t)s->n < sizeof s->bind / sizeof s->bind[0])
        s->bind[s->n++] = v;
}

static void add_in(struct stmt *s, const char *const *values, size_t n)
{
    sb_add(&s->sql, "(");
    for (size_t i = 0; i < n && i < QUERY_MAX_VALUES; i++) {
        sb_add(&s->sql, i ? ", ?" : "?");
        add_value(s, values[i]);
    }
    sb_add(&s->sql, ")");
}

static void add_bits(struct stmt *s, unsigned bits, const char *const *names, size_t n)
{
    const char *v[8];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (bits & (1u << i))
            v[k++] = names[i];
    add_in(s, v, k);
}

static const char *const kind_names[] = {"group", "program", "pathway"};
static const char *const delivery_names[] = {"online", "in-person", "hybrid"};

/* FROM and WHERE for q; the caller puts its SELECT in front via head. */
static void build(struct stmt *s, const struct query *q, const char *fts, const char *head)
{
    if (q->region) {
        /* The person's region, its ancestors and its descendants, each with its depth: an
         * entry matches through any of them, and its deepest one orders it. */
        sb_add(&s->sql, "WITH rel(region, depth) AS ("
                        " SELECT c.ancestor, r.depth FROM region_closure c JOIN region r"
                        " ON r.id = c.ancestor WHERE c.descendant = ?"
                        " UNION SELECT c.descendant, r.depth FROM region_closure c JOIN region r"
                        " ON r.id = c.descendant WHERE c.ancestor = ?),"
                        " m(rid, spec) AS (SELECT er.rid, max(rel.depth) FROM entry_region er"
                        " JOIN rel ON rel.region = er.region GROUP BY er.rid) ");
        add_value(s, q->region);
        add_value(s, q->region);
    }
    sb_add(&s->sql, head);
    sb_add(&s->sql, " FROM entry e");
    if (q->region)
        sb_add(&s->sql, " JOIN m ON m.rid = e.rid");
    if (fts)
        sb_add(&s->sql, " JOIN entry_fts ON entry_fts.rowid = e.rid");
    sb_add(&s->sql, " WHERE 1");
    if (fts) {
        sb_add(&s->sql, " AND entry_fts MATCH ?");
        add_value(s, fts);
    }
    if (q->kinds & (KIND_GROUP | KIND_PROGRAM | KIND_PATHWAY)) {
        sb_add(&s->sql, " AND e.kind IN ");
        add_bits(s, q->kinds, kind_names, 3);
    }
    if (q->n_goals) {
        sb_add(&s->sql, " AND e.rid IN (SELECT rid FROM entry_goal WHERE goal IN ");
        add_in(s, q->goals, q->n_goals);
        sb_add(&s->sql, ")");
    }
    if (q->n_services) {
        sb_add(&s->sql, " AND e.rid IN (SELECT rid FROM entry_service WHERE service IN ");
        add_in(s, q->services, q->n_services);
        sb_add(&s->sql, ")");
    }
    if (q->delivery & (DELIVERY_ONLINE | DELIVERY_IN_PERSON | DELIVERY_HYBRID)) {
        sb_add(&s->sql, " AND e.rid IN (SELECT rid FROM entry_delivery WHERE delivery IN ");
        add_bits(s, q->delivery, delivery_names, 3);
        sb_add(&s->sql, ")");
    }
}

static int prepare(struct store *st, struct stmt *s, sqlite3_stmt **out, char **err)
{
    int rc = sqlite3_prepare_v2(st->db, sb_str(&s->sql), -1, out, NULL);
    if (rc != SQLITE_OK) {
        *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
        return -1;
    }
    for (int i = 0; i < s->n; i++)
        sqlite3_bind_text(*out, i + 1, s->bind[i], -1, SQLITE_STATIC);
    return 0;
}

static char *column(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

int query_page(struct store *st, const struct query *q, size_t offset, size_t limit,
               struct page *out, char **err)
{
    *out = (struct page){0};
    char *fts = query_fts_expr(q->text);
    struct stmt s = {0};
    build(&s, q, fts,
          "SELECT e.rid, e.id, e.kind, e.name, e.acronym, e.regions_text, e.size_text, e.status,"
          " e.summary, (SELECT group_concat(region) FROM entry_region WHERE rid = e.rid),"
          " (SELECT group_concat(goal) FROM entry_goal WHERE rid = e.rid)");
    if (fts)
        sb_add(&s.sql, " ORDER BY bm25(entry_fts, 10.0, 8.0, 3.0, 2.0, 2.0, 1.0),");
    else
        sb_add(&s.sql, " ORDER BY");
    sb_add(&s.sql, q->region ? " m.spec DESC," : " e.spec DESC,");
    sb_addf(&s.sql, " e.sort_key, e.id LIMIT %zu OFFSET %zu", limit, offset);
    sqlite3_stmt *stmt;
    if (prepare(st, &s, &stmt, err) != 0) {
        sb_finish(&s.sql);
        free(fts);
        return -1;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? 2 * cap : 32;
            out->rows = xrealloc(out->rows, cap * sizeof *out->rows);
        }
        out->rows[out->n++] = (struct row){
                .rid = sqlite3_column_int64(stmt, 0),
                .id = column(stmt, 1),
                .kind = column(stmt, 2),
                .name = column(stmt, 3),
                .acronym = column(stmt, 4),
                .where = column(stmt, 5),
                .size = column(stmt, 6),
                .status = column(stmt, 7),
                .summary = column(stmt, 8),
                .regions = column(stmt, 9),
                .goals = column(stmt, 10),
        };
    }
    int result = 0;
    if (rc != SQLITE_DONE) {
        *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
        page_finish(out);
        result = -1;
    }
    sqlite3_finalize(stmt);
    sb_finish(&s.sql);
    free(fts);
    return result;
}

int query_count(struct store *st, const struct query *q, size_t *count, char **err)
{
    *count = 0;
    char *fts = query_fts_expr(q->text);
    struct stmt s = {0};
    build(&s, q, fts, "SELECT count(*)");
    sqlite3_stmt *stmt;
    int result = prepare(st, &s, &stmt, err);
    if (result == 0) {
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            *count = (size_t)sqlite3_column_int64(stmt, 0);
        } else {
            *err = xasprintf("query failed: %s", sqlite3_errmsg(st->db));
            result = -1;
        }
        sqlite3_finalize(stmt);
    }
    sb_finish(&s.sql);
    free(fts);
    return result;
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
