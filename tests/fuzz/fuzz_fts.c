/* fuzz_fts.c: any typed search, through the translation to FTS5 and the list queries on a
 * store built once from a fixture: never an SQL error, never a crash, count and page agree. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "fuzz.h"
#include "query.h"
#include "store.h"
#include "text.h"

#ifndef FUZZ_FIXTURE
#define FUZZ_FIXTURE "tests/fixtures/cli-deep.json"
#endif

static struct store *st;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    text_init_locale();
    const char *path = getenv("FUZZ_FIXTURE");
    if (!path || !*path)
        path = FUZZ_FIXTURE;
    struct diags d = {0};
    struct err e = {0};
    struct dataset_input in = {.path = path};
    if (store_open_memory(&in, path, 0, &st, &d, &e) != 0) {
        diags_print(&d, stderr, path);
        fprintf(stderr, "store_open_memory: %s\n", e.msg);
    }
    diags_finish(&d);
    FUZZ_CHECK(st != NULL);
    return 0;
}

/* Run q as the list screen and `itpnav list` do; abort on any error. */
static void run_query(const struct query *q)
{
    struct page p;
    struct err err = {0};
    int rc = query_page(st, q, 0, 1000, &p, &err);
    if (rc != 0)
        fprintf(stderr, "query_page: %s\n", err.msg);
    FUZZ_CHECK(rc == 0 && !err.code);
    size_t count = 0;
    rc = query_count(st, q, &count, &err);
    if (rc != 0)
        fprintf(stderr, "query_count: %s\n", err.msg);
    FUZZ_CHECK(rc == 0 && !err.code);
    FUZZ_CHECK(count == p.n);
    for (size_t i = 0; i < p.n; i++)
        FUZZ_CHECK(p.rows[i].id && p.rows[i].name && p.rows[i].kind);
    query_page_finish(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *typed = malloc(size + 1);
    FUZZ_CHECK(typed);
    memcpy(typed, data, size);
    typed[size] = '\0';

    /* The expression is quoted prefix terms only: no operator can reach FTS5 unquoted. */
    char *expr = query_fts_expr(typed);
    if (expr) {
        bool quoted = false;
        for (const char *p = expr; *p; p++) {
            if (*p == '"')
                quoted = !quoted;
            else if (!quoted)
                FUZZ_CHECK(*p == '*' || *p == ' ');
        }
        FUZZ_CHECK(!quoted);
    }
    free(expr);

    struct query q = {.text = typed};
    run_query(&q);
    /* The same words with the filters the screens combine them with. */
    q.kinds = KIND_PATHWAY;
    q.region = "ontario";
    run_query(&q);
    q.kinds = KIND_SUPPORTS;
    q.goals[q.n_goals++] = "residency";
    q.delivery = DELIVERY_ONLINE | DELIVERY_HYBRID;
    run_query(&q);
    free(typed);
    return 0;
}
