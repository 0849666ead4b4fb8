/* help.c: the Help screen, generated from the key table so it can never disagree with the keys. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "text.h"
#include "textview.h"
#include "util.h"

struct help {
    struct textview tv;
    int height;
};

static const enum action hints[] = {A_BACK, A_QUIT};

void *help_create(struct app *app)
{
    (void)app;
    struct help *h = xcalloc(1, sizeof *h);
    h->tv.link_sel = -1;
    return h;
}

static void destroy(void *state)
{
    struct help *h = state;
    tv_clear(&h->tv);
    free(h);
}

static void section(struct textview *tv, const char *title, unsigned scope, int width)
{
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, title, width, NULL);
    for (size_t i = 0; i < key_table_len; i++) {
        const struct key_def *k = &key_table[i];
        if (!(k->scope & scope))
            continue;
        char label[48], prefix[64];
        text_pad(label, sizeof label, k->label, 12); /* by columns: labels hold arrows */
        snprintf(prefix, sizeof prefix, "  %s ", label);
        tv_add(tv, ROLE_NORMAL, prefix, 15, k->help, width, NULL);
    }
}

static void build(struct help *h, int width)
{
    struct textview *tv = &h->tv;
    tv_clear(tv);
    tv->width = width;
    tv_add(tv, ROLE_HEADING, NULL, 0, "Help: the keys of itpnav", width, NULL);
    tv_add(tv, ROLE_NORMAL, NULL, 0,
           "Everything works from the keyboard. On the home screen, the number keys choose a "
           "menu item. A mouse click selects or opens, and the wheel scrolls (start with "
           "--no-mouse to keep your terminal's copy and paste).",
           width, NULL);
    section(tv, "Everywhere", SCOPE_ALL, width);
    section(tv, "In a list", SCOPE_LIST, width);
    section(tv, "On a detail screen", SCOPE_DETAIL, width);
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, "While typing a search", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Backspace    ", 15, "Delete the last character.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Ctrl-U       ", 15, "Clear the search.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Ctrl-W       ", 15, "Delete the last word.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Enter Esc ↓  ", 15, "Keep the search and return to the list.", width,
           NULL);
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct help *h = state;
    (void)app;
    int width = COLS - 2;
    if (h->tv.width != width)
        build(h, width);
    h->height = height;
    curs_set(0);
    tv_draw(&h->tv, top, height, 1, width);
}

static enum key_result on_key(struct app *app, void *state, enum action a, int key)
{
    struct help *h = state;
    (void)key;
    if (a == A_HELP)
        return R_HANDLED;
    return tv_key(app, &h->tv, a, h->height);
}

const struct screen screen_help = {
        .name = "Help",
        .draw = draw,
        .on_key = on_key,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
