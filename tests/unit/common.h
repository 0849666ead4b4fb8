/* common.h: helpers shared by the model's unit tests: fixtures, stores in memory, temp files. */
#ifndef ITPNAV_UNIT_COMMON_H
#define ITPNAV_UNIT_COMMON_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "diag.h"
#include "store.h"
#include "unit.h"

#ifndef UNIT_FIXTURES
#define UNIT_FIXTURES "tests/fixtures"
#endif

/* The path of a fixture file, in a static buffer. */
static inline const char *fixture(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("FIXTURES");
    snprintf(buf, sizeof buf, "%s/%s", dir && *dir ? dir : UNIT_FIXTURES, name);
    return buf;
}

/* Load a fixture into a new in-memory database wrapped in st (st->origin stays NULL);
 * false (and the findings on stderr) when it does not load. */
static inline bool memory_store(const char *name, struct store *st)
{
    struct diags d = {0};
    struct dataset *ds = NULL;
    const char *path = fixture(name);
    *st = (struct store){0};
    int rc = dataset_load(path, 0, &ds, &d);
    if (rc != 0) {
        diags_print(&d, stderr, path);
        diags_finish(&d);
        return false;
    }
    diags_finish(&d);
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || store_fill(db, ds, path) != SQLITE_OK) {
        fprintf(stderr, "cannot fill a store from %s: %s\n", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        dataset_destroy(ds);
        return false;
    }
    dataset_destroy(ds);
    st->db = db;
    return true;
}

static inline void memory_store_close(struct store *st)
{
    sqlite3_close(st->db);
    st->db = NULL;
}

/* Run one SQL statement (or several) on a store; true on success. */
static inline bool exec_sql(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "SQL failed: %s: %s\n", sql, err ? err : "?");
        sqlite3_free(err);
        return false;
    }
    return true;
}

#endif
