/* match.c: the wizard's matching, rule by rule, with a plain sentence for every finding. */
#include "match.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "entry.h"
#include "store_impl.h"
#include "terms.h"
#include "util.h"
#include "vocab.h"

void match_answers_init(struct answers *a)
{
    *a = (struct answers){
            .postgrad_years = -1,
            .practice_years = -1,
            .last_practised = -1,
            .language_test = -1,
    };
}

const char *match_verdict_name(enum verdict v)
{
    switch (v) {
    case VERDICT_FITS: return "fits";
    case VERDICT_CHECK: return "check";
    default: return "not-yet";
    }
}

const char *match_key_name(unsigned bit)
{
    switch (bit) {
    case REQ_STATUS: return "status";
    case REQ_EXAMS: return "exams";
    case REQ_LANGUAGE: return "language_test";
    case REQ_DISCIPLINE: return "discipline";
    case REQ_POSTGRAD: return "postgrad_years";
    case REQ_PRACTICE: return "practice_years";
    case REQ_RECENCY: return "practised_within_years";
    case REQ_RESIDENCE: return "residence";
    default: return "";
    }
}

/* Names for a list of ids, joined for a sentence: from the dataset's vocabulary t, or when terms
 * is given from that closed vocabulary. An id neither knows is named as it is. */
static char *name_list(struct store *st, enum vocab t, const struct terms *terms, const cJSON *ids,
                       const char *conjunction, struct err *e)
{
    struct sb b = {0};
    size_t n = (size_t)cJSON_GetArraySize(ids), i = 0;
    for (const cJSON *x = ids->child; x; x = x->next, i++) {
        if (!cJSON_IsString(x))
            continue;
        struct vocab_item it = {0};
        if (!terms)
            vocab_get(st, t, x->valuestring, &it, e);
        const char *name = terms     ? terms_label(terms, x->valuestring)
                           : it.name ? it.name
                                     : x->valuestring;
        if (i)
            sb_add(&b, i + 1 == n ? conjunction : ", ");
        sb_add(&b, name);
        vocab_item_finish(&it);
    }
    return sb_take(&b);
}

static bool listed(const cJSON *list, const char *value)
{
    for (const cJSON *e = list->child; e; e = e->next)
        if (cJSON_IsString(e) && strcmp(e->valuestring, value) == 0)
            return true;
    return false;
}

struct judge {
    struct match *m;
    char **met, **unmet, **unknown;
    size_t n_met, n_unmet, n_unknown;
};

static void say(char ***list, size_t *n, char *sentence)
{
    *list = xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = sentence;
}

static void found(struct judge *j, unsigned key, int outcome, char *sentence)
{
    if (outcome > 0) {
        j->m->met |= key;
        say(&j->met, &j->n_met, sentence);
    } else if (outcome == 0) {
        j->m->unmet |= key;
        say(&j->unmet, &j->n_unmet, sentence);
    } else {
        j->m->unknown |= key;
        say(&j->unknown, &j->n_unknown, sentence);
    }
}

static int failed(struct store *st, struct err *e)
{
    return store_failed(st, e);
}

static bool in_region(struct store *st, const char *ancestor, const char *region, struct err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT 1 FROM region_closure WHERE ancestor = ? AND descendant = ?", -1,
                           &s, NULL) != SQLITE_OK) {
        failed(st, e);
        return false;
    }
    sqlite3_bind_text(s, 1, ancestor, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, region, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        failed(st, e);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW;
}

/* A number of years as words: "2 years", "1 year", "1.5 years". */
static char *years(double y)
{
    if (y == (long)y)
        return xasprintf("%ld year%s", (long)y, (long)y == 1 ? "" : "s");
    return xasprintf("%.1f years", y);
}

static void judge_years(struct judge *j, unsigned key, const cJSON *rule, double answer,
                        const char *what)
{
    if (!cJSON_IsNumber(rule))
        return;
    char *need = years(rule->valuedouble);
    if (answer < 0) {
        found(j, key, -1,
              xasprintf("Needs at least %s of %s; you have not said how many.", need, what));
    } else {
        char *have = years(answer);
        bool ok = answer >= rule->valuedouble;
        found(j, key, ok,
              ok ? xasprintf("You have %s of %s; it needs at least %s.", have, what, need)
                 : xasprintf("Needs at least %s of %s; you have %s.", need, what, have));
        free(have);
    }
    free(need);
}

void match_judge(struct store *st, const char *requires_json, const struct answers *a,
                 struct match *m, struct err *e)
{
    struct judge j = {.m = m};
    cJSON *req = requires_json ? cJSON_Parse(requires_json) : NULL;
    m->has_requires = false;
    if (cJSON_IsObject(req)) {
        /* A note and version 2's "complete" say something about the rules, and are none. */
        for (const cJSON *k = req->child; k; k = k->next)
            if (strcmp(k->string, "note") != 0 && strcmp(k->string, "complete") != 0)
                m->has_requires = true;
        const cJSON *v;

        if (cJSON_IsArray(v = cJSON_GetObjectItemCaseSensitive(req, "status")) && v->child) {
            char *allowed = name_list(st, 0, &terms_person_status, v, " or ", e);
            const char *yours = terms_label(&terms_person_status, a->status);
            if (!a->status)
                found(&j, REQ_STATUS, -1,
                      xasprintf("Open to: %s; you have not said your status.", allowed));
            else if (listed(v, a->status))
                found(&j, REQ_STATUS, 1, xasprintf("Your status (%s) is accepted.", yours));
            else
                found(&j, REQ_STATUS, 0, xasprintf("Open to: %s; you said %s.", allowed, yours));
            free(allowed);
        }
        if (cJSON_IsArray(v = cJSON_GetObjectItemCaseSensitive(req, "exams")) && v->child) {
            char *all = name_list(st, VOCAB_EXAM, NULL, v, " and ", e);
            if (!a->exams_known) {
                found(&j, REQ_EXAMS, -1,
                      xasprintf("Needs a pass in: %s; you have not said which exams you passed.",
                                all));
            } else {
                cJSON *missing = cJSON_CreateArray();
                for (const cJSON *x = v->child; x; x = x->next) {
                    bool passed = false;
                    for (size_t i = 0; i < a->n_exams && !passed; i++)
                        passed = cJSON_IsString(x) && strcmp(a->exams[i], x->valuestring) == 0;
                    if (!passed && cJSON_IsString(x))
                        cJSON_AddItemToArray(missing, cJSON_CreateString(x->valuestring));
                }
                if (!missing->child) {
                    found(&j, REQ_EXAMS, 1, xasprintf("You have passed %s.", all));
                } else {
                    char *names = name_list(st, VOCAB_EXAM, NULL, missing, " and ", e);
                    found(&j, REQ_EXAMS, 0,
                          xasprintf("Needs a pass in all of: %s; not yet passed: %s.", all, names));
                    free(names);
                }
                cJSON_Delete(missing);
            }
            free(all);
        }
        if (cJSON_IsTrue(v = cJSON_GetObjectItemCaseSensitive(req, "language_test"))) {
            if (a->language_test < 0)
                found(&j, REQ_LANGUAGE, -1,
                      xstrdup("Needs an accepted English or French language test result; you "
                              "have not said whether you have one."));
            else if (a->language_test)
                found(&j, REQ_LANGUAGE, 1,
                      xstrdup("You have an English or French language test result."));
            else
                found(&j, REQ_LANGUAGE, 0,
                      xstrdup("Needs an accepted English or French language test result."));
        }
        if (cJSON_IsArray(v = cJSON_GetObjectItemCaseSensitive(req, "discipline")) && v->child) {
            char *allowed = name_list(st, 0, &terms_discipline, v, " or ", e);
            const char *yours = terms_label(&terms_discipline, a->discipline);
            if (!a->discipline)
                found(&j, REQ_DISCIPLINE, -1,
                      xasprintf("For %s; you have not said your discipline.", allowed));
            else if (listed(v, a->discipline))
                found(&j, REQ_DISCIPLINE, 1, xasprintf("It is for %s, your discipline.", yours));
            else
                found(&j, REQ_DISCIPLINE, 0,
                      xasprintf("For %s only; you said %s.", allowed, yours));
            free(allowed);
        }
        judge_years(&j, REQ_POSTGRAD, cJSON_GetObjectItemCaseSensitive(req, "postgrad_years"),
                    a->postgrad_years, "postgraduate (residency) training");
        judge_years(&j, REQ_PRACTICE, cJSON_GetObjectItemCaseSensitive(req, "practice_years"),
                    a->practice_years, "independent practice");
        v = cJSON_GetObjectItemCaseSensitive(req, "practised_within_years");
        if (cJSON_IsNumber(v)) {
            char *within = years(v->valuedouble);
            if (a->last_practised < 0) {
                found(&j, REQ_RECENCY, -1,
                      xasprintf("Needs independent practice within the last %s; you have not "
                                "said when you last practised.",
                                within));
            } else {
                char *ago = years(a->last_practised);
                bool ok = a->last_practised <= v->valuedouble;
                found(&j, REQ_RECENCY, ok,
                      ok ? xasprintf("You practised %s ago, within the %s it asks.", ago, within)
                         : xasprintf("Needs practice within the last %s; you last practised %s "
                                     "ago.",
                                     within, ago));
                free(ago);
            }
            free(within);
        }
        if (cJSON_IsArray(v = cJSON_GetObjectItemCaseSensitive(req, "residence")) && v->child) {
            char *places = name_list(st, VOCAB_REGION, NULL, v, " or ", e);
            if (!a->region) {
                found(&j, REQ_RESIDENCE, -1,
                      xasprintf("You must live in %s; you have not said where you live.", places));
            } else {
                bool ok = false, wider = false;
                for (const cJSON *x = v->child; x && !ok; x = x->next) {
                    ok = cJSON_IsString(x) && in_region(st, x->valuestring, a->region, e);
                    /* "Canada" for a rule about Ontario: not an answer either way. */
                    wider = wider ||
                            (cJSON_IsString(x) && in_region(st, a->region, x->valuestring, e));
                }
                found(&j, REQ_RESIDENCE,
                      ok      ? 1
                      : wider ? -1
                              : 0,
                      ok      ? xasprintf("You live in %s, as it asks.", places)
                      : wider ? xasprintf("You must live in %s; say more exactly where you live.",
                                          places)
                              : xasprintf("You must live in %s.", places));
            }
            free(places);
        }
        v = cJSON_GetObjectItemCaseSensitive(req, "note");
        if (cJSON_IsString(v))
            m->note = xstrdup(v->valuestring);
    }
    cJSON_Delete(req);

    if (!m->has_requires) {
        say(&j.unknown, &j.n_unknown,
            xstrdup("This pathway states no requirements here: check them with the program."));
    }
    m->verdict = j.n_unmet                           ? VERDICT_NOT_YET
                 : (j.n_unknown || !m->has_requires) ? VERDICT_CHECK
                                                     : VERDICT_FITS;
    m->n_reasons = j.n_met + j.n_unmet + j.n_unknown;
    m->n_met = j.n_met;
    m->n_unmet = j.n_unmet;
    m->reasons = xmalloc((m->n_reasons ? m->n_reasons : 1) * sizeof *m->reasons);
    size_t k = 0;
    for (size_t i = 0; i < j.n_met; i++)
        m->reasons[k++] = j.met[i];
    for (size_t i = 0; i < j.n_unmet; i++)
        m->reasons[k++] = j.unmet[i];
    for (size_t i = 0; i < j.n_unknown; i++)
        m->reasons[k++] = j.unknown[i];
    free(j.met);
    free(j.unmet);
    free(j.unknown);
}

static int bits(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

static int compare(const void *pa, const void *pb)
{
    const struct match *a = pa, *b = pb;
    if (a->verdict != b->verdict)
        return (int)a->verdict - (int)b->verdict;
    return bits(a->unmet) - bits(b->unmet);
}

/* The first thing to do: the pathway's first step, else its first eligibility line. */
static char *next_step(struct store *st, int64_t rid, struct err *e)
{
    sqlite3_stmt *s;
    char *step = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT text FROM entry_item WHERE rid = ? AND list IN ('steps',"
                           " 'eligibility') ORDER BY list = 'eligibility', pos LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK) {
        failed(st, e);
        return NULL;
    }
    sqlite3_bind_int64(s, 1, rid);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        step = xstrdup((const char *)sqlite3_column_text(s, 0));
    else if (rc != SQLITE_DONE)
        failed(st, e);
    sqlite3_finalize(s);
    return step;
}

static int run_once(struct store *st, const struct answers *a, struct match **out, size_t *n,
                    struct err *e)
{
    *out = NULL;
    *n = 0;
    struct query q = {.region = a->region, .kinds = KIND_PATHWAY, .n_goals = a->n_goals};
    for (size_t i = 0; i < a->n_goals; i++)
        q.goals[i] = a->goals[i];
    struct page p;
    int rc = query_page(st, &q, 0, 100000, &p, e);
    if (rc != 0)
        return rc;
    struct match *m = xcalloc(p.n ? p.n : 1, sizeof *m);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT requires, goal FROM entry WHERE rid = ?", -1, &s,
                           NULL) != SQLITE_OK) {
        rc = failed(st, e);
        free(m);
        query_page_finish(&p);
        return rc;
    }
    /* Every failure on the way is kept here, so that none is lost when e is NULL. */
    struct err why = {0};
    for (size_t i = 0; i < p.n && !why.code; i++) {
        m[i].id = xstrdup(p.rows[i].id);
        m[i].name = xstrdup(p.rows[i].name);
        m[i].status = p.rows[i].status ? xstrdup(p.rows[i].status) : NULL;
        sqlite3_bind_int64(s, 1, p.rows[i].rid);
        const char *req = NULL;
        int step = sqlite3_step(s);
        if (step == SQLITE_ROW) {
            req = (const char *)sqlite3_column_text(s, 0);
            if (sqlite3_column_text(s, 1))
                m[i].goal = xstrdup((const char *)sqlite3_column_text(s, 1));
        } else if (step != SQLITE_DONE) {
            failed(st, &why);
        }
        char *req_copy = req ? xstrdup(req) : NULL;
        sqlite3_reset(s);
        match_judge(st, req_copy, a, &m[i], &why);
        free(req_copy);
        m[i].next_step = next_step(st, p.rows[i].rid, &why);
    }
    sqlite3_finalize(s);
    if (why.code) {
        if (e)
            *e = why;
        match_destroy(m, p.n);
        query_page_finish(&p);
        return why.code;
    }
    /* A stable sort keeps the query's order (most specific region, then name) within a rank. */
    for (size_t i = 1; i < p.n; i++)
        for (size_t k = i; k > 0 && compare(&m[k - 1], &m[k]) > 0; k--) {
            struct match t = m[k];
            m[k] = m[k - 1];
            m[k - 1] = t;
        }
    *out = m;
    *n = p.n;
    query_page_finish(&p);
    return 0;
}

int match_run(struct store *st, const struct answers *a, struct match **out, size_t *n,
              struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = run_once(st, a, out, n, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

void match_destroy(struct match *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(m[i].id);
        free(m[i].name);
        free(m[i].status);
        free(m[i].goal);
        for (size_t k = 0; k < m[i].n_reasons; k++)
            free(m[i].reasons[k]);
        free(m[i].reasons);
        free(m[i].note);
        free(m[i].next_step);
    }
    free(m);
}

const char *match_verdict_words(enum verdict v)
{
    switch (v) {
    case VERDICT_FITS: return "fits: you meet every stated requirement";
    case VERDICT_CHECK: return "check: nothing is unmet, but something is unknown";
    default: return "not yet: something is missing";
    }
}

const char *match_reason_kind(const struct match *m, size_t k)
{
    return k < m->n_met ? "met" : k < m->n_met + m->n_unmet ? "not yet" : "unknown";
}

void match_doc(struct doc *d, const struct match *m, bool with_id)
{
    char *title = with_id ? xasprintf("%s (%s)", m->name, m->id) : xstrdup(m->name);
    doc_add(d, DOC_HEADING, NULL, title, NULL, NULL, 0);
    free(title);
    doc_add(d, DOC_FIELD, "Verdict", match_verdict_words(m->verdict), NULL, NULL, 0);
    doc_add(d, DOC_FIELD, "Status", entry_status_words(m->status), NULL, NULL, 0);
    /* Each reason says in words what the screen marks with a symbol: read aloud or printed,
     * a missing requirement must not read like a met one. */
    for (size_t k = 0; k < m->n_reasons; k++)
        doc_add(d, DOC_BULLET, match_reason_kind(m, k), m->reasons[k], NULL, NULL, 0);
    doc_add(d, DOC_FIELD, "Note", m->note, NULL, NULL, 0);
    doc_add(d, DOC_FIELD, "Next step", m->next_step, NULL, NULL, 0);
}

void match_support_query(const struct answers *a, struct query *q)
{
    *q = (struct query){.kinds = KIND_SUPPORTS, .region = a->region};
    for (size_t i = 0; i < a->n_goals && i < QUERY_MAX_VALUES; i++)
        q->goals[q->n_goals++] = a->goals[i];
}
