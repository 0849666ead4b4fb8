/* store_fts.c: the full-text index: an entry's row, and the index built in a second thread, in a
 * database of its own, and copied in. */
#include <stdlib.h>

#include "store_build.h"
#include "util.h"

/* The full-text index. FTS5 keeps it in four ordinary tables (FTS_TABLES), which is what lets
 * another thread build it apart and the build copy it in (store_fts_build, store_fts_take). */
const char store_schema_fts[] =
        "CREATE VIRTUAL TABLE entry_fts USING fts5(name, acronym, host, location, summary, body,"
        " content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');";

/* FTS5 writes its pending terms out every hashsize bytes: at the default (1 MB) a large dataset
 * is written as hundreds of small segments and merged over and over; 16 MB halves the time the
 * index takes (bench/README.md). */
const char store_fts_tuning[] =
        "INSERT INTO entry_fts(entry_fts, rank) VALUES ('hashsize', 16777216);";

/* FTS_TABLES: FTS5's tables for entry_fts, emptied and filled from the ones in the database
 * attached as "fts". */
static const char take_fts_sql[] =
        "DELETE FROM main.entry_fts_data; DELETE FROM main.entry_fts_config;"
        "INSERT INTO main.entry_fts_data SELECT * FROM fts.entry_fts_data;"
        "INSERT INTO main.entry_fts_idx SELECT * FROM fts.entry_fts_idx;"
        "INSERT INTO main.entry_fts_docsize SELECT * FROM fts.entry_fts_docsize;"
        "INSERT INTO main.entry_fts_config SELECT * FROM fts.entry_fts_config;";

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

/* One column's text: the entry's own value of key, then its translations' (version 2), one a
 * line, so that a search in any language the file carries finds it. */
static const char *column_text(struct sb *b, const cJSON *e, const cJSON *tr, const char *key)
{
    const char *own = str(e, key);
    if (own)
        sb_add(b, own);
    for (const cJSON *l = tr ? tr->child : NULL; l; l = l->next)
        if (str(l, key)) {
            if (b->len)
                sb_addc(b, '\n');
            sb_add(b, str(l, key));
        }
    return b->len ? sb_str(b) : NULL;
}

/* The words of the lists of one record (e itself, or one of its translations). Its body is what
 * it offers and aims at, and a pathway's eligibility and steps or a support's eligibility; links
 * are not searched (a URL is not words a person types). */
static void add_body(struct sb *body, const cJSON *e, bool pathway)
{
    add_words(body, arr(e, "offers"), NULL, NULL);
    add_words(body, arr(e, "aims"), NULL, NULL);
    if (pathway) {
        add_words(body, arr(e, "eligibility"), NULL, NULL);
        add_words(body, arr(e, "steps"), "title", "detail");
    } else if (str(e, "eligibility")) {
        sb_add(body, str(e, "eligibility"));
        sb_addc(body, '\n');
    }
}

void store_fts_row(struct filler *f, sqlite3_int64 rid, const cJSON *e, bool pathway)
{
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(e, "translations");
    if (!cJSON_IsObject(tr))
        tr = NULL;
    struct sb body = {0}, name = {0}, location = {0}, summary = {0};
    add_body(&body, e, pathway);
    for (const cJSON *l = tr ? tr->child : NULL; l; l = l->next)
        add_body(&body, l, pathway);
    sqlite3_bind_int64(f->fts, 1, rid);
    bind_text(f->fts, 2, column_text(&name, e, tr, "name"));
    bind_text(f->fts, 3, str(e, "acronym"));
    bind_text(f->fts, 4, str(e, "host"));
    bind_text(f->fts, 5, column_text(&location, e, tr, "location"));
    bind_text(f->fts, 6, column_text(&summary, e, tr, "summary"));
    bind_text(f->fts, 7, sb_str(&body));
    run(f, f->fts);
    sb_finish(&body);
    sb_finish(&name);
    sb_finish(&location);
    sb_finish(&summary);
}

/* ---- the full-text index, built beside the rest ---- */

/* The other thread's work: the full-text index of every entry, in a database of its own. */

/* The entries are numbered (rid) as the build inserts them: supports, then pathways, from 1. */
void *store_fts_build(void *arg)
{
    struct fts_job *job = arg;
    struct filler f = {0};
    char *name = plain_path(job->path);
    f.rc = sqlite3_open_v2(name, &f.db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
    free(name);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;",
                            NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, store_schema_fts, NULL, NULL, NULL);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, store_fts_tuning, NULL, NULL, NULL);
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
                store_fts_row(&f, ++rid, e, l == 1);
        }
    }
    sqlite3_finalize(f.fts);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, "COMMIT;", NULL, NULL, NULL);
    if (f.rc != SQLITE_OK)
        job->why = store_failure(f.db, f.rc);
    if (sqlite3_close(f.db) != SQLITE_OK && f.rc == SQLITE_OK) {
        f.rc = SQLITE_IOERR;
        job->why = xstrdup("cannot close the database");
    }
    job->rc = f.rc;
    return NULL;
}

int store_fts_take(sqlite3 *db, const char *path)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "ATTACH ? AS fts", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        char *name = plain_path(path);
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_finalize(s);
        free(name);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, take_fts_sql, NULL, NULL, NULL);
    return rc;
}
