/* test_doc.c: an entry laid out as lines (doc_entry) and as plain wrapped text (doc_plain):
 * the fields, the source and as-of line, wrapping to a width, and no control character out. */
#include "common.h"
#include "doc.h"
#include "entry.h"
#include "query.h"
#include "text.h"
#include "util.h"

static struct store *st;

static struct store *deep(void)
{
    return shared_store("unit-deep.json", &st);
}

/* The first line of d with this style (and label, when given), or NULL. */
static const struct doc_line *line_of(const struct doc *d, enum doc_style style, const char *label)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].style == style &&
            (!label || (d->v[i].label && strcmp(d->v[i].label, label) == 0)))
            return &d->v[i];
    return NULL;
}

static const char *field_text(const struct doc *d, const char *label)
{
    const struct doc_line *l = line_of(d, DOC_FIELD, label);
    return l ? l->text : NULL;
}

/* The widest line of text (in display columns) and the number of lines. */
static int widest(const char *text, size_t *lines, char *worst, size_t worst_n)
{
    int max = 0;
    size_t n = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *one = xmalloc(len + 1);
        memcpy(one, p, len);
        one[len] = '\0';
        int w = text_width(one);
        /* A web address longer than a line has a line of its own, whole (doc_plain never cuts
         * one): the only kind of line allowed to be wider. */
        const char *word = one + strspn(one, " ");
        if (!strchr(word, ' ') && text_has_url(word, strlen(word)))
            w = 0;
        if (w > max) {
            max = w;
            if (worst)
                snprintf(worst, worst_n, "%s", one);
        }
        free(one);
        n++;
        p += len + (nl ? 1 : 0);
    }
    if (lines)
        *lines = n;
    return max;
}

static void test_locale(void)
{
    /* Widths of non-ASCII text need a UTF-8 locale. */
    CHECK(text_init_locale());
    CHECK_INT(text_width("Montréal"), 8);
}

static void test_support_lines(void)
{
    struct entry *e = entry_get(deep(), "ontario-mentors", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    struct doc *d = doc_entry(e);
    CHECK(d->n > 10);
    CHECK_INT(d->v[0].style, DOC_TITLE);
    CHECK_STR(d->v[0].text, "Ontario Mentorship Program");
    CHECK_STR(field_text(d, "Kind"), "a program · OMP");
    CHECK_STR(field_text(d, "Host"), "Provincial Physicians Agency");
    CHECK_STR(field_text(d, "Where"), "Ontario");
    CHECK_STR(field_text(d, "Location"), "Ontario-wide (Toronto-based)");
    CHECK_STR(field_text(d, "How"), "hybrid");
    CHECK_STR(field_text(d, "Size"), "~300 participants (about 300 participants)");
    CHECK_STR(field_text(d, "Cost"), "free");
    CHECK_STR(field_text(d, "Goals"), "Residency");
    CHECK_STR(field_text(d, "Services"), "Mentorship");
    CHECK_STR(field_text(d, "Website"), "https://example.org/omp");
    CHECK_STR(field_text(d, "Email"), "omp@example.org");
    CHECK_STR(field_text(d, "Phone"), "555-0100");
    CHECK_STR(field_text(d, "From"), "Deep Source Report");
    CHECK_STR(field_text(d, "Publisher"), "Example Publisher");
    CHECK_STR(field_text(d, "Address"), "https://example.org/report");
    CHECK_STR(field_text(d, "As of"), "2024-05");
    CHECK_STR(field_text(d, "Verified"), "2024-06-01");
    CHECK(field_text(d, "Status") == NULL);
    const struct doc_line *sum = line_of(d, DOC_TEXT, NULL);
    CHECK(sum && strcmp(sum->text, "Pairs newly arrived physicians with practising doctors.") == 0);
    const struct doc_line *b = line_of(d, DOC_BULLET, NULL);
    CHECK(b && strcmp(b->text, "One-to-one pairing") == 0);
    /* The pathway it helps with is linked. */
    const struct doc_line *link = line_of(d, DOC_LINK, NULL);
    CHECK(link != NULL);
    if (link) {
        CHECK_STR(link->target, "ont-pra");
        CHECK_STR(link->text, "Ontario Practice-Ready Assessment");
    }
    /* The last line says when the facts are from: verified beats as_of. */
    CHECK_INT(d->v[d->n - 1].style, DOC_NOTE);
    CHECK_STR(d->v[d->n - 1].text, "This information is as of 2024-06-01. Check it with the "
                                   "organisation before you rely on it.");
    doc_destroy(d);
    entry_destroy(e);
}

/* How it is delivered: in the vocabulary's order (online first), in words ("in person"), whatever
 * the order in the dataset. */
static void test_delivery_words(void)
{
    struct entry *e = entry_get(deep(), "kingston-hub", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    CHECK_INT(e->delivery.n, 2);
    struct doc *d = doc_entry(e);
    CHECK_STR(field_text(d, "How"), "online, in person");
    doc_destroy(d);
    entry_destroy(e);
}

static void test_pathway_lines(void)
{
    struct entry *e = entry_get(deep(), "ont-pra", KIND_PATHWAY, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    struct doc *d = doc_entry(e);
    CHECK_STR(field_text(d, "Kind"), "a pathway");
    CHECK_STR(field_text(d, "Status"), "limited: exists, with few places");
    CHECK_STR(field_text(d, "Leads to"), "Practice-ready assessment");
    CHECK_STR(field_text(d, "Assessment page"), "https://example.org/pra");
    CHECK(field_text(d, "Goals") == NULL);
    size_t steps = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->v[i].style != DOC_STEP)
            continue;
        steps++;
        CHECK_INT(d->v[i].number, (int)steps);
        if (steps == 1) {
            CHECK_STR(d->v[i].text, "Pass the qualifying exam");
            CHECK_STR(d->v[i].detail, "Write the MCCQE1 first.");
        } else {
            CHECK_STR(d->v[i].text, "Apply to the assessment");
            CHECK(d->v[i].detail == NULL);
        }
    }
    CHECK_INT(steps, 2);
    const struct doc_line *link = line_of(d, DOC_LINK, NULL);
    CHECK(link && strcmp(link->target, "ontario-mentors") == 0);
    CHECK_STR(d->v[d->n - 1].text, "This information is as of 2024-05. Check it with the "
                                   "organisation before you rely on it.");
    char *plain = doc_plain(d, 200);
    CHECK(strstr(plain, "Ontario Practice-Ready Assessment\n=================================\n") ==
          plain);
    CHECK(strstr(plain, "\nSteps\n") != NULL);
    CHECK(strstr(plain, "  1. Pass the qualifying exam\n     Write the MCCQE1 first.\n  2. Apply "
                        "to the assessment\n") != NULL);
    CHECK(strstr(plain, "  -> Ontario Mentorship Program (helps with this pathway; itpnav show "
                        "ontario-mentors)\n") != NULL);
    CHECK(strstr(plain, "\nWhat advocates ask for\nMore assessment places.\n") != NULL);
    free(plain);
    doc_destroy(d);
    entry_destroy(e);
}

static void test_part_of_link(void)
{
    struct entry *e = entry_get(deep(), "niagara-circle", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    struct doc *d = doc_entry(e);
    const struct doc_line *link = line_of(d, DOC_LINK, NULL);
    CHECK(link != NULL);
    if (link) {
        CHECK_STR(link->target, "canada-net");
        CHECK_STR(link->text, "Canadian ITP Network");
        CHECK_STR(link->detail, "it is part of this");
    }
    doc_destroy(d);
    entry_destroy(e);
    /* And the other way round. */
    e = entry_get(deep(), "canada-net", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    d = doc_entry(e);
    link = line_of(d, DOC_LINK, NULL);
    CHECK(link && strcmp(link->target, "niagara-circle") == 0 &&
          strcmp(link->detail, "part of it") == 0);
    doc_destroy(d);
    entry_destroy(e);
}

static void test_plain_source_and_as_of(void)
{
    static const char *const ids[] = {"ontario-mentors", "stc-club", "canada-residency",
                                      "quebec-alt", "bridge"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        struct entry *e = entry_get(deep(), ids[i], 0, NULL);
        CHECK(e != NULL);
        if (!e)
            continue;
        struct doc *d = doc_entry(e);
        char *plain = doc_plain(d, 72);
        CHECK(strstr(plain, "Deep Source Report") != NULL);
        CHECK(strstr(plain, "This information is as of ") != NULL);
        CHECK(strstr(plain, "From: Deep Source Report\n") != NULL);
        /* The entry's name comes first, underlined. */
        CHECK(strncmp(plain, e->name, strlen(e->name)) == 0);
        free(plain);
        doc_destroy(d);
        entry_destroy(e);
    }
}

/* doc_plain of d at width: no line wider than width. */
static void check_wrapped(const struct doc *d, int width, size_t min_lines, const char *what)
{
    char *plain = doc_plain(d, width);
    char worst[512] = "";
    size_t lines = 0;
    int w = widest(plain, &lines, worst, sizeof worst);
    if (w > width)
        fprintf(stderr, "  %s at width %d: a line of %d columns: \"%s\"\n", what, width, w, worst);
    CHECK(w <= width);
    CHECK(lines >= min_lines);
    free(plain);
}

static void test_plain_wraps(void)
{
    /* Long text in every kind of line: title, field, text, bullet, step, link.
     * Regression (fixed): fails through the field-label bug of test_plain_wraps_field_labels
     * ("Host: ", "Location: ", "Website: ", "Address: " and link titles make first lines too wide).
     */
    CHECK(exec_sql(deep()->db,
                   "UPDATE entry SET summary = 'Pairs newly arrived physicians with practising "
                   "doctors across the province, meeting every month in person or online, with "
                   "a pairing that lasts a full year and a review at the end of it.',"
                   " host = 'The Provincial Physicians Agency of the Province of Ontario and its "
                   "Partners in Health Care Delivery' WHERE id = 'ontario-mentors';"
                   "UPDATE entry_item SET lists = json_replace(lists, '$.offers[1]', 'Monthly "
                   "seminars on licensure, exams, residency applications, interviews and "
                   "alternative careers in health');"));
    static const int widths[] = {80, 72, 60, 40, 30, 24};
    static const char *const ids[] = {"ontario-mentors", "ont-pra", "niagara-circle"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        struct entry *e = entry_get(deep(), ids[k], 0, NULL);
        CHECK(e != NULL);
        if (!e)
            continue;
        if (k == 0) /* the long offer is the one the lists now hold */
            CHECK(e->offers.n == 2 &&
                  strstr(e->offers.v[1].text, "alternative careers in health") != NULL);
        struct doc *d = doc_entry(e);
        for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
            check_wrapped(d, widths[i], 10, ids[k]);
        doc_destroy(d);
        entry_destroy(e);
    }
}

/* A web address is never cut: one that fits after its label stays there; one that does not
 * starts the next line, whole, even when it is wider than the width. */
static void test_plain_keeps_urls_whole(void)
{
    const char *url = "https://example.org/a/very/long/path/that/goes/on/and/on/for/more/than/"
                      "eighty/columns/index.html";
    struct doc d = {0};
    doc_add(&d, DOC_FIELD, "Website", "https://example.org/", NULL, NULL, 0);
    doc_add(&d, DOC_FIELD, "Address", url, NULL, NULL, 0);
    doc_add(&d, DOC_TEXT, NULL,
            "See https://example.org/a/very/long/path/that/goes/on/and/on/"
            "for/more/than/eighty/columns/index.html for the rules.",
            NULL, NULL, 0);
    char *plain = doc_plain(&d, 60);
    CHECK(strstr(plain, "Website: https://example.org/\n") != NULL);
    char *line = xasprintf("Address:\n  %s\n", url);
    CHECK(strstr(plain, line) != NULL);
    free(line);
    line = xasprintf("See\n%s\nfor the rules.\n", url);
    CHECK(strstr(plain, line) != NULL);
    free(line);
    free(plain);
    /* In Markdown an address is an autolink, whole and unescaped, its sentence's full stop
     * after it. */
    doc_add(&d, DOC_TEXT, NULL, "Read https://example.org/a_b*c.html.", NULL, NULL, 0);
    char *md = doc_markdown(&d);
    CHECK(strstr(md, "Read <https://example.org/a_b*c.html>.") != NULL);
    CHECK(strstr(md, "- **Website:** <https://example.org/>") != NULL);
    free(md);
    doc_finish(&d);
}

static void test_plain_wraps_field_labels(void)
{
    /* A field's label and its text share the first line: together they fit the width.
     * Regression (fixed): doc_plain's DOC_FIELD wraps the text to width - 2 (the indent of the
     * lines after the first) but puts "Label: " before the first line, so a first line is up to
     * strlen(label) columns too wide: "Publisher: " + 38 columns at width 40. */
    struct doc d = {0};
    doc_add(&d, DOC_FIELD, "Publisher",
            "Internationally Trained Physicians Access Coalition (ITPAC) of Ontario", NULL, NULL,
            0);
    doc_add(&d, DOC_FIELD, "Location", "Ontario-wide, with offices in Toronto and Ottawa", NULL,
            NULL, 0);
    check_wrapped(&d, 40, 4, "fields");
    char *plain = doc_plain(&d, 40);
    /* Every word is still there. */
    CHECK(strstr(plain, "Publisher: ") == plain);
    CHECK(strstr(plain, "(ITPAC)") != NULL);
    CHECK(strstr(plain, "Ottawa") != NULL);
    free(plain);
    doc_finish(&d);
    CHECK_INT(d.n, 0);
}

static void test_plain_wraps_title(void)
{
    /* Regression (fixed): doc_plain writes a DOC_TITLE on one line without wrapping it (only its
     * underline is cut to the width), so a name longer than the width makes a line wider
     * than the width. */
    struct doc d = {0};
    doc_add(&d, DOC_TITLE, NULL, "Internationally Trained Medical Doctors Canada Network", NULL,
            NULL, 0);
    check_wrapped(&d, 30, 3, "title");
    doc_finish(&d);
}

static void test_plain_sanitises(void)
{
    /* Control characters put straight into the store (as a tampered database could hold) never
     * reach the output: ESC, CSI (C1), BEL, DEL, a bidi override. */
    CHECK(exec_sql(deep()->db,
                   "UPDATE entry SET name = 'Evil' || char(27) || '[2J name',"
                   " summary = 'Sum' || char(27) || ']0;title' || char(7) || ' and ' ||"
                   " char(155) || '31m red' || char(127) || ' ' || char(8238) || 'desrever',"
                   " host = 'Host' || char(27) || 'c', acronym = 'A' || char(27) || 'B',"
                   " location = 'Loc' || char(13) || 'ation', cost = 'free' || char(27) || '[0m'"
                   " WHERE id = 'stc-club';"
                   "UPDATE entry SET eligibility = 'Open' || char(27) || '[5m to newcomers'"
                   " WHERE id = 'stc-club';"
                   "UPDATE source SET title = 'Deep' || char(27) || '[1m Source Report';"));
    struct entry *e = entry_get(deep(), "stc-club", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    struct doc *d = doc_entry(e);
    for (int width = 20; width <= 100; width += 40) {
        char *plain = doc_plain(d, width);
        CHECK(strchr(plain, 0x1b) == NULL);
        CHECK(strchr(plain, 0x07) == NULL);
        CHECK(strchr(plain, 0x7f) == NULL);
        CHECK(strchr(plain, '\r') == NULL);
        CHECK(strstr(plain, "\xC2\x9B") == NULL);     /* U+009B CSI */
        CHECK(strstr(plain, "\xE2\x80\xAE") == NULL); /* U+202E */
        /* Each replaced by U+FFFD, and the text around it kept. */
        CHECK(strstr(plain, "Evil" TEXT_REPLACEMENT "[2J name") != NULL);
        CHECK(strstr(plain, "desrever") != NULL);
        /* Every byte is printable or a newline. */
        bool clean = true;
        for (const unsigned char *p = (const unsigned char *)plain; *p; p++)
            if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
                clean = false;
        CHECK(clean);
        CHECK(text_utf8_valid(plain, strlen(plain), NULL));
        free(plain);
    }
    doc_destroy(d);
    entry_destroy(e);
}

static void test_doc_add(void)
{
    struct doc d = {0};
    doc_add(&d, DOC_TEXT, NULL, NULL, NULL, NULL, 0); /* no text: nothing added */
    CHECK_INT(d.n, 0);
    for (int i = 0; i < 100; i++) {
        char text[16];
        snprintf(text, sizeof text, "line %d", i);
        doc_add(&d, DOC_STEP, "label", text, "detail", "target", i + 1);
    }
    CHECK_INT(d.n, 100);
    CHECK_STR(d.v[0].text, "line 0");
    CHECK_STR(d.v[99].text, "line 99");
    CHECK_INT(d.v[99].number, 100);
    CHECK_STR(d.v[50].label, "label");
    CHECK_STR(d.v[50].detail, "detail");
    CHECK_STR(d.v[50].target, "target");
    char *plain = doc_plain(&d, 40);
    CHECK(strstr(plain, "  100. line 99\n") != NULL);
    free(plain);
    doc_finish(&d);
    CHECK_INT(d.n, 0);
    CHECK(d.v == NULL);
    doc_destroy(NULL);
    /* An empty doc is an empty string. */
    plain = doc_plain(&d, 40);
    CHECK_STR(plain, "");
    free(plain);
}

static void test_entry_get(void)
{
    CHECK(entry_get(deep(), "no-such-entry", 0, NULL) == NULL);
    CHECK(entry_get(deep(), "ont-pra", KIND_SUPPORTS, NULL) == NULL);
    struct entry *e = entry_get(deep(), "bridge", KIND_PROGRAM, NULL);
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->kind, "program");
        CHECK_INT(e->regions.n, 2);
        if (e->regions.n == 2) {
            /* Shallower regions first. */
            CHECK_STR(e->regions.v[0].id, "quebec");
            CHECK_STR(e->regions.v[1].id, "kingston");
        }
        CHECK_INT(e->size_count, -1);
        CHECK(e->part_of.id == NULL);
    }
    entry_destroy(e);
    entry_destroy(NULL);
    CHECK_STR(entry_status_words("available"), "available");
    CHECK_STR(entry_status_words("proposed"), "proposed: asked for, not in place");
    CHECK_STR(entry_status_words("closed"), "closed: not open");
    CHECK(entry_status_words(NULL) == NULL);
}

/* Not there is not an error; a store that cannot answer is one, with its reason, never an entry
 * with parts left out. */
static void test_entry_get_errors(void)
{
    struct err e = {0};
    CHECK(entry_get(deep(), "no-such-entry", 0, &e) == NULL);
    CHECK_INT(e.code, 0);
    struct store *broken;
    if (!memory_store("unit-deep.json", &broken))
        return;
    CHECK(exec_sql(broken->db, "DROP TABLE entry_item"));
    CHECK(entry_get(broken, "ontario-mentors", 0, &e) == NULL);
    CHECK_INT(e.code, EXIT_IOERR);
    CHECK(strstr(e.msg, "no such table: entry_item") != NULL);
    CHECK(entry_get(broken, "ontario-mentors", 0, NULL) == NULL); /* no e: still no half entry */
    memory_store_close(&broken);
}

static void test_finish(void)
{
    memory_store_close(&st);
    CHECK(st == NULL);
}

UNIT_MAIN(CASE(test_locale), CASE(test_support_lines), CASE(test_delivery_words),
          CASE(test_pathway_lines), CASE(test_part_of_link), CASE(test_plain_source_and_as_of),
          CASE(test_plain_wraps), CASE(test_plain_wraps_field_labels),
          CASE(test_plain_keeps_urls_whole), CASE(test_plain_wraps_title),
          CASE(test_plain_sanitises), CASE(test_doc_add), CASE(test_entry_get),
          CASE(test_entry_get_errors), CASE(test_finish))
