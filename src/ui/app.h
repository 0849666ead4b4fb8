/* app.h: the state of the interactive program, the screen interface and the screen stack. */
#ifndef ITPNAV_APP_H
#define ITPNAV_APP_H

#include <curses.h>
#include <stdbool.h>

#include <stdint.h>
#include <time.h>

#include "cli.h"
#include "handout.h"
#include "keys.h"
#include "profile.h"
#include "query.h"
#include "state.h"
#include "terms.h"
#include "vocab.h"

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
    bool modal; /* drawn over the screen beneath it */
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
    struct state *state; /* the shortlist, notes and saved answers */
    struct profile prof; /* the wizard's answers */
    unsigned prof_gen;   /* bumped whenever an answer changes */
    unsigned state_gen;  /* bumped whenever the shortlist changes */
    bool kiosk;          /* locked: no way out but the operator's, nothing written */
    struct timespec last_input;
    int countdown;      /* kiosk: seconds left before the reset, shown; -1 when not */
    char pin_hash[256]; /* kiosk: the operator's PIN hash ("" when no way out) */
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
/* Open the detail of an entry: "pathway:ID", "support:ID", or an ID (a support first). */
void app_open_entry(struct app *app, const char *target);
/* Fill a query from the filters (text and kinds included as given). */
void app_query(const struct app *app, struct query *q, unsigned kinds);

/* The screens. */
extern const struct screen screen_home, screen_supports, screen_pathways, screen_detail,
        screen_about, screen_help, screen_picker, screen_prompt, screen_wizard, screen_results,
        screen_shortlist, screen_handout;

void *home_create(struct app *app);
void *supports_create(struct app *app);
void *pathways_create(struct app *app);
void *detail_create(struct app *app, const char *id, unsigned kinds);
void *about_create(struct app *app);
void *help_create(struct app *app);

/* True when the home screen is as it started (for the kiosk's idle reset). */
bool home_untouched(const void *state);
void *wizard_create(struct app *app);
void *results_create(struct app *app);
void *shortlist_create(struct app *app);
void *handout_view_create(struct app *app);

enum picker_kind { PICK_REGION, PICK_GOAL, PICK_SERVICE, PICK_DELIVERY, PICK_KIND };
/* The picker of a filter (pushed on the stack). */
void picker_filter(struct app *app, enum picker_kind kind);

/* Open the picker for an action (A_REGION, A_GOAL, ...): the same from every screen. */
enum key_result app_pick(struct app *app, enum action a);

/* Put an entry on the shortlist, or take it off (kind: group, program or pathway). */
void app_toggle_mark(struct app *app, const char *id, const char *kind, const char *name);
/* The same for a link target ("pathway:ID", "support:ID" or an ID). */
void app_toggle_target(struct app *app, const char *target);
/* Push the wizard; the first time, it goes through the questions one after another. */
void app_open_wizard(struct app *app);
/* True when the entry is on the shortlist. */
bool app_marked(struct app *app, const char *id, const char *kind);
/* The answers changed: save them (outside kiosk mode) and let the results update. */
void app_profile_changed(struct app *app);
/* Forget the session: filters, search, answers, shortlist, notes, and go home. */
void app_reset(struct app *app);
/* The handout's choices: save as text or Markdown, show, print. */
enum key_result app_export(struct app *app);
/* Ask for a file name (suggest, or the default) and save the handout in format f. */
void app_export_save(struct app *app, enum handout_format f, const char *suggest);
/* Ask, then start again for a new client. */
enum key_result app_new_client(struct app *app);

/* ---- dialogs (picker.c, prompt.c) ---- */

/* A picker's outcome: the chosen values (none when "skip" was chosen in a several-choice
 * picker with nothing checked). Called after the picker closed. */
typedef void (*picker_done_fn)(struct app *app, void *ctx, const char *const *values, size_t n);
typedef void (*picker_cancel_fn)(struct app *app, void *ctx);

enum picker_flags {
    PICKER_TYPE = 1 << 0,  /* a "type to find" field narrows the list */
    PICKER_MULTI = 1 << 1, /* checkboxes and a Done row */
};
enum choice_flags {
    CHOICE_ON = 1 << 0,        /* checked at the start */
    CHOICE_EXCLUSIVE = 1 << 1, /* "none of these": unchecks the others */
};

struct picker;
struct picker *picker_new(const char *title, const char *help, unsigned flags, picker_done_fn done,
                          picker_cancel_fn cancel, void *ctx);
void picker_add(struct picker *p, const char *value, const char *label, const char *context,
                unsigned choice_flags);
/* The values of vocabulary t (regions as an indented tree, each with its parent). Returns 0, or
 * an exit status with the reason in e (the picker then lacks them). */
int picker_add_vocab(struct picker *p, struct store *st, enum vocab t, struct err *e);
/* The values of a closed vocabulary, in its words (terms_choice). */
void picker_add_terms(struct picker *p, const struct terms *set, unsigned only);
/* Check the choice with this value (several-choice pickers). */
void picker_check(struct picker *p, const char *value);
/* Show it (pushed on the stack), the choice with value current selected. */
void picker_open(struct app *app, struct picker *p, const char *current);
/* Draw a dialog's box centred in the area; its place and size come back. */
void picker_box(int top, int height, int want_h, int *y, int *x, int *h, int *w);

/* A prompt's outcome: NULL to accept, or what is wrong (the field shows again with it). */
typedef const char *(*prompt_done_fn)(struct app *app, void *ctx, const char *text);
enum prompt_flags {
    PROMPT_SECRET = 1 << 0, /* shown as dots (a PIN) */
};
void prompt_open(struct app *app, const char *title, const char *help, const char *initial,
                 unsigned flags, prompt_done_fn done, void *ctx, const char *error);

#endif
