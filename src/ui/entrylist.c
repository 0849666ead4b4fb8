/* entrylist.c: the filtered, searchable, paged list of supports or pathways behind two screens.
 * Only the rows on screen are fetched; the count comes from one COUNT query per filter change. */
#include "entrylist.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "text.h"
#include "util.h"

#define PREVIEW_MIN_COLS 120

struct entrylist *entrylist_create(struct app *app, unsigned kinds)
{
    struct entrylist *el = xcalloc(1, sizeof *el);
    el->kinds = kinds;
    el->gen = app->f.generation - 1; /* count on first draw */
    el->page_gen = el->gen;
    el->preview.link_sel = -1;
    el->preview_rid = -1;
    struct query all = {.kinds = kinds};
    struct err e = {0};
    if (query_count(app->store, &all, &el->all, &e) != 0)
        app_notice(app, "%s", e.msg);
    return el;
}

void entrylist_destroy(void *state)
{
    struct entrylist *el = state;
    query_page_finish(&el->page);
    tv_clear(&el->preview);
    free(el);
}

static void refresh_rows(struct app *app, struct entrylist *el, int rows)
{
    struct query q;
    app_query(app, &q, el->kinds);
    struct err e = {0};
    if (el->gen != app->f.generation) {
        size_t n = 0;
        if (query_count(app->store, &q, &n, &e) != 0)
            app_notice(app, "%s", e.msg);
        el->lv.n = n;
        el->lv.sel = el->lv.top = 0;
        el->gen = app->f.generation;
    }
    listview_fit(&el->lv, rows);
    if (el->page_gen == el->gen && el->page_top == el->lv.top && el->page_rows == rows)
        return;
    query_page_finish(&el->page);
    if (query_page(app->store, &q, el->lv.top, (size_t)rows, &el->page, &e) != 0)
        app_notice(app, "%s", e.msg);
    el->page_gen = el->gen;
    el->page_top = el->lv.top;
    el->page_rows = rows;
}

static void filter_bar(struct app *app, struct entrylist *el, int y, int width)
{
    struct sb b = {0};
    char name[128];
    sb_add(&b, "Filters: ");
    size_t start = b.len;
    if (app->f.region[0])
        sb_addf(&b, "where %s", app_region_name(app, name, sizeof name));
    if (app->f.goal[0])
        sb_addf(&b, "%sgoal %s", b.len > start ? " · " : "", app_goal_name(app, name, sizeof name));
    if (app->f.service[0])
        sb_addf(&b, "%sservice %s", b.len > start ? " · " : "",
                app_service_name(app, name, sizeof name));
    if (app->f.delivery) {
        sb_addf(&b, "%s", b.len > start ? " · " : "");
        bool first = true;
        for (size_t i = 0; i < terms_delivery.n; i++)
            if (app->f.delivery & terms_delivery.v[i].value) {
                sb_addf(&b, "%s%s", first ? "" : " or ", terms_delivery.v[i].label);
                first = false;
            }
    }
    if (el->kinds != KIND_PATHWAY && (app->f.kinds & KIND_SUPPORTS) &&
        (app->f.kinds & KIND_SUPPORTS) != KIND_SUPPORTS)
        sb_addf(&b, "%s%s only", b.len > start ? " · " : "",
                terms_of(&terms_kind, app->f.kinds & KIND_GROUP ? KIND_GROUP : KIND_PROGRAM)
                        ->plural);
    if (app->f.search[0])
        sb_addf(&b, "%swords \"%s\"", b.len > start ? " · " : "", app->f.search);
    if (b.len == start)
        sb_add(&b, "none (r where, g goal, s service, d delivery, t type)");
    else
        sb_add(&b, "  (x clears)");
    char count[64];
    snprintf(count, sizeof count, " %zu of %zu", el->lv.n, el->all);
    int cw = text_width(count);
    draw_text(y, 0, width - cw - 1, ROLE_NORMAL, sb_str(&b));
    draw_text(y, width - cw, cw, ROLE_HEADING, count);
    sb_finish(&b);
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

static void draw_row(int y, int width, const struct columns *c, const struct row *r, bool sel,
                     bool pathways, bool saved)
{
    enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
    draw_line(y, 0, width, base, sel ? (saved ? "▸★" : "▸") : saved ? " ★" : " ");
    int x = 2;
    draw_text(y, x, c->name, base, r->name);
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

static void draw_preview(struct app *app, struct entrylist *el, int top, int height, int x,
                         int width)
{
    for (int r = 0; r < height; r++)
        mvaddstr(top + r, x - 1, "│");
    if (el->lv.n == 0 || el->lv.sel < el->lv.top || el->lv.sel - el->lv.top >= el->page.n)
        return;
    const struct row *row = &el->page.rows[el->lv.sel - el->lv.top];
    if (row->rid != el->preview_rid || el->preview_width != width) {
        struct err err = {0};
        struct entry *e = entry_get(app->store, row->id, terms_kinds(row->kind), &err);
        if (!e && err.code)
            app_notice(app, "%s", err.msg);
        if (!e)
            return;
        struct doc *d = doc_entry(e);
        el->preview.top = 0;
        tv_from_doc(&el->preview, d, width - 1);
        doc_destroy(d);
        entry_destroy(e);
        el->preview_rid = row->rid;
        el->preview_width = width;
    }
    tv_draw(&el->preview, top, height, x + 1, width - 1);
}

void entrylist_draw(struct app *app, void *state, int top, int height)
{
    struct entrylist *el = state;
    bool pathways = el->kinds == KIND_PATHWAY;
    bool preview = COLS >= PREVIEW_MIN_COLS;
    int list_w = preview ? COLS * 3 / 5 : COLS;
    int rows = height - 3;
    if (rows < 1)
        rows = 1;
    refresh_rows(app, el, rows);
    filter_bar(app, el, top, COLS);

    char field[300];
    snprintf(field, sizeof field, "Search: %s", app->f.search);
    if (el->editing || app->f.search[0])
        draw_line(top + 1, 0, list_w, el->editing ? ROLE_FIELD : ROLE_NORMAL, field);
    else
        draw_text(top + 1, 0, list_w, ROLE_DIM, "Search: press / and type (words, any order)");

    struct columns c = layout(list_w, pathways);
    struct row header = {
            .name = "NAME", .kind = "KIND", .status = "STATUS", .where = "WHERE", .size = "SIZE"};
    draw_row(top + 2, list_w, &c, &header, false, pathways, false);
    mvchgat(top + 2, 0, list_w, A_BOLD, 0, NULL);
    el->list_top = top + 3;
    el->list_rows = rows;
    for (size_t i = 0; i < el->page.n && (int)i < rows; i++)
        draw_row(top + 3 + (int)i, list_w, &c, &el->page.rows[i], el->lv.top + i == el->lv.sel,
                 pathways, app_marked(app, el->page.rows[i].id, el->page.rows[i].kind));
    if (el->lv.n == 0) {
        draw_text(top + 3, 2, list_w - 2, ROLE_NOTICE,
                  app->f.search[0] ? "Nothing matches these words with these filters."
                                   : "Nothing matches these filters.");
        draw_text(top + 4, 2, list_w - 2, ROLE_DIM,
                  "Press x to clear the filters, or r to choose another place.");
    }
    if (preview)
        draw_preview(app, el, top + 1, height - 1, list_w + 1, COLS - list_w - 1);
    /* The cursor ends on the selected row (or in the search field while typing). */
    if (el->editing) {
        curs_set(1);
        int w = text_width(field);
        move(top + 1, w < list_w ? w : list_w - 1);
    } else {
        curs_set(0);
        move(el->lv.n ? top + 3 + (int)(el->lv.sel - el->lv.top) : top + 3, 0);
    }
}

static enum key_result edit_key(struct app *app, struct entrylist *el, enum action a, int key)
{
    (void)a; /* while typing, letters are letters: j and k type, only the arrows move */
    if (key == 27 || key == '\r' || key == '\n' || key == KEY_FN(KEY_ENTER) ||
        key == KEY_FN(KEY_DOWN) || key == KEY_FN(KEY_UP)) {
        el->editing = false;
        return R_REDRAW;
    }
    if (key == 127 || key == 8 || key == KEY_FN(KEY_BACKSPACE)) {
        text_delete_char(app->f.search);
    } else if (key == ('u' & 0x1f)) {
        app->f.search[0] = '\0';
    } else if (key == ('w' & 0x1f)) {
        text_delete_word(app->f.search);
    } else if (!KEY_IS_FN(key) && key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0)) {
        text_append_char(app->f.search, sizeof app->f.search, (unsigned)key);
    } else {
        return R_HANDLED; /* swallow other keys while typing: no surprise actions */
    }
    app_filters_changed(app);
    return R_REDRAW;
}

static void open_selected(struct app *app, struct entrylist *el)
{
    if (el->lv.n == 0 || el->lv.sel < el->lv.top || el->lv.sel - el->lv.top >= el->page.n)
        return;
    const struct row *r = &el->page.rows[el->lv.sel - el->lv.top];
    char *target = xasprintf("%s:%s", state_kind_of(r->kind), r->id);
    app_open_entry(app, target);
    free(target);
}

enum key_result entrylist_key(struct app *app, void *state, enum action a, int key)
{
    struct entrylist *el = state;
    if (el->editing)
        return edit_key(app, el, a, key);
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_PAGE_UP:
    case A_PAGE_DOWN:
    case A_FIRST:
    case A_LAST: listview_move(&el->lv, a, el->list_rows); return R_REDRAW;
    case A_OPEN: open_selected(app, el); return R_REDRAW;
    case A_SEARCH: el->editing = true; return R_REDRAW;
    case A_MARK:
        if (el->lv.n && el->lv.sel >= el->lv.top && el->lv.sel - el->lv.top < el->page.n) {
            const struct row *r = &el->page.rows[el->lv.sel - el->lv.top];
            app_toggle_mark(app, r->id, r->kind, r->name);
        }
        return R_REDRAW;
    case A_CLEAR:
        memset(&app->f, 0, offsetof(struct filters, generation));
        app_filters_changed(app);
        app_notice(app, "All filters and the search are cleared.");
        return R_REDRAW;
    case A_SERVICE:
    case A_DELIVERY:
        if (el->kinds == KIND_PATHWAY) {
            app_notice(app, "Pathways are not filtered by service or delivery.");
            return R_REDRAW;
        }
        return app_pick(app, a);
    case A_KIND:
        if (el->kinds == KIND_PATHWAY) {
            app_notice(app, "This list shows pathways only.");
            return R_REDRAW;
        }
        return app_pick(app, a);
    default: return R_IGNORED;
    }
}

enum key_result entrylist_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct entrylist *el = state;
    (void)x;
    if (y < el->list_top || y >= el->list_top + el->list_rows)
        return R_IGNORED;
    size_t i = el->lv.top + (size_t)(y - el->list_top);
    if (i >= el->lv.n)
        return R_IGNORED;
    if (i == el->lv.sel || twice)
        open_selected(app, el);
    else
        el->lv.sel = i;
    return R_REDRAW;
}
