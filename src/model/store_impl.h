/* store_impl.h: the store's inside, for src/model's own .c files (and the model's white-box unit
 * tests): nothing in src/ui, src/screens or the front ends includes it, and only src/model speaks
 * SQL. */
#ifndef ITPNAV_STORE_IMPL_H
#define ITPNAV_STORE_IMPL_H

#include <sqlite3.h>

#include "err.h"
#include "store.h"

struct query_cache;

/* The statements a store keeps prepared, so that what a screen asks every frame costs no
 * prepare: one slot each, named for the module that uses it. */
enum store_stmt {
    STMT_VOCAB_REGION,
    STMT_VOCAB_GOAL,
    STMT_VOCAB_SERVICE,
    STMT_VOCAB_EXAM,
    STMT_VOCAB_SOURCE,
    STMT_COUNT
};

/* An open store (store.h). */
struct store {
    sqlite3 *db;
    char *origin;           /* the dataset file, or the database given with --db */
    struct query_cache *qc; /* the query module's state; SQLite frees it with db */
    sqlite3_stmt *stmt[STMT_COUNT];
};

/* The statement in slot, prepared from sql the first time (sql must be the same each time),
 * ready to bind and step; reset it after use. NULL, with the reason in e, when it cannot be
 * prepared. */
sqlite3_stmt *store_stmt(struct store *st, enum store_stmt slot, const char *sql, struct err *e);

#endif
