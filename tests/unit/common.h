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
#include "store_impl.h" /* white-box: the tests read and change the database */
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

/* Load a fixture into a new in-memory store in *st; false (and the findings on stderr) when it
 * does not load. */
static inline bool memory_store(const char *name, struct store **st)
{
    struct diags d = {0};
    const char *path = fixture(name);
    struct dataset_input in = {.path = path};
    struct err e = {0};
    int rc = store_open_memory(&in, path, 0, st, &d, &e);
    if (rc != 0)
        diags_print(&d, stderr, path);
    if (e.code)
        fprintf(stderr, "%s: %s\n", path, e.msg);
    diags_finish(&d);
    return rc == 0;
}

/* The fixture name loaded once into *st, for a test file's cases to share; exits when it does not
 * load (no case could run). */
static inline struct store *shared_store(const char *name, struct store **st)
{
    if (!*st && !memory_store(name, st)) {
        fprintf(stderr, "cannot load %s\n", name);
        exit(1);
    }
    return *st;
}

/* Close the store and forget it. */
static inline void memory_store_close(struct store **st)
{
    store_destroy(*st);
    *st = NULL;
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
