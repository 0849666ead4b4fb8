/* match.c: the wizard's matching, rule by rule, with a plain sentence for every finding, a verdict
 * that never says more than the rules on record, and a next step that is an action with a place. */
#include "match.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "entry.h"
#include "i18n.h"
#include "store_impl.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

void match_answers_init(struct answers *a)
{
    *a = (struct answers){
            .postgrad_years = -1,
            .practice_years = -1,
            .last_practised = -1,
            .language_test = -1,
    };
}

bool match_answers_any(const struct answers *a)
{
    return a->region || a->n_goals || a->status || a->discipline || a->exams_known ||
           a->postgrad_years >= 0 || a->practice_years >= 0 || a->last_practised >= 0 ||
           a->language_test >= 0;
}

const char *match_verdict_name(enum verdict v)
{
    switch (v) {
    case VERDICT_FITS: return "fits";
    case VERDICT_MEETS_STATED: return "meets-stated";
    case VERDICT_CHECK: return "check";
    default: return "not-yet";
    }
}

const char *match_verdict_words(enum verdict v)
{
    switch (v) {
    /* TRANSLATORS: a verdict in a few words ("check": to be checked with the program). */
    case VERDICT_FITS: return C_("verdict", "fits");
    case VERDICT_MEETS_STATED: return _("meets the rules on record");
    case VERDICT_CHECK: return C_("verdict", "check");
    default: return C_("verdict", "not yet");
    }
}

const char *match_verdict_heading(enum verdict v)
{
    switch (v) {
    case VERDICT_FITS: return _("Fits: you meet every rule the program publishes");
    case VERDICT_MEETS_STATED: return _("Meets the rules on record: the program asks more");
    case VERDICT_CHECK: return _("Check: nothing is unmet, but something is not known");
    default: return _("Not yet: something is missing");
    }
}

const char *match_key_name(unsigned bit)
{
    switch (bit) {
    case REQ_STATUS: return "status";
    case REQ_EXAMS: return "exams";
    case REQ_LANGUAGE: return "language_test";
    case REQ_DISCIPLINE: return "discipline";
    case REQ_POSTGRAD: return "postgrad_years";
    case REQ_PRACTICE: return "practice_years";
    case REQ_RECENCY: return "practised_within_years";
    case REQ_RESIDENCE: return "residence";
    default: return "";
    }
}

/* A copy of the first n bytes of s. */
static char *copy_n(const char *s, size_t n)
{
    char *c = xmalloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

char *match_exam_short(const char *name)
{
    const char *open = strstr(name, " (");
    size_t n = strlen(name);
    if (open && open > name && n && name[n - 1] == ')')
        return copy_n(name, (size_t)(open - name));
    return xstrdup(name);
}

/* ---- what one run looks up again and again ---- */

/* The facts a run remembers, each kind by a string. A vocabulary's names are kept under the
 * vocabulary's own number (enum vocab). */
enum recall {
    RECALL_SOURCE = VOCAB_COUNT, /* a source's title (text) and web address (extra) */
    RECALL_NATIONAL,             /* a pathway's regions (ids, comma-separated) all at the top */
    RECALL_WITHIN,               /* the person's region lies within this one */
    RECALL_AROUND,               /* this region lies within the person's */
    RECALL_PLACE,                /* where a region puts a pathway in the person's list (place_of) */
    RECALL_PLACES,               /* where its regions (ids, comma-separated) put it (places_of) */
    RECALL_JUDGED, /* a pathway's rules judged, by its requires as JSON (and its note in the
                      reader's language): the verdict and its sentences (judged) */
    RECALL_RULE,   /* a rule judged (RECALL_RULE + its enum req_key), by its value as JSON: the
                      rule (text), its phrase (extra), the reason and the outcome (value) */
};

struct recalled {
    unsigned kind;
    char *key;
    char *text, *extra; /* NULL when the store has none */
    char *reason;
    int value;
    struct match *judged;
    bool pooled; /* text, extra and reason belong to the run's judgements (memo.kept) */
};

/* Facts that depend only on the store and the answers, kept for one run: a match over a thousand
 * pathways names the same few exams and places, and asks the same few questions of the region
 * tree, a thousand times. An open-addressed table by (kind, key); zero-initialise to start. A
 * failure to read a fact is kept too: it is in the run's err already, and ends the run. */
struct memo {
    struct recalled *v;
    size_t cap, n;
    /* With share, the judgements made (RECALL_JUDGED) are lent to the pathways, not copied:
     * they are kept here until the run hands them to its array. */
    bool share;
    struct match_judgements *kept;
    bool verdicts_only; /* no why is made (match_verdicts) */
};

/* A run's judgements, which its pathways share, and every string they hold: a rule's sentences
 * are made once and held by every judgement that states the rule. */
struct match_judgements {
    struct match **v; /* shared: their strings are in strings */
    size_t n;
    char **strings;
    size_t n_strings, room;
};

static void judgements_free(struct match_judgements *j)
{
    if (!j)
        return;
    for (size_t i = 0; i < j->n; i++) {
        free(j->v[i]->reasons);
        free(j->v[i]->rules);
        match_destroy(j->v[i], 1);
    }
    for (size_t i = 0; i < j->n_strings; i++)
        free(j->strings[i]);
    free(j->strings);
    free(j->v);
    free(j);
}

/* s (a new string, or NULL) made the run's judgements' to free: returns s. */
static char *pooled(struct memo *mm, char *s)
{
    if (!s)
        return NULL;
    if (!mm->kept)
        mm->kept = xcalloc(1, sizeof *mm->kept);
    struct match_judgements *j = mm->kept;
    if (j->n_strings == j->room) {
        j->room = j->room ? 2 * j->room : 256;
        j->strings = xrealloc(j->strings, j->room * sizeof *j->strings);
    }
    j->strings[j->n_strings++] = s;
    return s;
}

static size_t memo_hash(unsigned kind, const char *key)
{
    size_t h = 2166136261u ^ kind; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* The slot of (kind, key): the fact when it is known, else the empty slot it would take. */
static struct recalled *memo_slot(const struct memo *mm, unsigned kind, const char *key)
{
    size_t i = memo_hash(kind, key) & (mm->cap - 1);
    while (mm->v[i].key && (mm->v[i].kind != kind || strcmp(mm->v[i].key, key) != 0))
        i = (i + 1) & (mm->cap - 1);
    return &mm->v[i];
}

/* The fact kept for (kind, key), or NULL. */
static struct recalled *memo_get(const struct memo *mm, unsigned kind, const char *key)
{
    if (!mm->n)
        return NULL;
    struct recalled *r = memo_slot(mm, kind, key);
    return r->key ? r : NULL;
}

/* A new, empty fact for (kind, key), which memo_get did not find. */
static struct recalled *memo_put(struct memo *mm, unsigned kind, const char *key)
{
    if (2 * (mm->n + 1) > mm->cap) {
        /* The same memo (share, kept), in a table twice the size. */
        struct memo grown = *mm;
        grown.cap = mm->cap ? 2 * mm->cap : 64;
        grown.v = xcalloc(grown.cap, sizeof *grown.v);
        for (size_t i = 0; i < mm->cap; i++)
            if (mm->v[i].key)
                *memo_slot(&grown, mm->v[i].kind, mm->v[i].key) = mm->v[i];
        free(mm->v);
        *mm = grown;
    }
    struct recalled *r = memo_slot(mm, kind, key);
    *r = (struct recalled){.kind = kind, .key = xstrdup(key)};
    mm->n++;
    return r;
}

static void memo_finish(struct memo *mm)
{
    for (size_t i = 0; i < mm->cap; i++) {
        free(mm->v[i].key);
        if (!mm->v[i].pooled) {
            free(mm->v[i].text);
            free(mm->v[i].extra);
            free(mm->v[i].reason);
        }
        if (mm->v[i].judged && !mm->share)
            match_destroy(mm->v[i].judged, 1);
    }
    judgements_free(mm->kept);
    free(mm->v);
    *mm = (struct memo){0};
}

/* The name of id in t as a sentence shows it: in the reader's language where the data has one,
 * an exam's set apart as the language does it; the id itself when t does not know it. */
static const char *shown_name(struct store *st, struct memo *mm, enum vocab t, const char *id,
                              struct err *e)
{
    struct recalled *r = memo_get(mm, t, id);
    if (r)
        return r->text;
    struct vocab_item it = {0};
    char local[256] = "";
    vocab_get(st, t, id, &it, e);
    if (i18n_french())
        vocab_name_in(st, t, id, i18n_lang(), local, sizeof local, NULL);
    const char *name = local[0] ? local : it.name ? it.name : id;
    char *shown;
    if (t == VOCAB_EXAM) {
        /* An exam's name set apart in the sentence, as the language does it (French puts it in
         * guillemets after « l'examen », which then needs no article of its own). */
        char *exam = match_exam_short(name);
        /* TRANSLATORS: an exam's name inside a sentence ("Needs a pass in %s"). */
        shown = xasprintf(C_("an exam's name in a sentence", "%s"), exam);
        free(exam);
    } else {
        shown = xstrdup(name);
    }
    vocab_item_finish(&it);
    r = memo_put(mm, t, id);
    r->text = shown;
    return shown;
}

/* Names for a list of ids, joined for a sentence: from the dataset's vocabulary t, or when terms
 * is given from that closed vocabulary. An id neither knows is named as it is. */
static char *name_list(struct store *st, struct memo *mm, enum vocab t, const struct terms *terms,
                       const cJSON *ids, const char *conjunction, struct err *e)
{
    struct sb b = {0};
    size_t n = (size_t)cJSON_GetArraySize(ids), i = 0;
    for (const cJSON *x = ids->child; x; x = x->next, i++) {
        if (!cJSON_IsString(x))
            continue;
        if (i)
            sb_add(&b, i + 1 == n ? conjunction : ", ");
        sb_add(&b, terms ? _(terms_label(terms, x->valuestring))
                         : shown_name(st, mm, t, x->valuestring, e));
    }
    return sb_take(&b);
}

static bool listed(const cJSON *list, const char *value)
{
    for (const cJSON *e = list->child; e; e = e->next)
        if (cJSON_IsString(e) && strcmp(e->valuestring, value) == 0)
            return true;
    return false;
}

/* One finding on the way: the rule, the sentence about the person, the few words. */
struct finding {
    struct match_rule rule;
    char *reason;
};

struct judge {
    struct match *m;
    struct memo *memo;
    struct finding *f;
    size_t n;
};

/* Record a rule's outcome (1 met, 0 not yet, -1 unknown); the strings are taken. */
static void found(struct judge *j, unsigned key, int outcome, char *rule, char *phrase,
                  char *reason)
{
    if (outcome > 0)
        j->m->met |= key;
    else if (outcome == 0)
        j->m->unmet |= key;
    else
        j->m->unknown |= key;
    j->f = xrealloc(j->f, (j->n + 1) * sizeof *j->f);
    j->f[j->n++] = (struct finding){
            .rule = {.key = key,
                     .outcome = outcome > 0 ? 1 : outcome,
                     .rule = rule,
                     .phrase = phrase},
            .reason = reason,
    };
}

static int failed(struct store *st, struct err *e)
{
    return store_failed(st, e);
}

/* Whether region lies within ancestor (or is it). */
static bool in_region(struct store *st, const char *ancestor, const char *region, struct err *e)
{
    sqlite3_stmt *s =
            store_stmt(st, STMT_MATCH_IN_REGION,
                       "SELECT 1 FROM region_closure WHERE ancestor = ? AND descendant = ?", e);
    if (!s)
        return false;
    sqlite3_bind_text(s, 1, ancestor, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, region, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        failed(st, e);
    sqlite3_reset(s);
    return rc == SQLITE_ROW;
}

/* in_region between the person's region and place, remembered: around, whether place lies within
 * the person's region; else whether the person's region lies within place. */
static bool near(struct judge *j, struct store *st, const struct answers *a, const char *place,
                 bool around, struct err *e)
{
    unsigned kind = around ? RECALL_AROUND : RECALL_WITHIN;
    struct recalled *r = memo_get(j->memo, kind, place);
    if (r)
        return r->value;
    bool in = around ? in_region(st, a->region, place, e) : in_region(st, place, a->region, e);
    memo_put(j->memo, kind, place)->value = in;
    return in;
}

/* A number of years as words: "2 years", "1 year", "1.5 years". */
static char *years(double y)
{
    if (y == (long)y)
        return xasprintf(ngettext("%ld year", "%ld years", (unsigned long)y), (long)y);
    char n[32];
    return xasprintf(_("%s years"), i18n_decimal(n, sizeof n, y, 1));
}

static void judge_years(struct judge *j, unsigned key, const cJSON *rule, double answer,
                        const char *what, const char *short_what)
{
    if (!cJSON_IsNumber(rule))
        return;
    char *need = years(rule->valuedouble);
    char *r = xasprintf(_("At least %s of %s."), need, what);
    char *phrase = xasprintf(_("at least %s of %s"), need, short_what);
    if (answer < 0) {
        found(j, key, -1, r, phrase,
              xasprintf(_("Needs at least %s of %s; you have not said how many."), need, what));
    } else {
        char *have = years(answer);
        bool ok = answer >= rule->valuedouble;
        found(j, key, ok, r, phrase,
              ok ? xasprintf(_("You have %s of %s; it needs at least %s."), have, what, need)
                 : xasprintf(_("Needs at least %s of %s; you have %s."), need, what, have));
        free(have);
    }
    free(need);
}

static void judge_status(struct judge *j, struct store *st, const cJSON *v, const struct answers *a,
                         struct err *e)
{
    char *allowed = name_list(st, j->memo, 0, &terms_person_status, v, _(" or "), e);
    const char *yours = _(terms_label(&terms_person_status, a->status));
    char *rule = xasprintf(_("Open to: %s."), allowed);
    char *phrase = xasprintf(_("%s status"), allowed);
    if (!a->status)
        found(j, REQ_STATUS, -1, rule, phrase,
              xasprintf(_("Open to: %s; you have not said your status."), allowed));
    else if (listed(v, a->status))
        found(j, REQ_STATUS, 1, rule, phrase, xasprintf(_("Your status (%s) is accepted."), yours));
    else
        found(j, REQ_STATUS, 0, rule, phrase,
              xasprintf(_("Open to: %s; you said %s."), allowed, yours));
    free(allowed);
}

static void judge_exams(struct judge *j, struct store *st, const cJSON *v, const struct answers *a,
                        struct err *e)
{
    char *all = name_list(st, j->memo, VOCAB_EXAM, NULL, v, _(" and "), e);
    /* How many exams a phrase names: French says « l'examen » or « les examens ». */
    unsigned long n_all = (unsigned long)cJSON_GetArraySize(v);
    char *rule = (v->child->next ? xasprintf(_("Needs a pass in all of: %s."), all)
                                 : xasprintf(_("Needs a pass in %s."), all));
    /* TRANSLATORS: a rule in a few words, after "needs" or "met:"; %s names one exam or
     * several ("MCCQE Part I and NAC Examination"). */
    char *phrase = xasprintf(ngettext("a pass in %s", "a pass in %s", n_all), all);
    if (!a->exams_known) {
        found(j, REQ_EXAMS, -1, rule, phrase,
              xasprintf(ngettext("Needs a pass in: %s; you have not said which exams you passed.",
                                 "Needs a pass in: %s; you have not said which exams you passed.",
                                 n_all),
                        all));
        free(all);
        return;
    }
    cJSON *missing = cJSON_CreateArray();
    for (const cJSON *x = v->child; x; x = x->next) {
        bool passed = false;
        for (size_t i = 0; i < a->n_exams && !passed; i++)
            passed = cJSON_IsString(x) && strcmp(a->exams[i], x->valuestring) == 0;
        if (!passed && cJSON_IsString(x))
            cJSON_AddItemToArray(missing, cJSON_CreateString(x->valuestring));
    }
    if (!missing->child) {
        found(j, REQ_EXAMS, 1, rule, phrase,
              xasprintf(ngettext("You have passed %s.", "You have passed %s.", n_all), all));
    } else if (!v->child->next) {
        found(j, REQ_EXAMS, 0, rule, phrase,
              xasprintf(_("Needs a pass in %s; you have not passed it yet."), all));
    } else {
        free(phrase);
        char *names = name_list(st, j->memo, VOCAB_EXAM, NULL, missing, _(" and "), e);
        unsigned long n_missing = (unsigned long)cJSON_GetArraySize(missing);
        found(j, REQ_EXAMS, 0, rule,
              xasprintf(ngettext("a pass in %s", "a pass in %s", n_missing), names),
              xasprintf(_("Needs a pass in all of: %s; not yet passed: %s."), all, names));
        free(names);
    }
    cJSON_Delete(missing);
    free(all);
}

static void judge_discipline(struct judge *j, struct store *st, const cJSON *v,
                             const struct answers *a, struct err *e)
{
    char *allowed = name_list(st, j->memo, 0, &terms_discipline, v, _(" or "), e);
    const char *yours = _(terms_label(&terms_discipline, a->discipline));
    char *rule = xasprintf(_("For %s only."), allowed);
    char *phrase = xasprintf(_("%s as your field"), allowed);
    if (!a->discipline)
        found(j, REQ_DISCIPLINE, -1, rule, phrase,
              xasprintf(_("For %s; you have not said your discipline."), allowed));
    else if (listed(v, a->discipline))
        found(j, REQ_DISCIPLINE, 1, rule, phrase,
              xasprintf(_("It is for %s, your discipline."), yours));
    else
        found(j, REQ_DISCIPLINE, 0, rule, phrase,
              xasprintf(_("For %s only; you said %s."), allowed, yours));
    free(allowed);
}

static void judge_recency(struct judge *j, const cJSON *v, const struct answers *a)
{
    char *within = years(v->valuedouble);
    char *rule = xasprintf(_("Independent practice within the last %s."), within);
    char *phrase = xasprintf(_("practice within the last %s"), within);
    if (a->last_practised < 0) {
        found(j, REQ_RECENCY, -1, rule, phrase,
              xasprintf(_("Needs independent practice within the last %s; you have not said "
                          "when you last practised."),
                        within));
    } else {
        char *ago = years(a->last_practised);
        bool ok = a->last_practised <= v->valuedouble;
        found(j, REQ_RECENCY, ok, rule, phrase,
              ok ? xasprintf(_("You practised %s ago, within the %s it asks."), ago, within)
                 : xasprintf(_("Needs practice within the last %s; you last practised %s ago."),
                             within, ago));
        free(ago);
    }
    free(within);
}

static void judge_residence(struct judge *j, struct store *st, const cJSON *v,
                            const struct answers *a, struct err *e)
{
    char *places = name_list(st, j->memo, VOCAB_REGION, NULL, v, _(" or "), e);
    char *rule = xasprintf(_("You must live in %s."), places);
    char *phrase = xasprintf(_("living in %s"), places);
    if (!a->region) {
        found(j, REQ_RESIDENCE, -1, rule, phrase,
              xasprintf(_("You must live in %s; you have not said where you live."), places));
    } else {
        bool ok = false, wider = false;
        for (const cJSON *x = v->child; x && !ok; x = x->next) {
            ok = cJSON_IsString(x) && near(j, st, a, x->valuestring, false, e);
            /* "Canada" for a rule about Ontario: not an answer either way. */
            wider = wider || (cJSON_IsString(x) && near(j, st, a, x->valuestring, true, e));
        }
        found(j, REQ_RESIDENCE,
              ok      ? 1
              : wider ? -1
                      : 0,
              rule, phrase,
              ok      ? xasprintf(_("You live in %s, as it asks."), places)
              : wider ? xasprintf(_("You must live in %s; say more exactly where you live."),
                                  places)
                      : xasprintf(_("You must live in %s."), places));
    }
    free(places);
}

static void judge_language(struct judge *j, const struct answers *a)
{
    char *rule = xstrdup(_("Needs an accepted English or French language test result."));
    char *phrase = xstrdup(_("a language test result"));
    if (a->language_test < 0)
        found(j, REQ_LANGUAGE, -1, rule, phrase,
              xstrdup(_("Needs an accepted English or French language test result; you have not "
                        "said whether you have one.")));
    else if (a->language_test)
        found(j, REQ_LANGUAGE, 1, rule, phrase,
              xstrdup(_("You have an English or French language test result.")));
    else
        found(j, REQ_LANGUAGE, 0, rule, phrase,
              xstrdup(_("Needs an accepted English or French language test result.")));
}

/* The rule that key's value v states, judged against the answers. */
static void judge_rule(struct judge *j, struct store *st, unsigned key, const cJSON *v,
                       const struct answers *a, struct err *e)
{
    switch (key) {
    case REQ_STATUS: judge_status(j, st, v, a, e); break;
    case REQ_EXAMS: judge_exams(j, st, v, a, e); break;
    case REQ_LANGUAGE: judge_language(j, a); break;
    case REQ_DISCIPLINE: judge_discipline(j, st, v, a, e); break;
    case REQ_POSTGRAD:
        judge_years(j, REQ_POSTGRAD, v, a->postgrad_years, _("postgraduate (residency) training"),
                    _("postgraduate training"));
        break;
    case REQ_PRACTICE:
        judge_years(j, REQ_PRACTICE, v, a->practice_years, _("independent practice"),
                    _("independent practice"));
        break;
    case REQ_RECENCY: judge_recency(j, v, a); break;
    case REQ_RESIDENCE: judge_residence(j, st, v, a, e); break;
    default: break;
    }
}

/* judge_rule, remembered for the run: a rule's sentences depend only on its value and the
 * answers, and pathways share rules ("citizen or permanent resident", "2 years of independent
 * practice"), so a thousand pathways are judged with a few dozen sentences made. */
static void judge_kept(struct judge *j, struct store *st, unsigned key, const cJSON *v,
                       const struct answers *a, struct err *e)
{
    /* Shared judgements hold the memo's own sentences (the run's judgements free them). */
    bool share = j->memo->share;
    char *value = cJSON_PrintUnformatted(v);
    if (!value) {
        size_t before = j->n;
        judge_rule(j, st, key, v, a, e);
        for (size_t k = before; share && k < j->n; k++) {
            pooled(j->memo, j->f[k].rule.rule);
            pooled(j->memo, j->f[k].rule.phrase);
            pooled(j->memo, j->f[k].reason);
        }
        return;
    }
    struct recalled *r = memo_get(j->memo, RECALL_RULE + key, value);
    if (r) {
        if (r->text && share)
            found(j, key, r->value, r->text, r->extra, r->reason);
        else if (r->text)
            found(j, key, r->value, xstrdup(r->text), xstrdup(r->extra), xstrdup(r->reason));
        free(value);
        return;
    }
    size_t before = j->n;
    judge_rule(j, st, key, v, a, e);
    r = memo_put(j->memo, RECALL_RULE + key, value);
    free(value);
    if (j->n > before) {
        const struct finding *f = &j->f[before];
        if (share) {
            r->pooled = true;
            r->text = pooled(j->memo, f->rule.rule);
            r->extra = pooled(j->memo, f->rule.phrase);
            r->reason = pooled(j->memo, f->reason);
        } else {
            r->text = xstrdup(f->rule.rule);
            r->extra = xstrdup(f->rule.phrase);
            r->reason = xstrdup(f->reason);
        }
        r->value = f->rule.outcome;
    }
}

/* The phrases of m's rules with this outcome, joined with "; " (NULL when none). */
static char *phrases(const struct match *m, int outcome)
{
    struct sb b = {0};
    for (size_t k = 0; k < m->n_reasons; k++)
        if (m->rules[k].outcome == outcome) {
            if (b.len)
                sb_add(&b, _("; "));
            sb_add(&b, m->rules[k].phrase);
        }
    if (!b.len) {
        sb_finish(&b);
        return NULL;
    }
    return sb_take(&b);
}

/* The note as the end of a sentence: with its full stop. */
static void add_note(struct sb *b, const char *note)
{
    sb_add(b, note);
    size_t n = strlen(note);
    if (n && !strchr(".!?", note[n - 1]))
        sb_addc(b, '.');
}

/* The verdict in one line, from the rules judged: what a counsellor reads aloud. */
static char *why_line(struct match *m)
{
    struct sb b = {0};
    char *met = phrases(m, 1), *unmet = phrases(m, 0), *unknown = phrases(m, -1);
    size_t n = m->n_reasons;
    m->why_has_note = false;
    switch (m->verdict) {
    case VERDICT_FITS:
        sb_addf(&b, _("Fits: you meet every rule the program publishes (%s)."), met ? met : "");
        break;
    case VERDICT_MEETS_STATED:
        sb_addf(&b,
                ngettext("Meets the %zu rule on record (%s); ",
                         "Meets the %zu rules on record (%s); ", n),
                n, met ? met : "");
        if (m->note) {
            sb_add(&b, _("the program also asks: "));
            add_note(&b, m->note);
            m->why_has_note = true;
        } else {
            sb_add(&b, _("its other rules are not on record here: ask the program."));
        }
        break;
    case VERDICT_CHECK:
        if (!m->has_requires) {
            sb_add(&b, _("Check: no rules on record that your answers can be compared with; "));
            if (m->note) {
                sb_add(&b, _("it says: "));
                add_note(&b, m->note);
                m->why_has_note = true;
            } else {
                sb_add(&b, _("ask the program what it asks."));
            }
        } else {
            sb_addf(&b, _("Check: not known from your answers: %s."), unknown ? unknown : "");
            if (met)
                sb_addf(&b, _(" Met: %s."), met);
        }
        break;
    default:
        sb_addf(&b, _("Not yet: needs %s."), unmet ? unmet : "");
        if (met)
            sb_addf(&b, _(" Met: %s."), met);
        if (unknown)
            sb_addf(&b, _(" Not known from your answers: %s."), unknown);
        break;
    }
    free(met);
    free(unmet);
    free(unknown);
    return sb_take(&b);
}

/* The dataset's format version (1 when the store does not say). */
static int format_of(struct store *st)
{
    char *f = store_meta(st, "format");
    int v = f ? atoi(f) : 1;
    free(f);
    return v > 0 ? v : 1;
}

/* Pathway rid's text for key (item pos of a list) in the reader's language, when it is not
 * English and the data has it: a new string, or NULL (the file's own text stays). With extra,
 * *extra gets the same row's extra (a name's folded form, as lists order it), or NULL. */
static char *text_in_reader_language(struct store *st, int64_t rid, const char *key, int pos,
                                     char **extra)
{
    if (extra)
        *extra = NULL;
    if (!i18n_french())
        return NULL;
    sqlite3_stmt *s = store_stmt(st, STMT_MATCH_TEXT_TR,
                                 "SELECT text, extra FROM entry_tr WHERE rid = ? AND lang = ?"
                                 " AND key = ? AND pos = ?",
                                 NULL);
    if (!s)
        return NULL;
    sqlite3_bind_int64(s, 1, rid);
    sqlite3_bind_text(s, 2, i18n_lang(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, key, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 4, pos);
    char *text = NULL;
    if (sqlite3_step(s) == SQLITE_ROW) {
        if (sqlite3_column_text(s, 0))
            text = xstrdup((const char *)sqlite3_column_text(s, 0));
        if (extra && sqlite3_column_text(s, 1))
            *extra = xstrdup((const char *)sqlite3_column_text(s, 1));
    }
    sqlite3_reset(s);
    return text;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* m's verdict and what it counts made from's. */
static void copy_judgement_facts(struct match *m, const struct match *from)
{
    m->verdict = from->verdict;
    m->met = from->met;
    m->unmet = from->unmet;
    m->unknown = from->unknown;
    m->has_requires = from->has_requires;
    m->complete = from->complete;
    m->n_reasons = from->n_reasons;
    m->n_met = from->n_met;
    m->n_unmet = from->n_unmet;
    m->why_has_note = from->why_has_note;
}

/* m's judgement (its verdict, rules, reasons, note and why) made a copy of from's. */
static void copy_judgement(struct match *m, const struct match *from)
{
    copy_judgement_facts(m, from);
    m->reasons = xmalloc((m->n_reasons ? m->n_reasons : 1) * sizeof *m->reasons);
    m->rules = xmalloc((m->n_reasons ? m->n_reasons : 1) * sizeof *m->rules);
    for (size_t k = 0; k < m->n_reasons; k++) {
        m->reasons[k] = dup_or_null(from->reasons[k]);
        m->rules[k] = from->rules[k];
        m->rules[k].rule = dup_or_null(from->rules[k].rule);
        m->rules[k].phrase = dup_or_null(from->rules[k].phrase);
    }
    m->note = dup_or_null(from->note);
    m->why = dup_or_null(from->why);
}

static void judge_requires(struct store *st, struct memo *mm, const char *requires_json, char *note,
                           int format, const struct answers *a, struct match *m, struct err *e);

/* Judge pathway rid's rules (requires_json) against the answers into m. Remembered for the run
 * by the rules' JSON (and the note in the reader's language): a thousand pathways share a few
 * hundred sets of rules, and each is parsed, judged and said once. */
static void judge(struct store *st, struct memo *mm, int64_t rid, const char *requires_json,
                  int format, const struct answers *a, struct match *m, struct err *e)
{
    char *note = NULL;
    if (requires_json && i18n_french() && strstr(requires_json, "\"note\""))
        note = text_in_reader_language(st, rid, "requires_note", 0, NULL);
    if (!requires_json) {
        judge_requires(st, mm, NULL, note, format, a, m, e);
        return;
    }
    char *key = note ? xasprintf("%s%c%s", requires_json, 0x1f, note) : NULL;
    const char *k = key ? key : requires_json;
    struct recalled *r = memo_get(mm, RECALL_JUDGED, k);
    if (r) {
        free(note);
    } else {
        struct match *t = xcalloc(1, sizeof *t);
        judge_requires(st, mm, requires_json, note, format, a, t, e);
        r = memo_put(mm, RECALL_JUDGED, k);
        r->judged = t;
        if (mm->share) {
            /* Its rules' sentences are the memo's, pooled already; its own are pooled here. */
            t->shared = true;
            pooled(mm, t->why);
            pooled(mm, t->note);
            if (!mm->kept) /* nothing pooled yet: no rules, no note, no why (match_verdicts) */
                mm->kept = xcalloc(1, sizeof *mm->kept);
            mm->kept->v = xrealloc(mm->kept->v, (mm->kept->n + 1) * sizeof *mm->kept->v);
            mm->kept->v[mm->kept->n++] = t;
        }
    }
    free(key);
    if (!mm->share) {
        copy_judgement(m, r->judged);
        return;
    }
    /* Lent: the same words, read only. */
    const struct match *t = r->judged;
    copy_judgement_facts(m, t);
    m->reasons = t->reasons;
    m->rules = t->rules;
    m->note = t->note;
    m->why = t->why;
    m->shared = true;
}

/* judge, once: note is requires.note in the reader's language (taken; NULL: the file's). */
static void judge_requires(struct store *st, struct memo *mm, const char *requires_json, char *note,
                           int format, const struct answers *a, struct match *m, struct err *e)
{
    struct judge j = {.m = m, .memo = mm};
    cJSON *req = requires_json ? cJSON_Parse(requires_json) : NULL;
    m->has_requires = false;
    m->complete = false;
    if (cJSON_IsObject(req)) {
        /* Each key of dataset.md in its order, when it states a rule. */
        for (unsigned key = 1; key < 1u << REQ_COUNT; key <<= 1) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, match_key_name(key));
            bool stated = key == REQ_LANGUAGE ? cJSON_IsTrue(v)
                          : key == REQ_POSTGRAD || key == REQ_PRACTICE || key == REQ_RECENCY
                                  ? cJSON_IsNumber(v)
                                  : cJSON_IsArray(v) && v->child;
            if (stated)
                judge_kept(&j, st, key, v, a, e);
        }
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, "note");
        if (cJSON_IsString(v)) {
            m->note = note;
            note = NULL;
            if (!m->note)
                m->note = xstrdup(v->valuestring);
        }
        /* Version 1 has no "complete": a key it does not know says nothing. */
        m->complete =
                format >= 2 && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(req, "complete"));
    }
    cJSON_Delete(req);
    free(note);
    m->has_requires = j.n > 0;

    /* Met first, then not yet, then unknown, each in the order of dataset.md's keys. */
    m->n_reasons = j.n;
    m->n_met = m->n_unmet = 0;
    m->reasons = xmalloc((j.n ? j.n : 1) * sizeof *m->reasons);
    m->rules = xmalloc((j.n ? j.n : 1) * sizeof *m->rules);
    size_t k = 0;
    for (int pass = 1; pass >= -1; pass--)
        for (size_t i = 0; i < j.n; i++)
            if (j.f[i].rule.outcome == pass) {
                m->reasons[k] = j.f[i].reason;
                m->rules[k++] = j.f[i].rule;
                m->n_met += pass == 1;
                m->n_unmet += pass == 0;
            }
    free(j.f);

    m->verdict = m->n_unmet                        ? VERDICT_NOT_YET
                 : m->n_met < m->n_reasons || !j.n ? VERDICT_CHECK
                 : m->complete                     ? VERDICT_FITS
                                                   : VERDICT_MEETS_STATED;
    free(m->why);
    m->why = mm->verdicts_only ? NULL : why_line(m);
}

void match_judge(struct store *st, const char *requires_json, const struct answers *a,
                 struct match *m, struct err *e)
{
    struct memo mm = {0};
    judge(st, &mm, 0, requires_json, format_of(st), a, m, e);
    memo_finish(&mm);
}

static int bits(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* ---- the next step ---- */

/* A pathway_brief row, read: pointers into the statement's row, good until it steps again. */
struct brief {
    int64_t rid;
    const char *goal;
    const char *regions;           /* its region ids, comma-separated; NULL for none */
    const char *text[BRIEF_TEXTS]; /* store_impl.h's brief_text; NULL when not stated */
    const char *steps;             /* title NUL address NUL ..., steps_n bytes */
    size_t steps_n;
};

/* Whether folded text holds folded word as whole words (not "mccqe part i" in "mccqe part ii"). */
static bool mentions(const char *text, const char *word)
{
    size_t n = strlen(word);
    if (!n)
        return false;
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool start = p == text || !isalnum((unsigned char)p[-1]);
        bool end = !isalnum((unsigned char)p[n]);
        if (start && end)
            return true;
    }
    return false;
}

/* Whether a step is one the answers show done: taking exams the person has passed ("Pass the
 * MCCQE Part I and take the NAC Examination"), or a language test when they have a result. A
 * step that does anything else, or that the answers cannot tell, is still to do. */
/* What step_done reads of each exam, made once a run: its short name folded ("mccqe part i"),
 * and whether the person passed it. None when they have not said which exams they passed. */
struct exam_words {
    char **fold;
    bool *passed;
    size_t n;
};

static void exam_words_init(struct exam_words *w, const struct vocab_list *exams,
                            const struct answers *a)
{
    size_t n = a->exams_known ? exams->n : 0;
    *w = (struct exam_words){.fold = xcalloc(n ? n : 1, sizeof *w->fold),
                             .passed = xcalloc(n ? n : 1, sizeof *w->passed),
                             .n = n};
    for (size_t i = 0; i < n; i++) {
        char *s = match_exam_short(exams->v[i].name ? exams->v[i].name : exams->v[i].id);
        w->fold[i] = text_fold(s);
        free(s);
        for (size_t k = 0; k < a->n_exams && !w->passed[i]; k++)
            w->passed[i] = strcmp(a->exams[k], exams->v[i].id) == 0;
    }
}

static void exam_words_finish(struct exam_words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->fold[i]);
    free(w->fold);
    free(w->passed);
    *w = (struct exam_words){0};
}

static bool step_done(const char *title, const struct answers *a, const struct exam_words *exams)
{
    /* Only "pass", "take" or "write" can be done: a title that starts with another ASCII letter
     * cannot fold to one of them (a letter outside ASCII may: Ţ is folded to t). */
    unsigned char first = (unsigned char)title[0];
    if (first < 0x80 && !strchr("pPtTwW", first ? first : 'x'))
        return false;
    char *t = text_fold(title);
    bool done = false;
    if (strncmp(t, "pass ", 5) == 0 || strncmp(t, "take ", 5) == 0 ||
        strncmp(t, "write ", 6) == 0) {
        size_t named = 0, passed = 0;
        for (size_t i = 0; i < exams->n; i++)
            if (mentions(t, exams->fold[i])) {
                named++;
                passed += exams->passed[i];
            }
        if (named)
            done = passed == named;
        else if (mentions(t, "language test"))
            done = a->language_test == 1;
    }
    free(t);
    return done;
}

/* How to reach the program: its website, with its email and phone after it; else its address,
 * or the note on how to reach it. NULL when it has none. *url is the website, when there is
 * one. */
static char *contact_words(const char *website, const char *email, const char *phone,
                           const char *address, const char *note, const char **url)
{
    *url = website;
    struct sb b = {0};
    if (website)
        sb_add(&b, website);
    const char *more[] = {email, phone};
    bool paren = false;
    for (size_t i = 0; i < 2; i++) {
        if (!more[i])
            continue;
        if (website && !paren) {
            sb_add(&b, " (");
            paren = true;
        } else if (b.len) {
            sb_add(&b, "; ");
        }
        sb_add(&b, more[i]);
    }
    if (paren)
        sb_addc(&b, ')');
    if (!b.len && address)
        sb_add(&b, address);
    if (!b.len && note)
        sb_add(&b, note);
    if (!b.len) {
        sb_finish(&b);
        return NULL;
    }
    return sb_take(&b);
}

/* Source id's title (text) and web address (extra), each NULL when the store has none. */
static const struct recalled *source_of(struct store *st, struct memo *mm, const char *id,
                                        struct err *e)
{
    struct recalled *r = memo_get(mm, RECALL_SOURCE, id);
    if (r)
        return r;
    struct vocab_item src = {0};
    vocab_get(st, VOCAB_SOURCE, id, &src, e);
    r = memo_put(mm, RECALL_SOURCE, id);
    r->text = src.name;
    r->extra = src.url;
    src.name = src.url = NULL;
    vocab_item_finish(&src);
    return r;
}

/* The next step of pathway b: the first step the answers do not show done, with its address,
 * or the pathway's contact when it has none; with no step left, the contact ("Ask the program
 * office: ..."); with no contact either, where the facts come from ("See TITLE: URL"). */
static void next_step(struct store *st, struct memo *mm, const struct brief *b,
                      const struct answers *a, const struct exam_words *exams, struct match *m,
                      struct err *e)
{
    const char *const *c = b->text;
    const char *contact_url = NULL;
    char *contact = contact_words(c[BRIEF_WEBSITE], c[BRIEF_EMAIL], c[BRIEF_PHONE],
                                  c[BRIEF_ADDRESS], c[BRIEF_CONTACT_NOTE], &contact_url);

    char *title = NULL, *url = NULL;
    const char *p = b->steps, *end = b->steps + b->steps_n;
    for (int pos = 0; p < end; pos++) {
        const char *t = p, *t_end = memchr(t, '\0', (size_t)(end - t));
        const char *u = t_end ? t_end + 1 : NULL;
        const char *u_end = u && u < end ? memchr(u, '\0', (size_t)(end - u)) : NULL;
        if (!u_end) {
            store_inconsistent(st, "a pathway's steps in its match index are damaged", e);
            break;
        }
        p = u_end + 1;
        if (step_done(t, a, exams))
            continue;
        /* Done or not is read from the file's words; the step is said in the reader's. */
        title = text_in_reader_language(st, b->rid, "steps", pos, NULL);
        if (!title)
            title = xstrdup(t);
        if (*u)
            url = xstrdup(u);
        break;
    }

    char *action, *place = NULL;
    const char *place_url = NULL;
    if (title && url) {
        action = title;
        place = url;
        place_url = url;
        title = url = NULL;
    } else if (title && contact) {
        action = xasprintf(_("%s; ask the program office"), title);
        place = xstrdup(contact);
        place_url = contact_url;
    } else if (contact) {
        action = xstrdup(_("Ask the program office"));
        place = xstrdup(contact);
        place_url = contact_url;
    } else {
        const char *source = c[BRIEF_SOURCE];
        const struct recalled *src = source ? source_of(st, mm, source, e) : NULL;
        const char *name = src && src->text ? src->text : source ? source : _("its source");
        action = title ? xasprintf(_("%s; see %s"), title, name) : xasprintf(_("See %s"), name);
        if (src && src->extra)
            place = xstrdup(src->extra);
        place_url = place;
    }
    /* TRANSLATORS: the next step and its place (a web address, a phone). */
    m->next_step = place ? xasprintf(_("%s: %s"), action, place) : xstrdup(action);
    m->next_url = place_url ? xstrdup(place_url) : NULL;
    free(action);
    free(place);
    free(title);
    free(url);
    free(contact);
}

/* Whether every region of a pathway (ids, comma-separated) is at the top of the tree. */
static bool national(struct store *st, const char *regions, struct err *e)
{
    if (!regions || !*regions)
        return false;
    sqlite3_stmt *s =
            store_stmt(st, STMT_MATCH_TOP, "SELECT parent IS NULL FROM region WHERE id = ?", e);
    if (!s)
        return false;
    bool all = true;
    char *copy = xstrdup(regions), *save = NULL;
    for (char *id = strtok_r(copy, ",", &save); id && all; id = strtok_r(NULL, ",", &save)) {
        sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            all = sqlite3_column_int(s, 0) != 0;
        else if (rc != SQLITE_DONE)
            failed(st, e);
        sqlite3_reset(s);
    }
    free(copy);
    return all;
}

/* national, remembered: most pathways of a run name one of the same few lists of places. */
static bool national_memo(struct store *st, struct memo *mm, const char *regions, struct err *e)
{
    struct recalled *r = memo_get(mm, RECALL_NATIONAL, regions ? regions : "");
    if (r)
        return r->value;
    bool all = national(st, regions, e);
    memo_put(mm, RECALL_NATIONAL, regions ? regions : "")->value = all;
    return all;
}

/* A pathway's rid and its place in the list. */
struct rid_at {
    uint32_t rid;
    size_t at;
};

static int by_rid(const void *x, const void *y)
{
    const struct rid_at *a = x, *b = y;
    return (a->rid > b->rid) - (a->rid < b->rid);
}

/* What match reads of a pathway: a pathway_brief row (store_fill.c), in this order. */
#define BRIEF_COLUMNS "goal, rid, regions, spec, brief"
enum { B_GOAL, B_RID, B_REGIONS, B_SPEC, B_BRIEF };

/* One run of match over the pathways of a list. */
struct brief_run {
    struct store *st;
    struct memo *memo;
    int format;
    const struct answers *answers;
    const struct exam_words *words;
    struct match *m;      /* the list's pathways, in its order */
    struct rid_at *order; /* their rids and places, by rid */
    size_t n;
    struct err *why;
};

static const char *column(sqlite3_stmt *s, int k)
{
    return (const char *)sqlite3_column_text(s, k);
}

/* s's row read into b; false (the store marked damaged, the reason in r->why) when its brief is
 * not one store_fill.c writes. */
static bool read_brief(struct brief_run *r, sqlite3_stmt *s, struct brief *b)
{
    b->rid = sqlite3_column_int64(s, B_RID);
    b->goal = column(s, B_GOAL);
    b->regions = column(s, B_REGIONS);
    const char *p = sqlite3_column_blob(s, B_BRIEF);
    const char *end = p ? p + sqlite3_column_bytes(s, B_BRIEF) : NULL;
    for (int k = 0; k < BRIEF_TEXTS; k++) {
        const char *nul = p && p < end ? memchr(p + 1, '\0', (size_t)(end - p - 1)) : NULL;
        if (!nul || (*p != '+' && *p != '-')) {
            store_inconsistent(r->st, "a pathway's row in its match index is damaged", r->why);
            return false;
        }
        b->text[k] = *p == '+' ? p + 1 : NULL;
        p = nul + 1;
    }
    b->steps = p;
    b->steps_n = (size_t)(end - p);
    return true;
}

static void judge_brief(struct brief_run *r, const struct brief *b, struct match *m, char *name);

/* The pathway in s's row judged into its place, when it is one of the list's and not judged
 * yet. */
static void take_brief(struct brief_run *r, sqlite3_stmt *s)
{
    int64_t rid = sqlite3_column_int64(s, B_RID);
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->order[mid].rid < rid)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == r->n || r->order[lo].rid != rid)
        return;
    struct match *m = &r->m[r->order[lo].at];
    struct brief b;
    if (!m->id && read_brief(r, s, &b))
        judge_brief(r, &b, m, text_in_reader_language(r->st, rid, "name", 0, NULL));
}

/* The pathway b judged into m; name is its name in the reader's language (taken; NULL: the
 * file's). */
static void judge_brief(struct brief_run *r, const struct brief *b, struct match *m, char *name)
{
    m->id = xstrdup(b->text[BRIEF_ID] ? b->text[BRIEF_ID] : "");
    m->name = name ? name : xstrdup(b->text[BRIEF_NAME] ? b->text[BRIEF_NAME] : "");
    m->status = b->text[BRIEF_STATUS] ? xstrdup(b->text[BRIEF_STATUS]) : NULL;
    m->goal = b->goal && *b->goal ? xstrdup(b->goal) : NULL;
    judge(r->st, r->memo, b->rid, b->text[BRIEF_REQUIRES], r->format, r->answers, m, r->why);
    if (!r->memo->verdicts_only)
        next_step(r->st, r->memo, b, r->answers, r->words, m, r->why);
    m->national = national_memo(r->st, r->memo, b->regions, r->why);
}

/* Step s to its end, judging the list's pathways among its rows. */
static void take_briefs(struct brief_run *r, sqlite3_stmt *s)
{
    int rc;
    while (!r->why->code && (rc = sqlite3_step(s)) == SQLITE_ROW)
        take_brief(r, s);
    if (!r->why->code && rc != SQLITE_DONE)
        failed(r->st, r->why);
    sqlite3_reset(s);
}

/* How many pathways the store has; -1 on failure. */
static int64_t pathways_total(struct store *st, struct err *e)
{
    sqlite3_stmt *s = store_stmt(st, STMT_MATCH_GOAL_COUNT, "SELECT total(n) FROM pathway_goal", e);
    if (!s)
        return -1;
    int64_t n = -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    else
        failed(st, e);
    sqlite3_reset(s);
    return n;
}

/* Judge the list's pathways (a person with no goal: query_rids's list) from pathway_brief.
 * Where they are an eighth or more of all pathways, every row is read in order, a dozen to a
 * page; a smaller list is looked up pathway by pathway. */
static void read_briefs(struct brief_run *r)
{
    struct store *st = r->st;
    if (!r->n)
        return;
    int64_t rows = pathways_total(st, r->why);
    if (rows < 0)
        return;
    if ((int64_t)r->n * 8 < rows) {
        sqlite3_stmt *s =
                store_stmt(st, STMT_MATCH_BRIEF_RID,
                           "SELECT " BRIEF_COLUMNS " FROM pathway_brief WHERE rid = ?", r->why);
        for (size_t i = 0; s && i < r->n && !r->why->code; i++) {
            sqlite3_bind_int64(s, 1, r->order[i].rid);
            take_briefs(r, s);
        }
        return;
    }
    sqlite3_stmt *s = store_stmt(st, STMT_MATCH_BRIEF_ALL,
                                 "SELECT " BRIEF_COLUMNS " FROM pathway_brief NOT INDEXED", r->why);
    if (s)
        take_briefs(r, s);
}

/* Where region id r puts a pathway in the list of a person in region person (query.c's rule,
 * spec/dataset.md's "Filter semantics"): r's depth + 1 when r is that region, lies under it or
 * above it; else 0 (not in the list for r). */
static int place_of(struct store *st, struct memo *mm, const char *person, const char *r,
                    struct err *e)
{
    struct recalled *known = memo_get(mm, RECALL_PLACE, r);
    if (known)
        return known->value;
    sqlite3_stmt *s = store_stmt(
            st, STMT_MATCH_PLACE,
            "SELECT depth + 1 FROM region WHERE id = ?1 AND (EXISTS (SELECT 1 FROM region_closure"
            " WHERE ancestor = ?2 AND descendant = ?1) OR EXISTS (SELECT 1 FROM region_closure"
            " WHERE ancestor = ?1 AND descendant = ?2))",
            e);
    int place = 0;
    if (s) {
        sqlite3_bind_text(s, 1, r, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, person, -1, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            place = sqlite3_column_int(s, 0);
        else if (rc != SQLITE_DONE)
            failed(st, e);
        sqlite3_reset(s);
    }
    memo_put(mm, RECALL_PLACE, r)->value = place;
    return place;
}

/* Where a pathway's regions (ids, comma-separated; NULL for none) put it in the list of a person
 * in region person: the most specific place_of of any, 0 when none is in the list. */
static int places_of(struct store *st, struct memo *mm, const char *person, const char *regions,
                     struct err *e)
{
    if (!regions)
        return 0;
    struct recalled *known = memo_get(mm, RECALL_PLACES, regions);
    if (known)
        return known->value;
    int place = 0;
    char *copy = xstrdup(regions), *save = NULL;
    for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
        int p = place_of(st, mm, person, id, e);
        place = p > place ? p : place;
    }
    free(copy);
    memo_put(mm, RECALL_PLACES, regions)->value = place;
    return place;
}

/* The zone of region id (store_fill.c's pathway_brief): the region just under the top of the
 * tree that it is or lies under; NULL (e's code 0) for a region at the top. A new string. */
static char *zone_of(struct store *st, const char *id, struct err *e)
{
    sqlite3_stmt *s = store_stmt(st, STMT_MATCH_ZONE,
                                 "SELECT c.ancestor FROM region_closure c JOIN region r"
                                 " ON r.id = c.ancestor WHERE c.descendant = ?1 AND r.depth = 1",
                                 e);
    if (!s)
        return NULL;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    char *zone = NULL;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        zone = xstrdup(column(s, 0) ? column(s, 0) : "");
    else if (rc != SQLITE_DONE)
        failed(st, e);
    sqlite3_reset(s);
    return zone;
}

/* A set of rids (none is 0): open-addressed, grown at half full. */
struct rid_set {
    uint32_t *slot;
    size_t cap, n;
};

/* Add rid to set: false when it was there already. */
static bool rid_set_add(struct rid_set *set, uint32_t rid)
{
    if (2 * (set->n + 1) > set->cap) {
        struct rid_set bigger = {.cap = set->cap ? 2 * set->cap : 1024};
        bigger.slot = xcalloc(bigger.cap, sizeof *bigger.slot);
        for (size_t i = 0; i < set->cap; i++)
            if (set->slot[i])
                rid_set_add(&bigger, set->slot[i]);
        free(set->slot);
        *set = bigger;
    }
    size_t j = (rid * 2654435761u) & (set->cap - 1);
    for (; set->slot[j]; j = (j + 1) & (set->cap - 1))
        if (set->slot[j] == rid)
            return false;
    set->slot[j] = rid;
    set->n++;
    return true;
}

/* A pathway of a person's goals, judged, with what orders the list. */
struct listed {
    struct match m;
    int place;   /* the depth of its deepest region that counts, + 1 */
    char *order; /* its name as lists order it in the reader's language */
    int64_t rid;
};

/* The list's order (query.c's): the most specific region first, then the name as the reader
 * reads it (folded), id and rid. */
static int by_list_order(const void *x, const void *y)
{
    const struct listed *a = x, *b = y;
    if (a->place != b->place)
        return b->place - a->place;
    int c = strcmp(a->order, b->order);
    if (!c)
        c = strcmp(a->m.id, b->m.id);
    return c ? c : (a->rid > b->rid) - (a->rid < b->rid);
}

/* The list of a person with goals, made and judged from the match index alone: each goal's
 * pathways are read in rid order (a dozen to a page), kept when one of their regions is the
 * person's, under it or above it (every one with no region given), then ordered as the list
 * orders them. The same list as query_rids gives (unit/match checks both against each other),
 * without reading the list index's postings and name order for every entry. */
static void read_goals(struct brief_run *r, struct listed **out, size_t *n)
{
    const struct answers *a = r->answers;
    struct listed *v = NULL;
    size_t count = 0, room = 0;
    /* A person in a region reads two zones, theirs and the top's; else (a person at the top, or
     * with no region) every row of the goal. A pathway in both is taken once. */
    char *zone = a->region ? zone_of(r->st, a->region, r->why) : NULL;
    sqlite3_stmt *s =
            zone ? store_stmt(r->st, STMT_MATCH_BRIEF_ZONE,
                              "SELECT " BRIEF_COLUMNS " FROM pathway_brief"
                              " WHERE goal = ?1 AND zone IN ('', ?2)",
                              r->why)
                 : store_stmt(r->st, STMT_MATCH_BRIEF_GOAL,
                              "SELECT " BRIEF_COLUMNS " FROM pathway_brief WHERE goal = ?1",
                              r->why);
    struct rid_set taken = {0};
    for (size_t g = 0; s && g < a->n_goals && !r->why->code; g++) {
        bool again = false;
        for (size_t k = 0; k < g; k++)
            again = again || strcmp(a->goals[k], a->goals[g]) == 0;
        if (again)
            continue;
        sqlite3_bind_text(s, 1, a->goals[g], -1, SQLITE_STATIC);
        if (zone)
            sqlite3_bind_text(s, 2, zone, -1, SQLITE_STATIC);
        int rc;
        while (!r->why->code && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            int place = a->region
                                ? places_of(r->st, r->memo, a->region, column(s, B_REGIONS), r->why)
                                : sqlite3_column_int(s, B_SPEC) + 1;
            if (!place || !rid_set_add(&taken, (uint32_t)sqlite3_column_int64(s, B_RID)))
                continue;
            struct brief b;
            if (!read_brief(r, s, &b))
                break;
            if (count == room) {
                room = room ? 2 * room : 64;
                v = xrealloc(v, room * sizeof *v);
            }
            struct listed *l = &v[count++];
            *l = (struct listed){.place = place, .rid = b.rid};
            /* The name in the reader's language and its folded form, which orders it. */
            char *name = text_in_reader_language(r->st, l->rid, "name", 0, &l->order);
            if (!l->order)
                l->order = xstrdup(b.text[BRIEF_SORT_KEY] ? b.text[BRIEF_SORT_KEY] : "");
            judge_brief(r, &b, &l->m, name);
        }
        if (!r->why->code && rc != SQLITE_DONE)
            failed(r->st, r->why);
        sqlite3_reset(s);
    }
    free(taken.slot);
    free(zone);
    if (count)
        qsort(v, count, sizeof *v, by_list_order);
    *out = v;
    *n = count;
}

static void match_finish(struct match *m);

/* Where m's verdict ranks it: by verdict, then by the number of rules unmet. */
static size_t rank_of(const struct match *m)
{
    return (size_t)m->verdict * (REQ_COUNT + 1) + (size_t)bits(m->unmet);
}

static int run_once(struct store *st, const struct answers *a, bool verdicts_only,
                    struct match **out, size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    /* The names in the reader's language where the data has them (tsv and json are made in
     * English: no language then). */
    const char *lang = i18n_french() ? i18n_lang() : NULL;
    /* With no goal, the list is the query module's (with goals, read_goals makes it). */
    uint32_t *rids = NULL;
    size_t count = 0;
    if (!a->n_goals) {
        struct query q = {.region = a->region, .kinds = KIND_PATHWAY, .lang = lang};
        int rc = query_rids(st, &q, &rids, &count, e);
        if (rc != 0)
            return rc;
    }
    /* Every failure on the way is kept here, so that none is lost when e is NULL. */
    struct err why = {0};
    struct vocab_list exams = {0};
    vocab_list(st, VOCAB_EXAM, &exams, &why);
    struct exam_words words;
    exam_words_init(&words, &exams, a);
    vocab_list_finish(&exams);
    struct memo mm = {.share = true, .verdicts_only = verdicts_only};
    struct brief_run r = {.st = st,
                          .memo = &mm,
                          .format = format_of(st),
                          .answers = a,
                          .words = &words,
                          .why = &why};
    /* The list's pathways, judged where they lie (listed's or m's), and in its order. */
    struct listed *listed = NULL;
    struct match *m = NULL, **in_order;
    if (a->n_goals) {
        read_goals(&r, &listed, &count);
        in_order = xmalloc((count ? count : 1) * sizeof *in_order);
        for (size_t i = 0; i < count; i++) {
            in_order[i] = &listed[i].m;
            free(listed[i].order);
        }
    } else {
        m = r.m = xcalloc(count ? count : 1, sizeof *m);
        /* Judged in rid order, each into its place in the list's. */
        r.order = xmalloc((count ? count : 1) * sizeof *r.order);
        for (size_t i = 0; i < count; i++)
            r.order[i] = (struct rid_at){rids[i], i};
        r.n = count;
        qsort(r.order, count, sizeof *r.order, by_rid);
        read_briefs(&r);
        for (size_t i = 0; i < count && !why.code; i++)
            if (!m[i].id)
                store_inconsistent(st, "its list index names a pathway its match index lacks",
                                   &why);
        free(r.order);
        in_order = xmalloc((count ? count : 1) * sizeof *in_order);
        for (size_t i = 0; i < count; i++)
            in_order[i] = &m[i];
    }
    /* The judgements the pathways share outlive the run's memo. */
    struct match_judgements *kept = mm.kept;
    mm.kept = NULL;
    memo_finish(&mm);
    exam_words_finish(&words);
    free(rids);
    struct match *sorted = NULL;
    if (!why.code) {
        /* A stable sort (counting, by verdict then the number unmet) keeps the list's order
         * (most specific region, then name) within a rank. */
        size_t start[VERDICT_COUNT * (REQ_COUNT + 1) + 1] = {0};
        for (size_t i = 0; i < count; i++)
            start[rank_of(in_order[i]) + 1]++;
        for (size_t b = 1; b < sizeof start / sizeof *start; b++)
            start[b] += start[b - 1];
        sorted = xcalloc(count ? count : 1, sizeof *sorted);
        for (size_t i = 0; i < count; i++)
            sorted[start[rank_of(in_order[i])]++] = *in_order[i];
        /* The judgements go with the pathways that share them. */
        if (count) {
            sorted[0].judgements = kept;
            kept = NULL;
        }
    } else {
        for (size_t i = 0; i < count; i++)
            match_finish(in_order[i]); /* those not reached are all zero */
    }
    judgements_free(kept);
    free(in_order);
    free(listed);
    free(m);
    if (why.code) {
        if (e)
            *e = why;
        return why.code;
    }
    m = sorted;
    /* A national pathway beside a route of the same goal open where the person lives is the
     * national picture of that route, not a rival verdict: it is shown after the first one. */
    for (size_t i = 0; i < count; i++) {
        if (!m[i].national || !m[i].goal)
            continue;
        for (size_t k = 0; k < count; k++)
            if (!m[k].national && m[k].goal && strcmp(m[k].goal, m[i].goal) == 0) {
                m[i].context = true;
                m[i].anchor = k;
                break;
            }
    }
    *out = m;
    *n = count;
    return 0;
}

int match_run(struct store *st, const struct answers *a, struct match **out, size_t *n,
              struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = run_once(st, a, false, out, n, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

int match_verdicts(struct store *st, const struct answers *a, struct match **out, size_t *n,
                   struct err *e)
{
    int rc;
    store_begin(st);
    do
        rc = run_once(st, a, true, out, n, e);
    while (store_again(st, rc != 0, e));
    return rc;
}

/* Free what one match holds. */
static void match_finish(struct match *m)
{
    free(m->id);
    free(m->name);
    free(m->status);
    free(m->goal);
    for (size_t k = 0; !m->shared && k < m->n_reasons; k++) {
        free(m->reasons[k]);
        free(m->rules[k].rule);
        free(m->rules[k].phrase);
    }
    if (!m->shared) {
        free(m->reasons);
        free(m->rules);
        free(m->note);
        free(m->why);
    }
    judgements_free(m->judgements);
    free(m->next_step);
    free(m->next_url);
}

void match_destroy(struct match *m, size_t n)
{
    for (size_t i = 0; m && i < n; i++)
        match_finish(&m[i]);
    free(m);
}

const char *match_reason_kind(const struct match *m, size_t k)
{
    /* TRANSLATORS: whether a rule is met by the answers ("not yet": not met yet). */
    return k < m->n_met                ? C_("rule", "met")
           : k < m->n_met + m->n_unmet ? C_("rule", "not yet")
                                       : C_("rule", "unknown");
}

size_t match_count(const struct match *m, size_t n, enum verdict v)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !m[i].context && m[i].verdict == v;
    return k;
}

/* The first letter of s in small letters, where it follows a label ("Verdict: check: ..."):
 * ASCII, and a Latin-1 capital in UTF-8 ("À vérifier" in French). */
static void lower_first(char *s)
{
    unsigned char *u = (unsigned char *)s;
    if (u[0] >= 'A' && u[0] <= 'Z')
        u[0] = (unsigned char)(u[0] - 'A' + 'a');
    else if (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97)
        u[1] = (unsigned char)(u[1] + 0x20);
}

/* The next step as a field, its web address on a line of its own (whole, never wrapped). */
static void next_step_lines(struct doc *d, const struct match *m)
{
    const char *url = m->next_url;
    const char *at = url ? strstr(m->next_step, url) : NULL;
    if (!at) {
        doc_add(d, DOC_FIELD, _("Next step"), m->next_step, NULL, NULL, 0);
        return;
    }
    char *action = copy_n(m->next_step, (size_t)(at - m->next_step));
    size_t n = strlen(action);
    while (n && action[n - 1] == ' ')
        action[--n] = '\0';
    doc_add(d, DOC_FIELD, _("Next step"), action, NULL, NULL, 0);
    doc_add(d, DOC_URL, NULL, url, NULL, NULL, 4);
    const char *rest = at + strlen(url);
    if (*rest)
        doc_add(d, DOC_TEXT, NULL, rest + strspn(rest, " "), NULL, NULL, 0);
    free(action);
}

void match_doc(struct doc *d, const struct match *m, bool with_id)
{
    char *title = with_id ? xasprintf("%s (%s)", m->name, m->id) : xstrdup(m->name);
    doc_add(d, DOC_HEADING, NULL, title, NULL, NULL, 0);
    free(title);
    /* The verdict is the why, as a counsellor would say it: it never claims more than the rules
     * on record. */
    char *verdict = xstrdup(m->why ? m->why : match_verdict_words(m->verdict));
    lower_first(verdict);
    doc_add(d, DOC_FIELD, _("Verdict"), verdict, NULL, NULL, 0);
    free(verdict);
    doc_add(d, DOC_FIELD, _("Status"), entry_status_words(m->status), NULL, NULL, 0);
    /* Each reason says in words what the screen marks with a symbol: read aloud or printed,
     * a missing requirement must not read like a met one. */
    for (size_t k = 0; k < m->n_reasons; k++)
        doc_add(d, DOC_BULLET, match_reason_kind(m, k), m->reasons[k], NULL, NULL, 0);
    if (!m->why_has_note)
        doc_add(d, DOC_FIELD, _("Note"), m->note, NULL, NULL, 0);
    if (m->next_step)
        next_step_lines(d, m);
}

void match_context_doc(struct doc *d, const struct match *c, const struct match *route,
                       bool with_id)
{
    char *title = with_id ? xasprintf("%s (%s)", c->name, c->id) : xstrdup(c->name);
    doc_add(d, DOC_HEADING, NULL, title, NULL, NULL, 0);
    free(title);
    char *what = xasprintf(_("shown for context beside %s, above, which leads to the same goal "
                             "where you live; that route is the one judged."),
                           route->name);
    doc_add(d, DOC_FIELD, _("Across Canada"), what, NULL, NULL, 0);
    free(what);
    doc_add(d, DOC_FIELD, _("Status"), entry_status_words(c->status), NULL, NULL, 0);
    doc_add(d, DOC_FIELD, _("Note"), c->note, NULL, NULL, 0);
    if (c->next_step)
        next_step_lines(d, c);
}

void match_results_doc(struct doc *d, const struct match *m, size_t n, bool with_id, bool headed,
                       void (*after)(struct doc *d, const struct match *m, void *arg), void *arg)
{
    for (int v = 0; v < VERDICT_COUNT; v++) {
        size_t count = match_count(m, n, (enum verdict)v);
        if (headed && count) {
            /* TRANSLATORS: a verdict's heading and how many pathways have it. */
            char *h = xasprintf(_("%s (%zu)"), match_verdict_heading((enum verdict)v), count);
            doc_add(d, DOC_SECTION, NULL, h, NULL, NULL, 0);
            free(h);
        }
        for (size_t i = 0; i < n; i++) {
            if (m[i].context || m[i].verdict != (enum verdict)v)
                continue;
            match_doc(d, &m[i], with_id);
            if (after)
                after(d, &m[i], arg);
            for (size_t k = 0; k < n; k++)
                if (m[k].context && m[k].anchor == i) {
                    match_context_doc(d, &m[k], &m[i], with_id);
                    if (after)
                        after(d, &m[k], arg);
                }
        }
    }
}

/* ---- a pathway's rules, for its detail ---- */

/* Where the headings of the parts after the rules begin: the rules go before the first. */
static size_t rules_position(const struct doc *d)
{
    static const char *const after[] = {N_("Steps"), N_("What advocates ask for"),
                                        N_("Contact and links"), N_("Linked"), N_("Source")};
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].style == DOC_HEADING)
            for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
                if (strcmp(d->v[i].text, _(after[k])) == 0)
                    return i;
    return d->n;
}

void match_rules_into(struct doc *d, struct store *st, const struct entry *e,
                      const struct answers *a, struct err *err)
{
    if (strcmp(e->kind, "pathway") != 0)
        return;
    struct answers none;
    match_answers_init(&none);
    bool answered = a && match_answers_any(a);
    struct match m = {0};
    struct memo mm = {0};
    judge(st, &mm, e->rid, e->requires, e->format, answered ? a : &none, &m, err);
    memo_finish(&mm);
    struct doc r = {0};
    doc_add(&r, DOC_HEADING, NULL, _("Rules on record"), NULL, NULL, 0);
    char *intro;
    if (!m.has_requires)
        intro = xstrdup(_("None that answers can be compared with: ask the program what it asks."));
    else if (m.complete)
        intro = xstrdup(m.n_reasons == 1
                                ? _("This rule is the program's whole published eligibility.")
                                : _("These rules are the program's whole published eligibility."));
    else
        intro = xasprintf(ngettext("%zu rule on record; not the program's whole eligibility.",
                                   "%zu rules on record; not the program's whole eligibility.",
                                   m.n_reasons),
                          m.n_reasons);
    doc_add(&r, DOC_TEXT, NULL, intro, NULL, NULL, 0);
    free(intro);
    bool judged = answered && m.has_requires;
    if (judged) {
        /* The kind in the text, not a label: every view says it, the screen's too. */
        for (size_t k = 0; k < m.n_reasons; k++) {
            char *t = xasprintf(_("%s: %s"), match_reason_kind(&m, k), m.reasons[k]);
            doc_add(&r, DOC_BULLET, NULL, t, NULL, NULL, 0);
            free(t);
        }
        char *verdict = xstrdup(m.why);
        lower_first(verdict);
        doc_add(&r, DOC_FIELD, _("For your answers"), verdict, NULL, NULL, 0);
        free(verdict);
    } else {
        /* Nothing answered: the rules as the pathway states them, in dataset.md's order. */
        static const unsigned order[] = {REQ_STATUS,   REQ_EXAMS,    REQ_LANGUAGE, REQ_DISCIPLINE,
                                         REQ_POSTGRAD, REQ_PRACTICE, REQ_RECENCY,  REQ_RESIDENCE};
        for (size_t o = 0; o < sizeof order / sizeof order[0]; o++)
            for (size_t k = 0; k < m.n_reasons; k++)
                if (m.rules[k].key == order[o])
                    doc_add(&r, DOC_BULLET, NULL, m.rules[k].rule, NULL, NULL, 0);
    }
    if (!(judged && m.why_has_note))
        doc_add(&r, DOC_FIELD, m.has_requires ? _("The program also asks") : _("It says"), m.note,
                NULL, NULL, 0);
    /* Where the rules come from; with no rule on record, the Source part says it. */
    if (!m.has_requires) {
        doc_insert(d, rules_position(d), &r);
        doc_finish(&r);
        match_finish(&m);
        return;
    }
    struct sb from = {0};
    sb_add(&from, e->source.name ? e->source.name : e->source.id ? e->source.id : _("not stated"));
    if (e->source.kind)
        sb_addf(&from, " (%s)", e->source.kind);
    char *when = doc_as_of(e);
    sb_addf(&from, ", %s", when);
    free(when);
    doc_add(&r, DOC_FIELD, _("Rules from"), sb_str(&from), NULL, NULL, 0);
    sb_finish(&from);
    if (e->source.note)
        doc_add(&r, DOC_URL, NULL, e->source.note, NULL, NULL, 2);
    doc_insert(d, rules_position(d), &r);
    doc_finish(&r);
    match_finish(&m);
}

void match_support_query(const struct answers *a, struct query *q)
{
    *q = (struct query){.kinds = KIND_SUPPORTS,
                        .region = a->region,
                        .lang = i18n_french() ? i18n_lang() : NULL};
    for (size_t i = 0; i < a->n_goals && i < QUERY_MAX_VALUES; i++)
        q->goals[q->n_goals++] = a->goals[i];
}
