/* complete.c: the hidden `itpnav complete WHAT` that gives the shell completions the dataset's
 * ids and names, so that no completion script carries a copy of the data. */
#include "complete.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "query.h"
#include "session.h"
#include "store.h"
#include "text.h"
#include "vocab.h"

/* What can be completed, and the list it comes from (in the dataset's order). */
static const struct {
    const char *what;
    int vocab; /* an enum vocab, or -1: the entries, through the query module */
} lists[] = {
        {"regions", VOCAB_REGION}, {"goals", VOCAB_GOAL}, {"services", VOCAB_SERVICE},
        {"exams", VOCAB_EXAM},     {"entries", -1},
};

/* One candidate: "ID<TAB>NAME". Dataset text never reaches a terminal raw, and a tab or a newline
 * in a name would break the line format. */
static void put(const char *id, const char *name)
{
    char *safe_id = text_sanitize(id ? id : "", false);
    char *safe_name = text_sanitize(name ? name : "", false);
    for (char *p = safe_name; *p; p++)
        if (*p == '\t')
            *p = ' ';
    if (strchr(safe_id, '\t') == NULL && *safe_id)
        printf("%s\t%s\n", safe_id, safe_name);
    free(safe_id);
    free(safe_name);
}

static void print_vocab(struct store *st, enum vocab t)
{
    struct vocab_list l;
    if (vocab_list(st, t, &l, NULL) == 0)
        for (size_t i = 0; i < l.n; i++)
            put(l.v[i].id, l.v[i].name);
    vocab_list_finish(&l);
}

static void print_entries(struct store *st)
{
    struct query q = {0};
    struct page p = {0};
    if (query_page(st, &q, 0, SIZE_MAX, &p, NULL) == 0)
        for (size_t i = 0; i < p.n; i++)
            put(p.rows[i].id, p.rows[i].name);
    query_page_finish(&p);
}

/* The value of --NAME in argv[*i] ("--data FILE" or "--data=FILE"), advancing *i past it. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int usage(void)
{
    fputs(_("usage: itpnav complete regions|goals|services|exams|entries [--data FILE | --db "
            "DB]\n"),
          stderr);
    return EXIT_USAGE;
}

int complete_main(int argc, char **argv)
{
    const char *what = NULL, *data = NULL, *db = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if ((v = option_value(argc, argv, &i, "--data")))
            data = v;
        else if (option_value(argc, argv, &i, "--lang"))
            continue; /* main() chose the language (the names') already */
        else if ((v = option_value(argc, argv, &i, "--db")))
            db = v;
        else if (!what && argv[i][0] != '-')
            what = argv[i];
        else
            return usage();
    }
    size_t k = 0;
    while (what && k < sizeof lists / sizeof lists[0] && strcmp(what, lists[k].what) != 0)
        k++;
    if (!what || k == sizeof lists / sizeof lists[0] || (data && db))
        return usage();

    /* Through the cache, as every command opens its data: an unchanged dataset opens at once. A
     * dataset that can't be read gives no candidates and no message. */
    struct store *st = NULL;
    struct diags d = {0};
    char *notice = NULL;
    int rc;
    if (db) {
        rc = store_open_db(db, &st, NULL);
    } else {
        char *cache = store_default_cache_dir();
        rc = store_open_dataset(data ? data : session_bundled_dataset(), cache, 0, &st, &d, NULL,
                                &notice);
        free(cache);
    }
    diags_finish(&d);
    free(notice);
    if (rc != 0)
        return 0;
    if (lists[k].vocab >= 0)
        print_vocab(st, (enum vocab)lists[k].vocab);
    else
        print_entries(st);
    store_destroy(st);
    return fflush(stdout) == 0 ? 0 : EXIT_IOERR;
}
