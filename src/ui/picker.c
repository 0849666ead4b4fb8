/* picker.c: the modal chooser: one choice or several (checkboxes), type to narrow a long list.
 * It serves the filters (where, goal, service, delivery, type), the wizard's questions, the
 * handout's choices and every confirmation; what the choices mean is its owner's. */
#include "picker.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "draw.h"
#include "field.h"
#include "glyph.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

struct choice {
    char *value;    /* what the callback receives */
    char *label;    /* indented for the region tree */
    char *fold;     /* what typing matches against */
    char *names;    /* the names fold is made of, one a line (a place's aliases too); NULL: label */
    char *context;  /* shown while narrowing: the parent region */
    bool on;        /* checked (several-choice pickers) */
    bool exclusive; /* checking it unchecks the others, and the others uncheck it */
    bool skip;      /* a several-choice picker's Skip row: choosing it ends with nothing */
};

struct picker {
    char *title, *help;
    unsigned flags;
    picker_done_fn done;
    picker_cancel_fn cancel;
    void *ctx;
    void (*ctx_free)(void *ctx);
    struct choice *all;
    size_t n_all;
    size_t *shown; /* indices into all; in a several-choice picker the last row is "Done" */
    struct listview lv;
    char typed[128];
    struct field find; /* edits typed */
    char *suggest;     /* when typing matches nothing: the nearest name, or NULL */
    int list_top, rows, box_x, box_w;
};

static const enum action hints[] = {A_OPEN, A_BACK};
/* Where no typing is taken, L switches the language (the choice closes, to be asked again). */
static const enum action hints_lang[] = {A_OPEN, A_BACK, A_LANG};

struct picker *picker_create(const char *title, const char *help, unsigned flags,
                             picker_done_fn done, picker_cancel_fn cancel, void *ctx,
                             void (*ctx_free)(void *ctx))
{
    struct picker *p = xcalloc(1, sizeof *p);
    p->title = xstrdup(title);
    p->help = help ? xstrdup(help) : NULL;
    p->flags = flags;
    p->done = done;
    p->cancel = cancel;
    p->ctx = ctx;
    p->ctx_free = ctx_free;
    field_init(&p->find, p->typed, sizeof p->typed);
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
            .skip = (choice_flags & CHOICE_SKIP) != 0,
    };
}

int picker_add_vocab(struct picker *p, struct store *st, enum vocab t, struct err *e)
{
    struct vocab_list l;
    int rc = vocab_list(st, t, &l, e);
    vocab_list_localize(st, t, &l, i18n_lang()); /* the names in the reader's language */
    for (size_t i = 0; i < l.n; i++) {
        const struct vocab_item *it = &l.v[i];
        int depth = it->depth < 8 ? it->depth : 8;
        char *label = xasprintf("%*s%s", 2 * depth, "", it->name ? it->name : it->id);
        picker_add(p, it->id, label, it->parent, 0);
        free(label);
        /* Type-to-find matches every name of a place (aliases, other languages), not only the
         * one shown. */
        if (t == VOCAB_REGION) {
            struct choice *c = &p->all[p->n_all - 1];
            free(c->fold);
            c->fold = vocab_region_fold(it);
            c->names = xasprintf("%s\n%s", it->name ? it->name : it->id, it->also ? it->also : "");
        }
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

static bool typing(const struct picker *p)
{
    return (p->flags & PICKER_TYPE) != 0;
}

static char *copy_of(const char *s, size_t n)
{
    char *c = xmalloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* The name nearest to want among the choices' (text_nearest: the one rule of "did you mean"), for
 * when typing matches none. A new string, or NULL. */
static char *nearest_name(const struct picker *p, const char *want)
{
    struct text_nearest n;
    text_nearest_init(&n, want);
    for (size_t i = 0; i < p->n_all; i++) {
        const struct choice *c = &p->all[i];
        const char *names = c->names ? c->names : c->label + strspn(c->label, " ");
        /* fold and names hold the same lines: folding never makes or removes a newline. */
        const char *f = c->fold, *r = names;
        while (*f && *r) {
            size_t fl = strcspn(f, "\n"), rl = strcspn(r, "\n");
            char *fline = copy_of(f, fl), *rline = copy_of(r, rl);
            text_nearest_offer(&n, fline, rline);
            free(fline);
            free(rline);
            f += fl + (f[fl] == '\n');
            r += rl + (r[rl] == '\n');
        }
    }
    return text_nearest_take(&n);
}

/* Whether folded names (a line each) hold want at the start of a word: "ont" starts Ontario's,
 * and is only inside Edmonton's. */
static bool starts_a_word(const char *names, const char *want)
{
    for (const char *at = strstr(names, want); at; at = strstr(at + 1, want)) {
        unsigned char before = at == names ? ' ' : (unsigned char)at[-1];
        if (before < 0x80 && !isalnum(before))
            return true;
    }
    return false;
}

/* Show the choices whose names hold what is typed, in their order, the first whose name has it
 * at a word's start selected (else the first). */
static void narrow(struct picker *p)
{
    char *want = text_fold(p->typed);
    size_t n = 0, sel = SIZE_MAX;
    for (size_t i = 0; i < p->n_all; i++)
        if (!want[0] || strstr(p->all[i].fold, want)) {
            if (want[0] && sel == SIZE_MAX && starts_a_word(p->all[i].fold, want))
                sel = n;
            p->shown[n++] = i;
        }
    free(p->suggest);
    p->suggest = n == 0 && want[0] ? nearest_name(p, want) : NULL;
    if (multi(p))
        p->shown[n++] = p->n_all; /* "Done" */
    p->lv.n = n;
    p->lv.sel = sel == SIZE_MAX ? 0 : sel;
    p->lv.top = 0;
    free(want);
}

/* Show every choice again, the first selected. */
static void narrow_to_all(struct picker *p)
{
    p->typed[0] = '\0';
    narrow(p);
}

struct result picker_open(struct picker *p, const char *current)
{
    p->shown = xmalloc((p->n_all + 1) * sizeof *p->shown);
    narrow(p);
    for (size_t i = 0; current && i < p->n_all; i++)
        if (strcmp(p->all[i].value, current) == 0)
            p->lv.sel = i;
    return result_push(p->flags & PICKER_TYPE ? &screen_picker : &screen_picker_lang, p);
}

bool picker_is(const struct screen *s)
{
    return s == &screen_picker || s == &screen_picker_lang;
}

static void destroy(void *state)
{
    struct picker *p = state;
    for (size_t i = 0; i < p->n_all; i++) {
        free(p->all[i].value);
        free(p->all[i].label);
        free(p->all[i].fold);
        free(p->all[i].names);
        free(p->all[i].context);
    }
    free(p->suggest);
    if (p->ctx_free)
        p->ctx_free(p->ctx);
    free(p->all);
    free(p->shown);
    free(p->title);
    free(p->help);
    free(p);
}

static void draw(struct app *app, void *state, struct rect area)
{
    struct picker *p = state;
    (void)app;
    int bw = dialog_width(area);
    struct text_lines *help = text_wrap(p->help ? p->help : "", bw - 4 > 1 ? bw - 4 : 1);
    int choices = (int)p->n_all + (multi(p) ? 1 : 0);
    int field = typing(p) ? 1 : 0;
    struct rect b = dialog_box(area, choices + 2 + field + (int)help->n);
    /* The help is whole when the box has room for it and three choices; else it gives way. */
    int min_rows = choices < 3 ? choices : 3;
    int help_rows = b.h - 2 - field - min_rows;
    help_rows = help_rows < (int)help->n ? help_rows : (int)help->n;
    if (help_rows < 0)
        help_rows = 0;
    p->box_x = b.x;
    p->box_w = b.w;
    draw_text(b.y, b.x + 2, b.w - 4, ROLE_HEADING, p->title);
    int row = b.y + 1;
    for (int i = 0; i < help_rows; i++)
        draw_text(row++, b.x + 2, b.w - 4, ROLE_DIM, help->line[i]);
    text_lines_destroy(help);
    if (typing(p))
        field_draw(&p->find, row++, b.x + 2, b.w - 4, ROLE_FIELD, _("Type to find: "));
    p->list_top = row;
    p->rows = b.y + b.h - 1 - row;
    if (p->rows < 1)
        p->rows = 1;
    listview_fit(&p->lv, p->rows);
    int cursor = p->list_top;
    for (int r = 0; r < p->rows && p->lv.top + (size_t)r < p->lv.n; r++) {
        size_t i = p->lv.top + (size_t)r;
        bool sel = i == p->lv.sel;
        char label[300];
        if (p->shown[i] == p->n_all) {
            /* TRANSLATORS: the last row of a checklist; %zu is its number, %s a check mark. */
            if (!typing(p) && i < 9)
                snprintf(label, sizeof label, _("%zu %s Done"), i + 1, glyph(GLYPH_DONE));
            else
                /* TRANSLATORS: the last row of a checklist; %s is a check mark. */
                snprintf(label, sizeof label, _("%s Done"), glyph(GLYPH_DONE));
        } else {
            const struct choice *c = &p->all[p->shown[i]];
            const char *box_mark = multi(p) && !c->skip ? (c->on ? "[x] " : "[ ] ") : "";
            char number[8] = "";
            if (!typing(p) && i < 9)
                snprintf(number, sizeof number, "%zu ", i + 1);
            /* While narrowing, the tree's indent means nothing: show the parent instead. */
            if (p->typed[0] && c->context)
                snprintf(label, sizeof label, "%s%s%s (%s)", number, box_mark,
                         c->label + strspn(c->label, " "), c->context);
            else
                snprintf(label, sizeof label, "%s%s%s", number, box_mark, c->label);
        }
        draw_line(p->list_top + r, b.x + 1, b.w - 2, sel ? ROLE_SELECTED : ROLE_NORMAL, label);
        if (sel)
            cursor = p->list_top + r;
    }
    if (p->lv.n == 0 || (multi(p) && p->lv.n == 1 && p->typed[0])) {
        char *no =
                p->suggest
                        /* TRANSLATORS: the first %s is a name, the second a key's name. */
                        ? xasprintf(_("No match: did you mean \"%s\"? %s to correct."), p->suggest,
                                    key_first(A_FIELD_DELETE_CHAR))
                        /* TRANSLATORS: %s is a key's name (Backspace). */
                        : xasprintf(_("No match: %s to correct."), key_first(A_FIELD_DELETE_CHAR));
        draw_text(p->list_top, b.x + 2, b.w - 4, ROLE_DIM, no);
        free(no);
    }
    curs_set(0);
    move(cursor, b.x + 1);
}

/* Close the picker and tell its owner; what the owner asks for (the wizard's next question)
 * is done after the picker has closed. */
static struct result finish(struct app *app, struct picker *p)
{
    const char **values = xcalloc(p->n_all + 1, sizeof *values);
    size_t n = 0;
    bool skip = multi(p) && p->lv.n && p->shown[p->lv.sel] < p->n_all &&
                p->all[p->shown[p->lv.sel]].skip;
    if (skip) {
        /* Skip: nothing chosen, whatever was checked. */
    } else if (multi(p)) {
        for (size_t i = 0; i < p->n_all; i++)
            if (p->all[i].on)
                values[n++] = p->all[i].value;
    } else if (p->lv.n && p->shown[p->lv.sel] < p->n_all) {
        values[n++] = p->all[p->shown[p->lv.sel]].value;
    }
    struct result r = result_of(R_POP | R_REDRAW);
    if (p->done)
        r = result_then(r, p->done(app, p->ctx, values, n));
    free(values);
    return r;
}

static struct result cancelled(struct app *app, struct picker *p)
{
    struct result r = result_of(R_POP | R_REDRAW);
    if (p->cancel)
        r = result_then(r, p->cancel(app, p->ctx));
    return r;
}

static void toggle(struct picker *p, size_t row)
{
    size_t i = p->shown[row];
    if (i >= p->n_all || p->all[i].skip)
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
static struct result activate(struct app *app, struct picker *p)
{
    if (p->lv.n == 0)
        return result_of(R_REDRAW);
    if (multi(p) && p->shown[p->lv.sel] < p->n_all && !p->all[p->shown[p->lv.sel]].skip) {
        toggle(p, p->lv.sel);
        return result_of(R_REDRAW);
    }
    return finish(app, p);
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct picker *p = state;
    enum action choice = key_action_in(SCOPE_CHOICE, key);
    if (multi(p) && choice == A_TOGGLE) {
        toggle(p, p->lv.sel);
        return result_of(R_REDRAW);
    }
    /* In a picker you type into, everything printable is typing, j, k and q included. */
    if (typing(p)) {
        switch (field_key(&p->find, key)) {
        case FIELD_CHANGED: narrow(p); return result_of(R_REDRAW);
        case FIELD_HANDLED: return result_of(R_HANDLED);
        case FIELD_ACCEPT: return activate(app, p);
        case FIELD_CANCEL: return cancelled(app, p);
        case FIELD_LEAVE: listview_move(&p->lv, a, p->rows); return result_of(R_REDRAW);
        case FIELD_IGNORED: break;
        }
    }
    if (choice == A_CANCEL || a == A_BACK)
        return cancelled(app, p);
    if (choice == A_CLEAR_FILTER && (p->flags & PICKER_CLEAR)) {
        /* The first row is the filter's "any": choose it wherever the selection is. */
        narrow_to_all(p);
        return finish(app, p);
    }
    if (choice == A_CHOOSE && !typing(p) && (size_t)(key - '1') < p->lv.n) {
        /* A checklist's number checks its row (Skip and Done end it), as Enter would. */
        p->lv.sel = (size_t)(key - '1');
        return multi(p) ? activate(app, p) : finish(app, p);
    }
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_PAGE_UP:
    case A_PAGE_DOWN:
    case A_FIRST:
    case A_LAST: listview_move(&p->lv, a, p->rows); return result_of(R_REDRAW);
    case A_OPEN:
        if (key != KEY_FN(KEY_RIGHT) || !p->typed[0])
            return activate(app, p);
        break;
    case A_QUIT:
    case A_HELP:
    case A_HOME:
    case A_REDRAW:
    case A_LANG: /* the language: the picker closes, to be asked again in it */
    case A_OPERATOR: return result_of(R_IGNORED); /* the main loop's: quit, help, home work */
    default: break;
    }
    return result_of(R_HANDLED);
}

static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct picker *p = state;
    (void)twice;
    if (x < p->box_x || x >= p->box_x + p->box_w)
        return cancelled(app, p); /* a click outside the box cancels, as people expect */
    if (y < p->list_top || y >= p->list_top + p->rows)
        return result_of(R_HANDLED);
    size_t i = p->lv.top + (size_t)(y - p->list_top);
    if (i >= p->lv.n)
        return result_of(R_HANDLED);
    p->lv.sel = i;
    return result_then(result_of(R_REDRAW), activate(app, p));
}

const struct screen screen_picker = {
        .name = N_("Choose"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
        .modal = true,
};

const struct screen screen_picker_lang = {
        .name = N_("Choose"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints_lang,
        .n_hints = sizeof hints_lang / sizeof hints_lang[0],
        .scope = SCOPE_MENU,
        .modal = true,
};
