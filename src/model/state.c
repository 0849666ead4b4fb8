/* state.c: the shortlist, notes and answers a person keeps, in a SQLite file of their own.
 * Every change is one transaction, so a crash or kill loses at most the change being made, and
 * two instances (a counsellor's two terminals) see each other's changes on their next read. */
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "entry.h"
#include "i18n.h"
#include "terms.h"
#include "util.h"

#define STATE_VERSION 1

/* How long opening the file waits for another program's lock before the session goes on in
 * memory (state_waiting); every other call waits STATE_BUSY_MS. */
#define STATE_OPEN_WAIT_MS 1500
#define STATE_BUSY_MS      5000
/* How often a waiting state tries its file again (state_retry). */
#define STATE_RETRY_SECONDS 2.0

struct state {
    sqlite3 *db;
    bool memory;
    /* The file was locked by another program: db is in memory until the file can be used, and
     * what is done meanwhile is merged into it then (state_retry). */
    char *path;      /* the file waited for; NULL when not waiting */
    bool dirty;      /* something changed while waiting */
    bool cleared;    /* state_clear ran while waiting: the file is cleared too, first */
    double next_try; /* CLOCK_MONOTONIC seconds of the next try */
};

static const char schema[] =
        "CREATE TABLE IF NOT EXISTS item(pos INTEGER NOT NULL, id TEXT NOT NULL,"
        " kind TEXT NOT NULL CHECK(kind IN ('support','pathway')), name TEXT NOT NULL,"
        " note TEXT NOT NULL DEFAULT '', added TEXT NOT NULL, PRIMARY KEY(id, kind));"
        "CREATE TABLE IF NOT EXISTS kv(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        /* What was taken off the shortlist, newest last, so that it can be put back with its
         * note at the place it had (idx: its index then, from 0). Added without a new
         * user_version: an older itpnav opens the file and leaves the table alone. */
        "CREATE TABLE IF NOT EXISTS removed(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " idx INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,"
        " note TEXT NOT NULL, added TEXT NOT NULL);";

/* How many removals can be undone. */
#define STATE_UNDO_MAX 50

static int fail(struct state *s, const char *what, struct err *e)
{
    /* TRANSLATORS: what was being done (N_("reading the shortlist")) and SQLite's reason. */
    return err_set(e, EXIT_IOERR, _("%s: %s"), _(what), s->db ? sqlite3_errmsg(s->db) : "");
}

bool state_in_memory(const struct state *s)
{
    return s->memory;
}

char *state_default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/itpnav/state.db", xdg);
    const char *home = getenv("HOME");
    if (home && home[0])
        return xasprintf("%s/.local/share/itpnav/state.db", home);
    return NULL;
}

const char *state_kind_of(const char *entry_kind)
{
    return entry_kind && strcmp(entry_kind, "pathway") == 0 ? "pathway" : "support";
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool locked_code(int rc)
{
    return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

/* Open (creating) the state database at path, or in memory when path is NULL, with its schema,
 * waiting at most wait_ms for another program's lock. Returns 0 with *out, or an exit status
 * with e; *locked says the failure was the lock. */
static int open_db(const char *path, int wait_ms, sqlite3 **out, bool *locked, struct err *e)
{
    *out = NULL;
    *locked = false;
    sqlite3 *db = NULL;
    int rc;
    if (path) {
        /* Notes are personal: the directory is 0700 and the file 0600 before SQLite sees it. */
        char *dir = xstrdup(path);
        char *slash = strrchr(dir, '/');
        if (slash && slash != dir) {
            *slash = '\0';
            if (!mkdir_p(dir)) {
                int code = err_set(e, resource_errno(errno) ? EXIT_OSERR : EXIT_IOERR,
                                   _("cannot create %s: %s"), dir, strerror(errno));
                free(dir);
                return code;
            }
        }
        free(dir);
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return err_set(e, resource_errno(errno) ? EXIT_OSERR : EXIT_NOINPUT,
                           _("cannot open %s: %s"), path, strerror(errno));
        close(fd);
        char *name = plain_path(path);
        rc = sqlite3_open_v2(name, &db, SQLITE_OPEN_READWRITE, NULL);
        free(name);
    } else {
        rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
    }
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, wait_ms);
        rc = sqlite3_exec(db, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON", NULL, NULL,
                          NULL);
    }
    int version = 0;
    if (rc == SQLITE_OK) {
        sqlite3_stmt *st;
        rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW)
                version = sqlite3_column_int(st, 0);
            rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
            sqlite3_finalize(st);
        }
    }
    if (rc == SQLITE_OK && version > STATE_VERSION) {
        sqlite3_close(db);
        return err_set(e, EXIT_DATAERR,
                       _("%s was written by a newer itpnav (version %d); it is left as it is"),
                       path, version);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, schema, NULL, NULL, NULL);
    if (rc == SQLITE_OK && version < STATE_VERSION)
        rc = sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int sys = db ? sqlite3_system_errno(db) : 0;
        if (!sys && path && (rc & 0xff) == SQLITE_CANTOPEN) {
            /* SQLite's errno can be gone by now: see whether a file can be opened at all. */
            int probe = open(path, O_RDONLY | O_CLOEXEC);
            if (probe < 0)
                sys = errno;
            else
                close(probe);
        }
        *locked = db && locked_code(sqlite3_extended_errcode(db));
        /* The system's reason says more than SQLite's "unable to open database file". */
        err_set(e, resource_errno(sys) ? EXIT_OSERR : EXIT_IOERR, "%s: %s%s%s",
                path ? path : "memory", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc),
                sys ? ": " : "", sys ? strerror(sys) : "");
        sqlite3_close(db);
        return e && e->code ? e->code : EXIT_IOERR;
    }
    sqlite3_busy_timeout(db, STATE_BUSY_MS);
    *out = db;
    return 0;
}

int state_open(const char *path, struct state **out, struct err *e)
{
    *out = NULL;
    struct state *s = xcalloc(1, sizeof *s);
    s->memory = path == NULL;
    bool locked;
    struct err why = {0};
    int rc = open_db(path, STATE_OPEN_WAIT_MS, &s->db, &locked, &why);
    if (rc && locked) {
        /* Another program holds the file (a backup, a second itpnav in a long write): go on in
         * memory and keep trying; nothing done meanwhile is lost (state_retry). */
        bool mem_locked;
        rc = open_db(NULL, STATE_BUSY_MS, &s->db, &mem_locked, &why);
        if (rc == 0) {
            s->path = xstrdup(path);
            s->next_try = now_seconds() + STATE_RETRY_SECONDS;
        }
    }
    if (rc) {
        if (e)
            *e = why;
        free(s);
        return rc;
    }
    *out = s;
    return 0;
}

bool state_waiting(const struct state *s)
{
    return s && s->path != NULL;
}

const char *state_waiting_for(const struct state *s)
{
    return s ? s->path : NULL;
}

/* Copy what the memory database mem holds into the file database file, in one transaction
 * there: the file's entries first, the session's after them; a note on an entry both have is
 * added to the file's; answers replace the file's; removals join its undo list. */
static int merge_into(sqlite3 *file, sqlite3 *mem, bool cleared)
{
    int rc = sqlite3_exec(file, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK && cleared)
        rc = sqlite3_exec(file, "DELETE FROM item; DELETE FROM kv; DELETE FROM removed", NULL, NULL,
                          NULL);
    sqlite3_stmt *get = NULL, *add = NULL, *note = NULL, *kv = NULL, *rem = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(file,
                                "INSERT OR IGNORE INTO item(pos, id, kind, name, note, added)"
                                " SELECT coalesce(max(pos), 0) + 1, ?1, ?2, ?3, ?4, ?5 FROM item",
                                -1, &add, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(file,
                                "UPDATE item SET note = CASE WHEN note = '' THEN ?3"
                                " ELSE note || '; ' || ?3 END"
                                " WHERE id = ?1 AND kind = ?2 AND ?3 != '' AND note != ?3",
                                -1, &note, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(mem, "SELECT id, kind, name, note, added FROM item ORDER BY pos",
                                -1, &get, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(get)) == SQLITE_ROW) {
        for (int i = 0; i < 5; i++)
            sqlite3_bind_value(add, i + 1, sqlite3_column_value(get, i));
        rc = sqlite3_step(add);
        sqlite3_reset(add);
        if (rc == SQLITE_DONE) {
            /* An entry the file has already: the note written meanwhile joins its own. */
            sqlite3_bind_value(note, 1, sqlite3_column_value(get, 0));
            sqlite3_bind_value(note, 2, sqlite3_column_value(get, 1));
            sqlite3_bind_value(note, 3, sqlite3_column_value(get, 3));
            rc = sqlite3_step(note);
            sqlite3_reset(note);
        }
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(get);
    get = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(file, "INSERT OR REPLACE INTO kv(key, value) VALUES (?, ?)", -1,
                                &kv, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(mem, "SELECT key, value FROM kv", -1, &get, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(get)) == SQLITE_ROW) {
        sqlite3_bind_value(kv, 1, sqlite3_column_value(get, 0));
        sqlite3_bind_value(kv, 2, sqlite3_column_value(get, 1));
        rc = sqlite3_step(kv) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(file);
        sqlite3_reset(kv);
    }
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(get);
    get = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(file,
                                "INSERT INTO removed(idx, id, kind, name, note, added)"
                                " VALUES (?, ?, ?, ?, ?, ?)",
                                -1, &rem, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(mem,
                                "SELECT idx, id, kind, name, note, added FROM removed ORDER BY seq",
                                -1, &get, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(get)) == SQLITE_ROW) {
        for (int i = 0; i < 6; i++)
            sqlite3_bind_value(rem, i + 1, sqlite3_column_value(get, i));
        rc = sqlite3_step(rem) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(file);
        sqlite3_reset(rem);
    }
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(get);
    sqlite3_finalize(add);
    sqlite3_finalize(note);
    sqlite3_finalize(kv);
    sqlite3_finalize(rem);
    if (rc == SQLITE_OK) {
        char sql[96];
        snprintf(sql, sizeof sql,
                 "DELETE FROM removed WHERE seq <= (SELECT max(seq) FROM removed) - %d",
                 STATE_UNDO_MAX);
        rc = sqlite3_exec(file, sql, NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(file, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int code = sqlite3_extended_errcode(file);
        sqlite3_exec(file, "ROLLBACK", NULL, NULL, NULL);
        return code ? code : rc;
    }
    return SQLITE_OK;
}

/* Try the file a waiting state is for, waiting at most wait_ms for its lock: 1 when it is now
 * in use (the session merged into it), 0 when still locked, or an exit status with e. */
static int reconnect(struct state *s, int wait_ms, struct err *e)
{
    if (!s->path)
        return 0;
    s->next_try = now_seconds() + STATE_RETRY_SECONDS;
    sqlite3 *file = NULL;
    bool locked;
    struct err why = {0};
    int rc = open_db(s->path, wait_ms, &file, &locked, &why);
    if (rc == 0) {
        sqlite3_busy_timeout(file, wait_ms);
        int m = merge_into(file, s->db, s->cleared);
        if (m != SQLITE_OK) {
            locked = locked_code(m);
            rc = err_set(&why, EXIT_IOERR, "%s: %s", s->path, sqlite3_errstr(m));
            sqlite3_close(file);
            file = NULL;
        }
    }
    if (rc && locked)
        return 0; /* still held: the session goes on in memory */
    if (rc) {
        /* Something else is wrong with the file now (a newer version, damage): stop waiting;
         * the session stays in memory and the caller says so. */
        free(s->path);
        s->path = NULL;
        s->memory = true;
        if (e)
            *e = why;
        return rc;
    }
    sqlite3_busy_timeout(file, STATE_BUSY_MS);
    sqlite3_close(s->db);
    s->db = file;
    free(s->path);
    s->path = NULL;
    s->dirty = s->cleared = false;
    return 1;
}

int state_retry(struct state *s, struct err *e)
{
    if (!s || !s->path || now_seconds() < s->next_try)
        return 0;
    return reconnect(s, 0, e);
}

int state_retry_wait(struct state *s, int wait_ms, struct err *e)
{
    if (!s || !s->path)
        return 0;
    return reconnect(s, wait_ms, e);
}

bool state_unsaved(const struct state *s)
{
    return s && s->path && s->dirty;
}

/* Before a change: a waiting state tries its file first (the change then goes there), and
 * remembers that something was done meanwhile. */
static void before_change(struct state *s)
{
    if (!s->path)
        return;
    if (reconnect(s, 0, NULL) != 1)
        s->dirty = true;
}

void state_destroy(struct state *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return xstrdup(t ? (const char *)t : "");
}

void state_items_destroy(struct state_item *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].kind);
        free(v[i].name);
        free(v[i].note);
        free(v[i].added);
    }
    free(v);
}

/* Whether the store still lists the entry, and its name there. */
static bool look_up(struct store *st, const struct state_item *it, char **name)
{
    /* A support stays the same entry when it changes from group to program ("support"). */
    if (entry_find_name(st, it->id, terms_kinds(it->kind), name, NULL) != 0)
        return true; /* cannot tell: do not call it gone */
    return *name != NULL;
}

int state_items(struct state *s, struct store *st, struct state_item **v, size_t *n, struct err *e)
{
    *v = NULL;
    *n = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT id, kind, name, note, added FROM item ORDER BY pos", -1,
                           &q, NULL) != SQLITE_OK)
        return fail(s, N_("reading the shortlist"), e);
    int rc;
    size_t cap = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 8;
            *v = xrealloc(*v, cap * sizeof **v);
        }
        struct state_item *it = &(*v)[(*n)++];
        *it = (struct state_item){
                .id = dup_col(q, 0),
                .kind = dup_col(q, 1),
                .name = dup_col(q, 2),
                .note = dup_col(q, 3),
                .added = dup_col(q, 4),
                .listed = true,
        };
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        state_items_destroy(*v, *n);
        *v = NULL;
        *n = 0;
        return fail(s, N_("reading the shortlist"), e);
    }
    for (size_t i = 0; st && i < *n; i++) {
        char *name = NULL;
        (*v)[i].listed = look_up(st, &(*v)[i], &name);
        if (name && strcmp(name, (*v)[i].name) != 0) {
            /* Keep the newest name for the day the dataset drops the entry. */
            sqlite3_stmt *u;
            if (sqlite3_prepare_v2(s->db, "UPDATE item SET name = ? WHERE id = ? AND kind = ?", -1,
                                   &u, NULL) == SQLITE_OK) {
                sqlite3_bind_text(u, 1, name, -1, SQLITE_STATIC);
                sqlite3_bind_text(u, 2, (*v)[i].id, -1, SQLITE_STATIC);
                sqlite3_bind_text(u, 3, (*v)[i].kind, -1, SQLITE_STATIC);
                sqlite3_step(u); /* a failure only delays the refresh */
                sqlite3_finalize(u);
            }
            free((*v)[i].name);
            (*v)[i].name = name;
            name = NULL;
        }
        free(name);
    }
    return 0;
}

size_t state_count(struct state *s)
{
    sqlite3_stmt *q;
    size_t n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM item", -1, &q, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(q) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

bool state_has(struct state *s, const char *id, const char *kind)
{
    sqlite3_stmt *q;
    bool yes = false;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM item WHERE id = ? AND kind = ?", -1, &q, NULL) !=
        SQLITE_OK)
        return false;
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
    yes = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return yes;
}

/* Run one statement with up to three text parameters (NULL binds NULL). */
static int run(struct state *s, const char *what, const char *sql, const char *a, const char *b,
               const char *c, struct err *e)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return fail(s, what, e);
    const char *args[] = {a, b, c};
    int n = sqlite3_bind_parameter_count(q);
    for (int i = 0; i < n && i < 3; i++)
        sqlite3_bind_text(q, i + 1, args[i], -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return fail(s, what, e);
    return 0;
}

int state_add(struct state *s, const char *id, const char *kind, const char *name, struct err *e)
{
    before_change(s);
    return run(s, N_("adding to the shortlist"),
               "INSERT OR IGNORE INTO item(pos, id, kind, name, added)"
               " SELECT coalesce(max(pos), 0) + 1, ?1, ?2, ?3, date('now', 'localtime') FROM item",
               id, kind, name ? name : id, e);
}

/* Run statements on (id, kind) as ?1, ?2 and a number as ?3 in one transaction; roll back on
 * any failure. */
static int transact(struct state *s, const char *what, const char *const *sql, size_t n,
                    const char *id, const char *kind, int64_t num, struct err *e)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s, what, e);
    int rc = SQLITE_OK;
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        sqlite3_stmt *q;
        rc = sqlite3_prepare_v2(s->db, sql[i], -1, &q, NULL);
        if (rc != SQLITE_OK)
            break;
        int np = sqlite3_bind_parameter_count(q);
        if (np >= 1)
            sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
        if (np >= 2)
            sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
        if (np >= 3)
            sqlite3_bind_int64(q, 3, num);
        rc = sqlite3_step(q);
        rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
        sqlite3_finalize(q);
    }
    if (rc != SQLITE_OK || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int code = fail(s, what, e);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return code;
    }
    return 0;
}

int state_remove(struct state *s, const char *id, const char *kind, struct err *e)
{
    before_change(s);
    /* Kept for state_undo with its note and its index, then taken off; the oldest removals
     * beyond STATE_UNDO_MAX are forgotten. */
    static const char *const sql[] = {
            "INSERT INTO removed(idx, id, kind, name, note, added)"
            " SELECT (SELECT count(*) FROM item o WHERE o.pos < i.pos), id, kind, name, note,"
            " added FROM item i WHERE id = ?1 AND kind = ?2",
            "DELETE FROM item WHERE id = ?1 AND kind = ?2",
            "DELETE FROM removed WHERE seq <= (SELECT max(seq) FROM removed) - ?3",
    };
    return transact(s, N_("removing from the shortlist"), sql, sizeof sql / sizeof *sql, id, kind,
                    STATE_UNDO_MAX, e);
}

size_t state_undo_count(struct state *s)
{
    sqlite3_stmt *q;
    size_t n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM removed", -1, &q, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(q) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

void state_item_finish(struct state_item *it)
{
    if (!it)
        return;
    free(it->id);
    free(it->kind);
    free(it->name);
    free(it->note);
    free(it->added);
    *it = (struct state_item){0};
}

/* One statement with the item's fields bound by name (:id, :kind, :name, :note, :added) and
 * :pos, :seq, :idx; SQLITE_OK, or the error. A row from a SELECT goes into *row_pos (column 0). */
static int put_back_step(struct state *s, const char *sql, const struct state_item *it, int64_t pos,
                         int64_t seq, int64_t idx, int64_t *row_pos)
{
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    if (rc != SQLITE_OK)
        return rc;
    const struct {
        const char *name, *text;
    } texts[] = {{":id", it->id},
                 {":kind", it->kind},
                 {":name", it->name},
                 {":note", it->note},
                 {":added", it->added}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        int at = sqlite3_bind_parameter_index(q, texts[i].name);
        if (at)
            sqlite3_bind_text(q, at, texts[i].text, -1, SQLITE_STATIC);
    }
    const struct {
        const char *name;
        int64_t v;
    } nums[] = {{":pos", pos}, {":seq", seq}, {":idx", idx}};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        int at = sqlite3_bind_parameter_index(q, nums[i].name);
        if (at)
            sqlite3_bind_int64(q, at, nums[i].v);
    }
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && row_pos)
        *row_pos = sqlite3_column_type(q, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 0);
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(q);
    return rc;
}

int state_undo(struct state *s, struct state_item *out, struct err *e)
{
    before_change(s);
    static const char what[] = N_("putting the entry back");
    if (out)
        *out = (struct state_item){0};
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s, what, e);
    sqlite3_stmt *q;
    struct state_item it = {0};
    int64_t seq = 0, idx = 0;
    bool found = false;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT seq, idx, id, kind, name, note, added FROM removed"
                                " ORDER BY seq DESC LIMIT 1",
                                -1, &q, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            found = true;
            seq = sqlite3_column_int64(q, 0);
            idx = sqlite3_column_int64(q, 1);
            it.id = dup_col(q, 2);
            it.kind = dup_col(q, 3);
            it.name = dup_col(q, 4);
            it.note = dup_col(q, 5);
            it.added = dup_col(q, 6);
            it.listed = true;
        }
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_finalize(q);
    }
    if (rc == SQLITE_OK && found) {
        /* Added again meanwhile: it stays where it is and gets its note back if it has none.
         * Else it goes back to the index it had, and the entries from there move down one. */
        int64_t here = -1, at = -1;
        rc = put_back_step(s, "SELECT pos FROM item WHERE id = :id AND kind = :kind", &it, 0, 0, 0,
                           &here);
        if (rc == SQLITE_OK && here >= 0)
            rc = put_back_step(s,
                               "UPDATE item SET note = :note WHERE id = :id AND kind = :kind"
                               " AND note = ''",
                               &it, 0, 0, 0, NULL);
        if (rc == SQLITE_OK && here < 0)
            rc = put_back_step(s, "SELECT pos FROM item ORDER BY pos LIMIT 1 OFFSET :idx", &it, 0,
                               0, idx, &at);
        if (rc == SQLITE_OK && here < 0 && at >= 0)
            rc = put_back_step(s, "UPDATE item SET pos = pos + 1 WHERE pos >= :pos", &it, at, 0, 0,
                               NULL);
        if (rc == SQLITE_OK && here < 0)
            rc = put_back_step(s,
                               "INSERT INTO item(pos, id, kind, name, note, added) VALUES("
                               " CASE WHEN :pos >= 0 THEN :pos ELSE"
                               " (SELECT coalesce(max(pos), 0) + 1 FROM item) END,"
                               " :id, :kind, :name, :note, :added)",
                               &it, at, 0, 0, NULL);
        if (rc == SQLITE_OK)
            rc = put_back_step(s, "DELETE FROM removed WHERE seq = :seq", &it, 0, seq, 0, NULL);
    }
    if (rc != SQLITE_OK || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int code = fail(s, what, e);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        state_item_finish(&it);
        return code;
    }
    if (!found)
        return err_set(e, EXIT_USAGE, _("there is nothing to put back"));
    if (out)
        *out = it;
    else
        state_item_finish(&it);
    return 0;
}

int state_set_note(struct state *s, const char *id, const char *kind, const char *note,
                   struct err *e)
{
    before_change(s);
    return run(s, "saving the note", "UPDATE item SET note = ?1 WHERE id = ?2 AND kind = ?3",
               note ? note : "", id, kind, e);
}

int state_move(struct state *s, size_t index, int delta, struct err *e)
{
    before_change(s);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s, N_("reordering the shortlist"), e);
    sqlite3_stmt *q;
    int64_t *pos = NULL;
    size_t n = 0, cap = 0;
    int rc = sqlite3_prepare_v2(s->db, "SELECT pos FROM item ORDER BY pos", -1, &q, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                pos = xrealloc(pos, cap * sizeof *pos);
            }
            pos[n++] = sqlite3_column_int64(q, 0);
        }
        sqlite3_finalize(q);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc == SQLITE_OK && index < n) {
        long to = (long)index + delta;
        if (to < 0)
            to = 0;
        if (to >= (long)n)
            to = (long)n - 1;
        /* Shift the ones between, then drop the moved one into its place: positions stay
         * unique and ordered whatever the distance. */
        int64_t from_pos = pos[index], to_pos = pos[to];
        const char *sql = to > (long)index
                                  ? "UPDATE item SET pos = CASE WHEN pos = ?1 THEN ?2 ELSE pos - 1"
                                    " END WHERE pos BETWEEN ?1 AND ?2"
                                  : "UPDATE item SET pos = CASE WHEN pos = ?1 THEN ?2 ELSE pos + 1"
                                    " END WHERE pos BETWEEN ?2 AND ?1";
        if (to != (long)index) {
            /* Positions are unique only by convention (no index), so the shift is safe. */
            rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
            if (rc == SQLITE_OK) {
                sqlite3_bind_int64(q, 1, from_pos);
                sqlite3_bind_int64(q, 2, to_pos);
                rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
                sqlite3_finalize(q);
            }
        }
    }
    free(pos);
    if (rc != SQLITE_OK || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = fail(s, N_("reordering the shortlist"), e);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return 0;
}

int state_save_profile(struct state *s, const struct profile *p, struct err *e)
{
    before_change(s);
    char *text = profile_encode(p);
    int rc = run(s, "saving your answers", "INSERT OR REPLACE INTO kv(key, value) VALUES(?, ?)",
                 "profile", text, NULL, e);
    free(text);
    return rc;
}

int state_load_profile(struct state *s, struct profile *p, struct err *e)
{
    profile_init(p);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM kv WHERE key = 'profile'", -1, &q, NULL) !=
        SQLITE_OK)
        return fail(s, N_("reading your answers"), e);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        profile_decode(p, (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(s, N_("reading your answers"), e);
    return 0;
}

int state_clear(struct state *s, struct err *e)
{
    before_change(s);
    if (s->path)
        s->cleared = true; /* a new client: the file's old entries are not brought back */
    if (sqlite3_exec(
                s->db,
                "BEGIN IMMEDIATE; DELETE FROM item; DELETE FROM kv; DELETE FROM removed; COMMIT",
                NULL, NULL, NULL) != SQLITE_OK) {
        int rc = fail(s, N_("clearing the shortlist"), e);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return 0;
}
