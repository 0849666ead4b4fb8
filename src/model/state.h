/* state.h: what a person keeps between runs: the shortlist with notes, and the wizard's answers.
 * A SQLite file of its own under $XDG_DATA_HOME/itpnav/, never the dataset cache: it survives a
 * restart, a crash and a dataset update. In kiosk mode it lives in memory only. */
#ifndef ITPNAV_STATE_H
#define ITPNAV_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "profile.h"
#include "store.h"

struct state;

/* One shortlisted entry. kind is "support" or "pathway" (a support may change from group to
 * program between datasets and still be the same entry). */
struct state_item {
    char *id, *kind, *name, *note;
    char *added; /* YYYY-MM-DD */
    bool listed; /* false when the dataset no longer has it */
};

/* Open (creating) the state file at path, or an in-memory state when path is NULL. Returns 0,
 * or -1 with a new message in *err. */
int state_open(const char *path, struct state **out, char **err);

/* $XDG_DATA_HOME/itpnav/state.db (or ~/.local/share/...), a new string; NULL when neither
 * variable is set. */
char *state_default_path(void);

/* Close; NULL is a no-op. */
void state_destroy(struct state *s);

/* True when the state is kept only in memory. */
bool state_in_memory(const struct state *s);

/* The last error message of a failed call (never NULL). */
const char *state_error(const struct state *s);

/* The shortlist in order. With a store, each item's listed flag is checked against it and the
 * names of listed items are refreshed. Returns 0 or -1. */
int state_items(struct state *s, struct store *st, struct state_item **v, size_t *n);
void state_items_free(struct state_item *v, size_t n);

/* How many entries are on the shortlist (0 on error). */
size_t state_count(struct state *s);

/* True when the entry is on the shortlist. */
bool state_has(struct state *s, const char *id, const char *kind);

/* Add an entry at the end (a no-op when it is there already); name is kept for when the
 * dataset loses it. Returns 0 or -1. */
int state_add(struct state *s, const char *id, const char *kind, const char *name);

/* Remove an entry (and its note). Returns 0 or -1. */
int state_remove(struct state *s, const char *id, const char *kind);

/* Set an entry's note ("" for none). Returns 0 or -1. */
int state_set_note(struct state *s, const char *id, const char *kind, const char *note);

/* Move the entry at index by delta places (clamped). Returns 0 or -1. */
int state_move(struct state *s, size_t index, int delta);

/* Save and load the wizard's answers. Loading what is not there gives an empty profile. */
int state_save_profile(struct state *s, const struct profile *p);
int state_load_profile(struct state *s, struct profile *p);

/* Forget everything: the shortlist, notes and answers (a new client). Returns 0 or -1. */
int state_clear(struct state *s);

/* The kind a state item uses for an entry kind ("group", "program" -> "support"). */
const char *state_kind_of(const char *entry_kind);

#endif
