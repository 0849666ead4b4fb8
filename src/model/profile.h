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
