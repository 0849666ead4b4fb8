/* test_match.c: the wizard's matching rules one by one (match_judge), then match_run's
 * filtering and ranking of pathways, on tests/fixtures/unit-match.json. */
#include "common.h"
#include "doc.h"
#include "match.h"
#include "util.h"

static struct store *st;

static struct store *db(void)
{
    return shared_store("unit-match.json", &st);
}

/* Judge requires against a; a new match (free with match_destroy(m, 1)). */
static struct match *judge(const char *requires, const struct answers *a)
{
    struct match *m = xcalloc(1, sizeof *m);
    struct err e = {0};
    match_judge(db(), requires, a, m, &e);
    CHECK_INT(e.code, 0);
    return m;
}

/* One rule, one outcome: the verdict, exactly which bit is met/unmet/unknown, and (when given)
 * the one sentence. */
static void expect(const char *requires, const struct answers *a, enum verdict v, unsigned met,
                   unsigned unmet, unsigned unknown, const char *sentence)
{
    struct match *m = judge(requires, a);
    if (m->verdict != v)
        fprintf(stderr, "  %s: verdict %s, want %s\n", requires, match_verdict_name(m->verdict),
                match_verdict_name(v));
    CHECK_INT(m->verdict, v);
    CHECK_INT(m->met, met);
    CHECK_INT(m->unmet, unmet);
    CHECK_INT(m->unknown, unknown);
    CHECK(m->has_requires);
    if (sentence) {
        CHECK_INT(m->n_reasons, 1);
        if (m->n_reasons == 1)
            CHECK_STR(m->reasons[0], sentence);
    }
    match_destroy(m, 1);
}

#define FITS    VERDICT_FITS
#define CHECK_V VERDICT_CHECK
#define NOT_YET VERDICT_NOT_YET

static void test_names(void)
{
    CHECK_STR(match_verdict_name(VERDICT_FITS), "fits");
    CHECK_STR(match_verdict_name(VERDICT_CHECK), "check");
    CHECK_STR(match_verdict_name(VERDICT_NOT_YET), "not-yet");
    CHECK_STR(match_key_name(REQ_STATUS), "status");
    CHECK_STR(match_key_name(REQ_EXAMS), "exams");
    CHECK_STR(match_key_name(REQ_LANGUAGE), "language_test");
    CHECK_STR(match_key_name(REQ_DISCIPLINE), "discipline");
    CHECK_STR(match_key_name(REQ_POSTGRAD), "postgrad_years");
    CHECK_STR(match_key_name(REQ_PRACTICE), "practice_years");
    CHECK_STR(match_key_name(REQ_RECENCY), "practised_within_years");
    CHECK_STR(match_key_name(REQ_RESIDENCE), "residence");
    CHECK_STR(match_key_name(0), "");
    struct answers a;
    match_answers_init(&a);
    CHECK(a.region == NULL && a.status == NULL && a.discipline == NULL);
    CHECK_INT(a.n_goals, 0);
    CHECK_INT(a.n_exams, 0);
    CHECK(!a.exams_known);
    CHECK(a.postgrad_years < 0 && a.practice_years < 0 && a.last_practised < 0);
    CHECK_INT(a.language_test, -1);
}

static void test_status(void)
{
    const char *r = "{\"status\":[\"citizen\",\"permanent-resident\"]}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_STATUS,
           "Open to: Canadian citizen or permanent resident; you have not said your status.");
    a.status = "permanent-resident";
    expect(r, &a, FITS, REQ_STATUS, 0, 0, "Your status (permanent resident) is accepted.");
    a.status = "work-permit";
    expect(r, &a, NOT_YET, 0, REQ_STATUS, 0,
           "Open to: Canadian citizen or permanent resident; you said work permit.");
}

static void test_exams(void)
{
    const char *r = "{\"exams\":[\"mccqe1\",\"nac\"]}";
    struct answers a;
    match_answers_init(&a);
    /* Not answered. */
    expect(r, &a, CHECK_V, 0, 0, REQ_EXAMS, NULL);
    /* All passed. */
    a.exams_known = true;
    a.exams[0] = "nac";
    a.exams[1] = "mccqe1";
    a.n_exams = 2;
    expect(r, &a, FITS, REQ_EXAMS, 0, 0, NULL);
    /* One of two. */
    a.exams[0] = "mccqe1";
    a.n_exams = 1;
    expect(r, &a, NOT_YET, 0, REQ_EXAMS, 0, NULL);
    /* Others only. */
    a.exams[0] = "tdm";
    expect(r, &a, NOT_YET, 0, REQ_EXAMS, 0, NULL);
    /* Answered "none": known, nothing passed, so not yet (not "check"). */
    a.n_exams = 0;
    expect(r, &a, NOT_YET, 0, REQ_EXAMS, 0, NULL);
    /* An empty list is no rule. */
    expect("{\"exams\":[]}", &a, FITS, 0, 0, 0, NULL);
}

static void test_exam_sentences(void)
{
    const char *r = "{\"exams\":[\"mccqe1\",\"nac\"]}";
    struct answers a;
    match_answers_init(&a);
    /* Exam names come from the dataset.
     * Regression (fixed) (see below): this too joins the exams with "or". */
    struct match *m = judge(r, &a);
    CHECK_INT(m->n_reasons, 1);
    if (m->n_reasons == 1)
        CHECK_STR(m->reasons[0], "Needs a pass in: MCCQE Part I and NAC OSCE; you have not said "
                                 "which exams you passed.");
    match_destroy(m, 1);
    a.exams_known = true;
    a.exams[0] = "mccqe1";
    a.n_exams = 1;
    m = judge(r, &a);
    CHECK_INT(m->n_reasons, 1);
    /* Regression (fixed): match_judge joins the exams that must ALL be passed with "or"
     * (name_list), so this says "Needs a pass in all of: MCCQE Part I or NAC OSCE; ..." - the
     * comment in the code notices, but the list is still built with " or ". Want "and". */
    if (m->n_reasons == 1)
        CHECK_STR(m->reasons[0], "Needs a pass in all of: MCCQE Part I and NAC OSCE; not yet "
                                 "passed: NAC OSCE.");
    match_destroy(m, 1);
    a.exams[1] = "nac";
    a.n_exams = 2;
    m = judge(r, &a);
    /* Regression (fixed) (same): "You have passed MCCQE Part I or NAC OSCE." when both are passed.
     */
    if (m->n_reasons == 1)
        CHECK_STR(m->reasons[0], "You have passed MCCQE Part I and NAC OSCE.");
    match_destroy(m, 1);
}

static void test_language(void)
{
    const char *r = "{\"language_test\":true}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_LANGUAGE,
           "Needs an accepted English or French language test result; you have not said whether "
           "you have one.");
    a.language_test = 1;
    expect(r, &a, FITS, REQ_LANGUAGE, 0, 0, "You have an English or French language test result.");
    a.language_test = 0;
    expect(r, &a, NOT_YET, 0, REQ_LANGUAGE, 0,
           "Needs an accepted English or French language test result.");
    /* false: no test needed, so nothing to judge; a stated rule that is satisfied. */
    expect("{\"language_test\":false}", &a, FITS, 0, 0, 0, NULL);
}

static void test_discipline(void)
{
    const char *r = "{\"discipline\":[\"family-medicine\"]}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_DISCIPLINE,
           "For family medicine; you have not said your discipline.");
    a.discipline = "family-medicine";
    expect(r, &a, FITS, REQ_DISCIPLINE, 0, 0, "It is for family medicine, your discipline.");
    a.discipline = "specialty";
    expect(r, &a, NOT_YET, 0, REQ_DISCIPLINE, 0,
           "For family medicine only; you said another specialty.");
}

static void test_postgrad_years(void)
{
    const char *r = "{\"postgrad_years\":2}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_POSTGRAD,
           "Needs at least 2 years of postgraduate (residency) training; you have not said how "
           "many.");
    a.postgrad_years = 2; /* exactly enough */
    expect(r, &a, FITS, REQ_POSTGRAD, 0, 0,
           "You have 2 years of postgraduate (residency) training; it needs at least 2 years.");
    a.postgrad_years = 1.5;
    expect(r, &a, NOT_YET, 0, REQ_POSTGRAD, 0,
           "Needs at least 2 years of postgraduate (residency) training; you have 1.5 years.");
    a.postgrad_years = 0;
    expect(r, &a, NOT_YET, 0, REQ_POSTGRAD, 0, NULL);
    a.postgrad_years = 1;
    expect("{\"postgrad_years\":1}", &a, FITS, REQ_POSTGRAD, 0, 0,
           "You have 1 year of postgraduate (residency) training; it needs at least 1 year.");
}

static void test_practice_years(void)
{
    const char *r = "{\"practice_years\":3}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_PRACTICE, NULL);
    a.practice_years = 10;
    expect(r, &a, FITS, REQ_PRACTICE, 0, 0,
           "You have 10 years of independent practice; it needs at least 3 years.");
    a.practice_years = 2;
    expect(r, &a, NOT_YET, 0, REQ_PRACTICE, 0,
           "Needs at least 3 years of independent practice; you have 2 years.");
}

static void test_recency(void)
{
    const char *r = "{\"practised_within_years\":5}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_RECENCY,
           "Needs independent practice within the last 5 years; you have not said when you last "
           "practised.");
    a.last_practised = 5; /* the edge counts */
    expect(r, &a, FITS, REQ_RECENCY, 0, 0,
           "You practised 5 years ago, within the 5 years it asks.");
    a.last_practised = 0;
    expect(r, &a, FITS, REQ_RECENCY, 0, 0, NULL);
    a.last_practised = 6;
    expect(r, &a, NOT_YET, 0, REQ_RECENCY, 0,
           "Needs practice within the last 5 years; you last practised 6 years ago.");
}

static void test_residence(void)
{
    const char *r = "{\"residence\":[\"ontario\"]}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_RESIDENCE,
           "You must live in Ontario; you have not said where you live.");
    a.region = "ontario";
    expect(r, &a, FITS, REQ_RESIDENCE, 0, 0, "You live in Ontario, as it asks.");
    /* A city inside the province counts. */
    a.region = "toronto";
    expect(r, &a, FITS, REQ_RESIDENCE, 0, 0, "You live in Ontario, as it asks.");
    a.region = "quebec";
    expect(r, &a, NOT_YET, 0, REQ_RESIDENCE, 0, "You must live in Ontario.");
    /* Any of several. */
    a.region = "quebec";
    expect("{\"residence\":[\"toronto\",\"quebec\"]}", &a, FITS, REQ_RESIDENCE, 0, 0,
           "You live in Toronto or Québec, as it asks.");
}

static void test_combined(void)
{
    const char *r = "{\"status\":[\"citizen\"],\"exams\":[\"mccqe1\"],\"language_test\":true,"
                    "\"discipline\":[\"specialty\"],\"postgrad_years\":2,\"practice_years\":1,"
                    "\"practised_within_years\":3,\"residence\":[\"canada\"]}";
    unsigned all = REQ_STATUS | REQ_EXAMS | REQ_LANGUAGE | REQ_DISCIPLINE | REQ_POSTGRAD |
                   REQ_PRACTICE | REQ_RECENCY | REQ_RESIDENCE;
    struct answers a;
    match_answers_init(&a);
    /* Nothing answered: every rule unknown, so check. */
    struct match *m = judge(r, &a);
    CHECK_INT(m->verdict, VERDICT_CHECK);
    CHECK_INT(m->unknown, all);
    CHECK_INT(m->met, 0);
    CHECK_INT(m->unmet, 0);
    CHECK_INT(m->n_reasons, REQ_COUNT);
    match_destroy(m, 1);
    /* All met: fits. */
    a.status = "citizen";
    a.exams_known = true;
    a.exams[0] = "mccqe1";
    a.n_exams = 1;
    a.language_test = 1;
    a.discipline = "specialty";
    a.postgrad_years = 4;
    a.practice_years = 1;
    a.last_practised = 1;
    a.region = "toronto";
    m = judge(r, &a);
    CHECK_INT(m->verdict, VERDICT_FITS);
    CHECK_INT(m->met, all);
    CHECK_INT(m->unmet, 0);
    CHECK_INT(m->unknown, 0);
    CHECK_INT(m->n_reasons, REQ_COUNT);
    match_destroy(m, 1);
    /* One unmet among met: not yet. */
    a.language_test = 0;
    m = judge(r, &a);
    CHECK_INT(m->verdict, VERDICT_NOT_YET);
    CHECK_INT(m->met, all & ~(unsigned)REQ_LANGUAGE);
    CHECK_INT(m->unmet, REQ_LANGUAGE);
    match_destroy(m, 1);
    /* One unknown among met: check. */
    a.language_test = -1;
    m = judge(r, &a);
    CHECK_INT(m->verdict, VERDICT_CHECK);
    CHECK_INT(m->unknown, REQ_LANGUAGE);
    CHECK_INT(m->met, all & ~(unsigned)REQ_LANGUAGE);
    match_destroy(m, 1);
    /* An unmet and an unknown: not yet wins; reasons are met, then unmet, then unknown. */
    a.status = "refugee";
    m = judge(r, &a);
    CHECK_INT(m->verdict, VERDICT_NOT_YET);
    CHECK_INT(m->unmet, REQ_STATUS);
    CHECK_INT(m->unknown, REQ_LANGUAGE);
    CHECK_INT(m->n_reasons, REQ_COUNT);
    if (m->n_reasons == REQ_COUNT) {
        CHECK_STR(m->reasons[REQ_COUNT - 2], "Open to: Canadian citizen; you said refugee.");
        CHECK(strstr(m->reasons[REQ_COUNT - 1], "you have not said") != NULL);
    }
    match_destroy(m, 1);
}

/* match_doc labels every reason with its kind, and the text and Markdown say it: a reason read
 * aloud or printed never hides whether it is met. */
static void test_doc_labels(void)
{
    struct answers a;
    match_answers_init(&a);
    a.status = "refugee";
    a.language_test = 1;
    struct match *m = judge("{\"status\":[\"citizen\"],\"language_test\":true,\"exams\":"
                            "[\"mccqe1\"]}",
                            &a);
    m->id = xstrdup("p");
    m->name = xstrdup("P");
    CHECK_INT(m->n_reasons, 3);
    CHECK_STR(match_reason_kind(m, 0), "met");
    CHECK_STR(match_reason_kind(m, 1), "not yet");
    CHECK_STR(match_reason_kind(m, 2), "unknown");
    struct doc d = {0};
    match_doc(&d, m, false);
    size_t bullets = 0;
    for (size_t i = 0; i < d.n; i++)
        if (d.v[i].style == DOC_BULLET) {
            CHECK_STR(d.v[i].label, match_reason_kind(m, bullets));
            bullets++;
        }
    CHECK_INT(bullets, 3);
    char *text = doc_plain(&d, 200), *md = doc_markdown(&d);
    CHECK(strstr(text, "  - met: You have an English or French language test result.\n"));
    CHECK(strstr(text, "  - not yet: Open to: Canadian citizen; you said refugee.\n"));
    CHECK(strstr(text, "  - unknown: Needs a pass in: MCCQE Part I"));
    CHECK(strstr(md, "- not yet: Open to: Canadian citizen; you said refugee.\n"));
    free(text);
    free(md);
    doc_finish(&d);
    match_destroy(m, 1);
}

static void test_no_requires(void)
{
    struct answers a;
    match_answers_init(&a);
    a.status = "citizen";
    a.region = "toronto";
    const char *cases[] = {NULL, "{}", "[]", "not json", "{\"note\":\"Ask the college.\"}"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct match *m = judge(cases[i], &a);
        /* No stated requirement: check, never fits. */
        CHECK_INT(m->verdict, VERDICT_CHECK);
        CHECK(!m->has_requires);
        CHECK_INT(m->met, 0);
        CHECK_INT(m->unmet, 0);
        CHECK_INT(m->unknown, 0);
        CHECK_INT(m->n_reasons, 1);
        if (m->n_reasons == 1)
            CHECK_STR(m->reasons[0],
                      "This pathway states no requirements here: check them with the program.");
        if (i == 4)
            CHECK_STR(m->note, "Ask the college.");
        else
            CHECK(m->note == NULL);
        match_destroy(m, 1);
    }
    /* A note beside a rule does not hide the rule. */
    struct match *m = judge("{\"note\":\"See the college.\",\"language_test\":true}", &a);
    CHECK(m->has_requires);
    CHECK_INT(m->verdict, VERDICT_CHECK);
    CHECK_INT(m->unknown, REQ_LANGUAGE);
    CHECK_STR(m->note, "See the college.");
    match_destroy(m, 1);
}

/* The ids and verdicts of match_run, as "id:verdict,...". */
static char *run(const struct answers *a)
{
    struct match *m = NULL;
    size_t n = 0;
    struct err err = {0};
    if (match_run(db(), a, &m, &n, &err) != 0) {
        char *r = xasprintf("ERROR: %s", err.msg);
        return r;
    }
    struct sb b = {0};
    for (size_t i = 0; i < n; i++)
        sb_addf(&b, "%s%s:%s", i ? "," : "", m[i].id, match_verdict_name(m[i].verdict));
    match_destroy(m, n);
    return sb_take(&b);
}

#define CHECK_RUN(a, want)                                                                         \
    do {                                                                                           \
        char *got_ = run(a);                                                                       \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

static void set_person(struct answers *a)
{
    match_answers_init(a);
    a->region = "toronto";
    a->exams_known = true;
    a->exams[0] = "mccqe1";
    a->n_exams = 1;
    a->postgrad_years = 1;
    a->practice_years = 1;
    a->language_test = 1;
}

static void test_run_ranking(void)
{
    /* In Toronto: fits first, then check (in list order), then not-yet with the fewest unmet
     * first; Quebec's pathway is not open here. The list order alone would be ont-only, many,
     * bravo, exam-path, open. */
    struct answers a;
    set_person(&a);
    CHECK_RUN(&a, "ont-only:fits,bravo:check,open:check,exam-path:not-yet,many:not-yet");
    /* The details of each. */
    struct match *m = NULL;
    size_t n = 0;
    struct err err = {0};
    CHECK_INT(match_run(db(), &a, &m, &n, &err), 0);
    CHECK_INT(n, 5);
    if (n == 5) {
        CHECK_STR(m[0].name, "Ontario residency route");
        CHECK_STR(m[0].status, "available");
        CHECK_STR(m[0].goal, "residency");
        CHECK_INT(m[0].met, REQ_RESIDENCE | REQ_LANGUAGE);
        CHECK_STR(m[0].next_step, "Book a language test");
        CHECK(m[2].next_step == NULL);
        CHECK(!m[2].has_requires);
        CHECK_INT(m[3].unmet, REQ_EXAMS);
        CHECK_INT(m[4].unmet, REQ_POSTGRAD | REQ_PRACTICE);
        CHECK_INT(m[4].met, REQ_EXAMS);
        CHECK_STR(m[4].next_step, "Two years of residency");
    }
    match_destroy(m, n);
    /* More experience: many fits too, and fits come in list order. */
    a.postgrad_years = 2;
    a.practice_years = 3;
    CHECK_RUN(&a, "ont-only:fits,many:fits,bravo:check,open:check,exam-path:not-yet");
}

static void test_run_region(void)
{
    struct answers a;
    set_person(&a);
    /* In Quebec: Quebec's and Canada's pathways, not Ontario's. */
    a.region = "quebec";
    CHECK_RUN(&a, "bravo:check,open:check,quebec-path:not-yet,exam-path:not-yet,many:not-yet");
    /* Nowhere given: every pathway; residence unknown makes ont-only a check. */
    a.region = NULL;
    CHECK_RUN(&a, "ont-only:check,bravo:check,open:check,quebec-path:not-yet,exam-path:not-yet,"
                  "many:not-yet");
}

static void test_run_goals(void)
{
    struct answers a;
    set_person(&a);
    a.goals[0] = "residency";
    a.n_goals = 1;
    CHECK_RUN(&a, "ont-only:fits,open:check");
    a.region = "quebec";
    CHECK_RUN(&a, "open:check,quebec-path:not-yet");
    a.goals[1] = "pra";
    a.n_goals = 2;
    a.region = "toronto";
    CHECK_RUN(&a, "ont-only:fits,bravo:check,open:check,exam-path:not-yet,many:not-yet");
    a.goals[0] = "no-such-goal";
    a.n_goals = 1;
    CHECK_RUN(&a, "");
}

/* A store that cannot answer fails the run with its reason, never a list with steps or names
 * quietly missing. */
static void test_run_errors(void)
{
    struct store *broken;
    if (!memory_store("unit-match.json", &broken))
        return;
    CHECK(exec_sql(broken->db, "DROP TABLE entry_item"));
    struct answers a;
    match_answers_init(&a);
    struct match *m = (struct match *)1;
    size_t n = 99;
    struct err e = {0};
    CHECK_INT(match_run(broken, &a, &m, &n, &e), EXIT_IOERR);
    CHECK(strstr(e.msg, "no such table: entry_item") != NULL);
    CHECK(m == NULL);
    CHECK_INT(n, 0);
    CHECK_INT(match_run(broken, &a, &m, &n, NULL), EXIT_IOERR);
    memory_store_close(&broken);
}

static void test_finish(void)
{
    memory_store_close(&st);
    CHECK(st == NULL);
}

UNIT_MAIN(CASE(test_names), CASE(test_status), CASE(test_exams), CASE(test_exam_sentences),
          CASE(test_language), CASE(test_discipline), CASE(test_postgrad_years),
          CASE(test_practice_years), CASE(test_recency), CASE(test_residence), CASE(test_combined),
          CASE(test_doc_labels), CASE(test_no_requires), CASE(test_run_ranking),
          CASE(test_run_region), CASE(test_run_goals), CASE(test_run_errors), CASE(test_finish))
