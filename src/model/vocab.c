/* vocab.c: the dataset's own vocabularies: resolving what a person typed to an id. */
#include "vocab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "store_impl.h"
#include "util.h"

static char *column(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

/* The nearest of the strings the statement yields (column 0 the value, 1 what to compare). */
static char *suggest_from(sqlite3_stmt *s, const char *want)
{
    char *best = NULL;
    size_t best_d = SIZE_MAX;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *cmp = (const char *)sqlite3_column_text(s, 1);
        if (!cmp)
            continue;
        size_t d = text_distance(want, cmp);
        if (d < best_d) {
            best_d = d;
            free(best);
            best = column(s, 0);
        }
    }
    size_t len = strlen(want), limit = len / 2 > 3 ? len / 2 : 3;
    if (best && best_d > limit) {
        free(best);
        best = NULL;
    }
    return best;
}

char *vocab_resolve_region(struct store *st, const char *name, char **suggest)
{
    *suggest = NULL;
    char *fold = text_fold(name);
    char *found = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id FROM region WHERE id = ?1 OR fold = ?2"
                           " ORDER BY id = ?1 DESC, depth, pos LIMIT 1",
                           -1, &s, NULL) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, fold, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW)
            found = column(s, 0);
        sqlite3_finalize(s);
    }
    if (!found && sqlite3_prepare_v2(st->db, "SELECT name, fold FROM region ORDER BY pos", -1, &s,
                                     NULL) == SQLITE_OK) {
        *suggest = suggest_from(s, fold);
        sqlite3_finalize(s);
    }
    free(fold);
    return found;
}

bool vocab_known(struct store *st, const char *table, const char *id, char **suggest)
{
    *suggest = NULL;
    /* table comes from our own code, never from input: only these three are accepted. */
    const char *sql;
    if (strcmp(table, "goal") == 0)
        sql = "SELECT id, id, id = ? FROM goal ORDER BY pos";
    else if (strcmp(table, "service") == 0)
        sql = "SELECT id, id, id = ? FROM service ORDER BY pos";
    else if (strcmp(table, "exam") == 0)
        sql = "SELECT id, id, id = ? FROM exam ORDER BY pos";
    else
        return false;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    bool found = false;
    while (!found && sqlite3_step(s) == SQLITE_ROW)
        found = sqlite3_column_int(s, 2);
    if (!found) {
        sqlite3_reset(s);
        *suggest = suggest_from(s, id);
    }
    sqlite3_finalize(s);
    return found;
}
