/* textview.h: a scrollable page of wrapped, styled lines with selectable links (detail, about,
 * help). */
#ifndef ITPNAV_TEXTVIEW_H
#define ITPNAV_TEXTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "draw.h"
#include "keys.h"

struct tv_line {
    enum role role;
    int indent;
    char *text;
    int link;                /* index into targets, or -1 */
    int url;                 /* the web address in it: an index into urls, or -1 */
    size_t url_off, url_len; /* where it is in text (bytes) */
    bool full; /* part of an address longer than a row: drawn across the margins too */
};

struct textview {
    struct tv_line *v;
    size_t n;
    size_t top;
    int link_sel; /* -1: none */
    char **targets;
    int n_links;
    char **urls; /* the web addresses in the lines */
    int n_urls;
    int width;  /* what the lines were wrapped to */
    int margin; /* columns on each side of the text a long address may use (set before adding) */
    int view_h; /* the rows of text last drawn (the position line below them), for taps */
    bool view_longer;
};

/* Free every line and link and empty tv. */
void tv_clear(struct textview *tv);

/* Add text wrapped to width: the first line starts with prefix, the rest are indented. A link
 * (target != NULL) makes every line of it part of one selectable link. A web address is never
 * cut: one that does not fit after the prefix starts a line of its own, and one longer than a
 * line takes rows of the whole width, margins included, which the terminal is told to wrap
 * itself (draw_link_mark). */
void tv_add(struct textview *tv, enum role role, const char *prefix, int indent, const char *text,
            int width, const char *target);

/* A blank line. */
void tv_blank(struct textview *tv);

/* Lay a doc out at width. */
void tv_from_doc(struct textview *tv, const struct doc *d, int width);

/* Draw into r; leaves the cursor on the selected link or the first line shown. */
void tv_draw(struct textview *tv, struct rect r);

/* What a key or a click did to a view; the view never navigates, its owner does. */
enum tv_event {
    TV_IGNORED,    /* not a key the view takes */
    TV_MOVED,      /* it scrolled, or a link was selected: redraw */
    TV_OPEN,       /* the selected link was chosen (Enter, a click): tv_link says which */
    TV_MARK,       /* a (save) was pressed: tv_link says on which link, or NULL for none */
    TV_FIRST_LINK, /* Enter with no link selected selected the first one */
};

/* Scroll, move between links, choose one, in a view of height rows. */
enum tv_event tv_key(struct textview *tv, enum action a, int height);

/* A click at row (relative to the view's first row): TV_OPEN on a link, TV_MOVED on the position
 * line below a longer page (it pages down, or up from the end), else TV_IGNORED. */
enum tv_event tv_click(struct textview *tv, int row);

/* The target of the selected link, or NULL when none is. */
const char *tv_link(const struct textview *tv);

#endif
