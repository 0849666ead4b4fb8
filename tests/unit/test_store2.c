/* test_store2.c: what the store keeps of format version 2 (tests/fixtures/cli-v2.json): the
 * format and languages, undated sources, every name of a place and how a typed one resolves,
 * the region closure, contacts, step urls and statuses, translations (stored, and searchable in
 * either language), and how an entry of version 2 is laid out (doc_entry). */
#include "common.h"
#include "doc.h"
#include "entry.h"
#include "handout.h"
#include "i18n.h"
#include "profile.h"
#include "state.h"
#include "query.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

static struct store *st;

static struct store *v2(void)
{
    return shared_store("cli-v2.json", &st);
}

static long long query_int(const char *sql)
{
    sqlite3_stmt *s;
    long long v = -1;
    if (sqlite3_prepare_v2(v2()->db, sql, -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void test_meta(void)
{
    CHECK(text_init_locale()); /* the handout's text is sanitised for a UTF-8 terminal */
    char *format = store_meta(v2(), "format"), *langs = store_meta(v2(), "languages");
    char *schema = store_meta(v2(), "schema");
    CHECK_STR(format, "2");
    CHECK_STR(langs, "en,fr");
    CHECK_INT(atoi(schema ? schema : "0"), STORE_SCHEMA_VERSION);
    CHECK_INT(STORE_SCHEMA_VERSION, 16);
    free(format);
    free(langs);
    free(schema);
    /* A version 1 file says so too. */
    struct store *one = NULL;
    CHECK(memory_store("cli-deep.json", &one));
    char *f1 = one ? store_meta(one, "format") : NULL;
    CHECK_STR(f1, "1");
    free(f1);
    store_destroy(one);
}

static void test_sources(void)
{
    struct vocab_item it;
    CHECK_INT(vocab_get(v2(), VOCAB_SOURCE, "src-undated", &it, NULL), 0);
    CHECK(it.undated);
    CHECK_STR(it.as_of, "2026-11-21");
    vocab_item_finish(&it);
    CHECK_INT(vocab_get(v2(), VOCAB_SOURCE, "src", &it, NULL), 0);
    CHECK(!it.undated);
    vocab_item_finish(&it);
    /* The source's translated title is kept. */
    CHECK_INT(query_int("SELECT count(*) FROM vocab_tr WHERE tbl = 'source' AND id = 'src-fr'"
                        " AND lang = 'fr' AND key = 'title'"),
              1);
    CHECK_INT(query_int("SELECT count(*) FROM vocab_tr WHERE tbl = 'dataset' AND lang = 'fr'"), 1);
}

static void check_resolve(const char *typed, const char *want_id, const char *want_suggest)
{
    char *suggest = NULL;
    char *id = vocab_resolve_region(v2(), typed, &suggest, NULL);
    if (want_id)
        CHECK_STR(id, want_id);
    else
        CHECK(id == NULL);
    if (want_suggest)
        CHECK_STR(suggest, want_suggest);
    else
        CHECK(suggest == NULL);
    free(id);
    free(suggest);
}

static void test_places(void)
{
    /* A name, an alias, a name in French; case and accents ignored. */
    check_resolve("quebec-city", "quebec-city", NULL);
    check_resolve("Quebec City", "quebec-city", NULL);
    check_resolve("VILLE DE QUEBEC", "quebec-city", NULL);
    check_resolve("sudbury", "greater-sudbury", NULL);
    check_resolve("Grand Sudbury", "greater-sudbury", NULL);
    check_resolve("st. catharines", "niagara-region", NULL);
    /* Two places named "Québec": the wider one. An alias never beats a name. */
    check_resolve("québec", "quebec", NULL);
    check_resolve("Quebec", "quebec", NULL);
    /* Unknown: the nearest name or alias, as it is written. */
    check_resolve("niagra", NULL, "Niagara");
    check_resolve("sudbry", NULL, "Sudbury");
    check_resolve("quebec cty", NULL, "Quebec City");
    check_resolve("sud", NULL, "Sudbury");
    check_resolve("zzzzzzzz", NULL, NULL);
}

static void test_region_list_names(void)
{
    struct vocab_list l;
    CHECK_INT(vocab_list(v2(), VOCAB_REGION, &l, NULL), 0);
    const struct vocab_item *city = NULL, *canada = NULL;
    for (size_t i = 0; i < l.n; i++) {
        if (strcmp(l.v[i].id, "quebec-city") == 0)
            city = &l.v[i];
        if (strcmp(l.v[i].id, "canada") == 0)
            canada = &l.v[i];
    }
    CHECK(city && canada);
    if (city && canada) {
        CHECK_STR(city->also, "Quebec City\nVille de Québec");
        CHECK(canada->also == NULL);
        CHECK(vocab_region_has(city, "ville de quebec"));
        CHECK(vocab_region_has(city, "city"));
        CHECK(!vocab_region_has(city, "sudbury"));
        char *fold = vocab_region_fold(city);
        CHECK_STR(fold, "quebec\nquebec city\nville de quebec");
        free(fold);
    }
    vocab_list_finish(&l);
    struct vocab_item it;
    CHECK_INT(vocab_get(v2(), VOCAB_REGION, "greater-sudbury", &it, NULL), 0);
    CHECK_STR(it.also, "Sudbury\nGrand Sudbury");
    CHECK_INT(it.depth, 2);
    vocab_item_finish(&it);
}

/* D2: one closure row for each region and each of its ancestors, and itself. */
static void test_closure(void)
{
    CHECK_INT(query_int("SELECT count(*) FROM region_closure"),
              query_int("SELECT sum(depth + 1) FROM region"));
    CHECK_INT(query_int("SELECT count(*) FROM region_closure WHERE descendant = 'greater-sudbury'"),
              3);
    CHECK_INT(query_int("SELECT dist FROM region_closure WHERE ancestor = 'canada'"
                        " AND descendant = 'quebec-city'"),
              2);
    CHECK_INT(query_int("SELECT depth FROM region WHERE id = 'canada'"), 0);
}

static void test_entry_fields(void)
{
    struct entry *e = entry_get(v2(), "qc-office", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    CHECK_INT(e->format, 2);
    CHECK_STR(e->address, "1075 chemin Sainte-Foy, Québec");
    CHECK(e->contact_note == NULL);
    CHECK(entry_has_contact(e));
    CHECK(e->source_undated);
    CHECK_STR(e->status, "active");
    CHECK_INT(e->delivery.n, 0);
    CHECK_STR(entry_tr_text(e, "fr", "name"), "Bureau des diplômés internationaux");
    CHECK_STR(entry_tr_text(e, "fr", "source"), "src-fr");
    CHECK(entry_tr_text(e, "de", "name") == NULL);
    CHECK(entry_tr_text(e, "fr", "cost") == NULL);
    CHECK(entry_support_halt(e->kind, e->status) == NULL);
    entry_destroy(e);
    /* The French name's sort key is kept beside it. */
    CHECK_INT(query_int("SELECT count(*) FROM entry_tr WHERE key = 'name' AND lang = 'fr'"
                        " AND extra = 'bureau des diplomes internationaux'"),
              1);
    e = entry_get(v2(), "qc-permit", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    CHECK_INT(e->steps.n, 2);
    if (e->steps.n == 2) {
        CHECK(e->steps.v[0].url &&
              strncmp(e->steps.v[0].url, "https://example.org/qc-office/", 30) == 0);
        CHECK(e->steps.v[1].url == NULL);
    }
    CHECK_STR(e->website, "https://example.org/permits");
    CHECK_STR(e->contact_note, "Ask the office about places.");
    /* A step translated in part: its title, and the second's title and detail. */
    size_t steps = 0;
    for (size_t i = 0; i < e->n_tr; i++)
        if (strcmp(e->tr[i].key, "steps") == 0) {
            steps++;
            if (e->tr[i].pos == 1)
                CHECK_STR(e->tr[i].extra, "Trois mois.");
        }
    CHECK_INT(steps, 2);
    entry_destroy(e);
    e = entry_get(v2(), "old-circle", 0, NULL);
    if (e) {
        CHECK_STR(entry_support_halt(e->kind, e->status), "inactive");
        entry_destroy(e);
    }
    CHECK_STR(entry_support_halt("program", "closed"), "closed");
    CHECK(entry_support_halt("pathway", "closed") == NULL);
    CHECK(entry_support_halt("group", NULL) == NULL);
}

/* The ids a search gives, comma-separated, in order. */
static char *search(const char *words)
{
    struct query q = {.text = words};
    struct page p;
    struct sb b = {0};
    if (query_page(v2(), &q, 0, 100, &p, NULL) != 0)
        return xstrdup("ERROR");
    for (size_t i = 0; i < p.n; i++)
        sb_addf(&b, "%s%s", i ? "," : "", p.rows[i].id);
    query_page_finish(&p);
    return sb_take(&b);
}

static void test_search_languages(void)
{
    static const struct {
        const char *words, *ids;
    } cases[] = {
            {"diplomés", "qc-office"},              /* the French name */
            {"DIPLOMES ETRANGER", "qc-office"},     /* the French summary, accents ignored */
            {"conseils permis", "qc-office"},       /* the French offers */
            {"inscrire", "qc-permit"},              /* a French step */
            {"evaluation trois", "qc-permit"},      /* a French step's title and detail */
            {"restrictive", "qc-permit,qc-office"}, /* English still; the name first */
            {"diplomes restrictive", "qc-office"},  /* one word from each language */
            {"quiet", "quiet-network"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = search(cases[i].words);
        if (strcmp(got, cases[i].ids) != 0)
            fprintf(stderr, "  search \"%s\"\n", cases[i].words);
        CHECK_STR(got, cases[i].ids);
        free(got);
    }
}

static const char *field_text(const struct doc *d, const char *label)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].style == DOC_FIELD && d->v[i].label && strcmp(d->v[i].label, label) == 0)
            return d->v[i].text;
    return NULL;
}

static void test_doc(void)
{
    struct entry *e = entry_get(v2(), "qc-office", 0, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    struct doc *d = doc_entry(e);
    CHECK_STR(d->v[0].text, "Quebec IMG Office");
    CHECK_INT(d->v[1].style, DOC_FIELD);
    CHECK_STR(d->v[1].label, "En français");
    CHECK_STR(d->v[1].text, "Bureau des diplômés internationaux");
    CHECK_STR(field_text(d, "How"), "not stated");
    CHECK_STR(field_text(d, "Status"), "active");
    CHECK_STR(field_text(d, "Seen"), "2026-11-21 (the page is undated)");
    CHECK(field_text(d, "As of") == NULL);
    CHECK(field_text(d, "Contact") == NULL);
    CHECK_STR(d->v[d->n - 1].text, "This information is from a page seen 2026-11-21 (the page is "
                                   "undated). Check it with the organisation before you rely on "
                                   "it.");
    char *as_of = doc_as_of(e);
    CHECK_STR(as_of, "seen 2026-11-21 (the page is undated)");
    free(as_of);
    doc_destroy(d);
    entry_destroy(e);

    e = entry_get(v2(), "quiet-network", 0, NULL);
    if (!e)
        return;
    d = doc_entry(e);
    CHECK_STR(field_text(d, "Contact"), "no public contact found (as of 2026-10)");
    CHECK_STR(field_text(d, "As of"), "2026-10");
    CHECK(field_text(d, "En français") == NULL);
    doc_destroy(d);
    entry_destroy(e);

    /* A step's url: a line of its own, whole however narrow the text. */
    e = entry_get(v2(), "qc-permit", 0, NULL);
    if (!e)
        return;
    d = doc_entry(e);
    size_t url = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].style == DOC_URL) {
            url = i;
            CHECK_INT(d->v[i - 1].style, DOC_STEP);
            CHECK_INT(d->v[i].number, 5);
        }
    CHECK(url > 0);
    char *plain = doc_plain(d, 30);
    char *want = xasprintf("\n     %s\n", e->steps.v[0].url);
    CHECK(strstr(plain, want) != NULL);
    free(want);
    free(plain);
    /* A pathway with no contact says nothing of one. */
    doc_destroy(d);
    entry_destroy(e);
    e = entry_get(v2(), "on-alt", 0, NULL);
    if (!e)
        return;
    d = doc_entry(e);
    CHECK(field_text(d, "Contact") == NULL);
    CHECK(field_text(d, "How") == NULL);
    doc_destroy(d);
    entry_destroy(e);
}

/* A version 1 dataset never claims a contact was looked for, nor a delivery missing. */
static void test_doc_v1(void)
{
    struct store *one = NULL;
    CHECK(memory_store("cli-deep.json", &one));
    if (!one)
        return;
    struct entry *e = entry_get(one, "mtl-exam", 0, NULL);
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->format, 1);
        struct doc *d = doc_entry(e);
        CHECK(field_text(d, "Contact") == NULL);
        CHECK(field_text(d, "As of") != NULL);
        CHECK(field_text(d, "Seen") == NULL);
        doc_destroy(d);
        entry_destroy(e);
    }
    store_destroy(one);
}

/* The handout says what the detail says: when an undated page was seen, that no contact was found,
 * a support's contact note and address, and that a support is inactive. */
static void test_handout(void)
{
    struct state *s = NULL;
    CHECK_INT(state_open(NULL, &s, NULL), 0);
    if (!s)
        return;
    state_add(s, "qc-office", "support", "Quebec IMG Office", NULL);
    state_add(s, "quiet-network", "support", "Niagara Quiet Network", NULL);
    state_add(s, "old-circle", "support", "Ontario Old Circle", NULL);
    struct doc *d = handout_doc(v2(), s, NULL, "2026-12-01");
    char *text = handout_render(d, HANDOUT_TEXT);
    CHECK(strstr(text, "Seen: 2026-11-21 (the page is undated); confirm with the organisation") !=
          NULL);
    CHECK(strstr(text, "Address: 1075 chemin Sainte-Foy, Québec") != NULL);
    CHECK(strstr(text, "Contact: no public contact found (as of 2026-10)") != NULL);
    CHECK(strstr(text, "As of: 2026-10; confirm with the organisation") != NULL);
    CHECK(strstr(text, "a group · Ontario · inactive") != NULL);
    CHECK(strstr(text, "How to reach it: Through its host's website") != NULL);
    free(text);
    doc_destroy(d);
    state_destroy(s);
}

/* A pathway whose next step already gives its whole contact has no Contact line saying it again;
 * one whose step goes elsewhere keeps its Contact line. */
static void test_handout_contact_once(void)
{
    struct store *m2 = NULL;
    CHECK(memory_store("unit-match2.json", &m2));
    if (!m2)
        return;
    struct profile p;
    profile_init(&p);
    snprintf(p.region, sizeof p.region, "toronto");
    snprintf(p.exams[p.n_exams++], sizeof p.exams[0], "mccqe1");
    p.exams_known = true;
    p.language_test = 1;
    struct doc *d = handout_doc(m2, NULL, &p, "2026-12-02");
    char *text = handout_render(d, HANDOUT_TEXT);
    /* bravo: its one contact, a phone, is in its next step, once. */
    static const char step[] = "Find a sponsor; ask the program office: 555-0100";
    const char *bravo = strstr(text, step);
    CHECK(bravo != NULL);
    CHECK(bravo && strstr(bravo + strlen(step), "555-0100") == NULL);
    /* ont-only: the step's address is not its contact, which follows. */
    const char *ont = strstr(text, "Apply to the Ontario route:");
    CHECK(ont != NULL);
    CHECK(ont && strstr(ont, "Contact: https://example.org/ontario ; route@example.org") != NULL);
    free(text);
    doc_destroy(d);
    memory_store_close(&m2);
}

/* The handout in French: its words, the dataset's French, French dates, the translated mark
 * on none of these (their French names a French page or there is none). */
/* Whether a line of d (its label, when label is not NULL, and its text) holds text. */
static bool doc_says(const struct doc *d, const char *label, const char *text)
{
    for (size_t i = 0; i < d->n; i++)
        if ((!label || (d->v[i].label && strcmp(d->v[i].label, label) == 0)) &&
            strstr(d->v[i].text, text))
            return true;
    return false;
}

static void test_handout_fr(void)
{
    i18n_init("fr");
    if (!i18n_french()) {
        printf("skip: no French UTF-8 locale is installed (setup.sh generates fr_CA.UTF-8)\n");
        return;
    }
    struct state *s = NULL;
    CHECK_INT(state_open(NULL, &s, NULL), 0);
    if (!s)
        return;
    state_add(s, "qc-office", "support", "Quebec IMG Office", NULL);
    state_set_note(s, "qc-office", "support", "à appeler", NULL);
    state_add(s, "old-circle", "support", "Ontario Old Circle", NULL);
    struct doc *d = handout_doc(v2(), s, NULL, "2026-12-01");
    CHECK(doc_says(d, NULL, "Feuillet itpnav, 1er décembre 2026"));
    /* The dataset's French title (the fixture's own typography), its date by its precision. */
    CHECK(doc_says(d, NULL, "Tiré de «" I18N_NBSP "Jeu d'essai"));
    CHECK(doc_says(d, NULL,
                   "version 2 du format" I18N_NBSP "», données en date de décembre 2026. Les "
                   "programmes et les règles changent" I18N_NBSP ": confirmez"));
    CHECK(doc_says(d, NULL, "Votre sélection"));
    CHECK(doc_says(d, NULL, "1. Bureau des diplômés internationaux"));
    CHECK(doc_says(d, "Votre note", "à appeler"));
    CHECK(doc_says(d, "Consulté",
                   "21 novembre 2026 (page non datée)" I18N_NBSP
                   "; à confirmer auprès de l’organisme"));
    CHECK(doc_says(d, "Date", "septembre 2021" I18N_NBSP "; à confirmer"));
    CHECK(doc_says(d, "De quoi il s’agit", "un groupe · Ontario · inactive"));
    CHECK(!doc_says(d, NULL, "Traduit de l’anglais"));
    CHECK(!doc_says(d, NULL, "Your shortlist"));
    /* The labels take French's space before the colon. */
    char *text = handout_render(d, HANDOUT_TEXT);
    CHECK(strstr(text, "Votre note" I18N_NBSP ": à appeler") != NULL);
    free(text);
    doc_destroy(d);
    state_destroy(s);
    CHECK(i18n_set_lang("en"));
    /* And back in English, as it always was. */
    d = handout_doc(v2(), NULL, NULL, "2026-12-01");
    CHECK(doc_says(d, NULL, "itpnav handout, 2026-12-01"));
    CHECK(doc_says(d, NULL, "data as of 2026-12. Programs and rules change"));
    doc_destroy(d);
}

static void test_finish(void)
{
    memory_store_close(&st);
    CHECK(st == NULL);
}

UNIT_MAIN(CASE(test_meta), CASE(test_sources), CASE(test_places), CASE(test_region_list_names),
          CASE(test_closure), CASE(test_entry_fields), CASE(test_search_languages), CASE(test_doc),
          CASE(test_doc_v1), CASE(test_handout), CASE(test_handout_fr),
          CASE(test_handout_contact_once), CASE(test_finish))
