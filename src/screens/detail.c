/* detail.c: one support or pathway in full: every field, contact, links, source and as-of date. */
#include <stdlib.h>

#include "app.h"
#include "entry.h"
#include "text.h"
#include "textview.h"
#include "util.h"

struct detail {
    struct entry *entry;
    struct doc *doc;
    struct textview tv;
    int height;
};

static const enum action hints[] = {A_NEXT_LINK, A_OPEN, A_MARK, A_BACK, A_HOME, A_HELP, A_QUIT};

void *detail_create(struct app *app, const char *id, unsigned kinds)
{
    struct err err = {0};
    struct entry *e = entry_get(app->store, id, kinds, &err);
    if (!e && err.code)
        app_notice(app, "%s", err.msg);
    if (!e)
        return NULL;
    struct detail *d = xcalloc(1, sizeof *d);
    d->entry = e;
    d->doc = doc_entry(e);
    d->tv.link_sel = -1;
    return d;
}

static void destroy(void *state)
{
    struct detail *d = state;
    tv_clear(&d->tv);
    doc_destroy(d->doc);
    entry_destroy(d->entry);
    free(d);
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct detail *d = state;
    (void)app;
    int width = COLS - 2;
    /* Wrap again only when the width changed: the scroll position and link stay. */
    if (d->tv.width != width) {
        int sel = d->tv.link_sel;
        tv_from_doc(&d->tv, d->doc, width);
        d->tv.link_sel = sel < d->tv.n_links ? sel : -1;
    }
    d->height = height;
    curs_set(0);
    tv_draw(&d->tv, top, height, 1, width);
    /* Whether it is saved, on the title line, where it takes no room from the text. */
    if (app_marked(app, d->entry->id, d->entry->kind)) {
        int y, x;
        getyx(stdscr, y, x);
        const char *badge = " ★ on your shortlist ";
        int bw = text_width(badge);
        if (COLS > bw + 30)
            draw_text(top, COLS - bw - 1, bw, ROLE_GOOD, badge);
        move(y, x);
    }
}

static enum key_result on_key(struct app *app, void *state, enum action a, int key)
{
    struct detail *d = state;
    (void)key;
    if (a == A_MARK) {
        app_toggle_mark(app, d->entry->id, d->entry->kind, d->entry->name);
        return R_REDRAW;
    }
    return tv_key(app, &d->tv, a, d->height);
}

static enum key_result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct detail *d = state;
    (void)x;
    (void)twice;
    return tv_click(app, &d->tv, y - 1);
}

const struct screen screen_detail = {
        .name = "Detail",
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
