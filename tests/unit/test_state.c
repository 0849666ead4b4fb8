/* test_state.c: the person's state (shortlist, notes, answers) in its own SQLite file, the
 * profile's saving and words, and the handout built from them, on tests/fixtures/unit-match.json.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <signal.h>

#include "common.h"
#include "handout.h"
#include "profile.h"
#include "state.h"
#include "text.h"
#include "util.h"

static char dir[] = "/tmp/itpnav-unit-state.XXXXXX";
static struct store *st;

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static struct state *open_file(const char *name)
{
    char *p = path_in(name);
    struct state *s = NULL;
    struct err e = {0};
    if (state_open(p, &s, &e) != 0)
        fprintf(stderr, "  state_open %s: %s\n", p, e.msg);
    free(p);
    return s;
}

static void test_setup(void)
{
    CHECK(mkdtemp(dir) != NULL);
    CHECK(memory_store("unit-match.json", &st));
}

static void test_add_remove_order(void)
{
    struct state *s = open_file("a.db");
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK_INT(state_count(s), 0);
    CHECK_INT(state_add(s, "many", "pathway", "Many", NULL), 0);
    CHECK_INT(state_add(s, "helper", "support", "Helper", NULL), 0);
    CHECK_INT(state_add(s, "open", "pathway", "Open", NULL), 0);
    CHECK_INT(state_add(s, "many", "pathway", "Many again", NULL), 0); /* no duplicate */
    CHECK_INT(state_count(s), 3);
    CHECK(state_has(s, "many", "pathway"));
    CHECK(!state_has(s, "many", "support"));  /* a support and a pathway may share an id */
    CHECK_INT(state_move(s, 2, -2, NULL), 0); /* open to the top */
    CHECK_INT(state_move(s, 1, 5, NULL), 0);  /* many to the bottom (clamped) */
    struct state_item *v;
    size_t n;
    CHECK_INT(state_items(s, NULL, &v, &n, NULL), 0);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(v[0].id, "open");
        CHECK_STR(v[1].id, "helper");
        CHECK_STR(v[2].id, "many");
        CHECK_STR(v[2].name, "Many");
    }
    state_items_destroy(v, n);
    CHECK_INT(state_remove(s, "helper", "support", NULL), 0);
    CHECK_INT(state_count(s), 2);
    state_destroy(s);
}

static void test_persists_with_notes(void)
{
    struct state *s = open_file("b.db");
    CHECK(s != NULL);
    if (!s)
        return;
    state_add(s, "bravo", "pathway", "Bravo", NULL);
    state_add(s, "helper", "support", "Helper", NULL);
    CHECK_INT(state_set_note(s, "bravo", "pathway", "call Tuesday", NULL), 0);
    struct profile p;
    profile_init(&p);
    snprintf(p.region, sizeof p.region, "ontario");
    p.postgrad_years = 2.5;
    p.exams_known = true;
    CHECK_INT(state_save_profile(s, &p, NULL), 0);
    state_destroy(s);

    s = open_file("b.db"); /* a restart */
    struct state_item *v;
    size_t n;
    CHECK_INT(state_items(s, NULL, &v, &n, NULL), 0);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(v[0].id, "bravo");
        CHECK_STR(v[0].note, "call Tuesday");
        CHECK_STR(v[1].note, "");
    }
    state_items_destroy(v, n);
    struct profile q;
    CHECK_INT(state_load_profile(s, &q, NULL), 0);
    CHECK_STR(q.region, "ontario");
    CHECK(q.postgrad_years == 2.5);
    CHECK(q.exams_known && q.n_exams == 0); /* "none yet" is an answer */
    CHECK(q.practice_years < 0);
    state_destroy(s);

    /* The file is the person's alone. */
    char *file = path_in("b.db");
    struct stat sb;
    CHECK(stat(file, &sb) == 0 && (sb.st_mode & 077) == 0);
    free(file);
}

static void test_vanished_entry_stays(void)
{
    struct state *s = open_file("c.db");
    state_add(s, "gone-away", "pathway", "A pathway that was", NULL);
    state_set_note(s, "gone-away", "pathway", "ask about it", NULL);
    state_add(s, "many", "pathway", "An old name", NULL);
    struct state_item *v;
    size_t n;
    CHECK_INT(state_items(s, st, &v, &n, NULL), 0);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(!v[0].listed);
        CHECK_STR(v[0].name, "A pathway that was");
        CHECK_STR(v[0].note, "ask about it");
        CHECK(v[1].listed);
        CHECK(strcmp(v[1].name, "An old name") != 0); /* refreshed from the data */
    }
    state_items_destroy(v, n);
    state_destroy(s);
}

static void test_clear(void)
{
    struct state *s = open_file("d.db");
    state_add(s, "many", "pathway", "Many", NULL);
    struct profile p;
    profile_init(&p);
    p.language_test = 1;
    state_save_profile(s, &p, NULL);
    CHECK_INT(state_clear(s, NULL), 0);
    CHECK_INT(state_count(s), 0);
    struct profile q;
    state_load_profile(s, &q, NULL);
    CHECK(profile_empty(&q));
    state_destroy(s);
}

/* The ids of the shortlist in order, joined by spaces, and the note of id (or "-"). */
static void order_and_note(struct state *s, const char *id, char *ids, size_t n, char *note,
                           size_t nn)
{
    struct state_item *v = NULL;
    size_t count = 0;
    ids[0] = '\0';
    snprintf(note, nn, "-");
    if (state_items(s, NULL, &v, &count, NULL) != 0)
        return;
    size_t len = 0;
    for (size_t i = 0; i < count; i++) {
        len += (size_t)snprintf(ids + len, len < n ? n - len : 0, "%s%s", i ? " " : "", v[i].id);
        if (strcmp(v[i].id, id) == 0)
            snprintf(note, nn, "%s", v[i].note);
    }
    state_items_destroy(v, count);
}

static void test_undo(void)
{
    struct state *s = open_file("undo.db");
    CHECK(s != NULL);
    if (!s)
        return;
    char ids[256], note[64];
    state_add(s, "a", "support", "A", NULL);
    state_add(s, "b", "pathway", "B", NULL);
    state_add(s, "c", "support", "C", NULL);
    state_add(s, "d", "support", "D", NULL);
    state_set_note(s, "b", "pathway", "call Tuesday", NULL);
    CHECK_INT(state_undo_count(s), 0);
    CHECK_INT(state_remove(s, "b", "pathway", NULL), 0);
    CHECK_INT(state_remove(s, "d", "support", NULL), 0);
    CHECK_INT(state_undo_count(s), 2);
    order_and_note(s, "b", ids, sizeof ids, note, sizeof note);
    CHECK_STR(ids, "a c");
    state_destroy(s);

    s = open_file("undo.db"); /* an undo survives a restart */
    struct state_item it;
    CHECK_INT(state_undo(s, &it, NULL), 0); /* the last removed first */
    CHECK_STR(it.id, "d");
    state_item_finish(&it);
    CHECK_INT(state_undo(s, &it, NULL), 0);
    CHECK_STR(it.id, "b");
    CHECK_STR(it.note, "call Tuesday");
    state_item_finish(&it);
    order_and_note(s, "b", ids, sizeof ids, note, sizeof note);
    CHECK_STR(ids, "a b c d"); /* each at the place it had */
    CHECK_STR(note, "call Tuesday");
    struct err e = {0};
    CHECK_INT(state_undo(s, NULL, &e), EXIT_USAGE);
    CHECK(strstr(e.msg, "nothing") != NULL);

    /* Taken off, added again without the note, then undone: it stays, with its note back. */
    state_remove(s, "b", "pathway", NULL);
    state_add(s, "b", "pathway", "B", NULL);
    CHECK_INT(state_undo(s, NULL, NULL), 0);
    order_and_note(s, "b", ids, sizeof ids, note, sizeof note);
    CHECK_STR(ids, "a c d b");
    CHECK_STR(note, "call Tuesday");

    /* The first of a list, and a list that got shorter meanwhile. */
    state_remove(s, "a", "support", NULL);
    state_remove(s, "c", "support", NULL);
    state_remove(s, "d", "support", NULL);
    CHECK_INT(state_undo(s, NULL, NULL), 0); /* d was first of "d b": first again */
    order_and_note(s, "b", ids, sizeof ids, note, sizeof note);
    CHECK_STR(ids, "d b");
    CHECK_INT(state_undo(s, NULL, NULL), 0);
    CHECK_INT(state_undo(s, NULL, NULL), 0);
    order_and_note(s, "b", ids, sizeof ids, note, sizeof note);
    CHECK_STR(ids, "a c d b");

    /* Only the last 50 removals are kept; a new client forgets them all. */
    for (int i = 0; i < 60; i++) {
        char id[16];
        snprintf(id, sizeof id, "x%d", i);
        state_add(s, id, "support", id, NULL);
        state_remove(s, id, "support", NULL);
    }
    CHECK_INT(state_undo_count(s), 50);
    CHECK_INT(state_clear(s, NULL), 0);
    CHECK_INT(state_undo_count(s), 0);
    state_destroy(s);
}

static void test_two_instances(void)
{
    struct state *a = open_file("e.db"), *b = open_file("e.db");
    CHECK(a && b);
    if (!a || !b)
        return;
    state_add(a, "many", "pathway", "Many", NULL);
    CHECK(state_has(b, "many", "pathway"));
    state_set_note(b, "many", "pathway", "from b", NULL);
    struct state_item *v;
    size_t n;
    state_items(a, NULL, &v, &n, NULL);
    CHECK(n == 1 && strcmp(v[0].note, "from b") == 0);
    state_items_destroy(v, n);
    state_destroy(a);
    state_destroy(b);
}

/* A second connection that holds path's write lock (BEGIN EXCLUSIVE), as another program would. */
static sqlite3 *hold_lock(const char *name)
{
    char *p = path_in(name);
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(p, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK);
    free(p);
    return db;
}

static void release_lock(sqlite3 *db)
{
    CHECK(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
}

/* D13: the file locked at start: the session goes on in memory, waiting; once the lock goes,
 * the file's entries and what was done meanwhile are both in it. */
static void test_locked_at_start(void)
{
    struct state *s = open_file("locked.db");
    CHECK(s != NULL);
    if (!s)
        return;
    char id[16];
    for (int i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "e%02d", i);
        CHECK_INT(state_add(s, id, "support", id, NULL), 0);
    }
    CHECK_INT(state_set_note(s, "e05", "support", "file note", NULL), 0);
    struct profile p;
    profile_init(&p);
    snprintf(p.region, sizeof p.region, "alberta");
    CHECK_INT(state_save_profile(s, &p, NULL), 0);
    state_destroy(s);

    sqlite3 *holder = hold_lock("locked.db");
    s = open_file("locked.db");
    CHECK(s != NULL);
    if (!s) {
        release_lock(holder);
        return;
    }
    CHECK(state_waiting(s));
    CHECK(!state_in_memory(s));
    CHECK(!state_unsaved(s));
    CHECK_INT(state_count(s), 0); /* the file's entries cannot be read yet */
    CHECK_INT(state_add(s, "new", "pathway", "New", NULL), 0);
    CHECK_INT(state_set_note(s, "new", "pathway", "added while locked", NULL), 0);
    CHECK_INT(state_add(s, "e05", "support", "e05", NULL), 0);
    CHECK_INT(state_set_note(s, "e05", "support", "memory note", NULL), 0);
    CHECK(state_unsaved(s));
    struct err e = {0};
    CHECK_INT(state_retry_wait(s, 0, &e), 0); /* still locked */
    CHECK(state_waiting(s));

    release_lock(holder);
    CHECK_INT(state_retry_wait(s, 0, &e), 1);
    CHECK(!state_waiting(s));
    CHECK(!state_in_memory(s));
    CHECK_INT(state_count(s), 31);
    struct state_item *v;
    size_t n;
    CHECK_INT(state_items(s, NULL, &v, &n, NULL), 0);
    CHECK_INT(n, 31);
    if (n == 31) {
        CHECK_STR(v[0].id, "e00");
        CHECK_STR(v[5].note, "file note; memory note");
        CHECK_STR(v[30].id, "new");
        CHECK_STR(v[30].note, "added while locked");
    }
    state_items_destroy(v, n);
    struct profile q;
    CHECK_INT(state_load_profile(s, &q, NULL), 0);
    CHECK_STR(q.region, "alberta"); /* no answers saved meanwhile: the file's stay */
    /* From now on the file is used: a restart sees everything. */
    CHECK_INT(state_add(s, "later", "support", "Later", NULL), 0);
    state_destroy(s);
    s = open_file("locked.db");
    CHECK(s && !state_waiting(s));
    CHECK_INT(s ? state_count(s) : 0, 32);
    state_destroy(s);
}

/* A change tries the file first; answers and a New client made while waiting win. */
static void test_locked_then_change(void)
{
    sqlite3 *holder = hold_lock("locked.db");
    struct state *s = open_file("locked.db");
    CHECK(s && state_waiting(s));
    if (!s) {
        release_lock(holder);
        return;
    }
    CHECK_INT(state_clear(s, NULL), 0); /* a new client */
    struct profile p;
    profile_init(&p);
    snprintf(p.region, sizeof p.region, "ontario");
    CHECK_INT(state_save_profile(s, &p, NULL), 0);
    CHECK_INT(state_add(s, "first", "support", "First", NULL), 0);
    CHECK_INT(state_remove(s, "first", "support", NULL), 0);
    CHECK(state_waiting(s));
    release_lock(holder);
    /* The next change finds the file free, merges, and goes there. */
    CHECK_INT(state_add(s, "second", "support", "Second", NULL), 0);
    CHECK(!state_waiting(s));
    CHECK_INT(state_count(s), 1); /* the old client's 32 are gone, as New client asked */
    CHECK(state_has(s, "second", "support"));
    struct profile q;
    CHECK_INT(state_load_profile(s, &q, NULL), 0);
    CHECK_STR(q.region, "ontario");
    CHECK_INT(state_undo_count(s), 1); /* the removal made while waiting can be undone */
    CHECK_INT(state_undo(s, NULL, NULL), 0);
    CHECK(state_has(s, "first", "support"));
    state_destroy(s);
}

static void test_memory_and_errors(void)
{
    struct state *s = NULL;
    struct err e = {0};
    CHECK_INT(state_open(NULL, &s, &e), 0);
    CHECK(state_in_memory(s));
    state_add(s, "open", "pathway", "Open", NULL);
    CHECK_INT(state_count(s), 1);
    state_destroy(s);
    /* A file that is not a database: an error naming it, and the file left as it was. */
    char *junk = path_in("junk.db");
    FILE *f = fopen(junk, "w");
    fputs("this is not a database, and it holds someone's words\n", f);
    fclose(f);
    s = NULL;
    CHECK(state_open(junk, &s, &e) != 0);
    CHECK(s == NULL);
    CHECK(e.code && strstr(e.msg, junk));
    f = fopen(junk, "r");
    char line[128] = "";
    CHECK(f && fgets(line, sizeof line, f));
    CHECK(strncmp(line, "this is not a database", 22) == 0);
    if (f)
        fclose(f);
    free(junk);
    state_destroy(NULL); /* a no-op */
}

/* One way a choice becomes an answer, for the wizard and the line mode: Skip rows ("") count as
 * nothing, "none" among the exams is an answer of none, and years from text. */
static void test_profile_set(void)
{
    struct profile p;
    profile_init(&p);
    const char *toronto[] = {"toronto"}, *skip[] = {""}, *none[] = {"none"};
    const char *goals[] = {"practice", "residency"}, *exams[] = {"mccqe1", "nac"};
    const char *yes[] = {"1"}, *no[] = {"0"};
    profile_set_choice(&p, Q_REGION, toronto, 1);
    CHECK_STR(p.region, "toronto");
    profile_set_choice(&p, Q_REGION, skip, 1);
    CHECK_STR(p.region, "");
    profile_set_choice(&p, Q_GOALS, goals, 2);
    CHECK_INT(p.n_goals, 2);
    CHECK_STR(p.goals[1], "residency");
    profile_set_choice(&p, Q_GOALS, skip, 1);
    CHECK_INT(p.n_goals, 0);
    CHECK(!profile_answered(&p, Q_GOALS));
    profile_set_choice(&p, Q_EXAMS, exams, 2);
    CHECK(p.exams_known && p.n_exams == 2);
    profile_set_choice(&p, Q_EXAMS, none, 1);
    CHECK(p.exams_known && p.n_exams == 0); /* answered: none yet */
    profile_set_choice(&p, Q_EXAMS, skip, 1);
    CHECK(!p.exams_known && p.n_exams == 0); /* skipped: not answered */
    profile_set_choice(&p, Q_EXAMS, NULL, 0);
    CHECK(!profile_answered(&p, Q_EXAMS));
    profile_set_choice(&p, Q_LANGUAGE, yes, 1);
    CHECK_INT(p.language_test, 1);
    profile_set_choice(&p, Q_LANGUAGE, no, 1);
    CHECK_INT(p.language_test, 0);
    profile_set_choice(&p, Q_LANGUAGE, skip, 1);
    CHECK_INT(p.language_test, -1);
    CHECK(profile_set_years(&p, Q_POSTGRAD, " 2.5 ") && p.postgrad_years == 2.5);
    CHECK(!profile_set_years(&p, Q_POSTGRAD, "81") && p.postgrad_years == 2.5);
    CHECK(!profile_set_years(&p, Q_POSTGRAD, "2 years") && p.postgrad_years == 2.5);
    CHECK(profile_set_years(&p, Q_POSTGRAD, "  ") && p.postgrad_years < 0);
    CHECK(profile_set_years(&p, Q_RECENCY, "0") && p.last_practised == 0);
    CHECK(!profile_set_years(&p, Q_STATUS, "3")); /* not a question of years */
}

static void test_profile_words_and_codec(void)
{
    struct profile p;
    profile_init(&p);
    CHECK(profile_empty(&p));
    char *w = profile_answer_words(&p, Q_EXAMS, st, NULL);
    CHECK_STR(w, "not answered");
    free(w);
    snprintf(p.region, sizeof p.region, "toronto");
    snprintf(p.exams[p.n_exams++], 65, "mccqe1");
    snprintf(p.exams[p.n_exams++], 65, "nac");
    p.exams_known = true;
    p.last_practised = 0;
    p.practice_years = 1;
    w = profile_answer_words(&p, Q_EXAMS, st, NULL);
    CHECK_STR(w, "MCCQE Part I, NAC OSCE");
    free(w);
    w = profile_answer_words(&p, Q_RECENCY, st, NULL);
    CHECK_STR(w, "practising now");
    free(w);
    w = profile_answer_words(&p, Q_PRACTICE, st, NULL);
    CHECK_STR(w, "1 year");
    free(w);
    char *text = profile_encode(&p);
    struct profile q;
    profile_decode(&q, text);
    free(text);
    CHECK_STR(q.region, "toronto");
    CHECK_INT(q.n_exams, 2);
    CHECK(q.last_practised == 0 && q.practice_years == 1 && q.postgrad_years < 0);
    /* Damaged or hostile records are skipped, never trusted. */
    profile_decode(&q, "region=Not An Id\nexam=x'); DROP TABLE item;--\npostgrad_years=-4\n"
                       "practice_years=1e9\nlanguage_test=7\ngoal=pra\nnonsense\n");
    CHECK_STR(q.region, "");
    CHECK_INT(q.n_exams, 0);
    CHECK(q.postgrad_years < 0 && q.practice_years < 0 && q.language_test < 0);
    CHECK_INT(q.n_goals, 1);
    double d;
    CHECK(profile_parse_years(" 2.5 ", &d) && d == 2.5);
    CHECK(!profile_parse_years("two", &d));
    CHECK(!profile_parse_years("-1", &d));
    CHECK(!profile_parse_years("", &d));
    CHECK(!profile_parse_years("nan", &d));
}

static void test_handout(void)
{
    struct state *s = NULL;
    state_open(NULL, &s, NULL);
    state_add(s, "many", "pathway", "Many", NULL);
    state_set_note(s, "many", "pathway", "*bring* [papers] <now>", NULL);
    state_add(s, "helper", "support", "Helper", NULL);
    state_add(s, "vanished", "support", "Old group", NULL);
    struct profile p;
    profile_init(&p);
    snprintf(p.region, sizeof p.region, "ontario");
    snprintf(p.goals[p.n_goals++], 65, "pra");
    p.exams_known = true; /* none yet */
    struct doc *d = handout_doc(st, s, &p, "2026-11-21");
    char *text = handout_render(d, HANDOUT_TEXT);
    CHECK(strstr(text, "itpnav handout, 2026-11-21") != NULL);
    CHECK(strstr(text, "Your answers") != NULL);
    CHECK(strstr(text, "Exams passed: none yet") != NULL);
    CHECK(strstr(text, "Pathways for your answers") != NULL);
    /* many needs mccqe1: the verdict says what is missing, in words. */
    CHECK(strstr(text, "Verdict: not yet: needs a pass in MCCQE Part I.") != NULL);
    CHECK(strstr(text, "1. ") != NULL);
    CHECK(strstr(text, "Your note: *bring* [papers] <now>") != NULL);
    CHECK(strstr(text, "As of: ") != NULL);
    CHECK(strstr(text, "Source: ") != NULL);
    CHECK(strstr(text, "3. Old group") != NULL);
    CHECK(strstr(text, "No longer listed") != NULL);
    /* The person's list and notes first, then what the answers gave. */
    CHECK(strstr(text, "Your shortlist") && strstr(text, "Your answers") &&
          strstr(text, "Your shortlist") < strstr(text, "Your answers"));
    CHECK(strstr(text, "Pathways for your answers") < strstr(text, "Supports for where you live"));
    /* Every entry has a contact line, or says it has none. */
    CHECK(strstr(text, "Contact: ") != NULL);
    CHECK(!handout_empty(s, &p));
    for (const char *l = text; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
        size_t len = strcspn(l, "\n");
        char *line = xasprintf("%.*s", (int)len, l);
        if (text_width(line) > 76)
            fprintf(stderr, "  too wide: %s\n", line);
        CHECK(text_width(line) <= 76);
        free(line);
    }
    free(text);
    char *md = handout_render(d, HANDOUT_MARKDOWN);
    CHECK(strncmp(md, "# itpnav handout, 2026-11-21\n", 29) == 0);
    CHECK(strstr(md, "\n## Your shortlist\n") != NULL);
    CHECK(strstr(md, "\\*bring\\* \\[papers\\] \\<now\\>") != NULL); /* text, not markup */
    free(md);
    doc_destroy(d);

    /* Nothing answered: no answers part, but the shortlist. */
    profile_init(&p);
    CHECK(!handout_empty(s, &p));
    d = handout_doc(st, s, &p, "2026-11-21");
    text = handout_render(d, HANDOUT_TEXT);
    CHECK(strstr(text, "Your answers") == NULL);
    CHECK(strstr(text, "Your shortlist") != NULL);
    free(text);
    doc_destroy(d);
    state_destroy(s);
    /* Nothing saved and nothing answered: nothing to hand out. */
    state_open(NULL, &s, NULL);
    CHECK(handout_empty(s, &p));
    snprintf(p.region, sizeof p.region, "ontario");
    CHECK(!handout_empty(s, &p));
    state_destroy(s);
}

static void test_handout_save_and_print(void)
{
    char *file = path_in("handout.txt");
    CHECK_INT(handout_save(file, "one\n", false), 0);
    CHECK_INT(handout_save(file, "two\n", false), EEXIST); /* never over a file unasked */
    CHECK_INT(handout_save(file, "three\n", true), 0);
    FILE *f = fopen(file, "r");
    char line[32] = "";
    CHECK(f && fgets(line, sizeof line, f));
    CHECK_STR(line, "three\n");
    if (f)
        fclose(f);
    char *bad = path_in("no/such/dir/h.txt");
    CHECK_INT(handout_save(bad, "x", false), ENOENT);
    free(bad);

    /* Printing: the text reaches the command's standard input, with no shell between. A fake
     * lp copies its input beside it. */
    char *lp = path_in("lp"), *out = path_in("printed.txt");
    f = fopen(lp, "w");
    fprintf(f, "#!/bin/sh\ncat > '%s'\n", out);
    fclose(f);
    chmod(lp, 0755);
    struct err e = {0};
    CHECK_INT(handout_print(lp, "to paper; $(rm -rf /)\n", &e), 0);
    f = fopen(out, "r");
    line[0] = '\0';
    CHECK(f && fgets(line, sizeof line, f));
    CHECK_STR(line, "to paper; $(rm -rf /)\n");
    if (f)
        fclose(f);
    /* A failing printer: its message comes back. */
    f = fopen(lp, "w");
    fputs("#!/bin/sh\necho 'lp: Error - No default destination.' >&2\nexit 1\n", f);
    fclose(f);
    CHECK(handout_print(lp, "x\n", &e) != 0);
    CHECK(e.code && strstr(e.msg, "No default destination"));
    e = (struct err){0};
    /* It exits without reading a text larger than a pipe holds: the write fails with EPIPE, and
     * the SIGPIPE (here at its default, which ends a process) must not end the caller. */
    void (*was)(int) = signal(SIGPIPE, SIG_DFL);
    size_t big_len = 1 << 20;
    char *big = xmalloc(big_len + 1);
    memset(big, 'x', big_len);
    big[big_len] = '\0';
    CHECK(handout_print(lp, big, &e) != 0);
    CHECK(e.code && strstr(e.msg, "No default destination"));
    e = (struct err){0};
    free(big);
    signal(SIGPIPE, was);
    char *missing = path_in("no-lp");
    CHECK(handout_print(missing, "x\n", &e) != 0);
    CHECK(e.code != 0 && e.msg[0]);
    free(missing);
    free(lp);
    free(out);
    free(file);
}

static void test_finish(void)
{
    memory_store_close(&st);
    char *cmd = xasprintf("rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    free(cmd);
}

UNIT_MAIN(CASE(test_setup), CASE(test_add_remove_order), CASE(test_persists_with_notes),
          CASE(test_vanished_entry_stays), CASE(test_clear), CASE(test_undo),
          CASE(test_two_instances), CASE(test_locked_at_start), CASE(test_locked_then_change),
          CASE(test_memory_and_errors), CASE(test_profile_set), CASE(test_profile_words_and_codec),
          CASE(test_handout), CASE(test_handout_save_and_print), CASE(test_finish))
