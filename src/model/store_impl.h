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
    STMT_MATCH_GOAL_COUNT,
    STMT_MATCH_BRIEF_RID,
    STMT_MATCH_BRIEF_ALL,
    STMT_MATCH_BRIEF_GOAL,
    STMT_MATCH_BRIEF_ZONE,
    STMT_MATCH_ZONE,
    STMT_MATCH_PLACE,
    STMT_MATCH_TOP,
    STMT_MATCH_IN_REGION,
    STMT_MATCH_TEXT_TR,
    STMT_COUNT
};

/* The texts in a pathway_brief row's brief (store_fill.c writes them, match.c reads them), in
 * this order: each is a byte, '+' when the pathway states it and '-' when not, then the text
 * ('' for none) and a NUL. The pathway's steps follow them: each step's title and address, each
 * ended by a NUL ('' for no address). */
enum brief_text {
    BRIEF_ID,
    BRIEF_NAME,
    BRIEF_STATUS,
    BRIEF_REQUIRES,
    BRIEF_WEBSITE,
    BRIEF_EMAIL,
    BRIEF_PHONE,
    BRIEF_ADDRESS,
    BRIEF_CONTACT_NOTE,
    BRIEF_SOURCE,
    BRIEF_SORT_KEY,
    BRIEF_TEXTS
};

/* An open store (store.h). */
struct store {
    sqlite3 *db;
    char *origin;           /* the dataset file, or the database given with --db */
    struct query_cache *qc; /* the query module's state; SQLite frees it with db */
    sqlite3_stmt *stmt[STMT_COUNT];
    /* A cache that turns out damaged is rebuilt once (store_again): */
    char *cache;    /* the cache file db reads; NULL in memory or with --db */
    bool person_db; /* db is the file given with --db: read-only, never rebuilt */
    bool damaged;   /* a failure since the outermost call began says the file is damaged */
    bool rebuilt;   /* rebuilt once in this run already: a failure now is reported */
    int depth;      /* how many of the model's public calls are under way */
    bool reading;   /* the outermost call's read transaction is open (store_begin) */
    char *notice;   /* for the person, until store_take_notice */
};

/* The statement in slot, prepared from sql the first time (sql must be the same each time),
 * ready to bind and step; reset it after use. NULL, with the reason in e, when it cannot be
 * prepared. */
sqlite3_stmt *store_stmt(struct store *st, enum store_stmt slot, const char *sql, struct err *e);

/* A query on st failed: record it in e as "query failed: REASON" with the exit status its kind
 * calls for (71 out of memory, else 74) and, when it says the file is damaged (corrupt, not a
 * database, unreadable, tables missing), mark st damaged (and say so, for a --db file). Returns
 * the status. */
int store_failed(struct store *st, struct err *e);

/* st's file is damaged in a way SQLite cannot see (its index and its table disagree): why, in
 * words. Returns the status, as store_failed. */
int store_inconsistent(struct store *st, const char *why, struct err *e);

/* Every public call of the model that reads the store runs as
 *
 *     store_begin(st);
 *     do
 *         rc = the_work(...);
 *     while (store_again(st, rc != 0, e));
 *
 * When the outermost call failed because its cache is damaged, store_again rebuilds the cache
 * from the dataset (once in a run; st stays the same object, with a notice for the person) and
 * returns true: the work is done again, its outputs reset first. Else false, with e as it was or
 * saying why the rebuild failed too. */
void store_begin(struct store *st);
bool store_again(struct store *st, bool failed, struct err *e);

/* Replace st's damaged cache with one built anew from its dataset (store_cache.c). true when st
 * reads a good database again; else false with the reason in e. */
bool store_rebuild(struct store *st, struct err *e);

#endif
