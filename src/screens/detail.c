/* detail.c: one support or pathway in full: every field, contact, links, source and as-of date;
 * a pathway's rules on record judged against the person's answers. */
#include "detail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "entry.h"
#include "glyph.h"
#include "match.h"
#include "qr_view.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

struct detail {
    struct entry *entry;
    struct doc *doc;
    struct textview tv;
    int top, height; /* where the text was drawn, for clicks */
    unsigned lang;   /* the language (app->lang_gen) the entry was read in */
};

static const enum action hints[] = {A_NEXT_LINK, A_OPEN, A_MARK, A_QR,  A_BACK,
                                    A_HOME,      A_LANG, A_HELP, A_QUIT};

static void *detail_create(struct app *app, const char *id, unsigned kinds)
{
    struct err err = {0};
    struct entry *e = entry_get(app->store, id, kinds, &err);
    if (!e && err.code)
        app_notice(app, "%s", err.msg);
    if (!e)
        return NULL;
    entry_localize(app->store, e, i18n_lang());
    struct detail *d = xcalloc(1, sizeof *d);
    d->entry = e;
    d->doc = doc_entry(e);
    /* The rules: each met, not yet or unknown for the answers, and where they come from. */
    struct answers a;
    profile_answers(&app->prof, &a);
    match_rules_into(d->doc, app->store, e, &a, &err);
    if (err.code)
        app_notice(app, "%s", err.msg);
    d->tv.link_sel = -1;
    d->tv.margin = 1; /* a long web address may use the whole row */
    d->lang = app->lang_gen;
    return d;
}

struct result detail_open(struct app *app, const char *target)
{
    unsigned kinds = 0;
    const char *id = target;
    if (strncmp(target, "pathway:", 8) == 0) {
        kinds = KIND_PATHWAY;
        id = target + 8;
    } else if (strncmp(target, "support:", 8) == 0) {
        kinds = KIND_SUPPORTS;
        id = target + 8;
    }
    void *state = detail_create(app, id, kinds);
    if (state)
        return result_push(&screen_detail, state);
    app_notice(app, "%s", _("That entry is no longer in the data."));
    return result_of(R_REDRAW);
}

struct result detail_follow(struct app *app, const struct textview *tv, enum tv_event ev)
{
    switch (ev) {
    case TV_IGNORED: return result_of(R_IGNORED);
    case TV_MOVED: return result_of(R_REDRAW);
    case TV_OPEN: return detail_open(app, tv_link(tv));
    case TV_MARK:
        if (tv_link(tv))
            app_toggle_target(app, tv_link(tv));
        else
            /* TRANSLATORS: the two %s are keys' names (Tab, a). */
            app_notice(app, _("%s selects an entry; then %s saves it to the shortlist."),
                       key_first(A_NEXT_LINK), key_first(A_MARK));
        return result_of(R_REDRAW);
    case TV_FIRST_LINK:
        /* TRANSLATORS: the two %s are keys' names (Enter, Tab). */
        app_notice(app, _("%s again opens the selected link; %s moves between links."),
                   key_first(A_OPEN), key_first(A_NEXT_LINK));
        return result_of(R_REDRAW);
    }
    return result_of(R_IGNORED);
}

static void destroy(void *state)
{
    struct detail *d = state;
    tv_clear(&d->tv);
    doc_destroy(d->doc);
    entry_destroy(d->entry);
    free(d);
}

static void draw(struct app *app, void *state, struct rect r)
{
    struct detail *d = state;
    int width = r.w - 2;
    if (d->lang != app->lang_gen) {
        /* The language changed: the entry is read again in it, at the same place. */
        struct err err = {0};
        struct entry *e = entry_get(app->store, d->entry->id, terms_kinds(d->entry->kind), &err);
        if (e) {
            entry_localize(app->store, e, i18n_lang());
            entry_destroy(d->entry);
            doc_destroy(d->doc);
            d->entry = e;
            d->doc = doc_entry(e);
            d->tv.width = -1; /* wrapped again below */
        }
        d->lang = app->lang_gen;
    }
    /* Wrap again only when the width changed: the scroll position and link stay. */
    if (d->tv.width != width) {
        size_t top = d->tv.top;
        int sel = d->tv.link_sel;
        tv_from_doc(&d->tv, d->doc, width);
        d->tv.link_sel = sel < d->tv.n_links ? sel : -1;
        d->tv.top = top < d->tv.n ? top : 0;
    }
    d->top = r.y;
    d->height = r.h;
    curs_set(0);
    tv_draw(&d->tv, (struct rect){r.y, r.x + 1, r.h, width});
    /* Whether it is saved, on the title line, where it takes no room from the text. */
    if (app_marked(app, d->entry->id, d->entry->kind)) {
        int y, x;
        getyx(stdscr, y, x);
        char badge[64];
        /* TRANSLATORS: a badge on a saved entry's title line; %s is a star. */
        snprintf(badge, sizeof badge, _(" %s on your shortlist "), glyph(GLYPH_SAVED));
        int bw = text_width(badge);
        if (r.w > bw + 30)
            draw_text(r.y, r.x + r.w - bw - 1, bw, ROLE_GOOD, badge);
        move(y, x);
    }
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct detail *d = state;
    (void)key;
    if (a == A_MARK) {
        app_toggle_mark(app, d->entry->id, d->entry->kind, d->entry->name);
        return result_of(R_REDRAW);
    }
    if (a == A_QR)
        return qr_view_entry(app, d->entry->id, terms_kinds(d->entry->kind));
    return detail_follow(app, &d->tv, tv_key(&d->tv, a, d->height));
}

static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct detail *d = state;
    (void)x;
    (void)twice;
    return detail_follow(app, &d->tv, tv_click(&d->tv, y - d->top));
}

const struct screen screen_detail = {
        .name = N_("Detail"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
