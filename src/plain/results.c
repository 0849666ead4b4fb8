/* results.c: which pathways fit the answers, line by line: the results screen's sections, each
 * pathway laid out by match_doc (the verdict in one line, the status, every reason labelled met,
 * not yet or unknown, the note and the next step with its place), a national pathway after the
 * route it is the national picture of (match_context_doc: no verdict of its own), then the
 * supports for the person's place and goals; each numbered, to open or save. */
#include "line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"
#include "match.h"
#include "util.h"

const struct line_cmd_def line_results_cmds[] = {
        {"#", NULL, CMD_NUMBER, N_("open that pathway or support")},
        {"a", NULL, CMD_SAVE, N_("save one to your shortlist, or take it off (a 2: number 2)")},
        {"u", "undo", CMD_UNDO, N_("put back the entry taken off your shortlist last")},
        {"c", "again", CMD_AGAIN, N_("the results again")},
        {NULL, NULL, CMD_NONE, NULL},
};

char *line_counts(const struct match *m, size_t n)
{
    size_t stated = match_count(m, n, VERDICT_MEETS_STATED);
    /* TRANSLATORS: the results counted by verdict; the plural follows the second number. */
    return xasprintf(ngettext("%zu fit, %zu meets the rules on record, %zu to check, %zu not yet",
                              "%zu fit, %zu meet the rules on record, %zu to check, %zu not yet",
                              stated),
                     match_count(m, n, VERDICT_FITS), stated, match_count(m, n, VERDICT_CHECK),
                     match_count(m, n, VERDICT_NOT_YET));
}

static void answers_line(struct line *l)
{
    struct sb b = {0};
    struct err e = {0};
    for (int q = 0; q < Q_COUNT; q++) {
        enum profile_question pq = (enum profile_question)q;
        if (!profile_answered(&l->prof, pq))
            continue;
        char *w = profile_answer_words(&l->prof, pq, l->st, &e);
        sb_addf(&b, _("%s%s: %s"), b.len ? _("; ") : "", profile_label(pq), w);
        free(w);
    }
    line_say(l, 2, _("Your answers: %s."), b.len ? sb_str(&b) : _("none yet"));
    sb_finish(&b);
    if (e.code)
        line_say(l, 0, "%s", e.msg);
    if (!l->prof.region[0])
        line_say(l, 0, _("You did not say where you live, so pathways everywhere are shown."));
}

/* One result, numbered; route is the one a context result is the national picture of (NULL for
 * a result judged on its own). */
static void one_match(struct line *l, const struct match *m, const struct match *route,
                      size_t number, struct line_links *targets)
{
    struct doc d = {0};
    if (route)
        match_context_doc(&d, m, route, false);
    else
        match_doc(&d, m, false);
    /* Its number, to open it, and whether it is saved, before its name's heading is read. */
    if (d.n && d.v[0].style == DOC_HEADING) {
        bool saved = state_has(l->state, m->id, "pathway");
        char *t = xasprintf("%zu. %s%s", number, d.v[0].text,
                            saved ? _(" (saved on your shortlist)") : "");
        free(d.v[0].text);
        d.v[0].text = t;
    }
    line_doc(l, &d, NULL);
    doc_finish(&d);
    char *target = xasprintf("pathway:%s", m->id);
    targets->v = xrealloc(targets->v, (targets->n + 1) * sizeof *targets->v);
    targets->v[targets->n++] = (struct line_link){.target = target};
}

static void supports_part(struct line *l, const struct answers *a, struct line_links *targets)
{
    struct query q;
    match_support_query(a, &q);
    size_t count = 0;
    struct page pg = {0};
    struct err e = {0};
    line_blank(l);
    if (query_count(l->st, &q, &count, &e) != 0 ||
        query_page(l->st, &q, 0, HANDOUT_MAX_SUPPORTS, &pg, &e) != 0) {
        line_say(l, 0, _("The supports cannot be read: %s"), e.msg);
        query_page_finish(&pg);
        return;
    }
    line_say(l, 0, _("Supports for where you live and your goals: %zu."), count);
    for (size_t i = 0; i < pg.n; i++) {
        const struct row *r = &pg.rows[i];
        struct sb b = {0};
        sb_addf(&b, "%zu. %s.", targets->n + 1, r->name);
        if (r->where && r->where[0])
            sb_addf(&b, _(" Where: %s."), r->where);
        if (state_has(l->state, r->id, state_kind_of(r->kind)))
            sb_add(&b, _(" Saved."));
        line_put(l, 0, 4, sb_str(&b));
        sb_finish(&b);
        char *target = xasprintf("support:%s", r->id);
        targets->v = xrealloc(targets->v, (targets->n + 1) * sizeof *targets->v);
        targets->v[targets->n++] = (struct line_link){.target = target};
    }
    if (count > pg.n)
        line_say(l, 0, _("And %zu more: Find supports, in the main menu, lists them all."),
                 count - pg.n);
    query_page_finish(&pg);
}

/* Say the results; what each number opens goes into targets. */
static void show(struct line *l, struct line_links *targets)
{
    line_links_finish(targets);
    line_blank(l);
    line_say(l, 0, _("Which pathways fit your answers."));
    answers_line(l);
    struct answers a;
    profile_answers(&l->prof, &a);
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    if (match_run(l->st, &a, &m, &n, &e) != 0) {
        line_say(l, 0, "%s", e.msg);
        return;
    }
    /* The counts first: a long list is easier to listen to knowing what is in it. */
    char *all = line_counts(m, n);
    line_say(l, 0, _("In all: %s."), all);
    free(all);
    for (int v = 0; v < VERDICT_COUNT; v++) {
        line_blank(l);
        size_t k = match_count(m, n, (enum verdict)v);
        char *count = k ? xasprintf(ngettext("%zu pathway", "%zu pathways", k), k)
                        : xstrdup(_("no pathways"));
        line_say(l, 0, _("%s: %s."), match_verdict_heading((enum verdict)v), count);
        free(count);
        for (size_t i = 0; i < n; i++) {
            if (m[i].context || m[i].verdict != (enum verdict)v)
                continue;
            one_match(l, &m[i], NULL, targets->n + 1, targets);
            for (size_t c = 0; c < n; c++)
                if (m[c].context && m[c].anchor == i)
                    one_match(l, &m[c], &m[i], targets->n + 1, targets);
        }
    }
    if (n == 0)
        line_say(l, 0, _("No pathway in the data is open where you live for these goals."));
    match_destroy(m, n);
    supports_part(l, &a, targets);
    line_blank(l);
    line_say(l, 0,
             _("Requirements change: confirm each one with the program before you rely on "
               "it."));
}

void line_results(struct line *l)
{
    struct line_links targets = {0};
    bool again = true, menu = true;
    while (!line_leaving(l)) {
        if (again) {
            show(l, &targets);
            again = false;
        }
        if (menu) {
            line_menu_once(l, _("Commands in the results:"), line_results_cmds);
            menu = false;
        }
        char range[64];
        char *prompt = targets.n ? xasprintf(_("Type %s to open a pathway or support, a and its "
                                               "number to save it, or b to go back to the "
                                               "questions (m lists every command):"),
                                             line_range(range, sizeof range, targets.n))
                                 : xstrdup(_("Type b to go back to the questions (m lists every "
                                             "command):"));
        const char *arg;
        enum line_cmd c =
                line_command(l, _("Commands in the results:"), line_results_cmds, prompt, &arg);
        free(prompt);
        size_t k = 0;
        bool reenter;
        switch (c) {
        case CMD_NONE: break;
        case CMD_NUMBER:
        case CMD_SAVE:
            if (!arg && c == CMD_SAVE) {
                line_say(l, 0, _("Type a and the number of the pathway or support, like a 2."));
                break;
            }
            if (!(k = line_number(arg, targets.n))) {
                line_say(l, 0, _("There is no number %s here: the results are numbered 1 to %zu."),
                         arg, targets.n);
            } else if (c == CMD_NUMBER) {
                line_entry(l, targets.v[k - 1].target);
                if (!line_leaving(l)) /* long: not read again unless asked */
                    line_say(l, 0, _("Back in the results; c reads them again."));
            } else {
                line_toggle_saved(l, targets.v[k - 1].target);
            }
            break;
        case CMD_UNDO: line_undo(l); break;
        case CMD_AGAIN: again = true; break;
        case CMD_PATH: line_say(l, 0, _("b goes back to the questions.")); break;
        case CMD_BACK: line_links_finish(&targets); return;
        default:
            if (line_everywhere_do(l, c, &reenter) && reenter && !line_leaving(l))
                line_say(l, 0, _("Back in the results; c reads them again."));
            break;
        }
    }
    line_links_finish(&targets);
}
