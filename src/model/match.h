/* match.h: the wizard's matching: a person's answers against each pathway's `requires`, a verdict
 * that says no more than the rules on record, a one-line why, and the next step with its place. */
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

/* cli.md's verdicts, in the order results are ranked. */
enum verdict {
    VERDICT_FITS,         /* the rules are the program's whole eligibility, and all are met */
    VERDICT_MEETS_STATED, /* every rule on record is met, but they are not the whole eligibility */
    VERDICT_CHECK,        /* none unmet, but an answer is missing, or no rules are on record */
    VERDICT_NOT_YET,      /* at least one rule is not met */
    VERDICT_COUNT
};

/* One rule on record, judged: its reason (the sentence about the person) is reasons[k] of the
 * match, at the same position. */
struct match_rule {
    unsigned key; /* enum req_key */
    int outcome;  /* 1 met, 0 not yet, -1 not known from the answers */
    char *rule;   /* the rule alone, as a sentence: "Open to: Canadian citizen or permanent
                     resident." */
    char *phrase; /* the rule in a few words, for the why: "family medicine" */
};

struct match {
    char *id, *name, *status, *goal;
    enum verdict verdict;
    unsigned met, unmet, unknown; /* enum req_key bits */
    bool has_requires;            /* at least one rule on record */
    bool complete;  /* the rules are all the program publishes (version 2's requires.complete) */
    char **reasons; /* plain sentences: met, then not yet, then unknown */
    size_t n_reasons;
    size_t n_met, n_unmet;    /* reasons[0..n_met) are met, the next n_unmet not yet, the rest
                                 unknown */
    struct match_rule *rules; /* n_reasons: rules[k] is what reasons[k] is about */
    char *note;               /* the pathway's requires.note */
    char *why;                /* the verdict in one line a counsellor can read aloud */
    bool why_has_note;        /* why ends with the note: it need not be said again */
    char *next_step;          /* the next action with its place: "Apply to PACE: https://..." */
    char *next_url;           /* the web address in next_step, or NULL */
    bool national;            /* open only at the top of the region tree (across Canada) */
    bool context;  /* a national pathway shown as context after a route of the same goal open
                      where the person lives: no rival verdict on screen */
    size_t anchor; /* when context: the index in the same array of that route */
    /* Pathways with the same rules share one judgement: reasons, rules, note and why then
     * belong to the run (shared), kept by one match of its array (judgements) and freed with
     * it by match_destroy. */
    bool shared;
    struct match_judgements *judgements;
};

/* An answers struct with nothing answered. */
void match_answers_init(struct answers *a);

/* Whether anything is answered. */
bool match_answers_any(const struct answers *a);

/* Judge every pathway open where the person lives that leads to one of their goals, ranked:
 * fits, meets-stated, check, then not-yet with the fewest unmet first; each with its why and next
 * step, and national pathways marked as context where a route of the same goal is open in a
 * narrower place: *n new matches in *out. Returns 0, or an exit status with the reason in e
 * (nothing in *out). */
int match_run(struct store *st, const struct answers *a, struct match **out, size_t *n,
              struct err *e);

/* match_run's list, ranked the same, with only what ranks and counts it: each match's id, name,
 * status, goal, verdict, rules and their sentences, and whether it is context; no why and no next
 * step (both NULL). For counting verdicts (the wizard, as each answer changes) and for lists of
 * verdicts alone (match --format tsv): the next steps are most of a long list's cost. */
int match_verdicts(struct store *st, const struct answers *a, struct match **out, size_t *n,
                   struct err *e);

/* Judge one pathway's requires (JSON text, or NULL) against the answers; fills the verdict,
 * bits, rules, reasons and why of m, with the names of exams and regions from st. requires
 * .complete counts only in a dataset of format version 2 or later. A store that cannot name them
 * is recorded in e (the reasons then give ids). */
void match_judge(struct store *st, const char *requires_json, const struct answers *a,
                 struct match *m, struct err *e);

/* Free n matches (what match_run made, or one m judged into); NULL is a no-op. */
void match_destroy(struct match *m, size_t n);

struct doc;
struct entry;

/* Whether reason k of m is met, not yet met or unknown, in words: "met", "not yet", "unknown". */
const char *match_reason_kind(const struct match *m, size_t k);

/* How many of the n matches are judged v (the context ones are not judged on screen). */
size_t match_count(const struct match *m, size_t n, enum verdict v);

/* Lay one result out: its name as a heading, the verdict in words (its why), the status, the
 * reasons (bullets labelled by match_reason_kind), the note when the verdict has not said it and
 * the next step with its place (shared by `itpnav match`, the handout and the line mode). */
void match_doc(struct doc *d, const struct match *m, bool with_id);

/* Lay out a national pathway shown as context for route (m[c.anchor]): its name, that it is the
 * national picture and the route is the one to follow, its status and next step; no verdict. */
void match_context_doc(struct doc *d, const struct match *c, const struct match *route,
                       bool with_id);

/* Lay every result out in the order people read them: a verdict at a time (only those with
 * results; headed, under its heading and count, as the screen shows them), each route followed
 * by its context (shared by `itpnav match` and the handout). after, when not NULL, adds to d
 * what follows each result (the handout's contact). */
void match_results_doc(struct doc *d, const struct match *m, size_t n, bool with_id, bool headed,
                       void (*after)(struct doc *d, const struct match *m, void *arg), void *arg);

/* The heading of a verdict's section ("Meets the rules on record: the program asks more"). */
const char *match_verdict_heading(enum verdict v);

/* The verdict in a few words for a person ("meets the rules on record"). */
const char *match_verdict_words(enum verdict v);

/* A pathway's rules on record as a section of its detail (the screen's and `show`'s): each rule
 * labelled met, not yet or unknown for the answers a (or only stated, when a is NULL or answers
 * nothing), whether they are the whole eligibility, the note, and where the rules come from (the
 * source's title, address and date, or when an undated page was seen). Inserted before the
 * steps; nothing for a support. The reason a store cannot name exams or places goes to err. */
void match_rules_into(struct doc *d, struct store *st, const struct entry *e,
                      const struct answers *a, struct err *err);

/* The query for the supports that serve the person's region and goals. */
void match_support_query(const struct answers *a, struct query *q);

/* An exam's name as rules and answers say it: the part before a closing parenthesis ("MCCQE Part
 * I" of "MCCQE Part I (MCC Qualifying Examination Part I)"), else the whole name. A new string. */
char *match_exam_short(const char *name);

/* "fits", "meets-stated", "check", "not-yet". */
const char *match_verdict_name(enum verdict v);

/* The dataset.md name of a requirement bit ("exams", "postgrad_years", ...). */
const char *match_key_name(unsigned bit);

#endif
