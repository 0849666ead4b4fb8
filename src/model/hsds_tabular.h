/* hsds_tabular.h: HSDS 3.0's tabular data package (datapackage.json and one CSV file a table):
 * its tables, read into SQLite and put together again one service at a time. */
#ifndef ITPNAV_HSDS_TABULAR_H
#define ITPNAV_HSDS_TABULAR_H

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "hsds_internal.h"

/* One table of the package, as datapackage.json 3.0.0 names it. */
struct htable {
    const char *name;           /* the resource's name ("service") */
    const char *file;           /* its usual file ("services.csv") */
    const char *const *columns; /* its fields, "id" first, NULL-terminated */
    const char *const *numbers; /* the fields of type number, NULL-terminated */
    bool read;                  /* the import reads it */
};

extern const struct htable htables[];
extern const size_t n_htables;

/* The table named name, or NULL. */
const struct htable *htable_find(const char *name);

/* Load the package in dir into db (one table a resource the import reads, every row with its
 * line), then call fn with each service put together as HSDS's JSON has it (its organization,
 * service areas, locations with their addresses, phones, contacts, schedules, attributes with
 * their terms, cost options). Every object carries "@origin": "FILE.csv:LINE". Problems go to
 * log; returns 0 or an exit status. */
int htab_import(sqlite3 *db, const char *dir, struct hlog *log, bool (*fn)(void *ctx, cJSON *svc),
                void *ctx);

#endif
