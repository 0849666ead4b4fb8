/* vocab.c: the dataset's own vocabularies: names by id through statements the store keeps, the
 * lists people choose from, and resolving what a person typed to an id. */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

/* Every query of a vocabulary gives these columns, so one function reads them all. */
#define COLUMNS "id, name, depth, parent, summary, url, publisher, as_of, undated, also"

/* A region's other names, one a line (COLUMNS' also). */
#define REGION_ALSO(id)                                                                            \
    "(SELECT group_concat(name, char(10)) FROM (SELECT name FROM region_name"                      \
    " WHERE region = " id " AND how > 0 ORDER BY how, pos))"

/* Each vocabulary as rows of COLUMNS, in the order people are shown them. */
static const char *const list_sql[VOCAB_COUNT] = {
        /* Depth-first, each level in the dataset's order: the tree as people expect it. */
        [VOCAB_REGION] = "WITH RECURSIVE t(id, name, depth, path, parent) AS ("
                         " SELECT id, name, 0, printf('%08d', pos), NULL FROM region"
                         " WHERE parent IS NULL"
                         " UNION ALL SELECT r.id, r.name, t.depth + 1,"
                         " t.path || '/' || printf('%08d', r.pos), t.name"
                         " FROM region r JOIN t ON r.parent = t.id)"
                         " SELECT id, name, depth, parent, NULL, NULL, NULL, NULL, 0,"
                         " " REGION_ALSO("t.id") " FROM t ORDER BY path",
        [VOCAB_GOAL] = "SELECT id, name, 0, NULL, summary, NULL, NULL, NULL, 0, NULL FROM goal"
                       " ORDER BY pos",
        [VOCAB_SERVICE] =
                "SELECT id, name, 0, NULL, summary, NULL, NULL, NULL, 0, NULL FROM service"
                " ORDER BY pos",
        [VOCAB_EXAM] = "SELECT id, name, 0, NULL, summary, NULL, NULL, NULL, 0, NULL FROM exam"
                       " ORDER BY pos",
        [VOCAB_SOURCE] = "SELECT id, title, 0, NULL, NULL, url, publisher, as_of, undated, NULL"
                         " FROM source ORDER BY pos",
};

/* One value by id, as COLUMNS. */
static const char *const get_sql[VOCAB_COUNT] = {
        [VOCAB_REGION] = "SELECT r.id, r.name, r.depth, p.name, NULL, NULL, NULL, NULL, 0,"
                         " " REGION_ALSO("r.id") " FROM region r LEFT JOIN region p"
                                                 " ON p.id = r.parent WHERE r.id = ?",
        [VOCAB_GOAL] = "SELECT id, name, 0, NULL, summary, NULL, NULL, NULL, 0, NULL FROM goal"
                       " WHERE id = ?",
        [VOCAB_SERVICE] =
                "SELECT id, name, 0, NULL, summary, NULL, NULL, NULL, 0, NULL FROM service"
                " WHERE id = ?",
        [VOCAB_EXAM] = "SELECT id, name, 0, NULL, summary, NULL, NULL, NULL, 0, NULL FROM exam"
                       " WHERE id = ?",
        [VOCAB_SOURCE] = "SELECT id, title, 0, NULL, NULL, url, publisher, as_of, undated, NULL"
                         " FROM source WHERE id = ?",
};

static const enum store_stmt get_slot[VOCAB_COUNT] = {
        [VOCAB_REGION] = STMT_VOCAB_REGION,   [VOCAB_GOAL] = STMT_VOCAB_GOAL,
        [VOCAB_SERVICE] = STMT_VOCAB_SERVICE, [VOCAB_EXAM] = STMT_VOCAB_EXAM,
        [VOCAB_SOURCE] = STMT_VOCAB_SOURCE,
};

static char *column(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

static void read_item(sqlite3_stmt *s, struct vocab_item *it)
{
    *it = (struct vocab_item){
            .id = column(s, 0),
            .name = column(s, 1),
            .depth = sqlite3_column_int(s, 2),
            .parent = column(s, 3),
            .summary = column(s, 4),
            .url = column(s, 5),
            .publisher = column(s, 6),
            .as_of = column(s, 7),
            .undated = sqlite3_column_int(s, 8) != 0,
            .also = column(s, 9),
    };
}

static int failed(struct store *st, struct err *e)
{
    return store_failed(st, e);
}

/* The kept statement that reads id from t, bound and stepped once: SQLITE_ROW, SQLITE_DONE, or an
 * error code (then e says why). Reset it after reading. */
static int step_get(struct store *st, enum vocab t, const char *id, sqlite3_stmt **out,
                    struct err *e)
{
    *out = NULL;
    if ((unsigned)t >= VOCAB_COUNT) {
        err_set(e, EXIT_IOERR, _("query failed: no such vocabulary"));
        return SQLITE_MISUSE;
    }
    sqlite3_stmt *s = store_stmt(st, get_slot[t], get_sql[t], e);
    if (!s)
        return SQLITE_ERROR;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        failed(st, e);
        sqlite3_reset(s);
        return rc;
    }
    *out = s;
    return rc;
}

static int name_once(struct store *st, enum vocab t, const char *id, char *buf, size_t n,
                     struct err *e)
{
    if (n)
        buf[0] = '\0';
    sqlite3_stmt *s;
    int rc = step_get(st, t, id ? id : "", &s, e);
    if (!s)
        return e && e->code ? e->code : EXIT_IOERR;
    if (rc == SQLITE_ROW && sqlite3_column_text(s, 1) && n)
        text_copy(buf, n, (const char *)sqlite3_column_text(s, 1)); /* never half a character */
    sqlite3_reset(s);
    return 0;
}

int vocab_name(struct store *st, enum vocab t, const char *id, char *buf, size_t n, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = name_once(st, t, id, buf, n, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

static int get_once(struct store *st, enum vocab t, const char *id, struct vocab_item *out,
                    struct err *e)
{
    *out = (struct vocab_item){0};
    sqlite3_stmt *s;
    int rc = step_get(st, t, id ? id : "", &s, e);
    if (!s)
        return e && e->code ? e->code : EXIT_IOERR;
    if (rc == SQLITE_ROW)
        read_item(s, out);
    sqlite3_reset(s);
    return 0;
}

int vocab_get(struct store *st, enum vocab t, const char *id, struct vocab_item *out, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = get_once(st, t, id, out, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

static int list_once(struct store *st, enum vocab t, struct vocab_list *out, struct err *e)
{
    *out = (struct vocab_list){0};
    if ((unsigned)t >= VOCAB_COUNT)
        return err_set(e, EXIT_IOERR, _("query failed: no such vocabulary"));
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, list_sql[t], -1, &s, NULL) != SQLITE_OK)
        return failed(st, e);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? 2 * cap : 16;
            out->v = xrealloc(out->v, cap * sizeof *out->v);
        }
        read_item(s, &out->v[out->n++]);
    }
    if (rc != SQLITE_DONE) {
        int code = failed(st, e);
        sqlite3_finalize(s);
        vocab_list_finish(out);
        return code;
    }
    sqlite3_finalize(s);
    return 0;
}

int vocab_list(struct store *st, enum vocab t, struct vocab_list *out, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = list_once(st, t, out, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

void vocab_item_finish(struct vocab_item *it)
{
    char *fields[] = {it->id,  it->name,      it->parent, it->summary,
                      it->url, it->publisher, it->as_of,  it->also};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(fields[i]);
    *it = (struct vocab_item){0};
}

void vocab_list_finish(struct vocab_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        vocab_item_finish(&l->v[i]);
    free(l->v);
    *l = (struct vocab_list){0};
}

/* ---- what a person typed ---- */

/* The nearest of the strings the statement yields (column 0 the value, 1 what to compare); *rc
 * an SQLite result code. */
static char *suggest_from(sqlite3_stmt *s, const char *want, int *rc)
{
    struct text_nearest n;
    text_nearest_init(&n, want);
    while ((*rc = sqlite3_step(s)) == SQLITE_ROW)
        text_nearest_offer(&n, (const char *)sqlite3_column_text(s, 1),
                           (const char *)sqlite3_column_text(s, 0));
    *rc = *rc == SQLITE_DONE ? SQLITE_OK : *rc;
    return text_nearest_take(&n);
}

char *vocab_region_fold(const struct vocab_item *it)
{
    char *names = xasprintf("%s\n%s", it->name ? it->name : "", it->also ? it->also : "");
    char *fold = text_fold(names);
    free(names);
    return fold;
}

bool vocab_region_has(const struct vocab_item *it, const char *typed)
{
    char *fold = vocab_region_fold(it);
    bool found = strstr(fold, typed) != NULL;
    free(fold);
    return found;
}

static char *resolve_once(struct store *st, const char *name, char **suggest, struct err *e)
{
    *suggest = NULL;
    char *fold = text_fold(name);
    char *found = NULL;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db,
                                "SELECT id FROM region WHERE id = ?1 UNION ALL"
                                " SELECT * FROM (SELECT n.region FROM region_name n"
                                " JOIN region r ON r.id = n.region WHERE n.fold = ?2"
                                " ORDER BY n.how, r.depth, r.pos) LIMIT 1",
                                -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, fold, -1, SQLITE_STATIC);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            found = column(s, 0);
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_finalize(s);
    }
    if (rc == SQLITE_OK && !found) {
        /* Every name a person might have meant, in the tree's order: the name suggested is the
         * one that was nearly typed (an alias resolves as well as the name). */
        rc = sqlite3_prepare_v2(st->db,
                                "SELECT n.name, n.fold FROM region_name n JOIN region r"
                                " ON r.id = n.region ORDER BY n.how, r.depth, r.pos, n.pos",
                                -1, &s, NULL);
        if (rc == SQLITE_OK) {
            *suggest = suggest_from(s, fold, &rc);
            sqlite3_finalize(s);
        }
    }
    if (rc != SQLITE_OK) {
        failed(st, e);
        free(found);
        free(*suggest);
        found = *suggest = NULL;
    }
    free(fold);
    return found;
}

char *vocab_resolve_region(struct store *st, const char *name, char **suggest, struct err *e)
{
    char *found;
    struct err why;
    store_begin(st);
    do {
        why = (struct err){0};
        found = resolve_once(st, name, suggest, &why);
    } while (store_again(st, why.code != 0, &why));
    if (why.code && e)
        *e = why;
    return found;
}

static bool known_once(struct store *st, enum vocab t, const char *id, char **suggest,
                       struct err *e)
{
    static const char *const sql[VOCAB_COUNT] = {
            [VOCAB_GOAL] = "SELECT id, id, id = ? FROM goal ORDER BY pos",
            [VOCAB_SERVICE] = "SELECT id, id, id = ? FROM service ORDER BY pos",
            [VOCAB_EXAM] = "SELECT id, id, id = ? FROM exam ORDER BY pos",
    };
    *suggest = NULL;
    if ((unsigned)t >= VOCAB_COUNT || !sql[t])
        return false;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql[t], -1, &s, NULL) != SQLITE_OK) {
        failed(st, e);
        return false;
    }
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    bool found = false;
    int rc;
    while (!found && (rc = sqlite3_step(s)) == SQLITE_ROW)
        found = sqlite3_column_int(s, 2);
    if (!found && rc == SQLITE_DONE) {
        sqlite3_reset(s);
        *suggest = suggest_from(s, id, &rc);
    }
    if (!found && rc != SQLITE_OK) {
        failed(st, e);
        free(*suggest);
        *suggest = NULL;
    }
    sqlite3_finalize(s);
    return found;
}

bool vocab_known(struct store *st, enum vocab t, const char *id, char **suggest, struct err *e)
{
    bool found;
    struct err why;
    store_begin(st);
    do {
        why = (struct err){0};
        found = known_once(st, t, id, suggest, &why);
    } while (store_again(st, why.code != 0, &why));
    if (why.code && e)
        *e = why;
    return found;
}

/* The table vocab_tr keys each vocabulary's translations by, and the key of its name. */
static const char *const tr_table[VOCAB_COUNT] = {
        [VOCAB_REGION] = "region", [VOCAB_GOAL] = "goal",     [VOCAB_SERVICE] = "service",
        [VOCAB_EXAM] = "exam",     [VOCAB_SOURCE] = "source",
};

/* The text of key for id of t in lang, as a new string; NULL when the file has none. */
static char *tr_text(struct store *st, enum vocab t, const char *id, const char *lang,
                     const char *key)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT text FROM vocab_tr WHERE tbl = ?1 AND id = ?2 AND lang = ?3"
                           " AND key = ?4",
                           -1, &s, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(s, 1, tr_table[t], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, lang, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, key, -1, SQLITE_STATIC);
    char *text = NULL;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        text = xstrdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return text;
}

int vocab_name_in(struct store *st, enum vocab t, const char *id, const char *lang, char *buf,
                  size_t n, struct err *e)
{
    char *text = lang ? tr_text(st, t, id, lang, t == VOCAB_SOURCE ? "title" : "name") : NULL;
    if (!text)
        return vocab_name(st, t, id, buf, n, e);
    text_copy(buf, n, text);
    free(text);
    return 0;
}

void vocab_list_localize(struct store *st, enum vocab t, struct vocab_list *l, const char *lang)
{
    if (!lang)
        return;
    const char *name_key = t == VOCAB_SOURCE ? "title" : "name";
    char **before = xcalloc(l->n ? l->n : 1, sizeof *before);
    for (size_t i = 0; i < l->n; i++) {
        struct vocab_item *it = &l->v[i];
        char *name = tr_text(st, t, it->id, lang, name_key);
        if (name) {
            before[i] = it->name;
            it->name = name;
            /* The file's own name is still one a person may type for a place. */
            if (t == VOCAB_REGION) {
                char *also =
                        it->also ? xasprintf("%s\n%s", before[i], it->also) : xstrdup(before[i]);
                free(it->also);
                it->also = also;
            }
        }
        char *summary = it->summary ? tr_text(st, t, it->id, lang, "summary") : NULL;
        if (summary) {
            free(it->summary);
            it->summary = summary;
        }
    }
    /* A region's parent is named: by its new name too. */
    for (size_t i = 0; i < l->n; i++)
        for (size_t j = 0; l->v[i].parent && j < l->n; j++)
            if (before[j] && strcmp(l->v[i].parent, before[j]) == 0) {
                free(l->v[i].parent);
                l->v[i].parent = xstrdup(l->v[j].name);
                break;
            }
    for (size_t i = 0; i < l->n; i++)
        free(before[i]);
    free(before);
}
