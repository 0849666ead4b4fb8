/* home.c: the Home screen: the dataset, the person's place and goal, and the menu. */
#include "home.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "app.h"
#include "draw.h"
#include "glyph.h"
#include "help.h"
#include "pathways.h"
#include "query.h"
#include "shortlist.h"
#include "supports.h"
#include "text.h"
#include "util.h"
#include "wizard.h"

struct home {
    struct listview lv;
    int menu_top;
};

struct menu_item {
    const char *label;
    const char *note; /* shown beside it */
    bool ready;
};

static const struct menu_item items[] = {
        {"Find supports", "groups and programs that help, near you or online", true},
        {"Pathways to practice", "PRA, residency, clinical assistant, other careers", true},
        {"What's my path?", "a few questions: which pathways fit you, and why", true},
        {"Shortlist", "what you saved, with notes; a handout to take away", true},
        {"About", "where the data comes from, and background figures", true},
        {"Help", "every key", true},
};
#define N_ITEMS (sizeof items / sizeof items[0])

static const enum action hints[] = {A_OPEN,      A_REGION, A_GOAL, A_WIZARD,
                                    A_SHORTLIST, A_HELP,   A_QUIT};

void *home_create(struct app *app)
{
    (void)app;
    struct home *h = xcalloc(1, sizeof *h);
    h->lv.n = N_ITEMS;
    return h;
}

static void destroy(void *state)
{
    free(state);
}

bool home_untouched(const void *state)
{
    const struct home *h = state;
    return h->lv.sel == 0;
}

/* A block of the text above the menu: its wrapped lines, its role, and whether it goes when
 * rows are short (after those before it in drop order). */
struct block {
    struct text_lines *lines;
    enum role role;
    int rows; /* how many of its lines are drawn */
};

/* What a menu item says beside it (or below the menu). */
static const char *item_note(struct app *app, size_t i, char *buf, size_t n)
{
    size_t saved = state_count(app->state);
    if (i == 3 && saved) {
        snprintf(buf, n, "%zu saved, with notes; a handout to take away", saved);
        return buf;
    }
    return items[i].note;
}

static void draw(struct app *app, void *state, struct rect r)
{
    struct home *h = state;
    int x = r.x + 2, w = r.w - 4;
    char data[400], place[600], press[200], shared[300], where[256], goal[256], note[160];
    /* The data's date, and how much of it is old (older facts are marked in the lists). */
    int len = snprintf(data, sizeof data, "Data as of %s.",
                       app->as_of ? app->as_of : "an unknown date");
    if (app->n_old)
        snprintf(data + len, sizeof data - (size_t)len,
                 " %zu %s more than %d years old (marked %s).", app->n_old,
                 app->n_old == 1 ? "entry is" : "entries are", QUERY_OLD_YEARS, glyph(GLYPH_OLD));
    len = (int)strlen(data);
    snprintf(data + len, sizeof data - (size_t)len, " Check details with each organisation.");
    snprintf(place, sizeof place, "Where: %s %s Goal: %s",
             app_region_name(app, where, sizeof where), glyph(GLYPH_SEP),
             app_goal_name(app, goal, sizeof goal));
    snprintf(press, sizeof press, "Press %s to say where you live, %s to choose your goal.",
             key_first(A_REGION), key_first(A_GOAL));
    snprintf(shared, sizeof shared,
             "This computer is shared: what you do here is cleared after %ld seconds without "
             "use.",
             app->opt->idle);

    /* The menu: its labels' column as wide as the widest, the notes beside it when every one
     * fits whole, else the selected one's below the menu. */
    int label_w = 0;
    for (size_t i = 0; i < N_ITEMS; i++) {
        char label[128];
        snprintf(label, sizeof label, " %zu  %s ", i + 1, items[i].label);
        label_w = text_width(label) > label_w ? text_width(label) : label_w;
    }
    bool beside = true;
    for (size_t i = 0; i < N_ITEMS; i++)
        beside = beside && label_w + 1 + text_width(item_note(app, i, note, sizeof note)) <= w;
    struct text_lines *below =
            text_wrap(beside ? "" : item_note(app, h->lv.sel, note, sizeof note), w > 1 ? w : 1);

    /* The text above the menu, in the order drawn; dropped in drop_order while rows are short. */
    enum { B_TITLE, B_DATA, B_PLACE, B_PRESS, B_SHARED, B_COUNT };
    struct block b[B_COUNT] = {
            [B_TITLE] = {text_wrap(app->title ? app->title : "itpnav", w > 1 ? w : 1), ROLE_HEADING,
                         0},
            [B_DATA] = {text_wrap(data, w > 1 ? w : 1), ROLE_DIM, 0},
            [B_PLACE] = {text_wrap(place, w > 1 ? w : 1), ROLE_NORMAL, 0},
            [B_PRESS] = {text_wrap(press, w > 1 ? w : 1), ROLE_DIM, 0},
            [B_SHARED] = {text_wrap(app->kiosk ? shared : "", w > 1 ? w : 1), ROLE_DIM, 0},
    };
    /* What stays longest: the menu, then the title, the kiosk's notice, the place and goal, the
     * selected item's note, the data's date, the keys. */
    int room = r.h - (int)N_ITEMS;
    static const int order[] = {B_TITLE, B_SHARED, B_PLACE, -1, B_DATA, B_PRESS};
    int below_rows = 0;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        int want = order[k] < 0 ? (int)below->n : (int)b[order[k]].lines->n;
        int got = want <= room ? want : room > 0 ? room : 0;
        if (order[k] < 0)
            below_rows = got;
        else
            b[order[k]].rows = got;
        room -= got;
    }
    /* Spare rows become space: above everything, between the parts, above the menu. */
    bool gap_top = room >= 3, gap_mid = room >= 2, gap_menu = room >= 1;
    int y = r.y + (gap_top ? 1 : 0);
    for (int i = 0; i < B_COUNT; i++) {
        for (int k = 0; k < b[i].rows; k++)
            draw_text(y++, x, w, b[i].role, b[i].lines->line[k]);
        if (i == B_DATA && gap_mid && b[B_DATA].rows)
            y++;
        text_lines_destroy(b[i].lines);
    }
    if (gap_menu)
        y++;
    h->menu_top = y;
    int cursor = y;
    for (size_t i = 0; i < N_ITEMS && y < r.y + r.h; i++, y++) {
        bool sel = h->lv.sel == i;
        char label[128];
        snprintf(label, sizeof label, " %zu  %s ", i + 1, items[i].label);
        enum role role = sel ? ROLE_SELECTED : items[i].ready ? ROLE_NORMAL : ROLE_DIM;
        draw_text(y, x, w, role, label);
        if (beside)
            draw_text(y, x + label_w + 1, w - label_w - 1, ROLE_DIM,
                      item_note(app, i, note, sizeof note));
        if (sel)
            cursor = y;
    }
    for (int i = 0; i < below_rows && y < r.y + r.h; i++)
        draw_text(y++, x, w, ROLE_DIM, below->line[i]);
    text_lines_destroy(below);
    curs_set(0);
    move(cursor, x);
}

static struct result choose(struct app *app, struct home *h, size_t i)
{
    h->lv.sel = i;
    switch (i) {
    case 0: return result_push(&screen_supports, supports_create(app));
    case 1: return result_push(&screen_pathways, pathways_create(app));
    case 2: return wizard_open(app);
    case 3: return result_push(&screen_shortlist, shortlist_create(app));
    case 4: return result_push(&screen_about, about_create(app));
    case 5: return result_push(&screen_help, help_create(app));
    default: return result_of(R_IGNORED);
    }
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct home *h = state;
    if (a == A_CHOOSE && key >= '1' && key < '1' + (int)N_ITEMS)
        return choose(app, h, (size_t)(key - '1'));
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_FIRST:
    case A_LAST:
    case A_PAGE_UP:
    case A_PAGE_DOWN: listview_move(&h->lv, a, (int)N_ITEMS); return result_of(R_REDRAW);
    case A_OPEN: return choose(app, h, h->lv.sel);
    case A_BACK: return result_of(R_HANDLED); /* home is the bottom of the stack */
    default: return result_of(R_IGNORED);
    }
}

static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct home *h = state;
    (void)x;
    (void)twice;
    if (y < h->menu_top || y >= h->menu_top + (int)N_ITEMS)
        return result_of(R_IGNORED);
    return choose(app, h, (size_t)(y - h->menu_top));
}

const struct screen screen_home = {
        .name = "Home",
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
};
