/* session.c: starting a session with the data, for the subcommands, the line mode and the
 * screens alike: where the bundled dataset is, opening the store the options name, and resolving
 * the filters they give; what fails is printed to standard error. */
#include "session.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "state.h"
#include "text.h"
#include "util.h"

const char *session_bundled_dataset(void)
{
    static char path[PATH_MAX + 32];
    char exe[PATH_MAX];
    if (exe_dir(exe, sizeof exe)) {
        /* Run from the build tree: the source tree's data, so edits show without installing. */
        if (in_build_tree(exe))
            return ITPNAV_SOURCE_DATA "/itpnav.json";
        /* Installed somewhere else than configured (a relocated prefix): beside the binary. */
        snprintf(path, sizeof path, "%s/../share/itpnav/itpnav.json", exe);
        if (access(path, R_OK) == 0)
            return path;
    }
    return ITPNAV_DATADIR "/itpnav.json";
}

int session_report_file(const char *file, const struct err *e)
{
    char *f = text_sanitize(file, false), *msg = text_sanitize(e->msg, false);
    fprintf(stderr, "itpnav: %s: %s\n", f, msg);
    free(msg);
    free(f);
    return e->code;
}

int session_open_store(const struct options *o, bool fallback, struct store **st, char **notice)
{
    struct diags d = {0};
    struct err e = {0};
    int rc;
    *notice = NULL;
    if (o->db) {
        rc = store_open_db(o->db, st, &e);
        if (rc)
            session_report_file(o->db, &e);
    } else {
        const char *path = o->data ? o->data : session_bundled_dataset();
        char *cache = o->kiosk ? NULL : store_default_cache_dir();
        rc = store_open_dataset(path, cache, fallback ? STORE_FALLBACK : 0, st, &d, &e, notice);
        /* A notice names paths (and SQLite's reasons), which are printed as they are. */
        if (*notice) {
            char *safe = text_sanitize(*notice, false);
            free(*notice);
            *notice = safe;
        }
        /* Warnings (unknown keys) are for `check`; a working run stays quiet about them. */
        if (rc)
            diags_print(&d, stderr, path);
        if (rc && e.code)
            session_report_file(path, &e);
        free(cache);
    }
    diags_finish(&d);
    return rc;
}

char *session_store_notice(struct store *st)
{
    char *n = st ? store_take_notice(st) : NULL;
    if (!n)
        return NULL;
    char *safe = text_sanitize(n, false);
    free(n);
    return safe;
}

void session_close_store(struct store *st)
{
    char *n = session_store_notice(st);
    if (n)
        fprintf(stderr, "itpnav: %s\n", n);
    free(n);
    store_destroy(st);
}

int session_unknown(int code, const char *what, const char *value, char *suggest)
{
    char *v = text_sanitize(value, false);
    if (suggest) {
        char *s = text_sanitize(suggest, false);
        /* TRANSLATORS: the first %s names what was typed ("region", "goal", "pathway id"), the
         * second is what was typed, the third the nearest known value. */
        fprintf(stderr, _("itpnav: unknown %s '%s'; did you mean '%s'?\n"), what, v, s);
        free(s);
    } else {
        /* TRANSLATORS: the first %s names what was typed ("region", "goal", "pathway id"). */
        fprintf(stderr, _("itpnav: unknown %s '%s'\n"), what, v);
    }
    fputs(_("Try 'itpnav --help'.\n"), stderr);
    free(v);
    free(suggest);
    return code;
}

int session_report(const struct err *e)
{
    char *msg = text_sanitize(e->msg, false);
    fprintf(stderr, "itpnav: %s\n", msg);
    free(msg);
    return e->code;
}

int session_check_values(struct store *st, enum vocab t, const char *what,
                         const char *const *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *suggest = NULL;
        struct err e = {0};
        if (!vocab_known(st, t, values[i], &suggest, &e))
            return e.code ? session_report(&e)
                          : session_unknown(EXIT_USAGE, what, values[i], suggest);
    }
    return 0;
}

int session_resolve_filters(struct store *st, const struct options *o, struct query *q,
                            char **region_id)
{
    *region_id = NULL;
    if (o->region) {
        char *suggest = NULL;
        struct err e = {0};
        *region_id = vocab_resolve_region(st, o->region, &suggest, &e);
        if (!*region_id)
            return e.code ? session_report(&e)
                          : session_unknown(EXIT_USAGE, _("region"), o->region, suggest);
        q->region = *region_id;
    }
    int rc = session_check_values(st, VOCAB_GOAL, _("goal"), o->goals, o->n_goals);
    if (rc == 0)
        rc = session_check_values(st, VOCAB_SERVICE, _("service"), o->services, o->n_services);
    if (rc)
        return rc;
    for (size_t i = 0; i < o->n_goals; i++)
        q->goals[q->n_goals++] = o->goals[i];
    for (size_t i = 0; i < o->n_services; i++)
        q->services[q->n_services++] = o->services[i];
    q->delivery = o->delivery;
    q->kinds = o->kinds;
    q->text = o->search;
    return 0;
}

/* How long quitting waits for a shortlist file another program holds, before giving up. */
#define QUIT_WAIT_MS 30000

int session_save_state(struct state *s)
{
    if (!state_unsaved(s))
        return 0;
    char *file = text_sanitize(state_waiting_for(s), false);
    fprintf(stderr,
            _("itpnav: waiting up to %d s for %s (another program holds it) to save your "
              "shortlist...\n"),
            QUIT_WAIT_MS / 1000, file);
    struct err e = {0};
    int rc = state_retry_wait(s, QUIT_WAIT_MS, &e);
    if (rc == 1) {
        fputs(_("itpnav: saved.\n"), stderr);
        free(file);
        return 0;
    }
    fprintf(stderr, _("itpnav: %s could not be saved (%s); your shortlist from this session:\n"),
            file, rc ? e.msg : _("it is still locked"));
    struct state_item *v = NULL;
    size_t n = 0;
    if (state_items(s, NULL, &v, &n, &e) == 0) {
        for (size_t i = 0; i < n; i++) {
            char *name = text_sanitize(v[i].name, false), *note = text_sanitize(v[i].note, false);
            char *id = text_sanitize(v[i].id, false);
            fprintf(stderr, "  %zu. %s (%s %s)%s%s\n", i + 1, name, v[i].kind, id,
                    note[0] ? ": " : "", note);
            free(id);
            free(name);
            free(note);
        }
    }
    state_items_destroy(v, n);
    free(file);
    return EXIT_IOERR;
}
