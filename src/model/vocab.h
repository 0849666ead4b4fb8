/* vocab.h: the dataset's own vocabularies (regions, goals, services, exams, sources): names by
 * id, the lists people choose from, and an id from what a person typed. The one way the front
 * ends learn them: both the screens and the line mode list regions through vocab_list. */
#ifndef ITPNAV_VOCAB_H
#define ITPNAV_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "store.h"

enum vocab { VOCAB_REGION, VOCAB_GOAL, VOCAB_SERVICE, VOCAB_EXAM, VOCAB_SOURCE, VOCAB_COUNT };

/* One value of a vocabulary. Fields a vocabulary lacks are NULL (and depth 0). */
struct vocab_item {
    char *id, *name;               /* a source's name is its title */
    int depth;                     /* regions: 0 at the top of the tree */
    char *parent;                  /* regions: the parent's name; NULL at the top */
    char *summary;                 /* goals, services, exams */
    char *url, *publisher, *as_of; /* sources */
    bool undated;                  /* sources: the page has no date; as_of is when it was read */
    char *also; /* regions: the other names a person may type for it (its aliases and its names
                 * in the file's other languages), one a line; NULL when none */
};

struct vocab_list {
    struct vocab_item *v;
    size_t n;
};

/* The name of id in t, copied into buf (n bytes); "" when t has no such id (the caller decides
 * what to show then). Each vocabulary's statement is prepared once and kept by the store: cheap
 * enough for every frame. Returns 0, or an exit status with the reason in e (buf "") when the
 * store cannot be read. */
int vocab_name(struct store *st, enum vocab t, const char *id, char *buf, size_t n, struct err *e);

/* The whole value id of t in *out (id NULL when t has no such id). Returns 0 or an exit status
 * with the reason in e. */
int vocab_get(struct store *st, enum vocab t, const char *id, struct vocab_item *out,
              struct err *e);

/* Every value of t in the order people are shown them: the regions as one tree, depth first,
 * each level in the dataset's order; the others in the dataset's order. Returns 0, or an exit
 * status with the reason in e (out empty). */
int vocab_list(struct store *st, enum vocab t, struct vocab_list *out, struct err *e);

/* vocab_name in lang: the name the file translates id's into ("fr"), else vocab_name's. */
int vocab_name_in(struct store *st, enum vocab t, const char *id, const char *lang, char *buf,
                  size_t n, struct err *e);

/* Put a list's names and summaries (a source's titles) in lang where the file translates them,
 * a region's parent's name too; the others stay the file's own. NULL lang: nothing changes. */
void vocab_list_localize(struct store *st, enum vocab t, struct vocab_list *l, const char *lang);

/* Free what vocab_get and vocab_list filled in, and empty it. */
void vocab_item_finish(struct vocab_item *it);
void vocab_list_finish(struct vocab_list *l);

/* Every name of region it (its name, its aliases, its names in other languages), folded with
 * text_fold, one a line: what typing narrows a list of places by (the picker's type-to-find, the
 * line mode's choices), so that "sudbury" or "quebec city" finds its place. A new string. */
char *vocab_region_fold(const struct vocab_item *it);

/* Whether typed (folded with text_fold) is part of a name of region it (vocab_region_fold). */
bool vocab_region_has(const struct vocab_item *it, const char *typed);

/* A region id from an id or a name, an alias or a name in another language (case and accents
 * ignored), as a new string: a name before an alias before a translated name, then the widest
 * region ("Québec" is the province before the city). NULL when there is none, with, when one is
 * near (text_nearest's rule, over every such name), a new suggestion in *suggest; NULL with e set
 * when the store cannot be read. */
char *vocab_resolve_region(struct store *st, const char *name, char **suggest, struct err *e);

/* True when id is a value of t (a goal, service or exam); else false with, when one is near, a
 * new suggestion in *suggest. False with e set when the store cannot be read. */
bool vocab_known(struct store *st, enum vocab t, const char *id, char **suggest, struct err *e);

#endif
