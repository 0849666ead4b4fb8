/* prompt.h: the modal one-line text field (a dialog): a note, a number of years, a file name,
 * a PIN. */
#ifndef ITPNAV_PROMPT_H
#define ITPNAV_PROMPT_H

#include "screen.h"

struct app;

/* A prompt's outcome: Enter with text. Returns what the main loop does once the prompt has
 * closed. To refuse the text, set *error to what is wrong: the prompt stays open and shows it
 * (the result is not used). */
typedef struct result (*prompt_done_fn)(struct app *app, void *ctx, const char *text,
                                        const char **error);

enum prompt_flags {
    PROMPT_SECRET = 1 << 0, /* shown as dots, and wiped from memory (a PIN) */
};

/* Open a prompt (the result pushes it) with initial text (only what a person could have typed
 * of it is kept). It owns ctx from now on: ctx_free(ctx) runs when it closes (NULL: ctx belongs
 * to someone else). Esc closes it and done is not called. */
struct result prompt_open(const char *title, const char *help, const char *initial, unsigned flags,
                          prompt_done_fn done, void *ctx, void (*ctx_free)(void *ctx));

/* The prompt as a screen. */
extern const struct screen screen_prompt;

#endif
