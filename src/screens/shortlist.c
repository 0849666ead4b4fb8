/* shortlist.c: the entries a person saved, in their order, each with a note; reorder, remove,
 * open, and make the handout. Read from the state on every draw, so a second terminal's
 * changes show. */
#include "shortlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "detail.h"
#include "draw.h"
#include "entry.h"
#include "glyph.h"
#include "prompt.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

struct shortlist {
    struct listview lv;
    struct state_item *items;
    size_t n;
    int list_top, per_page;
};

static const enum action hints[] = {A_OPEN,   A_NOTE, A_MOVE_UP, A_REMOVE, A_UNDO,
                                    A_EXPORT, A_QR,   A_BACK,    A_LANG,   A_HELP};

static void reload(struct app *app, struct shortlist *s)
{
    state_items_destroy(s->items, s->n);
    s->items = NULL;
    s->n = 0;
    struct err e = {0};
    if (state_items(app->state, app->store, &s->items, &s->n, &e) != 0)
        app_notice(app, "%s", e.msg);
    s->lv.n = s->n;
    /* The names in the reader's language, where the data has them (the file keeps the data's
     * own, for the day an entry leaves the data). */
    for (size_t i = 0; i < s->n && i18n_french(); i++) {
        struct state_item *it = &s->items[i];
        if (!it->listed)
            continue;
        struct err err = {0};
        struct entry *en = entry_get(app->store, it->id, terms_kinds(it->kind), &err);
        if (!en)
            continue;
        entry_localize(app->store, en, i18n_lang());
        free(it->name);
        it->name = xstrdup(en->name);
        entry_destroy(en);
    }
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

static void draw(struct app *app, void *state, struct rect r)
{
    struct shortlist *s = state;
    reload(app, s);
    int top = r.y, height = r.h, x = r.x, w = r.w;
    int y = top;
    char head[160];
    snprintf(head, sizeof head,
             /* TRANSLATORS: the shortlist's heading; %zu is how many entries, %s what follows. */
             ngettext("Your shortlist: %zu entry%s", "Your shortlist: %zu entries%s", s->n), s->n,
             state_in_memory(app->state) ? (app->kiosk ? _(" (cleared for the next person)")
                                                       : _(" (not saved: it lasts until you quit)"))
             : state_waiting(app->state) ? _(" (saved once its file is free)")
                                         : "");
    draw_line(y++, x, w, ROLE_HEADING, head);
    if (s->n == 0) {
        char how[200];
        snprintf(how, sizeof how,
                 /* TRANSLATORS: %s is a key's name (a). */
                 _("In a list or on an entry, press %s to save it here; each can have a note."),
                 key_first(A_MARK));
        draw_text(y + 1, x + 2, w - 4, ROLE_NORMAL, _("Nothing saved yet."));
        struct text_lines *l = text_wrap(how, w - 4 > 1 ? w - 4 : 1);
        int row = y + 2;
        for (size_t i = 0; i < l->n; i++)
            draw_text(row++, x + 2, w - 4, ROLE_DIM, l->line[i]);
        text_lines_destroy(l);
        if (state_undo_count(app->state)) {
            /* TRANSLATORS: %s is a key's name (u). */
            snprintf(how, sizeof how, _("%s puts back the last entry taken off."),
                     key_first(A_UNDO));
            draw_text(row + 1, x + 2, w - 4, ROLE_DIM, how);
        }
        move(y + 1, x + 2);
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
        char line[64];
        snprintf(line, sizeof line, "%s %zu. ", sel ? glyph(GLYPH_SELECTED) : " ", i + 1);
        /* TRANSLATORS: a shortlist entry's tag, at its row's end. */
        const char *tag = !it->listed                        ? _("no longer listed")
                          : strcmp(it->kind, "pathway") == 0 ? C_("shortlist tag", "pathway")
                                                             : C_("shortlist tag", "support");
        int tw = text_width(tag), lw = text_width(line);
        enum role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
        draw_line(y, x, w - tw - 2, role, line);
        /* A long name loses its middle; two spaces stay before the tag. */
        draw_name(y, x + lw, w - tw - lw - 4, role, it->name);
        draw_line(y, x + w - tw - 2, tw + 2,
                  sel          ? ROLE_SELECTED
                  : it->listed ? ROLE_DIM
                               : ROLE_WARN,
                  tag);
        if (sel)
            cursor = y;
        y++;
        char note[600];
        if (it->note[0])
            /* TRANSLATORS: %s is the person's note. */
            snprintf(note, sizeof note, _("     Note: %s"), it->note);
        else if (sel)
            /* TRANSLATORS: %s is a key's name (n). */
            snprintf(note, sizeof note, _("     No note: %s adds one."), key_first(A_NOTE));
        else
            note[0] = '\0';
        draw_line(y++, x, w, it->note[0] ? ROLE_NORMAL : ROLE_DIM, note);
    }
    curs_set(0);
    move(cursor, x);
}

static struct state_item *selected(struct shortlist *s)
{
    return s->n && s->lv.sel < s->n ? &s->items[s->lv.sel] : NULL;
}

/* The entry a note prompt is for: a copy, since the list reloads while the prompt is open. */
struct note_target {
    char *id, *kind;
};

static void note_target_free(void *ctx)
{
    struct note_target *t = ctx;
    free(t->id);
    free(t->kind);
    free(t);
}

static struct result set_note(struct app *app, void *ctx, const char *text, const char **error)
{
    struct note_target *t = ctx;
    (void)error;
    struct err e = {0};
    if (state_set_note(app->state, t->id, t->kind, text, &e) != 0)
        /* TRANSLATORS: %s is why. */
        app_notice(app, _("The note was not saved: %s"), e.msg);
    else
        app_notice(app, "%s", text[0] ? _("Note saved.") : _("Note removed."));
    app->state_gen++;
    return result_of(R_REDRAW);
}

static struct result edit_note(struct shortlist *s)
{
    struct state_item *it = selected(s);
    if (!it)
        return result_of(R_HANDLED);
    struct note_target *t = xcalloc(1, sizeof *t);
    t->id = xstrdup(it->id);
    t->kind = xstrdup(it->kind);
    char title[300];
    /* TRANSLATORS: %s is an entry's name. */
    snprintf(title, sizeof title, _("Note on %s"), it->name);
    return prompt_open(title, _("A reminder for you or your client; empty removes it."), it->note,
                       0, set_note, t, note_target_free);
}

/* Select the entry id of kind, when it is on the list. */
static void select_entry(struct shortlist *s, const char *id, const char *kind)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->items[i].id, id) == 0 && strcmp(s->items[i].kind, kind) == 0)
            s->lv.sel = i;
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct shortlist *s = state;
    (void)key;
    /* Read the list again first: a key typed ahead of the screen acts on the list as it is
     * now (after the key before it), on the entry the selection is on. */
    reload(app, s);
    listview_fit(&s->lv, s->per_page > 0 ? s->per_page : 1);
    struct state_item *it = selected(s);
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_FIRST:
    case A_LAST:
    case A_PAGE_UP:
    case A_PAGE_DOWN: listview_move(&s->lv, a, s->per_page); return result_of(R_REDRAW);
    case A_OPEN: {
        if (!it)
            return result_of(R_HANDLED);
        if (!it->listed) {
            /* TRANSLATORS: %s is an entry's name. */
            app_notice(app, _("%s is no longer in the data; its name and note are kept here."),
                       it->name);
            return result_of(R_REDRAW);
        }
        char *target = xasprintf("%s:%s", it->kind, it->id);
        struct result r = detail_open(app, target);
        free(target);
        return r;
    }
    case A_NOTE: return edit_note(s);
    case A_MOVE_UP:
    case A_MOVE_DOWN:
        if (!it)
            return result_of(R_HANDLED);
        struct err e = {0};
        if (state_move(app->state, s->lv.sel, a == A_MOVE_UP ? -1 : 1, &e) != 0) {
            app_notice(app, "%s", e.msg);
            return result_of(R_REDRAW);
        }
        if (a == A_MOVE_UP && s->lv.sel > 0)
            s->lv.sel--;
        else if (a == A_MOVE_DOWN && s->lv.sel + 1 < s->n)
            s->lv.sel++;
        app->state_gen++;
        return result_of(R_REDRAW);
    case A_REMOVE:
        if (!it)
            return result_of(R_HANDLED);
        app_toggle_mark(app, it->id, it->kind, it->name);
        return result_of(R_REDRAW);
    case A_UNDO: {
        char id[256], kind[32];
        if (app_undo(app, id, sizeof id, kind, sizeof kind)) {
            reload(app, s);
            select_entry(s, id, kind); /* the entry put back, in its place */
        }
        return result_of(R_REDRAW);
    }
    case A_MARK:
        /* Everything here is saved: "save" would only take the entry off, by surprise. */
        app_notice(app,
                   /* TRANSLATORS: the two %s are keys' names (D, u). */
                   _("Everything here is saved. %s takes the selected entry off; %s puts it "
                     "back."),
                   key_first(A_REMOVE), key_first(A_UNDO));
        return result_of(R_REDRAW);
    case A_SHORTLIST: return result_of(R_HANDLED); /* here already */
    default: return result_of(R_IGNORED);
    }
}

static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct shortlist *s = state;
    (void)x;
    reload(app, s);
    if (y < s->list_top || s->n == 0)
        return result_of(R_IGNORED);
    size_t i = s->lv.top + (size_t)(y - s->list_top) / 2;
    if (i >= s->n)
        return result_of(R_IGNORED);
    if (i == s->lv.sel || twice)
        return on_key(app, s, A_OPEN, 0);
    s->lv.sel = i;
    return result_of(R_REDRAW);
}

const struct screen screen_shortlist = {
        .name = N_("Shortlist"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_SHORTLIST,
};
