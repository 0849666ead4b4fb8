/* questions.c: "What's my path?" line by line: the wizard's nine questions, one at a time with
 * the same choices, each skippable and changeable, the answers saved as the screen saves them;
 * then the results. */
#include "line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "match.h"
#include "text.h"
#include "util.h"

const struct line_cmd_def line_questions_cmds[] = {
        {"#", NULL, CMD_NUMBER, N_("1 to 9 asks that question again; 10 shows the results")},
        {"a", NULL, CMD_ASK_ALL, N_("answer every question again, one after another")},
        {"c", "again", CMD_AGAIN, N_("your answers again")},
        {NULL, NULL, CMD_NONE, NULL},
};

#define ROW_RESULTS (Q_COUNT + 1) /* the number after the questions' */

/* The answers changed: save them, as the screen does at once. */
static void profile_changed(struct line *l)
{
    struct err e = {0};
    if (state_save_profile(l->state, &l->prof, &e) != 0)
        line_say(l, 0, _("Your answers were not saved: %s"), e.msg);
}

static bool years_question(enum profile_question q)
{
    return q == Q_POSTGRAD || q == Q_PRACTICE || q == Q_RECENCY;
}

/* "Your field: family medicine." after an answer, so the person hears what was taken. */
static void echo_answer(struct line *l, enum profile_question q)
{
    struct err e = {0};
    char *w = profile_answer_words(&l->prof, q, l->st, &e);
    line_say(l, 2, _("%s: %s."), profile_label(q), w);
    free(w);
    if (e.code)
        line_say(l, 0, "%s", e.msg);
}

/* A question of years: a number (or for the last practice, a year), s to skip it, Enter to keep
 * the answer. */
static enum line_chosen ask_years(struct line *l, enum profile_question q, const char *title,
                                  const char *now)
{
    const char *in_years = q == Q_RECENCY ? "" : _(" In years.");
    line_put(l, 0, 0, title);
    line_say(l, 0, "%s%s", profile_explain(q), in_years);
    line_put(l, 0, 0, now);
    char *prompt =
            xasprintf(_("Type %s, s to skip the question, Enter to keep your answer, or b to "
                        "stop the questions:"),
                      profile_years_form(q));
    enum line_chosen r = CHOSEN_LEAVE;
    for (;;) {
        const char *a = line_ask(l, prompt);
        if (!a)
            break;
        if (!*a) {
            r = CHOSEN_KEEP;
            break;
        }
        if (line_leave_word(l, a, &r))
            break;
        if (strcmp(a, "m") == 0 || strcmp(a, "?") == 0) {
            line_put(l, 0, 0, title);
            line_say(l, 0, "%s%s", profile_explain(q), in_years);
            continue;
        }
        if (strcasecmp(a, "s") == 0 || strcasecmp(a, "skip") == 0) {
            profile_set_years(&l->prof, q, "");
            r = CHOSEN;
            break;
        }
        if (profile_set_years(&l->prof, q, a)) {
            r = CHOSEN;
            break;
        }
        char *safe = text_sanitize(a, false);
        line_say(l, 0, _("\"%s\" is not %s: type %s, or s to skip the question."), safe,
                 q == Q_RECENCY ? _("a year or a number of years") : _("a number of years"),
                 profile_years_form(q));
        free(safe);
    }
    free(prompt);
    return r;
}

/* The exams typed by name ("nac, mccqe part i"): each found as `--exam` finds it, with "did you
 * mean" for one it cannot find. */
static int exams_by_name(struct line *l, const struct line_choices *c, const char *typed,
                         size_t *chosen, size_t *n)
{
    if (typed[strspn(typed, "0123456789 ,")] == '\0')
        return 0; /* numbers: the list's own */
    *n = 0;
    char *copy = xstrdup(typed), *save = NULL;
    int r = 1;
    for (char *w = strtok_r(copy, ",;", &save); w && r > 0; w = strtok_r(NULL, ",;", &save)) {
        w += strspn(w, " ");
        if (!*w)
            continue;
        char *id = NULL, *which = NULL;
        struct err e = {0};
        /* "none", as `--exam none` says it: the None of these yet row. */
        char *folded = text_fold(w);
        size_t len = strlen(folded);
        while (len && folded[len - 1] == ' ')
            folded[--len] = '\0';
        bool none = strcmp(folded, "none") == 0 || strcmp(folded, "none of these yet") == 0;
        free(folded);
        enum profile_exam_found f =
                none ? PROFILE_EXAM_FOUND : profile_find_exam(l->st, w, &id, &which, &e);
        if (none)
            id = xstrdup("none");
        char *safe = text_sanitize(w, false);
        if (f == PROFILE_EXAM_FOUND) {
            for (size_t i = 0; i < c->n; i++)
                if (strcmp(c->v[i].value, id) == 0) {
                    bool seen = false;
                    for (size_t k = 0; k < *n; k++)
                        seen = seen || chosen[k] == i;
                    if (!seen)
                        chosen[(*n)++] = i;
                }
        } else if (e.code) {
            line_say(l, 0, "%s", e.msg);
            r = -1;
        } else if (f == PROFILE_EXAM_AMBIGUOUS) {
            line_say(l, 0, _("\"%s\" could be %s: type more of the name, or its number."), safe,
                     which);
            r = -1;
        } else {
            /* One word of a whole sentence is not an exam: the list's own ways are tried. */
            if (which)
                line_say(l, 0, _("There is no exam \"%s\". Did you mean %s?"), safe, which);
            else
                line_say(l, 0, _("There is no exam \"%s\"."), safe);
            r = -1;
        }
        free(safe);
        free(id);
        free(which);
    }
    free(copy);
    if (r > 0 && *n == 0)
        r = 0;
    for (size_t i = 0; r > 0 && *n > 1 && i < *n; i++)
        if (c->v[chosen[i]].exclusive) {
            line_say(l, 0, _("\"%s\" goes alone: type it by itself, or the others without it."),
                     c->v[chosen[i]].label);
            r = -1;
        }
    return r;
}

/* The choices of a question, as the wizard offers them (wizard.c's ask). */
static void question_choices(struct line *l, enum profile_question q, struct line_choices *c,
                             struct line_choose_opts *o)
{
    switch (q) {
    case Q_REGION:
        line_choices_add(c, "", _("Skip: I'd rather not say"), NULL, false);
        line_choices_vocab(l, c, VOCAB_REGION);
        o->find = o->regions = true;
        break;
    case Q_GOALS:
        line_choices_vocab(l, c, VOCAB_GOAL);
        /* The screen's checklist takes none checked as skipping; a number says it here. */
        line_choices_add(c, "", _("Skip: I'd rather not say"), NULL, true);
        o->multi = true;
        break;
    case Q_DISCIPLINE:
        line_choices_terms(c, &terms_discipline, 0);
        line_choices_add(c, "", _("Skip: I'd rather not say"), NULL, false);
        break;
    case Q_EXAMS:
        line_choices_vocab(l, c, VOCAB_EXAM);
        line_choices_add(c, "none", _("None of these yet"), NULL, true);
        line_choices_add(c, "", _("Skip: I'd rather not say"), NULL, true);
        o->multi = true;
        o->by_name = exams_by_name;
        break;
    case Q_LANGUAGE:
        line_choices_add(c, "1", _("Yes, I have an accepted result"), NULL, false);
        line_choices_add(c, "0", _("Not yet"), NULL, false);
        line_choices_add(c, "", _("Skip: I'd rather not say"), NULL, false);
        break;
    case Q_STATUS:
        line_choices_terms(c, &terms_person_status, 0);
        line_choices_add(c, "", _("Other, or I'd rather not say"), NULL, false);
        break;
    default: break;
    }
}

/* Ask question q; the answer (or its skipping) is saved before this returns. */
static enum line_chosen ask(struct line *l, enum profile_question q)
{
    struct err e = {0};
    char *words = profile_answer_words(&l->prof, q, l->st, &e);
    char *now = xasprintf(_("Your answer now: %s."), words);
    free(words);
    char *title = xasprintf(_("Question %d of %d: %s."), (int)q + 1, Q_COUNT, profile_label(q));
    line_blank(l);
    enum line_chosen r;
    if (years_question(q)) {
        r = ask_years(l, q, title, now);
    } else {
        struct line_choices c = {0};
        struct line_choose_opts o = {
                .title = title,
                .explain = profile_explain(q),
                .now = now,
                .keep = _("keep your answer"),
                .back = _("stop the questions"),
        };
        question_choices(l, q, &c, &o);
        size_t *chosen = xcalloc(c.n + 1, sizeof *chosen), n = 0;
        r = line_choose(l, &o, &c, chosen, &n);
        if (r == CHOSEN) {
            const char **values = xcalloc(n + 1, sizeof *values);
            for (size_t i = 0; i < n; i++)
                values[i] = c.v[chosen[i]].value;
            profile_set_choice(&l->prof, q, values, n);
            free(values);
            /* Where you live is also the place every list filters by, as on the screen. */
            if (q == Q_REGION && l->prof.region[0])
                snprintf(l->region, sizeof l->region, "%s", l->prof.region);
        }
        free(chosen);
        line_choices_finish(&c);
    }
    if (r == CHOSEN) {
        profile_changed(l);
        echo_answer(l, q);
    }
    free(title);
    free(now);
    return r;
}

/* The questions one after another from q; true when they all were asked (false when b stopped
 * them, or the session is leaving). */
static bool ask_from(struct line *l, enum profile_question from)
{
    for (int q = (int)from; q < Q_COUNT; q++) {
        enum line_chosen r = ask(l, (enum profile_question)q);
        if (r == CHOSEN_LEAVE)
            return false;
        if (r == CHOSEN_BACK) {
            line_say(l, 0, _("The questions stopped; your answers so far are kept."));
            return false;
        }
    }
    return true;
}

/* "0 fit, 1 meets the rules on record, 1 to check, 0 not yet", or why it cannot be said. */
static char *counts(struct line *l)
{
    struct answers a;
    profile_answers(&l->prof, &a);
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    if (match_verdicts(l->st, &a, &m, &n, &e) != 0)
        return xstrdup(e.msg);
    char *words = line_counts(m, n);
    match_destroy(m, n);
    return words;
}

static void show_answers(struct line *l)
{
    line_blank(l);
    line_say(l, 0, _("What's my path? Answer what you like; every question can be skipped."));
    struct err e = {0};
    for (int q = 0; q < Q_COUNT; q++) {
        char *w = profile_answer_words(&l->prof, (enum profile_question)q, l->st, &e);
        line_say(l, 4, _("%d. %s: %s."), q + 1, profile_label((enum profile_question)q), w);
        free(w);
    }
    if (e.code)
        line_say(l, 0, "%s", e.msg);
    char *k = counts(l);
    line_say(l, 4, _("%d. See the results: %s."), ROW_RESULTS, k);
    free(k);
}

static void open_results(struct line *l)
{
    l->depth++;
    line_results(l);
    l->depth--;
}

void line_questions(struct line *l)
{
    bool show = true, menu = true;
    /* The first time, the questions come one after another, then the results. */
    if (profile_empty(&l->prof)) {
        line_blank(l);
        line_say(l, 0,
                 _("What's my path? Nine questions, then which pathways fit you and why. "
                   "Answer what you like; every question can be skipped."));
        if (ask_from(l, Q_REGION))
            open_results(l);
    }
    while (!line_leaving(l)) {
        if (show) {
            show_answers(l);
            show = false;
        }
        if (menu) {
            line_menu_once(l, _("Commands in What's my path?:"), line_questions_cmds);
            menu = false;
        }
        const char *arg;
        enum line_cmd c =
                line_command(l, _("Commands in What's my path?:"), line_questions_cmds,
                             _("Type a number from 1 to 9 to change that answer, 10 to see which "
                               "pathways fit, a to answer every question again, or b to go back "
                               "(m lists every command):"),
                             &arg);
        size_t k;
        bool reenter;
        switch (c) {
        case CMD_NONE: break;
        case CMD_NUMBER:
            if (!(k = line_number(arg, ROW_RESULTS))) {
                line_say(l, 0, _("There is no question %s: type 1 to 9, or 10 for the results."),
                         arg);
            } else if (k == ROW_RESULTS) {
                open_results(l);
                show = true;
            } else if (ask(l, (enum profile_question)(k - 1)) == CHOSEN_BACK) {
                line_say(l, 0, _("Nothing changed."));
            }
            break;
        case CMD_ASK_ALL:
            if (ask_from(l, Q_REGION))
                open_results(l);
            show = true;
            break;
        case CMD_AGAIN: show = true; break;
        case CMD_PATH: line_say(l, 0, _("You are in What's my path? already.")); break;
        case CMD_BACK: return;
        default:
            if (line_everywhere_do(l, c, &reenter) && reenter)
                show = true;
            break;
        }
    }
}
