/* choose.c: choosing from a numbered list, one answer or several, for listening: the choices read
 * once (a page at a time when there are many), part of a name to find one, and a wrong answer
 * explained and asked again in place. The questions, the filters and every confirmation use it. */
#include "line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

void line_choices_add(struct line_choices *c, const char *value, const char *label,
                      const char *name, bool exclusive)
{
    c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
    c->v[c->n++] = (struct line_choice){
            .value = xstrdup(value),
            .label = xstrdup(label),
            .name = xstrdup(name ? name : label),
            .exclusive = exclusive,
    };
}

bool line_choices_vocab(struct line *l, struct line_choices *c, enum vocab t)
{
    struct vocab_list list;
    struct err e = {0};
    if (vocab_list(l->st, t, &list, &e) != 0) {
        line_say(l, 0, "%s", e.msg);
        return false;
    }
    vocab_list_localize(l->st, t, &list, i18n_french() ? i18n_lang() : NULL);
    for (size_t i = 0; i < list.n; i++) {
        const struct vocab_item *it = &list.v[i];
        const char *name = it->name ? it->name : it->id;
        /* The tree's indent is not heard: say the place it is in. */
        /* TRANSLATORS: a place and the place it is in ("Toronto, in Ontario"). */
        char *label = it->parent ? xasprintf(_("%s, in %s"), name, it->parent) : xstrdup(name);
        line_choices_add(c, it->id, label, name, false);
        free(label);
    }
    vocab_list_finish(&list);
    return true;
}

void line_choices_terms(struct line_choices *c, const struct terms *set, unsigned only)
{
    for (size_t i = 0; i < set->n; i++) {
        char label[128];
        if (!only || (only & (1u << i)))
            line_choices_add(c, set->v[i].id, terms_choice(&set->v[i], label, sizeof label), NULL,
                             false);
    }
}

void line_choices_finish(struct line_choices *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].value);
        free(c->v[i].label);
        free(c->v[i].name);
    }
    free(c->v);
    *c = (struct line_choices){0};
}

static size_t pages_of(const struct line_choices *c)
{
    return c->n ? (c->n + LINE_CHOICE_PAGE - 1) / LINE_CHOICE_PAGE : 1;
}

static void show_page(struct line *l, const struct line_choices *c, size_t page)
{
    size_t from = page * LINE_CHOICE_PAGE, to = from + LINE_CHOICE_PAGE;
    if (to > c->n)
        to = c->n;
    if (pages_of(c) > 1)
        line_say(l, 0, _("Page %zu of %zu, choices %zu to %zu of %zu."), page + 1, pages_of(c),
                 from + 1, to, c->n);
    for (size_t i = from; i < to; i++)
        line_say(l, 4, "%zu. %s", i + 1, c->v[i].label);
}

/* Part of a name typed: the choices whose names hold it, with the numbers they have. */
static void narrow(struct line *l, const struct line_choose_opts *o, const struct line_choices *c,
                   const char *typed)
{
    char *want = text_fold(typed);
    bool *hit = xcalloc(c->n + 1, sizeof *hit);
    size_t hits = 0;
    for (size_t i = 0; i < c->n; i++) {
        char *fold = text_fold(c->v[i].name);
        if (strstr(fold, want)) {
            hit[i] = true;
            hits++;
        }
        free(fold);
    }
    char *suggest = NULL, *suggest_id = NULL;
    if (o->regions) { /* an id or another name of the place (an alias) finds it too */
        struct err e = {0};
        char *id = vocab_resolve_region(l->st, typed, &suggest, &e);
        for (size_t i = 0; id && i < c->n; i++)
            if (strcmp(c->v[i].value, id) == 0 && !hit[i]) {
                hit[i] = true;
                hits++;
            }
        free(id);
        /* Part of any of its names: an alias ("sudb"), a name in another language. */
        struct vocab_list places;
        if (vocab_list(l->st, VOCAB_REGION, &places, NULL) == 0) {
            for (size_t k = 0; k < places.n; k++)
                for (size_t i = 0; i < c->n; i++)
                    if (!hit[i] && strcmp(c->v[i].value, places.v[k].id) == 0 &&
                        vocab_region_has(&places.v[k], want)) {
                        hit[i] = true;
                        hits++;
                    }
            vocab_list_finish(&places);
        }
        /* The nearest name may be an alias: the place it names is the one to offer. */
        char *unused = NULL;
        if (suggest)
            suggest_id = vocab_resolve_region(l->st, suggest, &unused, NULL);
        free(unused);
    }
    char *safe = text_sanitize(typed, false);
    if (!hits) {
        line_say(l, 0, _("No choice matches \"%s\"."), safe);
        for (size_t i = 0; suggest && i < c->n; i++)
            if (strcmp(c->v[i].name, suggest) == 0 || strcmp(c->v[i].value, suggest) == 0 ||
                (suggest_id && strcmp(c->v[i].value, suggest_id) == 0)) {
                line_say(l, 0, _("Did you mean %s? It is number %zu."), c->v[i].label, i + 1);
                break;
            }
    } else {
        line_say(l, 0, ngettext("%zu choice matches \"%s\":", "%zu choices match \"%s\":", hits),
                 hits, safe);
        for (size_t i = 0; i < c->n; i++)
            if (hit[i])
                line_say(l, 4, "%zu. %s", i + 1, c->v[i].label);
    }
    free(safe);
    free(suggest);
    free(suggest_id);
    free(hit);
    free(want);
}

/* Numbers typed ("3", "1 3", "1, 3"): true with them in chosen (no repeats) when every word is
 * one; false when a word is not a number at all. A number out of range is said, and *bad set. */
static bool parse_numbers(struct line *l, const char *a, size_t max, size_t *chosen, size_t *n,
                          bool *bad)
{
    *n = 0;
    *bad = false;
    char *copy = xstrdup(a), *save = NULL;
    bool numbers = true;
    for (char *w = strtok_r(copy, " ,\t", &save); w; w = strtok_r(NULL, " ,\t", &save)) {
        if (w[strspn(w, "0123456789")] != '\0') {
            numbers = false;
            break;
        }
        size_t k = line_number(w, max);
        if (!k) {
            if (!*bad)
                line_say(l, 0, _("There is no choice %s: the choices are 1 to %zu."), w, max);
            *bad = true;
            continue;
        }
        bool seen = false;
        for (size_t i = 0; i < *n; i++)
            seen = seen || chosen[i] == k - 1;
        if (!seen && *n < max)
            chosen[(*n)++] = k - 1;
    }
    free(copy);
    return numbers && (*n || *bad);
}

static char *prompt_of(const struct line_choose_opts *o, const struct line_choices *c)
{
    struct sb b = {0};
    char range[64];
    if (o->multi)
        sb_addf(&b, _("Type the numbers of all that apply (like 1 3), from 1 to %zu"), c->n);
    else
        sb_addf(&b, _("Type %s"), line_range(range, sizeof range, c->n));
    if (o->find)
        sb_add(&b, _(", part of a name to find it"));
    if (o->by_name)
        sb_add(&b, _(" or their names"));
    if (pages_of(c) > 1)
        sb_add(&b, _(", n or p for the next or previous page"));
    if (o->keep)
        sb_addf(&b, _(", Enter to %s"), o->keep);
    sb_addf(&b, _(", or b to %s (m reads the choices again):"), o->back ? o->back : _("go back"));
    return sb_take(&b);
}

static void say_question(struct line *l, const struct line_choose_opts *o)
{
    if (o->title)
        line_put(l, 0, 0, o->title);
    if (o->explain)
        line_put(l, 0, 0, o->explain);
    if (o->now)
        line_put(l, 0, 0, o->now);
}

enum line_chosen line_choose(struct line *l, const struct line_choose_opts *o,
                             const struct line_choices *c, size_t *chosen, size_t *n)
{
    *n = 0;
    say_question(l, o);
    size_t page = 0;
    show_page(l, c, page);
    char *prompt = prompt_of(o, c);
    enum line_chosen r = CHOSEN_LEAVE;
    for (;;) {
        const char *a = line_ask(l, prompt);
        if (!a)
            break;
        if (!*a) {
            if (o->keep) {
                r = CHOSEN_KEEP;
                break;
            }
            continue;
        }
        if (line_leave_word(l, a, &r))
            break;
        if (strcmp(a, "m") == 0 || strcmp(a, "?") == 0 || strcasecmp(a, "menu") == 0) {
            say_question(l, o);
            show_page(l, c, page);
            continue;
        }
        if (pages_of(c) > 1 && (strcasecmp(a, "n") == 0 || strcasecmp(a, "p") == 0)) {
            bool next = strcasecmp(a, "n") == 0;
            if (next ? page + 1 < pages_of(c) : page > 0) {
                page = next ? page + 1 : page - 1;
                show_page(l, c, page);
            } else {
                line_say(l, 0, "%s",
                         next ? _("This is the last page.") : _("This is the first page."));
            }
            continue;
        }
        bool bad;
        if (parse_numbers(l, a, c->n, chosen, n, &bad)) {
            if (bad)
                continue;
            if (!o->multi && *n > 1) {
                line_say(l, 0, _("Type one number only: this question takes one answer."));
                continue;
            }
            size_t excl = c->n;
            for (size_t i = 0; i < *n; i++)
                if (c->v[chosen[i]].exclusive)
                    excl = chosen[i];
            if (*n > 1 && excl < c->n) {
                line_say(l, 0,
                         _("\"%s\" goes alone: type its number by itself, or the others "
                           "without it."),
                         c->v[excl].label);
                continue;
            }
            r = CHOSEN;
            break;
        }
        int named = o->by_name ? o->by_name(l, c, a, chosen, n) : 0;
        if (named > 0) {
            r = CHOSEN;
            break;
        }
        if (named < 0)
            continue;
        if (o->find && strlen(a) >= 2) {
            narrow(l, o, c, a);
            continue;
        }
        char *safe = text_sanitize(a, false);
        line_say(l, 0, _("There is no choice \"%s\"."), safe);
        free(safe);
    }
    free(prompt);
    return r;
}
