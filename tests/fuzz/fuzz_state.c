/* fuzz_state.c: any bytes as the person's state.db (or, after a "J" and a 4-byte length, a
 * state.db of that length and the rest as the hot journal a crash left beside it): opening it,
 * reading the shortlist, putting back, adding, noting, removing, the answers and clearing each work
 * or return an error; never a crash, never a leak, and a failure always says why. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataset.h"
#include "fuzz.h"
#include "profile.h"
#include "state.h"
#include "store.h"
#include "text.h"
#include "util.h"

#ifndef FUZZ_FIXTURE
#define FUZZ_FIXTURE "tests/fixtures/cli-deep.json"
#endif

static char dir[] = "/tmp/itpnav-fuzz-state.XXXXXX";
static char *db_path, *journal_path;
static struct store *st;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    text_init_locale();
    FUZZ_CHECK(mkdtemp(dir) != NULL);
    db_path = xasprintf("%s/state.db", dir);
    journal_path = xasprintf("%s/state.db-journal", dir);
    /* A store, so that reading the shortlist also looks each entry up in the data. */
    const char *path = getenv("FUZZ_FIXTURE");
    if (!path || !*path)
        path = FUZZ_FIXTURE;
    struct diags d = {0};
    struct err e = {0};
    struct dataset_input in = {.path = path};
    FUZZ_CHECK(store_open_memory(&in, path, 0, &st, &d, &e) == 0);
    diags_finish(&d);
    return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_CHECK(fd >= 0);
    while (n) {
        ssize_t w = write(fd, data, n);
        FUZZ_CHECK(w > 0);
        data += w;
        n -= (size_t)w;
    }
    close(fd);
}

/* A call either worked or said why. */
static void said(int rc, const struct err *e)
{
    FUZZ_CHECK(rc == 0 || (rc == e->code && e->msg[0]) || rc == EXIT_USAGE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unlink(db_path);
    unlink(journal_path);
    size_t db_size = size, journal_size = 0;
    if (size >= 5 && data[0] == 'J') {
        size_t want = (size_t)data[1] | (size_t)data[2] << 8 | (size_t)data[3] << 16 |
                      (size_t)data[4] << 24;
        data += 5;
        db_size = want < size - 5 ? want : size - 5;
        journal_size = size - 5 - db_size;
    }
    write_file(db_path, data, db_size);
    if (journal_size)
        write_file(journal_path, data + db_size, journal_size);

    struct state *s = NULL;
    struct err e = {0};
    int rc = state_open(db_path, &s, &e);
    said(rc, &e);
    FUZZ_CHECK((rc == 0) == (s != NULL));
    if (!s)
        return 0;
    FUZZ_CHECK(!state_waiting(s)); /* nothing else holds the file */

    struct state_item *v = NULL;
    size_t n = 0;
    e = (struct err){0};
    rc = state_items(s, st, &v, &n, &e);
    said(rc, &e);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(v[i].id && v[i].kind && v[i].name && v[i].note && v[i].added);
    (void)state_count(s);
    if (n)
        (void)state_has(s, v[0].id, v[0].kind);
    state_items_destroy(v, n);

    struct state_item back;
    e = (struct err){0};
    rc = state_undo(s, &back, &e);
    said(rc, &e);
    state_item_finish(&back);
    (void)state_undo_count(s);

    e = (struct err){0};
    said(state_add(s, "ca-network", "support", "Canada Network of ITPs", &e), &e);
    e = (struct err){0};
    said(state_set_note(s, "ca-network", "support", "call Tuesday", &e), &e);
    e = (struct err){0};
    said(state_move(s, 0, 1, &e), &e);
    struct profile p;
    e = (struct err){0};
    said(state_load_profile(s, &p, &e), &e);
    e = (struct err){0};
    said(state_save_profile(s, &p, &e), &e);
    e = (struct err){0};
    said(state_remove(s, "ca-network", "support", &e), &e);
    e = (struct err){0};
    said(state_clear(s, &e), &e);
    state_destroy(s);
    return 0;
}
