/* store_fts.c: the full-text index: an entry's row, and the index built in a second thread, in a
 * database of its own, and copied in. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "facet.h"
#include "i18n.h"
#include "store_build.h"
#include "util.h"

/* The full-text index. FTS5 keeps it in four ordinary tables (FTS_TABLES), which is what lets
 * another thread build it apart and the build copy it in (store_fts_build, store_fts_take).
 * Prefix indexes of three and four letters: a word typed to its fourth letter ("ment") otherwise
 * merged the doclists of every term that begins so, 10 ms a keystroke at 100,000 entries, against
 * 5 with the index (bench/README.md). One and two letters need none: from FACET_INITIALS_MIN
 * entries the list index keeps their matches (facet.h, rows 'initials'), and below it, or for a
 * pair too rare to be kept, the merge is short. Their indexes were a third of the index and a
 * quarter of the time to build it. (facet.c's tokenizer_of makes this tokenizer again.) */
const char store_schema_fts[] =
        "CREATE VIRTUAL TABLE entry_fts USING fts5(name, acronym, host, location, summary, body,"
        " content='', tokenize='unicode61 remove_diacritics 2', prefix='3 4');";

/* FTS5 writes its pending terms out every hashsize bytes: at the default (1 MB) a large dataset
 * is written as hundreds of small segments and merged over and over; 16 MB halved the time the
 * index takes (bench/README.md). Without the one- and two-letter prefix indexes 8 MB does as
 * well, searches are as fast, and a first run's peak is 10 MB lower. It merges segments when a
 * level has automerge of them: at 16 (the most) rather than 4, a first run at 100,000 entries
 * merges them seldom (its merges took about 1.4 s of the thread's 6), and searches are as fast. */
const char store_fts_tuning[] =
        "INSERT INTO entry_fts(entry_fts, rank) VALUES ('hashsize', 8388608);"
        "INSERT INTO entry_fts(entry_fts, rank) VALUES ('automerge', 16);";

/* FTS_TABLES: FTS5's tables for entry_fts, emptied and filled from the ones in the database
 * attached as "fts". */
static const char take_fts_sql[] =
        "DELETE FROM main.entry_fts_data; DELETE FROM main.entry_fts_config;"
        "INSERT INTO main.entry_fts_data SELECT * FROM fts.entry_fts_data;"
        "INSERT INTO main.entry_fts_idx SELECT * FROM fts.entry_fts_idx;"
        "INSERT INTO main.entry_fts_docsize SELECT * FROM fts.entry_fts_docsize;"
        "INSERT INTO main.entry_fts_config SELECT * FROM fts.entry_fts_config;";

/* The facet rows the thread wrote (fts_facets), beside the ones the build writes. */
static const char take_facets_sql[] = "INSERT INTO main.facet SELECT * FROM fts.facet;";

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
 * line, so that a search in any language the file carries finds it; ended by a NUL. */
static void add_column(struct sb *b, const cJSON *e, const cJSON *tr, const char *key)
{
    size_t start = b->len;
    const char *own = str(e, key);
    if (own)
        sb_add(b, own);
    for (const cJSON *l = tr ? tr->child : NULL; l; l = l->next)
        if (str(l, key)) {
            if (b->len > start)
                sb_addc(b, '\n');
            sb_add(b, str(l, key));
        }
    sb_addn(b, "", 1);
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

void store_fts_text(struct sb *out, const cJSON *e, bool pathway)
{
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(e, "translations");
    if (!cJSON_IsObject(tr))
        tr = NULL;
    out->len = 0;
    add_column(out, e, tr, "name");
    add_column(out, e, NULL, "acronym");
    add_column(out, e, NULL, "host");
    add_column(out, e, tr, "location");
    add_column(out, e, tr, "summary");
    add_body(out, e, pathway);
    for (const cJSON *l = tr ? tr->child : NULL; l; l = l->next)
        add_body(out, l, pathway);
    sb_addn(out, "", 1);
}

void store_fts_row(struct filler *f, sqlite3_int64 rid, const char *text)
{
    sqlite3_bind_int64(f->fts, 1, rid);
    for (int col = 0; col < 6; col++) {
        size_t len = strlen(text);
        if (len)
            sqlite3_bind_text(f->fts, col + 2, text, (int)len, SQLITE_STATIC);
        else
            sqlite3_bind_null(f->fts, col + 2);
        text += len + 1;
    }
    run(f, f->fts);
}

/* ---- the full-text index, built beside the rest ---- */

/* An entry in the ring: its rid and its text's length, then the text (or, for a block of its
 * own, a pointer to it), padded to RING_ALIGN. A header whose len is RING_WRAP, or less than a
 * header's room before the ring's end, sends the reader back to its start. */
struct ring_entry {
    sqlite3_int64 rid;
    uint32_t len;
    uint32_t own; /* the text is a block of its own (the reader frees it) */
};

size_t store_fts_ring = FTS_RING;

#define RING_ALIGN 8u
#define RING_WRAP  UINT32_MAX

static size_t ring_room(size_t n)
{
    return sizeof(struct ring_entry) + (n + RING_ALIGN - 1) / RING_ALIGN * RING_ALIGN;
}

/* The rows of the list index that come from the words, into a facet table of the thread's own
 * database (last: the greatest rid). */
static int fts_facets(sqlite3 *db, uint32_t last, struct facet_initials *ini)
{
    int rc = sqlite3_exec(db, "CREATE TABLE facet(name TEXT PRIMARY KEY, data BLOB NOT NULL);",
                          NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = facet_build_words(db, last, ini);
    return rc;
}

/* The other thread: the entries the build hands it, into a database of its own. Once it has
 * failed (or is told to give up) it only skips what it is handed, so the build never waits on
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
    /* The short prefixes' matches, gathered as entries come (the thread's spare time). */
    struct facet_initials *ini = f.rc == SQLITE_OK && job->facets ? facet_initials_new(f.db) : NULL;
    pthread_mutex_lock(&job->lock);
    for (;;) {
        while (!job->closed && (!job->used || (job->used < job->batch && !job->writer_waits))) {
            job->reader_waits = true;
            pthread_cond_wait(&job->more, &job->lock);
            job->reader_waits = false;
        }
        if (!job->used)
            break;
        bool stop = job->stop;
        size_t at = job->head;
        pthread_mutex_unlock(&job->lock);
        /* What the build wrote before it counted these bytes in use is read unlocked: the build
         * writes only outside the bytes in use. */
        struct ring_entry h = {.len = RING_WRAP};
        if (job->ring_size - at >= sizeof h)
            memcpy(&h, job->ring + at, sizeof h);
        size_t taken = h.len == RING_WRAP ? job->ring_size - at : 0;
        if (!taken) {
            const unsigned char *p = job->ring + at + sizeof h;
            char *own = NULL;
            if (h.own)
                memcpy(&own, p, sizeof own);
            if (stop && f.rc == SQLITE_OK)
                f.rc = SQLITE_INTERRUPT;
            if (f.rc == SQLITE_OK) {
                const char *text = own ? own : (const char *)p;
                store_fts_row(&f, h.rid, text);
                if (ini)
                    facet_initials_add(ini, (uint32_t)h.rid, text);
            }
            free(own);
            taken = ring_room(h.own ? sizeof own : h.len);
        }
        pthread_mutex_lock(&job->lock);
        job->head = (at + taken) % job->ring_size;
        job->used -= taken;
        pthread_cond_signal(&job->room);
    }
    if (job->stop && f.rc == SQLITE_OK)
        f.rc = SQLITE_INTERRUPT;
    pthread_mutex_unlock(&job->lock);
    sqlite3_finalize(f.fts);
    if (f.rc == SQLITE_OK && job->facets)
        f.rc = fts_facets(f.db, job->last_rid, ini);
    facet_initials_free(ini);
    if (f.rc == SQLITE_OK)
        f.rc = sqlite3_exec(f.db, "COMMIT;", NULL, NULL, NULL);
    if (f.rc != SQLITE_OK)
        job->why = store_failure(f.db, f.rc);
    if (sqlite3_close(f.db) != SQLITE_OK && f.rc == SQLITE_OK) {
        f.rc = SQLITE_IOERR;
        job->why = xstrdup(_("cannot close the database"));
    }
    pthread_mutex_lock(&job->lock);
    job->rc = f.rc;
    job->done = true;
    pthread_mutex_unlock(&job->lock);
    return NULL;
}

bool store_fts_done(struct fts_job *job)
{
    pthread_mutex_lock(&job->lock);
    bool done = job->done;
    pthread_mutex_unlock(&job->lock);
    return done;
}

bool store_fts_start(struct fts_job *job)
{
    job->ring_size = store_fts_ring;
    job->ring = malloc(job->ring_size);
    if (!job->ring)
        return false;
    pthread_mutex_init(&job->lock, NULL);
    pthread_cond_init(&job->more, NULL);
    pthread_cond_init(&job->room, NULL);
    job->head = job->tail = job->used = 0;
    job->batch = job->ring_size / 16 < FTS_BATCH ? job->ring_size / 16 : FTS_BATCH;
    job->reader_waits = job->writer_waits = false;
    job->last_rid = 0;
    job->closed = job->stop = job->done = false;
    if (pthread_create(&job->thread, NULL, fts_thread, job) == 0)
        return true;
    pthread_mutex_destroy(&job->lock);
    pthread_cond_destroy(&job->more);
    pthread_cond_destroy(&job->room);
    free(job->ring);
    job->ring = NULL;
    return false;
}

void store_fts_put(struct fts_job *job, sqlite3_int64 rid, const char *text, size_t len)
{
    char *own = NULL;
    if (ring_room(len) > job->ring_size / 4) {
        own = xmalloc(len);
        memcpy(own, text, len);
    }
    size_t need = ring_room(own ? sizeof own : len), at = job->tail;
    size_t room = job->ring_size - at, skip = room < need ? room : 0; /* to the end, then from 0 */
    pthread_mutex_lock(&job->lock);
    while (job->used + skip + need > job->ring_size) {
        job->writer_waits = true;
        pthread_cond_signal(&job->more); /* whatever is in use is the thread's to take now */
        pthread_cond_wait(&job->room, &job->lock);
    }
    job->writer_waits = false;
    pthread_mutex_unlock(&job->lock);
    /* The bytes from at on are outside the ones in use: the thread does not read them. */
    struct ring_entry h = {.rid = rid, .len = RING_WRAP};
    if (skip && skip >= sizeof h)
        memcpy(job->ring + at, &h, sizeof h);
    at = (at + skip) % job->ring_size;
    h.len = (uint32_t)len;
    h.own = own != NULL;
    memcpy(job->ring + at, &h, sizeof h);
    if (own)
        memcpy(job->ring + at + sizeof h, &own, sizeof own);
    else
        memcpy(job->ring + at + sizeof h, text, len);
    job->tail = (at + need) % job->ring_size;
    if ((uint64_t)rid > job->last_rid)
        job->last_rid = (uint32_t)rid;
    pthread_mutex_lock(&job->lock);
    job->used += skip + need;
    if (job->reader_waits && job->used >= job->batch)
        pthread_cond_signal(&job->more);
    pthread_mutex_unlock(&job->lock);
}

void store_fts_close(struct fts_job *job, bool failed)
{
    pthread_mutex_lock(&job->lock);
    job->closed = true;
    job->stop = job->stop || failed;
    pthread_cond_signal(&job->more);
    pthread_mutex_unlock(&job->lock);
}

int store_fts_finish(struct fts_job *job, bool failed)
{
    store_fts_close(job, failed);
    pthread_join(job->thread, NULL);
    pthread_mutex_destroy(&job->lock);
    pthread_cond_destroy(&job->more);
    pthread_cond_destroy(&job->room);
    free(job->ring);
    job->ring = NULL;
    return job->rc;
}

int store_fts_take(sqlite3 *db, const char *path, bool facets)
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
    if (rc == SQLITE_OK && facets)
        rc = sqlite3_exec(db, take_facets_sql, NULL, NULL, NULL);
    return rc;
}
