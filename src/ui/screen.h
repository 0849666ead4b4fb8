/* screen.h: the screen interface, what a screen's handler asks the main loop to do, and the
 * screen stack. Screens return results; only the main loop changes the stack. */
#ifndef ITPNAV_SCREEN_H
#define ITPNAV_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "keys.h"

struct app;
struct screen;

/* What a handler asks of the main loop. It applies them in this order: close the top screen
 * (POP), close every screen above home (HOME) or every screen, home too, for a fresh home
 * (RESTART); then open one (PUSH); then redraw, or quit. */
enum result_flags {
    R_IGNORED = 0,      /* not this screen's key: the main loop's commands may take it */
    R_HANDLED = 1 << 0, /* taken; the screen need not change */
    R_REDRAW = 1 << 1,
    R_QUIT = 1 << 2,
    R_POP = 1 << 3,
    R_HOME = 1 << 4,
    R_RESTART = 1 << 5,
    R_PUSH = 1 << 6, /* open .screen with .state, which the stack owns from then on */
};

struct result {
    unsigned flags; /* enum result_flags */
    const struct screen *screen;
    void *state;
};

/* A result of flags alone. */
struct result result_of(unsigned flags);

/* Open screen s with state (redrawing). */
struct result result_push(const struct screen *s, void *state);

/* first, then then: the flags of both and the screen then opens (else first's); a screen both
 * would open is one too many, and first's is closed. */
struct result result_then(struct result first, struct result then);

/* Drop what a result would open (its state is destroyed): for a result that is not used. */
void result_discard(struct result r);

/* One screen; each file in src/screens/ defines one and keeps the rest static. */
struct screen {
    const char *name; /* for the title bar */
    /* Draw into area r; leave the cursor on the selection. */
    void (*draw)(struct app *app, void *state, struct rect r);
    /* An action, or a raw key (action A_NONE) for typing and number keys. */
    struct result (*on_key)(struct app *app, void *state, enum action a, int key);
    /* A mouse click at (y, x) inside the area; NULL when the screen takes none. */
    struct result (*on_click)(struct app *app, void *state, int y, int x, bool twice);
    /* Right after it is pushed: what it opens over itself at once; NULL for nothing. */
    struct result (*on_open)(struct app *app, void *state);
    /* Free state; called when the screen is closed. */
    void (*destroy)(void *state);
    /* The hints for the status bar. */
    const enum action *hints;
    size_t n_hints;
    unsigned scope; /* enum key_scope */
    bool modal;     /* drawn over the screen beneath it */
    bool no_title;  /* its area takes the title bar's row too (a QR code needs every row) */
};

#define STACK_MAX 32

struct frame {
    const struct screen *screen;
    void *state;
};

/* The open screens, home at the bottom. */
struct stack {
    struct frame frame[STACK_MAX];
    int depth;
};

/* Push a screen with its state (owned by the stack from now on); when full, the oldest screen
 * above home goes. */
void stack_push(struct stack *st, const struct screen *s, void *state);

/* Close the top screen, never the last. */
void stack_pop(struct stack *st);

/* Close every screen, home too. */
void stack_clear(struct stack *st);

/* The top screen; the stack is never empty while the program runs. */
struct frame *stack_top(struct stack *st);

#endif
