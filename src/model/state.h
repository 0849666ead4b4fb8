/* state.h: what a person keeps between runs: the shortlist with notes, and the wizard's answers.
 * A SQLite file of its own under $XDG_DATA_HOME/itpnav/, never the dataset cache: it survives a
 * restart, a crash and a dataset update. In kiosk mode it lives in memory only. */
#ifndef ITPNAV_STATE_H
#define ITPNAV_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
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

/* Every call that changes or reads the file returns 0, or an exit status with the reason in e
 * (what was being done and why, e.g. "saving the note: database is locked"). */

/* Open (creating) the state file at path, or an in-memory state when path is NULL. */
int state_open(const char *path, struct state **out, struct err *e);

/* $XDG_DATA_HOME/itpnav/state.db (or ~/.local/share/...), a new string; NULL when neither
 * variable is set. */
char *state_default_path(void);

/* Close; NULL is a no-op. */
void state_destroy(struct state *s);

/* True when the state is kept only in memory. */
bool state_in_memory(const struct state *s);

/* The shortlist in order, *n new items in *v. With a store, each item's listed flag is checked
 * against it and the names of listed items are refreshed. */
int state_items(struct state *s, struct store *st, struct state_item **v, size_t *n, struct err *e);

/* Free one item's strings and empty it; NULL is a no-op. */
void state_item_finish(struct state_item *it);

/* Free n items (what state_items made); NULL is a no-op. */
void state_items_destroy(struct state_item *v, size_t n);

/* How many entries are on the shortlist, for a count on screen: 0 when the file cannot be read
 * (the next read or change through the calls above reports why). */
size_t state_count(struct state *s);

/* True when the entry is on the shortlist, for a mark on screen: false when the file cannot be
 * read (as state_count). */
bool state_has(struct state *s, const char *id, const char *kind);

/* Add an entry at the end (a no-op when it is there already); name is kept for when the
 * dataset loses it. */
int state_add(struct state *s, const char *id, const char *kind, const char *name, struct err *e);

/* Remove an entry (and its note), keeping it, its note and its place for state_undo (the last
 * 50 removals are kept, in the file: an undo survives a restart). */
int state_remove(struct state *s, const char *id, const char *kind, struct err *e);

/* Put the most recently removed entry back, with its note, at the index it had (or last, when
 * the list is now shorter). An entry added again meanwhile stays where it is and gets its note
 * back if it has none. The entry put back goes into *out when out is not NULL (free it with
 * state_item_finish). EXIT_USAGE when there is nothing to put back. */
int state_undo(struct state *s, struct state_item *out, struct err *e);

/* How many removals state_undo can still put back (0 when the file cannot be read). */
size_t state_undo_count(struct state *s);

/* Set an entry's note ("" for none). */
int state_set_note(struct state *s, const char *id, const char *kind, const char *note,
                   struct err *e);

/* Move the entry at index by delta places (clamped). */
int state_move(struct state *s, size_t index, int delta, struct err *e);

/* Save and load the wizard's answers. Loading what is not there gives an empty profile. */
int state_save_profile(struct state *s, const struct profile *p, struct err *e);
int state_load_profile(struct state *s, struct profile *p, struct err *e);

/* Forget everything: the shortlist, notes, answers and what could be undone (a new client). */
int state_clear(struct state *s, struct err *e);

/* The kind a state item uses for an entry kind ("group", "program" -> "support"). */
const char *state_kind_of(const char *entry_kind);

#endif
