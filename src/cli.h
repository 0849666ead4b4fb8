/* cli.h: the options of the command line and the subcommands that print to standard output. */
#ifndef ITPNAV_CLI_H
#define ITPNAV_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "query.h"

enum format { FORMAT_DEFAULT, FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON };

#define CLI_MAX_VALUES QUERY_MAX_VALUES

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
    const char *goals[CLI_MAX_VALUES];
    size_t n_goals;
    const char *services[CLI_MAX_VALUES];
    size_t n_services;
    unsigned delivery, kinds;
    const char *search;
    long limit; /* -1: all */
    const char *status, *discipline;
    const char *exams[CLI_MAX_VALUES];
    size_t n_exams;
    double postgrad_years, practice_years, last_practised; /* -1 when not given */
    int language_test;                                     /* -1 unknown, 0 no, 1 yes */
};

/* The bundled dataset's path: beside the build tree when run from it, else the installed one. */
const char *cli_bundled_dataset(void);

/* Open the store the options name (--db, or --data/bundled through the cache). Prints errors and
 * notices to stderr; returns 0 or an exit status. fallback: use a stale cache on a bad dataset. */
int cli_open_store(const struct options *o, bool fallback, struct store **st, char **notice);

/* Resolve the --region/--goal/--service values into q, printing a usage error for unknown ones.
 * Returns 0 or EXIT_USAGE. The region id is stored in *region_id (free it). */
int cli_resolve_filters(struct store *st, const struct options *o, struct query *q,
                        char **region_id);

int cli_check(const struct options *o);
int cli_list(const struct options *o);
int cli_show(const struct options *o);
int cli_match(const struct options *o);
int cli_build_db(const struct options *o);

#endif
