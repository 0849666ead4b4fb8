/* app.h: the state of the interactive program, the screen interface and the screen stack. */
#ifndef ITPNAV_APP_H
#define ITPNAV_APP_H

#include <curses.h>
#include <stdbool.h>

#include "cli.h"
#include "keys.h"
#include "query.h"

/* What a screen's handler asks the main loop to do. */
enum key_result {
    R_IGNORED = 0,
    R_HANDLED = 1 << 0,
    R_REDRAW = 1 << 1,
    R_QUIT = 1 << 2,
};

struct app;

/* One screen; each file in src/screens/ defines one and keeps the rest static. */
struct screen {
    const char *name;
    /* Draw into the area (rows top..top+height-1) of stdscr; leave the cursor on the selection. */
    void (*draw)(struct app *app, void *state, int top, int height);
    /* An action, or a raw key (action A_NONE) for typing and number keys. */
    enum key_result (*on_key)(struct app *app, void *state, enum action a, int key);
    /* A mouse click at (y, x) inside the area; NULL when the screen takes none. */
    enum key_result (*on_click)(struct app *app, void *state, int y, int x, bool twice);
    /* Free state; called when the screen is popped. */
    void (*destroy)(void *state);
    /* The hints for the status bar. */
    const enum action *hints;
    size_t n_hints;
    unsigned scope;
};

#define APP_MAX_STACK 32

struct frame {
    const struct screen *screen;
    void *state;
};

/* Filters and context shared by every list: changeable from every screen. */
struct filters {
    char region[65];   /* region id or "" */
    char goal[65];     /* goal id or "" */
    char service[65];  /* service id or "" */
    unsigned delivery; /* enum delivery bits */
    unsigned kinds;    /* enum entry_kind bits within the supports list */
    char search[256];
    unsigned generation; /* bumped whenever anything above changes */
};

struct app {
    struct store *store;
    const struct options *opt;
    struct filters f;
    char *title, *as_of;
    char notice[512]; /* shown once in the status bar */
    bool color, mouse, quit;
    struct frame stack[APP_MAX_STACK];
    int depth;
};

/* Push a screen with its state (owned by the stack from now on). */
void app_push(struct app *app, const struct screen *s, void *state);
/* Pop the top screen (never the last). */
void app_pop(struct app *app);
/* Pop to the home screen. */
void app_home(struct app *app);
/* Set a one-time message for the status bar. */
void app_notice(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Note that the filters changed (lists re-query). */
void app_filters_changed(struct app *app);
/* The display name of the current region / goal ("any" when none), into buf. */
const char *app_region_name(struct app *app, char *buf, size_t n);
const char *app_goal_name(struct app *app, char *buf, size_t n);
const char *app_service_name(struct app *app, char *buf, size_t n);
/* Open the detail of an entry id (pushes the detail screen). */
void app_open_entry(struct app *app, const char *id);
/* Fill a query from the filters (text and kinds included as given). */
void app_query(const struct app *app, struct query *q, unsigned kinds);

/* The screens. */
extern const struct screen screen_home, screen_supports, screen_pathways, screen_detail,
        screen_about, screen_help, screen_picker;

void *home_create(struct app *app);
void *supports_create(struct app *app);
void *pathways_create(struct app *app);
void *detail_create(struct app *app, const char *id);
void *about_create(struct app *app);
void *help_create(struct app *app);

enum picker_kind { PICK_REGION, PICK_GOAL, PICK_SERVICE, PICK_DELIVERY, PICK_KIND };
void *picker_create(struct app *app, enum picker_kind kind);

/* Open the picker for an action (A_REGION, A_GOAL, ...): the same from every screen. */
enum key_result app_pick(struct app *app, enum action a);

#endif
