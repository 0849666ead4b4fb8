/* diag.c: collecting and printing the errors and warnings found in a dataset. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

void diags_add(struct diags *d, enum diag_level level, int line, int col, const char *path,
               const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
    /* Warnings are capped too, so a hostile file cannot make us hold millions of them. */
    if (d->n >= 2 * DIAGS_MAX || (level == DIAG_ERROR && d->errors > DIAGS_MAX))
        return;
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 16;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    d->v[d->n++] = (struct diag){
            .level = level,
            .line = line,
            .col = col,
            .path = path ? xstrdup(path) : NULL,
            .msg = sb_take(&b),
    };
}

void diags_print(const struct diags *d, FILE *out, const char *file)
{
    /* Messages quote dataset text, which must not reach a terminal raw. */
    char *f = text_sanitize(file, false);
    for (size_t i = 0; i < d->n; i++) {
        const struct diag *g = &d->v[i];
        char *msg = text_sanitize(g->msg, false);
        /* The path holds keys from the file: sanitised like the message. */
        char *path = text_sanitize(g->path && g->path[0] ? g->path : ".", false);
        /* TRANSLATORS: before a warning's message, as in "itpnav: FILE: .supports[0]: warning:
         * unknown key ...". */
        const char *w = g->level == DIAG_WARNING ? _("warning: ") : "";
        if (g->line > 0)
            fprintf(out, "itpnav: %s:%d:%d: %s%s\n", f, g->line, g->col, w, msg);
        else if (g->path)
            fprintf(out, "itpnav: %s: %s: %s%s\n", f, path, w, msg);
        else
            fprintf(out, "itpnav: %s: %s%s\n", f, w, msg);
        free(path);
        free(msg);
    }
    if (d->errors > DIAGS_MAX)
        /* TRANSLATORS: the file, the errors left out, and the number shown (100). */
        fprintf(out,
                ngettext("itpnav: %s: %zu more error not shown (the first %d are above)\n",
                         "itpnav: %s: %zu more errors not shown (the first %d are above)\n",
                         d->errors - DIAGS_MAX),
                f, d->errors - DIAGS_MAX, DIAGS_MAX);
    free(f);
}

void diags_finish(struct diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].path);
        free(d->v[i].msg);
    }
    free(d->v);
    *d = (struct diags){0};
}
