/* fuzz_dataset.c: any bytes as a dataset file: validated, and when valid, stored in an in-memory
 * database, listed, and each listed entry read back and laid out, as `itpnav show` does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "doc.h"
#include "entry.h"
#include "fuzz.h"
#include "match.h"
#include "query.h"
#include "store.h"
#include "terms.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    text_init_locale();
    return 0;
}

/* Everything a person can reach from a valid dataset: the lists, every entry, the matching. */
static void use_store(struct store *st)
{
    struct query q = {0};
    struct page p;
    struct err err = {0};
    FUZZ_CHECK(query_page(st, &q, 0, 1000, &p, &err) == 0 && !err.code);
    size_t count = 0;
    FUZZ_CHECK(query_count(st, &q, &count, &err) == 0 && !err.code);
    FUZZ_CHECK(count == p.n);
    for (size_t i = 0; i < p.n && i < 16; i++) {
        struct entry *e = entry_get(st, p.rows[i].id, terms_kinds(p.rows[i].kind), &err);
        FUZZ_CHECK(e);
        struct doc *d = doc_entry(e);
        char *text = doc_plain(d, 60);
        FUZZ_CHECK(text);
        free(text);
        doc_destroy(d);
        entry_destroy(e);
    }
    query_page_finish(&p);
    struct answers a;
    match_answers_init(&a);
    struct match *m = NULL;
    size_t n = 0;
    FUZZ_CHECK(match_run(st, &a, &m, &n, &err) == 0 && !err.code);
    match_destroy(m, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy without a terminator: the loader must respect the length. */
    char *buf = malloc(size ? size : 1);
    FUZZ_CHECK(buf);
    memcpy(buf, data, size);
    struct diags d = {0};
    struct dataset *ds = NULL;
    int rc = dataset_parse(buf, size, 0, &ds, &d);
    FUZZ_CHECK(rc == 0 || rc == EXIT_DATAERR);
    FUZZ_CHECK((rc == 0) == (ds != NULL));
    FUZZ_CHECK(rc != 0 || d.errors == 0);
    FUZZ_CHECK(rc == 0 || d.errors > 0);
    FUZZ_CHECK(d.n <= 2 * DIAGS_MAX);
    for (size_t i = 0; i < d.n; i++)
        FUZZ_CHECK(d.v[i].msg);
    diags_finish(&d);
    if (ds) {
        /* A dataset the checks accepted must store: a failure here is a hole in the checks. */
        struct store *st = NULL;
        struct err e = {0};
        struct diags again = {0};
        struct dataset_input in = {.buf = buf, .len = size};
        rc = store_open_memory(&in, "fuzz.json", 0, &st, &again, &e);
        if (rc != 0)
            fprintf(stderr, "store_open_memory: %s\n", e.msg);
        FUZZ_CHECK(rc == 0 && again.errors == 0);
        diags_finish(&again);
        use_store(st);
        store_destroy(st);
        dataset_destroy(ds);
    }
    free(buf);
    return 0;
}
