/* picker.h: the modal chooser (a dialog): one choice or several (checkboxes), type to narrow a
 * long list. Its owner fills it, opens it, and hears the outcome through callbacks. */
#ifndef ITPNAV_PICKER_H
#define ITPNAV_PICKER_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "screen.h"
#include "vocab.h"

struct app;
struct store;
struct terms;

/* A picker's outcome: the chosen values (none when a several-choice picker's Skip row was chosen,
 * or Done with nothing checked). Returns what the main loop does once the picker has closed:
 * another dialog, a screen, nothing. */
typedef struct result (*picker_done_fn)(struct app *app, void *ctx, const char *const *values,
                                        size_t n);
/* Esc, or a click outside: the same, with nothing chosen. */
typedef struct result (*picker_cancel_fn)(struct app *app, void *ctx);

enum picker_flags {
    PICKER_TYPE = 1 << 0,  /* a "type to find" field narrows the list */
    PICKER_MULTI = 1 << 1, /* checkboxes and a Done row */
    PICKER_CLEAR = 1 << 2, /* a filter's: its first row clears it, and so does clear-filter */
};
enum choice_flags {
    CHOICE_ON = 1 << 0,        /* checked at the start */
    CHOICE_EXCLUSIVE = 1 << 1, /* "none of these": unchecks the others */
    CHOICE_SKIP = 1 << 2,      /* several-choice: a Skip row, ending the picker with nothing */
};

struct picker;

/* A new, empty picker. It owns ctx from now on: ctx_free(ctx) runs when the picker is closed
 * (ctx_free NULL: ctx belongs to someone else, who keeps it alive while the picker is open). */
struct picker *picker_create(const char *title, const char *help, unsigned flags,
                             picker_done_fn done, picker_cancel_fn cancel, void *ctx,
                             void (*ctx_free)(void *ctx));

/* Add a choice: value is what the callback receives, label what shows, context what shows
 * beside it while narrowing (a region's parent), or NULL. */
void picker_add(struct picker *p, const char *value, const char *label, const char *context,
                unsigned choice_flags);

/* Add the values of vocabulary t (regions as an indented tree, each with its parent). Returns 0,
 * or an exit status with the reason in e (the picker then lacks them). */
int picker_add_vocab(struct picker *p, struct store *st, enum vocab t, struct err *e);

/* Add the values of a closed vocabulary, in its words (terms_choice): those whose position i has
 * bit i in only (0 for all). */
void picker_add_terms(struct picker *p, const struct terms *set, unsigned only);

/* Check the choice with this value (several-choice pickers). */
void picker_check(struct picker *p, const char *value);

/* Open it (the result pushes it; the stack owns it from then on), the choice with value current
 * selected. */
struct result picker_open(struct picker *p, const char *current);

/* The picker as a screen, to tell one on the stack: one that takes typing, and one that does
 * not (its hints name L). */
extern const struct screen screen_picker, screen_picker_lang;

/* True when s is a picker's screen. */
bool picker_is(const struct screen *s);

#endif
