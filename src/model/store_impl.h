/* store_impl.h: the store's inside, for src/model's own .c files (and the model's white-box unit
 * tests): nothing in src/ui, src/screens or the front ends includes it, and only src/model speaks
 * SQL. */
#ifndef ITPNAV_STORE_IMPL_H
#define ITPNAV_STORE_IMPL_H

#include <sqlite3.h>

#include "store.h"

struct query_cache;

struct store {
    sqlite3 *db;
    char *origin;           /* the dataset file, or the database given with --db */
    struct query_cache *qc; /* the query module's state; SQLite frees it with db */
};

#endif
