/* shortlist.c: the entries a person saved, in their order, each with a note; reorder, remove,
 * open, and make the handout. Read from the state on every draw, so a second terminal's
 * changes show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "text.h"
#include "util.h"

struct shortlist {
    struct listview lv;
    struct state_item *items;
    size_t n;
    int list_top, per_page;
};

static const enum action hints[] = {A_OPEN, A_NOTE, A_MOVE_UP, A_REMOVE, A_EXPORT, A_BACK, A_HELP};

static void reload(struct app *app, struct shortlist *s)
{
    state_items_destroy(s->items, s->n);
    s->items = NULL;
    s->n = 0;
    struct err e = {0};
    if (state_items(app->state, app->store, &s->items, &s->n, &e) != 0)
        app_notice(app, "%s", e.msg);
    s->lv.n = s->n;
}

void *shortlist_create(struct app *app)
{
    struct shortlist *s = xcalloc(1, sizeof *s);
    reload(app, s);
    return s;
}

static void destroy(void *state)
{
    struct shortlist *s = state;
    state_items_destroy(s->items, s->n);
    free(s);
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct shortlist *s = state;
    reload(app, s);
    int y = top;
    char head[160];
    snprintf(head, sizeof head, "Your shortlist: %zu %s%s", s->n, s->n == 1 ? "entry" : "entries",
             state_in_memory(app->state) ? (app->kiosk ? " (cleared for the next person)"
                                                       : " (not saved: it lasts until you quit)")
                                         : "");
    draw_line(y++, 0, COLS, ROLE_HEADING, head);
    if (s->n == 0) {
        draw_text(y + 1, 2, COLS - 4, ROLE_NORMAL, "Nothing saved yet.");
        draw_text(y + 2, 2, COLS - 4, ROLE_DIM,
                  "In a list or on an entry, press a to save it here; each can have a note.");
        move(y + 1, 2);
        return;
    }
    s->list_top = y;
    s->per_page = (height - 1) / 2;
    if (s->per_page < 1)
        s->per_page = 1;
    listview_fit(&s->lv, s->per_page);
    int cursor = y;
    for (size_t i = s->lv.top; i < s->n && y + 1 < top + height; i++) {
        const struct state_item *it = &s->items[i];
        bool sel = i == s->lv.sel;
        char line[512];
        snprintf(line, sizeof line, "%s%zu. %s", sel ? "▸ " : "  ", i + 1, it->name);
        const char *tag = !it->listed                        ? "no longer listed"
                          : strcmp(it->kind, "pathway") == 0 ? "pathway"
                                                             : "support";
        int tw = text_width(tag);
        draw_line(y, 0, COLS - tw - 2, sel ? ROLE_SELECTED : ROLE_NORMAL, line);
        draw_line(y, COLS - tw - 2, tw + 2,
                  sel          ? ROLE_SELECTED
                  : it->listed ? ROLE_DIM
                               : ROLE_WARN,
                  tag);
        if (sel)
            cursor = y;
        y++;
        char note[600];
        if (it->note[0])
            snprintf(note, sizeof note, "     Note: %s", it->note);
        else
            snprintf(note, sizeof note, "     %s", sel ? "No note: n adds one." : "");
        draw_line(y++, 0, COLS, it->note[0] ? ROLE_NORMAL : ROLE_DIM, note);
    }
    curs_set(0);
    move(cursor, 0);
}

static struct state_item *selected(struct shortlist *s)
{
    return s->n && s->lv.sel < s->n ? &s->items[s->lv.sel] : NULL;
}

static const char *set_note(struct app *app, void *ctx, const char *text)
{
    struct state_item *key = ctx; /* a copy made for the prompt: the list may reload */
    struct err e = {0};
    if (state_set_note(app->state, key->id, key->kind, text, &e) != 0)
        app_notice(app, "The note was not saved: %s", e.msg);
    else
        app_notice(app, text[0] ? "Note saved." : "Note removed.");
    app->state_gen++;
    return NULL;
}

static struct state_item note_key; /* the entry the note prompt is for; one prompt at a time */

static enum key_result edit_note(struct app *app, struct shortlist *s)
{
    struct state_item *it = selected(s);
    if (!it)
        return R_HANDLED;
    free(note_key.id);
    free(note_key.kind);
    note_key.id = xstrdup(it->id);
    note_key.kind = xstrdup(it->kind);
    char title[300];
    snprintf(title, sizeof title, "Note on %s", it->name);
    prompt_open(app, title, "A reminder for you or your client; empty removes it.", it->note, 0,
                set_note, &note_key, NULL);
    return R_REDRAW;
}

static enum key_result on_key(struct app *app, void *state, enum action a, int key)
{
    struct shortlist *s = state;
    (void)key;
    struct state_item *it = selected(s);
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_FIRST:
    case A_LAST:
    case A_PAGE_UP:
    case A_PAGE_DOWN: listview_move(&s->lv, a, s->per_page); return R_REDRAW;
    case A_OPEN:
        if (!it)
            return R_HANDLED;
        if (!it->listed) {
            app_notice(app, "%s is no longer in the data; its name and note are kept here.",
                       it->name);
            return R_REDRAW;
        }
        {
            char *target = xasprintf("%s:%s", it->kind, it->id);
            app_open_entry(app, target);
            free(target);
        }
        return R_REDRAW;
    case A_NOTE: return edit_note(app, s);
    case A_MOVE_UP:
    case A_MOVE_DOWN:
        if (!it)
            return R_HANDLED;
        struct err e = {0};
        if (state_move(app->state, s->lv.sel, a == A_MOVE_UP ? -1 : 1, &e) != 0) {
            app_notice(app, "%s", e.msg);
            return R_REDRAW;
        }
        if (a == A_MOVE_UP && s->lv.sel > 0)
            s->lv.sel--;
        else if (a == A_MOVE_DOWN && s->lv.sel + 1 < s->n)
            s->lv.sel++;
        app->state_gen++;
        return R_REDRAW;
    case A_REMOVE:
    case A_MARK:
        if (!it)
            return R_HANDLED;
        app_toggle_mark(app, it->id, it->kind, it->name);
        return R_REDRAW;
    case A_SHORTLIST: return R_HANDLED; /* here already */
    default: return R_IGNORED;
    }
}

static enum key_result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct shortlist *s = state;
    (void)x;
    if (y < s->list_top || s->n == 0)
        return R_IGNORED;
    size_t i = s->lv.top + (size_t)(y - s->list_top) / 2;
    if (i >= s->n)
        return R_IGNORED;
    if (i == s->lv.sel || twice)
        return on_key(app, s, A_OPEN, 0);
    s->lv.sel = i;
    return R_REDRAW;
}

const struct screen screen_shortlist = {
        .name = "Shortlist",
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_SHORTLIST,
};
