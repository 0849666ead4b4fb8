/* store.h: the SQLite store a dataset is loaded into, and the cache that keeps it between runs. */
#ifndef ITPNAV_STORE_H
#define ITPNAV_STORE_H

#include <stdbool.h>

#include "dataset.h"
#include "diag.h"
#include "err.h"

/* Bumped whenever the schema or what is stored changes; an older cache is rebuilt. */
#define STORE_SCHEMA_VERSION 16

/* An open store: a database holding one dataset. Opaque: only src/model reads it. */
struct store;

enum store_flags {
    STORE_STRICT = 1 << 0,   /* dataset warnings are errors */
    STORE_FALLBACK = 1 << 1, /* when the dataset is invalid, use the last good cache if any */
};

/* Open the dataset at path through a cache in cache_dir (NULL: no cache, build in memory).
 * An unchanged dataset opens the cache without reading the JSON; a changed one is rebuilt into a
 * new file renamed into place. On success returns 0 and may set *notice (a new string) to tell
 * the person something (an in-memory fallback, stale data in use). On failure returns an exit
 * status with the reasons: what is wrong with the dataset file in d (it cannot be read, or its
 * findings), any other failure in e. Messages do not repeat path: say it with them. The cache's
 * pages are not checked here: a query that finds them damaged rebuilds the cache from the
 * dataset, once in a run (store_take_notice then says so).
 * The findings, the notice and e are worded in the language in effect at the call (i18n), for
 * the caller to show at once: the cache keeps no findings (a dataset with warnings is read again
 * under --strict, and its warnings are check's alone), so nothing worded in one language is
 * kept to be shown after a switch to the other. */
int store_open_dataset(const char *path, const char *cache_dir, unsigned flags, struct store **out,
                       struct diags *d, struct err *e, char **notice);

/* Open a database written by store_write (build-db) read-only. Returns 0, or an exit status with
 * the reason in e (which does not repeat path). */
int store_open_db(const char *path, struct store **out, struct err *e);

/* Check the dataset at dataset_path and write it, as it is read, as a complete database at
 * out_path, atomically: a new file beside it (an unpredictable name, never through a link)
 * renamed over it, keeping a replaced file's permissions; origin is the path the database
 * remembers. out_path must be absent or a regular file: a symbolic link or anything else (a
 * device, a FIFO, a directory) is refused with EXIT_CANTCREAT, never replaced. Returns 0; or an
 * exit status with the dataset's findings (or why it cannot be read) in d; or with the reason the
 * database cannot be written in e (which does not repeat out_path): a failure leaves no
 * temporary file. */
int store_write(const char *dataset_path, const char *origin, const char *out_path, struct diags *d,
                struct err *e);

/* Set the libraries the model uses up; call before anything else uses SQLite or cJSON. SQLite's
 * memory statistics go off (they take a global lock on every allocation, which the two threads
 * of a build would contend for), and so does its reading of "file:" names as URIs (every path is
 * a file name); running out of memory in SQLite or cJSON ends the program as out_of_memory
 * (util.h) does, never as an invalid file. */
void store_init(void);

/* Check the dataset at in (dataset.h's flags) and load it, as it is read, into a new store in
 * memory, not cached; origin is the path the store remembers. Returns 0; or an exit status with
 * the dataset's findings in d, or with the reason in e. */
int store_open_memory(const struct dataset_input *in, const char *origin, unsigned flags,
                      struct store **out, struct diags *d, struct err *e);

/* The file the store came from: the dataset, or the database given with --db. */
const char *store_origin(const struct store *st);

/* The value of a meta key ("title", "as_of", "publisher", "license", "notes", "origin", ...) as a
 * new string, or NULL. */
char *store_meta(const struct store *st, const char *key);

/* The dataset's key (title, notes) in lang where the file translates it, else its own
 * (store_meta's); NULL when the store has neither. A new string. */
char *store_meta_in(const struct store *st, const char *key, const char *lang);

/* What the store has to tell the person since the last call (a damaged cache was found and
 * rebuilt from the dataset), as a new string, or NULL. */
char *store_take_notice(struct store *st);

/* Close a store; NULL is a no-op. */
void store_destroy(struct store *st);

/* The cache directory: $XDG_CACHE_HOME/itpnav or ~/.cache/itpnav, a new string, or NULL when
 * neither variable is set. */
char *store_default_cache_dir(void);

#endif
