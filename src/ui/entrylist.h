/* entrylist.h: the filtered, searchable, paged list of supports or pathways behind two screens:
 * the filter bar, the search field, the rows, and a preview on wide terminals. It reports what
 * was chosen; the screen that owns it acts. */
#ifndef ITPNAV_ENTRYLIST_H
#define ITPNAV_ENTRYLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw.h"
#include "err.h"
#include "field.h"
#include "keys.h"
#include "query.h"
#include "textview.h"

/* One part of the filter bar: a filter in force ("where Ontario") or a key that sets one
 * ("r where"); a tap on it means action. */
struct entrylist_chip {
    const char *text;
    enum action action; /* A_NONE: not a target */
};

#define ENTRYLIST_MAX_CHIPS 8

/* What the list shows, told by its owner before each draw and each key. */
struct entrylist_source {
    const struct query *q; /* the filters and the search (the kinds are the list's own) */
    unsigned gen;          /* changes whenever q does */
    struct entrylist_chip chips[ENTRYLIST_MAX_CHIPS]; /* the filter bar, after "Filters:" */
    size_t n_chips;
    const char *region_name; /* the chosen place's name: a WHERE that only repeats it is left out */
    const char *old_before;  /* entries dated before this (YYYY-MM-DD) are marked old; or NULL */
    void *ctx;               /* passed to the two below */
    bool (*marked)(void *ctx, const char *id, const char *kind); /* on the shortlist */
    void (*notice)(void *ctx, const char *message);              /* a query failed */
};

/* Where a part of the screen was drawn, for taps. */
struct entrylist_target {
    int y, x, w;
    enum action action;
};

struct entrylist {
    struct store *store;
    unsigned kinds; /* KIND_SUPPORTS (or one of its kinds) or KIND_PATHWAY */
    struct listview lv;
    bool counted;     /* the count belongs to gen */
    unsigned gen;     /* the filter generation the count belongs to */
    size_t all;       /* entries of these kinds, unfiltered */
    struct page page; /* the rows on screen */
    size_t page_top;
    int page_rows;
    unsigned page_gen;
    bool page_valid;
    char error[512];     /* why the list cannot be shown ("" when it can) */
    char told[512];      /* the error the person was last told of */
    struct field search; /* the owner's search text */
    bool editing;
    int list_top, list_rows; /* where the rows were drawn, for clicks */
    struct entrylist_target targets[ENTRYLIST_MAX_CHIPS + 2]; /* chips, then PgUp and PgDn */
    size_t n_targets;
    enum action tapped; /* what the last EL_ACTION means */
    struct textview preview;
    int64_t preview_rid;
    int preview_width;
    char lang[4]; /* the language the rows and preview were read in (i18n_lang) */
};

/* What a key or a click did. */
enum entrylist_event {
    EL_IGNORED,  /* not the list's: its owner (or the main loop) may take it */
    EL_HANDLED,  /* taken, nothing changed (a key swallowed while typing) */
    EL_MOVED,    /* the selection moved, or the field opened or closed: redraw */
    EL_OPEN,     /* the selected entry was chosen (Enter, a click): entrylist_selected */
    EL_MARK,     /* a (save) on the selected entry */
    EL_SEARCHED, /* the search text changed: the filters changed */
    EL_ACTION,   /* a tap on the filter bar: do el->tapped, as if its key were pressed */
};

/* A list of entries of kinds in st; the search field edits search (size bytes). The list is made
 * even when st cannot count the entries of kinds: then e says why (and the count shows 0). */
struct entrylist *entrylist_create(struct store *st, unsigned kinds, char *search, size_t size,
                                   struct err *e);

/* Free it; NULL is a no-op. */
void entrylist_destroy(struct entrylist *el);

/* Draw into r what src says, querying again only when src->gen changed. */
void entrylist_draw(struct entrylist *el, const struct entrylist_source *src, struct rect r);

/* A key: moves, search typing, choosing. The list first catches up with src (filters changed by
 * keys typed ahead), and acts on the row the person sees selected. */
enum entrylist_event entrylist_key(struct entrylist *el, const struct entrylist_source *src,
                                   enum action a, int key);

/* A click at (y, x): select a row, or choose it (a second click, or a double click); page; or a
 * tap on the filter bar. */
enum entrylist_event entrylist_click(struct entrylist *el, const struct entrylist_source *src,
                                     int y, int x, bool twice);

/* The selected row, or NULL when there is none on screen. */
const struct row *entrylist_selected(const struct entrylist *el);

#endif
