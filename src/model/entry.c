/* entry.c: reading one support or pathway in full from the store. */
#include "entry.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

static char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

static void failed(struct store *st, struct err *e)
{
    store_failed(st, e);
}

/* Run sql with rid bound as ?1 and collect (id, name, kind, note) rows. */
static void load_refs(struct store *st, const char *sql, int64_t rid, const char *id,
                      struct refs *out, struct err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        failed(st, e);
        return;
    }
    sqlite3_bind_int64(s, 1, rid);
    if (sqlite3_bind_parameter_count(s) >= 2)
        sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
    size_t cap = out->n;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? 2 * cap : 8;
            out->v = xrealloc(out->v, cap * sizeof *out->v);
        }
        int cols = sqlite3_column_count(s);
        out->v[out->n++] = (struct ref){
                .id = col(s, 0),
                .name = col(s, 1),
                .kind = cols > 2 ? col(s, 2) : NULL,
                .note = cols > 3 ? col(s, 3) : NULL,
        };
    }
    if (rc != SQLITE_DONE)
        failed(st, e);
    sqlite3_finalize(s);
}

/* How each of an entry's lists is kept (entry_item: the file's arrays, in one JSON object) and
 * read: an offer, an aim or a condition is a string; a step is {title, detail, url}; a link is
 * {title, url}, its address read as the item's extra. */
static const struct {
    const char *key, *text, *extra, *url;
} item_lists[] = {
        {"offers", NULL, NULL, NULL},      {"aims", NULL, NULL, NULL},
        {"eligibility", NULL, NULL, NULL}, {"steps", "title", "detail", "url"},
        {"links", "title", "url", NULL},
};

static char *member(const cJSON *o, const char *key)
{
    const cJSON *v = key ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

static void take_items(const cJSON *lists, size_t k, struct items *out)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(lists, item_lists[k].key);
    size_t n = (size_t)cJSON_GetArraySize(a);
    if (!cJSON_IsArray(a) || !n)
        return;
    out->v = xcalloc(n, sizeof *out->v);
    for (const cJSON *x = a->child; x; x = x->next) {
        struct item it = {0};
        if (cJSON_IsString(x))
            it.text = xstrdup(x->valuestring);
        else if (cJSON_IsObject(x) && item_lists[k].text) {
            it.text = member(x, item_lists[k].text);
            it.extra = member(x, item_lists[k].extra);
            it.url = member(x, item_lists[k].url);
        }
        if (it.text)
            out->v[out->n++] = it;
        else
            free(it.extra), free(it.url);
    }
}

/* The entry's lists: offers, aims, a pathway's conditions, steps and links. */
static void load_lists(struct store *st, struct entry *en, struct err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT lists FROM entry_item WHERE rid = ?", -1, &s, NULL) !=
        SQLITE_OK) {
        failed(st, e);
        return;
    }
    sqlite3_bind_int64(s, 1, en->rid);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        cJSON *lists = cJSON_ParseWithLength((const char *)sqlite3_column_text(s, 0),
                                             (size_t)sqlite3_column_bytes(s, 0));
        if (cJSON_IsObject(lists)) {
            struct items *out[] = {&en->offers, &en->aims, &en->eligibility_list, &en->steps,
                                   &en->links};
            for (size_t k = 0; k < sizeof out / sizeof out[0]; k++)
                take_items(lists, k, out[k]);
        } else {
            store_inconsistent(st, "an entry's lists are damaged", e);
        }
        cJSON_Delete(lists);
    } else if (rc != SQLITE_DONE) {
        failed(st, e);
    }
    sqlite3_finalize(s);
}

/* The entry's translations, by language in the file's order of them, then by key and item. */
static void load_translations(struct store *st, struct entry *e, struct err *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT lang, key, pos, text, extra FROM entry_tr WHERE rid = ?"
                           " ORDER BY instr(',' || (SELECT value FROM meta WHERE key ="
                           " 'languages') || ',', ',' || lang || ','), lang, key, pos",
                           -1, &s, NULL) != SQLITE_OK) {
        failed(st, err);
        return;
    }
    sqlite3_bind_int64(s, 1, e->rid);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (e->n_tr == cap) {
            cap = cap ? 2 * cap : 8;
            e->tr = xrealloc(e->tr, cap * sizeof *e->tr);
        }
        e->tr[e->n_tr++] = (struct translation){
                .lang = col(s, 0),
                .key = col(s, 1),
                .pos = sqlite3_column_int(s, 2),
                .text = col(s, 3),
                .extra = col(s, 4),
        };
    }
    if (rc != SQLITE_DONE)
        failed(st, err);
    sqlite3_finalize(s);
}

static int delivery_order(const void *x, const void *y)
{
    const struct term *a = terms_find(&terms_delivery, ((const struct ref *)x)->id);
    const struct term *b = terms_find(&terms_delivery, ((const struct ref *)y)->id);
    /* Unknown values (a hand-made database) last, as they are. */
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return (a > b) - (a < b);
}

/* How the entry is delivered, in the vocabulary's order and words. */
static void load_delivery(struct store *st, int64_t rid, struct refs *out, struct err *e)
{
    load_refs(st, "SELECT delivery, NULL FROM entry_delivery WHERE rid = ?", rid, NULL, out, e);
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, delivery_order);
    for (size_t i = 0; i < out->n; i++)
        out->v[i].name = xstrdup(terms_label(&terms_delivery, out->v[i].id));
}

/* The support an entry is part of: its name and kind. */
static void load_part_of(struct store *st, const char *id, struct ref *out, struct err *e)
{
    out->id = id ? xstrdup(id) : NULL;
    if (!id)
        return;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT name, kind FROM entry WHERE id = ? AND kind != 'pathway'", -1,
                           &s, NULL) != SQLITE_OK) {
        failed(st, e);
        return;
    }
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->name = col(s, 0);
        out->kind = col(s, 1);
    } else if (rc != SQLITE_DONE) {
        failed(st, e);
    }
    sqlite3_finalize(s);
}

/* Whether the entry table has the id among kinds (0 for any), read without its index: the check
 * that the index did not lose it. SQLITE_ROW, SQLITE_DONE, or an error. */
static int listed_unindexed(struct store *st, const char *id, unsigned kinds)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db, "SELECT kind FROM entry NOT INDEXED WHERE id = ?", -1, &s,
                                NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (!kinds || (terms_kinds((const char *)sqlite3_column_text(s, 0)) & kinds))
            break;
    sqlite3_finalize(s);
    return rc;
}

static struct entry *get_once(struct store *st, const char *id, unsigned kinds, struct err *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT rid, id, kind, name, acronym, host, location, size_text,"
                           " size_unit, size_count, summary, cost, eligibility, website, email,"
                           " phone, status, advocacy, requires, as_of, verified, goal, part_of,"
                           " source, address, contact_note,"
                           " (SELECT value FROM meta WHERE key = 'format')"
                           " FROM entry WHERE id = ? ORDER BY kind = 'pathway', rid",
                           -1, &s, NULL) != SQLITE_OK) {
        failed(st, err);
        return NULL;
    }
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    struct entry *e = NULL;
    /* Every failure on the way is kept here, so that none is lost when err is NULL. */
    struct err why = {0};
    int rc;
    while (!e && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(s, 2);
        if (kinds && !(terms_kinds(kind) & kinds))
            continue;
        e = xcalloc(1, sizeof *e);
        e->rid = sqlite3_column_int64(s, 0);
        e->id = col(s, 1);
        e->kind = col(s, 2);
        e->name = col(s, 3);
        e->acronym = col(s, 4);
        e->host = col(s, 5);
        e->location = col(s, 6);
        e->size_text = col(s, 7);
        e->size_unit = col(s, 8);
        e->size_count = sqlite3_column_type(s, 9) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 9);
        e->summary = col(s, 10);
        e->cost = col(s, 11);
        e->eligibility = col(s, 12);
        e->website = col(s, 13);
        e->email = col(s, 14);
        e->phone = col(s, 15);
        e->status = col(s, 16);
        e->advocacy = col(s, 17);
        e->requires = col(s, 18);
        e->as_of = col(s, 19);
        e->verified = col(s, 20);
        e->goal.id = col(s, 21);
        load_part_of(st, (const char *)sqlite3_column_text(s, 22), &e->part_of, &why);
        e->source.id = col(s, 23);
        e->address = col(s, 24);
        e->contact_note = col(s, 25);
        e->format = sqlite3_column_type(s, 26) == SQLITE_NULL ? 1 : sqlite3_column_int(s, 26);
    }
    if (!e && rc != SQLITE_DONE)
        failed(st, &why);
    sqlite3_finalize(s);
    if (!e && !why.code) {
        /* Not found through the index: an id that really is unknown costs one scan of the
         * table (a "did you mean" reads it all anyway), and a damaged index is caught instead of
         * calling a listed entry unknown. */
        int scan = listed_unindexed(st, id, kinds);
        if (scan == SQLITE_ROW)
            store_inconsistent(st, "its index of ids lacks an entry its table has", &why);
        else if (scan != SQLITE_DONE)
            failed(st, &why);
    }
    if (!e) {
        if (why.code && err)
            *err = why;
        return NULL;
    }
    struct vocab_item it;
    if (e->goal.id && vocab_get(st, VOCAB_GOAL, e->goal.id, &it, &why) == 0) {
        e->goal.name = it.name;
        e->goal.note = it.summary;
        it.name = it.summary = NULL;
        vocab_item_finish(&it);
    }
    if (e->source.id && vocab_get(st, VOCAB_SOURCE, e->source.id, &it, &why) == 0) {
        e->source.name = it.name;
        e->source.note = it.url;
        e->source.kind = it.publisher;
        e->source_as_of = it.as_of;
        e->source_undated = it.undated;
        it.name = it.url = it.publisher = it.as_of = NULL;
        vocab_item_finish(&it);
    }
    load_refs(st,
              "SELECT r.id, r.name FROM entry_region er JOIN region r ON r.id = er.region"
              " WHERE er.rid = ? ORDER BY r.depth, r.pos",
              e->rid, NULL, &e->regions, &why);
    load_refs(st,
              "SELECT g.id, g.name FROM entry_goal eg JOIN goal g ON g.id = eg.goal"
              " WHERE eg.rid = ? ORDER BY g.pos",
              e->rid, NULL, &e->goals, &why);
    load_refs(st,
              "SELECT s.id, s.name FROM entry_service es JOIN service s ON s.id = es.service"
              " WHERE es.rid = ? ORDER BY s.pos",
              e->rid, NULL, &e->services, &why);
    load_delivery(st, e->rid, &e->delivery, &why);
    load_lists(st, e, &why);
    load_translations(st, e, &why);
    if (strcmp(e->kind, "pathway") == 0) {
        load_refs(st,
                  "SELECT x.id, x.name, x.kind, 'helps with this pathway' FROM entry_support es"
                  " JOIN entry x ON x.id = es.support AND x.kind != 'pathway'"
                  " WHERE es.rid = ? ORDER BY es.pos",
                  e->rid, NULL, &e->linked, &why);
    } else {
        load_refs(st,
                  "SELECT x.id, x.name, x.kind, 'part of it' FROM entry x"
                  " WHERE x.part_of = ?2 AND x.kind != 'pathway' AND ?1 IS NOT NULL"
                  " ORDER BY x.sort_key",
                  e->rid, e->id, &e->linked, &why);
        load_refs(st,
                  "SELECT p.id, p.name, p.kind, 'a pathway it helps with' FROM entry_support es"
                  " JOIN entry p ON p.rid = es.rid WHERE es.support = ?2 AND ?1 IS NOT NULL"
                  " ORDER BY p.sort_key",
                  e->rid, e->id, &e->linked, &why);
    }
    if (why.code) {
        if (err)
            *err = why;
        entry_destroy(e);
        return NULL;
    }
    return e;
}

struct entry *entry_get(struct store *st, const char *id, unsigned kinds, struct err *err)
{
    struct entry *e;
    struct err why;
    store_begin(st);
    do {
        why = (struct err){0};
        e = get_once(st, id, kinds, &why);
    } while (store_again(st, !e && why.code, &why));
    if (why.code && err)
        *err = why;
    return e;
}

static int find_name_once(struct store *st, const char *id, unsigned kinds, char **name,
                          struct err *e)
{
    *name = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT kind, name FROM entry WHERE id = ? ORDER BY rid", -1, &s,
                           NULL) != SQLITE_OK)
        return store_failed(st, e);
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc;
    while (!*name && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(s, 0);
        if (!kinds || (terms_kinds(kind) & kinds))
            *name = xstrdup(sqlite3_column_text(s, 1) ? (const char *)sqlite3_column_text(s, 1)
                                                      : "");
    }
    if (!*name && rc != SQLITE_DONE) {
        int code = store_failed(st, e);
        sqlite3_finalize(s);
        return code;
    }
    sqlite3_finalize(s);
    return 0;
}

int entry_find_name(struct store *st, const char *id, unsigned kinds, char **name, struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = find_name_once(st, id, kinds, name, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

static char *nearest_once(struct store *st, const char *id, struct err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT id FROM entry", -1, &s, NULL) != SQLITE_OK) {
        store_failed(st, e);
        return NULL;
    }
    struct text_nearest n;
    text_nearest_init(&n, id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *cand = (const char *)sqlite3_column_text(s, 0);
        text_nearest_offer(&n, cand, cand);
    }
    char *best = text_nearest_take(&n);
    if (rc != SQLITE_DONE) {
        store_failed(st, e);
        free(best);
        best = NULL;
    }
    sqlite3_finalize(s);
    return best;
}

char *entry_nearest_id(struct store *st, const char *id, struct err *e)
{
    char *best;
    struct err why;
    store_begin(st);
    do {
        why = (struct err){0};
        best = nearest_once(st, id, &why);
    } while (store_again(st, why.code != 0, &why));
    if (why.code && e)
        *e = why;
    return best;
}

static void refs_finish(struct refs *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].name);
        free(r->v[i].kind);
        free(r->v[i].note);
    }
    free(r->v);
}

static void items_finish(struct items *it)
{
    for (size_t i = 0; i < it->n; i++) {
        free(it->v[i].text);
        free(it->v[i].extra);
        free(it->v[i].url);
    }
    free(it->v);
}

static void ref_finish(struct ref *r)
{
    free(r->id);
    free(r->name);
    free(r->kind);
    free(r->note);
}

void entry_destroy(struct entry *e)
{
    if (!e)
        return;
    char *fields[] = {e->id,          e->kind,        e->name,      e->acronym,  e->host,
                      e->location,    e->size_text,   e->size_unit, e->summary,  e->cost,
                      e->eligibility, e->website,     e->email,     e->phone,    e->status,
                      e->advocacy,    e->requires,    e->as_of,     e->verified, e->source_as_of,
                      e->address,     e->contact_note};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(fields[i]);
    ref_finish(&e->goal);
    ref_finish(&e->part_of);
    ref_finish(&e->source);
    refs_finish(&e->regions);
    refs_finish(&e->goals);
    refs_finish(&e->services);
    refs_finish(&e->delivery);
    items_finish(&e->offers);
    items_finish(&e->aims);
    items_finish(&e->eligibility_list);
    items_finish(&e->steps);
    items_finish(&e->links);
    refs_finish(&e->linked);
    for (size_t i = 0; i < e->n_tr; i++) {
        free(e->tr[i].lang);
        free(e->tr[i].key);
        free(e->tr[i].text);
        free(e->tr[i].extra);
    }
    free(e->tr);
    free(e);
}

const char *entry_status_words(const char *status)
{
    return status ? terms_label(&terms_pathway_status, status) : NULL;
}

bool entry_has_contact(const struct entry *e)
{
    return e->website || e->email || e->phone || e->address || e->contact_note;
}

const char *entry_tr_text(const struct entry *e, const char *lang, const char *key)
{
    for (size_t i = 0; i < e->n_tr; i++)
        if (e->tr[i].pos == 0 && strcmp(e->tr[i].lang, lang) == 0 && strcmp(e->tr[i].key, key) == 0)
            return e->tr[i].text;
    return NULL;
}

const char *entry_support_halt(const char *kind, const char *status)
{
    if (!kind || strcmp(kind, "pathway") == 0 || !status)
        return NULL;
    return strcmp(status, "inactive") == 0 || strcmp(status, "closed") == 0 ? status : NULL;
}

/* The translation of key's item pos in lang, or NULL. */
static const struct translation *tr_find(const struct entry *e, const char *lang, const char *key,
                                         int pos)
{
    for (size_t i = 0; i < e->n_tr; i++)
        if (e->tr[i].pos == pos && strcmp(e->tr[i].lang, lang) == 0 &&
            strcmp(e->tr[i].key, key) == 0)
            return &e->tr[i];
    return NULL;
}

/* Replace *field with its translation's text (or extra), noting that something was used. */
static void swap_in(char **field, const char *text, bool *used)
{
    if (!text || !*field)
        return;
    free(*field);
    *field = xstrdup(text);
    *used = true;
}

static void localize_items(struct entry *e, const char *lang, const char *key, struct items *it,
                           bool *used)
{
    for (size_t i = 0; i < it->n; i++) {
        const struct translation *t = tr_find(e, lang, key, (int)i);
        if (!t)
            continue;
        swap_in(&it->v[i].text, t->text, used);
        /* A step's detail; a link's second value is its address, which stays. */
        if (strcmp(key, "steps") == 0)
            swap_in(&it->v[i].extra, t->extra, used);
    }
}

/* The name in lang of each ref, from the store (sql takes the id as ?1 and the language as ?2). */
static void localize_refs(struct store *st, const char *sql, struct refs *r, const char *lang)
{
    if (!r->n)
        return;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return;
    for (size_t i = 0; i < r->n; i++) {
        sqlite3_bind_text(s, 1, r->v[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, lang, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
            free(r->v[i].name);
            r->v[i].name = col(s, 0);
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
}

void entry_localize(struct store *st, struct entry *e, const char *lang)
{
    if (!lang || !e)
        return;
    e->shown_lang = strcmp(lang, "fr") == 0 ? "fr" : "en";
    bool used = false;
    struct {
        const char *key;
        char **field;
    } scalars[] = {
            {"name", &e->name},         {"summary", &e->summary},   {"cost", &e->cost},
            {"location", &e->location}, {"advocacy", &e->advocacy},
    };
    for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++) {
        const struct translation *t = tr_find(e, lang, scalars[i].key, 0);
        if (t)
            swap_in(scalars[i].field, t->text, &used);
    }
    if (e->eligibility) {
        const struct translation *t = tr_find(e, lang, "eligibility", 0);
        if (t)
            swap_in(&e->eligibility, t->text, &used);
    }
    localize_items(e, lang, "offers", &e->offers, &used);
    localize_items(e, lang, "aims", &e->aims, &used);
    localize_items(e, lang, "eligibility", &e->eligibility_list, &used);
    localize_items(e, lang, "steps", &e->steps, &used);
    localize_items(e, lang, "links", &e->links, &used);
    e->translated = used && !entry_tr_text(e, lang, "source");
    static const char vocab_sql[] = "SELECT text FROM vocab_tr WHERE tbl = '%s' AND id = ?1"
                                    " AND lang = ?2 AND key = 'name'";
    char sql[160];
    snprintf(sql, sizeof sql, vocab_sql, "region");
    localize_refs(st, sql, &e->regions, lang);
    snprintf(sql, sizeof sql, vocab_sql, "goal");
    localize_refs(st, sql, &e->goals, lang);
    snprintf(sql, sizeof sql, vocab_sql, "service");
    localize_refs(st, sql, &e->services, lang);
    if (e->goal.id) {
        struct refs one = {.v = &e->goal, .n = 1};
        snprintf(sql, sizeof sql, vocab_sql, "goal");
        localize_refs(st, sql, &one, lang);
    }
    static const char entry_sql[] = "SELECT t.text FROM entry x JOIN entry_tr t ON t.rid = x.rid"
                                    " WHERE x.id = ?1 AND t.lang = ?2 AND t.key = 'name'"
                                    " AND t.pos = 0 ORDER BY x.kind = 'pathway', x.rid";
    localize_refs(st, entry_sql, &e->linked, lang);
    if (e->part_of.id) {
        struct refs one = {.v = &e->part_of, .n = 1};
        localize_refs(st, entry_sql, &one, lang);
    }
    if (e->source.id) {
        struct refs one = {.v = &e->source, .n = 1};
        localize_refs(st,
                      "SELECT text FROM vocab_tr WHERE tbl = 'source' AND id = ?1 AND lang = ?2"
                      " AND key = 'title'",
                      &one, lang);
    }
}
