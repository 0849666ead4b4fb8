/* store_fts.c: the full-text index: an entry's row, and the index built in a second thread, in a
 * database of its own, and copied in. */
#include <stdlib.h>

#include "i18n.h"
#include "store_build.h"
#include "util.h"

/* The full-text index. FTS5 keeps it in four ordinary tables (FTS_TABLES), which is what lets
 * another thread build it apart and the build copy it in (store_fts_build, store_fts_take).
 * Prefix indexes to four letters: a word typed to its fourth letter ("ment") otherwise merged
 * the doclists of every term that begins so, 10 ms a keystroke at 100,000 entries, against 5 with
 * the index (bench/README.md); the cache grows by a tenth, written by the thread that keeps up
 * with the reader anyway. */
const char store_schema_fts[] =
        "CREATE VIRTUAL TABLE entry_fts USING fts5(name, acronym, host, location, summary, body,"
        " content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4');";

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

/* The other thread: the entries the build hands it, into a database of its own. Once it has
 * failed (or is told to give up) it only frees what it is handed, so the build never waits on
 * it. */
static void *fts_thread(void *arg)
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
    pthread_mutex_lock(&job->lock);
    for (;;) {
        while (!job->n && !job->closed)
            pthread_cond_wait(&job->more, &job->lock);
        if (!job->n)
            break;
        cJSON *e = job->q[job->head].e;
        sqlite3_int64 rid = job->q[job->head].rid;
        bool pathway = job->q[job->head].pathway;
        job->head = (job->head + 1) % FTS_QUEUE;
        job->n--;
        bool stop = job->stop;
        pthread_cond_signal(&job->room);
        pthread_mutex_unlock(&job->lock);
        if (stop && f.rc == SQLITE_OK)
            f.rc = SQLITE_INTERRUPT;
        if (f.rc == SQLITE_OK)
            store_fts_row(&f, rid, e, pathway);
        cJSON_Delete(e);
        pthread_mutex_lock(&job->lock);
    }
    if (job->stop && f.rc == SQLITE_OK)
        f.rc = SQLITE_INTERRUPT;
    pthread_mutex_unlock(&job->lock);
    sqlite3_finalize(f.fts);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, "COMMIT;", NULL, NULL, NULL);
    if (f.rc != SQLITE_OK)
        job->why = store_failure(f.db, f.rc);
    if (sqlite3_close(f.db) != SQLITE_OK && f.rc == SQLITE_OK) {
        f.rc = SQLITE_IOERR;
        job->why = xstrdup(_("cannot close the database"));
    }
    job->rc = f.rc;
    return NULL;
}

bool store_fts_start(struct fts_job *job)
{
    pthread_mutex_init(&job->lock, NULL);
    pthread_cond_init(&job->more, NULL);
    pthread_cond_init(&job->room, NULL);
    job->head = job->n = 0;
    job->closed = job->stop = false;
    if (pthread_create(&job->thread, NULL, fts_thread, job) == 0)
        return true;
    pthread_mutex_destroy(&job->lock);
    pthread_cond_destroy(&job->more);
    pthread_cond_destroy(&job->room);
    return false;
}

bool store_fts_put(struct fts_job *job, sqlite3_int64 rid, bool pathway, cJSON *e)
{
    pthread_mutex_lock(&job->lock);
    while (job->n == FTS_QUEUE)
        pthread_cond_wait(&job->room, &job->lock);
    size_t at = (job->head + job->n) % FTS_QUEUE;
    job->q[at].e = e;
    job->q[at].rid = rid;
    job->q[at].pathway = pathway;
    job->n++;
    pthread_cond_signal(&job->more);
    pthread_mutex_unlock(&job->lock);
    return true;
}

int store_fts_finish(struct fts_job *job, bool failed)
{
    pthread_mutex_lock(&job->lock);
    job->closed = true;
    job->stop = job->stop || failed;
    pthread_cond_signal(&job->more);
    pthread_mutex_unlock(&job->lock);
    pthread_join(job->thread, NULL);
    pthread_mutex_destroy(&job->lock);
    pthread_cond_destroy(&job->more);
    pthread_cond_destroy(&job->room);
    return job->rc;
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
