/* store.c: the store: opening a database (built by build-db, or in memory), closing it, and
 * its meta. */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

void store_init(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
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
    free(st);
}

sqlite3_stmt *store_stmt(struct store *st, enum store_stmt slot, const char *sql, struct err *e)
{
    if (!st->stmt[slot] && sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                              &st->stmt[slot], NULL) != SQLITE_OK) {
        err_set(e, EXIT_IOERR, "query failed: %s", sqlite3_errmsg(st->db));
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
    int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        sqlite3_busy_timeout(*db, 2000);
    return rc;
}

int store_open_db(const char *path, struct store **out, struct err *e)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0)
        return err_set(e, EXIT_NOINPUT, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return err_set(e, EXIT_NOINPUT, "is a directory; expected a database file");
    sqlite3 *db = NULL;
    if (store_open_readonly(path, &db) != SQLITE_OK) {
        err_set(e, EXIT_NOINPUT, "cannot open: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return EXIT_NOINPUT;
    }
    if (!store_schema_current(db)) {
        sqlite3_close(db);
        return err_set(e, EXIT_DATAERR,
                       "not an itpnav database of schema %d (write one with 'itpnav build-db')",
                       STORE_SCHEMA_VERSION);
    }
    *out = store_create(db, path);
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
        err_set(e, EXIT_IOERR, "cannot build the in-memory database: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return EXIT_IOERR;
    }
    *out = store_create(db, origin);
    return 0;
}
