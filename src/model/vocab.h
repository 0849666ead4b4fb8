/* vocab.h: the dataset's own vocabularies (regions, goals, services, exams): an id from what a
 * person typed, or the nearest known one for "did you mean". */
#ifndef ITPNAV_VOCAB_H
#define ITPNAV_VOCAB_H

#include <stdbool.h>

#include "store.h"

/* A region id from an id or a name (case and accents ignored). Returns a new id, or NULL and,
 * when one is near, a new suggestion in *suggest. */
char *vocab_resolve_region(struct store *st, const char *name, char **suggest);

/* True when id names a goal/service/exam ("goal", "service", "exam"); else a suggestion. */
bool vocab_known(struct store *st, const char *table, const char *id, char **suggest);

#endif
