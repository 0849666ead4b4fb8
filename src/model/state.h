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

/* Open (creating) the state file at path, or an in-memory state when path is NULL. When another
 * program holds the file locked for longer than a moment (1.5 s), the state opens all the same,
 * in memory, waiting for the file (state_waiting). */
int state_open(const char *path, struct state **out, struct err *e);

/* True while the state waits for its file (it was locked at open): everything works, in memory,
 * and every change and state_retry try the file again. */
bool state_waiting(const struct state *s);

/* The file a waiting state waits for; NULL when it is not waiting. */
const char *state_waiting_for(const struct state *s);

/* A waiting state tries its file again, without waiting for the lock, at most every 2 seconds
 * (call it as often as convenient). Once the file opens, what was done meanwhile is merged into
 * it: the entries added, after the file's own, with their notes (a note written on an entry the
 * file has too is added to its note, after "; "); answers saved meanwhile replace the file's;
 * removals join what can be undone; after state_clear the file is cleared first. From then on
 * the file is used. Returns 1 when that just happened, 0 when still waiting (or not waiting), or
 * an exit status with the reason in e when the file turned out unusable otherwise (the state
 * stays in memory and stops waiting). */
int state_retry(struct state *s, struct err *e);

/* The same now, waiting up to wait_ms for the lock (before quitting). */
int state_retry_wait(struct state *s, int wait_ms, struct err *e);

/* True when a waiting state holds changes its file does not have yet. */
bool state_unsaved(const struct state *s);

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
