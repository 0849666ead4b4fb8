/* entry.h: one support or pathway in full, read from the store, for detail screens and `show`. */
#ifndef ITPNAV_ENTRY_H
#define ITPNAV_ENTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"

/* A named thing an entry points at: a region, goal, service, or another entry. */
struct ref {
    char *id, *name;
    char *kind; /* for linked entries: group, program or pathway; else NULL */
    char *note; /* for linked entries: how it is linked ("part of", "helps with", ...) */
};

struct refs {
    struct ref *v;
    size_t n;
};

/* An ordered text item: offers, aims, eligibility; steps (text=title, extra=detail, url: where
 * the step is done or explained); links (text=title, extra=url). */
struct item {
    char *text, *extra, *url;
};

struct items {
    struct item *v;
    size_t n;
};

/* One value of an entry's text in another language the file carries (version 2's translations):
 * key as the dataset names it (name, summary, offers, steps, requires_note, ...; "source" is the
 * source the text was taken from), pos the item of a list (0 for one value), text the value (a
 * step's or link's title; NULL when only its detail is translated) and extra a step's detail. */
struct translation {
    char *lang, *key;
    int pos;
    char *text, *extra;
};

struct entry {
    int64_t rid;
    int format; /* the dataset's format version */
    char *id, *kind, *name, *acronym, *host, *location;
    char *size_text, *size_unit;
    int64_t size_count; /* -1 when absent */
    char *summary, *cost, *eligibility;
    char *website, *email, *phone, *address, *contact_note; /* the contact, each NULL if absent */
    char *status; /* a pathway's (available...), or a support's (active, inactive, closed; NULL:
                   * not known) */
    char *advocacy, *requires; /* pathways; requires is JSON text */
    char *as_of, *verified;
    struct ref goal;    /* pathways */
    struct ref part_of; /* supports; id NULL when none */
    struct ref source;  /* name = title, note = url, kind = publisher */
    char *source_as_of;
    bool source_undated; /* the source page has no date: as_of is when it was read */
    struct refs regions, goals, services, delivery;
    struct items offers, aims, eligibility_list, steps, links;
    struct refs linked;     /* parts, pathways it helps with, supports that help with it */
    struct translation *tr; /* by language, then key and pos */
    size_t n_tr;
    const char *shown_lang; /* entry_localize's language; NULL: the file's text */
    bool translated;        /* entry_localize put in text translated without a source of its own */
};

/* Read the entry with this id (a support first, then a pathway, when both use the id); kinds
 * limits the search (enum entry_kind bits, 0 for any). Returns a new entry, or NULL: when the
 * store has no such entry (e untouched), or when it cannot be read (the reason in e). */
struct entry *entry_get(struct store *st, const char *id, unsigned kinds, struct err *e);

/* Whether the store lists an entry with this id among kinds (0 for any): its name in *name (a new
 * string), else *name NULL. Returns 0, or an exit status with the reason in e when the store
 * cannot say. */
int entry_find_name(struct store *st, const char *id, unsigned kinds, char **name, struct err *e);

/* The listed id nearest to id, for "did you mean", as a new string; NULL when none is near, or
 * with e set when the store cannot be read. */
char *entry_nearest_id(struct store *st, const char *id, struct err *e);

/* Free an entry; NULL is a no-op. */
void entry_destroy(struct entry *e);

/* A status word of a pathway in plain words ("available", "limited: few places", ...). */
const char *entry_status_words(const char *status);

/* Whether the entry has any contact (website, email, phone, address or a note on how to reach
 * it). */
bool entry_has_contact(const struct entry *e);

/* The entry's text for key (pos 0) in lang, or NULL when it has no such translation. */
const char *entry_tr_text(const struct entry *e, const char *lang, const char *key);

/* Put the entry's text in lang ("fr", ...) where the file has it: its name, summary, cost,
 * eligibility, location, advocacy, the items of its lists and steps (each falling back to the
 * file's own where it has no translation), and the names of its regions, goals, services and
 * linked entries (from the store). e->translated is set when some of it was translated without a
 * source of its own (the reader is told: "translated from English"). The machine outputs (json,
 * tsv) never localise. A store that cannot be read leaves names as they were. */
void entry_localize(struct store *st, struct entry *e, const char *lang);

/* A support's status when it is not running (inactive or closed), to mark it plainly; NULL for
 * an active one, one whose status is not known, and pathways. */
const char *entry_support_halt(const char *kind, const char *status);

#endif
