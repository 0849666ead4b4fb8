/* store.c: loading a checked dataset into SQLite, and the cache that keeps it between runs. */
#include "store.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "facet.h"
#include "text.h"
#include "util.h"

static const char schema[] =
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
        "CREATE TABLE source(id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT, publisher TEXT,"
        " as_of TEXT, pos INTEGER NOT NULL);"
        "CREATE TABLE region(id TEXT PRIMARY KEY, name TEXT NOT NULL, fold TEXT NOT NULL,"
        " parent TEXT, kind TEXT, depth INTEGER NOT NULL, pos INTEGER NOT NULL);"
        "CREATE INDEX region_fold ON region(fold);"
        "CREATE INDEX region_parent ON region(parent, pos);"
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
        " website TEXT, email TEXT, phone TEXT,"
        " goal TEXT, status TEXT, advocacy TEXT, requires TEXT,"
        " source TEXT NOT NULL, as_of TEXT NOT NULL, verified TEXT, regions_text TEXT);"
        "CREATE TABLE entry_region(region TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(region, rid)) WITHOUT ROWID;"
        "CREATE TABLE entry_goal(goal TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(goal, rid)) WITHOUT ROWID;"
        "CREATE TABLE entry_service(service TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(service, rid)) WITHOUT ROWID;"
        "CREATE TABLE entry_delivery(delivery TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY(delivery, rid)) WITHOUT ROWID;"
        /* Ordered lists of an entry: offers, aims, eligibility, steps (text=title,
         * extra=detail) and links (text=title, extra=url). */
        "CREATE TABLE entry_item(rid INTEGER NOT NULL, list TEXT NOT NULL, pos INTEGER NOT NULL,"
        " text TEXT NOT NULL, extra TEXT, PRIMARY KEY(rid, list, pos)) WITHOUT ROWID;"
        /* A pathway's supports. */
        "CREATE TABLE entry_support(rid INTEGER NOT NULL, support TEXT NOT NULL,"
        " pos INTEGER NOT NULL, PRIMARY KEY(rid, pos)) WITHOUT ROWID;"
        /* The packed index lists are filtered through (facet.c, facet_build). */
        "CREATE TABLE facet(name TEXT PRIMARY KEY, data BLOB NOT NULL);";

/* The full-text index. FTS5 keeps it in four ordinary tables (FTS_TABLES), which is what lets
 * another thread build it apart and the build copy it in (fill_fts, take_fts). */
static const char schema_fts[] =
        "CREATE VIRTUAL TABLE entry_fts USING fts5(name, acronym, host, location, summary, body,"
        " content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');";

/* FTS5 writes its pending terms out every hashsize bytes: at the default (1 MB) a large dataset
 * is written as hundreds of small segments and merged over and over; 16 MB halves the time the
 * index takes (bench/README.md). */
static const char fts_tuning[] =
        "INSERT INTO entry_fts(entry_fts, rank) VALUES ('hashsize', 16777216);";

/* FTS_TABLES: FTS5's tables for entry_fts, emptied and filled from the ones in the database
 * attached as "fts". */
static const char take_fts_sql[] =
        "DELETE FROM main.entry_fts_data; DELETE FROM main.entry_fts_config;"
        "INSERT INTO main.entry_fts_data SELECT * FROM fts.entry_fts_data;"
        "INSERT INTO main.entry_fts_idx SELECT * FROM fts.entry_fts_idx;"
        "INSERT INTO main.entry_fts_docsize SELECT * FROM fts.entry_fts_docsize;"
        "INSERT INTO main.entry_fts_config SELECT * FROM fts.entry_fts_config;";

/* The indexes over entries, made once the rows are in: sorting once is cheaper than keeping an
 * index in order row by row. */
static const char schema_indexes[] =
        "CREATE INDEX entry_id ON entry(id);"
        "CREATE INDEX entry_part_of ON entry(part_of);"
        "CREATE INDEX entry_region_rid ON entry_region(rid);"
        /* An entry's own goals, services and deliveries are read by rid (lists, details): without
         * these, each read scans the whole table. */
        "CREATE INDEX entry_goal_rid ON entry_goal(rid);"
        "CREATE INDEX entry_service_rid ON entry_service(rid);"
        "CREATE INDEX entry_delivery_rid ON entry_delivery(rid);"
        "CREATE INDEX entry_support_support ON entry_support(support);";

char *store_default_cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/itpnav", xdg);
    const char *home = getenv("HOME");
    if (home && home[0])
        return xasprintf("%s/.cache/itpnav", home);
    return NULL;
}

/* ---- filling ---- */

struct filler {
    sqlite3 *db;
    sqlite3_stmt *meta, *source, *region, *closure, *goal, *service, *exam, *entry, *region_of,
            *goal_of, *service_of, *delivery_of, *item, *support_of, *fts, *region_info;
    int rc;
};

static const char *str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const cJSON *arr(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsArray(v) ? v : NULL;
}

/* Every string bound here outlives the step that reads it (run() steps at once), so SQLite need
 * not copy it. */
static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

/* Step a prepared insert and reset it, remembering the first failure. */
static void run(struct filler *f, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && f->rc == SQLITE_OK)
        f->rc = rc;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

static sqlite3_stmt *prepare(struct filler *f, const char *sql)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(f->db, sql, -1, &s, NULL);
    if (rc != SQLITE_OK && f->rc == SQLITE_OK)
        f->rc = rc;
    return s;
}

static void put_meta(struct filler *f, const char *key, const char *value)
{
    if (!value)
        return;
    bind_text(f->meta, 1, key);
    bind_text(f->meta, 2, value);
    run(f, f->meta);
}

static void fill_named(struct filler *f, sqlite3_stmt *s, const cJSON *list)
{
    int pos = 0;
    for (const cJSON *e = list ? list->child : NULL; e; e = e->next) {
        bind_text(s, 1, str(e, "id"));
        bind_text(s, 2, str(e, "name"));
        bind_text(s, 3, str(e, "summary"));
        sqlite3_bind_int(s, 4, pos++);
        run(f, s);
    }
}

static void fill_regions(struct filler *f, const cJSON *regions)
{
    int pos = 0;
    for (const cJSON *e = regions->child; e; e = e->next) {
        char *fold = text_fold(str(e, "name"));
        bind_text(f->region, 1, str(e, "id"));
        bind_text(f->region, 2, str(e, "name"));
        bind_text(f->region, 3, fold);
        bind_text(f->region, 4, str(e, "parent"));
        bind_text(f->region, 5, str(e, "kind"));
        sqlite3_bind_int(f->region, 6, 0);
        sqlite3_bind_int(f->region, 7, pos++);
        run(f, f->region);
        free(fold);
    }
    /* The closure (each region under each ancestor and itself) and the depths, in SQL: the
     * check ruled out cycles, and the index on id keeps this near linear. */
    int rc = sqlite3_exec(
            f->db,
            "INSERT INTO region_closure WITH RECURSIVE up(anc, des, dist) AS ("
            " SELECT id, id, 0 FROM region UNION ALL"
            " SELECT r.parent, up.des, up.dist + 1 FROM up JOIN region r ON r.id = up.anc"
            " WHERE r.parent IS NOT NULL) SELECT anc, des, dist FROM up;"
            "UPDATE region SET depth = (SELECT max(dist) FROM region_closure"
            " WHERE descendant = region.id);",
            NULL, NULL, NULL);
    if (rc != SQLITE_OK && f->rc == SQLITE_OK)
        f->rc = rc;
}

static void fill_items(struct filler *f, sqlite3_int64 rid, const char *list, const cJSON *items,
                       const char *text_key, const char *extra_key)
{
    int pos = 0;
    for (const cJSON *e = items ? items->child : NULL; e; e = e->next) {
        const char *text = text_key ? str(e, text_key) : e->valuestring;
        const char *extra = extra_key ? str(e, extra_key) : NULL;
        sqlite3_bind_int64(f->item, 1, rid);
        bind_text(f->item, 2, list);
        sqlite3_bind_int(f->item, 3, pos++);
        bind_text(f->item, 4, text);
        bind_text(f->item, 5, extra);
        run(f, f->item);
    }
}

/* The words of a list of items, one a line, for the searched body. */
static void add_words(struct sb *body, const cJSON *items, const char *text_key,
                      const char *extra_key)
{
    for (const cJSON *e = items ? items->child : NULL; e; e = e->next) {
        const char *text = text_key ? str(e, text_key) : e->valuestring;
        const char *extra = extra_key ? str(e, extra_key) : NULL;
        if (text) {
            sb_add(body, text);
            sb_addc(body, '\n');
        }
        if (extra) {
            sb_add(body, extra);
            sb_addc(body, '\n');
        }
    }
}

/* An entry's row in the full-text index. Its body is what it offers and aims at, and a
 * pathway's eligibility and steps or a support's eligibility; links are not searched (a URL is
 * not words a person types). */
static void fill_fts(struct filler *f, sqlite3_int64 rid, const cJSON *e, bool pathway)
{
    struct sb body = {0};
    add_words(&body, arr(e, "offers"), NULL, NULL);
    add_words(&body, arr(e, "aims"), NULL, NULL);
    if (pathway) {
        add_words(&body, arr(e, "eligibility"), NULL, NULL);
        add_words(&body, arr(e, "steps"), "title", "detail");
    } else if (str(e, "eligibility")) {
        sb_add(&body, str(e, "eligibility"));
    }
    sqlite3_bind_int64(f->fts, 1, rid);
    bind_text(f->fts, 2, str(e, "name"));
    bind_text(f->fts, 3, str(e, "acronym"));
    bind_text(f->fts, 4, str(e, "host"));
    bind_text(f->fts, 5, str(e, "location"));
    bind_text(f->fts, 6, str(e, "summary"));
    bind_text(f->fts, 7, sb_str(&body));
    run(f, f->fts);
    sb_finish(&body);
}

static void fill_ids(struct filler *f, sqlite3_stmt *s, sqlite3_int64 rid, const cJSON *list)
{
    for (const cJSON *e = list ? list->child : NULL; e; e = e->next) {
        bind_text(s, 1, e->valuestring);
        sqlite3_bind_int64(s, 2, rid);
        run(f, s);
    }
}

/* The depth of the entry's most specific region, and its regions' names for lists. */
static void describe_regions(struct filler *f, const cJSON *regions, int *depth, char **names)
{
    struct sb b = {0};
    *depth = 0;
    for (const cJSON *e = regions ? regions->child : NULL; e; e = e->next) {
        sqlite3_bind_text(f->region_info, 1, e->valuestring, -1, SQLITE_STATIC);
        if (sqlite3_step(f->region_info) == SQLITE_ROW) {
            if (b.len)
                sb_add(&b, ", ");
            sb_add(&b, (const char *)sqlite3_column_text(f->region_info, 0));
            if (sqlite3_column_int(f->region_info, 1) > *depth)
                *depth = sqlite3_column_int(f->region_info, 1);
        }
        sqlite3_reset(f->region_info);
    }
    *names = sb_take(&b);
}

static void fill_entry(struct filler *f, const cJSON *e, const char *kind)
{
    bool pathway = strcmp(kind, "pathway") == 0;
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(e, "size");
    const cJSON *contact = cJSON_GetObjectItemCaseSensitive(e, "contact");
    const cJSON *count = size ? cJSON_GetObjectItemCaseSensitive(size, "count") : NULL;
    const cJSON *requires = cJSON_GetObjectItemCaseSensitive(e, "requires");
    const char *name = str(e, "name");
    char *sort_key = text_fold(name);
    char *where;
    int depth;
    describe_regions(f, arr(e, "regions"), &depth, &where);
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
    run(f, s);
    sqlite3_int64 rid = sqlite3_last_insert_rowid(f->db);
    free(sort_key);
    free(where);
    cJSON_free(req);

    fill_ids(f, f->region_of, rid, arr(e, "regions"));
    if (pathway) {
        bind_text(f->goal_of, 1, str(e, "goal"));
        sqlite3_bind_int64(f->goal_of, 2, rid);
        run(f, f->goal_of);
    } else {
        fill_ids(f, f->goal_of, rid, arr(e, "goals"));
        fill_ids(f, f->service_of, rid, arr(e, "services"));
        fill_ids(f, f->delivery_of, rid, arr(e, "delivery"));
    }
    fill_items(f, rid, "offers", arr(e, "offers"), NULL, NULL);
    fill_items(f, rid, "aims", arr(e, "aims"), NULL, NULL);
    if (pathway) {
        fill_items(f, rid, "eligibility", arr(e, "eligibility"), NULL, NULL);
        fill_items(f, rid, "steps", arr(e, "steps"), "title", "detail");
        fill_items(f, rid, "links", arr(e, "links"), "title", "url");
        int pos = 0;
        const cJSON *sup = arr(e, "supports");
        for (const cJSON *x = sup ? sup->child : NULL; x; x = x->next) {
            sqlite3_bind_int64(f->support_of, 1, rid);
            bind_text(f->support_of, 2, x->valuestring);
            sqlite3_bind_int(f->support_of, 3, pos++);
            run(f, f->support_of);
        }
    }
    if (f->fts)
        fill_fts(f, rid, e, pathway);
}

/* Why a write failed, as a new string: SQLite's message while it still describes rc (else the
 * generic one for rc), and the system's reason when there is one ("No space left on device"). */
static char *failure(sqlite3 *db, int rc)
{
    const char *msg = db && sqlite3_errcode(db) == rc ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    int err = db ? sqlite3_system_errno(db) : 0;
    /* When the write fails inside COMMIT, SQLite's clean-up runs before the error is recorded
     * and the errno it reads is gone; the file still holds the one its write got. */
    if (db && !err && (rc & 0xff) == SQLITE_IOERR)
        sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &err);
    if (err && (rc & 0xff) != SQLITE_CONSTRAINT)
        return xasprintf("%s: %s", msg, strerror(err));
    return xstrdup(msg);
}

/* ---- the full-text index, built beside the rest ---- */

/* The other thread's work: the full-text index of every entry, in a database of its own. */
struct fts_job {
    const cJSON *root;
    const char *path; /* a temporary file for it */
    atomic_bool stop; /* the rest of the build failed: give up */
    int rc;
    char *why; /* on failure, why */
};

/* The entries are numbered (rid) as the build inserts them: supports, then pathways, from 1. */
static void *build_fts(void *arg)
{
    struct fts_job *job = arg;
    struct filler f = {0};
    f.rc = sqlite3_open_v2(job->path, &f.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;",
                            NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, schema_fts, NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, fts_tuning, NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.fts = prepare(&f, "INSERT INTO entry_fts(rowid, name, acronym, host, location, summary,"
                            " body) VALUES (?, ?, ?, ?, ?, ?, ?)");
    sqlite3_int64 rid = 0;
    static const char *const lists[] = {"supports", "pathways"};
    for (int l = 0; l < 2 && f.rc == SQLITE_OK; l++) {
        const cJSON *list = arr(job->root, lists[l]);
        for (const cJSON *e = list ? list->child : NULL; e && f.rc == SQLITE_OK; e = e->next) {
            if (atomic_load(&job->stop))
                f.rc = SQLITE_INTERRUPT;
            else
                fill_fts(&f, ++rid, e, l == 1);
        }
    }
    sqlite3_finalize(f.fts);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, "COMMIT;", NULL, NULL, NULL);
    if (f.rc != SQLITE_OK)
        job->why = failure(f.db, f.rc);
    if (sqlite3_close(f.db) != SQLITE_OK && f.rc == SQLITE_OK) {
        f.rc = SQLITE_IOERR;
        job->why = xstrdup("cannot close the database");
    }
    job->rc = f.rc;
    return NULL;
}

/* Move the index the other thread built into db's entry_fts (created empty by schema_fts): FTS5's
 * four tables, copied as they are. */
static int take_fts(sqlite3 *db, const char *path)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "ATTACH ? AS fts", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_finalize(s);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, take_fts_sql, NULL, NULL, NULL);
    return rc;
}

/* ---- the whole store ---- */

/* Fill db. With fts_path, the full-text index (half the work at 100,000 entries) is built at the
 * same time by another thread, in a database at fts_path that is removed after. On failure *why
 * (when why is not NULL) says why, and db is left in its failed transaction so that
 * sqlite3_errmsg still tells it too. */
static int fill(sqlite3 *db, const struct dataset *ds, const char *dataset_path,
                const char *fts_path, char **why)
{
    const cJSON *root = ds->root;
    struct filler f = {.db = db};
    struct fts_job job = {.root = root, .path = fts_path};
    pthread_t fts_thread;
    if (fts_path)
        unlink(fts_path);
    bool threaded = fts_path && pthread_create(&fts_thread, NULL, build_fts, &job) == 0;
    f.rc = sqlite3_exec(db, "BEGIN;", NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(db, schema, NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(db, schema_fts, NULL, NULL, NULL);
    if (f.rc == SQLITE_OK && !threaded)
        f.rc = sqlite3_exec(db, fts_tuning, NULL, NULL, NULL);
    if (f.rc != SQLITE_OK)
        goto done;
    f.meta = prepare(&f, "INSERT OR REPLACE INTO meta VALUES (?, ?)");
    f.source = prepare(&f, "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?)");
    f.region = prepare(&f, "INSERT INTO region VALUES (?, ?, ?, ?, ?, ?, ?)");
    f.closure = prepare(&f, "INSERT OR IGNORE INTO region_closure VALUES (?, ?, ?)");
    f.goal = prepare(&f, "INSERT INTO goal VALUES (?, ?, ?, ?)");
    f.service = prepare(&f, "INSERT INTO service VALUES (?, ?, ?, ?)");
    f.exam = prepare(&f, "INSERT INTO exam VALUES (?, ?, ?, ?)");
    f.entry = prepare(&f, "INSERT INTO entry(id, kind, name, sort_key, spec, acronym, host,"
                          " part_of, location, size_text, size_count, size_unit, summary, cost,"
                          " eligibility, website, email, phone, goal, status, advocacy, requires,"
                          " source, as_of, verified, regions_text) VALUES (?, ?, ?, ?, ?, ?, ?,"
                          " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    f.region_of = prepare(&f, "INSERT OR IGNORE INTO entry_region VALUES (?, ?)");
    f.goal_of = prepare(&f, "INSERT OR IGNORE INTO entry_goal VALUES (?, ?)");
    f.service_of = prepare(&f, "INSERT OR IGNORE INTO entry_service VALUES (?, ?)");
    f.delivery_of = prepare(&f, "INSERT OR IGNORE INTO entry_delivery VALUES (?, ?)");
    f.item = prepare(&f, "INSERT INTO entry_item VALUES (?, ?, ?, ?, ?)");
    f.support_of = prepare(&f, "INSERT INTO entry_support VALUES (?, ?, ?)");
    if (!threaded)
        f.fts = prepare(&f, "INSERT INTO entry_fts(rowid, name, acronym, host, location, summary,"
                            " body) VALUES (?, ?, ?, ?, ?, ?, ?)");
    f.region_info = prepare(&f, "SELECT name, depth FROM region WHERE id = ?");
    if (f.rc != SQLITE_OK)
        goto done;

    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "dataset");
    static const char *const meta_keys[] = {"title", "as_of", "publisher", "license", "notes"};
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++)
        put_meta(&f, meta_keys[i], str(meta, meta_keys[i]));
    char version[16];
    snprintf(version, sizeof version, "%d", STORE_SCHEMA_VERSION);
    put_meta(&f, "schema", version);
    put_meta(&f, "origin", dataset_path);

    int pos = 0;
    for (const cJSON *e = arr(root, "sources")->child; e; e = e->next) {
        bind_text(f.source, 1, str(e, "id"));
        bind_text(f.source, 2, str(e, "title"));
        bind_text(f.source, 3, str(e, "url"));
        bind_text(f.source, 4, str(e, "publisher"));
        bind_text(f.source, 5, str(e, "as_of"));
        sqlite3_bind_int(f.source, 6, pos++);
        run(&f, f.source);
    }
    fill_regions(&f, arr(root, "regions"));
    fill_named(&f, f.goal, arr(root, "goals"));
    fill_named(&f, f.service, arr(root, "services"));
    fill_named(&f, f.exam, arr(root, "exams"));
    for (const cJSON *e = arr(root, "supports")->child; e; e = e->next)
        fill_entry(&f, e, str(e, "kind"));
    for (const cJSON *e = arr(root, "pathways")->child; e; e = e->next)
        fill_entry(&f, e, "pathway");

done:;
    sqlite3_stmt **stmts[] = {&f.meta,      &f.source,     &f.region,     &f.closure,
                              &f.goal,      &f.service,    &f.exam,       &f.entry,
                              &f.region_of, &f.goal_of,    &f.service_of, &f.delivery_of,
                              &f.item,      &f.support_of, &f.fts,        &f.region_info};
    for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++)
        sqlite3_finalize(*stmts[i]);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(db, schema_indexes, NULL, NULL, NULL);
    sqlite3 *failed = db;
    if (threaded) {
        if (f.rc != SQLITE_OK)
            atomic_store(&job.stop, true);
        pthread_join(fts_thread, NULL);
        if (f.rc == SQLITE_OK && job.rc != SQLITE_OK) {
            f.rc = job.rc;
            failed = NULL; /* job.why says it */
        } else if (f.rc == SQLITE_OK) {
            f.rc = take_fts(db, fts_path);
        }
        unlink(fts_path);
    }
    if (f.rc == SQLITE_OK)
        f.rc = facet_build(db);
    if (f.rc == SQLITE_OK) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", STORE_SCHEMA_VERSION);
        f.rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);
    if (f.rc != SQLITE_OK && why)
        *why = failed ? failure(failed, f.rc) : xstrdup(job.why ? job.why : "unknown error");
    free(job.why);
    /* A failed fill leaves its transaction open: a ROLLBACK here would replace the reason that
     * sqlite3_errmsg and sqlite3_system_errno give ("File too large") with its own. Every caller
     * closes db on failure, and closing rolls back. */
    return f.rc;
}

void store_init(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_fill(sqlite3 *db, const struct dataset *ds, const char *dataset_path)
{
    return fill(db, ds, dataset_path, NULL, NULL);
}

/* ---- opening ---- */

static struct store *store_create(sqlite3 *db, const char *origin)
{
    struct store *st = xcalloc(1, sizeof *st);
    st->db = db;
    st->origin = xstrdup(origin);
    /* Search text is folded by SQL, so our folding must be callable from it. */
    return st;
}

void store_destroy(struct store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    free(st->origin);
    free(st);
}

char *store_meta(const struct store *st, const char *key)
{
    sqlite3_stmt *s;
    char *v = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?", -1, &s, NULL) !=
        SQLITE_OK)
        return NULL;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        v = xstrdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return v;
}

/* A database is ours and current when its user_version and meta agree with this build. */
static bool schema_current(sqlite3 *db)
{
    sqlite3_stmt *s;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
        return false;
    ok = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == STORE_SCHEMA_VERSION;
    sqlite3_finalize(s);
    if (!ok)
        return false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &s, NULL) !=
        SQLITE_OK)
        return false;
    ok = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == STORE_SCHEMA_VERSION;
    sqlite3_finalize(s);
    return ok;
}

static int open_readonly(const char *path, sqlite3 **db)
{
    int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        sqlite3_busy_timeout(*db, 2000);
    return rc;
}

int store_open_db(const char *path, struct store **out, struct diags *d)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot open: %s", strerror(errno));
        return EXIT_NOINPUT;
    }
    if (S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "is a directory; expected a database file");
        return EXIT_NOINPUT;
    }
    sqlite3 *db = NULL;
    if (open_readonly(path, &db) != SQLITE_OK) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot open: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return EXIT_NOINPUT;
    }
    if (!schema_current(db)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL,
                  "not an itpnav database of schema %d (write one with 'itpnav build-db')",
                  STORE_SCHEMA_VERSION);
        sqlite3_close(db);
        return EXIT_DATAERR;
    }
    *out = store_create(db, path);
    return 0;
}

/* Make sure what was written to path is on disk before it is renamed into place. */
static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = fsync(fd) == 0 ? 0 : errno;
    close(fd);
    return err;
}

static void sync_dir_of(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        strcpy(dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

struct identity {
    char size[32], mtime[48], hash[32];
};

static void identity_of(const struct stat *st, uint64_t hash, bool have_hash, struct identity *id)
{
    snprintf(id->size, sizeof id->size, "%lld", (long long)st->st_size);
    snprintf(id->mtime, sizeof id->mtime, "%lld.%09ld", (long long)st->st_mtim.tv_sec,
             (long)st->st_mtim.tv_nsec);
    if (have_hash)
        snprintf(id->hash, sizeof id->hash, "%016llx", (unsigned long long)hash);
    else
        id->hash[0] = '\0';
}

static void set_cache_meta(sqlite3 *db, const char *key, const char *value);

static void put_identity(sqlite3 *db, const struct identity *id)
{
    if (!id)
        return;
    set_cache_meta(db, "size", id->size);
    set_cache_meta(db, "mtime", id->mtime);
    set_cache_meta(db, "hash", id->hash);
}

/* Build into "<path>.tmp-<pid>" and rename over path: readers see the old file or the new one,
 * never half of one, and a killed build leaves only a temporary file behind. */
static int write_db(const struct dataset *ds, const char *dataset_path, const char *path,
                    const struct identity *id, char **why)
{
    char *tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
    unlink(tmp);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db,
                          "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                          /* The entry-keyed tables take inserts all over their b-trees: with
                           * SQLite's default 2 MB cache most of them re-read and re-write pages
                           * (a third of the build's time at 100,000 entries). Only the build
                           * uses this much. */
                          " PRAGMA page_size = 4096; PRAGMA cache_size = -65536;",
                          NULL, NULL, NULL);
    char *fts_tmp = xasprintf("%s-fts", tmp);
    if (rc == SQLITE_OK)
        rc = fill(db, ds, dataset_path, fts_tmp, why);
    free(fts_tmp);
    /* Everything is written before the rename: nothing ever writes to a file in place, where a
     * reader could meet a half-done write or a journal that is not its own. */
    if (rc == SQLITE_OK)
        put_identity(db, id);
    if (rc != SQLITE_OK && !*why)
        *why = failure(db, rc);
    if (sqlite3_close(db) != SQLITE_OK && rc == SQLITE_OK) {
        rc = SQLITE_IOERR;
        *why = xstrdup("cannot close the database");
    }
    int err = 0;
    if (rc == SQLITE_OK && (err = sync_file(tmp)) != 0)
        *why = xstrdup(strerror(err));
    if (rc == SQLITE_OK && !err && rename(tmp, path) != 0) {
        err = errno;
        *why = xstrdup(strerror(err));
    }
    if (rc != SQLITE_OK || err)
        unlink(tmp);
    else
        sync_dir_of(path);
    free(tmp);
    return rc != SQLITE_OK || err ? -1 : 0;
}

int store_write(const struct dataset *ds, const char *dataset_path, const char *out_path,
                struct diags *d)
{
    char *why = NULL;
    if (write_db(ds, dataset_path, out_path, NULL, &why) != 0) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot write %s: %s", out_path,
                  why ? why : "unknown error");
        free(why);
        return EXIT_IOERR;
    }
    return 0;
}

/* Remove temporary files that killed builds of this cache left behind. */
static void sweep_stale(const char *dir, const char *base)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    size_t n = strlen(base);
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (strncmp(de->d_name, base, n) != 0 || strncmp(de->d_name + n, ".tmp-", 5) != 0)
            continue;
        long pid = strtol(de->d_name + n + 5, NULL, 10);
        if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue;
        char *p = xasprintf("%s/%s", dir, de->d_name);
        unlink(p);
        free(p);
    }
    closedir(dp);
}

/* Cache meta: the dataset's identity when the cache was built. */
static bool cache_meta(sqlite3 *db, const char *key, char *buf, size_t n)
{
    sqlite3_stmt *s;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
        ok = true;
    }
    sqlite3_finalize(s);
    return ok;
}

static void set_cache_meta(sqlite3 *db, const char *key, const char *value)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta VALUES (?, ?)", -1, &s, NULL) !=
        SQLITE_OK)
        return;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
    sqlite3_step(s);
    sqlite3_finalize(s);
}

/* A copy of the cache with a new identity, renamed into place (for a touched, unchanged file). */
static void refresh_identity(const char *cache, const struct identity *id)
{
    char *tmp = xasprintf("%s.tmp-%ld", cache, (long)getpid());
    sqlite3 *src = NULL, *dst = NULL;
    bool ok = open_readonly(cache, &src) == SQLITE_OK &&
              sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) ==
                      SQLITE_OK;
    if (ok) {
        sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
        ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
        ok = sqlite3_backup_finish(b) == SQLITE_OK && ok;
    }
    if (ok)
        put_identity(dst, id);
    sqlite3_close(src);
    ok = sqlite3_close(dst) == SQLITE_OK && ok;
    if (ok && sync_file(tmp) == 0 && rename(tmp, cache) == 0)
        sync_dir_of(cache);
    else
        unlink(tmp);
    free(tmp);
}

static int build_in_memory(const struct dataset *ds, const char *path, struct store **out,
                           struct diags *d)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open(":memory:", &db);
    if (rc == SQLITE_OK)
        rc = store_fill(db, ds, path);
    if (rc != SQLITE_OK) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot build the in-memory database: %s",
                  sqlite3_errmsg(db));
        sqlite3_close(db);
        return EXIT_IOERR;
    }
    *out = store_create(db, path);
    return 0;
}

int store_open_dataset(const char *path, const char *cache_dir, unsigned flags, struct store **out,
                       struct diags *d, char **notice)
{
    *out = NULL;
    *notice = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot open: %s", strerror(errno));
        return EXIT_NOINPUT;
    }
    if (S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "is a directory; expected a dataset file (JSON)");
        return EXIT_NOINPUT;
    }
    unsigned dflags = (flags & STORE_STRICT) ? DATASET_STRICT : 0;

    char real[PATH_MAX];
    if (!realpath(path, real))
        snprintf(real, sizeof real, "%s", path);
    char *cache = NULL, *base = NULL;
    bool cache_ok = cache_dir && mkdir_p(cache_dir) && access(cache_dir, W_OK) == 0;
    if (cache_dir) {
        base = xasprintf("dataset-%016llx.db",
                         (unsigned long long)dataset_hash(real, strlen(real)));
        cache = xasprintf("%s/%s", cache_dir, base);
    }
    /* On every start, not only before a rebuild: a run killed while it refreshed the identity
     * leaves a whole copy of the cache behind, and the next runs hit the cache and rebuild
     * nothing. */
    if (cache_ok)
        sweep_stale(cache_dir, base);

    /* 1. The cache as it is, if it describes this very file. */
    sqlite3 *old = NULL;
    char have_size[32] = "", have_mtime[48] = "", have_hash[32] = "", have_origin[PATH_MAX] = "";
    if (cache && access(cache, R_OK) == 0 && open_readonly(cache, &old) == SQLITE_OK &&
        schema_current(old)) {
        cache_meta(old, "size", have_size, sizeof have_size);
        cache_meta(old, "mtime", have_mtime, sizeof have_mtime);
        cache_meta(old, "hash", have_hash, sizeof have_hash);
        cache_meta(old, "origin", have_origin, sizeof have_origin);
    } else if (old) {
        sqlite3_close(old);
        old = NULL;
    }
    struct identity now;
    identity_of(&st, 0, false, &now);
    /* Strict checking must read the file: the cache does not remember warnings. */
    bool strict = flags & STORE_STRICT;
    if (!strict && old && strcmp(have_origin, real) == 0 && strcmp(have_size, now.size) == 0 &&
        strcmp(have_mtime, now.mtime) == 0) {
        *out = store_create(old, real);
        free(cache);
        free(base);
        return 0;
    }

    /* 2. Read the file: it may be touched but identical, or changed. */
    char *buf;
    size_t len;
    int rc = dataset_read_file(path, &buf, &len, d);
    if (rc) {
        sqlite3_close(old);
        free(cache);
        free(base);
        return rc;
    }
    uint64_t hash = dataset_hash(buf, len);
    identity_of(&st, hash, true, &now);
    if (!strict && old && strcmp(have_origin, real) == 0 && strcmp(have_hash, now.hash) == 0) {
        free(buf);
        sqlite3_close(old);
        old = NULL;
        /* Remember the new mtime so the next start skips reading; harmless if it fails. */
        if (cache_ok)
            refresh_identity(cache, &now);
        rc = open_readonly(cache, &old);
        *out = store_create(old, real);
        free(cache);
        free(base);
        return rc == SQLITE_OK ? 0 : EXIT_IOERR;
    }

    /* 3. Check and rebuild. */
    struct dataset *ds = NULL;
    size_t errors_before = d->errors;
    rc = dataset_parse(buf, len, dflags, &ds, d);
    free(buf);
    if (rc) {
        if (old && (flags & STORE_FALLBACK)) {
            *notice = xasprintf("%s has %zu error%s; showing the data from the last good load. "
                                "Run 'itpnav check' to see them.",
                                path, d->errors - errors_before,
                                d->errors - errors_before == 1 ? "" : "s");
            *out = store_create(old, real);
            rc = 0;
        } else {
            sqlite3_close(old);
        }
        free(cache);
        free(base);
        return rc;
    }
    sqlite3_close(old);
    old = NULL;
    if (cache_ok) {
        char *why = NULL;
        if (write_db(ds, real, cache, &now, &why) == 0) {
            if (open_readonly(cache, &old) == SQLITE_OK) {
                dataset_destroy(ds);
                *out = store_create(old, real);
                free(cache);
                free(base);
                return 0;
            }
            sqlite3_close(old);
        }
        *notice = xasprintf("cannot write the cache in %s (%s); working in memory", cache_dir,
                            why ? why : "cannot open it");
        free(why);
    } else if (cache_dir) {
        *notice = xasprintf("cannot write the cache directory %s; working in memory", cache_dir);
    }
    rc = build_in_memory(ds, real, out, d);
    dataset_destroy(ds);
    free(cache);
    free(base);
    return rc;
}
