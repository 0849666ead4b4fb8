/* session.h: what starts a session with the data, for the subcommands, the line mode and the
 * screens alike: the options of the command line, the bundled dataset, opening the store and
 * resolving the filters. */
#ifndef ITPNAV_SESSION_H
#define ITPNAV_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "query.h"
#include "state.h"
#include "vocab.h"

enum format { FORMAT_DEFAULT, FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON };

/* The most values a repeatable option (--goal, --service, --exam) takes. */
#define SESSION_MAX_VALUES QUERY_MAX_VALUES

/* Everything the command line can say; what applies depends on the command. */
struct options {
    const char *command; /* NULL: the interactive program */
    const char *data, *db, *out;
    const char *args[4]; /* positional arguments after the command */
    size_t n_args;
    bool strict, kiosk, no_color, no_mouse, plain;
    long idle;       /* seconds; kiosk idle timeout */
    long older_than; /* months; -1 when not given */
    enum format format;
    /* filters (list) and answers (match) */
    const char *region;
    const char *goals[SESSION_MAX_VALUES];
    size_t n_goals;
    const char *services[SESSION_MAX_VALUES];
    size_t n_services;
    unsigned delivery, kinds;
    const char *search;
    long limit; /* -1: all */
    const char *status, *discipline;
    const char *exams[SESSION_MAX_VALUES];
    size_t n_exams;
    double postgrad_years, practice_years, last_practised; /* -1 when not given */
    int language_test;                                     /* -1 unknown, 0 no, 1 yes */
};

/* The bundled dataset's path: beside the build tree when run from it, else the installed one. */
const char *session_bundled_dataset(void);

/* Open the store the options name (--db, or --data/bundled through the cache). Prints errors and
 * notices to stderr; returns 0 or an exit status. fallback: use a stale cache on a bad dataset. */
int session_open_store(const struct options *o, bool fallback, struct store **st, char **notice);

/* What the store has to tell the person (a damaged cache rebuilt), made safe for the terminal, as
 * a new string; NULL when nothing. */
char *session_store_notice(struct store *st);

/* Print what the store has to tell the person ("itpnav: NOTICE" on standard error) and close it;
 * NULL is a no-op. */
void session_close_store(struct store *st);

/* Before quitting: when the shortlist's file was held locked by another program all along and the
 * session changed the shortlist (state_unsaved), wait up to 30 s for the file, saying so on
 * standard error; if it never comes free, print the session's shortlist there. Returns 0, or 74
 * when it could not be saved. */
int session_save_state(struct state *s);

/* Resolve the --region/--goal/--service values into q, printing a usage error for unknown ones.
 * Returns 0 or EXIT_USAGE. The region id is stored in *region_id (free it). */
int session_resolve_filters(struct store *st, const struct options *o, struct query *q,
                            char **region_id);

/* Check that each of the n values is a value of t; else print a usage error naming the first
 * that is not, as "unknown WHAT 'VALUE'" with "did you mean" when one is near (or the store's
 * failure). Returns 0 or the exit status. */
int session_check_values(struct store *st, enum vocab t, const char *what,
                         const char *const *values, size_t n);

/* Print "itpnav: unknown WHAT 'VALUE'" (and "did you mean 'SUGGEST'?" when suggest, which is
 * freed) and the hint to --help, made safe for the terminal; returns code. */
int session_unknown(int code, const char *what, const char *value, char *suggest);

/* Print a failure as "itpnav: MESSAGE", made safe for the terminal; returns its code. */
int session_report(const struct err *e);

/* Print a failure about a file as "itpnav: FILE: MESSAGE" (as diags_print does), made safe for
 * the terminal; returns its code. */
int session_report_file(const char *file, const struct err *e);

#endif
