/* home.c: the Home screen: the dataset, the person's place and goal, and the menu. */
#include "home.h"

#include <stdio.h>
#include <stdlib.h>

#include "about.h"
#include "app.h"
#include "draw.h"
#include "help.h"
#include "pathways.h"
#include "shortlist.h"
#include "supports.h"
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
        {"Pathways to practice", "PRA, residency, clinical-assistant roles, other careers", true},
        {"What's my path?", "a few questions, then which pathways fit you and why", true},
        {"Shortlist", "what you saved, with notes, and a handout to take away", true},
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

static void draw(struct app *app, void *state, struct rect r)
{
    struct home *h = state;
    int top = r.y, height = r.h;
    /* Short terminals keep the menu whole and drop the explanations first. */
    bool roomy = height >= (int)N_ITEMS + 8;
    int y = top + (roomy ? 1 : 0), x = r.x + 2, w = r.w - 4;
    draw_text(y++, x, w, ROLE_HEADING, app->title ? app->title : "itpnav");
    char line[256];
    snprintf(line, sizeof line, "Data as of %s. Check details with each organisation.",
             app->as_of ? app->as_of : "an unknown date");
    draw_text(y++, x, w, ROLE_DIM, line);
    if (roomy)
        y++;
    char where[128], goal[128];
    snprintf(line, sizeof line, "Where: %s · Goal: %s", app_region_name(app, where, sizeof where),
             app_goal_name(app, goal, sizeof goal));
    draw_text(y++, x, w, ROLE_NORMAL, line);
    if (roomy)
        draw_text(y++, x, w, ROLE_DIM, "Press r to say where you live, g to choose your goal.");
    if (app->kiosk && roomy) {
        snprintf(line, sizeof line,
                 "This computer is shared: what you do here is cleared after %ld seconds "
                 "without use.",
                 app->opt->idle);
        draw_text(y++, x, w, ROLE_DIM, line);
    }
    y++;
    h->menu_top = y;
    int cursor = y;
    for (size_t i = 0; i < N_ITEMS && y < top + height; i++, y++) {
        bool sel = h->lv.sel == i;
        char label[128];
        snprintf(label, sizeof label, " %zu  %s ", i + 1, items[i].label);
        enum role role = sel ? ROLE_SELECTED : items[i].ready ? ROLE_NORMAL : ROLE_DIM;
        draw_text(y, x, w, role, label);
        if (r.w >= 60 && i == 3 && state_count(app->state)) {
            char note[160];
            size_t n = state_count(app->state);
            snprintf(note, sizeof note, "%zu saved, with notes, and a handout to take away", n);
            draw_text(y, x + 26, w - 26, ROLE_DIM, note);
        } else if (r.w >= 60) {
            draw_text(y, x + 26, w - 26, ROLE_DIM, items[i].note);
        }
        if (sel)
            cursor = y;
    }
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
    if (key >= '1' && key < '1' + (int)N_ITEMS)
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
