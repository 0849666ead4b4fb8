/* store_build.h: what the store's own files (store*.c) share to open, fill and cache a store;
 * nothing outside src/model/store*.c includes it. */
#ifndef ITPNAV_STORE_BUILD_H
#define ITPNAV_STORE_BUILD_H

#include <cjson/cJSON.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "dataset.h"
#include "store_impl.h"
#include "util.h"

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

/* What a fill (or the full-text thread's) is writing with: its database, the prepared inserts,
 * and the first failure. */
struct filler {
    sqlite3 *db;
    sqlite3_stmt *meta, *source, *region, *closure, *goal, *service, *exam, *entry, *region_of,
            *goal_of, *service_of, *delivery_of, *item, *support_of, *fts, *region_name, *entry_tr,
            *vocab_tr, *brief;
    int rc;
};

/* ---- store_fts.c: the full-text index, built by another thread ---- */

/* The entries handed to the other thread and not yet indexed, as their columns' text (not their
 * JSON trees): a ring of FTS_RING bytes, so that memory stays flat however fast the check reads,
 * and large enough that the check goes on while FTS5 writes out and merges its segments (up to
 * 0.4 s at 100,000 entries, about 7,000 entries' text; bench/README.md). An entry's text longer
 * than a quarter of the ring is handed as a block of its own. */
#define FTS_RING ((size_t)8 << 20)

/* The most bytes the thread lets gather before it is woken (a sixteenth of smaller rings). */
#define FTS_BATCH ((size_t)64 << 10)

/* The ring's size for the next build: FTS_RING, but the unit tests make it small (a multiple of
 * 8, at least 64) so that it wraps and hands blocks of their own often. */
extern size_t store_fts_ring;

struct fts_job {
    const char *path; /* a temporary file for its database */
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t more, room;
    unsigned char *ring;
    size_t ring_size;
    size_t head, tail, used; /* where the thread reads, where the build writes, bytes in use */
    /* The thread sleeps until batch bytes are in use (or the build waits for room, or is done):
     * woken for each entry, it slept and woke 100,000 times at 100,000 entries, a system call
     * of the build's each time (bench/README.md). */
    size_t batch;
    bool reader_waits, writer_waits;
    bool closed, stop; /* no more entries; the rest of the build failed: give up */
    bool done;         /* the thread has ended (store_fts_done) */
    /* With facets, the thread also writes the list index's rows that come from the words (the
     * entries' lengths and the short prefixes' matches, facet.h) into a facet table of its own
     * database, for store_fts_take to copy with the index. */
    bool facets;
    uint32_t last_rid; /* the greatest rid handed (the thread's own) */
    int rc;
    char *why; /* on failure, why */
};

/* The full-text table and its tuning, run in each database that builds one. */
extern const char store_schema_fts[], store_fts_tuning[];

/* An entry's searched text (e, a support or a pathway) appended to out (emptied first) as the six
 * columns of the full-text table in order (name, acronym, host, location, summary, body), each
 * ended by a NUL. */
void store_fts_text(struct sb *out, const cJSON *e, bool pathway);

/* The entry rid, its text made by store_fts_text, into the full-text table (f->fts inserts). */
void store_fts_row(struct filler *f, sqlite3_int64 rid, const char *text);

/* Start the thread that builds job's index into a database at job->path (job->facets set or
 * not); false when it cannot start. */
bool store_fts_start(struct fts_job *job);

/* Hand the thread entry rid's text (len bytes, from store_fts_text; copied); waits while the
 * ring is full. */
void store_fts_put(struct fts_job *job, sqlite3_int64 rid, const char *text, size_t len);

/* No more entries (and, when failed, give up): the thread ends its index and, with facets,
 * writes its facet rows. */
void store_fts_close(struct fts_job *job, bool failed);

/* Whether the thread has ended, its database closed (store_fts_finish then does not wait). */
bool store_fts_done(struct fts_job *job);

/* No more entries (store_fts_close): wait for the thread (told to give up when failed) and return
 * its SQLite result code (job->why says why it failed). */
int store_fts_finish(struct fts_job *job, bool failed);

/* Move the index the other thread built at path into db's entry_fts (created empty by
 * store_schema_fts): FTS5's four tables, copied as they are, and with facets the facet rows the
 * thread wrote. An SQLite result code. */
int store_fts_take(sqlite3 *db, const char *path, bool facets);

/* A build in progress: the dataset's records filled into a database as the check reads them
 * (dataset.h's sink). */
struct fill {
    struct filler f;
    struct dataset_sink sink;
    const char *origin;
    int pos[DATASET_SECTIONS]; /* each list's next position */
    /* The regions' ids, parents and names (offsets in region_text, SIZE_MAX for no parent), for
     * the tree; once it is made, each region's depth and an open-addressed index of the ids
     * (region_slot, region_cap slots, SIZE_MAX for an empty one): an entry's regions are looked
     * up here, not in the table (a statement each, 160,000 at 100,000 entries). */
    size_t *region_id, *region_parent, *region_name, n_regions, regions_room;
    size_t *region_slot, region_cap;
    int *region_depth;
    /* Each region's ancestor just under the top of the tree (itself at that depth; SIZE_MAX for
     * one at the top): the zone of pathway_brief's rows (store_fill.c). */
    size_t *region_zone;
    struct sb region_text;
    bool threaded; /* the full-text index is built by job's thread */
    /* Threaded, the list index is gathered as entries are filled (facet_gather), not read back
     * from the tables after (facet_build). */
    struct facet_gather *gather;
    struct fts_job job;
    struct sb fts_text; /* an entry's searched text, remade for each */
    uint32_t last_rid;  /* the last entry's rid (rids run from 1) */
};

/* Start filling db (an empty database) with a dataset read from origin (the path the store
 * remembers). With fts_path, the full-text index (half the work at 100,000 entries) is built at
 * the same time by another thread, in a database at fts_path that is removed after. */
struct fill *store_fill_begin(sqlite3 *db, const char *origin, const char *fts_path);

/* The sink that dataset_stream fills through. */
const struct dataset_sink *store_fill_sink(struct fill *x);

/* Finish: with commit (the check passed), the indexes, the list index and COMMIT; else give up.
 * Frees x. Returns an SQLite result code; on a failure to commit *why (when why is not NULL)
 * says why, and db is left in its failed transaction so that sqlite3_errmsg still tells it too. */
int store_fill_end(struct fill *x, bool commit, char **why);

/* Check the dataset at in (dataset flags) and fill db with it as it is read. Returns the check's
 * status (0, or an exit status with the findings in d); *fill_rc gets the fill's SQLite result
 * code (with *why when it failed after a passing check). */
int store_build(sqlite3 *db, const struct dataset_input *in, const char *origin, unsigned flags,
                const char *fts_path, struct dataset *info, struct diags *d, int *fill_rc,
                char **why);

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

#endif
