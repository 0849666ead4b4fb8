/* terms.h: the closed vocabularies of the dataset format (spec/dataset.md) and of a person's
 * answers, each value written once: its enum, the id the dataset and the command line spell, and
 * the words a person reads. Validation, options, pickers and labels all read these tables. */
#ifndef ITPNAV_TERMS_H
#define ITPNAV_TERMS_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"

/* Each vocabulary is an X-macro of X(ENUM, value, id, label, plural, gloss):
 *   label  one of it, as it reads inside a sentence ("in person", "a group");
 *   plural many of it inside a sentence ("groups"), or NULL;
 *   gloss  a few more words that a menu adds in brackets ("online and in person"), or NULL.
 * A menu shows the plural (else the label) with a capital and the gloss: terms_choice.
 * The words are marked for translation (N_); terms_label and terms_choice give them in the
 * language of the interface. */

/* What an entry is. Bits: a filter may take several. */
#define TERMS_KIND(X)                                                                              \
    X(KIND_GROUP, 1u << 0, "group", N_("a group"), N_("groups"), N_("networks and associations"))  \
    X(KIND_PROGRAM, 1u << 1, "program", N_("a program"), N_("programs"), NULL)                     \
    X(KIND_PATHWAY, 1u << 2, "pathway", N_("a pathway"), N_("pathways"), NULL)

/* How a support is delivered. Bits. */
#define TERMS_DELIVERY(X)                                                                          \
    X(DELIVERY_ONLINE, 1u << 0, "online", N_("online"), NULL, NULL)                                \
    X(DELIVERY_IN_PERSON, 1u << 1, "in-person", N_("in person"), NULL, NULL)                       \
    X(DELIVERY_HYBRID, 1u << 2, "hybrid", N_("hybrid"), NULL, N_("online and in person"))

/* Whether a pathway is open. */
#define TERMS_PATHWAY_STATUS(X)                                                                    \
    X(PATHWAY_AVAILABLE, 0, "available", N_("available"), NULL, NULL)                              \
    X(PATHWAY_LIMITED, 1, "limited", N_("limited: exists, with few places"), NULL, NULL)           \
    X(PATHWAY_PROPOSED, 2, "proposed", N_("proposed: asked for, not in place"), NULL, NULL)        \
    X(PATHWAY_CLOSED, 3, "closed", N_("closed: not open"), NULL, NULL)

/* Whether a support is still running (format version 2; absent: not known). */
#define TERMS_SUPPORT_STATUS(X)                                                                    \
    X(SUPPORT_ACTIVE, 0, "active", N_("active"), NULL, N_("recent signs of activity"))             \
    X(SUPPORT_INACTIVE, 1, "inactive", N_("inactive: no sign of activity lately"), NULL, NULL)     \
    X(SUPPORT_CLOSED, 2, "closed", N_("closed"), NULL, NULL)

/* A person's status in Canada (a pathway's requires.status, the wizard, --status). */
#define TERMS_PERSON_STATUS(X)                                                                     \
    X(PERSON_CITIZEN, 0, "citizen", N_("Canadian citizen"), NULL, NULL)                            \
    X(PERSON_PERMANENT_RESIDENT, 1, "permanent-resident", N_("permanent resident"), NULL, NULL)    \
    X(PERSON_WORK_PERMIT, 2, "work-permit", N_("work permit"), NULL, NULL)                         \
    X(PERSON_REFUGEE, 3, "refugee", N_("refugee"), NULL, NULL)

/* A person's field (a pathway's requires.discipline, the wizard, --discipline). */
#define TERMS_DISCIPLINE(X)                                                                        \
    X(DISCIPLINE_FAMILY, 0, "family-medicine", N_("family medicine"), NULL, NULL)                  \
    X(DISCIPLINE_SPECIALTY, 1, "specialty", N_("another specialty"), NULL, NULL)

/* What a support's size counts. */
#define TERMS_UNIT(X)                                                                              \
    X(UNIT_MEMBERS, 0, "members", N_("members"), NULL, NULL)                                       \
    X(UNIT_CLIENTS_PER_YEAR, 1, "clients-per-year", N_("clients a year"), NULL, NULL)              \
    X(UNIT_CLIENTS_TO_DATE, 2, "clients-to-date", N_("clients to date"), NULL, NULL)               \
    X(UNIT_PARTICIPANTS, 3, "participants", N_("participants"), NULL, NULL)

/* What a region is (never shown: the label is the id). */
#define TERMS_REGION_KIND(X)                                                                       \
    X(REGION_COUNTRY, 0, "country", N_("country"), NULL, NULL)                                     \
    X(REGION_PROVINCE, 1, "province", N_("province"), NULL, NULL)                                  \
    X(REGION_TERRITORY, 2, "territory", N_("territory"), NULL, NULL)                               \
    X(REGION_REGION, 3, "region", N_("region"), NULL, NULL)                                        \
    X(REGION_CITY, 4, "city", N_("city"), NULL, NULL)

#define TERMS_ENUM_(e, value, ...) e = value,
enum entry_kind { TERMS_KIND(TERMS_ENUM_) KIND_SUPPORTS = KIND_GROUP | KIND_PROGRAM };
enum delivery { TERMS_DELIVERY(TERMS_ENUM_) };
enum pathway_status { TERMS_PATHWAY_STATUS(TERMS_ENUM_) };
enum support_status { TERMS_SUPPORT_STATUS(TERMS_ENUM_) };
enum person_status { TERMS_PERSON_STATUS(TERMS_ENUM_) };
enum discipline { TERMS_DISCIPLINE(TERMS_ENUM_) };
enum size_unit { TERMS_UNIT(TERMS_ENUM_) };
enum region_kind { TERMS_REGION_KIND(TERMS_ENUM_) };
#undef TERMS_ENUM_

/* One value of a vocabulary (a row of its X-macro). */
struct term {
    unsigned value;
    const char *id, *label, *plural, *gloss;
};

/* A vocabulary: its values in the order people are shown them. */
struct terms {
    const struct term *v;
    size_t n;
};

extern const struct terms terms_kind, terms_delivery, terms_pathway_status, terms_support_status,
        terms_person_status, terms_discipline, terms_unit, terms_region_kind;

/* The value whose id is id; NULL for NULL or an id the vocabulary does not have. */
const struct term *terms_find(const struct terms *set, const char *id);

/* The value with this enum value; NULL when there is none (a combination of bits). */
const struct term *terms_of(const struct terms *set, unsigned value);

/* The words for id, or id itself when the vocabulary does not have it (a hand-made database). */
const char *terms_label(const struct terms *set, const char *id);

/* The enum value of id in a vocabulary of bits; 0 when unknown. */
unsigned terms_bits(const struct terms *set, const char *id);

/* The kind bits of an id: a kind's own, or both supports' for "support". 0 when unknown. */
unsigned terms_kinds(const char *id);

/* How a menu shows t: the plural (else the label) with a capital, then the gloss in brackets,
 * into buf (n bytes): "Groups (networks and associations)". Returns buf. */
const char *terms_choice(const struct term *t, char *buf, size_t n);

/* The ids of set, those whose position i has bit i in only (0 for all), as "a, b or c" (quoted:
 * "\"a\", \"b\" or \"c\""). A new string. */
char *terms_list(const struct terms *set, unsigned only, bool quoted);

#endif
