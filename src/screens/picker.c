/* picker.c: the modal chooser: one choice or several (checkboxes), type to narrow a long list.
 * It serves the filters (where, goal, service, delivery, type), the wizard's questions, the
 * handout's choices and every confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "text.h"
#include "util.h"

struct choice {
    char *value;    /* what the callback receives */
    char *label;    /* indented for the region tree */
    char *fold;     /* what typing matches against */
    char *context;  /* shown while narrowing: the parent region */
    bool on;        /* checked (several-choice pickers) */
    bool exclusive; /* checking it unchecks the others, and the others uncheck it */
};

struct picker {
    char *title, *help;
    unsigned flags;
    picker_done_fn done;
    picker_cancel_fn cancel;
    void *ctx;
    struct choice *all;
    size_t n_all;
    size_t *shown; /* indices into all; in a several-choice picker the last row is "Done" */
    struct listview lv;
    char typed[128];
    int list_top, rows, box_x, box_w;
};

static const enum action hints[] = {A_OPEN, A_BACK};

struct picker *picker_new(const char *title, const char *help, unsigned flags, picker_done_fn done,
                          picker_cancel_fn cancel, void *ctx)
{
    struct picker *p = xcalloc(1, sizeof *p);
    p->title = xstrdup(title);
    p->help = help ? xstrdup(help) : NULL;
    p->flags = flags;
    p->done = done;
    p->cancel = cancel;
    p->ctx = ctx;
    return p;
}

void picker_add(struct picker *p, const char *value, const char *label, const char *context,
                unsigned choice_flags)
{
    p->all = xrealloc(p->all, (p->n_all + 1) * sizeof *p->all);
    p->all[p->n_all++] = (struct choice){
            .value = xstrdup(value),
            .label = xstrdup(label),
            .fold = text_fold(label),
            .context = context ? xstrdup(context) : NULL,
            .on = (choice_flags & CHOICE_ON) != 0,
            .exclusive = (choice_flags & CHOICE_EXCLUSIVE) != 0,
    };
}

int picker_add_vocab(struct picker *p, struct store *st, enum vocab t, struct err *e)
{
    struct vocab_list l;
    int rc = vocab_list(st, t, &l, e);
    for (size_t i = 0; i < l.n; i++) {
        const struct vocab_item *it = &l.v[i];
        int depth = it->depth < 8 ? it->depth : 8;
        char *label = xasprintf("%*s%s", 2 * depth, "", it->name ? it->name : it->id);
        picker_add(p, it->id, label, it->parent, 0);
        free(label);
    }
    vocab_list_finish(&l);
    return rc;
}

void picker_add_terms(struct picker *p, const struct terms *set, unsigned only)
{
    for (size_t i = 0; i < set->n; i++) {
        char label[128];
        if (!only || (only & (1u << i)))
            picker_add(p, set->v[i].id, terms_choice(&set->v[i], label, sizeof label), NULL, 0);
    }
}

void picker_check(struct picker *p, const char *value)
{
    for (size_t i = 0; i < p->n_all; i++)
        if (strcmp(p->all[i].value, value) == 0)
            p->all[i].on = true;
}

static bool multi(const struct picker *p)
{
    return (p->flags & PICKER_MULTI) != 0;
}

static void narrow(struct picker *p)
{
    char *want = text_fold(p->typed);
    size_t n = 0;
    for (size_t i = 0; i < p->n_all; i++)
        if (!want[0] || strstr(p->all[i].fold, want))
            p->shown[n++] = i;
    if (multi(p))
        p->shown[n++] = p->n_all; /* "Done" */
    p->lv.n = n;
    p->lv.sel = 0;
    p->lv.top = 0;
    free(want);
}

void picker_open(struct app *app, struct picker *p, const char *current)
{
    p->shown = xmalloc((p->n_all + 1) * sizeof *p->shown);
    narrow(p);
    for (size_t i = 0; current && i < p->n_all; i++)
        if (strcmp(p->all[i].value, current) == 0)
            p->lv.sel = i;
    app_push(app, &screen_picker, p);
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
    free(p->title);
    free(p->help);
    free(p);
}

static void draw_box(int y, int x, int h, int w)
{
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
}

void picker_box(int top, int height, int want_h, int *y, int *x, int *h, int *w)
{
    *w = COLS - 4 < 64 ? COLS - 4 : 64;
    *h = height - 2 < want_h ? height - 2 : want_h;
    if (*h < 6)
        *h = 6;
    *x = (COLS - *w) / 2;
    *y = top + (height - *h) / 2;
    draw_box(*y, *x, *h, *w);
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct picker *p = state;
    (void)app;
    bool typing = (p->flags & PICKER_TYPE) != 0;
    int bw = COLS - 4 < 64 ? COLS - 4 : 64;
    struct text_lines *help = text_wrap(p->help ? p->help : "", bw - 4 > 1 ? bw - 4 : 1);
    int help_rows = (int)help->n < 3 ? (int)help->n : 3;
    int extra = (typing ? 1 : 0) + help_rows;
    int y, x, h, w;
    picker_box(top, height, (int)p->n_all + (multi(p) ? 1 : 0) + 2 + extra, &y, &x, &h, &w);
    p->box_x = x;
    p->box_w = w;
    draw_text(y, x + 2, w - 4, ROLE_HEADING, p->title);
    int row = y + 1;
    for (int i = 0; i < help_rows; i++)
        draw_text(row++, x + 2, w - 4, ROLE_DIM, help->line[i]);
    text_lines_destroy(help);
    if (typing) {
        char field[200];
        snprintf(field, sizeof field, "Type to find: %s", p->typed);
        draw_line(row++, x + 2, w - 4, ROLE_FIELD, field);
    }
    p->list_top = row;
    p->rows = h - 2 - extra;
    if (p->rows < 1)
        p->rows = 1;
    listview_fit(&p->lv, p->rows);
    int cursor = p->list_top;
    for (int r = 0; r < p->rows && p->lv.top + (size_t)r < p->lv.n; r++) {
        size_t i = p->lv.top + (size_t)r;
        bool sel = i == p->lv.sel;
        char label[300];
        if (p->shown[i] == p->n_all) {
            snprintf(label, sizeof label, "✓ Done");
        } else {
            const struct choice *c = &p->all[p->shown[i]];
            const char *box_mark = multi(p) ? (c->on ? "[x] " : "[ ] ") : "";
            char number[8] = "";
            if (!typing && !multi(p) && i < 9)
                snprintf(number, sizeof number, "%zu ", i + 1);
            /* While narrowing, the tree's indent means nothing: show the parent instead. */
            if (p->typed[0] && c->context)
                snprintf(label, sizeof label, "%s%s%s (%s)", number, box_mark,
                         c->label + strspn(c->label, " "), c->context);
            else
                snprintf(label, sizeof label, "%s%s%s", number, box_mark, c->label);
        }
        draw_line(p->list_top + r, x + 1, w - 2, sel ? ROLE_SELECTED : ROLE_NORMAL, label);
        if (sel)
            cursor = p->list_top + r;
    }
    if (p->lv.n == 0 || (multi(p) && p->lv.n == 1 && p->typed[0]))
        draw_text(p->list_top, x + 2, w - 4, ROLE_DIM, "No match: Backspace to correct.");
    curs_set(0);
    move(cursor, x + 1);
}

/* Close the picker and tell its owner: the callback runs after the pop, so it may open another
 * dialog (the wizard's next question). */
static void finish(struct app *app, struct picker *p)
{
    const char **values = xcalloc(p->n_all + 1, sizeof *values);
    char **copies = xcalloc(p->n_all + 1, sizeof *copies);
    size_t n = 0;
    if (multi(p)) {
        for (size_t i = 0; i < p->n_all; i++)
            if (p->all[i].on)
                values[n] = copies[n] = xstrdup(p->all[i].value), n++;
    } else if (p->lv.n && p->shown[p->lv.sel] < p->n_all) {
        values[n] = copies[n] = xstrdup(p->all[p->shown[p->lv.sel]].value);
        n++;
    }
    picker_done_fn done = p->done;
    void *ctx = p->ctx;
    app_pop(app);
    if (done)
        done(app, ctx, values, n);
    for (size_t i = 0; i < n; i++)
        free(copies[i]);
    free(copies);
    free(values);
}

static void close_cancelled(struct app *app, struct picker *p)
{
    picker_cancel_fn cancel = p->cancel;
    void *ctx = p->ctx;
    app_pop(app);
    if (cancel)
        cancel(app, ctx);
}

static void toggle(struct picker *p, size_t row)
{
    size_t i = p->shown[row];
    if (i >= p->n_all)
        return;
    struct choice *c = &p->all[i];
    c->on = !c->on;
    if (c->on)
        for (size_t k = 0; k < p->n_all; k++)
            if (k != i && (c->exclusive || p->all[k].exclusive))
                p->all[k].on = false;
}

/* Enter (or a click) on a row: choose it, or in a several-choice picker toggle it ("Done"
 * finishes). */
static void activate(struct app *app, struct picker *p)
{
    if (p->lv.n == 0)
        return;
    if (multi(p) && p->shown[p->lv.sel] < p->n_all) {
        toggle(p, p->lv.sel);
        return;
    }
    finish(app, p);
}

static enum key_result on_key(struct app *app, void *state, enum action a, int key)
{
    struct picker *p = state;
    bool typing = (p->flags & PICKER_TYPE) != 0;
    if (key == 27 || a == A_BACK) {
        if (typing && p->typed[0] && (key == KEY_FN(KEY_BACKSPACE) || key == 127 || key == 8)) {
            text_delete_char(p->typed);
            narrow(p);
            return R_REDRAW;
        }
        close_cancelled(app, p);
        return R_REDRAW;
    }
    if (multi(p) && key == ' ') {
        toggle(p, p->lv.sel);
        return R_REDRAW;
    }
    if (!typing && !multi(p) && key >= '1' && key <= '9' && (size_t)(key - '1') < p->lv.n) {
        p->lv.sel = (size_t)(key - '1');
        finish(app, p);
        return R_REDRAW;
    }
    /* In a picker you type into, everything printable is typing, j, k and q included. */
    bool printable = !KEY_IS_FN(key) && key >= 0x20 && key != 0x7f;
    switch (typing && printable ? A_NONE : a) {
    case A_UP:
    case A_DOWN:
    case A_PAGE_UP:
    case A_PAGE_DOWN:
    case A_FIRST:
    case A_LAST: listview_move(&p->lv, a, p->rows); return R_REDRAW;
    case A_OPEN:
        if (key != KEY_FN(KEY_RIGHT) || !p->typed[0]) {
            activate(app, p);
            return R_REDRAW;
        }
        break;
    case A_QUIT:
    case A_HELP:
    case A_HOME:
    case A_REDRAW:
    case A_OPERATOR: return R_IGNORED; /* the main loop's: quit, help, home still work */
    default: break;
    }
    if (typing && printable) {
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
        close_cancelled(app, p); /* a click outside the box cancels, as people expect */
        return R_REDRAW;
    }
    if (y < p->list_top || y >= p->list_top + p->rows)
        return R_HANDLED;
    size_t i = p->lv.top + (size_t)(y - p->list_top);
    if (i >= p->lv.n)
        return R_HANDLED;
    p->lv.sel = i;
    activate(app, p);
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
        .modal = true,
};

/* ---- the filters ---- */

static void set_filter(struct app *app, void *ctx, const char *const *values, size_t n)
{
    const char *v = n ? values[0] : "";
    switch ((enum picker_kind)(intptr_t)ctx) {
    case PICK_REGION: snprintf(app->f.region, sizeof app->f.region, "%s", v); break;
    case PICK_GOAL: snprintf(app->f.goal, sizeof app->f.goal, "%s", v); break;
    case PICK_SERVICE: snprintf(app->f.service, sizeof app->f.service, "%s", v); break;
    case PICK_DELIVERY: app->f.delivery = terms_bits(&terms_delivery, v); break;
    case PICK_KIND: app->f.kinds = terms_bits(&terms_kind, v); break;
    }
    app_filters_changed(app);
}

void picker_filter(struct app *app, enum picker_kind kind)
{
    static const char *const titles[] = {
            [PICK_REGION] = "Where do you live?",  [PICK_GOAL] = "What is your goal?",
            [PICK_SERVICE] = "What kind of help?", [PICK_DELIVERY] = "How is it delivered?",
            [PICK_KIND] = "Which type?",
    };
    struct picker *p =
            picker_new(titles[kind], NULL, PICKER_TYPE, set_filter, NULL, (void *)(intptr_t)kind);
    const char *current = "";
    struct err e = {0};
    const struct term *t;
    switch (kind) {
    case PICK_REGION:
        picker_add(p, "", "Anywhere (no place chosen)", NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_REGION, &e);
        current = app->f.region;
        break;
    case PICK_GOAL:
        picker_add(p, "", "Any goal", NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_GOAL, &e);
        current = app->f.goal;
        break;
    case PICK_SERVICE:
        picker_add(p, "", "Any service", NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_SERVICE, &e);
        current = app->f.service;
        break;
    case PICK_DELIVERY:
        picker_add(p, "", "Any way", NULL, 0);
        picker_add_terms(p, &terms_delivery, 0);
        t = terms_of(&terms_delivery, app->f.delivery);
        current = t ? t->id : "";
        break;
    case PICK_KIND:
        picker_add(p, "", "Groups and programs", NULL, 0);
        picker_add_terms(p, &terms_kind, KIND_SUPPORTS);
        t = terms_of(&terms_kind, app->f.kinds);
        current = t ? t->id : "";
        break;
    }
    if (e.code)
        app_notice(app, "%s", e.msg);
    picker_open(app, p, current);
}
