/* profile.c: a person's answers to "What's my path?": kept, saved as text, put in words. */
#include "profile.h"

#include <math.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "terms.h"
#include "text.h"
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
    /* The year itself, so that "3 years ago" is counted again next year. */
    if (p->last_practised >= 0 && p->last_year > 0)
        sb_addf(&b, "last_practised_year=%d\n", p->last_year);
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
    const char *year = NULL;
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
        else if (strcmp(k, "last_practised_year") == 0)
            year = v;
        else if (strcmp(k, "language_test") == 0 && (strcmp(v, "0") == 0 || strcmp(v, "1") == 0))
            p->language_test = v[0] - '0';
    }
    if (p->n_exams)
        p->exams_known = true;
    /* A year is counted from this year: a later year says more years ago. */
    double ago;
    int y;
    if (year && year[strspn(year, "0123456789")] == '\0' &&
        profile_parse_last_practised(year, profile_this_year(), &ago, &y) && y) {
        p->last_practised = ago;
        p->last_year = y;
    }
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
    /* A decimal comma is how French writes 2.5 ("2,5"). */
    char *copy = xstrdup(s), *comma = strchr(copy, ',');
    if (comma && !strchr(comma + 1, ','))
        *comma = '.';
    char *end;
    double v = strtod(copy, &end);
    while (*end == ' ')
        end++;
    bool ok = !*end && isfinite(v) && v >= 0 && v <= 80;
    free(copy);
    if (!ok)
        return false;
    *out = v;
    return true;
}

int profile_this_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return 1970;
    return tm.tm_year + 1900;
}

bool profile_parse_last_practised(const char *s, int this_year, double *years_ago, int *year)
{
    double v;
    if (profile_parse_years(s, &v)) {
        *years_ago = v;
        *year = 0;
        return true;
    }
    if (!s)
        return false;
    s += strspn(s, " ");
    size_t digits = strspn(s, "0123456789");
    if (digits != 4 || s[digits + strspn(s + digits, " ")] != '\0')
        return false;
    int y = atoi(s);
    if (y > this_year || y < this_year - 80)
        return false;
    *years_ago = this_year - y;
    *year = y;
    return true;
}

const char *profile_years_form(enum profile_question q)
{
    return q == Q_RECENCY ? _("a year (2023) or years ago (3)")
                          : _("years from 0 to 80 (like 3 or 2.5)");
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
    int year = 0;
    bool given = typed && typed[strspn(typed, " ")];
    if (given && q == Q_RECENCY) {
        if (!profile_parse_last_practised(typed, profile_this_year(), &v, &year))
            return false;
    } else if (given && !profile_parse_years(typed, &v)) {
        return false;
    }
    if (q == Q_RECENCY)
        p->last_year = year;
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
        [Q_REGION] = {N_("Where you live"),
                      N_("Most pathways are run by one province or territory, for people who "
                         "live there.")},
        [Q_GOALS] = {N_("Your goals"),
                     N_("Residency, a practice-ready assessment, a clinical-assistant role or "
                        "another career: choose any.")},
        [Q_DISCIPLINE] = {N_("Your field"),
                          N_("Some pathways are only for family medicine, others only for other "
                             "specialties.")},
        [Q_POSTGRAD] = {N_("Postgraduate training"),
                        N_("Years of residency (postgraduate) training you completed after "
                           "medical school.")},
        [Q_PRACTICE] = {N_("Independent practice"),
                        N_("Years you practised as a physician on your own licence, without "
                           "supervision.")},
        [Q_RECENCY] = {N_("Last practised"),
                       N_("When you last practised, as a year (2023) or years ago (3): many "
                          "programs ask for recent practice.")},
        [Q_EXAMS] = {N_("Exams passed"),
                     N_("The Canadian exams you have passed; pathways name the ones they "
                        "require.")},
        [Q_LANGUAGE] = {N_("Language test"),
                        N_("Whether you have an accepted English or French language test "
                           "result.")},
        [Q_STATUS] = {N_("Status in Canada"),
                      N_("Some programs are open only to citizens and permanent residents.")},
};

const char *profile_label(enum profile_question q)
{
    return q < Q_COUNT ? _(questions[q].label) : "";
}

const char *profile_explain(enum profile_question q)
{
    return q < Q_COUNT ? _(questions[q].explain) : "";
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
    case Q_RECENCY:
        p->last_practised = -1;
        p->last_year = 0;
        break;
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
    char local[256] = "";
    if (st) {
        vocab_get(st, t, id, &it, e);
        /* The name in the reader's language, where the data has one. */
        if (i18n_french())
            vocab_name_in(st, t, id, i18n_lang(), local, sizeof local, NULL);
    }
    sb_add(b, local[0] ? local : it.name ? it.name : id);
    vocab_item_finish(&it);
}

static char *years_words(double y, bool ago)
{
    char n[32];
    if (y == floor(y))
        return ago ? xasprintf(ngettext("%.0f year ago", "%.0f years ago", (unsigned long)y), y)
                   : xasprintf(ngettext("%.0f year", "%.0f years", (unsigned long)y), y);
    i18n_decimal(n, sizeof n, y, 1);
    return ago ? xasprintf(_("%s years ago"), n) : xasprintf(_("%s years"), n);
}

char *profile_answer_words(const struct profile *p, enum profile_question q, struct store *st,
                           struct err *e)
{
    if (!profile_answered(p, q))
        return xstrdup(_("not answered"));
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
    case Q_DISCIPLINE: sb_add(&b, _(terms_label(&terms_discipline, p->discipline))); break;
    case Q_POSTGRAD: return years_words(p->postgrad_years, false);
    case Q_PRACTICE: return years_words(p->practice_years, false);
    case Q_RECENCY: {
        /* Said both ways when typed as a year, so the person hears what was understood. */
        char *ago = p->last_practised == 0
                            ? xstrdup(p->last_year ? _("this year") : _("practising now"))
                            : years_words(p->last_practised, true);
        if (!p->last_year)
            return ago;
        char *both = xasprintf("%d: %s", p->last_year, ago);
        free(ago);
        return both;
    }
    case Q_EXAMS:
        if (p->n_exams == 0)
            sb_add(&b, _("none yet"));
        for (size_t i = 0; i < p->n_exams; i++) {
            if (i)
                sb_add(&b, ", ");
            struct sb name = {0};
            add_name(&name, st, VOCAB_EXAM, p->exams[i], e);
            char *s = match_exam_short(sb_str(&name));
            sb_add(&b, s);
            free(s);
            sb_finish(&name);
        }
        break;
    case Q_LANGUAGE: sb_add(&b, p->language_test ? _("yes, I have a result") : _("not yet")); break;
    case Q_STATUS: sb_add(&b, _(terms_label(&terms_person_status, p->status))); break;
    default: break;
    }
    return sb_take(&b);
}

/* ---- exams by the names people know ---- */

/* Every name exam it goes by, folded, one a line: its id, its name, the name before its
 * parenthesis and each part inside it. */
static void exam_names(const struct vocab_item *it, struct sb *b)
{
    const char *name = it->name ? it->name : it->id;
    char *f = text_fold(it->id);
    sb_addf(b, "%s\n", f);
    free(f);
    f = text_fold(name);
    sb_addf(b, "%s\n", f);
    free(f);
    char *short_name = match_exam_short(name);
    f = text_fold(short_name);
    sb_addf(b, "%s\n", f);
    free(f);
    size_t sn = strlen(short_name);
    if (sn < strlen(name)) {
        /* Inside the parenthesis: "Therapeutics Decision-Making", parts split at commas. */
        char *inner = xstrdup(name + sn + 2);
        inner[strlen(inner) - 1] = '\0';
        char *save = NULL;
        for (char *part = strtok_r(inner, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
            f = text_fold(part + strspn(part, " "));
            sb_addf(b, "%s\n", f);
            free(f);
        }
        free(inner);
    }
    free(short_name);
}

/* Whether one of the names (lines) equals want, or when prefix, starts with it. */
static bool names_have(const char *names, const char *want, bool prefix)
{
    size_t n = strlen(want);
    for (const char *line = names; *line;) {
        size_t len = strcspn(line, "\n");
        if (prefix ? len >= n && strncmp(line, want, n) == 0 : len == n && !strncmp(line, want, n))
            return true;
        line += len + (line[len] == '\n');
    }
    return false;
}

/* Whether one of names' lines (folded) has want as a whole word or words: where it starts and
 * ends, no letter or digit touches it. */
static bool names_have_word(const char *names, const char *want)
{
    size_t n = strlen(want);
    for (const char *line = names; *line;) {
        size_t len = strcspn(line, "\n");
        for (const char *p = line; p + n <= line + len; p++)
            if (strncmp(p, want, n) == 0 && (p == line || !isalnum((unsigned char)p[-1])) &&
                (p + n == line + len || !isalnum((unsigned char)p[n])))
                return true;
        line += len + (line[len] == '\n');
    }
    return false;
}

enum profile_exam_found profile_find_exam(struct store *st, const char *typed, char **id,
                                          char **which, struct err *e)
{
    *id = *which = NULL;
    struct vocab_list l;
    if (vocab_list(st, VOCAB_EXAM, &l, e) != 0)
        return PROFILE_EXAM_UNKNOWN;
    char *want = text_fold(typed ? typed : "");
    /* Trailing and doubled spaces are not part of a name. */
    size_t w = 0;
    for (size_t r = 0; want[r]; r++)
        if (want[r] != ' ' || (w && want[w - 1] != ' '))
            want[w++] = want[r];
    while (w && want[w - 1] == ' ')
        w--;
    want[w] = '\0';
    char **names = xcalloc(l.n ? l.n : 1, sizeof *names);
    for (size_t i = 0; i < l.n; i++) {
        struct sb b = {0};
        exam_names(&l.v[i], &b);
        names[i] = sb_take(&b);
    }
    enum profile_exam_found r = PROFILE_EXAM_UNKNOWN;
    /* A whole name first (so "MCCQE Part I" is not taken as the start of "MCCQE Part II"),
     * then the start of one. */
    for (int prefix = 0; prefix <= 1 && r == PROFILE_EXAM_UNKNOWN && want[0]; prefix++) {
        size_t hits = 0, first = 0;
        struct sb all = {0};
        for (size_t i = 0; i < l.n; i++)
            if (names_have(names[i], want, prefix)) {
                char *s = match_exam_short(l.v[i].name ? l.v[i].name : l.v[i].id);
                sb_addf(&all, "%s%s (%s)", hits ? _(" or ") : "", s, l.v[i].id);
                free(s);
                if (!hits++)
                    first = i;
            }
        if (hits == 1) {
            *id = xstrdup(l.v[first].id);
            r = PROFILE_EXAM_FOUND;
        } else if (hits > 1) {
            *which = sb_take(&all);
            r = PROFILE_EXAM_AMBIGUOUS;
        }
        sb_finish(&all);
    }
    /* Not the start of a name: the exams that have it as a word of one ("osce": NAC OSCE), else
     * the names nearest to it (a slip of the keys). */
    if (r == PROFILE_EXAM_UNKNOWN && want[0]) {
        size_t hits = 0;
        struct sb all = {0};
        for (size_t i = 0; i < l.n; i++)
            if (names_have_word(names[i], want)) {
                char *s = match_exam_short(l.v[i].name ? l.v[i].name : l.v[i].id);
                sb_addf(&all, "%s%s (%s)", hits++ ? _(" or ") : "", s, l.v[i].id);
                free(s);
            }
        if (hits)
            *which = sb_take(&all);
        sb_finish(&all);
    }
    if (r == PROFILE_EXAM_UNKNOWN && want[0] && !*which) {
        struct text_nearest near;
        text_nearest_init(&near, want);
        for (size_t i = 0; i < l.n; i++) {
            char *short_name = match_exam_short(l.v[i].name ? l.v[i].name : l.v[i].id);
            char *s = xasprintf("%s (%s)", short_name, l.v[i].id);
            free(short_name);
            for (const char *line = names[i]; *line;) {
                size_t len = strcspn(line, "\n");
                char *cand = xmalloc(len + 1);
                memcpy(cand, line, len);
                cand[len] = '\0';
                text_nearest_offer(&near, cand, s);
                free(cand);
                line += len + (line[len] == '\n');
            }
            free(s);
        }
        *which = text_nearest_take(&near);
    }
    for (size_t i = 0; i < l.n; i++)
        free(names[i]);
    free(names);
    free(want);
    vocab_list_finish(&l);
    return r;
}
