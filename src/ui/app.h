/* app.h: the interactive program's state (the store, the session's filters, answers and
 * shortlist, the screen stack) and the services screens use. Nothing here names a screen. */
#ifndef ITPNAV_APP_H
#define ITPNAV_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "kiosk.h"
#include "profile.h"
#include "query.h"
#include "screen.h"
#include "session.h"
#include "state.h"

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
    char old_before[16];       /* entries dated before this are old (YYYY-MM-DD, from today) */
    size_t n_old;              /* how many entries are */
    char notice[512];          /* shown above the status bar until a key after it was seen */
    bool notice_shown;         /* it has been drawn: the next key may clear it */
    int notice_rows;           /* the rows it took when last drawn (0: none) */
    struct key_hint hints[16]; /* the status bar's hints as drawn, for taps */
    size_t n_hints;
    bool input_gone; /* the terminal is gone (end of input, an error): the program ends */
    bool color, mouse;
    struct stack stack;
    struct state *state;      /* the shortlist, notes and saved answers */
    struct profile prof;      /* the wizard's answers */
    unsigned prof_gen;        /* bumped whenever an answer changes */
    unsigned state_gen;       /* bumped whenever the shortlist changes */
    bool kiosk;               /* locked: no way out but the operator's, nothing written */
    struct kiosk_clock clock; /* kiosk: the idle clock */
    double last_input;        /* kiosk: the idle clock at the last key, click or resize */
    int countdown;            /* kiosk: seconds left before the reset, shown; -1 when not */
    char pin_hash[KIOSK_HASH_MAX + 1]; /* kiosk: the operator's PIN hash ("" when no way out) */
    unsigned pin_failures;  /* kiosk: wrong PINs in a row; only the right one clears it */
    double pin_next_try;    /* kiosk: no PIN is checked before this time (clock) */
    char pin_message[160];  /* kiosk: what the PIN prompt says after a try */
    struct kiosk_data data; /* kiosk: the --db file, reopened when it is replaced */
    char start_lang[4];     /* the language the program started in (a kiosk returns to it) */
    unsigned lang_gen;      /* bumped whenever the language changes: screens read again */
};

/* Set a message for the row above the status bar; it stays until a key after it was seen. */
void app_notice(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Show everything in lang ("en" or "fr") from the next frame: the screens read their text and
 * the data's again, keeping their place; filters, search and shortlist are untouched. False
 * (and a notice saying why) when the language cannot be shown. */
bool app_set_lang(struct app *app, const char *lang);

/* Note that the filters changed (lists re-query). */
void app_filters_changed(struct app *app);

/* Clear every filter and the search. */
void app_clear_filters(struct app *app);

/* The display name of the current region / goal / service ("anywhere" or "any" when none),
 * into buf. */
const char *app_region_name(struct app *app, char *buf, size_t n);
const char *app_goal_name(struct app *app, char *buf, size_t n);
const char *app_service_name(struct app *app, char *buf, size_t n);

/* Fill a query from the filters (text and kinds included as given). */
void app_query(const struct app *app, struct query *q, unsigned kinds);

/* True when the entry is on the shortlist. */
bool app_marked(struct app *app, const char *id, const char *kind);

/* Put an entry on the shortlist, or take it off (kind: group, program or pathway); says so. */
void app_toggle_mark(struct app *app, const char *id, const char *kind, const char *name);

/* Put back the entry taken off the shortlist last (state_undo), with its note, and say so; its
 * id and kind into id and kind when they are not NULL. False (and a notice) when nothing was. */
bool app_undo(struct app *app, char *id, size_t id_n, char *kind, size_t kind_n);

/* The same for a link target ("pathway:ID", "support:ID" or an ID). */
void app_toggle_target(struct app *app, const char *target);

/* The answers changed: save them (outside kiosk mode) and let the results update. */
void app_profile_changed(struct app *app);

/* Use st instead of the store, which is closed, with the title and date it holds: only while
 * no screen but Home is open (the others keep what they read from the old one). */
void app_replace_store(struct app *app, struct store *st);

/* The shortlist's file was locked at start (state_waiting): try it again (state_retry, at most
 * every 2 s); true when something changed to redraw for. */
bool app_state_retry(struct app *app);

/* The shortlist's file stopped waiting (it opened and took what was done meanwhile, or it turned
 * out unusable): reload what it holds and say so. */
void app_state_joined(struct app *app);

/* Forget the session: filters, search, answers, shortlist, notes and the notice. The screens
 * go with R_RESTART. */
void app_clear_session(struct app *app);

#endif
