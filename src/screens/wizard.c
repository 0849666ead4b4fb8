/* wizard.c: "What's my path?": the questions, each with a one-line explanation and each
 * skippable; the answers stay and can be changed, and the results follow them. */
#include "wizard.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "glyph.h"
#include "i18n.h"
#include "match.h"
#include "picker.h"
#include "prompt.h"
#include "results.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

#define ROW_RESULTS Q_COUNT /* the row after the questions */

struct wizard {
    struct listview lv;
    bool guided;  /* going through the questions one after another */
    int asking;   /* the question a dialog is open for */
    unsigned gen; /* the answers the counts belong to */
    size_t counts[VERDICT_COUNT];
    int rows_top, rows; /* where the rows were drawn, and how many fit */
};

static const enum action hints[] = {A_OPEN, A_BACK, A_SHORTLIST, A_LANG, A_HELP, A_QUIT};

static void *wizard_create(struct app *app)
{
    struct wizard *w = xcalloc(1, sizeof *w);
    w->lv.n = ROW_RESULTS + 1;
    w->gen = app->prof_gen - 1;
    return w;
}

static void destroy(void *state)
{
    free(state);
}

static struct result ask(struct app *app, struct wizard *w, enum profile_question q);

/* After an answer: the next question when going through them, the results after the last. */
static struct result answered(struct app *app, struct wizard *w, enum profile_question q)
{
    app_profile_changed(app);
    w->lv.sel = (size_t)q + 1;
    if (!w->guided)
        return result_of(R_REDRAW);
    if (q + 1 < Q_COUNT)
        return ask(app, w, q + 1);
    w->guided = false;
    return result_push(&screen_results, results_create(app));
}

static struct result cancelled(struct app *app, void *ctx)
{
    struct wizard *w = ctx;
    (void)app;
    w->guided = false; /* Esc: stop going through them; the list shows where things are */
    return result_of(R_REDRAW);
}

static struct result set_choice(struct app *app, void *ctx, const char *const *values, size_t n)
{
    struct wizard *w = ctx;
    enum profile_question q = (enum profile_question)w->asking;
    profile_set_choice(&app->prof, q, values, n);
    /* where you live is the place every list filters by, too */
    if (q == Q_REGION && app->prof.region[0]) {
        snprintf(app->f.region, sizeof app->f.region, "%s", app->prof.region);
        app_filters_changed(app);
    }
    return answered(app, w, q);
}

static struct result set_years(struct app *app, void *ctx, const char *text, const char **error)
{
    struct wizard *w = ctx;
    enum profile_question q = (enum profile_question)w->asking;
    if (!profile_set_years(&app->prof, q, text)) {
        static char why[160];
        /* TRANSLATORS: %s is the form an answer takes ("years from 0 to 80 (like 3 or 2.5)"). */
        snprintf(why, sizeof why, _("Type %s, or nothing to skip."), profile_years_form(q));
        *error = why;
        return result_of(R_REDRAW);
    }
    /* A year or years ago: say what was understood ("Last practised: 2023: 3 years ago"). */
    if (q == Q_RECENCY && profile_answered(&app->prof, q)) {
        char *words = profile_answer_words(&app->prof, q, app->store, NULL);
        /* TRANSLATORS: a question's label, then what was understood ("Last practised: 2023: 3
         * years ago."). */
        app_notice(app, _("%s: %s."), profile_label(q), words);
        free(words);
    }
    return answered(app, w, q);
}

static struct result ask(struct app *app, struct wizard *w, enum profile_question q)
{
    struct profile *p = &app->prof;
    char title[128];
    struct err e = {0};
    /* TRANSLATORS: a question's number, how many, its label ("3 of 9: Your field"). */
    snprintf(title, sizeof title, _("%d of %d: %s"), (int)q + 1, Q_COUNT, profile_label(q));
    const char *help = profile_explain(q);
    w->asking = (int)q;
    struct picker *pk = NULL;
    const char *current = NULL;
    /* TRANSLATORS: a question's row that answers nothing; the help of the number keys calls it
     * Skip, so its first word stays the same. */
    const char *skip = _("Skip: I'd rather not say");
    switch (q) {
    case Q_REGION:
        pk = picker_create(title, help, PICKER_TYPE, set_choice, cancelled, w, NULL);
        picker_add(pk, "", skip, NULL, 0);
        picker_add_vocab(pk, app->store, VOCAB_REGION, &e);
        current = p->region[0] ? p->region : app->f.region;
        break;
    case Q_GOALS:
        pk = picker_create(
                title, _("A number, Space or Enter checks a goal; Done when you have them all."),
                PICKER_MULTI, set_choice, cancelled, w, NULL);
        picker_add_vocab(pk, app->store, VOCAB_GOAL, &e);
        picker_add(pk, "", skip, NULL, CHOICE_SKIP);
        for (size_t i = 0; i < p->n_goals; i++)
            picker_check(pk, p->goals[i]);
        break;
    case Q_DISCIPLINE:
        pk = picker_create(title, help, 0, set_choice, cancelled, w, NULL);
        picker_add_terms(pk, &terms_discipline, 0);
        picker_add(pk, "", skip, NULL, 0);
        current = p->discipline;
        break;
    case Q_POSTGRAD:
    case Q_PRACTICE:
    case Q_RECENCY: {
        double v = q == Q_POSTGRAD   ? p->postgrad_years
                   : q == Q_PRACTICE ? p->practice_years
                                     : p->last_practised;
        char initial[32] = "";
        if (q == Q_RECENCY && v >= 0 && p->last_year)
            snprintf(initial, sizeof initial, "%d", p->last_year); /* as it was typed */
        else if (v >= 0)
            snprintf(initial, sizeof initial, "%g", v);
        char hint[256];
        /* TRANSLATORS: %s is the question's explanation (a sentence or two). */
        snprintf(hint, sizeof hint,
                 q == Q_RECENCY ? _("%s Empty skips.") : _("%s In years. Empty skips."), help);
        return prompt_open(title, hint, initial, 0, set_years, w, NULL);
    }
    case Q_EXAMS:
        pk = picker_create(
                title, _("A number, Space or Enter checks an exam; Done when you have them all."),
                PICKER_MULTI, set_choice, cancelled, w, NULL);
        picker_add_vocab(pk, app->store, VOCAB_EXAM, &e);
        picker_add(pk, "none", _("None of these yet"), NULL,
                   CHOICE_EXCLUSIVE | (p->exams_known && !p->n_exams ? CHOICE_ON : 0));
        picker_add(pk, "", skip, NULL, CHOICE_SKIP);
        for (size_t i = 0; i < p->n_exams; i++)
            picker_check(pk, p->exams[i]);
        break;
    case Q_LANGUAGE:
        pk = picker_create(title, help, 0, set_choice, cancelled, w, NULL);
        picker_add(pk, "1", _("Yes, I have an accepted result"), NULL, 0);
        picker_add(pk, "0", C_("language test", "Not yet"), NULL, 0);
        picker_add(pk, "", skip, NULL, 0);
        current = p->language_test < 0 ? "" : p->language_test ? "1" : "0";
        break;
    case Q_STATUS:
        pk = picker_create(title, help, 0, set_choice, cancelled, w, NULL);
        picker_add_terms(pk, &terms_person_status, 0);
        picker_add(pk, "", _("Other, or I'd rather not say"), NULL, 0);
        current = p->status;
        break;
    default: return result_of(R_REDRAW);
    }
    if (e.code)
        app_notice(app, "%s", e.msg);
    return picker_open(pk, current);
}

struct result wizard_open(struct app *app)
{
    struct wizard *w = wizard_create(app);
    w->guided = profile_empty(&app->prof); /* the first time: one question after another */
    return result_push(&screen_wizard, w);
}

static struct result on_open(struct app *app, void *state)
{
    struct wizard *w = state;
    return w->guided ? ask(app, w, Q_REGION) : result_of(R_REDRAW);
}

static void count_results(struct app *app, struct wizard *w)
{
    if (w->gen == app->prof_gen)
        return;
    w->gen = app->prof_gen;
    memset(w->counts, 0, sizeof w->counts);
    struct answers a;
    profile_answers(&app->prof, &a);
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    if (match_verdicts(app->store, &a, &m, &n, &e) != 0) {
        app_notice(app, "%s", e.msg);
        return;
    }
    for (int v = 0; v < VERDICT_COUNT; v++)
        w->counts[v] = match_count(m, n, (enum verdict)v);
    match_destroy(m, n);
}

static void draw(struct app *app, void *state, struct rect r)
{
    struct wizard *w = state;
    int top = r.y, height = r.h;
    count_results(app, w);
    int y = top, width = r.w - 4;
    char intro[200];
    snprintf(intro, sizeof intro,
             /* TRANSLATORS: %s is a key's name (Enter). */
             _("Answer what you like; every question can be skipped. %s changes an answer."),
             key_first(A_OPEN));
    struct text_lines *lines = text_wrap(intro, width > 1 ? width : 1);
    /* The questions and the results row come first; then the title, the instructions (whole or
     * not at all), the explanation of the selected question, and spacing. */
    int rows_needed = ROW_RESULTS + 1;
    int spare = height - rows_needed - 1;
    bool intro_fits = spare >= (int)lines->n;
    if (intro_fits)
        spare -= (int)lines->n;
    bool roomy = spare >= 6; /* a blank row on top and one above the questions */
    if (roomy)
        y++;
    draw_text(y++, r.x + 2, width, ROLE_HEADING, _("What's my path?"));
    for (size_t i = 0; intro_fits && i < lines->n; i++)
        draw_text(y++, r.x + 2, width, ROLE_DIM, lines->line[i]);
    text_lines_destroy(lines);
    if (roomy)
        y++;
    w->rows_top = y;
    w->rows = top + height - y;
    if (w->rows > ROW_RESULTS + 1)
        w->rows = ROW_RESULTS + 1;
    listview_fit(&w->lv, w->rows);
    /* The labels' column: as wide as the longest label and a space (French's are longer), at
     * least 26 columns, and never so wide that the answers have less than a third of the row. */
    int label_w = 26;
    for (int q = 0; q < Q_COUNT; q++) {
        char label[64];
        snprintf(label, sizeof label, " %d  %s ", q + 1, profile_label((enum profile_question)q));
        int lw = text_width(label);
        if (lw > label_w)
            label_w = lw;
    }
    if (label_w > 26 && label_w > (r.w - 3) * 2 / 3)
        label_w = (r.w - 3) * 2 / 3 > 26 ? (r.w - 3) * 2 / 3 : 26;
    int cursor = y;
    for (int i = (int)w->lv.top; i <= ROW_RESULTS && y < top + height; i++, y++) {
        bool sel = w->lv.sel == (size_t)i;
        char line[512];
        if (i == ROW_RESULTS) {
            size_t stated = w->counts[VERDICT_MEETS_STATED];
            /* One sentence, its second count's verb agreeing with it ("1 meets", "2 meet"). */
            snprintf(line, sizeof line,
                     /* TRANSLATORS: an arrow, then the number of pathways of each verdict: fit,
                      * meet the rules on record, to check, not yet. The plural follows the second
                      * number (the pathways that meet the rules on record). */
                     ngettext("    %s Results: %zu fit, %zu meets the rules on record, %zu to "
                              "check, %zu not yet",
                              "    %s Results: %zu fit, %zu meet the rules on record, %zu to "
                              "check, %zu not yet",
                              stated),
                     glyph(GLYPH_GO), w->counts[VERDICT_FITS], stated, w->counts[VERDICT_CHECK],
                     w->counts[VERDICT_NOT_YET]);
            draw_line(y, r.x + 1, r.w - 2, sel ? ROLE_SELECTED : ROLE_HEADING, line);
        } else {
            enum profile_question q = (enum profile_question)i;
            char label[64];
            snprintf(label, sizeof label, " %d  %s", i + 1, profile_label(q));
            char padded[128];
            text_pad(padded, sizeof padded, label, label_w - 1); /* a space before the answer */
            snprintf(padded + strlen(padded), sizeof padded - strlen(padded), " ");
            struct err e = {0};
            char *answer = profile_answer_words(&app->prof, q, app->store, &e);
            if (e.code)
                app_notice(app, "%s", e.msg);
            snprintf(line, sizeof line, "%s%s", padded, answer);
            free(answer);
            draw_line(y, r.x + 1, r.w - 2, sel ? ROLE_SELECTED : ROLE_NORMAL, line);
            if (!sel && !profile_answered(&app->prof, q))
                mvchgat(y, r.x + 1 + label_w, r.w - 3 - label_w, draw_attr(ROLE_DIM), 0, NULL);
        }
        if (sel)
            cursor = y;
    }
    y++;
    if (w->lv.sel < ROW_RESULTS && y < top + height) {
        struct text_lines *l = text_wrap(profile_explain((enum profile_question)w->lv.sel), width);
        for (size_t i = 0; i < l->n && y < top + height; i++)
            draw_text(y++, r.x + 2, width, ROLE_DIM, l->line[i]);
        text_lines_destroy(l);
    }
    curs_set(0);
    move(cursor, r.x + 1);
}

static struct result choose(struct app *app, struct wizard *w, size_t row)
{
    w->lv.sel = row;
    /* Going through the questions stops here, but for the question L closed (to switch the
     * language): asked again, the questions go on one after another. */
    w->guided = w->guided && (int)row == w->asking;
    if (row == ROW_RESULTS)
        return result_push(&screen_results, results_create(app));
    return ask(app, w, (enum profile_question)row);
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct wizard *w = state;
    if (a == A_CHOOSE && key >= '1' && key < '1' + Q_COUNT)
        return choose(app, w, (size_t)(key - '1'));
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_FIRST:
    case A_LAST:
    case A_PAGE_UP:
    case A_PAGE_DOWN:
        listview_move(&w->lv, a, w->rows > 0 ? w->rows : 1);
        return result_of(R_REDRAW);
    case A_OPEN: return choose(app, w, w->lv.sel);
    case A_WIZARD: return result_of(R_HANDLED); /* here already */
    default: return result_of(R_IGNORED);
    }
}

static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct wizard *w = state;
    (void)x;
    (void)twice;
    size_t row = w->lv.top + (size_t)(y - w->rows_top);
    if (y < w->rows_top || y >= w->rows_top + w->rows || row > ROW_RESULTS)
        return result_of(R_IGNORED);
    return choose(app, w, row);
}

const struct screen screen_wizard = {
        .name = N_("What's my path?"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .on_open = on_open,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
};
