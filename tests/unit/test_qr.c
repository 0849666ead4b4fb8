/* test_qr.c: QR codes: the matrix libqrencode makes, its half blocks with their margin, the
 * fitting to a window, and the texts a code holds (an entry's address, the shortlist), on
 * tests/fixtures/unit-deep.json. Decoding what the screen shows is tests/tui/qr.sh. */
#include <errno.h>
#include <string.h>

#include "common.h"
#include "entry.h"
#include "qr.h"
#include "state.h"
#include "text.h"
#include "util.h"

static struct store *st;

/* The half block at column x of a line: 0 " ", 1 "▀", 2 "▄", 3 "█"; -1 for anything else. */
static int glyph_at(const char *line, int x)
{
    static const char *const glyphs[] = {" ", "▀", "▄", "█"};
    const char *p = line;
    for (int i = 0; i < x && *p; i++) {
        unsigned cp;
        p += text_decode(p, strlen(p), &cp);
    }
    for (int g = 0; g < 4; g++)
        if (strncmp(p, glyphs[g], strlen(glyphs[g])) == 0)
            return g;
    return -1;
}

/* Every module of the code is where the lines say, at scale (a block is a light half), and
 * everything around it is light for QR_QUIET modules (and more: the odd half row at the
 * bottom). */
static void check_lines(const struct qr *q, int scale)
{
    struct text_lines *lines = qr_lines(q, scale);
    int cols = qr_cols(q, scale), rows = qr_rows(q, scale);
    CHECK_INT(cols, (q->width + 2 * QR_QUIET) * scale);
    CHECK_INT(lines->n, rows);
    int bad = 0;
    for (int r = 0; r < rows && (size_t)r < lines->n; r++) {
        CHECK_INT(text_width(lines->line[r]), cols);
        for (int x = 0; x < cols; x++) {
            int g = glyph_at(lines->line[r], x);
            for (int half = 0; half < 2; half++) {
                int y = 2 * r + half;
                int mx = x / scale - QR_QUIET, my = y / scale - QR_QUIET;
                bool want = mx >= 0 && my >= 0 && mx < q->width && my < q->width &&
                            q->dark[my * q->width + mx];
                bool got = g >= 0 && !(g & (half ? 2 : 1)); /* the blocks are light */
                bad += want != got;
            }
        }
    }
    CHECK_INT(bad, 0);
    /* The margin: the first rows and the columns at both sides are all light: full blocks. */
    for (int r = 0; r < QR_QUIET * scale / 2 && (size_t)r < lines->n; r++)
        for (int x = 0; x < cols; x++)
            bad += glyph_at(lines->line[r], x) != 3;
    for (size_t r = 0; r < lines->n; r++)
        for (int x = 0; x < QR_QUIET * scale; x++)
            bad += glyph_at(lines->line[r], x) != 3 || glyph_at(lines->line[r], cols - 1 - x) != 3;
    CHECK_INT(bad, 0);
    text_lines_destroy(lines);
}

static void test_encode_and_draw(void)
{
    struct qr *q = NULL;
    CHECK_INT(qr_create("https://example.org/omp", &q), 0);
    CHECK(q != NULL);
    if (!q)
        return;
    CHECK(q->version >= 1 && q->version <= 40);
    CHECK_INT(q->width, 17 + 4 * q->version);
    /* The three finder patterns: a dark 7x7 ring at three corners. */
    CHECK(q->dark[0] && q->dark[6] && q->dark[6 * q->width] && !q->dark[1 * q->width + 1]);
    CHECK(q->dark[q->width - 1] && q->dark[(q->width - 1) * q->width]);
    check_lines(q, 1);
    check_lines(q, 2);
    check_lines(q, 3);
    qr_destroy(q);
    qr_destroy(NULL);
}

/* A longer text needs a larger code; too much for any code is ERANGE, not a broken one. */
static void test_sizes(void)
{
    struct qr *small = NULL, *big = NULL, *none = NULL;
    char *text = xmalloc(5000);
    memset(text, 'a', 4999);
    text[4999] = '\0';
    text[200] = '\0';
    CHECK_INT(qr_create("x", &small), 0);
    CHECK_INT(qr_create(text, &big), 0);
    CHECK(small && big && big->version > small->version);
    text[200] = 'a';
    CHECK_INT(qr_create(text, &none), ERANGE);
    CHECK(none == NULL);
    free(text);
    /* Fitting: the largest scale that fits, 0 when none does. */
    if (small) {
        int c = qr_cols(small, 1), r = qr_rows(small, 1);
        CHECK_INT(qr_fit(small, c, r, 3), 1);
        CHECK_INT(qr_fit(small, c - 1, r, 3), 0);
        CHECK_INT(qr_fit(small, c, r - 1, 3), 0);
        CHECK_INT(qr_fit(small, 3 * c, 3 * r, 3), 3);
        CHECK_INT(qr_fit(small, 1000, 1000, 2), 2);
        CHECK_INT(qr_rows(small, 1), (small->width + 9) / 2); /* an odd half row rounds up */
    }
    qr_destroy(small);
    qr_destroy(big);
}

/* An entry's code: its website, else its first link, else its source's page; none without. */
static void test_entry_address(void)
{
    shared_store("unit-deep.json", &st);
    struct err e = {0};
    char *what = NULL, *url = NULL;
    struct entry *en = entry_get(st, "ontario-mentors", 0, &e);
    CHECK(en != NULL);
    if (en) {
        url = qr_entry_address(en, &what);
        CHECK_STR(url, "https://example.org/omp");
        CHECK_STR(what, "The website of Ontario Mentorship Program");
        free(url);
        free(what);
        free(en->website);
        en->website = NULL;
        url = qr_entry_address(en, &what); /* no website: the source's page */
        CHECK_STR(url, "https://example.org/report");
        CHECK(what && strstr(what, "Where the facts about Ontario Mentorship Program come from"));
        free(url);
        free(what);
        free(en->source.note);
        en->source.note = NULL;
        url = qr_entry_address(en, &what);
        CHECK(url == NULL && what == NULL);
        entry_destroy(en);
    }
    en = entry_get(st, "ont-pra", 0, &e);
    CHECK(en != NULL);
    if (en) {
        url = qr_entry_address(en, &what);
        CHECK_STR(url, "https://example.org/pra");
        CHECK(what && strncmp(what, "A page about Ontario Practice-Ready Assessment: ", 48) == 0);
        free(url);
        free(what);
        entry_destroy(en);
    }
}

/* The shortlist as short text: names, contacts as the data has them now, and notes, one line
 * each; a note's control characters never get into the code. */
static void test_shortlist_text(void)
{
    shared_store("unit-deep.json", &st);
    struct state *s = NULL;
    struct err e = {0};
    CHECK_INT(state_open(NULL, &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(state_add(s, "ontario-mentors", "support", "Ontario Mentorship Program", &e), 0);
    CHECK_INT(state_add(s, "ont-pra", "pathway", "Ontario Practice-Ready Assessment", &e), 0);
    CHECK_INT(state_add(s, "gone", "support", "A Program Since Closed", &e), 0);
    CHECK_INT(
            state_set_note(s, "ontario-mentors", "support", "call \x1b[31mTuesday\x07\nat 10", &e),
            0);
    struct state_item *items = NULL;
    size_t n = 0;
    CHECK_INT(state_items(s, st, &items, &n, &e), 0);
    CHECK_INT(n, 3);
    char *text = qr_shortlist_text(st, items, n, "2026-12-05");
    const char *want = "itpnav shortlist, 2026-12-05\n"
                       "1. Ontario Mentorship Program\n"
                       "555-0100\n"
                       "omp@example.org\n"
                       "https://example.org/omp\n"
                       "Note: call " TEXT_REPLACEMENT "[31mTuesday" TEXT_REPLACEMENT " at 10\n"
                       "2. Ontario Practice-Ready Assessment\n"
                       "3. A Program Since Closed";
    CHECK_STR(text, want);
    for (const char *p = text; *p; p++)
        CHECK((unsigned char)*p >= 0x20 || *p == '\n');
    free(text);
    if (n >= 2) {
        text = qr_item_text(st, &items[1]);
        CHECK_STR(text, "Ontario Practice-Ready Assessment");
        free(text);
        text = qr_item_text(st, &items[0]);
        CHECK(text && strncmp(text, "Ontario Mentorship Program\n555-0100\n", 36) == 0);
        free(text);
    }
    state_items_destroy(items, n);
    state_destroy(s);
    memory_store_close(&st);
}

UNIT_MAIN(CASE(test_encode_and_draw), CASE(test_sizes), CASE(test_entry_address),
          CASE(test_shortlist_text))
