/* store_cache.c: the cache that keeps a dataset's store between runs: where it lives, whether
 * it still describes the dataset (size, mtime, hash), and writing it whole (a temporary file,
 * fsync, rename) while sweeping what killed builds left behind. */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store_build.h"
#include "util.h"

char *store_default_cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/itpnav", xdg);
    const char *home = getenv("HOME");
    if (home && home[0])
        return xasprintf("%s/.cache/itpnav", home);
    return NULL;
}

/* Make sure what was written to path is on disk before it is renamed into place. */
static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = fsync(fd) == 0 ? 0 : errno;
    close(fd);
    return err;
}

static void sync_dir_of(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        strcpy(dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

struct identity {
    char size[32], mtime[48], hash[32];
};

static void identity_of(const struct stat *st, uint64_t hash, bool have_hash, struct identity *id)
{
    snprintf(id->size, sizeof id->size, "%lld", (long long)st->st_size);
    snprintf(id->mtime, sizeof id->mtime, "%lld.%09ld", (long long)st->st_mtim.tv_sec,
             (long)st->st_mtim.tv_nsec);
    if (have_hash)
        snprintf(id->hash, sizeof id->hash, "%016llx", (unsigned long long)hash);
    else
        id->hash[0] = '\0';
}

static void set_cache_meta(sqlite3 *db, const char *key, const char *value);

static void put_identity(sqlite3 *db, const struct identity *id)
{
    if (!id)
        return;
    set_cache_meta(db, "size", id->size);
    set_cache_meta(db, "mtime", id->mtime);
    set_cache_meta(db, "hash", id->hash);
}

/* Check the dataset at in and build it, as it is read, into a new temporary file beside path
 * (tmp_create_beside), renamed over path once the check has passed: readers see the old file or
 * the new one, never half of one, and a killed build leaves only a temporary file behind (swept
 * at the next start, for the cache). With own_target (build-db's --out, a name the person gave),
 * path must be absent or a regular file: a link or a device is refused, never replaced. st (may
 * be NULL): the dataset's stat, whose identity (with the hash of what was read) the cache
 * records. Returns the check's status (its findings in d): 0 when the dataset is valid, and then
 * *wrc is 0 when the file is in place, else an exit status with *why. Returns -1, with *wrc and
 * *why, when no build could start (the dataset is not checked). */
static int write_db(const struct dataset_input *in, const char *origin, const char *path,
                    const struct stat *st, bool own_target, unsigned flags, struct diags *d,
                    int *wrc, char **why)
{
    *why = NULL;
    *wrc = 0;
    unsigned mode = 0;
    int err = own_target ? replace_check(path, &mode) : 0;
    if (err) {
        *why = xstrdup(file_error_words(err));
        *wrc = err == ELOOP || err == EINVAL ? EXIT_CANTCREAT : EXIT_IOERR;
        return -1;
    }
    char *tmp;
    int fd = tmp_create_beside(path, mode ? mode : 0644, &tmp);
    if (fd < 0) {
        err = errno;
        /* TRANSLATORS: %s is the system's reason ("Permission denied"). */
        *why = xasprintf(_("cannot create a file beside it: %s"), strerror(err));
        *wrc = resource_errno(err) ? EXIT_OSERR : EXIT_IOERR;
        return -1;
    }
    if (mode)
        fchmod(fd, (mode_t)mode); /* the umask took bits from a replaced file's mode */
    close(fd);
    /* The file is ours and empty (an empty file is an empty database): SQLite opens it as it
     * is, and never through a link put there since. */
    sqlite3 *db = NULL;
    char *name = plain_path(tmp);
    /* One thread uses the connection: no lock around each call (2% of a first run's CPU). */
    int rc = sqlite3_open_v2(
            name, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
    free(name);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db,
                          "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                          /* A small page cache: nearly every table is filled in key order,
                           * so a bigger one only holds pages already written. 64 MB (kept
                           * from the whole-tree loader) made a first run at 100,000 entries
                           * peak at 124 MB against 43 MB with this, for no less CPU, and 16 MB
                           * still bought nothing (bench/README.md). */
                          " PRAGMA page_size = 4096; PRAGMA cache_size = -4096;",
                          NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        *why = store_failure(db, rc);
        int sys = db ? sqlite3_system_errno(db) : 0;
        *wrc = resource_errno(sys) ? EXIT_OSERR : EXIT_IOERR;
        sqlite3_close(db);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    /* The full-text side file's name has the temporary file's random part: no one can plant a
     * link there beforehand either. */
    char *fts_tmp = xasprintf("%s-fts", tmp);
    struct dataset info;
    int checked = store_build(db, in, origin, flags, fts_tmp, &info, d, &rc, why);
    /* Everything is written before the rename: nothing ever writes to a file in place, where a
     * reader could meet a half-done write or a journal that is not its own. */
    if (checked == 0 && rc == SQLITE_OK && st) {
        struct identity id;
        identity_of(st, info.hash, true, &id);
        put_identity(db, &id);
    }
    if (checked == 0 && rc != SQLITE_OK && !*why)
        *why = store_failure(db, rc);
    int sys = sqlite3_system_errno(db);
    if (sqlite3_close(db) != SQLITE_OK && rc == SQLITE_OK) {
        rc = SQLITE_IOERR;
        if (checked == 0)
            *why = xstrdup(_("cannot close the database"));
    }
    if (checked == 0 && rc == SQLITE_OK && (err = sync_file(tmp)) != 0)
        *why = xstrdup(strerror(err));
    if (checked == 0 && rc == SQLITE_OK && !err && rename(tmp, path) != 0) {
        err = errno;
        *why = xstrdup(strerror(err));
    }
    if (checked != 0 || rc != SQLITE_OK || err) {
        /* Every failure leaves nothing behind: the file, and the side file if the build got as
         * far as making one. */
        unlink(tmp);
        unlink(fts_tmp);
    } else {
        sync_dir_of(path);
    }
    free(fts_tmp);
    free(tmp);
    if (checked != 0) {
        free(*why);
        *why = NULL;
    } else if (rc != SQLITE_OK || err) {
        *wrc = resource_errno(sys) || resource_errno(err) ? EXIT_OSERR : EXIT_IOERR;
    }
    return checked;
}

int store_write(const char *dataset_path, const char *origin, const char *out_path, struct diags *d,
                struct err *e)
{
    char *why = NULL;
    int wrc;
    struct dataset_input in = {.path = dataset_path};
    int rc = write_db(&in, origin, out_path, NULL, true, 0, d, &wrc, &why);
    if (rc > 0)
        return rc;
    if (wrc)
        /* TRANSLATORS: %s is the reason (the system's or SQLite's). */
        err_set(e, wrc, _("cannot write: %s"), why ? why : _("unknown error"));
    free(why);
    return wrc;
}

/* Remove temporary files that killed builds of this cache left behind. */
static void sweep_stale(const char *dir, const char *base)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    size_t n = strlen(base);
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (strncmp(de->d_name, base, n) != 0 || strncmp(de->d_name + n, ".tmp-", 5) != 0)
            continue;
        long pid = strtol(de->d_name + n + 5, NULL, 10);
        if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue;
        char *p = xasprintf("%s/%s", dir, de->d_name);
        unlink(p);
        free(p);
    }
    closedir(dp);
}

/* Cache meta: the dataset's identity when the cache was built. */
static bool cache_meta(sqlite3 *db, const char *key, char *buf, size_t n)
{
    sqlite3_stmt *s;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
        ok = true;
    }
    sqlite3_finalize(s);
    return ok;
}

static void set_cache_meta(sqlite3 *db, const char *key, const char *value)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta VALUES (?, ?)", -1, &s, NULL) !=
        SQLITE_OK)
        return;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
    sqlite3_step(s);
    sqlite3_finalize(s);
}

/* A copy of the cache with a new identity, renamed into place (for a touched, unchanged file). */
static void refresh_identity(const char *cache, const struct identity *id)
{
    char *tmp;
    int fd = tmp_create_beside(cache, 0644, &tmp);
    if (fd < 0)
        return; /* harmless: the next start reads the file again */
    close(fd);
    char *name = plain_path(tmp);
    sqlite3 *src = NULL, *dst = NULL;
    bool ok = store_open_readonly(cache, &src) == SQLITE_OK &&
              sqlite3_open_v2(name, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) ==
                      SQLITE_OK;
    free(name);
    if (ok) {
        sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
        ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
        ok = sqlite3_backup_finish(b) == SQLITE_OK && ok;
    }
    if (ok)
        put_identity(dst, id);
    sqlite3_close(src);
    ok = sqlite3_close(dst) == SQLITE_OK && ok;
    if (ok && sync_file(tmp) == 0 && rename(tmp, cache) == 0)
        sync_dir_of(cache);
    else
        unlink(tmp);
    free(tmp);
}

/* A database for the dataset at in (read from real, whose stat is st), checked as it is read
 * (dflags): its cache written anew and opened read-only, or when the cache cannot be written, one
 * in memory, with *notice saying why. *cached says which. Returns 0; or the check's exit status
 * with its findings in d (*in_d true); or an exit status with the reason in e. */
static int build_db(const struct dataset_input *in, const char *real, const struct stat *st,
                    unsigned dflags, const char *cache_dir, const char *cache, sqlite3 **db,
                    bool *cached, bool *in_d, struct diags *d, struct err *e, char **notice)
{
    *db = NULL;
    *cached = false;
    *in_d = false;
    bool checked = false;
    if (cache) {
        char *why = NULL;
        int wrc;
        int rc = write_db(in, real, cache, st, false, dflags, d, &wrc, &why);
        if (rc > 0) {
            *in_d = true;
            return rc;
        }
        checked = rc == 0;
        if (wrc == EXIT_OSERR) {
            /* Out of file descriptors or memory: memory would fail the same way. */
            /* TRANSLATORS: the cache's directory, then the reason. */
            err_set(e, wrc, _("cannot write the cache in %s: %s"), cache_dir, why);
            free(why);
            return wrc;
        }
        if (wrc == 0) {
            if (store_open_readonly(cache, db) == SQLITE_OK) {
                *cached = true;
                return 0;
            }
            sqlite3_close(*db);
            *db = NULL;
        }
        /* TRANSLATORS: the cache's directory, then the reason. */
        *notice = xasprintf(_("cannot write the cache in %s (%s); working in memory"), cache_dir,
                            why ? why : _("cannot open it"));
        free(why);
    } else if (cache_dir) {
        /* TRANSLATORS: the cache's directory. */
        *notice = xasprintf(_("cannot write the cache directory %s; working in memory"), cache_dir);
    }
    /* Built in memory; a dataset already checked is checked again only for its records: what it
     * found is already said. */
    struct diags again = {0};
    int fill = SQLITE_OK;
    int rc = sqlite3_open(":memory:", db);
    if (rc == SQLITE_OK) {
        rc = store_build(*db, in, real, dflags, NULL, NULL, checked ? &again : d, &fill, NULL);
        diags_finish(&again);
        if (rc) {
            sqlite3_close(*db);
            *db = NULL;
            *in_d = true;
            return rc;
        }
    } else {
        fill = rc;
    }
    if (fill != SQLITE_OK) {
        err_set(e, EXIT_IOERR, _("cannot build the in-memory database: %s"), sqlite3_errmsg(*db));
        sqlite3_close(*db);
        *db = NULL;
        return EXIT_IOERR;
    }
    return 0;
}

int store_open_dataset(const char *path, const char *cache_dir, unsigned flags, struct store **out,
                       struct diags *d, struct err *e, char **notice)
{
    *out = NULL;
    *notice = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot open: %s"), strerror(errno));
        return EXIT_NOINPUT;
    }
    if (S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "%s",
                  _("is a directory; expected a dataset file (JSON)"));
        return EXIT_NOINPUT;
    }
    unsigned dflags = (flags & STORE_STRICT) ? DATASET_STRICT : 0;

    char real[PATH_MAX];
    if (!realpath(path, real))
        snprintf(real, sizeof real, "%s", path);
    char *cache = NULL, *base = NULL;
    bool cache_ok = cache_dir && mkdir_p(cache_dir) && access(cache_dir, W_OK) == 0;
    if (cache_dir) {
        base = xasprintf("dataset-%016llx.db",
                         (unsigned long long)dataset_hash(real, strlen(real)));
        cache = xasprintf("%s/%s", cache_dir, base);
    }
    /* On every start, not only before a rebuild: a run killed while it refreshed the identity
     * leaves a whole copy of the cache behind, and the next runs hit the cache and rebuild
     * nothing. */
    if (cache_ok)
        sweep_stale(cache_dir, base);
    free(base);

    /* 1. The cache as it is, if it describes this very file. Its pages are not checked here
     * (PRAGMA quick_check reads every one: 0.7 s at 100,000 entries, against 13 ms for the
     * whole start); a query that finds one damaged rebuilds it (store_again). */
    sqlite3 *old = NULL;
    char have_size[32] = "", have_mtime[48] = "", have_hash[32] = "", have_origin[PATH_MAX] = "";
    if (cache && access(cache, R_OK) == 0 && store_open_readonly(cache, &old) == SQLITE_OK &&
        store_schema_current(old)) {
        cache_meta(old, "size", have_size, sizeof have_size);
        cache_meta(old, "mtime", have_mtime, sizeof have_mtime);
        cache_meta(old, "hash", have_hash, sizeof have_hash);
        cache_meta(old, "origin", have_origin, sizeof have_origin);
    } else if (old) {
        sqlite3_close(old);
        old = NULL;
    }
    struct identity now;
    identity_of(&st, 0, false, &now);
    /* Strict checking must read the file: the cache does not remember warnings. */
    bool strict = flags & STORE_STRICT;
    if (!strict && old && strcmp(have_origin, real) == 0 && strcmp(have_size, now.size) == 0 &&
        strcmp(have_mtime, now.mtime) == 0) {
        *out = store_create(old, real);
        (*out)->cache = cache;
        return 0;
    }

    /* 2. A cache of this file that is older than it: the file may be touched but identical (one
     * read to hash it), or changed. */
    int rc;
    if (!strict && old && strcmp(have_origin, real) == 0) {
        uint64_t hash;
        rc = dataset_hash_file(path, &hash, d);
        if (rc) {
            sqlite3_close(old);
            free(cache);
            return rc;
        }
        identity_of(&st, hash, true, &now);
        if (strcmp(have_hash, now.hash) == 0) {
            sqlite3_close(old);
            old = NULL;
            /* Remember the new mtime so the next start skips reading; harmless if it fails. */
            if (cache_ok)
                refresh_identity(cache, &now);
            rc = store_open_readonly(cache, &old);
            *out = store_create(old, real);
            (*out)->cache = cache;
            return rc == SQLITE_OK ? 0 : EXIT_IOERR;
        }
    }

    /* 3. Check and rebuild, as the file is read. */
    struct dataset_input in = {.path = path};
    size_t errors_before = d->errors;
    sqlite3 *db;
    bool cached, in_d;
    rc = build_db(&in, real, &st, dflags, cache_dir, cache_ok ? cache : NULL, &db, &cached, &in_d,
                  d, e, notice);
    if (rc == 0) {
        sqlite3_close(old);
        *out = store_create(db, real);
        (*out)->cache = cached ? cache : NULL;
        if (!cached)
            free(cache);
        return 0;
    }
    if (in_d && rc == EXIT_DATAERR && old && (flags & STORE_FALLBACK)) {
        free(*notice);
        size_t n = d->errors - errors_before;
        /* TRANSLATORS: the dataset's file, then how many errors it has. */
        *notice = xasprintf(ngettext("%s has %zu error; showing the data from the last good "
                                     "load. Run 'itpnav check' to see it.",
                                     "%s has %zu errors; showing the data from the last good "
                                     "load. Run 'itpnav check' to see them.",
                                     n),
                            path, n);
        *out = store_create(old, real);
        (*out)->cache = cache;
        return 0;
    }
    sqlite3_close(old);
    free(cache);
    return rc;
}

bool store_rebuild(struct store *st, struct err *e)
{
    const char *path = st->origin;
    char *damage = xstrdup(e ? e->msg : "");
    /* Whatever comes next, the damaged file is not trusted again by a later run. */
    unlink(st->cache);
    struct diags d = {0};
    struct stat sb;
    char *dir = xstrdup(st->cache);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    sqlite3 *db = NULL;
    bool cached = false, in_d = true;
    char *why = NULL;
    struct err fail = {0};
    struct dataset_input in = {.path = path};
    int rc = stat(path, &sb) == 0 ? build_db(&in, path, &sb, 0, dir, st->cache, &db, &cached, &in_d,
                                             &d, &fail, &why)
                                  : EXIT_NOINPUT;
    free(dir);
    if (rc && in_d) {
        err_set(e, rc == EXIT_OSERR ? EXIT_OSERR : EXIT_IOERR,
                /* TRANSLATORS: what went wrong with the cache, the dataset's file, and why it
                 * cannot be loaded. */
                _("%s; the cache was damaged, and %s cannot be loaded to rebuild it (%s)"), damage,
                path,
                d.n                  ? d.v[0].msg
                : rc == EXIT_NOINPUT ? strerror(ENOENT)
                                     : _("it is not valid"));
        diags_finish(&d);
        free(why);
        free(damage);
        return false;
    }
    diags_finish(&d);
    if (rc) {
        /* TRANSLATORS: what went wrong with the cache, then why rebuilding it failed. */
        err_set(e, rc, _("%s; the cache was damaged, and rebuilding it failed: %s"), damage,
                fail.msg);
        free(why);
        free(damage);
        return false;
    }
    free(damage);
    /* The old connection goes only now that a new one is ready: until then, every call on st
     * kept working (failing) on it. The query module's state goes with it. */
    for (int i = 0; i < STMT_COUNT; i++) {
        sqlite3_finalize(st->stmt[i]);
        st->stmt[i] = NULL;
    }
    sqlite3_close_v2(st->db);
    st->db = db;
    st->qc = NULL;
    free(st->notice);
    if (cached) {
        /* TRANSLATORS: the dataset's file. */
        st->notice = xasprintf(_("the cache was damaged; rebuilt from %s"), path);
    } else {
        /* TRANSLATORS: the dataset's file, then why the cache could not be written. */
        st->notice =
                xasprintf(_("the cache was damaged; rebuilt from %s in memory (%s)"), path, why);
        free(st->cache);
        st->cache = NULL;
    }
    free(why);
    if (e)
        *e = (struct err){0};
    return true;
}
