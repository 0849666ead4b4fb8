/* qr_view.c: the QR code screen: an entry's web address, or the shortlist (the whole list in one
 * code, then one code for each entry), drawn in half blocks to scan with a phone. */
#include "qr_view.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "entry.h"
#include "handout.h"
#include "qr.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

/* The most columns and half rows a module takes: larger only makes a code harder to frame. */
#define QR_MAX_SCALE 3

/* The caption's width beside a code. */
#define CAPTION_W 30

static const enum action hints[] = {A_BACK, A_DOWN, A_HOME, A_LANG, A_HELP};

struct code {
    char *title; /* what it holds, in words */
    char *text;  /* what it holds */
    char *shown; /* the text shown under the title, or NULL */
    struct qr *qr;
    int status; /* 0, or qr_create's errno value */
};

struct qr_view {
    struct code *v;
    size_t n, cur;
    bool list; /* v[0] is the whole shortlist and the others its entries */
};

static struct qr_view *view_create(bool list)
{
    struct qr_view *w = xcalloc(1, sizeof *w);
    w->list = list;
    return w;
}

/* Add a code of text (both strings are taken). */
static void view_add(struct qr_view *w, char *title, char *text, char *shown)
{
    w->v = xrealloc(w->v, (w->n + 1) * sizeof *w->v);
    struct code *c = &w->v[w->n++];
    *c = (struct code){.title = title, .text = text, .shown = shown};
    c->status = qr_create(text, &c->qr);
}

static void destroy(void *state)
{
    struct qr_view *w = state;
    for (size_t i = 0; i < w->n; i++) {
        free(w->v[i].title);
        free(w->v[i].text);
        free(w->v[i].shown);
        qr_destroy(w->v[i].qr);
    }
    free(w->v);
    free(w);
}

struct result qr_view_entry(struct app *app, const char *id, unsigned kinds)
{
    struct err err = {0};
    struct entry *e = entry_get(app->store, id, kinds, &err);
    if (!e) {
        app_notice(app, "%s", err.code ? err.msg : _("That entry is no longer in the data."));
        return result_of(R_REDRAW);
    }
    entry_localize(app->store, e, i18n_lang());
    char *what = NULL;
    char *url = qr_entry_address(e, &what);
    if (!url) {
        /* TRANSLATORS: %s is an entry's name. */
        app_notice(app, _("The data has no web address for %s: there is no code to show."),
                   e->name);
        entry_destroy(e);
        return result_of(R_REDRAW);
    }
    entry_destroy(e);
    struct qr_view *w = view_create(false);
    view_add(w, what, url, xstrdup(url));
    return result_push(&screen_qr, w);
}

struct result qr_view_shortlist(struct app *app)
{
    struct state_item *items = NULL;
    size_t n = 0;
    struct err e = {0};
    if (state_items(app->state, app->store, &items, &n, &e) != 0) {
        app_notice(app, "%s", e.msg);
        return result_of(R_REDRAW);
    }
    if (n == 0) {
        /* TRANSLATORS: %s is a key's name (a). */
        app_notice(app, _("Nothing is on the shortlist yet: %s saves the selected entry to it."),
                   key_first(A_MARK));
        return result_of(R_REDRAW);
    }
    char today[16];
    handout_today(today, sizeof today);
    struct qr_view *w = view_create(true);
    view_add(w,
             /* TRANSLATORS: a QR code's title; %zu is how many entries. */
             xasprintf(ngettext("Your shortlist: %zu entry, with contacts and notes",
                                "Your shortlist: %zu entries, with contacts and notes", n),
                       n),
             qr_shortlist_text(app->store, items, n, today), NULL);
    for (size_t i = 0; i < n; i++)
        /* TRANSLATORS: a QR code's title: the entry's place in the shortlist, and its name. */
        view_add(w, xasprintf(_("Entry %zu of %zu: %s"), i + 1, n, items[i].name),
                 qr_item_text(app->store, &items[i]), NULL);
    state_items_destroy(items, n);
    return result_push(&screen_qr, w);
}

/* Whether the person's terminal shows UTF-8: the program itself always runs in a UTF-8 locale
 * for its width functions, so it is the environment that says what the terminal was set up
 * for. Without it, the half blocks would come out as other characters. */
static bool terminal_utf8(void)
{
    const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = getenv(names[i]);
        if (!v || !v[0])
            continue;
        char lower[128];
        size_t k = 0;
        for (; v[k] && k < sizeof lower - 1; k++)
            lower[k] = (char)tolower((unsigned char)v[k]);
        lower[k] = '\0';
        return strstr(lower, "utf-8") || strstr(lower, "utf8");
    }
    return false;
}

/* Lines of words, wrapped to width, each drawn in its role: the caption beside or above a code. */
struct caption {
    const char *text[8];
    enum role role[8];
    int n;
};

static void caption_add(struct caption *c, enum role role, const char *text)
{
    if (text && c->n < 8) {
        c->role[c->n] = role;
        c->text[c->n++] = text;
    }
}

/* The rows the caption takes at width. */
static int caption_rows(const struct caption *c, int width)
{
    int rows = 0;
    for (int i = 0; i < c->n; i++) {
        struct text_lines *l = text_wrap(c->text[i], width > 1 ? width : 1);
        rows += (int)l->n;
        text_lines_destroy(l);
    }
    return rows;
}

/* Draw the caption at (y, x), width columns, at most rows rows; the rows drawn. */
static int caption_draw(const struct caption *c, int y, int x, int width, int rows)
{
    int drawn = 0;
    for (int i = 0; i < c->n && drawn < rows; i++) {
        struct text_lines *l = text_wrap(c->text[i], width > 1 ? width : 1);
        for (size_t j = 0; j < l->n && drawn < rows; j++)
            draw_text(y + drawn++, x, width, c->role[i], l->line[j]);
        text_lines_destroy(l);
    }
    return drawn;
}

static void draw_code(const struct qr *q, int scale, int y, int x)
{
    struct text_lines *lines = qr_lines(q, scale);
    for (size_t i = 0; i < lines->n; i++)
        draw_text(y + (int)i, x, qr_cols(q, scale), ROLE_QR, lines->line[i]);
    text_lines_destroy(lines);
}

/* In place of a code that cannot be drawn: the title, why, what to do, and the text itself. */
static void draw_without(struct rect r, const struct caption *c)
{
    caption_draw(c, r.y + 1, r.x + 2, r.w - 4, r.h - 1);
    move(r.y + 1, r.x + 2);
}

static void draw(struct app *app, void *state, struct rect r)
{
    struct qr_view *w = state;
    (void)app;
    curs_set(0);
    struct code *c = &w->v[w->cur];
    char where[96] = "", why[256] = "";
    if (w->n > 1)
        snprintf(where, sizeof where,
                 /* TRANSLATORS: which code is shown; %s is " (the whole list)" or nothing. ↓ and ↑
                  * are keys. */
                 _("Code %zu of %zu%s. ↓ or a tap: the next; ↑: the one before."), w->cur + 1, w->n,
                 w->list && w->cur == 0 ? _(" (the whole list)") : "");
    const char *next = w->list && w->cur == 0 && w->n > 1
                               /* TRANSLATORS: ↓ and Space are keys. */
                               ? _("↓, Space or a tap shows one code for each entry.")
                               : NULL;

    struct caption cap = {0};
    caption_add(&cap, ROLE_HEADING, c->title);
    if (!terminal_utf8()) {
        caption_add(&cap, ROLE_NOTICE,
                    _("This terminal cannot draw a QR code: its character set is not UTF-8."));
        caption_add(&cap, ROLE_NORMAL, c->text);
        caption_add(&cap, ROLE_DIM, where[0] ? where : NULL);
        draw_without(r, &cap);
        return;
    }
    if (c->status != 0 || !c->qr) {
        caption_add(&cap, ROLE_NOTICE, _("This is too much text for one QR code."));
        caption_add(&cap, ROLE_NORMAL, next);
        caption_add(&cap, ROLE_DIM, next ? NULL : where[0] ? where : NULL);
        draw_without(r, &cap);
        return;
    }
    caption_add(&cap, ROLE_NORMAL, _("Scan it with your phone's camera."));
    caption_add(&cap, ROLE_DIM, where[0] ? where : NULL);

    /* Beside the code when there is room (a wide terminal), else above it. The address shown
     * stays whole on one line: in the caption when it fits there, else under the code. */
    int side = r.w >= CAPTION_W + 3 ? qr_fit(c->qr, r.w - CAPTION_W - 3, r.h, QR_MAX_SCALE) : 0;
    int shown_w = c->shown ? text_width(c->shown) : 0;
    bool shown_below = side && shown_w > r.w - qr_cols(c->qr, side) - 3 && shown_w <= r.w - 2 &&
                       qr_rows(c->qr, side) < r.h;
    struct caption over = cap; /* above the code, the address is in the caption */
    caption_add(&over, ROLE_NORMAL, c->shown);
    if (!shown_below)
        caption_add(&cap, ROLE_NORMAL, c->shown);
    int above_rows = caption_rows(&over, r.w - 4);
    int above = qr_fit(c->qr, r.w - 2, r.h - above_rows - 1, QR_MAX_SCALE);
    if (side == 0 && above == 0) {
        /* The smallest window that shows it: the code, with its caption above and the status
         * line below. */
        int need_w = qr_cols(c->qr, 1) + 2;
        int need_h = qr_rows(c->qr, 1) + caption_rows(&over, need_w - 4) + 2;
        snprintf(why, sizeof why,
                 /* TRANSLATORS: the sizes are columns x rows: "40x12". */
                 _("This window is too small for this QR code: it needs at least %dx%d "
                   "(this is %dx%d)."),
                 need_w, need_h, COLS, LINES);
        struct caption small = {0};
        caption_add(&small, ROLE_HEADING, c->title);
        caption_add(&small, ROLE_NOTICE, why);
        caption_add(&small, ROLE_NORMAL, next);
        caption_add(&small, ROLE_DIM, next ? NULL : where[0] ? where : NULL);
        draw_without(r, &small);
        return;
    }
    if (side >= above) {
        int cols = qr_cols(c->qr, side), rows = qr_rows(c->qr, side);
        int cw = r.w - cols - 3;
        int y = shown_below ? r.y : r.y + (r.h - rows) / 2;
        draw_code(c->qr, side, y, r.x + 1);
        if (shown_below)
            draw_text(y + rows, r.x + 1, r.w - 2, ROLE_NORMAL, c->shown);
        caption_draw(&cap, r.y + 1, r.x + cols + 3, cw, r.h - 1);
        move(r.y + 1, r.x + cols + 3);
    } else {
        int cols = qr_cols(c->qr, above);
        int drawn = caption_draw(&over, r.y, r.x + 2, r.w - 4, above_rows);
        draw_code(c->qr, above, r.y + drawn + 1, r.x + (r.w - cols) / 2);
        move(r.y, r.x + 2);
    }
}

static struct result go(struct qr_view *w, size_t to)
{
    w->cur = to < w->n ? to : w->n - 1;
    return result_of(R_REDRAW);
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct qr_view *w = state;
    (void)app;
    (void)key;
    switch (a) {
    case A_DOWN:
    case A_PAGE_DOWN:
    case A_NEXT_LINK:
    case A_OPEN: return go(w, w->cur + 1);
    case A_UP:
    case A_PAGE_UP:
    case A_PREV_LINK: return go(w, w->cur ? w->cur - 1 : 0);
    case A_FIRST: return go(w, 0);
    case A_LAST: return go(w, w->n - 1);
    case A_QR: return result_of(R_HANDLED); /* here already */
    default: return result_of(R_IGNORED);
    }
}

/* A tap shows the next code, and after the last the first again: a touch screen has no keys. */
static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct qr_view *w = state;
    (void)app;
    (void)y;
    (void)x;
    (void)twice;
    return go(w, w->cur + 1 < w->n ? w->cur + 1 : 0);
}

const struct screen screen_qr = {
        .name = N_("QR code"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
        .no_title = true,
};
