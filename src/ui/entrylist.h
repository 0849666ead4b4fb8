/* entrylist.h: the filtered, searchable, paged list of supports or pathways behind two screens. */
#ifndef ITPNAV_ENTRYLIST_H
#define ITPNAV_ENTRYLIST_H

#include "app.h"
#include "draw.h"
#include "textview.h"

struct entrylist {
    unsigned kinds; /* KIND_SUPPORTS or KIND_PATHWAY */
    struct listview lv;
    unsigned gen;     /* the filter generation the count belongs to */
    size_t all;       /* entries of these kinds, unfiltered */
    struct page page; /* the rows on screen */
    size_t page_top;
    int page_rows;
    unsigned page_gen;
    bool editing;
    int list_top, list_rows; /* where the rows were drawn, for clicks */
    struct textview preview;
    int64_t preview_rid;
    int preview_width;
};

struct entrylist *entrylist_create(struct app *app, unsigned kinds);
void entrylist_destroy(void *state);
void entrylist_draw(struct app *app, void *state, int top, int height);
enum key_result entrylist_key(struct app *app, void *state, enum action a, int key);
enum key_result entrylist_click(struct app *app, void *state, int y, int x, bool twice);

#endif
