/* test_vocab.c: the dataset's vocabularies (tests/fixtures/unit-deep.json): names by id through
 * kept statements, the region tree and the other lists, real errors when the store fails, and
 * resolving what a person typed. */
#include "common.h"
#include "util.h"
#include "vocab.h"

static struct store *st;

static struct store *deep(void)
{
    return shared_store("unit-deep.json", &st);
}

static void check_name(enum vocab t, const char *id, const char *want)
{
    char buf[64] = "unset";
    struct err e = {0};
    CHECK_INT(vocab_name(deep(), t, id, buf, sizeof buf, &e), 0);
    CHECK_INT(e.code, 0);
    CHECK_STR(buf, want);
}

static void test_name(void)
{
    check_name(VOCAB_REGION, "quebec", "Québec");
    check_name(VOCAB_REGION, "st-catharines", "St. Catharines");
    check_name(VOCAB_GOAL, "pra", "Practice-ready assessment");
    check_name(VOCAB_SERVICE, "exam-prep", "Exam preparation");
    check_name(VOCAB_SOURCE, "src-a", "Deep Source Report");
    /* Unknown: nothing, and no failure; the caller decides what to show. */
    check_name(VOCAB_REGION, "atlantis", "");
    check_name(VOCAB_GOAL, "quebec", "");
    check_name(VOCAB_EXAM, "mccqe1", "");
    check_name(VOCAB_REGION, NULL, "");
    /* A short buffer: cut, never overrun. */
    char small[5];
    CHECK_INT(vocab_name(deep(), VOCAB_GOAL, "residency", small, sizeof small, NULL), 0);
    CHECK_STR(small, "Resi");
}

/* The statement is prepared once and kept: a screen that asks every frame costs no prepare. A
 * kept statement counts every run; a new one would have run once. */
static void test_name_kept(void)
{
    char buf[64];
    CHECK_INT(vocab_name(deep(), VOCAB_SERVICE, "mentorship", buf, sizeof buf, NULL), 0);
    sqlite3_stmt *kept = deep()->stmt[STMT_VOCAB_SERVICE];
    CHECK(kept != NULL);
    if (!kept)
        return;
    int runs = sqlite3_stmt_status(kept, SQLITE_STMTSTATUS_RUN, 0);
    for (int i = 0; i < 3; i++)
        CHECK_INT(vocab_name(deep(), VOCAB_SERVICE, "networking", buf, sizeof buf, NULL), 0);
    CHECK(deep()->stmt[STMT_VOCAB_SERVICE] == kept);
    CHECK_INT(sqlite3_stmt_status(kept, SQLITE_STMTSTATUS_RUN, 0), runs + 3);
    CHECK_STR(buf, "Networking");
}

static void test_get(void)
{
    struct vocab_item it;
    CHECK_INT(vocab_get(deep(), VOCAB_GOAL, "residency", &it, NULL), 0);
    CHECK_STR(it.id, "residency");
    CHECK_STR(it.name, "Residency");
    CHECK_STR(it.summary, "Licensure through residency.");
    vocab_item_finish(&it);
    CHECK(it.id == NULL);
    CHECK_INT(vocab_get(deep(), VOCAB_REGION, "kingston", &it, NULL), 0);
    CHECK_STR(it.parent, "Eastern Ontario");
    CHECK_INT(it.depth, 3);
    vocab_item_finish(&it);
    CHECK_INT(vocab_get(deep(), VOCAB_REGION, "canada", &it, NULL), 0);
    CHECK(it.parent == NULL);
    CHECK_INT(it.depth, 0);
    vocab_item_finish(&it);
    CHECK_INT(vocab_get(deep(), VOCAB_SOURCE, "src-a", &it, NULL), 0);
    CHECK_STR(it.name, "Deep Source Report");
    CHECK_STR(it.url, "https://example.org/report");
    CHECK_STR(it.publisher, "Example Publisher");
    CHECK_STR(it.as_of, "2024-05");
    vocab_item_finish(&it);
    CHECK_INT(vocab_get(deep(), VOCAB_SERVICE, "nothing", &it, NULL), 0);
    CHECK(it.id == NULL && it.name == NULL);
}

/* The ids of a list, comma-separated, and the depth of each when tree. */
static char *list_of(enum vocab t, bool tree)
{
    struct vocab_list l;
    struct err e = {0};
    if (vocab_list(deep(), t, &l, &e) != 0)
        return xasprintf("ERROR: %s", e.msg);
    struct sb b = {0};
    for (size_t i = 0; i < l.n; i++) {
        sb_addf(&b, "%s%s", i ? "," : "", l.v[i].id);
        if (tree)
            sb_addf(&b, ":%d:%s", l.v[i].depth, l.v[i].parent ? l.v[i].parent : "-");
    }
    vocab_list_finish(&l);
    return sb_take(&b);
}

/* One tree, depth first, each level in the dataset's order, with each region's parent: the
 * order both the pickers and the line mode show. */
static void test_region_tree(void)
{
    char *got = list_of(VOCAB_REGION, true);
    CHECK_STR(got, "canada:0:-,ontario:1:Canada,niagara-region:2:Ontario,"
                   "st-catharines:3:Niagara Region,eastern-ontario:2:Ontario,"
                   "kingston:3:Eastern Ontario,quebec:1:Canada,montreal-region:2:Québec,"
                   "montreal:3:Grand Montréal");
    free(got);
}

static void test_lists(void)
{
    char *got = list_of(VOCAB_GOAL, false);
    CHECK_STR(got, "residency,pra,alternative-career");
    free(got);
    got = list_of(VOCAB_SERVICE, false);
    CHECK_STR(got, "networking,mentorship,exam-prep");
    free(got);
    got = list_of(VOCAB_EXAM, false);
    CHECK_STR(got, "");
    free(got);
    got = list_of(VOCAB_SOURCE, false);
    CHECK_STR(got, "src-a");
    free(got);
    struct vocab_list l;
    struct err e = {0};
    CHECK_INT(vocab_list(deep(), VOCAB_GOAL, &l, &e), 0);
    CHECK(l.n == 3 && strcmp(l.v[1].name, "Practice-ready assessment") == 0);
    vocab_list_finish(&l);
    CHECK(l.v == NULL && l.n == 0);
}

/* A store that cannot answer gives a real error, never the id or an empty list passed off as
 * the answer. */
static void test_errors(void)
{
    struct store *broken;
    if (!memory_store("unit-deep.json", &broken))
        return;
    CHECK(exec_sql(broken->db, "DROP TABLE goal; DROP TABLE region"));
    char buf[64] = "unset";
    struct err e = {0};
    CHECK_INT(vocab_name(broken, VOCAB_GOAL, "pra", buf, sizeof buf, &e), EXIT_IOERR);
    CHECK_INT(e.code, EXIT_IOERR);
    CHECK(strstr(e.msg, "no such table: goal") != NULL);
    CHECK_STR(buf, "");
    struct vocab_list l = {0};
    e = (struct err){0};
    CHECK_INT(vocab_list(broken, VOCAB_REGION, &l, &e), EXIT_IOERR);
    CHECK(strstr(e.msg, "region") != NULL);
    CHECK(l.n == 0 && l.v == NULL);
    e = (struct err){0};
    char *suggest = NULL;
    CHECK(!vocab_known(broken, VOCAB_GOAL, "pra", &suggest, &e));
    CHECK_INT(e.code, EXIT_IOERR);
    CHECK(suggest == NULL);
    e = (struct err){0};
    CHECK(vocab_resolve_region(broken, "ontario", &suggest, &e) == NULL);
    CHECK_INT(e.code, EXIT_IOERR);
    CHECK(suggest == NULL);
    /* The others still answer. */
    e = (struct err){0};
    CHECK_INT(vocab_name(broken, VOCAB_SERVICE, "mentorship", buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "Mentorship");
    memory_store_close(&broken);
}

static void check_resolve(const char *name, const char *want_id, const char *want_suggest)
{
    char *suggest = (char *)"unset";
    struct err e = {0};
    char *id = vocab_resolve_region(deep(), name, &suggest, &e);
    CHECK_INT(e.code, 0);
    if (want_id) {
        CHECK_STR(id, want_id);
    } else {
        if (id)
            fprintf(stderr, "  resolve \"%s\" = \"%s\", want NULL\n", name, id);
        CHECK(id == NULL);
    }
    if (want_suggest) {
        CHECK_STR(suggest, want_suggest);
    } else {
        if (suggest)
            fprintf(stderr, "  resolve \"%s\" suggested \"%s\", want NULL\n", name, suggest);
        CHECK(suggest == NULL);
    }
    free(id);
    free(suggest);
}

static void test_resolve_region(void)
{
    check_resolve("kingston", "kingston", NULL);
    check_resolve("niagara-region", "niagara-region", NULL);
    check_resolve("montreal", "montreal", NULL);
    check_resolve("NIAGARA REGION", "niagara-region", NULL);
    check_resolve("Niagara Region", "niagara-region", NULL);
    check_resolve("MONTRÉAL", "montreal", NULL);
    check_resolve("grand montreal", "montreal-region", NULL);
    check_resolve("GRAND MONTRÉAL", "montreal-region", NULL);
    check_resolve("québec", "quebec", NULL);
    check_resolve("QUEBEC", "quebec", NULL);
    check_resolve("st. catharines", "st-catharines", NULL);
    /* Unknown: no id, and the nearest region's name as a suggestion. */
    check_resolve("kingstn", NULL, "Kingston");
    check_resolve("niagra region", NULL, "Niagara Region");
    check_resolve("zzzzzzzzzzzzzzzzzzzz", NULL, NULL);
    check_resolve("", NULL, NULL);
}

static void test_known(void)
{
    char *suggest = NULL;
    CHECK(vocab_known(deep(), VOCAB_GOAL, "pra", &suggest, NULL));
    CHECK(suggest == NULL);
    CHECK(!vocab_known(deep(), VOCAB_GOAL, "residncy", &suggest, NULL));
    CHECK_STR(suggest, "residency");
    free(suggest);
    CHECK(vocab_known(deep(), VOCAB_SERVICE, "exam-prep", &suggest, NULL));
    CHECK(!vocab_known(deep(), VOCAB_SERVICE, "networkin", &suggest, NULL));
    CHECK_STR(suggest, "networking");
    free(suggest);
    CHECK(!vocab_known(deep(), VOCAB_EXAM, "mccqe1", &suggest,
                       NULL)); /* no exams in this dataset */
    free(suggest);
    CHECK(!vocab_known(deep(), VOCAB_COUNT, "a", &suggest, NULL)); /* no such vocabulary */
    CHECK(suggest == NULL);
}

/* The names in a language the file translates them into (tests/fixtures/cli-v2.json): a name
 * by id, a list's names, a region's parent, and the file's own name kept as one to type. */
static void test_localized(void)
{
    struct store *v2 = NULL;
    if (!memory_store("cli-v2.json", &v2))
        return;
    char buf[64];
    struct err e = {0};
    CHECK_INT(vocab_name_in(v2, VOCAB_REGION, "greater-sudbury", "fr", buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "Grand Sudbury");
    CHECK_INT(vocab_name_in(v2, VOCAB_REGION, "greater-sudbury", "en", buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "Greater Sudbury");
    CHECK_INT(vocab_name_in(v2, VOCAB_REGION, "ontario", "fr", buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "Ontario"); /* no translation: the file's own */
    CHECK_INT(vocab_name_in(v2, VOCAB_GOAL, "alternative-career", "fr", buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "Une autre carrière");
    CHECK_INT(vocab_name_in(v2, VOCAB_SERVICE, "navigation", NULL, buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "System navigation");
    CHECK_INT(vocab_name_in(v2, VOCAB_REGION, "nowhere", "fr", buf, sizeof buf, &e), 0);
    CHECK_STR(buf, "");

    struct vocab_list l;
    CHECK_INT(vocab_list(v2, VOCAB_REGION, &l, &e), 0);
    vocab_list_localize(v2, VOCAB_REGION, &l, "fr");
    bool found = false;
    for (size_t i = 0; i < l.n; i++)
        if (strcmp(l.v[i].id, "greater-sudbury") == 0) {
            found = true;
            CHECK_STR(l.v[i].name, "Grand Sudbury");
            CHECK_STR(l.v[i].parent, "Ontario");
            CHECK(l.v[i].also && strstr(l.v[i].also, "Greater Sudbury"));
            CHECK(vocab_region_has(&l.v[i], "greater sud"));
        }
    CHECK(found);
    vocab_list_finish(&l);
    CHECK_INT(vocab_list(v2, VOCAB_GOAL, &l, &e), 0);
    vocab_list_localize(v2, VOCAB_GOAL, &l, "fr");
    CHECK(l.n == 3 && strcmp(l.v[2].name, "Une autre carrière") == 0);
    CHECK(l.n == 3 && strcmp(l.v[0].name, "Residency") == 0);
    vocab_list_finish(&l);
    memory_store_close(&v2);
}

static void test_finish(void)
{
    memory_store_close(&st);
    CHECK(st == NULL);
}

UNIT_MAIN(CASE(test_name), CASE(test_name_kept), CASE(test_get), CASE(test_region_tree),
          CASE(test_lists), CASE(test_errors), CASE(test_resolve_region), CASE(test_known),
          CASE(test_localized), CASE(test_finish))
