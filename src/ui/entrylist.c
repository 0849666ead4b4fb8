/* entrylist.c: the filtered, searchable, paged list of supports or pathways behind two screens.
 * Only the rows on screen are fetched; the count comes from one COUNT query per filter change. */
#include "entrylist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "terms.h"
#include "text.h"
#include "util.h"

#define PREVIEW_MIN_COLS 120

struct entrylist *entrylist_create(struct store *st, unsigned kinds, char *search, size_t size,
                                   struct err *e)
{
    struct entrylist *el = xcalloc(1, sizeof *el);
    el->store = st;
    el->kinds = kinds;
    el->preview.link_sel = -1;
    el->preview_rid = -1;
    field_init(&el->search, search, size);
    struct query all = {.kinds = kinds};
    query_count(st, &all, &el->all, e);
    return el;
}

void entrylist_destroy(struct entrylist *el)
{
    if (!el)
        return;
    query_page_finish(&el->page);
    tv_clear(&el->preview);
    free(el);
}

static void refresh_rows(struct entrylist *el, const struct entrylist_source *src, int rows)
{
    struct err e = {0};
    if (!el->counted || el->gen != src->gen) {
        size_t n = 0;
        if (query_count(el->store, src->q, &n, &e) != 0)
            src->notice(src->ctx, e.msg);
        el->lv.n = n;
        el->lv.sel = el->lv.top = 0;
        el->gen = src->gen;
        el->counted = true;
    }
    listview_fit(&el->lv, rows);
    if (el->page_valid && el->page_gen == el->gen && el->page_top == el->lv.top &&
        el->page_rows == rows)
        return;
    query_page_finish(&el->page);
    if (query_page(el->store, src->q, el->lv.top, (size_t)rows, &el->page, &e) != 0)
        src->notice(src->ctx, e.msg);
    el->page_valid = true;
    el->page_gen = el->gen;
    el->page_top = el->lv.top;
    el->page_rows = rows;
}

static void filter_bar(struct entrylist *el, const struct entrylist_source *src, int y, int x,
                       int width)
{
    char count[64];
    snprintf(count, sizeof count, " %zu of %zu", el->lv.n, el->all);
    int cw = text_width(count);
    draw_text(y, x, width - cw - 1, ROLE_NORMAL, src->filters);
    draw_text(y, x + width - cw, cw, ROLE_HEADING, count);
}

/* Column widths for a list width: name takes what the others leave. */
struct columns {
    int name, kind, where, size;
};

static struct columns layout(int width, bool pathways)
{
    struct columns c = {.kind = pathways ? 9 : 8};
    c.where = width >= 70 ? 20 : width >= 56 ? 14 : 0;
    c.size = !pathways && width >= 90 ? 16 : 0;
    c.name = width - c.kind - 2 - (c.where ? c.where + 2 : 0) - (c.size ? c.size + 2 : 0) - 2;
    return c;
}

static void draw_row(int y, int x0, int width, const struct columns *c, const struct row *r,
                     bool sel, bool pathways, bool saved)
{
    enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
    draw_line(y, x0, width, base, sel ? (saved ? "▸★" : "▸") : saved ? " ★" : " ");
    int x = x0 + 2;
    /* A support that is not running says so on its row, not only in its detail: after its
     * name, which gives up the room. */
    const char *halt = pathways ? NULL : entry_support_halt(r->kind, r->status);
    char mark[32] = "";
    if (halt)
        snprintf(mark, sizeof mark, " (%s)", halt);
    int used = draw_text(y, x, c->name - text_width(mark), base, r->name);
    if (halt)
        draw_text(y, x + used, c->name - used, sel ? base : ROLE_NOTICE, mark);
    x += c->name + 2;
    const char *kind = pathways ? (r->status ? r->status : "") : r->kind;
    draw_text(y, x, c->kind, sel ? base : pathways ? draw_status_role(r->status) : ROLE_DIM, kind);
    x += c->kind + 2;
    if (c->where) {
        draw_text(y, x, c->where, base, r->where);
        x += c->where + 2;
    }
    if (c->size)
        draw_text(y, x, c->size, sel ? base : ROLE_DIM, r->size);
}

const struct row *entrylist_selected(const struct entrylist *el)
{
    if (el->lv.n == 0 || el->lv.sel < el->lv.top || el->lv.sel - el->lv.top >= el->page.n)
        return NULL;
    return &el->page.rows[el->lv.sel - el->lv.top];
}

static void draw_preview(struct entrylist *el, const struct entrylist_source *src, struct rect r)
{
    for (int row = 0; row < r.h; row++)
        mvaddstr(r.y + row, r.x - 1, "│");
    const struct row *row = entrylist_selected(el);
    if (!row)
        return;
    if (row->rid != el->preview_rid || el->preview_width != r.w) {
        struct err err = {0};
        struct entry *e = entry_get(el->store, row->id, terms_kinds(row->kind), &err);
        if (!e && err.code)
            src->notice(src->ctx, err.msg);
        if (!e)
            return;
        struct doc *d = doc_entry(e);
        el->preview.top = 0;
        tv_from_doc(&el->preview, d, r.w - 1);
        doc_destroy(d);
        entry_destroy(e);
        el->preview_rid = row->rid;
        el->preview_width = r.w;
    }
    tv_draw(&el->preview, (struct rect){r.y, r.x + 1, r.h, r.w - 1});
}

void entrylist_draw(struct entrylist *el, const struct entrylist_source *src, struct rect r)
{
    bool pathways = el->kinds == KIND_PATHWAY;
    bool preview = r.w >= PREVIEW_MIN_COLS;
    int list_w = preview ? r.w * 3 / 5 : r.w;
    int top = r.y, rows = r.h - 3;
    if (rows < 1)
        rows = 1;
    refresh_rows(el, src, rows);
    filter_bar(el, src, top, r.x, r.w);

    int cursor_x = 0;
    if (el->editing || el->search.text[0])
        cursor_x = field_draw(&el->search, top + 1, r.x, list_w,
                              el->editing ? ROLE_FIELD : ROLE_NORMAL, "Search: ");
    else
        draw_text(top + 1, r.x, list_w, ROLE_DIM, "Search: press / and type (words, any order)");

    struct columns c = layout(list_w, pathways);
    struct row header = {
            .name = "NAME", .kind = "KIND", .status = "STATUS", .where = "WHERE", .size = "SIZE"};
    draw_row(top + 2, r.x, list_w, &c, &header, false, pathways, false);
    mvchgat(top + 2, r.x, list_w, A_BOLD, 0, NULL);
    el->list_top = top + 3;
    el->list_rows = rows;
    for (size_t i = 0; i < el->page.n && (int)i < rows; i++) {
        const struct row *row = &el->page.rows[i];
        draw_row(top + 3 + (int)i, r.x, list_w, &c, row, el->lv.top + i == el->lv.sel, pathways,
                 src->marked(src->ctx, row->id, row->kind));
    }
    if (el->lv.n == 0) {
        draw_text(top + 3, r.x + 2, list_w - 2, ROLE_NOTICE,
                  el->search.text[0] ? "Nothing matches these words with these filters."
                                     : "Nothing matches these filters.");
        draw_text(top + 4, r.x + 2, list_w - 2, ROLE_DIM,
                  "Press x to clear the filters, or r to choose another place.");
    }
    if (preview)
        draw_preview(el, src, (struct rect){top + 1, r.x + list_w + 1, r.h - 1, r.w - list_w - 1});
    /* The cursor ends on the selected row (or in the search field while typing). */
    if (el->editing) {
        curs_set(1);
        move(top + 1, cursor_x);
    } else {
        curs_set(0);
        move(el->lv.n ? top + 3 + (int)(el->lv.sel - el->lv.top) : top + 3, r.x);
    }
}

/* While typing, letters are letters: j and k type, only the arrows leave. */
static enum entrylist_event edit_key(struct entrylist *el, int key)
{
    switch (field_key(&el->search, key)) {
    case FIELD_ACCEPT:
    case FIELD_CANCEL:
    case FIELD_LEAVE: el->editing = false; return EL_MOVED;
    case FIELD_CHANGED: return EL_SEARCHED;
    case FIELD_HANDLED:
    case FIELD_IGNORED: break;
    }
    return EL_HANDLED; /* other keys are swallowed while typing: no surprise actions */
}

enum entrylist_event entrylist_key(struct entrylist *el, enum action a, int key)
{
    if (el->editing)
        return edit_key(el, key);
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_PAGE_UP:
    case A_PAGE_DOWN:
    case A_FIRST:
    case A_LAST: listview_move(&el->lv, a, el->list_rows); return EL_MOVED;
    case A_OPEN: return entrylist_selected(el) ? EL_OPEN : EL_MOVED;
    case A_SEARCH: el->editing = true; return EL_MOVED;
    case A_MARK: return entrylist_selected(el) ? EL_MARK : EL_MOVED;
    default: return EL_IGNORED;
    }
}

enum entrylist_event entrylist_click(struct entrylist *el, int y, int x, bool twice)
{
    (void)x;
    if (y < el->list_top || y >= el->list_top + el->list_rows)
        return EL_IGNORED;
    size_t i = el->lv.top + (size_t)(y - el->list_top);
    if (i >= el->lv.n)
        return EL_IGNORED;
    if (i == el->lv.sel || twice)
        return entrylist_selected(el) ? EL_OPEN : EL_MOVED;
    el->lv.sel = i;
    return EL_MOVED;
}
