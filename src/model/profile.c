/* profile.c: a person's answers to "What's my path?": kept, saved as text, put in words. */
#include "profile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "terms.h"
#include "util.h"
#include "vocab.h"

void profile_init(struct profile *p)
{
    *p = (struct profile){
            .postgrad_years = -1,
            .practice_years = -1,
            .last_practised = -1,
            .language_test = -1,
    };
}

bool profile_empty(const struct profile *p)
{
    for (int q = 0; q < Q_COUNT; q++)
        if (profile_answered(p, (enum profile_question)q))
            return false;
    return true;
}

void profile_answers(const struct profile *p, struct answers *a)
{
    match_answers_init(a);
    a->region = p->region[0] ? p->region : NULL;
    for (size_t i = 0; i < p->n_goals && i < QUERY_MAX_VALUES; i++)
        a->goals[a->n_goals++] = p->goals[i];
    a->status = p->status[0] ? p->status : NULL;
    a->discipline = p->discipline[0] ? p->discipline : NULL;
    for (size_t i = 0; i < p->n_exams && i < QUERY_MAX_VALUES; i++)
        a->exams[a->n_exams++] = p->exams[i];
    a->exams_known = p->exams_known;
    a->postgrad_years = p->postgrad_years;
    a->practice_years = p->practice_years;
    a->last_practised = p->last_practised;
    a->language_test = p->language_test;
}

/* ---- saving ---- */

static void put_years(struct sb *b, const char *key, double v)
{
    if (v >= 0)
        sb_addf(b, "%s=%g\n", key, v);
}

char *profile_encode(const struct profile *p)
{
    struct sb b = {0};
    sb_add(&b, "version=1\n");
    if (p->region[0])
        sb_addf(&b, "region=%s\n", p->region);
    for (size_t i = 0; i < p->n_goals; i++)
        sb_addf(&b, "goal=%s\n", p->goals[i]);
    if (p->discipline[0])
        sb_addf(&b, "discipline=%s\n", p->discipline);
    if (p->status[0])
        sb_addf(&b, "status=%s\n", p->status);
    if (p->exams_known)
        sb_add(&b, "exams_known=1\n");
    for (size_t i = 0; i < p->n_exams; i++)
        sb_addf(&b, "exam=%s\n", p->exams[i]);
    put_years(&b, "postgrad_years", p->postgrad_years);
    put_years(&b, "practice_years", p->practice_years);
    put_years(&b, "last_practised", p->last_practised);
    if (p->language_test >= 0)
        sb_addf(&b, "language_test=%d\n", p->language_test);
    return sb_take(&b);
}

/* Ids and the fixed words: a-z, 0-9 and '-', as dataset.md's ids. */
static bool plain_id(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n >= max)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static void set_id(char *dst, size_t n, const char *v)
{
    if (plain_id(v, n))
        snprintf(dst, n, "%s", v);
}

void profile_decode(struct profile *p, const char *text)
{
    profile_init(p);
    if (!text)
        return;
    char *copy = xstrdup(text), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        const char *k = line, *v = eq + 1;
        double d;
        if (strcmp(k, "region") == 0)
            set_id(p->region, sizeof p->region, v);
        else if (strcmp(k, "goal") == 0 && p->n_goals < PROFILE_MAX_GOALS && plain_id(v, 65))
            snprintf(p->goals[p->n_goals++], 65, "%s", v);
        else if (strcmp(k, "discipline") == 0)
            set_id(p->discipline, sizeof p->discipline, v);
        else if (strcmp(k, "status") == 0)
            set_id(p->status, sizeof p->status, v);
        else if (strcmp(k, "exams_known") == 0)
            p->exams_known = strcmp(v, "1") == 0;
        else if (strcmp(k, "exam") == 0 && p->n_exams < PROFILE_MAX_EXAMS && plain_id(v, 65))
            snprintf(p->exams[p->n_exams++], 65, "%s", v);
        else if (strcmp(k, "postgrad_years") == 0 && profile_parse_years(v, &d))
            p->postgrad_years = d;
        else if (strcmp(k, "practice_years") == 0 && profile_parse_years(v, &d))
            p->practice_years = d;
        else if (strcmp(k, "last_practised") == 0 && profile_parse_years(v, &d))
            p->last_practised = d;
        else if (strcmp(k, "language_test") == 0 && (strcmp(v, "0") == 0 || strcmp(v, "1") == 0))
            p->language_test = v[0] - '0';
    }
    if (p->n_exams)
        p->exams_known = true;
    free(copy);
}

bool profile_parse_years(const char *s, double *out)
{
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    if (!*s || !((*s >= '0' && *s <= '9') || *s == '.'))
        return false;
    char *end;
    double v = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (*end || !isfinite(v) || v < 0 || v > 80)
        return false;
    *out = v;
    return true;
}

void profile_set_choice(struct profile *p, enum profile_question q, const char *const *values,
                        size_t n)
{
    /* "" is a Skip row: it counts as nothing chosen. */
    const char *v = "";
    for (size_t i = 0; i < n && !v[0]; i++)
        v = values[i];
    switch (q) {
    case Q_REGION: snprintf(p->region, sizeof p->region, "%s", v); break;
    case Q_GOALS:
        p->n_goals = 0;
        for (size_t i = 0; i < n && p->n_goals < PROFILE_MAX_GOALS; i++)
            if (values[i][0])
                snprintf(p->goals[p->n_goals++], sizeof p->goals[0], "%s", values[i]);
        break;
    case Q_DISCIPLINE: snprintf(p->discipline, sizeof p->discipline, "%s", v); break;
    case Q_EXAMS:
        p->n_exams = 0;
        p->exams_known = v[0] != '\0';
        for (size_t i = 0; i < n && p->n_exams < PROFILE_MAX_EXAMS; i++)
            if (values[i][0] && strcmp(values[i], "none") != 0)
                snprintf(p->exams[p->n_exams++], sizeof p->exams[0], "%s", values[i]);
        break;
    case Q_LANGUAGE: p->language_test = v[0] == '1' ? 1 : v[0] == '0' ? 0 : -1; break;
    case Q_STATUS: snprintf(p->status, sizeof p->status, "%s", v); break;
    default: break;
    }
}

bool profile_set_years(struct profile *p, enum profile_question q, const char *typed)
{
    double v = -1;
    if (typed && typed[strspn(typed, " ")] && !profile_parse_years(typed, &v))
        return false;
    double *slot = q == Q_POSTGRAD   ? &p->postgrad_years
                   : q == Q_PRACTICE ? &p->practice_years
                   : q == Q_RECENCY  ? &p->last_practised
                                     : NULL;
    if (!slot)
        return false;
    *slot = v;
    return true;
}

/* ---- the questions ---- */

static const struct {
    const char *label, *explain;
} questions[Q_COUNT] = {
        [Q_REGION] = {"Where you live",
                      "Most pathways are run by one province or territory, for people who live "
                      "there."},
        [Q_GOALS] = {"Your goals",
                     "Residency, a practice-ready assessment, a clinical-assistant role or another "
                     "career: choose any."},
        [Q_DISCIPLINE] = {"Your field",
                          "Some pathways are only for family medicine, others only for other "
                          "specialties."},
        [Q_POSTGRAD] = {"Postgraduate training",
                        "Years of residency (postgraduate) training you completed after medical "
                        "school."},
        [Q_PRACTICE] = {"Independent practice",
                        "Years you practised as a physician on your own licence, without "
                        "supervision."},
        [Q_RECENCY] = {"Last practised",
                       "How many years ago you last practised: many programs ask for recent "
                       "practice."},
        [Q_EXAMS] = {"Exams passed",
                     "The Canadian exams you have passed; pathways name the ones they require."},
        [Q_LANGUAGE] = {"Language test",
                        "Whether you have an accepted English or French language test result."},
        [Q_STATUS] = {"Status in Canada",
                      "Some programs are open only to citizens and permanent residents."},
};

const char *profile_label(enum profile_question q)
{
    return q < Q_COUNT ? questions[q].label : "";
}

const char *profile_explain(enum profile_question q)
{
    return q < Q_COUNT ? questions[q].explain : "";
}

bool profile_answered(const struct profile *p, enum profile_question q)
{
    switch (q) {
    case Q_REGION: return p->region[0] != '\0';
    case Q_GOALS: return p->n_goals > 0;
    case Q_DISCIPLINE: return p->discipline[0] != '\0';
    case Q_POSTGRAD: return p->postgrad_years >= 0;
    case Q_PRACTICE: return p->practice_years >= 0;
    case Q_RECENCY: return p->last_practised >= 0;
    case Q_EXAMS: return p->exams_known;
    case Q_LANGUAGE: return p->language_test >= 0;
    case Q_STATUS: return p->status[0] != '\0';
    default: return false;
    }
}

void profile_forget(struct profile *p, enum profile_question q)
{
    switch (q) {
    case Q_REGION: p->region[0] = '\0'; break;
    case Q_GOALS: p->n_goals = 0; break;
    case Q_DISCIPLINE: p->discipline[0] = '\0'; break;
    case Q_POSTGRAD: p->postgrad_years = -1; break;
    case Q_PRACTICE: p->practice_years = -1; break;
    case Q_RECENCY: p->last_practised = -1; break;
    case Q_EXAMS:
        p->n_exams = 0;
        p->exams_known = false;
        break;
    case Q_LANGUAGE: p->language_test = -1; break;
    case Q_STATUS: p->status[0] = '\0'; break;
    default: break;
    }
}

/* The name of id in t; the id itself when the data no longer has it (or there is no store, or it
 * cannot be read: then e says why). */
static void add_name(struct sb *b, struct store *st, enum vocab t, const char *id, struct err *e)
{
    struct vocab_item it = {0};
    if (st)
        vocab_get(st, t, id, &it, e);
    sb_add(b, it.name ? it.name : id);
    vocab_item_finish(&it);
}

static char *years_words(double y, const char *after)
{
    if (y == floor(y))
        return xasprintf("%.0f year%s%s", y, y == 1 ? "" : "s", after);
    return xasprintf("%.1f years%s", y, after);
}

char *profile_answer_words(const struct profile *p, enum profile_question q, struct store *st,
                           struct err *e)
{
    if (!profile_answered(p, q))
        return xstrdup("not answered");
    struct sb b = {0};
    switch (q) {
    case Q_REGION: add_name(&b, st, VOCAB_REGION, p->region, e); break;
    case Q_GOALS:
        for (size_t i = 0; i < p->n_goals; i++) {
            if (i)
                sb_add(&b, ", ");
            add_name(&b, st, VOCAB_GOAL, p->goals[i], e);
        }
        break;
    case Q_DISCIPLINE: sb_add(&b, terms_label(&terms_discipline, p->discipline)); break;
    case Q_POSTGRAD: return years_words(p->postgrad_years, "");
    case Q_PRACTICE: return years_words(p->practice_years, "");
    case Q_RECENCY:
        if (p->last_practised == 0)
            return xstrdup("practising now");
        return years_words(p->last_practised, " ago");
    case Q_EXAMS:
        if (p->n_exams == 0)
            sb_add(&b, "none yet");
        for (size_t i = 0; i < p->n_exams; i++) {
            if (i)
                sb_add(&b, ", ");
            add_name(&b, st, VOCAB_EXAM, p->exams[i], e);
        }
        break;
    case Q_LANGUAGE: sb_add(&b, p->language_test ? "yes, I have a result" : "not yet"); break;
    case Q_STATUS: sb_add(&b, terms_label(&terms_person_status, p->status)); break;
    default: break;
    }
    return sb_take(&b);
}
