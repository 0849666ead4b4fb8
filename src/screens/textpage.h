/* textpage.h: the body of a full-screen page of text that its screen builds (About, Help, the
 * handout, the results), laid out again when the width or what it shows changes. */
#ifndef ITPNAV_TEXTPAGE_H
#define ITPNAV_TEXTPAGE_H

#include "screen.h"
#include "textview.h"

struct textpage {
    struct textview tv;
    int top, height; /* where it was drawn, for clicks and paging */
    void (*build)(struct app *app, struct textview *tv, int width);
    unsigned (*stamp)(struct app *app); /* what the page shows changed when this does */
    unsigned built_stamp;
    unsigned built_lang; /* the language (app->lang_gen) it was built in */
};

/* A new page whose lines come from build; the screen's state (textpage_destroy frees it). */
void *textpage_create(void (*build)(struct app *app, struct textview *tv, int width));

/* The same, built again whenever stamp(app) changes (answers, the shortlist). */
void *textpage_create_live(void (*build)(struct app *app, struct textview *tv, int width),
                           unsigned (*stamp)(struct app *app));

/* The screen hooks of such a page: links open their entries (detail_follow). */
void textpage_destroy(void *state);
void textpage_draw(struct app *app, void *state, struct rect r);
struct result textpage_key(struct app *app, void *state, enum action a, int key);
struct result textpage_click(struct app *app, void *state, int y, int x, bool twice);

#endif
