/* help.c: the Help screen, generated from the key table so it can never disagree with the keys. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "text.h"
#include "textview.h"
#include "util.h"

static const enum action hints[] = {A_BACK, A_QUIT};

static void section(struct app *app, struct textview *tv, const char *title, unsigned scope,
                    int width)
{
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, title, width, NULL);
    for (size_t i = 0; i < key_table_len; i++) {
        const struct key_def *k = &key_table[i];
        if (!(k->scope & scope) || !key_shown(k, app->kiosk))
            continue;
        char label[48], prefix[64];
        text_pad(label, sizeof label, k->label, 12); /* by columns: labels hold arrows */
        snprintf(prefix, sizeof prefix, "  %s ", label);
        tv_add(tv, ROLE_NORMAL, prefix, 15, k->help, width, NULL);
    }
}

static void build(struct app *app, struct textview *tv, int width)
{
    tv_add(tv, ROLE_HEADING, NULL, 0, "Help: the keys of itpnav", width, NULL);
    tv_add(tv, ROLE_NORMAL, NULL, 0,
           "Everything works from the keyboard. On the home screen, the number keys choose a "
           "menu item. A mouse click selects or opens, and the wheel scrolls (start with "
           "--no-mouse to keep your terminal's copy and paste).",
           width, NULL);
    if (app->kiosk)
        tv_add(tv, ROLE_NORMAL, NULL, 0,
               "This is a shared computer: after a while without use, everything you did here is "
               "cleared for the next person, and nothing is saved.",
               width, NULL);
    section(app, tv, "Everywhere", SCOPE_ALL, width);
    section(app, tv, "In a list", SCOPE_LIST, width);
    section(app, tv, "On a detail screen", SCOPE_DETAIL, width);
    section(app, tv, "On the shortlist", SCOPE_SHORTLIST, width);
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, "In a question or a choice", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  1-9          ", 15, "Choose the answer with that number.", width,
           NULL);
    tv_add(tv, ROLE_NORMAL, "  Space        ", 15,
           "Check or uncheck an answer where several can be chosen; Done finishes.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Esc          ", 15,
           "Close it and keep the answer as it was (in What's my path?, stop going through the "
           "questions one by one).",
           width, NULL);
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, "While typing a search", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Backspace    ", 15, "Delete the last character.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Ctrl-U       ", 15, "Clear the search.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Ctrl-W       ", 15, "Delete the last word.", width, NULL);
    tv_add(tv, ROLE_NORMAL, "  Enter Esc ↓  ", 15, "Keep the search and return to the list.", width,
           NULL);
}

void *help_create(struct app *app)
{
    (void)app;
    return tv_page_create(build);
}

const struct screen screen_help = {
        .name = "Help",
        .draw = tv_page_draw,
        .on_key = tv_page_key,
        .destroy = tv_page_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
