/* profile.h: a person's answers to "What's my path?", owned, so they can be kept, saved and
 * cleared; match.h's struct answers borrows from it. */
#ifndef ITPNAV_PROFILE_H
#define ITPNAV_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "match.h"
#include "store.h"

#define PROFILE_MAX_GOALS 8
#define PROFILE_MAX_EXAMS 16

struct profile {
    char region[65]; /* a region id, "" when not answered */
    char goals[PROFILE_MAX_GOALS][65];
    size_t n_goals;
    char discipline[32]; /* family-medicine, specialty, "" */
    char status[32];     /* citizen, permanent-resident, work-permit, refugee, "" */
    char exams[PROFILE_MAX_EXAMS][65];
    size_t n_exams;
    bool exams_known;      /* answered, even with "none" */
    double postgrad_years; /* -1 when not answered */
    double practice_years;
    double last_practised; /* years ago */
    int last_year;         /* the year last practised, when it was given as one; else 0 */
    int language_test;     /* -1 not answered, 0 no, 1 yes */
};

/* A profile with nothing answered. */
void profile_init(struct profile *p);

/* True when nothing is answered. */
bool profile_empty(const struct profile *p);

/* Fill a with pointers into p (valid while p is unchanged). */
void profile_answers(const struct profile *p, struct answers *a);

/* The profile as "key=value" lines, a new string; and back (unknown keys and bad values are
 * skipped, so an older or damaged record never stops the program). */
char *profile_encode(const struct profile *p);
void profile_decode(struct profile *p, const char *text);

/* The questions, in the order the wizard asks them. */
enum profile_question {
    Q_REGION,
    Q_GOALS,
    Q_DISCIPLINE,
    Q_POSTGRAD,
    Q_PRACTICE,
    Q_RECENCY,
    Q_EXAMS,
    Q_LANGUAGE,
    Q_STATUS,
    Q_COUNT
};

/* A question's short label ("Where you live") and its one-line explanation. */
const char *profile_label(enum profile_question q);
const char *profile_explain(enum profile_question q);

/* True when question q has an answer. */
bool profile_answered(const struct profile *p, enum profile_question q);

/* Forget the answer to q. */
void profile_forget(struct profile *p, enum profile_question q);

/* The answer to q in plain words ("Ontario", "3 years", "not answered"), names looked up in st
 * (ids when it cannot say: then e says why); a new string. */
char *profile_answer_words(const struct profile *p, enum profile_question q, struct store *st,
                           struct err *e);

/* Parse a number of years typed by a person ("3", "2.5", " 4 "): true and *out when it is one
 * from 0 to 80. */
bool profile_parse_years(const char *s, double *out);

/* The year it is now, by the clock. */
int profile_this_year(void);

/* Parse when a person last practised, as typed: a year ("2023": from this_year - 80 to
 * this_year) or a number of years ago ("3", "2.5": 0 to 80). True with *years_ago and *year (the
 * year typed; 0 when years ago were typed). */
bool profile_parse_last_practised(const char *s, int this_year, double *years_ago, int *year);

/* What a question of years takes, in words for "Type ...": "years from 0 to 80 (like 3 or 2.5)",
 * or for the last question of practice "a year (2023) or years ago (3)". */
const char *profile_years_form(enum profile_question q);

/* How the exams a person names are found (profile_find_exam). */
enum profile_exam_found { PROFILE_EXAM_FOUND, PROFILE_EXAM_AMBIGUOUS, PROFILE_EXAM_UNKNOWN };

/* The exam a person means by typed: its id, its name, the name before its parenthesis ("MCCQE
 * Part I"), a part inside the parenthesis ("Therapeutics Decision-Making"), or the start of one
 * of these that only one exam has; case and accents ignored. FOUND: its id in *id (a new
 * string). AMBIGUOUS: the exams it could be in *which ("MCCQE Part I (mccqe1) or MCCQE Part II
 * (mccqe2)", a new string). UNKNOWN: the nearest name in *which, or NULL; e says why when the
 * store cannot be read. */
enum profile_exam_found profile_find_exam(struct store *st, const char *typed, char **id,
                                          char **which, struct err *e);

/* Answer q (not a question of years) with the values a person chose, as the questions offer
 * them: ids of regions, goals, exams, disciplines, statuses; "1" or "0" for the language test;
 * "none" among the exams for none yet. No value (or only "") forgets the answer. The one place
 * that turns a choice into an answer, for the screen and the line mode alike. */
void profile_set_choice(struct profile *p, enum profile_question q, const char *const *values,
                        size_t n);

/* Answer a question of years with what a person typed: nothing (or spaces) forgets the answer.
 * False, the answer unchanged, when it is not years from 0 to 80. */
bool profile_set_years(struct profile *p, enum profile_question q, const char *typed);

#endif
