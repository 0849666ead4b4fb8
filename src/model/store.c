/* store.c: the store: opening a database (built by build-db, or in memory), closing it, and
 * its meta. */
#include "store.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "store_build.h"
#include "util.h"

char *store_failure(sqlite3 *db, int rc)
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

/* SQLite's own allocator, wrapped so that a failure ends the program as out_of_memory does: an
 * SQLITE_NOMEM could otherwise surface as any failure at all (a damaged cache, a failed build). */
static sqlite3_mem_methods sqlite_mem;

static void *sqlite_malloc(int n)
{
    void *p = sqlite_mem.xMalloc(n);
    if (!p && n > 0)
        out_of_memory();
    return p;
}

static void *sqlite_realloc(void *old, int n)
{
    void *p = sqlite_mem.xRealloc(old, n);
    if (!p && n > 0)
        out_of_memory();
    return p;
}

static void *cjson_malloc(size_t n)
{
    return xmalloc(n);
}

void store_init(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    /* Debian's SQLite is built to read "file:..." names as URIs: a dataset or --out named
     * file:x.db would be another file. Only an explicit SQLITE_OPEN_URI (never used) may now. */
    sqlite3_config(SQLITE_CONFIG_URI, 0);
    if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_mem) == SQLITE_OK) {
        sqlite3_mem_methods wrapped = sqlite_mem;
        wrapped.xMalloc = sqlite_malloc;
        wrapped.xRealloc = sqlite_realloc;
        sqlite3_config(SQLITE_CONFIG_MALLOC, &wrapped);
    }
    cJSON_InitHooks(&(cJSON_Hooks){.malloc_fn = cjson_malloc, .free_fn = free});
}

/* ---- failures ---- */

/* Whether an SQLite result code says the file itself is bad: damaged, not a database, unreadable,
 * or without the tables this build wrote (the SQL is fixed, so an SQLITE_ERROR on a store is a
 * missing table or column). */
static bool damage_code(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_ERROR:
    case SQLITE_SCHEMA:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH: return true;
    default: return false;
    }
}

static int report(struct store *st, bool damaged, const char *why, struct err *e)
{
    if (damaged && st->person_db) {
        /* The person's own file: never rebuilt behind their back (it is read-only), but said. */
        return err_set(e, EXIT_IOERR,
                       _("%s: the database is damaged (%s); write it again with 'itpnav build-db'"),
                       st->origin, why);
    }
    if (damaged)
        st->damaged = true;
    return err_set(e, EXIT_IOERR, _("query failed: %s"), why);
}

int store_failed(struct store *st, struct err *e)
{
    int rc = sqlite3_extended_errcode(st->db);
    if ((rc & 0xff) == SQLITE_NOMEM)
        return err_set(e, EXIT_OSERR, _("out of memory"));
    char *why = store_failure(st->db, rc);
    int code;
    if (resource_errno(sqlite3_system_errno(st->db)))
        code = err_set(e, EXIT_OSERR, _("query failed: %s"),
                       why); /* the system's limit, not the file */
    else
        code = report(st, damage_code(rc), why, e);
    free(why);
    return code;
}

int store_inconsistent(struct store *st, const char *why, struct err *e)
{
    return report(st, true, why, e);
}

/* The outermost call reads in one transaction: every statement it steps shares one lock on the
 * file instead of taking and checking it again (a few system calls a statement; a match at
 * 100,000 entries steps thousands). Nothing writes to a store once it is open. */
static void read_begin(struct store *st)
{
    st->reading = sqlite3_get_autocommit(st->db) &&
                  sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void read_end(struct store *st)
{
    if (st->reading && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    st->reading = false;
}

void store_begin(struct store *st)
{
    if (st->depth++ == 0) {
        st->damaged = false;
        read_begin(st);
    }
}

bool store_again(struct store *st, bool failed, struct err *e)
{
    if (--st->depth > 0)
        return false;
    read_end(st);
    if (!failed || !st->damaged || st->rebuilt || !st->cache)
        return false;
    /* Once a run, whatever comes of it: a cache that fails again is reported, never looped on. */
    st->rebuilt = true;
    if (!store_rebuild(st, e))
        return false;
    st->damaged = false;
    st->depth++; /* the caller's second try */
    read_begin(st);
    return true;
}

char *store_take_notice(struct store *st)
{
    char *n = st->notice;
    st->notice = NULL;
    return n;
}

/* ---- opening ---- */

struct store *store_create(sqlite3 *db, const char *origin)
{
    struct store *st = xcalloc(1, sizeof *st);
    st->db = db;
    st->origin = xstrdup(origin);
    return st;
}

void store_destroy(struct store *st)
{
    if (!st)
        return;
    /* A statement left unfinalized would keep the connection open. */
    for (int i = 0; i < STMT_COUNT; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    free(st->origin);
    free(st->cache);
    free(st->notice);
    free(st);
}

sqlite3_stmt *store_stmt(struct store *st, enum store_stmt slot, const char *sql, struct err *e)
{
    if (!st->stmt[slot] && sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                              &st->stmt[slot], NULL) != SQLITE_OK) {
        store_failed(st, e);
        sqlite3_finalize(st->stmt[slot]);
        st->stmt[slot] = NULL;
    }
    return st->stmt[slot];
}

const char *store_origin(const struct store *st)
{
    return st->origin;
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

char *store_meta_in(const struct store *st, const char *key, const char *lang)
{
    sqlite3_stmt *s;
    char *v = NULL;
    if (lang && sqlite3_prepare_v2(st->db,
                                   "SELECT text FROM vocab_tr WHERE tbl = 'dataset' AND id = ''"
                                   " AND lang = ? AND key = ?",
                                   -1, &s, NULL) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, lang, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
            v = xstrdup((const char *)sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
    }
    return v ? v : store_meta(st, key);
}

bool store_schema_current(sqlite3 *db)
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

int store_open_readonly(const char *path, sqlite3 **db)
{
    char *name = plain_path(path);
    int rc = sqlite3_open_v2(name, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    free(name);
    if (rc == SQLITE_OK)
        sqlite3_busy_timeout(*db, 2000);
    /* A small page cache: the file is in the OS's cache, and a page read again from there costs
     * a system call, while every page SQLite's own cache holds is fresh memory, a page fault
     * the first time (here as costly as the read). At 100,000 entries a match reads some 1,600
     * pages once each: 64 of them recycled took a tenth off it and a list, and nothing off a
     * keystroke's search (bench/README.md). */
    if (rc == SQLITE_OK)
        sqlite3_exec(*db, "PRAGMA cache_size = 64", NULL, NULL, NULL);
    return rc;
}

int store_open_db(const char *path, struct store **out, struct err *e)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0)
        return err_set(e, EXIT_NOINPUT, _("cannot open: %s"), strerror(errno));
    if (S_ISDIR(st.st_mode))
        return err_set(e, EXIT_NOINPUT, _("is a directory; expected a database file"));
    sqlite3 *db = NULL;
    if (store_open_readonly(path, &db) != SQLITE_OK) {
        char *why = store_failure(db, sqlite3_errcode(db));
        int code = resource_errno(sqlite3_system_errno(db)) ? EXIT_OSERR : EXIT_NOINPUT;
        err_set(e, code, _("cannot open: %s"), why);
        free(why);
        sqlite3_close(db);
        return code;
    }
    if (!store_schema_current(db)) {
        sqlite3_close(db);
        return err_set(e, EXIT_DATAERR,
                       _("not an itpnav database of schema %d (write one with 'itpnav build-db')"),
                       STORE_SCHEMA_VERSION);
    }
    *out = store_create(db, path);
    (*out)->person_db = true;
    return 0;
}

int store_open_memory(const struct dataset_input *in, const char *origin, unsigned flags,
                      struct store **out, struct diags *d, struct err *e)
{
    *out = NULL;
    sqlite3 *db = NULL;
    int rc = sqlite3_open(":memory:", &db), fill = rc;
    if (rc == SQLITE_OK) {
        rc = store_build(db, in, origin, flags, NULL, NULL, d, &fill, NULL);
        if (rc) {
            sqlite3_close(db);
            return rc;
        }
    }
    if (fill != SQLITE_OK) {
        err_set(e, EXIT_IOERR, _("cannot build the in-memory database: %s"), sqlite3_errmsg(db));
        sqlite3_close(db);
        return EXIT_IOERR;
    }
    *out = store_create(db, origin);
    return 0;
}
