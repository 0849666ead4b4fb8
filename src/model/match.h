/* match.h: the wizard's matching: a person's answers against each pathway's `requires`. */
#ifndef ITPNAV_MATCH_H
#define ITPNAV_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "query.h"

/* The requirement keys of spec/dataset.md, as bits. */
enum req_key {
    REQ_STATUS = 1 << 0,
    REQ_EXAMS = 1 << 1,
    REQ_LANGUAGE = 1 << 2,
    REQ_DISCIPLINE = 1 << 3,
    REQ_POSTGRAD = 1 << 4,
    REQ_PRACTICE = 1 << 5,
    REQ_RECENCY = 1 << 6,
    REQ_RESIDENCE = 1 << 7,
    REQ_COUNT = 8,
};

/* What a person told the wizard; every answer may be missing. Strings are borrowed. */
struct answers {
    const char *region; /* where they live: a region id */
    const char *goals[QUERY_MAX_VALUES];
    size_t n_goals;
    const char *status;     /* citizen, permanent-resident, work-permit, refugee */
    const char *discipline; /* family-medicine, specialty */
    const char *exams[QUERY_MAX_VALUES];
    size_t n_exams;
    bool exams_known;      /* true when they answered (even "none") */
    double postgrad_years; /* -1: not answered */
    double practice_years; /* -1: not answered */
    double last_practised; /* years ago; -1: not answered */
    int language_test;     /* -1 not answered, 0 no, 1 yes */
};

enum verdict { VERDICT_FITS, VERDICT_CHECK, VERDICT_NOT_YET };

struct match {
    char *id, *name, *status, *goal;
    enum verdict verdict;
    unsigned met, unmet, unknown; /* enum req_key bits */
    bool has_requires;
    char **reasons; /* plain sentences: met, then not yet, then unknown */
    size_t n_reasons;
    size_t n_met, n_unmet; /* reasons[0..n_met) are met, the next n_unmet not yet, the rest
                              unknown */
    char *note;            /* the pathway's requires.note */
    char *next_step;       /* what to do next */
};

/* An answers struct with nothing answered. */
void match_answers_init(struct answers *a);

/* Judge every pathway open where the person lives that leads to one of their goals, ranked:
 * fits, then check, then not-yet with the fewest unmet first: *n new matches in *out. Returns 0,
 * or an exit status with the reason in e (nothing in *out). */
int match_run(struct store *st, const struct answers *a, struct match **out, size_t *n,
              struct err *e);

/* Judge one pathway's requires (JSON text, or NULL) against the answers; fills the verdict,
 * bits and reasons of m, with the names of exams and regions from st. A store that cannot name
 * them is recorded in e (the reasons then give ids). */
void match_judge(struct store *st, const char *requires_json, const struct answers *a,
                 struct match *m, struct err *e);

/* Free n matches (what match_run made, or one m judged into); NULL is a no-op. */
void match_destroy(struct match *m, size_t n);

struct doc;

/* Whether reason k of m is met, not yet met or unknown, in words: "met", "not yet", "unknown". */
const char *match_reason_kind(const struct match *m, size_t k);

/* Lay one result out: its name as a heading, the verdict, the status, the reasons (bullets
 * labelled by match_reason_kind), the note and the next step (shared by `itpnav match`, the
 * results screen, the handout and the line mode). */
void match_doc(struct doc *d, const struct match *m, bool with_id);

/* The verdict in words for a person ("fits: you meet every stated requirement"). */
const char *match_verdict_words(enum verdict v);

/* The query for the supports that serve the person's region and goals. */
void match_support_query(const struct answers *a, struct query *q);

/* "fits", "check", "not-yet". */
const char *match_verdict_name(enum verdict v);

/* The dataset.md name of a requirement bit ("exams", "postgrad_years", ...). */
const char *match_key_name(unsigned bit);

#endif
