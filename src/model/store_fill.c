/* store_fill.c: the store's schema, and a checked dataset's JSON made rows. */
#define _GNU_SOURCE /* sync_file_range */
#include "store.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "facet.h"
#include "i18n.h"
#include "store_build.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

static const char schema[] =
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
        /* undated: the page shows no date of its own; as_of is when it was read (version 2). */
        "CREATE TABLE source(id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT, publisher TEXT,"
        " as_of TEXT, pos INTEGER NOT NULL, undated INTEGER NOT NULL DEFAULT 0);"
        "CREATE TABLE region(id TEXT PRIMARY KEY, name TEXT NOT NULL, fold TEXT NOT NULL,"
        " parent TEXT, kind TEXT, depth INTEGER NOT NULL, pos INTEGER NOT NULL);"
        "CREATE INDEX region_fold ON region(fold);"
        "CREATE INDEX region_parent ON region(parent, pos);"
        /* Every name a person may type for a region, folded: its own (how 0), its aliases (1) and
         * its names in the file's other languages (2, with lang). */
        "CREATE TABLE region_name(region TEXT NOT NULL, name TEXT NOT NULL, fold TEXT NOT NULL,"
        " how INTEGER NOT NULL, lang TEXT, pos INTEGER NOT NULL);"
        "CREATE INDEX region_name_fold ON region_name(fold);"
        "CREATE INDEX region_name_region ON region_name(region, how, pos);"
        /* Every (ancestor, descendant) pair, each region with itself at distance 0. */
        "CREATE TABLE region_closure(ancestor TEXT NOT NULL, descendant TEXT NOT NULL,"
        " dist INTEGER NOT NULL, PRIMARY KEY(ancestor, descendant)) WITHOUT ROWID;"
        "CREATE INDEX region_closure_desc ON region_closure(descendant, ancestor);"
        "CREATE TABLE goal(id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT,"
        " pos INTEGER NOT NULL);"
        "CREATE TABLE service(id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT,"
        " pos INTEGER NOT NULL);"
        "CREATE TABLE exam(id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT,"
        " pos INTEGER NOT NULL);"
        /* Supports and pathways together: every list shows both kinds through one query. */
        "CREATE TABLE entry(rid INTEGER PRIMARY KEY, id TEXT NOT NULL,"
        " kind TEXT NOT NULL CHECK(kind IN ('group','program','pathway')),"
        " name TEXT NOT NULL, sort_key TEXT NOT NULL, spec INTEGER NOT NULL,"
        " acronym TEXT, host TEXT, part_of TEXT, location TEXT,"
        " size_text TEXT, size_count INTEGER, size_unit TEXT,"
        " summary TEXT NOT NULL, cost TEXT, eligibility TEXT,"
        " website TEXT, email TEXT, phone TEXT, address TEXT, contact_note TEXT,"
        " goal TEXT, status TEXT, advocacy TEXT, requires TEXT,"
        " source TEXT NOT NULL, as_of TEXT NOT NULL, verified TEXT, regions_text TEXT);"
        /* An entry's regions, goals, services and deliveries, kept in the order they are read
         * in (by rid): each row goes in at the table's end, and one entry's are together. The
         * lists filter through the list index (facet), never through these; keyed by the value
         * first, each insert looked its place up, and an index by rid kept another copy: a
         * quarter of a first run's time on its main thread at 100,000 entries
         * (bench/README.md). */
        "CREATE TABLE entry_region(region TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(rid, region)) WITHOUT ROWID;"
        "CREATE TABLE entry_goal(goal TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(rid, goal)) WITHOUT ROWID;"
        "CREATE TABLE entry_service(service TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(rid, service)) WITHOUT ROWID;"
        "CREATE TABLE entry_delivery(delivery TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(rid, delivery)) WITHOUT ROWID;"
        /* An entry's ordered lists, as the file has them, in one JSON object: offers, aims,
         * a pathway's eligibility, steps ({title, detail, url}) and links ({title, url}), each
         * left out when empty (entry.c reads them). One row an entry, not one an item: 800,000
         * rows at 100,000 entries were a sixth of the rows' pass (bench/README.md). */
        "CREATE TABLE entry_item(rid INTEGER PRIMARY KEY, lists TEXT NOT NULL);"
        /* An entry's text in the file's other languages (version 2's translations): one row a
         * value, key as the dataset names it (name, summary, offers, steps, requires_note...;
         * "source" holds the source the text was taken from). pos numbers the items of a list
         * (0 for a single value); text is a step's or link's title and extra a step's detail
         * (NULL: the original's stays), and extra is a name's folded form (its sort key).
         * Reading a name in a language is one primary-key lookup. */
        "CREATE TABLE entry_tr(rid INTEGER NOT NULL, lang TEXT NOT NULL, key TEXT NOT NULL,"
        " pos INTEGER NOT NULL, text TEXT, extra TEXT,"
        " PRIMARY KEY(rid, lang, key, pos)) WITHOUT ROWID;"
        /* The same for the other records: tbl is dataset, source, region, goal, service or exam,
         * id the record's ('' for the dataset). */
        "CREATE TABLE vocab_tr(tbl TEXT NOT NULL, id TEXT NOT NULL, lang TEXT NOT NULL,"
        " key TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY(tbl, id, lang, key)) WITHOUT ROWID;"
        /* A pathway's supports. */
        "CREATE TABLE entry_support(rid INTEGER NOT NULL, support TEXT NOT NULL,"
        " pos INTEGER NOT NULL, PRIMARY KEY(rid, pos)) WITHOUT ROWID;"
        /* What match reads of each pathway, in one row (match.c): pathways of a goal sit
         * together in rid order, so the pathways of a goal in a region are a dozen to a page.
         * goal is '' for none. A pathway has a row in each zone its regions lie in: the
         * region just under the top of the tree that they are (or lie) under, '' for a region
         * at the top (or none): the pathways of a person's list are in two zones, theirs and ''
         * (match.c). regions are the pathway's region ids, comma-separated; brief
         * holds the rest, its texts and steps one after the other (store_impl.h, brief_text):
         * one column to read rather than fourteen, half the time of a goal's rows. */
        "CREATE TABLE pathway_brief(goal TEXT NOT NULL, zone TEXT NOT NULL,"
        " rid INTEGER NOT NULL, regions TEXT, spec INTEGER NOT NULL, brief BLOB NOT NULL,"
        " PRIMARY KEY(goal, zone, rid)) WITHOUT ROWID;"
        /* How many pathway_brief rows each goal has. */
        "CREATE TABLE pathway_goal(goal TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
        /* The packed index lists are filtered through (facet.c, facet_build). */
        "CREATE TABLE facet(name TEXT PRIMARY KEY, data BLOB NOT NULL);";

/* The indexes that follow the order rows are written in (by rid, as entries are read; part_of is
 * mostly NULL), kept as the rows go in: each row adds to an index's end. */
static const char schema_rid_indexes[] = "CREATE INDEX entry_part_of ON entry(part_of);"
                                         "CREATE INDEX pathway_brief_rid ON pathway_brief(rid);";

/* The indexes in another order than the rows', made once the rows are in: sorting once is
 * cheaper than keeping them in order row by row. */
static const char schema_indexes[] =
        "CREATE INDEX entry_id ON entry(id);"
        "CREATE INDEX entry_support_support ON entry_support(support);"
        "INSERT INTO pathway_goal SELECT goal, count(*) FROM pathway_brief GROUP BY goal;";

/* ---- filling ---- */

static void put_meta(struct filler *f, const char *key, const char *value)
{
    if (!value)
        return;
    bind_text(f->meta, 1, key);
    bind_text(f->meta, 2, value);
    run(f, f->meta);
}

/* A record's translations (version 2) as vocab_tr rows: its single text values by language. */
static void fill_vocab_tr(struct filler *f, const char *tbl, const char *id, const cJSON *rec)
{
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(rec, "translations");
    for (const cJSON *l = cJSON_IsObject(tr) ? tr->child : NULL; l; l = l->next)
        for (const cJSON *k = l->child; k; k = k->next) {
            if (!cJSON_IsString(k))
                continue;
            bind_text(f->vocab_tr, 1, tbl);
            bind_text(f->vocab_tr, 2, id);
            bind_text(f->vocab_tr, 3, l->string);
            bind_text(f->vocab_tr, 4, k->string);
            bind_text(f->vocab_tr, 5, k->valuestring);
            run(f, f->vocab_tr);
        }
}

static void fill_named(struct filler *f, sqlite3_stmt *s, const char *tbl, const cJSON *e, int pos)
{
    bind_text(s, 1, str(e, "id"));
    bind_text(s, 2, str(e, "name"));
    bind_text(s, 3, str(e, "summary"));
    sqlite3_bind_int(s, 4, pos);
    run(f, s);
    fill_vocab_tr(f, tbl, str(e, "id"), e);
}

/* ---- regions ---- */

static void put_region_name(struct filler *f, const char *region, const char *name, int how,
                            const char *lang, int pos)
{
    char *fold = text_fold(name);
    bind_text(f->region_name, 1, region);
    bind_text(f->region_name, 2, name);
    bind_text(f->region_name, 3, fold);
    sqlite3_bind_int(f->region_name, 4, how);
    bind_text(f->region_name, 5, lang);
    sqlite3_bind_int(f->region_name, 6, pos);
    run(f, f->region_name);
    free(fold);
}

/* A region as it is read: its row (its depth is known once every region is: region_tree), every
 * name a person may type for it, and its id and parent kept for the tree. */
static void fill_region(struct fill *x, const cJSON *e)
{
    struct filler *f = &x->f;
    const char *id = str(e, "id"), *parent = str(e, "parent");
    size_t i = x->n_regions;
    char *fold = text_fold(str(e, "name"));
    sqlite3_bind_int64(f->region, 1, (sqlite3_int64)i + 1);
    bind_text(f->region, 2, id);
    bind_text(f->region, 3, str(e, "name"));
    bind_text(f->region, 4, fold);
    bind_text(f->region, 5, parent);
    bind_text(f->region, 6, str(e, "kind"));
    sqlite3_bind_int(f->region, 7, 0);
    sqlite3_bind_int(f->region, 8, (int)i);
    run(f, f->region);
    free(fold);
    int pos = 0;
    put_region_name(f, id, str(e, "name"), 0, NULL, pos++);
    const cJSON *aliases = arr(e, "aliases");
    for (const cJSON *a = aliases ? aliases->child : NULL; a; a = a->next)
        put_region_name(f, id, a->valuestring, 1, NULL, pos++);
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(e, "translations");
    for (const cJSON *l = cJSON_IsObject(tr) ? tr->child : NULL; l; l = l->next)
        if (str(l, "name"))
            put_region_name(f, id, str(l, "name"), 2, l->string, pos++);
    fill_vocab_tr(f, "region", id, e);
    if (x->n_regions == x->regions_room) {
        x->regions_room = x->regions_room ? 2 * x->regions_room : 64;
        x->region_id = xrealloc(x->region_id, x->regions_room * sizeof *x->region_id);
        x->region_parent = xrealloc(x->region_parent, x->regions_room * sizeof *x->region_parent);
        x->region_name = xrealloc(x->region_name, x->regions_room * sizeof *x->region_name);
    }
    x->region_id[i] = x->region_text.len;
    sb_add(&x->region_text, id);
    sb_addc(&x->region_text, '\0');
    x->region_name[i] = x->region_text.len;
    sb_add(&x->region_text, str(e, "name") ? str(e, "name") : "");
    sb_addc(&x->region_text, '\0');
    x->region_parent[i] = parent ? x->region_text.len : SIZE_MAX;
    if (parent) {
        sb_add(&x->region_text, parent);
        sb_addc(&x->region_text, '\0');
    }
    x->n_regions++;
}

/* The region id's place in the file's list, or SIZE_MAX when there is none (yet: the tree is
 * made once every region is read). */
static size_t region_find(const struct fill *x, const char *id)
{
    if (!x->region_slot)
        return SIZE_MAX;
    for (size_t j = dataset_hash(id, strlen(id)) & (x->region_cap - 1);
         x->region_slot[j] != SIZE_MAX; j = (j + 1) & (x->region_cap - 1))
        if (strcmp(x->region_text.s + x->region_id[x->region_slot[j]], id) == 0)
            return x->region_slot[j];
    return SIZE_MAX;
}

/* Every region is in: their depths and closure (each region under each ancestor, and itself at
 * distance 0). The check bounds the tree's depth (DATASET_MAX_REGION_DEPTH) and rules out
 * cycles, so walking up from each region is linear in the regions: at most that many rows each. */
static void region_tree(struct fill *x)
{
    struct filler *f = &x->f;
    size_t n = x->n_regions, cap = 64;
    while (cap < 2 * n)
        cap *= 2;
    free(x->region_slot);
    free(x->region_depth);
    free(x->region_zone);
    x->region_slot = xmalloc(cap * sizeof *x->region_slot);
    x->region_cap = cap;
    x->region_depth = xcalloc(n ? n : 1, sizeof *x->region_depth);
    x->region_zone = xcalloc(n ? n : 1, sizeof *x->region_zone);
    for (size_t j = 0; j < cap; j++)
        x->region_slot[j] = SIZE_MAX;
    const char *text = x->region_text.s;
    for (size_t i = 0; i < n; i++) {
        const char *id = text + x->region_id[i];
        size_t j = dataset_hash(id, strlen(id)) & (cap - 1);
        while (x->region_slot[j] != SIZE_MAX)
            j = (j + 1) & (cap - 1);
        x->region_slot[j] = i;
    }
    size_t *parent = xmalloc((n ? n : 1) * sizeof *parent);
    for (size_t i = 0; i < n; i++)
        parent[i] = x->region_parent[i] == SIZE_MAX ? SIZE_MAX
                                                    : region_find(x, text + x->region_parent[i]);
    sqlite3_stmt *depth = prepare(f, "UPDATE region SET depth = ? WHERE rowid = ?");
    for (size_t i = 0; i < n && f->rc == SQLITE_OK; i++) {
        const char *id = text + x->region_id[i];
        int dist = 0;
        size_t top = SIZE_MAX, under_top = SIZE_MAX;
        for (size_t at = i; at != SIZE_MAX && dist <= DATASET_MAX_REGION_DEPTH; at = parent[at]) {
            bind_text(f->closure, 1, text + x->region_id[at]);
            bind_text(f->closure, 2, id);
            sqlite3_bind_int(f->closure, 3, dist++);
            run(f, f->closure);
            under_top = top;
            top = at;
        }
        x->region_depth[i] = dist - 1;
        x->region_zone[i] = under_top;
        if (dist > 1) {
            sqlite3_bind_int(depth, 1, dist - 1);
            sqlite3_bind_int64(depth, 2, (sqlite3_int64)i + 1);
            run(f, depth);
        }
    }
    sqlite3_finalize(depth);
    free(parent);
}

/* The entry's lists (entry_item's row), printed from the record's own arrays. */
static void fill_lists(struct filler *f, sqlite3_int64 rid, const cJSON *e, bool pathway)
{
    static const char *const keys[] = {"offers", "aims", "eligibility", "steps", "links"};
    cJSON *lists = cJSON_CreateObject();
    for (size_t i = 0; lists && i < (pathway ? 5 : 2); i++) {
        const cJSON *a = arr(e, keys[i]);
        if (a && a->child)
            cJSON_AddItemReferenceToObject(lists, keys[i], (cJSON *)a);
    }
    bool any = lists && lists->child;
    char *json = any ? cJSON_PrintUnformatted(lists) : NULL;
    bool failed = !lists || (any && !json);
    cJSON_Delete(lists); /* its items are references: the record's arrays stay */
    if (failed && f->rc == SQLITE_OK)
        f->rc = SQLITE_NOMEM;
    if (!json)
        return;
    sqlite3_bind_int64(f->item, 1, rid);
    bind_text(f->item, 2, json);
    run(f, f->item);
    cJSON_free(json);
}

static void fill_ids(struct filler *f, sqlite3_stmt *s, sqlite3_int64 rid, const cJSON *list)
{
    for (const cJSON *e = list ? list->child : NULL; e; e = e->next) {
        bind_text(s, 1, e->valuestring);
        sqlite3_bind_int64(s, 2, rid);
        run(f, s);
    }
}

static void put_entry_tr(struct filler *f, sqlite3_int64 rid, const char *lang, const char *key,
                         int pos, const char *text, const char *extra)
{
    if (!text && !extra)
        return;
    sqlite3_bind_int64(f->entry_tr, 1, rid);
    bind_text(f->entry_tr, 2, lang);
    bind_text(f->entry_tr, 3, key);
    sqlite3_bind_int(f->entry_tr, 4, pos);
    bind_text(f->entry_tr, 5, text);
    bind_text(f->entry_tr, 6, extra);
    run(f, f->entry_tr);
}

/* An entry's translations as entry_tr rows. */
static void fill_entry_tr(struct filler *f, sqlite3_int64 rid, const cJSON *e)
{
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(e, "translations");
    for (const cJSON *l = cJSON_IsObject(tr) ? tr->child : NULL; l; l = l->next)
        for (const cJSON *k = l->child; k; k = k->next) {
            if (cJSON_IsString(k)) {
                char *fold = strcmp(k->string, "name") == 0 ? text_fold(k->valuestring) : NULL;
                put_entry_tr(f, rid, l->string, k->string, 0, k->valuestring, fold);
                free(fold);
                continue;
            }
            int pos = 0;
            for (const cJSON *x = cJSON_IsArray(k) ? k->child : NULL; x; x = x->next, pos++) {
                if (cJSON_IsString(x))
                    put_entry_tr(f, rid, l->string, k->string, pos, x->valuestring, NULL);
                else if (cJSON_IsObject(x)) /* steps and links: what is translated of each */
                    put_entry_tr(f, rid, l->string, k->string, pos, str(x, "title"),
                                 str(x, "detail"));
            }
        }
}

/* The depth of the entry's most specific region, and its regions' names for lists. */
static void describe_regions(const struct fill *x, const cJSON *regions, int *depth, char **names)
{
    struct sb b = {0};
    *depth = 0;
    for (const cJSON *e = regions ? regions->child : NULL; e; e = e->next) {
        size_t i = cJSON_IsString(e) ? region_find(x, e->valuestring) : SIZE_MAX;
        if (i == SIZE_MAX)
            continue; /* not (yet) a region: the check says so, and nothing is stored */
        if (b.len)
            sb_add(&b, ", ");
        sb_add(&b, x->region_text.s + x->region_name[i]);
        if (x->region_depth[i] > *depth)
            *depth = x->region_depth[i];
    }
    *names = sb_take(&b);
}

/* A text of a pathway_brief row's brief (store_impl.h): whether it is stated, the text and a
 * NUL. */
static void brief_text(struct sb *b, const char *text)
{
    sb_addc(b, text ? '+' : '-');
    sb_add(b, text ? text : "");
    sb_addc(b, '\0');
}

/* A pathway's row in pathway_brief (req: its requires, printed; spec: the depth of its deepest
 * region; sort_key: its name folded). */
static void fill_brief(struct fill *x, sqlite3_int64 rid, const cJSON *e, const char *req, int spec,
                       const char *sort_key)
{
    struct filler *f = &x->f;
    const cJSON *contact = cJSON_GetObjectItemCaseSensitive(e, "contact");
    struct sb regions = {0};
    /* Its zones (each once): the regions' indexes of them, SIZE_MAX for ''. */
    size_t zones[16], n_zones = 0;
    bool top = false;
    const cJSON *list = arr(e, "regions");
    for (const cJSON *r = list ? list->child : NULL; r; r = r->next) {
        if (regions.len)
            sb_addc(&regions, ',');
        sb_add(&regions, r->valuestring);
        size_t i = region_find(x, r->valuestring);
        size_t z = i == SIZE_MAX ? SIZE_MAX : x->region_zone[i];
        bool known = z == SIZE_MAX ? top : false;
        for (size_t k = 0; k < n_zones && !known; k++)
            known = zones[k] == z;
        if (known)
            continue;
        if (z == SIZE_MAX || n_zones == sizeof zones / sizeof *zones)
            top = true; /* '' (read for every person) holds what has no room */
        else
            zones[n_zones++] = z;
    }
    if (top || !n_zones)
        zones[n_zones++] = SIZE_MAX;
    const char *texts[BRIEF_TEXTS] = {
            [BRIEF_ID] = str(e, "id"),
            [BRIEF_NAME] = str(e, "name"),
            [BRIEF_STATUS] = str(e, "status"),
            [BRIEF_REQUIRES] = req,
            [BRIEF_WEBSITE] = contact ? str(contact, "website") : NULL,
            [BRIEF_EMAIL] = contact ? str(contact, "email") : NULL,
            [BRIEF_PHONE] = contact ? str(contact, "phone") : NULL,
            [BRIEF_ADDRESS] = contact ? str(contact, "address") : NULL,
            [BRIEF_CONTACT_NOTE] = contact ? str(contact, "note") : NULL,
            [BRIEF_SOURCE] = str(e, "source"),
            [BRIEF_SORT_KEY] = sort_key,
    };
    struct sb brief = {0};
    for (int k = 0; k < BRIEF_TEXTS; k++)
        brief_text(&brief, texts[k]);
    /* Each step's title and address, each ended by a NUL (no string cJSON gives holds one);
     * an empty address for none. */
    list = arr(e, "steps");
    for (const cJSON *step = list ? list->child : NULL; step; step = step->next) {
        sb_add(&brief, str(step, "title") ? str(step, "title") : "");
        sb_addc(&brief, '\0');
        sb_add(&brief, str(step, "url") ? str(step, "url") : "");
        sb_addc(&brief, '\0');
    }
    sqlite3_stmt *s = f->brief;
    for (size_t k = 0; k < n_zones; k++) {
        bind_text(s, 1, str(e, "goal") ? str(e, "goal") : "");
        bind_text(s, 2, zones[k] == SIZE_MAX ? "" : x->region_text.s + x->region_id[zones[k]]);
        sqlite3_bind_int64(s, 3, rid);
        bind_text(s, 4, regions.len ? sb_str(&regions) : NULL);
        sqlite3_bind_int(s, 5, spec);
        sqlite3_bind_blob(s, 6, sb_str(&brief), (int)brief.len, SQLITE_STATIC);
        run(f, s);
    }
    sb_finish(&brief);
    sb_finish(&regions);
}

/* What the list index keeps of an entry (facet.h), as it is filled. */
static void gather_entry(struct fill *x, uint32_t rid, const cJSON *e, const char *kind, int spec,
                         bool pathway)
{
    struct facet_gather *g = x->gather;
    facet_gather_entry(g, rid, kind, (uint32_t)spec);
    const cJSON *regions = arr(e, "regions");
    for (const cJSON *r = regions ? regions->child : NULL; r; r = r->next) {
        size_t i = cJSON_IsString(r) ? region_find(x, r->valuestring) : SIZE_MAX;
        if (i != SIZE_MAX)
            facet_gather_region(g, (uint32_t)i);
    }
    if (pathway) {
        if (str(e, "goal"))
            facet_gather_goal(g, str(e, "goal"));
        return;
    }
    static const char *const lists[] = {"goals", "services", "delivery"};
    for (int k = 0; k < 3; k++) {
        const cJSON *a = arr(e, lists[k]);
        for (const cJSON *v = a ? a->child : NULL; v; v = v->next) {
            if (!cJSON_IsString(v))
                continue;
            if (k == 0)
                facet_gather_goal(g, v->valuestring);
            else if (k == 1)
                facet_gather_service(g, v->valuestring);
            else
                facet_gather_delivery(g, v->valuestring);
        }
    }
}

/* A support or a pathway; returns its rid. */
static sqlite3_int64 fill_entry(struct fill *x, const cJSON *e, const char *kind)
{
    struct filler *f = &x->f;
    bool pathway = strcmp(kind, "pathway") == 0;
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(e, "size");
    const cJSON *contact = cJSON_GetObjectItemCaseSensitive(e, "contact");
    const cJSON *count = size ? cJSON_GetObjectItemCaseSensitive(size, "count") : NULL;
    const cJSON *requires = cJSON_GetObjectItemCaseSensitive(e, "requires");
    const char *name = str(e, "name");
    char *sort_key = text_fold(name);
    char *where;
    int depth;
    describe_regions(x, arr(e, "regions"), &depth, &where);
    char *req = requires ? cJSON_PrintUnformatted(requires) : NULL;
    sqlite3_stmt *s = f->entry;
    bind_text(s, 1, str(e, "id"));
    bind_text(s, 2, kind);
    bind_text(s, 3, name);
    bind_text(s, 4, sort_key);
    sqlite3_bind_int(s, 5, depth);
    bind_text(s, 6, str(e, "acronym"));
    bind_text(s, 7, str(e, "host"));
    bind_text(s, 8, str(e, "part_of"));
    bind_text(s, 9, str(e, "location"));
    bind_text(s, 10, size ? str(size, "text") : NULL);
    if (cJSON_IsNumber(count))
        sqlite3_bind_int64(s, 11, (sqlite3_int64)count->valuedouble);
    bind_text(s, 12, size ? str(size, "unit") : NULL);
    bind_text(s, 13, str(e, "summary"));
    bind_text(s, 14, str(e, "cost"));
    bind_text(s, 15, pathway ? NULL : str(e, "eligibility"));
    bind_text(s, 16, contact ? str(contact, "website") : NULL);
    bind_text(s, 17, contact ? str(contact, "email") : NULL);
    bind_text(s, 18, contact ? str(contact, "phone") : NULL);
    bind_text(s, 19, str(e, "goal"));
    bind_text(s, 20, str(e, "status"));
    bind_text(s, 21, str(e, "advocacy"));
    bind_text(s, 22, req);
    bind_text(s, 23, str(e, "source"));
    bind_text(s, 24, str(e, "as_of"));
    bind_text(s, 25, str(e, "verified"));
    bind_text(s, 26, where);
    bind_text(s, 27, contact ? str(contact, "address") : NULL);
    bind_text(s, 28, contact ? str(contact, "note") : NULL);
    run(f, s);
    sqlite3_int64 rid = sqlite3_last_insert_rowid(f->db);
    if (pathway)
        fill_brief(x, rid, e, req, depth, sort_key);
    if (x->gather)
        gather_entry(x, (uint32_t)rid, e, kind, depth, pathway);
    free(sort_key);
    free(where);
    cJSON_free(req);

    fill_ids(f, f->region_of, rid, arr(e, "regions"));
    fill_entry_tr(f, rid, e);
    if (pathway) {
        bind_text(f->goal_of, 1, str(e, "goal"));
        sqlite3_bind_int64(f->goal_of, 2, rid);
        run(f, f->goal_of);
    } else {
        fill_ids(f, f->goal_of, rid, arr(e, "goals"));
        fill_ids(f, f->service_of, rid, arr(e, "services"));
        fill_ids(f, f->delivery_of, rid, arr(e, "delivery"));
    }
    fill_lists(f, rid, e, pathway);
    if (pathway) {
        int pos = 0;
        const cJSON *sup = arr(e, "supports");
        for (const cJSON *y = sup ? sup->child : NULL; y; y = y->next) {
            sqlite3_bind_int64(f->support_of, 1, rid);
            bind_text(f->support_of, 2, y->valuestring);
            sqlite3_bind_int(f->support_of, 3, pos++);
            run(f, f->support_of);
        }
    }
    return rid;
}

/* ---- the sink: records as the check reads them ---- */

static void sink_begin(void *ctx, int format, const cJSON *meta)
{
    struct fill *x = ctx;
    struct filler *f = &x->f;
    if (f->rc != SQLITE_OK)
        return;
    static const char *const meta_keys[] = {"title", "as_of", "publisher", "license", "notes"};
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++)
        put_meta(f, meta_keys[i], str(meta, meta_keys[i]));
    char version[16];
    snprintf(version, sizeof version, "%d", STORE_SCHEMA_VERSION);
    put_meta(f, "schema", version);
    put_meta(f, "origin", x->origin);
    /* The format version (what screens may say depends on it: a version 1 file never says
     * whether a contact was looked for), and the languages the text is in, the file's first. */
    snprintf(version, sizeof version, "%d", format);
    put_meta(f, "format", version);
    const char *own = str(meta, "language") ? str(meta, "language") : "en";
    const cJSON *langs = arr(meta, "languages");
    struct sb lang_list = {0};
    sb_add(&lang_list, own);
    for (const cJSON *l = langs ? langs->child : NULL; l; l = l->next)
        if (strcmp(l->valuestring, own) != 0)
            sb_addf(&lang_list, ",%s", l->valuestring);
    put_meta(f, "languages", sb_str(&lang_list));
    sb_finish(&lang_list);
    fill_vocab_tr(f, "dataset", "", meta);
}

static bool sink_record(void *ctx, enum dataset_section s, cJSON *e)
{
    struct fill *x = ctx;
    struct filler *f = &x->f;
    if (f->rc != SQLITE_OK)
        return false; /* the build has failed: the check goes on, to say what else is wrong */
    switch (s) {
    case DATASET_SOURCES:
        bind_text(f->source, 1, str(e, "id"));
        bind_text(f->source, 2, str(e, "title"));
        bind_text(f->source, 3, str(e, "url"));
        bind_text(f->source, 4, str(e, "publisher"));
        bind_text(f->source, 5, str(e, "as_of"));
        sqlite3_bind_int(f->source, 6, x->pos[s]++);
        sqlite3_bind_int(f->source, 7,
                         cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "undated")));
        run(f, f->source);
        fill_vocab_tr(f, "source", str(e, "id"), e);
        return false;
    case DATASET_REGIONS: fill_region(x, e); return false;
    case DATASET_GOALS: fill_named(f, f->goal, "goal", e, x->pos[s]++); return false;
    case DATASET_SERVICES: fill_named(f, f->service, "service", e, x->pos[s]++); return false;
    case DATASET_EXAMS: fill_named(f, f->exam, "exam", e, x->pos[s]++); return false;
    case DATASET_SUPPORTS:
    case DATASET_PATHWAYS: break;
    case DATASET_SECTIONS: return false;
    }
    bool pathway = s == DATASET_PATHWAYS;
    sqlite3_int64 rid = fill_entry(x, e, pathway ? "pathway" : str(e, "kind"));
    x->last_rid = (uint32_t)rid;
    store_fts_text(&x->fts_text, e, pathway);
    if (x->threaded) /* the other thread indexes it */
        store_fts_put(&x->job, rid, x->fts_text.s, x->fts_text.len);
    else
        store_fts_row(f, rid, x->fts_text.s);
    return false;
}

static void sink_done(void *ctx, enum dataset_section s)
{
    struct fill *x = ctx;
    if (s == DATASET_REGIONS && x->f.rc == SQLITE_OK)
        region_tree(x);
}

/* ---- the whole store ---- */

struct fill *store_fill_begin(sqlite3 *db, const char *origin, const char *fts_path)
{
    struct fill *x = xcalloc(1, sizeof *x);
    struct filler *f = &x->f;
    f->db = db;
    x->origin = origin;
    x->sink = (struct dataset_sink){
            .ctx = x, .begin = sink_begin, .record = sink_record, .done = sink_done};
    if (fts_path) {
        x->job.path = fts_path;
        x->job.facets = true;
        unlink(fts_path);
        x->threaded = store_fts_start(&x->job);
        if (x->threaded)
            x->gather = facet_gather_new();
    }
    f->rc = sqlite3_exec(db, "BEGIN;", NULL, NULL, NULL);
    if (f->rc == SQLITE_OK)
        f->rc = sqlite3_exec(db, schema, NULL, NULL, NULL);
    if (f->rc == SQLITE_OK)
        f->rc = sqlite3_exec(db, schema_rid_indexes, NULL, NULL, NULL);
    if (f->rc == SQLITE_OK)
        f->rc = sqlite3_exec(db, store_schema_fts, NULL, NULL, NULL);
    if (f->rc == SQLITE_OK && !x->threaded)
        f->rc = sqlite3_exec(db, store_fts_tuning, NULL, NULL, NULL);
    if (f->rc != SQLITE_OK)
        return x;
    f->meta = prepare(f, "INSERT OR REPLACE INTO meta VALUES (?, ?)");
    f->source = prepare(f, "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?)");
    f->region = prepare(f, "INSERT INTO region(rowid, id, name, fold, parent, kind, depth, pos)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    f->closure = prepare(f, "INSERT OR IGNORE INTO region_closure VALUES (?, ?, ?)");
    f->goal = prepare(f, "INSERT INTO goal VALUES (?, ?, ?, ?)");
    f->service = prepare(f, "INSERT INTO service VALUES (?, ?, ?, ?)");
    f->exam = prepare(f, "INSERT INTO exam VALUES (?, ?, ?, ?)");
    f->entry = prepare(f, "INSERT INTO entry(id, kind, name, sort_key, spec, acronym, host,"
                          " part_of, location, size_text, size_count, size_unit, summary, cost,"
                          " eligibility, website, email, phone, goal, status, advocacy, requires,"
                          " source, as_of, verified, regions_text, address, contact_note) VALUES"
                          " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                          " ?, ?, ?, ?, ?)");
    f->region_of = prepare(f, "INSERT OR IGNORE INTO entry_region VALUES (?, ?)");
    f->goal_of = prepare(f, "INSERT OR IGNORE INTO entry_goal VALUES (?, ?)");
    f->service_of = prepare(f, "INSERT OR IGNORE INTO entry_service VALUES (?, ?)");
    f->delivery_of = prepare(f, "INSERT OR IGNORE INTO entry_delivery VALUES (?, ?)");
    f->item = prepare(f, "INSERT INTO entry_item VALUES (?, ?)");
    f->region_name = prepare(f, "INSERT INTO region_name VALUES (?, ?, ?, ?, ?, ?)");
    f->entry_tr = prepare(f, "INSERT OR IGNORE INTO entry_tr VALUES (?, ?, ?, ?, ?, ?)");
    f->vocab_tr = prepare(f, "INSERT OR IGNORE INTO vocab_tr VALUES (?, ?, ?, ?, ?)");
    f->support_of = prepare(f, "INSERT INTO entry_support VALUES (?, ?, ?)");
    f->brief = prepare(f, "INSERT INTO pathway_brief VALUES (?, ?, ?, ?, ?, ?)");
    if (!x->threaded)
        f->fts = prepare(f, "INSERT INTO entry_fts(rowid, name, acronym, host, location, summary,"
                            " body) VALUES (?, ?, ?, ?, ?, ?, ?)");
    return x;
}

const struct dataset_sink *store_fill_sink(struct fill *x)
{
    return &x->sink;
}

/* Writing what the rows' pass wrote of the database's file to the disk while the rest is built,
 * so that the fsync before the cache's rename waits only for the last pages (0.4 s less of 0.8 at
 * 100,000 entries, bench/README.md). Starting the writes blocks (0.25 s there), so a thread of
 * its own does it. Linux only: elsewhere that fsync writes it all. */
struct writeback {
    pthread_t thread;
    int fd;
    bool started;
};

static void *writeback_thread(void *arg)
{
#ifdef SYNC_FILE_RANGE_WRITE
    struct writeback *w = arg;
    (void)sync_file_range(w->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)arg;
#endif
    return NULL;
}

static void writeback_start(struct writeback *w, sqlite3 *db)
{
    w->started = false;
    w->fd = -1;
#ifdef SYNC_FILE_RANGE_WRITE
    const char *path = sqlite3_db_filename(db, "main");
    w->fd = path && *path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (w->fd >= 0 && pthread_create(&w->thread, NULL, writeback_thread, w) == 0)
        w->started = true;
#else
    (void)db;
#endif
}

static void writeback_end(struct writeback *w)
{
    if (w->started)
        pthread_join(w->thread, NULL);
    if (w->fd >= 0)
        close(w->fd);
}

/* Wait for the other thread and copy its index in; on its failure *failed is NULL (job.why
 * says why). */
static void take_fts(struct fill *x, sqlite3 **failed)
{
    struct filler *f = &x->f;
    int job_rc = store_fts_finish(&x->job, f->rc != SQLITE_OK);
    if (f->rc == SQLITE_OK && job_rc != SQLITE_OK) {
        f->rc = job_rc;
        *failed = NULL;
    } else if (f->rc == SQLITE_OK) {
        f->rc = store_fts_take(f->db, x->job.path, x->job.facets);
    }
    unlink(x->job.path);
}

int store_fill_end(struct fill *x, bool commit, char **why)
{
    struct filler *f = &x->f;
    sqlite3 *db = f->db;
    sqlite3_stmt **stmts[] = {&f->meta,      &f->source,     &f->region,     &f->closure,
                              &f->goal,      &f->service,    &f->exam,       &f->entry,
                              &f->region_of, &f->goal_of,    &f->service_of, &f->delivery_of,
                              &f->item,      &f->support_of, &f->fts,        &f->region_name,
                              &f->entry_tr,  &f->vocab_tr,   &f->brief};
    for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++)
        sqlite3_finalize(*stmts[i]);
    if (!commit && f->rc == SQLITE_OK)
        f->rc = SQLITE_ABORT;
    /* The indexes and the list index's rows (gathered in the pass, or read from the tables),
     * while the other thread (when there is one) ends its index and writes the rows that come
     * from the words. */
    if (x->threaded)
        store_fts_close(&x->job, f->rc != SQLITE_OK);
    struct writeback wb[2] = {{.fd = -1}, {.fd = -1}};
    if (f->rc == SQLITE_OK)
        writeback_start(&wb[0], db);
    sqlite3 *failed = db;
    /* The other thread is most often done by now (it sets the pace only while FTS5 writes out):
     * its index is copied in first, and goes to the disk while the rest is made, rather than
     * all at the fsync. */
    bool took = false;
    if (x->threaded && f->rc == SQLITE_OK && store_fts_done(&x->job)) {
        took = true;
        take_fts(x, &failed);
        if (f->rc == SQLITE_OK)
            writeback_start(&wb[1], db);
    }
    if (f->rc == SQLITE_OK)
        f->rc = sqlite3_exec(db, schema_indexes, NULL, NULL, NULL);
    if (f->rc == SQLITE_OK)
        f->rc = x->gather ? facet_gather_write(x->gather, db) : facet_build(db);
    facet_gather_free(x->gather);
    x->gather = NULL;
    if (f->rc == SQLITE_OK)
        f->rc = facet_build_dated(db);
    if (x->threaded && !took)
        take_fts(x, &failed);
    else if (!x->threaded && f->rc == SQLITE_OK)
        f->rc = facet_build_words(db, x->last_rid, NULL);
    for (int i = 0; i < 2; i++)
        writeback_end(&wb[i]);
    if (f->rc == SQLITE_OK) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", STORE_SCHEMA_VERSION);
        f->rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    if (f->rc == SQLITE_OK)
        f->rc = sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);
    if (f->rc != SQLITE_OK && commit && why)
        *why = failed ? store_failure(failed, f->rc)
                      : xstrdup(x->job.why ? x->job.why : _("unknown error"));
    int rc = f->rc;
    free(x->job.why);
    sb_finish(&x->fts_text);
    free(x->region_id);
    free(x->region_parent);
    free(x->region_name);
    free(x->region_slot);
    free(x->region_depth);
    free(x->region_zone);
    sb_finish(&x->region_text);
    free(x);
    /* A failed fill leaves its transaction open: a ROLLBACK here would replace the reason that
     * sqlite3_errmsg and sqlite3_system_errno give ("File too large") with its own. Every caller
     * closes db on failure, and closing rolls back. */
    return rc;
}

int store_build(sqlite3 *db, const struct dataset_input *in, const char *origin, unsigned flags,
                const char *fts_path, struct dataset *info, struct diags *d, int *fill_rc,
                char **why)
{
    struct fill *x = store_fill_begin(db, origin, fts_path);
    int rc = dataset_stream(in, flags, store_fill_sink(x), info, d);
    *fill_rc = store_fill_end(x, rc == 0, why);
    return rc;
}
