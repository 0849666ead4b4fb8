/* store_build.h: what the store's own files (store*.c) share to open, fill and cache a store;
 * nothing outside src/model/store*.c includes it. */
#ifndef ITPNAV_STORE_BUILD_H
#define ITPNAV_STORE_BUILD_H

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "store_impl.h"

/* ---- store.c ---- */

/* A store around an open database (taken) and the file it came from. */
struct store *store_create(sqlite3 *db, const char *origin);

/* Open path read-only, with a busy timeout; an SQLite result code. */
int store_open_readonly(const char *path, sqlite3 **db);

/* True when db is ours and current: its user_version and meta agree with this build. */
bool store_schema_current(sqlite3 *db);

/* Why a write failed, as a new string: SQLite's message while it still describes rc (else the
 * generic one for rc), and the system's reason when there is one ("No space left on device"). */
char *store_failure(sqlite3 *db, int rc);

/* ---- store_fill.c ---- */

/* Fill db. With fts_path, the full-text index (half the work at 100,000 entries) is built at the
 * same time by another thread, in a database at fts_path that is removed after. On failure *why
 * (when why is not NULL) says why, and db is left in its failed transaction so that
 * sqlite3_errmsg still tells it too. */
int store_fill(sqlite3 *db, const struct dataset *ds, const char *dataset_path,
               const char *fts_path, char **why);

/* What a fill (or the full-text thread's) is writing with: its database, the prepared inserts,
 * and the first failure. */
struct filler {
    sqlite3 *db;
    sqlite3_stmt *meta, *source, *region, *closure, *goal, *service, *exam, *entry, *region_of,
            *goal_of, *service_of, *delivery_of, *item, *support_of, *fts, *region_info,
            *region_name, *entry_tr, *vocab_tr;
    int rc;
};

static inline const char *str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static inline const cJSON *arr(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsArray(v) ? v : NULL;
}

/* Every string bound here outlives the step that reads it (run() steps at once), so SQLite need
 * not copy it. */
static inline void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

/* Step a prepared insert and reset it, remembering the first failure. */
static inline void run(struct filler *f, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && f->rc == SQLITE_OK)
        f->rc = rc;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

static inline sqlite3_stmt *prepare(struct filler *f, const char *sql)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(f->db, sql, -1, &s, NULL);
    if (rc != SQLITE_OK && f->rc == SQLITE_OK)
        f->rc = rc;
    return s;
}

/* ---- store_fts.c ---- */

/* The full-text table and its tuning, run in each database that builds one. */
extern const char store_schema_fts[], store_fts_tuning[];

/* An entry's row in the full-text index (f->fts inserts it). */
void store_fts_row(struct filler *f, sqlite3_int64 rid, const cJSON *e, bool pathway);

/* The other thread's work: the full-text index of every entry, in a database of its own. */
struct fts_job {
    const cJSON *root;
    const char *path; /* a temporary file for it */
    atomic_bool stop; /* the rest of the build failed: give up */
    int rc;
    char *why; /* on failure, why */
};

/* The thread: build job's index (pthread_create's start routine). */
void *store_fts_build(void *job);

/* Move the index the other thread built at path into db's entry_fts (created empty by
 * store_schema_fts): FTS5's four tables, copied as they are. An SQLite result code. */
int store_fts_take(sqlite3 *db, const char *path);

#endif
