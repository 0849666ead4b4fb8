/* test_match.c: the wizard's matching rules one by one (match_judge), the four verdicts of
 * cli.md and the why, then match_run's filtering, ranking, next steps and national context, on
 * tests/fixtures/unit-match2.json (format version 2); a version 1 file never fits; the profile's
 * answers in the forms people use; and on the bundled dataset, results that never contradict
 * each other and next steps that always have a place. */
#include <unistd.h>

#include "common.h"
#include "doc.h"
#include "entry.h"
#include "handout.h"
#include "match.h"
#include "profile.h"
#include "query.h"
#include "util.h"
#include "vocab.h"

static struct store *st;

static struct store *db(void)
{
    return shared_store("unit-match2.json", &st);
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

/* The rules below are judged without "complete": every rule met is "meets-stated", never fits. */
#define MEETS   VERDICT_MEETS_STATED
#define CHECK_V VERDICT_CHECK
#define NOT_YET VERDICT_NOT_YET

static void test_names(void)
{
    CHECK_STR(match_verdict_name(VERDICT_FITS), "fits");
    CHECK_STR(match_verdict_name(VERDICT_MEETS_STATED), "meets-stated");
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
    expect(r, &a, MEETS, REQ_STATUS, 0, 0, "Your status (permanent resident) is accepted.");
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
    expect(r, &a, MEETS, REQ_EXAMS, 0, 0, NULL);
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
    struct match *m = judge("{\"exams\":[]}", &a);
    CHECK_INT(m->verdict, VERDICT_CHECK);
    CHECK(!m->has_requires);
    match_destroy(m, 1);
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
    /* One exam: no "all of", and the exam is named by its short name (before the parenthesis). */
    a.exams[0] = "tdm";
    a.n_exams = 1;
    m = judge("{\"exams\":[\"mccqe1\"]}", &a);
    if (m->n_reasons == 1) {
        CHECK_STR(m->reasons[0], "Needs a pass in MCCQE Part I; you have not passed it yet.");
        CHECK_STR(m->rules[0].rule, "Needs a pass in MCCQE Part I.");
        CHECK_STR(m->rules[0].phrase, "a pass in MCCQE Part I");
    }
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
    expect(r, &a, MEETS, REQ_LANGUAGE, 0, 0, "You have an English or French language test result.");
    a.language_test = 0;
    expect(r, &a, NOT_YET, 0, REQ_LANGUAGE, 0,
           "Needs an accepted English or French language test result.");
    /* false: no test needed, so nothing to judge: no rule on record. */
    struct match *m = judge("{\"language_test\":false}", &a);
    CHECK_INT(m->verdict, VERDICT_CHECK);
    CHECK(!m->has_requires);
    CHECK_INT(m->n_reasons, 0);
    match_destroy(m, 1);
}

static void test_discipline(void)
{
    const char *r = "{\"discipline\":[\"family-medicine\"]}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_DISCIPLINE,
           "For family medicine; you have not said your discipline.");
    a.discipline = "family-medicine";
    expect(r, &a, MEETS, REQ_DISCIPLINE, 0, 0, "It is for family medicine, your discipline.");
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
    expect(r, &a, MEETS, REQ_POSTGRAD, 0, 0,
           "You have 2 years of postgraduate (residency) training; it needs at least 2 years.");
    a.postgrad_years = 1.5;
    expect(r, &a, NOT_YET, 0, REQ_POSTGRAD, 0,
           "Needs at least 2 years of postgraduate (residency) training; you have 1.5 years.");
    a.postgrad_years = 0;
    expect(r, &a, NOT_YET, 0, REQ_POSTGRAD, 0, NULL);
    a.postgrad_years = 1;
    expect("{\"postgrad_years\":1}", &a, MEETS, REQ_POSTGRAD, 0, 0,
           "You have 1 year of postgraduate (residency) training; it needs at least 1 year.");
}

static void test_practice_years(void)
{
    const char *r = "{\"practice_years\":3}";
    struct answers a;
    match_answers_init(&a);
    expect(r, &a, CHECK_V, 0, 0, REQ_PRACTICE, NULL);
    a.practice_years = 10;
    expect(r, &a, MEETS, REQ_PRACTICE, 0, 0,
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
    expect(r, &a, MEETS, REQ_RECENCY, 0, 0,
           "You practised 5 years ago, within the 5 years it asks.");
    a.last_practised = 0;
    expect(r, &a, MEETS, REQ_RECENCY, 0, 0, NULL);
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
    expect(r, &a, MEETS, REQ_RESIDENCE, 0, 0, "You live in Ontario, as it asks.");
    /* A city inside the province counts. */
    a.region = "toronto";
    expect(r, &a, MEETS, REQ_RESIDENCE, 0, 0, "You live in Ontario, as it asks.");
    a.region = "quebec";
    expect(r, &a, NOT_YET, 0, REQ_RESIDENCE, 0, "You must live in Ontario.");
    /* Any of several. */
    a.region = "quebec";
    expect("{\"residence\":[\"toronto\",\"quebec\"]}", &a, MEETS, REQ_RESIDENCE, 0, 0,
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
    /* All met, the rules not said to be complete: meets the rules on record, not fits. */
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
    CHECK_INT(m->verdict, VERDICT_MEETS_STATED);
    CHECK_INT(m->met, all);
    CHECK_INT(m->unmet, 0);
    CHECK_INT(m->unknown, 0);
    CHECK_INT(m->n_reasons, REQ_COUNT);
    CHECK(!m->complete);
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
        /* Each reason's rule is the one it is about. */
        CHECK_INT(m->rules[REQ_COUNT - 2].key, REQ_STATUS);
        CHECK_INT(m->rules[REQ_COUNT - 2].outcome, 0);
        CHECK_INT(m->rules[REQ_COUNT - 1].key, REQ_LANGUAGE);
        CHECK_INT(m->rules[REQ_COUNT - 1].outcome, -1);
    }
    match_destroy(m, 1);
}

/* cli.md's four verdicts, one case each, on a version 2 store. */
static void test_verdicts(void)
{
    struct answers a;
    match_answers_init(&a);
    a.discipline = "family-medicine";
    a.postgrad_years = 2;
    const char *complete = "{\"discipline\":[\"family-medicine\"],\"postgrad_years\":2,"
                           "\"complete\":true}";
    const char *partial = "{\"discipline\":[\"family-medicine\"],\"postgrad_years\":2,"
                          "\"note\":\"a sponsored job\"}";
    /* Complete and all met: fits. */
    struct match *m = judge(complete, &a);
    CHECK_INT(m->verdict, VERDICT_FITS);
    CHECK(m->complete);
    CHECK_STR(m->why, "Fits: you meet every rule the program publishes (family medicine as your "
                      "field; at least 2 years of postgraduate training).");
    match_destroy(m, 1);
    /* Incomplete and all met: meets the rules on record, with what else the program asks. */
    m = judge(partial, &a);
    CHECK_INT(m->verdict, VERDICT_MEETS_STATED);
    CHECK(!m->complete);
    CHECK_STR(m->why, "Meets the 2 rules on record (family medicine as your field; at least 2 "
                      "years of postgraduate training); the program also asks: a sponsored job.");
    CHECK(m->why_has_note);
    match_destroy(m, 1);
    /* One rule, no note: singular, and it says the rest is not on record. */
    m = judge("{\"discipline\":[\"family-medicine\"]}", &a);
    CHECK_INT(m->verdict, VERDICT_MEETS_STATED);
    CHECK_STR(m->why, "Meets the 1 rule on record (family medicine as your field); its other rules "
                      "are not on record here: ask the program.");
    CHECK(!m->why_has_note);
    match_destroy(m, 1);
    /* An answer missing: check, even when the rules are complete. */
    a.postgrad_years = -1;
    m = judge(complete, &a);
    CHECK_INT(m->verdict, VERDICT_CHECK);
    CHECK_STR(m->why, "Check: not known from your answers: at least 2 years of postgraduate "
                      "training. Met: family medicine as your field.");
    match_destroy(m, 1);
    /* One unmet: not yet, even when complete. */
    a.postgrad_years = 1;
    m = judge(complete, &a);
    CHECK_INT(m->verdict, VERDICT_NOT_YET);
    CHECK_STR(m->why, "Not yet: needs at least 2 years of postgraduate training. Met: family "
                      "medicine as your field.");
    match_destroy(m, 1);
    /* No rules on record: check, even when said to be complete, and with a note. */
    const char *none[] = {"{\"complete\":true}", "{\"note\":\"Ask the college.\"}", NULL};
    for (size_t i = 0; i < 3; i++) {
        m = judge(none[i], &a);
        CHECK_INT(m->verdict, VERDICT_CHECK);
        CHECK(!m->has_requires);
        CHECK_INT(m->n_reasons, 0);
        match_destroy(m, 1);
    }
    m = judge(none[1], &a);
    CHECK_STR(m->why, "Check: no rules on record that your answers can be compared with; it says: "
                      "Ask the college.");
    match_destroy(m, 1);
    m = judge(NULL, &a);
    CHECK_STR(m->why, "Check: no rules on record that your answers can be compared with; ask the "
                      "program what it asks.");
    match_destroy(m, 1);
    /* Not yet with something unknown too: all three parts, in that order. */
    a.discipline = "specialty";
    a.postgrad_years = -1;
    m = judge("{\"discipline\":[\"family-medicine\"],\"postgrad_years\":2,\"language_test\":true,"
              "\"complete\":true}",
              &a);
    a.language_test = 1;
    match_destroy(m, 1);
    m = judge("{\"discipline\":[\"family-medicine\"],\"postgrad_years\":2,\"language_test\":true,"
              "\"complete\":true}",
              &a);
    CHECK_STR(m->why, "Not yet: needs family medicine as your field. Met: a language test result. "
                      "Not known from your answers: at least 2 years of postgraduate training.");
    match_destroy(m, 1);
}

/* A version 1 dataset has no "complete": a file that says it anyway never yields fits. */
static void test_version1_never_fits(void)
{
    struct store *v1;
    if (!memory_store("unit-match-v1.json", &v1))
        return;
    struct answers a;
    match_answers_init(&a);
    a.exams_known = true;
    a.exams[0] = "mccqe1";
    a.n_exams = 1;
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    CHECK_INT(match_run(v1, &a, &m, &n, &e), 0);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(m[0].verdict, VERDICT_MEETS_STATED);
        CHECK(!m[0].complete);
    }
    match_destroy(m, n);
    /* match_judge reads the store's version too. */
    struct match *one = xcalloc(1, sizeof *one);
    match_judge(v1, "{\"exams\":[\"mccqe1\"],\"complete\":true}", &a, one, &e);
    CHECK_INT(one->verdict, VERDICT_MEETS_STATED);
    match_destroy(one, 1);
    memory_store_close(&v1);
    /* The same rule in this version 2 store does fit: the version is what decides. */
    one = judge("{\"exams\":[\"mccqe1\"],\"complete\":true}", &a);
    CHECK_INT(one->verdict, VERDICT_FITS);
    match_destroy(one, 1);
}

/* The text of a doc as plain text at width 200. */
static char *plain(const struct doc *d)
{
    return doc_plain(d, 200);
}

/* match_doc labels every reason with its kind, and the text and Markdown say it: a reason read
 * aloud or printed never hides whether it is met. The verdict line is the why: it never says
 * "fits" for rules that are not the whole eligibility. */
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
    char *text = plain(&d), *md = doc_markdown(&d);
    CHECK(strstr(text, "  - met: You have an English or French language test result.\n"));
    CHECK(strstr(text, "  - not yet: Open to: Canadian citizen; you said refugee.\n"));
    CHECK(strstr(text, "  - unknown: Needs a pass in: MCCQE Part I"));
    CHECK(strstr(text, "Verdict: not yet: needs Canadian citizen status. Met: a language test "
                       "result. Not known from your answers: a pass in MCCQE Part I.\n"));
    CHECK(strstr(md, "- not yet: Open to: Canadian citizen; you said refugee.\n"));
    free(text);
    free(md);
    doc_finish(&d);
    match_destroy(m, 1);

    /* All met, incomplete: the verdict says so and what else the program asks, once. */
    a.status = "citizen";
    m = judge("{\"status\":[\"citizen\"],\"language_test\":true,\"note\":\"A sponsored job.\"}",
              &a);
    m->id = xstrdup("p");
    m->name = xstrdup("P");
    match_doc(&d, m, true);
    text = plain(&d);
    CHECK(strstr(text, "P (p)\n"));
    CHECK(strstr(text, "Verdict: meets the 2 rules on record (Canadian citizen status; a language "
                       "test result); the program also asks: A sponsored job.\n"));
    CHECK(!strstr(text, "fits"));
    CHECK(!strstr(text, "Note:")); /* said in the verdict already */
    free(text);
    doc_finish(&d);
    match_destroy(m, 1);
}

/* The ids and verdicts of match_run, as "id:verdict,...", a context entry as "id>anchor". */
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
    for (size_t i = 0; i < n; i++) {
        sb_addf(&b, "%s%s:%s", i ? "," : "", m[i].id, match_verdict_name(m[i].verdict));
        if (m[i].context)
            sb_addf(&b, ">%s", m[m[i].anchor].id);
    }
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
    /* In Toronto: fits, meets-stated, check (in list order), then not-yet with the fewest unmet
     * first; Quebec's pathway is not open here. Open is Canada-wide and leads to residency, as
     * Ontario's route does: it is that route's context. */
    struct answers a;
    set_person(&a);
    CHECK_RUN(&a, "ont-only:fits,bravo:check,open:check>ont-only,exam-path:not-yet,many:not-yet");
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
        CHECK(!m[0].national && !m[0].context);
        CHECK(m[2].national && m[2].context);
        CHECK_INT(m[2].anchor, 0);
        CHECK(!m[2].has_requires);
        CHECK_INT(m[3].unmet, REQ_EXAMS);
        CHECK_INT(m[4].unmet, REQ_POSTGRAD | REQ_PRACTICE);
        CHECK_INT(m[4].met, REQ_EXAMS);
        /* Counted as judged: the context entry is not. */
        CHECK_INT(match_count(m, n, VERDICT_CHECK), 1);
        CHECK_INT(match_count(m, n, VERDICT_FITS), 1);
        CHECK_INT(match_count(m, n, VERDICT_NOT_YET), 2);
    }
    match_destroy(m, n);
    /* More experience: many fits too (its rules are complete), and fits come in list order;
     * family medicine makes bravo meet its rules on record, after the fits. */
    a.postgrad_years = 2;
    a.practice_years = 3;
    a.discipline = "family-medicine";
    CHECK_RUN(&a, "ont-only:fits,many:fits,bravo:meets-stated,open:check>ont-only,"
                  "exam-path:not-yet");
}

/* The next step: the first step the answers do not show done, with its address or the
 * pathway's contact; never an eligibility line; the source when there is nothing else. */
static void test_next_step(void)
{
    struct answers a;
    set_person(&a);
    struct match *m = NULL;
    size_t n = 0;
    struct err err = {0};
    CHECK_INT(match_run(db(), &a, &m, &n, &err), 0);
    for (size_t i = 0; i < n; i++) {
        const char *id = m[i].id, *step = m[i].next_step;
        if (strcmp(id, "ont-only") == 0) {
            /* A language test result: that step is done. */
            CHECK_STR(step, "Apply to the Ontario route: https://example.org/apply");
            CHECK_STR(m[i].next_url, "https://example.org/apply");
        } else if (strcmp(id, "many") == 0) {
            /* No steps, no contact: where its rules come from, not "Two years of residency". */
            CHECK_STR(step, "See Match Source: https://example.org/match-source");
            CHECK_STR(m[i].next_url, "https://example.org/match-source");
        } else if (strcmp(id, "bravo") == 0) {
            /* A step without an address: with the pathway's contact. */
            CHECK_STR(step, "Find a sponsor; ask the program office: 555-0100");
            CHECK(m[i].next_url == NULL);
        } else if (strcmp(id, "exam-path") == 0) {
            /* NAC OSCE not passed: the exam step is still to do. */
            CHECK_STR(step,
                      "Pass the MCCQE Part I and take the NAC OSCE: https://example.org/exams");
        }
    }
    match_destroy(m, n);
    /* Both exams passed: the exam step is done; the next is to apply. */
    a.exams[1] = "nac";
    a.n_exams = 2;
    /* Not said whether they have a language test: that step is to do, with the contact. */
    a.language_test = -1;
    CHECK_INT(match_run(db(), &a, &m, &n, &err), 0);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(m[i].id, "exam-path") == 0)
            CHECK_STR(m[i].next_step, "Apply to the exam route: https://example.org/exam-route");
        if (strcmp(m[i].id, "ont-only") == 0) {
            CHECK_STR(m[i].next_step, "Take a language test that the route accepts; ask the "
                                      "program office: https://example.org/ontario "
                                      "(route@example.org)");
            CHECK_STR(m[i].next_url, "https://example.org/ontario");
        }
    }
    match_destroy(m, n);
    /* "MCCQE Part I" is not "MCCQE Part II": passing Part I does not do a Part II step. */
    a.region = "quebec";
    a.exams[0] = "mccqe1";
    a.exams[1] = "tdm";
    CHECK_INT(match_run(db(), &a, &m, &n, &err), 0);
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].id, "quebec-path") == 0)
            CHECK_STR(m[i].next_step, "Take the MCCQE Part II and the TDM Examination; see Match "
                                      "Source: https://example.org/match-source");
    match_destroy(m, n);
}

/* match_doc and match_results_doc: the next step's address on a line of its own, and a context
 * entry after its route, with no verdict of its own. */
static void test_results_doc(void)
{
    struct answers a;
    set_person(&a);
    struct match *m = NULL;
    size_t n = 0;
    struct err err = {0};
    CHECK_INT(match_run(db(), &a, &m, &n, &err), 0);
    struct doc d = {0};
    match_results_doc(&d, m, n, true, false, NULL, NULL);
    char *text = plain(&d);
    CHECK(strstr(text, "Next step: Apply to the Ontario route:\n    https://example.org/apply\n"));
    const char *route = strstr(text, "Ontario residency route (ont-only)");
    const char *open = strstr(text, "Open route (open)");
    const char *bravo = strstr(text, "Bravo family route (bravo)");
    CHECK(route && open && bravo && route < open && open < bravo);
    if (open && bravo) {
        char *part = xasprintf("%.*s", (int)(bravo - open), open);
        CHECK(strstr(part, "Across Canada: shown for context beside Ontario residency route, "
                           "above, which leads to the same goal where you live"));
        CHECK(!strstr(part, "Verdict:"));
        free(part);
    }
    free(text);
    doc_finish(&d);
    match_destroy(m, n);
}

/* text with every run of spaces and newlines made one space: for sentences that wrap. A new
 * string. */
static char *flat(const char *text)
{
    struct sb b = {0};
    for (const char *p = text; *p; p++) {
        bool space = *p == ' ' || *p == '\n';
        if (!space || (b.len && sb_str(&b)[b.len - 1] != ' '))
            sb_addc(&b, space ? ' ' : *p);
    }
    return sb_take(&b);
}

/* The handout's words follow the verdict: "fits" only for complete rules, "meets the N rules on
 * record" with what else the program asks otherwise. */
static void test_handout_words(void)
{
    struct profile p;
    profile_init(&p);
    snprintf(p.region, sizeof p.region, "toronto");
    snprintf(p.discipline, sizeof p.discipline, "family-medicine");
    p.language_test = 1;
    struct doc *d = handout_doc(db(), NULL, &p, "2026-12-01");
    char *wrapped = handout_render(d, HANDOUT_TEXT);
    CHECK(strstr(wrapped, "Ontario residency route\n") != NULL);
    char *text = flat(wrapped);
    free(wrapped);
    const char *route = strstr(text, "Ontario residency route");
    const char *bravo = strstr(text, "Bravo family route");
    CHECK(route && bravo);
    CHECK(strstr(text, "Verdict: fits: you meet every rule the program publishes (a language test "
                       "result; living in Ontario).") != NULL);
    CHECK(strstr(text, "Verdict: meets the 1 rule on record (family medicine as your field); the "
                       "program also asks: A sponsored job.") != NULL);
    CHECK(strstr(text, "every stated requirement") == NULL);
    /* Only Ontario's route, whose rules are complete, is said to fit. */
    size_t fits = 0;
    for (const char *f = strstr(text, "Verdict: fits"); f; f = strstr(f + 1, "Verdict: fits"))
        fits++;
    CHECK_INT(fits, 1);
    free(text);
    doc_destroy(d);
}

static void test_run_region(void)
{
    struct answers a;
    set_person(&a);
    /* In Quebec: Quebec's and Canada's pathways, not Ontario's; open is Quebec's route's
     * context. */
    a.region = "quebec";
    CHECK_RUN(&a, "bravo:check,open:check>quebec-path,quebec-path:not-yet,exam-path:not-yet,"
                  "many:not-yet");
    /* Nowhere given: every pathway; residence unknown makes ont-only a check. */
    a.region = NULL;
    CHECK_RUN(&a, "ont-only:check,bravo:check,open:check>ont-only,quebec-path:not-yet,"
                  "exam-path:not-yet,many:not-yet");
}

static void test_run_goals(void)
{
    struct answers a;
    set_person(&a);
    a.goals[0] = "residency";
    a.n_goals = 1;
    CHECK_RUN(&a, "ont-only:fits,open:check>ont-only");
    a.region = "quebec";
    CHECK_RUN(&a, "open:check>quebec-path,quebec-path:not-yet");
    /* Only national routes of a goal: each judged on its own, none is context. */
    a.goals[0] = "pra";
    CHECK_RUN(&a, "bravo:check,exam-path:not-yet,many:not-yet");
    a.goals[1] = "residency";
    a.n_goals = 2;
    a.region = "toronto";
    CHECK_RUN(&a, "ont-only:fits,bravo:check,open:check>ont-only,exam-path:not-yet,"
                  "many:not-yet");
    a.goals[0] = "no-such-goal";
    a.n_goals = 1;
    CHECK_RUN(&a, "");
}

/* A store that cannot answer fails the run with its reason, never a list with steps or names
 * quietly missing. */
static void test_run_errors(void)
{
    struct store *broken;
    if (!memory_store("unit-match2.json", &broken))
        return;
    CHECK(exec_sql(broken->db, "DROP TABLE pathway_brief"));
    struct answers a;
    match_answers_init(&a);
    struct match *m = (struct match *)1;
    size_t n = 99;
    struct err e = {0};
    CHECK_INT(match_run(broken, &a, &m, &n, &e), EXIT_IOERR);
    CHECK(strstr(e.msg, "no such table: pathway_brief") != NULL);
    CHECK(m == NULL);
    CHECK_INT(n, 0);
    CHECK_INT(match_run(broken, &a, &m, &n, NULL), EXIT_IOERR);
    memory_store_close(&broken);
}

/* Whether match_verdicts ranks a's pathways as match_run does, with the same verdicts, rules and
 * context, and no why or next step: 1 when so, 0 when not, -1 when either failed. */
static int same_verdicts(struct store *store, const struct answers *a)
{
    struct match *m = NULL, *v = NULL;
    size_t n = 0, nv = 0;
    struct err e = {0};
    int same = -1;
    if (match_run(store, a, &m, &n, &e) == 0 && match_verdicts(store, a, &v, &nv, &e) == 0) {
        same = n == nv;
        for (size_t i = 0; i < n && same; i++)
            same = strcmp(m[i].id, v[i].id) == 0 && strcmp(m[i].name, v[i].name) == 0 &&
                   m[i].verdict == v[i].verdict && m[i].met == v[i].met &&
                   m[i].unmet == v[i].unmet && m[i].unknown == v[i].unknown &&
                   m[i].n_reasons == v[i].n_reasons && m[i].context == v[i].context &&
                   m[i].anchor == v[i].anchor && m[i].why && m[i].next_step && !v[i].why &&
                   !v[i].next_step;
    }
    match_destroy(m, n);
    match_destroy(v, nv);
    return same;
}

/* Everything a run says of each pathway, a line each. */
static char *run_whole(struct store *store, const struct answers *a)
{
    struct match *m = NULL;
    size_t n = 0;
    struct err err = {0};
    if (match_run(store, a, &m, &n, &err) != 0)
        return xasprintf("ERROR: %s", err.msg);
    struct sb b = {0};
    for (size_t i = 0; i < n; i++) {
        sb_addf(&b, "%s|%s|%s|%s|%s|%s|%s|%u/%u/%u|%d|%s\n", m[i].id, m[i].name,
                m[i].status ? m[i].status : "-", m[i].goal ? m[i].goal : "-",
                match_verdict_name(m[i].verdict), m[i].why, m[i].next_step, m[i].met, m[i].unmet,
                m[i].unknown, m[i].national, m[i].note ? m[i].note : "-");
        for (size_t k = 0; k < m[i].n_reasons; k++)
            sb_addf(&b, "  %s [%s]\n", m[i].reasons[k], m[i].rules[k].phrase);
    }
    match_destroy(m, n);
    return sb_take(&b);
}

/* The steps of pathway id's row in its match index replaced by a title with no end (its texts
 * kept). */
static bool cut_steps(sqlite3 *db, const char *id)
{
    sqlite3_stmt *s;
    const char *sql = "SELECT brief FROM pathway_brief WHERE rid = (SELECT rid FROM entry"
                      " WHERE id = ?1)";
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    struct sb b = {0};
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *p = sqlite3_column_blob(s, 0);
        size_t n = (size_t)sqlite3_column_bytes(s, 0), at = 0;
        for (int k = 0; k < BRIEF_TEXTS && at < n; k++)
            at += strlen(p + at) + 1;
        sb_addn(&b, p, at);
        sb_add(&b, "Pass the");
    }
    sqlite3_finalize(s);
    sql = "UPDATE pathway_brief SET brief = ?2 WHERE rid = (SELECT rid FROM entry WHERE id = ?1)";
    bool ok = b.len && sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_blob(s, 2, sb_str(&b), (int)b.len, SQLITE_STATIC);
        ok = sqlite3_step(s) == SQLITE_DONE && sqlite3_changes(db) == 1;
        sqlite3_finalize(s);
    }
    sb_finish(&b);
    return ok;
}

/* match reads each pathway from its match index (pathway_brief) whole-goal in order where the
 * list is most of the goal's pathways, else pathway by pathway: both ways say the same. A
 * pathway the list names and the index lacks, or steps the index cannot read, fail the run as
 * a damaged store. */
static void test_run_index(void)
{
    struct store *s;
    if (!memory_store("unit-match2.json", &s))
        return;
    struct answers people[3];
    set_person(&people[0]);
    set_person(&people[1]);
    people[1].goals[0] = "residency";
    people[1].n_goals = 1;
    match_answers_init(&people[2]);
    people[2].goals[0] = "residency";
    people[2].goals[1] = "residency"; /* the same goal twice: each pathway still once */
    people[2].n_goals = 2;
    char *read_in_order[3];
    for (int p = 0; p < 3; p++) {
        read_in_order[p] = run_whole(s, &people[p]);
        CHECK(strncmp(read_in_order[p], "ERROR", 5) != 0);
        CHECK(strchr(read_in_order[p], '|') != NULL);
    }
    CHECK(strstr(read_in_order[0], "ont-only|Ontario residency route|available|residency|fits|"));
    /* Verdicts alone, for people with answers and with none (no goal: the query module's list,
     * read in order), the same ranks. */
    struct answers nobody;
    match_answers_init(&nobody);
    for (int p = 0; p < 3; p++)
        CHECK_INT(same_verdicts(s, &people[p]), 1);
    CHECK_INT(same_verdicts(s, &nobody), 1);
    /* Make every list look small beside its goal's pathways: looked up one by one. */
    CHECK(exec_sql(s->db, "UPDATE pathway_goal SET n = n + 1000"));
    CHECK_INT(same_verdicts(s, &nobody), 1);
    for (int p = 0; p < 3; p++) {
        char *one_by_one = run_whole(s, &people[p]);
        CHECK_STR(one_by_one, read_in_order[p]);
        free(one_by_one);
    }
    CHECK(exec_sql(s->db, "UPDATE pathway_goal SET n = n - 1000"));
    for (int p = 0; p < 3; p++)
        free(read_in_order[p]);
        /* Damaged: steps cut short; a row cut short, empty or of another layout; then a pathway
         * missing. */
#define ONT_ONLY "rid = (SELECT rid FROM entry WHERE id = 'ont-only')"
    CHECK(cut_steps(s->db, "ont-only"));
    char *got = run_whole(s, &people[0]);
    CHECK(strstr(got, "ERROR: ") && strstr(got, "steps in its match index are damaged"));
    free(got);
    static const char *const cut[] = {
            "UPDATE pathway_brief SET brief = substr(brief, 1, 12) WHERE " ONT_ONLY,
            "UPDATE pathway_brief SET brief = x'' WHERE " ONT_ONLY,
            "UPDATE pathway_brief SET brief = 'ont-only' WHERE " ONT_ONLY,
    };
    for (size_t k = 0; k < sizeof cut / sizeof *cut; k++) {
        CHECK(exec_sql(s->db, cut[k]));
        got = run_whole(s, &people[0]);
        CHECK(strstr(got, "ERROR: ") && strstr(got, "row in its match index is damaged"));
        free(got);
    }
    CHECK(exec_sql(s->db, "DELETE FROM pathway_brief WHERE " ONT_ONLY));
#undef ONT_ONLY
    for (int p = 0; p < 2; p++) {
        CHECK(exec_sql(s->db, p ? "UPDATE pathway_goal SET n = n + 1000" : "SELECT 1"));
        got = run_whole(s, &people[0]);
        CHECK(strstr(got, "ERROR: ") && strstr(got, "names a pathway its match index lacks"));
        free(got);
    }
    memory_store_close(&s);
}

/* Whether match's list for a (region and goals) is the query module's: the same pathways, and
 * within a verdict's rank (its verdict, then how many rules are unmet) in the list's order. 1
 * when so, 0 when not (said on stderr), -1 when either failed. */
static int same_list(struct store *store, const struct answers *a, const char *lang)
{
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    struct query q = {.region = a->region, .kinds = KIND_PATHWAY, .lang = lang};
    for (size_t g = 0; g < a->n_goals; g++)
        q.goals[q.n_goals++] = a->goals[g];
    struct page p = {0};
    if (match_run(store, a, &m, &n, &e) != 0 || query_page(store, &q, 0, 100000, &p, &e) != 0) {
        fprintf(stderr, "  %s\n", e.msg);
        match_destroy(m, n);
        return -1;
    }
    bool same = n == p.n;
    size_t *at = xcalloc(n ? n : 1, sizeof *at);
    for (size_t i = 0; i < n && same; i++) {
        at[i] = SIZE_MAX;
        for (size_t k = 0; k < p.n; k++)
            if (strcmp(p.rows[k].id, m[i].id) == 0)
                at[i] = k;
        same = at[i] != SIZE_MAX;
    }
    for (size_t i = 0; i + 1 < n && same; i++)
        if (m[i].verdict == m[i + 1].verdict &&
            __builtin_popcount(m[i].unmet) == __builtin_popcount(m[i + 1].unmet))
            same = at[i] < at[i + 1];
    if (!same) {
        fprintf(stderr, "  region %s, goal %s%s%s, %s: match", a->region ? a->region : "-",
                a->goals[0], a->n_goals > 1 ? "+" : "", a->n_goals > 1 ? a->goals[1] : "",
                lang ? lang : "en");
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %s", m[i].id);
        fprintf(stderr, "; list");
        for (size_t k = 0; k < p.n; k++)
            fprintf(stderr, " %s", p.rows[k].id);
        fprintf(stderr, "\n");
    }
    free(at);
    query_page_finish(&p);
    match_destroy(m, n);
    return same;
}

/* A person with goals: match makes its list from the match index alone (each goal's pathways,
 * kept by their regions, ordered by place and name); with no goal it takes the query module's.
 * Either way it is the list's: checked for every region (and none) with each goal and each pair
 * of goals, on the bundled dataset and on fixtures with French names, in English and French, and
 * with pathways in several provinces, cities or the whole country at once (a row in the match
 * index for each zone: each pathway is still listed once). */
static void test_run_list_is_the_lists(void)
{
    static const char *const files[] = {NULL, "unit-match2.json", "cli-v2.json",
                                        "unit-match-zones.json"};
    size_t runs = 0, kept = 0;
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        struct store *s = NULL;
        if (files[f]) {
            if (!memory_store(files[f], &s))
                continue;
        } else {
            struct diags dg = {0};
            struct err e = {0};
            struct dataset_input in = {.path = UNIT_BUNDLED};
            CHECK_INT(store_open_memory(&in, UNIT_BUNDLED, 0, &s, &dg, &e), 0);
            diags_finish(&dg);
            if (!s)
                continue;
        }
        struct vocab_list regions = {0}, goals = {0};
        struct err e = {0};
        CHECK_INT(vocab_list(s, VOCAB_REGION, &regions, &e), 0);
        CHECK_INT(vocab_list(s, VOCAB_GOAL, &goals, &e), 0);
        for (int fr = 0; fr < 2; fr++) {
            if (fr && !i18n_set_lang("fr"))
                break; /* no French locale here: English only */
            for (size_t r = 0; r <= regions.n; r++)
                for (size_t g = 0; g < goals.n; g++)
                    for (size_t h = g; h < goals.n; h++) {
                        struct answers a;
                        match_answers_init(&a);
                        a.region = r < regions.n ? regions.v[r].id : NULL;
                        a.goals[a.n_goals++] = goals.v[g].id;
                        if (h > g)
                            a.goals[a.n_goals++] = goals.v[h].id;
                        int same = same_list(s, &a, fr ? "fr" : NULL);
                        CHECK_INT(same, 1);
                        CHECK_INT(same_verdicts(s, &a), 1);
                        runs++;
                        struct match *m = NULL;
                        size_t n = 0;
                        if (match_run(s, &a, &m, &n, &e) == 0)
                            kept += n;
                        match_destroy(m, n);
                    }
            i18n_set_lang("en");
        }
        vocab_list_finish(&regions);
        vocab_list_finish(&goals);
        memory_store_close(&s);
    }
    /* The grid reached lists with pathways in them, many times. */
    CHECK(runs > 500);
    CHECK(kept > 500);
}

/* Pathways with the same rules share one judgement, held by the results (a run remembers many
 * facts: its memo grows past its first table here). Every result says what judging its rules on
 * their own says, read after the run (under ASan a judgement freed too soon fails). */
static void test_run_shares_judgements(void)
{
    /* bench/gen.py's directory-scale data: many pathways, each of a few dozen rule sets. */
    const char *root = getenv("SOURCE_ROOT");
    char path[] = "/tmp/itpnav-unit-gen-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    char *cmd =
            xasprintf("python3 '%s/bench/gen.py' 1500 --seed 7 -o '%s'", root ? root : ".", path);
    CHECK_INT(system(cmd), 0);
    free(cmd);
    struct store *b = NULL;
    struct diags dg = {0};
    struct err e = {0};
    struct dataset_input in = {.path = path};
    CHECK_INT(store_open_memory(&in, path, 0, &b, &dg, &e), 0);
    diags_finish(&dg);
    unlink(path);
    if (!b)
        return;
    struct answers a;
    match_answers_init(&a);
    a.status = "citizen";
    a.exams_known = true;
    a.exams[a.n_exams++] = "mccqe1";
    a.practice_years = 3;
    for (int with_goals = 0; with_goals < 2; with_goals++) {
        if (with_goals) {
            static const char *const goals[] = {"pra", "residency"};
            for (size_t g = 0; g < sizeof goals / sizeof *goals; g++)
                a.goals[a.n_goals++] = goals[g];
        }
        struct match *m = NULL;
        size_t n = 0;
        CHECK_INT(match_run(b, &a, &m, &n, &e), 0);
        CHECK(n > 60);
        size_t shared = 0;
        for (size_t i = 0; i < n; i++) {
            struct entry *en = entry_get(b, m[i].id, 0, &e);
            CHECK(en != NULL);
            if (!en)
                continue;
            struct match *alone = xcalloc(1, sizeof *alone);
            match_judge(b, en->requires, &a, alone, &e);
            CHECK_STR(m[i].why, alone->why);
            CHECK_INT(m[i].verdict, alone->verdict);
            CHECK_INT(m[i].n_reasons, alone->n_reasons);
            for (size_t k = 0; k < m[i].n_reasons && k < alone->n_reasons; k++) {
                CHECK_STR(m[i].reasons[k], alone->reasons[k]);
                CHECK_STR(m[i].rules[k].rule, alone->rules[k].rule);
                CHECK_STR(m[i].rules[k].phrase, alone->rules[k].phrase);
            }
            for (size_t k = 0; k < i; k++)
                if (m[k].n_reasons && m[k].reasons == m[i].reasons) {
                    shared++;
                    break;
                }
            match_destroy(alone, 1);
            entry_destroy(en);
        }
        /* Some of them do share (the same rules on record). */
        CHECK(shared > 0);
        match_destroy(m, n);
    }
    memory_store_close(&b);
}

/* The detail's rules section: every rule with its outcome for the answers (or only stated), the
 * verdict, what else the program asks, and where the rules come from, before the steps. */
static void test_rules_into(void)
{
    struct err e = {0};
    struct entry *en = entry_get(db(), "bravo", KIND_PATHWAY, &e);
    CHECK(en != NULL);
    if (!en)
        return;
    struct answers a;
    match_answers_init(&a);
    a.discipline = "family-medicine";
    struct doc *d = doc_entry(en);
    match_rules_into(d, db(), en, &a, &e);
    CHECK_INT(e.code, 0);
    char *text = plain(d);
    const char *rules = strstr(text, "\nRules on record\n"), *steps = strstr(text, "\nSteps\n");
    CHECK(rules && steps && rules < steps);
    CHECK(strstr(text, "1 rule on record; not the program's whole eligibility.\n"));
    CHECK(strstr(text, "  - met: It is for family medicine, your discipline.\n"));
    CHECK(strstr(text, "For your answers: meets the 1 rule on record (family medicine as your "
                       "field); the program also asks: A sponsored job.\n"));
    /* The undated source: seen, not "as of". */
    CHECK(strstr(text, "Rules from: An undated page, seen 2026-11-21 (the page is undated)\n  "
                       "https://example.org/undated\n"));
    free(text);
    doc_destroy(d);

    /* No answers (show): the rules as stated, no verdict. */
    d = doc_entry(en);
    match_rules_into(d, db(), en, NULL, &e);
    text = plain(d);
    CHECK(strstr(text, "  - For family medicine only.\n"));
    CHECK(strstr(text, "The program also asks: A sponsored job\n"));
    CHECK(!strstr(text, "For your answers"));
    free(text);
    doc_destroy(d);
    entry_destroy(en);

    /* Complete rules, from a dated source with a publisher. */
    en = entry_get(db(), "exam-path", KIND_PATHWAY, &e);
    d = doc_entry(en);
    match_rules_into(d, db(), en, NULL, &e);
    text = plain(d);
    CHECK(strstr(text, "This rule is the program's whole published eligibility.\n"));
    CHECK(strstr(text, "  - Needs a pass in all of: MCCQE Part I and NAC OSCE.\n"));
    CHECK(strstr(text, "Rules from: Match Source (A publisher), as of 2024\n"));
    free(text);
    doc_destroy(d);
    entry_destroy(en);

    /* A support has no rules section. */
    en = entry_get(db(), "helper", 0, &e);
    d = doc_entry(en);
    size_t before = d->n;
    match_rules_into(d, db(), en, &a, &e);
    CHECK_INT(d->n, before);
    doc_destroy(d);
    entry_destroy(en);
}

/* ---- the answers in the forms people use ---- */

static void test_last_practised(void)
{
    double ago;
    int year;
    CHECK(profile_parse_last_practised("2023", 2026, &ago, &year) && ago == 3 && year == 2023);
    CHECK(profile_parse_last_practised(" 2026 ", 2026, &ago, &year) && ago == 0 && year == 2026);
    CHECK(profile_parse_last_practised("3", 2026, &ago, &year) && ago == 3 && year == 0);
    CHECK(profile_parse_last_practised("2.5", 2026, &ago, &year) && ago == 2.5 && year == 0);
    CHECK(profile_parse_last_practised("1946", 2026, &ago, &year) && ago == 80);
    CHECK(!profile_parse_last_practised("1945", 2026, &ago, &year)); /* more than 80 years */
    CHECK(!profile_parse_last_practised("2027", 2026, &ago, &year)); /* not yet */
    CHECK(!profile_parse_last_practised("81", 2026, &ago, &year));
    CHECK(!profile_parse_last_practised("20233", 2026, &ago, &year));
    CHECK(!profile_parse_last_practised("2023.5", 2026, &ago, &year));
    CHECK(!profile_parse_last_practised("in 2023", 2026, &ago, &year));
    CHECK(!profile_parse_last_practised("", 2026, &ago, &year));

    /* The question takes a year, and says which it understood. */
    struct profile p;
    profile_init(&p);
    int now = profile_this_year();
    char typed[16];
    snprintf(typed, sizeof typed, "%d", now - 3);
    CHECK(profile_set_years(&p, Q_RECENCY, typed));
    CHECK(p.last_practised == 3 && p.last_year == now - 3);
    char *w = profile_answer_words(&p, Q_RECENCY, NULL, NULL);
    char *want = xasprintf("%d: 3 years ago", now - 3);
    CHECK_STR(w, want);
    free(want);
    free(w);
    /* Kept as the year: a record made years ago counts from this year. */
    char *text = profile_encode(&p);
    char *line = xasprintf("last_practised_year=%d\n", now - 3);
    CHECK(strstr(text, line) != NULL);
    free(line);
    free(text);
    struct profile q;
    char *old = xasprintf("version=1\nlast_practised=1\nlast_practised_year=%d\n", now - 5);
    profile_decode(&q, old);
    free(old);
    CHECK(q.last_practised == 5 && q.last_year == now - 5);
    profile_decode(&q, "version=1\nlast_practised=4\nlast_practised_year=1066\n");
    CHECK(q.last_practised == 4 && q.last_year == 0); /* a year out of range: the years stay */
    /* Years ago as before; a year this year reads "this year". */
    CHECK(profile_set_years(&p, Q_RECENCY, "2"));
    CHECK(p.last_year == 0);
    w = profile_answer_words(&p, Q_RECENCY, NULL, NULL);
    CHECK_STR(w, "2 years ago");
    free(w);
    snprintf(typed, sizeof typed, "%d", now);
    CHECK(profile_set_years(&p, Q_RECENCY, typed));
    w = profile_answer_words(&p, Q_RECENCY, NULL, NULL);
    want = xasprintf("%d: this year", now);
    CHECK_STR(w, want);
    free(want);
    free(w);
    /* A bad answer changes nothing; the other questions take no year. */
    CHECK(!profile_set_years(&p, Q_RECENCY, "last year"));
    CHECK(p.last_year == now);
    CHECK(!profile_set_years(&p, Q_POSTGRAD, "2023"));
    profile_forget(&p, Q_RECENCY);
    CHECK(p.last_year == 0 && p.last_practised < 0);
    CHECK(strstr(profile_years_form(Q_RECENCY), "2023") != NULL);
    CHECK(strstr(profile_years_form(Q_POSTGRAD), "2023") == NULL);
}

/* An exam by what people call it: "ID" is the id found, "?A|B" ambiguous between the ids listed,
 * "!NAME" unknown with that suggestion, "!" unknown with none. */
static void expect_exam(const char *typed, const char *want)
{
    char *id = NULL, *which = NULL;
    struct err e = {0};
    enum profile_exam_found f = profile_find_exam(db(), typed, &id, &which, &e);
    CHECK_INT(e.code, 0);
    char *got = f == PROFILE_EXAM_FOUND       ? xstrdup(id)
                : f == PROFILE_EXAM_AMBIGUOUS ? xasprintf("?%s", which)
                                              : xasprintf("!%s", which ? which : "");
    if (strcmp(got, want) != 0)
        fprintf(stderr, "  exam \"%s\"\n", typed);
    CHECK_STR(got, want);
    free(got);
    free(id);
    free(which);
}

static void test_find_exam(void)
{
    expect_exam("mccqe1", "mccqe1");       /* the id */
    expect_exam("MCCQE Part I", "mccqe1"); /* the short name, whole: not Part II */
    expect_exam("mccqe part ii", "mccqe2");
    expect_exam("MCC Qualifying Examination Part I", "mccqe1"); /* inside the parenthesis */
    expect_exam("nac", "nac");
    expect_exam("NAC OSCE", "nac");
    expect_exam("  nac   osce ", "nac"); /* spaces are not part of it */
    expect_exam("therapeutics", "tdm");  /* the start of a name */
    expect_exam("TDM", "tdm");
    expect_exam("evaluation", "eval"); /* accents ignored */
    expect_exam("ÉVALUATION CLINIQUE", "eval");
    expect_exam("mccqe", "?MCCQE Part I (mccqe1) or MCCQE Part II (mccqe2)");
    expect_exam("MCC Qualifying", "?MCCQE Part I (mccqe1) or MCCQE Part II (mccqe2)");
    expect_exam("nack", "!NAC OSCE (nac)"); /* did you mean */
    expect_exam("osce", "!NAC OSCE (nac)"); /* a word of its name */
    expect_exam("part ii", "!MCCQE Part II (mccqe2)");
    expect_exam("clinique", "!Évaluation clinique (eval)");
    expect_exam("qualifying", "!MCCQE Part I (mccqe1) or MCCQE Part II (mccqe2)");
    expect_exam("sce", "!"); /* inside a word: not one */
    expect_exam("", "!");
    expect_exam("zzzzzzzzzzzz", "!");
}

/* ---- the bundled dataset ---- */

#ifndef UNIT_BUNDLED
#define UNIT_BUNDLED "data/itpnav.json"
#endif

/* Whether a next step says where: a web address, an email address or a phone number. */
static bool has_place(const char *step)
{
    if (strstr(step, "https://") || strstr(step, "http://") || strchr(step, '@'))
        return true;
    size_t digits = 0;
    for (const char *p = step; *p; p++)
        digits += *p >= '0' && *p <= '9';
    return digits >= 10;
}

/* Many profiles through the bundled data: no fits (no rule set there is said to be complete),
 * every next step with a place and never a rule restated, and no national overview "not yet"
 * where a route of its goal where the person lives meets its rules. */
static void test_bundled_never_contradicts(void)
{
    struct store *b = NULL;
    struct diags dg = {0};
    struct err e = {0};
    struct dataset_input in = {.path = UNIT_BUNDLED};
    if (store_open_memory(&in, UNIT_BUNDLED, 0, &b, &dg, &e) != 0) {
        diags_print(&dg, stderr, UNIT_BUNDLED);
        CHECK(!"the bundled dataset loads");
        diags_finish(&dg);
        return;
    }
    diags_finish(&dg);
    static const char *const regions[] = {NULL,
                                          "alberta",
                                          "ontario",
                                          "toronto",
                                          "quebec",
                                          "british-columbia",
                                          "nova-scotia",
                                          "manitoba",
                                          "saskatchewan",
                                          "new-brunswick",
                                          "newfoundland-and-labrador",
                                          "prince-edward-island",
                                          "yukon"};
    static const char *const statuses[] = {NULL, "citizen", "work-permit"};
    static const char *const disciplines[] = {NULL, "family-medicine", "specialty"};
    size_t profiles = 0, results = 0, stated = 0;
    for (size_t r = 0; r < sizeof regions / sizeof *regions; r++)
        for (size_t s = 0; s < 3; s++)
            for (size_t k = 0; k < 3; k++)
                for (int exams = -1; exams <= 2; exams++)
                    for (int years = -1; years <= 1; years++) {
                        struct answers a;
                        match_answers_init(&a);
                        a.region = regions[r];
                        a.status = statuses[s];
                        a.discipline = disciplines[k];
                        a.exams_known = exams >= 0;
                        static const char *const all[] = {"mccqe1", "nac", "tdm"};
                        /* -1 unknown, 0 none, 1 MCCQE Part I and NAC, 2 all three. */
                        int count = exams <= 0 ? 0 : exams == 1 ? 2 : 3;
                        for (int x = 0; x < count; x++)
                            a.exams[a.n_exams++] = all[x];
                        a.postgrad_years = a.practice_years = years < 0 ? -1 : years ? 5 : 0;
                        a.last_practised = years < 0 ? -1 : years ? 1 : 20;
                        a.language_test = years;
                        struct match *m = NULL;
                        size_t n = 0;
                        if (match_run(b, &a, &m, &n, &e) != 0) {
                            CHECK_STR(e.msg, "");
                            break;
                        }
                        profiles++;
                        for (size_t i = 0; i < n; i++) {
                            results++;
                            stated += m[i].verdict == VERDICT_MEETS_STATED;
                            if (m[i].verdict == VERDICT_FITS)
                                fprintf(stderr, "  %s fits, on rules not said to be complete\n",
                                        m[i].id);
                            CHECK(m[i].verdict != VERDICT_FITS);
                            if (!m[i].next_step || !has_place(m[i].next_step))
                                fprintf(stderr, "  %s: next step without a place: %s\n", m[i].id,
                                        m[i].next_step ? m[i].next_step : "(none)");
                            CHECK(m[i].next_step && has_place(m[i].next_step));
                            /* National entries beside a route of their goal are context, and
                             * never "not yet" where that goal's route meets its rules. */
                            if (!m[i].national)
                                continue;
                            for (size_t p = 0; p < n; p++) {
                                if (m[p].national || strcmp(m[p].goal, m[i].goal) != 0)
                                    continue;
                                CHECK(m[i].context);
                                bool meets = m[p].verdict == VERDICT_MEETS_STATED ||
                                             m[p].verdict == VERDICT_FITS;
                                if (meets && m[i].verdict == VERDICT_NOT_YET)
                                    fprintf(stderr, "  %s not yet while %s meets its rules\n",
                                            m[i].id, m[p].id);
                                CHECK(!(meets && m[i].verdict == VERDICT_NOT_YET));
                            }
                        }
                        match_destroy(m, n);
                    }
    /* The grid did reach results of every kind it tests. */
    CHECK(profiles > 1000);
    CHECK(results > profiles);
    CHECK(stated > 0);
    memory_store_close(&b);
}

static void test_finish(void)
{
    memory_store_close(&st);
    CHECK(st == NULL);
}

UNIT_MAIN(CASE(test_names), CASE(test_status), CASE(test_exams), CASE(test_exam_sentences),
          CASE(test_language), CASE(test_discipline), CASE(test_postgrad_years),
          CASE(test_practice_years), CASE(test_recency), CASE(test_residence), CASE(test_combined),
          CASE(test_verdicts), CASE(test_version1_never_fits), CASE(test_doc_labels),
          CASE(test_run_ranking), CASE(test_next_step), CASE(test_results_doc),
          CASE(test_handout_words), CASE(test_run_region), CASE(test_run_goals),
          CASE(test_run_errors), CASE(test_run_index), CASE(test_run_list_is_the_lists),
          CASE(test_run_shares_judgements), CASE(test_rules_into), CASE(test_last_practised),
          CASE(test_find_exam), CASE(test_bundled_never_contradicts), CASE(test_finish))
