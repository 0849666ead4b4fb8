/* home.c: the Home screen: the dataset, the person's place and goal, and the menu. */
#include "home.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "app.h"
#include "commands.h"
#include "draw.h"
#include "glyph.h"
#include "help.h"
#include "pathways.h"
#include "query.h"
#include "shortlist.h"
#include "supports.h"
#include "text.h"
#include "util.h"
#include "i18n.h"
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
        /* TRANSLATORS: the Home menu: an item and what it says beside it (at 80 columns the longest
         * label and note together take at most 74 columns). */
        {N_("Find supports"), N_("groups and programs that help, near you or online"), true},
        {N_("Pathways to practice"), N_("PRA, residency, clinical assistant, other careers"), true},
        {N_("What's my path?"), N_("a few questions: which pathways fit you, and why"), true},
        {N_("Shortlist"), N_("what you saved, with notes; a handout to take away"), true},
        {N_("About"), N_("where the data comes from, and background figures"), true},
        {N_("Help"), N_("every key"), true},
};
#define N_MENU (sizeof items / sizeof items[0])

/* A kiosk's visitor also finds the other language in the menu, as its last item: named in that
 * language, so that a reader of it sees it (the language key does the same everywhere). */
#define ITEM_LANG N_MENU

/* The items of this menu: a kiosk's has the language's too. */
static size_t n_items(const struct app *app)
{
    return N_MENU + (app->kiosk ? 1 : 0);
}

static const char *item_label(size_t i)
{
    if (i == ITEM_LANG)
        return i18n_french() ? "English" : "Français";
    return _(items[i].label);
}

static const enum action hints[] = {A_OPEN,      A_REGION, A_GOAL, A_WIZARD,
                                    A_SHORTLIST, A_LANG,   A_HELP, A_QUIT};

void *home_create(struct app *app)
{
    struct home *h = xcalloc(1, sizeof *h);
    h->lv.n = n_items(app);
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
    if (i == ITEM_LANG)
        return i18n_french() ? "show everything in English" : "tout afficher en français";
    if (i == 3 && saved) {
        snprintf(buf, n,
                 /* TRANSLATORS: beside Shortlist on Home; %zu is how many entries are saved. */
                 ngettext("%zu saved, with notes; a handout to take away",
                          "%zu saved, with notes; a handout to take away", saved),
                 saved);
        return buf;
    }
    return _(items[i].note);
}

static void draw(struct app *app, void *state, struct rect r)
{
    struct home *h = state;
    int x = r.x + 2, w = r.w - 4;
    char data[400], place[600], press[200], shared[300], where[256], goal[256], note[160];
    /* The data's date, and how much of it is old (older facts are marked in the lists). */
    /* TRANSLATORS: Home's line on the data's date; %s is the date (a day, a month, a year). */
    char *date = app->as_of ? i18n_dated(app->as_of, C_("Home as of a day", "Data as of %s."),
                                         C_("Home as of a month", "Data as of %s."),
                                         C_("Home as of a year", "Data as of %s."))
                            : xstrdup(_("Data as of an unknown date."));
    int len = snprintf(data, sizeof data, "%s", date);
    free(date);
    if (app->n_old) {
        char count[32];
        snprintf(data + len, sizeof data - (size_t)len,
                 /* TRANSLATORS: the first %s is how many entries, %d years, the last %s their mark.
                  */
                 ngettext(" %s entry is more than %d years old (marked %s).",
                          " %s entries are more than %d years old (marked %s).", app->n_old),
                 i18n_number(count, sizeof count, (long long)app->n_old), QUERY_OLD_YEARS,
                 glyph(GLYPH_OLD));
    }
    len = (int)strlen(data);
    snprintf(data + len, sizeof data - (size_t)len, "%s",
             _(" Check details with each organisation."));
    /* TRANSLATORS: Home's line on the filters: a region's name, a separator, a goal's name. */
    snprintf(place, sizeof place, _("Where: %s %s Goal: %s"),
             app_region_name(app, where, sizeof where), glyph(GLYPH_SEP),
             app_goal_name(app, goal, sizeof goal));
    /* TRANSLATORS: the two %s are keys' names (r, g). */
    snprintf(press, sizeof press, _("Press %s to say where you live, %s to choose your goal."),
             key_first(A_REGION), key_first(A_GOAL));
    char secs[32];
    snprintf(shared, sizeof shared,
             /* TRANSLATORS: a kiosk's Home; %s is how many seconds. */
             ngettext("This computer is shared: what you do here is cleared after %s second "
                      "without use.",
                      "This computer is shared: what you do here is cleared after %s seconds "
                      "without use.",
                      (unsigned long)app->opt->idle),
             i18n_number(secs, sizeof secs, app->opt->idle));

    /* The menu: its labels' column as wide as the widest, the notes beside it when every one
     * fits whole, else the selected one's below the menu. */
    size_t n_it = n_items(app);
    h->lv.n = n_it;
    int label_w = 0;
    for (size_t i = 0; i < n_it; i++) {
        char label[128];
        snprintf(label, sizeof label, " %zu  %s ", i + 1, item_label(i));
        label_w = text_width(label) > label_w ? text_width(label) : label_w;
    }
    bool beside = true;
    for (size_t i = 0; i < n_it; i++)
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
    int room = r.h - (int)n_it;
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
    for (size_t i = 0; i < n_it && y < r.y + r.h; i++, y++) {
        bool sel = h->lv.sel == i;
        char label[128];
        snprintf(label, sizeof label, " %zu  %s ", i + 1, item_label(i));
        enum role role = sel                                ? ROLE_SELECTED
                         : i == ITEM_LANG || items[i].ready ? ROLE_NORMAL
                                                            : ROLE_DIM;
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
    case ITEM_LANG: return commands_switch_lang(app);
    default: return result_of(R_IGNORED);
    }
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct home *h = state;
    size_t n_it = n_items(app);
    if (a == A_CHOOSE && key >= '1' && key < '1' + (int)n_it)
        return choose(app, h, (size_t)(key - '1'));
    switch (a) {
    case A_UP:
    case A_DOWN:
    case A_FIRST:
    case A_LAST:
    case A_PAGE_UP:
    case A_PAGE_DOWN: listview_move(&h->lv, a, (int)n_it); return result_of(R_REDRAW);
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
    if (y < h->menu_top || y >= h->menu_top + (int)n_items(app))
        return result_of(R_IGNORED);
    return choose(app, h, (size_t)(y - h->menu_top));
}

const struct screen screen_home = {
        .name = N_("Home"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
};
