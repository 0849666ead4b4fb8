/* textview.h: a scrollable page of wrapped, styled lines with selectable links (detail, about,
 * help). */
#ifndef ITPNAV_TEXTVIEW_H
#define ITPNAV_TEXTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "doc.h"
#include "draw.h"

struct tv_line {
    enum role role;
    int indent;
    char *text;
    int link; /* index into targets, or -1 */
};

struct textview {
    struct tv_line *v;
    size_t n;
    size_t top;
    int link_sel; /* -1: none */
    char **targets;
    int n_links;
    int width; /* what the lines were wrapped to */
};

/* Free every line and link and empty tv. */
void tv_clear(struct textview *tv);

/* Add text wrapped to width: the first line starts with prefix, the rest are indented. A link
 * (target != NULL) makes every line of it part of one selectable link. */
void tv_add(struct textview *tv, enum role role, const char *prefix, int indent, const char *text,
            int width, const char *target);

/* A blank line. */
void tv_blank(struct textview *tv);

/* Lay a doc out at width. */
void tv_from_doc(struct textview *tv, const struct doc *d, int width);

/* Draw rows top..top+height-1 from column x, width wide; leaves the cursor on the selected link
 * or the first line shown. */
void tv_draw(struct textview *tv, int top, int height, int x, int width);

/* Scroll, move between links, open one; returns what the main loop should do. */
enum key_result tv_key(struct app *app, struct textview *tv, enum action a, int height);

/* A click at row (relative to the view's first row): select and open a link there. */
enum key_result tv_click(struct app *app, struct textview *tv, int row);

/* A full-screen page of text (About, Help), laid out again whenever the width changes. */
struct tv_page {
    struct textview tv;
    int height;
    void (*build)(struct app *app, struct textview *tv, int width);
    unsigned (*stamp)(struct app *app); /* what the page shows changed when this does */
    unsigned built_stamp;
};

/* A new page whose lines come from build; destroy with tv_page_destroy. */
void *tv_page_create(void (*build)(struct app *app, struct textview *tv, int width));
/* The same, built again whenever stamp(app) changes (answers, the shortlist). */
void *tv_page_create_live(void (*build)(struct app *app, struct textview *tv, int width),
                          unsigned (*stamp)(struct app *app));
void tv_page_destroy(void *state);
/* The screen hooks of such a page. */
void tv_page_draw(struct app *app, void *state, int top, int height);
enum key_result tv_page_key(struct app *app, void *state, enum action a, int key);

#endif
