/* entrylist.c: the filtered, searchable, paged list of supports or pathways behind two screens.
 * Only the rows on screen are fetched; the count comes from one COUNT query per filter change. */
#include "entrylist.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "glyph.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

#define PREVIEW_MIN_COLS 120

/* The filter bar wraps onto at most this many rows; the rest of it is cut. */
#define FILTER_MAX_ROWS 3

/* The narrowest a WHERE column is worth drawing, and the narrowest the names may get to keep it. */
#define WHERE_MIN 14
#define NAME_MIN  30
#define WHERE_MAX 24

struct entrylist *entrylist_create(struct store *st, unsigned kinds, char *search, size_t size,
                                   struct err *e)
{
    struct entrylist *el = xcalloc(1, sizeof *el);
    el->store = st;
    el->kinds = kinds;
    el->preview.link_sel = -1;
    el->preview_rid = -1;
    /* Until the first draw says how many rows show: about what a full screen shows. */
    el->list_rows = LINES > 8 ? LINES - 6 : 1;
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

/* A query failed: the list says so where the rows would be, and the person hears it once. */
static void failed(struct entrylist *el, const struct entrylist_source *src, const char *why)
{
    text_copy(el->error, sizeof el->error, why);
    /* Once: the list keeps saying it; a message on every key would hide everything else. */
    if (strcmp(el->told, el->error) != 0)
        src->notice(src->ctx, why);
    text_copy(el->told, sizeof el->told, el->error);
}

/* Count again when the filters changed since. */
static void sync_count(struct entrylist *el, const struct entrylist_source *src)
{
    if (el->counted && el->gen == src->gen)
        return;
    struct err e = {0};
    size_t n = 0;
    el->error[0] = '\0';
    if (query_count(el->store, src->q, &n, &e) != 0) {
        failed(el, src, e.msg);
        n = 0;
    }
    el->lv.n = n;
    el->lv.sel = el->lv.top = 0;
    el->gen = src->gen;
    el->counted = true;
}

/* Fetch the rows a view of rows rows shows, when they are not the ones held. */
static void sync_page(struct entrylist *el, const struct entrylist_source *src, int rows)
{
    if (rows < 1)
        rows = 1;
    listview_fit(&el->lv, rows);
    if (el->page_valid && el->page_gen == el->gen && el->page_top == el->lv.top &&
        el->page_rows == rows)
        return;
    query_page_finish(&el->page);
    struct err e = {0};
    if (query_page(el->store, src->q, el->lv.top, (size_t)rows, &el->page, &e) != 0)
        failed(el, src, e.msg);
    else if (el->page.n == 0 && el->lv.n > 0)
        failed(el, src, _("The list could not be read: the data's index names entries it lacks."));
    else if (!el->error[0])
        el->told[0] = '\0'; /* read: a failure after this is news again */
    el->page_valid = true;
    el->page_gen = el->gen;
    el->page_top = el->lv.top;
    el->page_rows = rows;
}

/* Catch up with src before acting: keys typed ahead act on the rows the person sees. */
static void sync(struct entrylist *el, const struct entrylist_source *src)
{
    sync_count(el, src);
    sync_page(el, src, el->list_rows);
}

const struct row *entrylist_selected(const struct entrylist *el)
{
    if (el->lv.n == 0 || !el->page_valid || el->page_gen != el->gen || el->page_top != el->lv.top ||
        el->lv.sel < el->lv.top || el->lv.sel - el->lv.top >= el->page.n)
        return NULL;
    return &el->page.rows[el->lv.sel - el->lv.top];
}

static void add_target(struct entrylist *el, int y, int x, int w, enum action a)
{
    if (el->n_targets < sizeof el->targets / sizeof el->targets[0])
        el->targets[el->n_targets++] = (struct entrylist_target){y, x, w, a};
}

/* The filter bar: "Filters:" and the chips, joined by the separator and wrapped between chips
 * onto at most max_rows rows; the count on the right of the first. Returns the rows used (when
 * draw is false, only counts them). */
static int filter_bar(struct entrylist *el, const struct entrylist_source *src, int y, int x,
                      int width, int max_rows, const char *count, bool draw)
{
    int cw = text_width(count);
    const char *sep = glyph(GLYPH_SEP);
    int sepw = text_width(sep) + 2;
    int row = 0, col = 0, line_w = width - cw - 1;
    if (draw)
        col = draw_text(y, x, line_w, ROLE_NORMAL, _("Filters: "));
    else
        col = text_width(_("Filters: "));
    for (size_t i = 0; i < src->n_chips; i++) {
        const struct entrylist_chip *c = &src->chips[i];
        int w = text_width(c->text);
        int need = (i ? sepw : 0) + w;
        /* A chip goes to the next row when it does not fit; the first too, when that row has
         * room for it whole (a long place's name in French at 40 columns). */
        bool wrap = i || w <= width - 2;
        if (wrap && col + need > line_w && row + 1 < max_rows) {
            row++;
            col = 2;
            line_w = width;
            need = w;
        }
        if (draw) {
            int cx = x + col;
            if (need > w) {
                char s[16];
                snprintf(s, sizeof s, " %s ", sep);
                draw_text(y + row, cx, line_w - col, ROLE_DIM, s);
                cx += sepw;
            }
            int drawn = draw_text(y + row, cx, x + line_w - cx, ROLE_NORMAL, c->text);
            if (c->action != A_NONE && drawn > 0)
                add_target(el, y + row, cx, drawn, c->action);
        }
        col += need;
    }
    if (draw && cw)
        draw_text(y, x + width - cw, cw, ROLE_HEADING, count);
    return row + 1;
}

/* Column widths for a page of rows in width columns: the names take what they need first. */
struct columns {
    int name, kind, where, size;
};

/* A row's kind or status as the reader's language says it (the data's ids are English words). */
static const char *row_word(const char *v)
{
    static const struct {
        const char *id, *word;
    } words[] = {
            /* TRANSLATORS: a list's TYPE and STATUS columns, at most 9 columns wide. */
            {"group", N_("group")},       {"program", N_("program")},
            {"pathway", N_("pathway")},   {"available", N_("available")},
            {"limited", N_("limited")},   {"proposed", N_("proposed")},
            {"closed", N_("closed")},     {"active", N_("active")},
            {"inactive", N_("inactive")},
    };
    if (!v)
        return "";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(v, words[i].id) == 0)
            return _(words[i].word);
    return v;
}

/* The column headings, in the reader's language. */
/* TRANSLATORS: the list's column headings, in capitals. */
#define HEAD_NAME   C_("list heading", "NAME")
#define HEAD_KIND   C_("list heading", "KIND")
#define HEAD_STATUS C_("list heading", "STATUS")
#define HEAD_WHERE  C_("list heading", "WHERE")
#define HEAD_SIZE   C_("list heading", "SIZE")

static bool old(const struct entrylist_source *src, const struct row *r)
{
    return src->old_before && query_dated_before(r->dated, src->old_before);
}

static struct columns layout(const struct entrylist *el, const struct entrylist_source *src,
                             int width, bool pathways)
{
    struct columns c = {.kind = text_width(pathways ? HEAD_STATUS : HEAD_KIND)};
    int name_need = 0, where_need = 0, size_need = 0;
    bool where_new = false; /* some row's place is not just the chosen one */
    int oldw =
            text_width(glyph(GLYPH_OLD)) + 2; /* two spaces apart: a mark, not a part of the name */
    for (size_t i = 0; i < el->page.n; i++) {
        const struct row *r = &el->page.rows[i];
        int k = text_width(row_word(pathways ? r->status : r->kind));
        c.kind = k > c.kind ? k : c.kind;
        int n = text_width(r->name) + (old(src, r) ? oldw : 0);
        name_need = n > name_need ? n : name_need;
        int w = text_width(r->where);
        where_need = w > where_need ? w : where_need;
        w = text_width(r->size);
        size_need = w > size_need ? w : size_need;
        if (r->where && r->where[0] &&
            (!src->region_name || strcmp(r->where, src->region_name) != 0))
            where_new = true;
    }
    if (c.kind > 9)
        c.kind = 9;
    /* Two columns of markers (selection, saved), then the name; two spaces between columns. */
    int rest = width - 2 - (c.kind + 2);
    if (!pathways && size_need && width >= 90) {
        c.size = size_need < 16 ? size_need : 16;
        rest -= c.size + 2;
    }
    if (where_new && where_need) {
        int w = where_need < text_width(HEAD_WHERE) ? text_width(HEAD_WHERE) : where_need;
        w = w < WHERE_MAX ? w : WHERE_MAX;
        if (name_need + 2 + w <= rest)
            c.where = w;
        else if (rest - name_need - 2 >= WHERE_MIN)
            c.where = rest - name_need - 2;
        else if (!pathways && rest - WHERE_MIN - 2 >= NAME_MIN)
            c.where = WHERE_MIN; /* a pathway's name says its place; a group's seldom does */
    }
    c.name = rest - (c.where ? c.where + 2 : 0);
    return c;
}

static void draw_row(int y, int x0, int width, const struct columns *c, const struct row *r,
                     bool sel, bool pathways, bool saved, bool is_old)
{
    enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
    char marks[32];
    snprintf(marks, sizeof marks, "%s%s", sel ? glyph(GLYPH_SELECTED) : " ",
             saved ? glyph(GLYPH_SAVED) : " ");
    draw_line(y, x0, width, base, marks);
    int x = x0 + 2;
    /* A support that is not running says so on its row, not only in its detail: after its
     * name, which gives up the room; an old entry's mark after that. */
    const char *halt = pathways ? NULL : entry_support_halt(r->kind, r->status);
    char mark[32] = "";
    if (halt)
        snprintf(mark, sizeof mark, " (%s)", halt);
    const char *oldg = glyph(GLYPH_OLD);
    int oldw = is_old ? text_width(oldg) + 2 : 0;
    int markw = halt ? text_width(mark) : 0;
    int drawn = draw_name(y, x, c->name - oldw - markw, base, r->name);
    if (halt)
        drawn += draw_text(y, x + drawn, c->name - oldw - drawn, sel ? base : ROLE_NOTICE, mark);
    if (is_old)
        draw_text(y, x + drawn + 2, oldw - 2, sel ? base : ROLE_WARN, oldg);
    x += c->name + 2;
    const char *kind = row_word(pathways ? r->status : r->kind);
    draw_text(y, x, c->kind, sel ? base : pathways ? draw_status_role(r->status) : ROLE_DIM, kind);
    x += c->kind + 2;
    if (c->where) {
        draw_text(y, x, c->where, base, r->where);
        x += c->where + 2;
    }
    if (c->size)
        draw_text(y, x, c->size, sel ? base : ROLE_DIM, r->size);
}

static void draw_preview(struct entrylist *el, const struct entrylist_source *src, struct rect r)
{
    for (int row = 0; row < r.h; row++)
        draw_glyph(r.y + row, r.x - 1, ROLE_DIM, GLYPH_V_LINE);
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
        entry_localize(el->store, e, i18n_lang());
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

/* The last row of a list longer than its view: where it is, and taps that page. */
static void position_line(struct entrylist *el, int y, int x, int width, int rows)
{
    size_t above = el->lv.top, shown = el->lv.top + (size_t)rows;
    size_t below = shown < el->lv.n ? el->lv.n - shown : 0;
    char up[64] = "", down[64] = "";
    if (above)
        /* TRANSLATORS: %s is an arrow, %zu how many rows; PgUp is a key's name. */
        snprintf(up, sizeof up, _("%s %zu above (PgUp)"), glyph(GLYPH_UP), above);
    if (below)
        /* TRANSLATORS: %s is an arrow, %zu how many rows; PgDn is a key's name. */
        snprintf(down, sizeof down, _("%s %zu below (PgDn)"), glyph(GLYPH_DOWN), below);
    int col = x + 2;
    if (down[0]) {
        int w = draw_text(y, col, x + width - col, ROLE_DIM, down);
        add_target(el, y, col, w, A_PAGE_DOWN);
        col += w + 3;
    }
    if (up[0]) {
        int w = draw_text(y, col, x + width - col, ROLE_DIM, up);
        add_target(el, y, col, w, A_PAGE_UP);
    }
}

void entrylist_draw(struct entrylist *el, const struct entrylist_source *src, struct rect r)
{
    bool pathways = el->kinds == KIND_PATHWAY;
    bool preview = r.w >= PREVIEW_MIN_COLS;
    int list_w = preview ? r.w * 3 / 5 : r.w;
    el->n_targets = 0;
    if (strcmp(el->lang, i18n_lang()) != 0) {
        /* The language changed: the rows and the preview are read again in it, the place kept.
         * The list goes by the names in the new language, so the selected entry may have moved:
         * it stays selected, on the same row of the screen where it can. */
        const struct row *was = el->lang[0] ? entrylist_selected(el) : NULL;
        int64_t rid = was ? was->rid : -1;
        size_t row = el->lv.sel - el->lv.top, at = SIZE_MAX;
        struct err e = {0};
        snprintf(el->lang, sizeof el->lang, "%s", i18n_lang());
        el->page_valid = false;
        el->preview_rid = -1;
        if (rid > 0 && el->counted && el->gen == src->gen &&
            query_position(el->store, src->q, rid, &at, &e) == 0 && at != SIZE_MAX) {
            el->lv.sel = at;
            el->lv.top = at >= row ? at - row : 0;
        }
    }
    sync_count(el, src);

    /* The count, unless the list could not be read: then no number on screen is true. */
    char count[64] = "";
    if (!el->error[0])
        /* TRANSLATORS: how many entries the filters leave, of how many in all: " 12 of 80". */
        snprintf(count, sizeof count, _(" %zu of %zu"), el->lv.n, el->all);
    int max_filter = r.h - 4 < FILTER_MAX_ROWS ? r.h - 4 : FILTER_MAX_ROWS;
    int filter_rows =
            filter_bar(el, src, r.y, r.x, r.w, max_filter < 1 ? 1 : max_filter, count, false);
    int top = r.y + filter_rows - 1; /* the rows below are laid out as under a one-row bar */
    int rows = r.h - 3 - (filter_rows - 1);
    bool longer = el->lv.n > (size_t)(rows > 0 ? rows : 1) && rows > 2;
    if (longer)
        rows--;
    if (rows < 1)
        rows = 1;
    el->list_top = top + 3;
    el->list_rows = rows;
    sync_page(el, src, rows);
    if (!el->error[0] && el->lv.n > 0 && el->page.n == 0)
        count[0] = '\0';
    filter_bar(el, src, r.y, r.x, r.w, max_filter < 1 ? 1 : max_filter, count, true);

    int cursor_x = 0;
    if (el->editing || el->search.text[0])
        cursor_x = field_draw(&el->search, top + 1, r.x, list_w,
                              el->editing ? ROLE_FIELD : ROLE_NORMAL, _("Search: "));
    else {
        char how[96];
        /* TRANSLATORS: %s is the search key's name (/). */
        snprintf(how, sizeof how, _("Search: press %s and type (words, any order)"),
                 key_first(A_SEARCH));
        if (text_width(how) > list_w) /* the words that matter, whole */
            /* TRANSLATORS: %s is the search key's name (/); the short form, for 40 columns. */
            snprintf(how, sizeof how, _("Search: press %s and type"), key_first(A_SEARCH));
        draw_text(top + 1, r.x, list_w, ROLE_DIM, how);
    }

    struct columns c = layout(el, src, list_w, pathways);
    struct row header = {.name = (char *)HEAD_NAME,
                         .kind = (char *)HEAD_KIND,
                         .status = (char *)HEAD_STATUS,
                         .where = (char *)HEAD_WHERE,
                         .size = (char *)HEAD_SIZE};
    draw_row(top + 2, r.x, list_w, &c, &header, false, pathways, false, false);
    mvchgat(top + 2, r.x, list_w, A_BOLD, 0, NULL);
    for (size_t i = 0; i < el->page.n && (int)i < rows; i++) {
        const struct row *row = &el->page.rows[i];
        draw_row(top + 3 + (int)i, r.x, list_w, &c, row, el->lv.top + i == el->lv.sel, pathways,
                 src->marked(src->ctx, row->id, row->kind), old(src, row));
    }
    if (el->error[0]) {
        struct text_lines *l = text_wrap(el->error, list_w - 4 > 1 ? list_w - 4 : 1);
        draw_text(top + 3, r.x + 2, list_w - 2, ROLE_NOTICE, _("The list cannot be shown:"));
        for (size_t i = 0; i < l->n && (int)i + 1 < rows; i++)
            draw_text(top + 4 + (int)i, r.x + 2, list_w - 2, ROLE_NOTICE, l->line[i]);
        text_lines_destroy(l);
    } else if (el->lv.n == 0) {
        char hint[160];
        snprintf(hint, sizeof hint,
                 /* TRANSLATORS: the two %s are keys' names (x, r). */
                 _("Press %s to clear the filters, or %s to choose another place."),
                 key_first(A_CLEAR), key_first(A_REGION));
        draw_text(top + 3, r.x + 2, list_w - 2, ROLE_NOTICE,
                  el->search.text[0] ? _("Nothing matches these words with these filters.")
                                     : _("Nothing matches these filters."));
        draw_text(top + 4, r.x + 2, list_w - 2, ROLE_DIM, hint);
    } else if (longer) {
        position_line(el, top + 3 + rows, r.x, list_w, rows);
    }
    if (preview)
        draw_preview(
                el, src,
                (struct rect){top + 1, r.x + list_w + 1, r.h - 1 - (top - r.y), r.w - list_w - 1});
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

/* Move by a, and fetch the rows the selection is now among. */
static enum entrylist_event move_by(struct entrylist *el, const struct entrylist_source *src,
                                    enum action a)
{
    listview_move(&el->lv, a, el->list_rows);
    sync_page(el, src, el->list_rows);
    return EL_MOVED;
}

/* A tap on the position line: the next (or the previous) page of rows comes into view, its
 * first row selected. */
static enum entrylist_event scroll_page(struct entrylist *el, const struct entrylist_source *src,
                                        bool down)
{
    size_t rows = el->list_rows > 0 ? (size_t)el->list_rows : 1;
    size_t last_top = el->lv.n > rows ? el->lv.n - rows : 0;
    if (down)
        el->lv.top = el->lv.top + rows < last_top ? el->lv.top + rows : last_top;
    else
        el->lv.top = el->lv.top > rows ? el->lv.top - rows : 0;
    el->lv.sel = el->lv.top;
    sync_page(el, src, el->list_rows);
    return EL_MOVED;
}

enum entrylist_event entrylist_key(struct entrylist *el, const struct entrylist_source *src,
                                   enum action a, int key)
{
    if (el->editing)
        return edit_key(el, key);
    sync(el, src);
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_PAGE_UP:
    case A_PAGE_DOWN:
    case A_FIRST:
    case A_LAST: return move_by(el, src, a);
    case A_OPEN: return entrylist_selected(el) ? EL_OPEN : EL_MOVED;
    case A_SEARCH: el->editing = true; return EL_MOVED;
    case A_MARK: return entrylist_selected(el) ? EL_MARK : EL_MOVED;
    default: return EL_IGNORED;
    }
}

enum entrylist_event entrylist_click(struct entrylist *el, const struct entrylist_source *src,
                                     int y, int x, bool twice)
{
    for (size_t i = 0; i < el->n_targets; i++) {
        const struct entrylist_target *t = &el->targets[i];
        if (y == t->y && x >= t->x && x < t->x + t->w) {
            if (t->action == A_PAGE_UP || t->action == A_PAGE_DOWN) {
                sync(el, src);
                return scroll_page(el, src, t->action == A_PAGE_DOWN);
            }
            el->tapped = t->action;
            return EL_ACTION;
        }
    }
    if (y < el->list_top || y >= el->list_top + el->list_rows)
        return EL_IGNORED;
    sync(el, src);
    size_t i = el->lv.top + (size_t)(y - el->list_top);
    if (i >= el->lv.n)
        return EL_IGNORED;
    if (i == el->lv.sel || twice) {
        el->lv.sel = i;
        return entrylist_selected(el) ? EL_OPEN : EL_MOVED;
    }
    el->lv.sel = i;
    return EL_MOVED;
}
