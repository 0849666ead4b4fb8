/* diag.h: the errors and warnings found in a dataset, each with its place, printed as cli.md says.
 */
#ifndef ITPNAV_DIAG_H
#define ITPNAV_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* At most this many errors are kept; the rest are counted. */
#define DIAGS_MAX 100

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
    enum diag_level level;
    int line, col; /* 1-based place of a syntax error; 0 when the place is a path */
    char *path;    /* jq-style path ".supports[3].regions[0]", or NULL */
    char *msg;
};

struct diags {
    struct diag *v;
    size_t n, cap;
    size_t errors, warnings; /* all found, kept or not */
    int version;             /* the format version the checked file declares; 0 when unknown */
};

/* Record one finding; past DIAGS_MAX errors only the count grows. */
void diags_add(struct diags *d, enum diag_level level, int line, int col, const char *path,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Print every finding to out as "itpnav: FILE:LINE:COL: MSG" or "itpnav: FILE: PATH: MSG".
 * The place is written so in every language (cli.md's form, which editors and scripts read); the
 * message, made when the finding was (diags_add), is in the language in effect then. */
void diags_print(const struct diags *d, FILE *out, const char *file);

/* Free the findings and empty d. */
void diags_finish(struct diags *d);

#endif
