/* picker.c: a modal chooser for where, goal, service, delivery and type; type to narrow it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "text.h"
#include "util.h"

struct choice {
    char *value;   /* "" for "any" */
    char *label;   /* indented for the region tree */
    char *fold;    /* what typing matches against */
    char *context; /* shown while narrowing: the parent region */
};

struct picker {
    enum picker_kind kind;
    struct choice *all;
    size_t n_all;
    size_t *shown; /* indices into all */
    struct listview lv;
    char typed[128];
    int list_top, rows, box_x, box_w;
};

static const enum action hints[] = {A_OPEN, A_BACK};

static void add(struct picker *p, const char *value, const char *label, const char *context)
{
    p->all = xrealloc(p->all, (p->n_all + 1) * sizeof *p->all);
    p->all[p->n_all++] = (struct choice){
            .value = xstrdup(value),
            .label = xstrdup(label),
            .fold = text_fold(label),
            .context = context ? xstrdup(context) : NULL,
    };
}

static void add_rows(struct picker *p, sqlite3 *db, const char *sql, bool tree)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *name = (const char *)sqlite3_column_text(s, 1);
        int depth = tree ? sqlite3_column_int(s, 2) : 0;
        const char *parent = tree ? (const char *)sqlite3_column_text(s, 3) : NULL;
        char *label = xasprintf("%*s%s", 2 * (depth < 8 ? depth : 8), "", name ? name : id);
        add(p, id, label, parent);
        free(label);
    }
    sqlite3_finalize(s);
}

static void narrow(struct picker *p)
{
    char *want = text_fold(p->typed);
    size_t n = 0;
    for (size_t i = 0; i < p->n_all; i++)
        if (!want[0] || strstr(p->all[i].fold, want))
            p->shown[n++] = i;
    p->lv.n = n;
    p->lv.sel = 0;
    p->lv.top = 0;
    free(want);
}

void *picker_create(struct app *app, enum picker_kind kind)
{
    struct picker *p = xcalloc(1, sizeof *p);
    p->kind = kind;
    sqlite3 *db = app->store->db;
    const char *current = "";
    switch (kind) {
    case PICK_REGION:
        add(p, "", "Anywhere (no place chosen)", NULL);
        /* Depth-first, each level in the dataset's order: the tree as people expect it. */
        add_rows(p, db,
                 "WITH RECURSIVE t(id, name, depth, path, parent) AS ("
                 " SELECT id, name, 0, printf('%08d', pos), NULL FROM region WHERE parent IS NULL"
                 " UNION ALL SELECT r.id, r.name, t.depth + 1,"
                 " t.path || '/' || printf('%08d', r.pos), t.name"
                 " FROM region r JOIN t ON r.parent = t.id)"
                 " SELECT id, name, depth, parent FROM t ORDER BY path",
                 true);
        current = app->f.region;
        break;
    case PICK_GOAL:
        add(p, "", "Any goal", NULL);
        add_rows(p, db, "SELECT id, name FROM goal ORDER BY pos", false);
        current = app->f.goal;
        break;
    case PICK_SERVICE:
        add(p, "", "Any service", NULL);
        add_rows(p, db, "SELECT id, name FROM service ORDER BY pos", false);
        current = app->f.service;
        break;
    case PICK_DELIVERY:
        add(p, "", "Any way", NULL);
        add(p, "online", "Online", NULL);
        add(p, "in-person", "In person", NULL);
        add(p, "hybrid", "Hybrid (online and in person)", NULL);
        current = app->f.delivery == DELIVERY_ONLINE      ? "online"
                  : app->f.delivery == DELIVERY_IN_PERSON ? "in-person"
                  : app->f.delivery == DELIVERY_HYBRID    ? "hybrid"
                                                          : "";
        break;
    case PICK_KIND:
        add(p, "", "Groups and programs", NULL);
        add(p, "group", "Groups (networks and associations)", NULL);
        add(p, "program", "Programs", NULL);
        current = app->f.kinds == KIND_GROUP     ? "group"
                  : app->f.kinds == KIND_PROGRAM ? "program"
                                                 : "";
        break;
    }
    p->shown = xmalloc((p->n_all ? p->n_all : 1) * sizeof *p->shown);
    narrow(p);
    for (size_t i = 0; i < p->n_all; i++)
        if (strcmp(p->all[i].value, current) == 0)
            p->lv.sel = i;
    return p;
}

static void destroy(void *state)
{
    struct picker *p = state;
    for (size_t i = 0; i < p->n_all; i++) {
        free(p->all[i].value);
        free(p->all[i].label);
        free(p->all[i].fold);
        free(p->all[i].context);
    }
    free(p->all);
    free(p->shown);
    free(p);
}

static const char *title_of(enum picker_kind k)
{
    switch (k) {
    case PICK_REGION: return "Where do you live?";
    case PICK_GOAL: return "What is your goal?";
    case PICK_SERVICE: return "What kind of help?";
    case PICK_DELIVERY: return "How is it delivered?";
    default: return "Which type?";
    }
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct picker *p = state;
    (void)app;
    int w = COLS - 4 < 64 ? COLS - 4 : 64;
    int h = height - 2 < (int)p->n_all + 5 ? height - 2 : (int)p->n_all + 5;
    if (h < 6)
        h = 6;
    int x = (COLS - w) / 2, y = top + (height - h) / 2;
    p->box_x = x;
    p->box_w = w;
    for (int r = 0; r < h; r++)
        draw_line(y + r, x, w, ROLE_NORMAL, "");
    /* Unicode box lines, not the alternate character set: in a UTF-8 locale they draw the same
     * everywhere, where ACS needs the terminal description to be exactly right. */
    attron(draw_attr(ROLE_HEADING));
    for (int c = 1; c < w - 1; c++) {
        mvaddstr(y, x + c, "─");
        mvaddstr(y + h - 1, x + c, "─");
    }
    for (int r = 1; r < h - 1; r++) {
        mvaddstr(y + r, x, "│");
        mvaddstr(y + r, x + w - 1, "│");
    }
    mvaddstr(y, x, "┌");
    mvaddstr(y, x + w - 1, "┐");
    mvaddstr(y + h - 1, x, "└");
    mvaddstr(y + h - 1, x + w - 1, "┘");
    attroff(draw_attr(ROLE_HEADING));
    draw_text(y, x + 2, w - 4, ROLE_HEADING, title_of(p->kind));
    char field[200];
    snprintf(field, sizeof field, "Type to find: %s", p->typed);
    draw_line(y + 1, x + 2, w - 4, ROLE_FIELD, field);
    p->list_top = y + 2;
    p->rows = h - 3;
    listview_fit(&p->lv, p->rows);
    int cursor = p->list_top;
    for (int r = 0; r < p->rows && p->lv.top + (size_t)r < p->lv.n; r++) {
        size_t i = p->lv.top + (size_t)r;
        const struct choice *c = &p->all[p->shown[i]];
        bool sel = i == p->lv.sel;
        char label[256];
        /* While narrowing, the tree's indent means nothing: show the parent instead. */
        if (p->typed[0] && c->context)
            snprintf(label, sizeof label, "%s (%s)", c->label + strspn(c->label, " "), c->context);
        else
            snprintf(label, sizeof label, "%s", c->label);
        draw_line(p->list_top + r, x + 1, w - 2, sel ? ROLE_SELECTED : ROLE_NORMAL, label);
        if (sel)
            cursor = p->list_top + r;
    }
    if (p->lv.n == 0)
        draw_text(p->list_top, x + 2, w - 4, ROLE_DIM, "No match: Backspace to correct.");
    curs_set(0);
    move(cursor, x + 1);
}

static void apply(struct app *app, struct picker *p)
{
    if (p->lv.n == 0)
        return;
    const char *v = p->all[p->shown[p->lv.sel]].value;
    switch (p->kind) {
    case PICK_REGION: snprintf(app->f.region, sizeof app->f.region, "%s", v); break;
    case PICK_GOAL: snprintf(app->f.goal, sizeof app->f.goal, "%s", v); break;
    case PICK_SERVICE: snprintf(app->f.service, sizeof app->f.service, "%s", v); break;
    case PICK_DELIVERY: app->f.delivery = *v ? query_delivery_parse(v) : 0; break;
    case PICK_KIND: app->f.kinds = *v ? query_kind_parse(v) : 0; break;
    }
    app_filters_changed(app);
    app_pop(app);
}

static enum key_result on_key(struct app *app, void *state, enum action a, int key)
{
    struct picker *p = state;
    if (key == 27 || a == A_BACK) {
        if (key == KEY_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
            size_t n = strlen(p->typed);
            while (n > 0 && ((unsigned char)p->typed[--n] & 0xC0) == 0x80)
                ;
            if (!p->typed[0]) {
                app_pop(app);
                return R_REDRAW;
            }
            p->typed[n] = '\0';
            narrow(p);
            return R_REDRAW;
        }
        app_pop(app);
        return R_REDRAW;
    }
    /* Everything printable is typing, j, k, q and space included: this is a text field. */
    bool printable = !KEY_IS_FN(key) && key >= 0x20 && key != 0x7f;
    switch (printable ? A_NONE : a) {
    case A_UP:
    case A_DOWN:
    case A_PAGE_UP:
    case A_PAGE_DOWN: listview_move(&p->lv, a, p->rows); return R_REDRAW;
    case A_OPEN:
        if (key != KEY_FN(KEY_RIGHT) || !p->typed[0]) {
            apply(app, p);
            return R_REDRAW;
        }
        break;
    default: break;
    }
    if (printable) {
        if (text_append_char(p->typed, sizeof p->typed, (unsigned)key))
            narrow(p);
        return R_REDRAW;
    }
    return R_HANDLED;
}

static enum key_result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct picker *p = state;
    (void)twice;
    if (x < p->box_x || x >= p->box_x + p->box_w) {
        app_pop(app); /* a click outside the box cancels, as people expect of a pop-up */
        return R_REDRAW;
    }
    if (y < p->list_top || y >= p->list_top + p->rows)
        return R_HANDLED;
    size_t i = p->lv.top + (size_t)(y - p->list_top);
    if (i >= p->lv.n)
        return R_HANDLED;
    p->lv.sel = i;
    apply(app, p);
    return R_REDRAW;
}

const struct screen screen_picker = {
        .name = "Choose",
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
};
