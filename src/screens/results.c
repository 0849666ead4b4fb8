/* results.c: which pathways fit the wizard's answers, ranked by cli.md's verdicts, each with its
 * why in one line, its reasons in plain words and the next step with its place; a national
 * pathway beside a route of the same goal where the person lives follows that route as context,
 * never as a rival verdict; then the supports for the person's place and goals. Nothing is
 * hidden: a pathway they do not fit yet shows what is missing. */
#include "results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "entry.h"
#include "glyph.h"
#include "handout.h"
#include "i18n.h"
#include "match.h"
#include "text.h"
#include "textpage.h"
#include "util.h"

static const enum action hints[] = {A_NEXT_LINK, A_OPEN, A_MARK, A_BACK, A_EXPORT, A_LANG, A_HELP};

static unsigned stamp(struct app *app)
{
    return app->prof_gen * 7919u + app->state_gen;
}

static void answers_line(struct app *app, struct textview *tv, int width)
{
    struct sb b = {0};
    struct err e = {0};
    for (int q = 0; q < Q_COUNT; q++) {
        if (!profile_answered(&app->prof, (enum profile_question)q))
            continue;
        char *w = profile_answer_words(&app->prof, (enum profile_question)q, app->store, &e);
        if (b.len)
            sb_addf(&b, " %s ", glyph(GLYPH_SEP));
        /* TRANSLATORS: a question's label and its answer ("Where you live: Ontario"). */
        sb_addf(&b, _("%s: %s"), profile_label((enum profile_question)q), w);
        free(w);
    }
    tv_add(tv, ROLE_DIM, _("Your answers: "), 2, b.len ? sb_str(&b) : _("none yet"), width, NULL);
    sb_finish(&b);
    if (e.code)
        tv_add(tv, ROLE_NOTICE, NULL, 0, e.msg, width, NULL);
    /* TRANSLATORS: %s is a key's name (Esc). */
    char *back = xasprintf(_("%s goes back to the questions to change them."), key_first(A_BACK));
    tv_add(tv, ROLE_DIM, NULL, 0, back, width, NULL);
    free(back);
    if (!app->prof.region[0])
        tv_add(tv, ROLE_NOTICE, NULL, 0,
               _("You did not say where you live, so pathways everywhere are shown."), width, NULL);
}

/* The next step, its web address on a line of its own (whole: never wrapped in the middle). */
static void next_step_lines(struct textview *tv, const struct match *m, int width)
{
    const char *at = m->next_url ? strstr(m->next_step, m->next_url) : NULL;
    /* TRANSLATORS: the label before a pathway's next step, indented by four spaces. */
    const char *next = _("    Next step: ");
    if (!at) {
        tv_add(tv, ROLE_NORMAL, next, 6, m->next_step, width, NULL);
        return;
    }
    char *action = xasprintf("%.*s", (int)(at - m->next_step), m->next_step);
    tv_add(tv, ROLE_NORMAL, next, 6, action, width, NULL);
    /* Indented when it fits; else from the margin, where it has the whole row (tv_add). */
    tv_add(tv, ROLE_NORMAL, text_width(at) + 6 <= width ? "      " : NULL, 6, at, width, NULL);
    free(action);
}

/* A result's name, status and star, after lead (NULL: the link's arrow). */
static void title_line(struct app *app, struct textview *tv, const struct match *m,
                       const char *lead, int width)
{
    char *prefix = lead ? xstrdup(lead) : xasprintf("%s ", glyph(GLYPH_LINK));
    char *target = xasprintf("pathway:%s", m->id); /* a link's target, not shown */
    bool saved = app_marked(app, m->id, "pathway");
    const char *sep = glyph(GLYPH_SEP);
    char *title = xasprintf("%s %s %s", m->name, sep, entry_status_words(m->status));
    if (saved) {
        /* TRANSLATORS: a pathway's name and status, a separator, and a star ("… · ★ on your
         * shortlist"). */
        char *t = xasprintf(_("%s %s %s on your shortlist"), title, sep, glyph(GLYPH_SAVED));
        free(title);
        title = t;
    }
    tv_add(tv, ROLE_LINK, prefix, text_width(prefix), title, width, target);
    free(prefix);
    free(title);
    free(target);
}

static void one_match(struct app *app, struct textview *tv, const struct match *m, int width)
{
    title_line(app, tv, m, NULL, width);
    /* The verdict in one line a counsellor can read aloud, then the rules one by one. */
    tv_add(tv, ROLE_NORMAL, "    ", 4, m->why, width, NULL);
    for (size_t k = 0; k < m->n_reasons; k++) {
        char *mark = k < m->n_met ? xasprintf("    %s ", glyph(GLYPH_MET))
                     : k < m->n_met + m->n_unmet
                             ? xasprintf(_("    %s not yet: "), glyph(GLYPH_UNMET))
                             : xstrdup("    ? ");
        tv_add(tv,
               k < m->n_met                ? ROLE_NORMAL
               : k < m->n_met + m->n_unmet ? ROLE_BAD
                                           : ROLE_WARN,
               mark, 6, m->reasons[k], width, NULL);
        free(mark);
    }
    if (m->note && !m->why_has_note)
        /* TRANSLATORS: the label before a pathway's note, indented by four spaces. */
        tv_add(tv, ROLE_DIM, _("    Note: "), 6, m->note, width, NULL);
    if (m->next_step)
        next_step_lines(tv, m, width);
}

/* A national pathway after the route it is the national picture of: no verdict of its own. */
static void context_match(struct app *app, struct textview *tv, const struct match *c,
                          const struct match *route, int width)
{
    /* TRANSLATORS: before a national pathway's name, indented by two spaces. */
    title_line(app, tv, c, _("  Across Canada: "), width);
    /* TRANSLATORS: %s is the name of the provincial pathway shown above. */
    char *what = xasprintf(_("Shown for context beside %s, above, which leads to the same goal "
                             "where you live; that route is the one judged."),
                           route->name);
    tv_add(tv, ROLE_DIM, "    ", 4, what, width, NULL);
    free(what);
    if (c->next_step)
        next_step_lines(tv, c, width);
}

static void supports_part(struct app *app, struct textview *tv, const struct answers *a, int width)
{
    struct query q;
    match_support_query(a, &q);
    q.lang = i18n_lang(); /* the names and places in the reader's language, as in the lists */
    size_t count = 0;
    struct page pg = {0};
    struct err e = {0};
    if (query_count(app->store, &q, &count, &e) != 0 ||
        query_page(app->store, &q, 0, HANDOUT_MAX_SUPPORTS, &pg, &e) != 0) {
        tv_add(tv, ROLE_NOTICE, NULL, 0, e.msg, width, NULL);
        query_page_finish(&pg);
        return;
    }
    tv_blank(tv);
    /* TRANSLATORS: a heading; %zu is how many supports there are. */
    char *h = xasprintf(_("Supports for where you live and your goals (%zu)"), count);
    tv_add(tv, ROLE_HEADING, NULL, 0, h, width, NULL);
    free(h);
    for (size_t i = 0; i < pg.n; i++) {
        const struct row *r = &pg.rows[i];
        char *target = xasprintf("support:%s", r->id);
        bool saved = app_marked(app, r->id, r->kind);
        const char *sep = glyph(GLYPH_SEP);
        char *t = r->where && r->where[0] ? xasprintf("%s %s %s", r->name, sep, r->where)
                                          : xstrdup(r->name);
        char *full = saved ? xasprintf("%s %s %s", t, sep, glyph(GLYPH_SAVED)) : xstrdup(t);
        char *arrow = xasprintf("%s ", glyph(GLYPH_LINK));
        tv_add(tv, ROLE_LINK, arrow, text_width(arrow), full, width, target);
        free(arrow);
        free(full);
        free(t);
        free(target);
    }
    if (count > pg.n) {
        /* TRANSLATORS: %zu is how many supports are not listed here (always more than 1). */
        char *more = xasprintf(ngettext("And %zu more: Find supports on the home screen lists "
                                        "them all.",
                                        "And %zu more: Find supports on the home screen lists "
                                        "them all.",
                                        count - pg.n),
                               count - pg.n);
        tv_add(tv, ROLE_DIM, NULL, 0, more, width, NULL);
        free(more);
    }
    query_page_finish(&pg);
}

static void build(struct app *app, struct textview *tv, int width)
{
    tv_add(tv, ROLE_HEADING, NULL, 0, _("Which pathways fit your answers"), width, NULL);
    answers_line(app, tv, width);
    struct answers a;
    profile_answers(&app->prof, &a);
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    if (match_run(app->store, &a, &m, &n, &e) != 0) {
        tv_add(tv, ROLE_NOTICE, NULL, 0, e.msg, width, NULL);
        return;
    }
    for (int v = 0; v < VERDICT_COUNT; v++) {
        size_t k = match_count(m, n, (enum verdict)v);
        tv_blank(tv);
        /* TRANSLATORS: a verdict's heading and how many pathways have it. */
        char *h = xasprintf(_("%s (%zu)"), match_verdict_heading((enum verdict)v), k);
        tv_add(tv, ROLE_HEADING, NULL, 0, h, width, NULL);
        free(h);
        if (!k)
            tv_add(tv, ROLE_DIM, "  ", 2, C_("pathways", "None."), width, NULL);
        for (size_t i = 0; i < n; i++) {
            if (m[i].context || m[i].verdict != (enum verdict)v)
                continue;
            one_match(app, tv, &m[i], width);
            for (size_t c = 0; c < n; c++)
                if (m[c].context && m[c].anchor == i)
                    context_match(app, tv, &m[c], &m[i], width);
        }
    }
    if (n == 0)
        tv_add(tv, ROLE_NOTICE, NULL, 0,
               _("No pathway in the data is open where you live for these goals."), width, NULL);
    match_destroy(m, n);
    supports_part(app, tv, &a, width);
    tv_blank(tv);
    /* TRANSLATORS: the %s are keys' names, in this order: Tab, Enter, a, p. */
    char *keys = xasprintf(_("Requirements change: confirm each one with the program before you "
                             "rely on it. %s selects a pathway or support, %s opens it, %s saves "
                             "it to your shortlist, %s makes a handout."),
                           key_first(A_NEXT_LINK), key_first(A_OPEN), key_first(A_MARK),
                           key_first(A_EXPORT));
    tv_add(tv, ROLE_DIM, NULL, 0, keys, width, NULL);
    free(keys);
}

void *results_create(struct app *app)
{
    (void)app;
    return textpage_create_live(build, stamp);
}

const struct screen screen_results = {
        .name = N_("Your pathways"),
        .draw = textpage_draw,
        .on_key = textpage_key,
        .on_click = textpage_click,
        .destroy = textpage_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
