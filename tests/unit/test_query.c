/* test_query.c: the filter semantics of spec/dataset.md on a deep region tree
 * (tests/fixtures/unit-deep.json): region up and down, goals, services, delivery, kind, text,
 * hostile text, ordering, paging, and resolving region names. */
#include "common.h"
#include "query.h"
#include "util.h"

static struct store st;
static bool loaded;

static struct store *deep(void)
{
    if (!loaded) {
        loaded = memory_store("unit-deep.json", &st);
        if (!loaded) {
            fprintf(stderr, "cannot load unit-deep.json\n");
            exit(1);
        }
    }
    return &st;
}

/* The ids q matches, comma-separated in the order query_page gives them; "ERROR: ..." when it
 * fails. Also checks that query_count agrees with the number of rows. */
static char *ids(const struct query *q)
{
    struct page p;
    char *err = NULL;
    if (query_page(deep(), q, 0, 1000, &p, &err) != 0) {
        char *r = xasprintf("ERROR: %s", err ? err : "?");
        free(err);
        return r;
    }
    size_t count = 0;
    err = NULL;
    if (query_count(deep(), q, &count, &err) != 0) {
        char *r = xasprintf("ERROR (count): %s", err ? err : "?");
        free(err);
        page_finish(&p);
        return r;
    }
    CHECK_INT(count, p.n);
    struct sb b = {0};
    for (size_t i = 0; i < p.n; i++) {
        if (i)
            sb_addc(&b, ',');
        sb_add(&b, p.rows[i].id);
    }
    page_finish(&p);
    return sb_take(&b);
}

#define CHECK_IDS(q, want)                                                                         \
    do {                                                                                           \
        char *got_ = ids(q);                                                                       \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

/* Every entry, in the spec's order without a region: deepest region first, then by name. */
#define ALL_ORDERED                                                                                \
    "bridge,kingston-hub,montreal-prog,stc-club,eastern-group,niagara-circle,quebec-assoc,"        \
    "quebec-alt,ontario-mentors,ont-pra,canada-net,canada-residency"

static void test_no_filters(void)
{
    struct query q = {0};
    CHECK_IDS(&q, ALL_ORDERED);
}

static void test_region_city_sees_up(void)
{
    /* A person in St. Catharines: the city's entries, Niagara's, Ontario's and Canada's; not
     * Kingston's, Eastern Ontario's or Quebec's. Most specific region first, then by name. */
    struct query q = {.region = "st-catharines"};
    CHECK_IDS(&q, "stc-club,niagara-circle,ontario-mentors,ont-pra,canada-net,canada-residency");
}

static void test_region_region_sees_up_and_down(void)
{
    /* Niagara: the city inside it, itself, Ontario, Canada. */
    struct query q = {.region = "niagara-region"};
    CHECK_IDS(&q, "stc-club,niagara-circle,ontario-mentors,ont-pra,canada-net,canada-residency");
}

static void test_region_kingston(void)
{
    struct query q = {.region = "kingston"};
    CHECK_IDS(&q, "bridge,kingston-hub,eastern-group,ontario-mentors,ont-pra,canada-net,"
                  "canada-residency");
}

static void test_region_province_sees_inside(void)
{
    /* Ontario: everything inside Ontario at every depth, and Canada-wide; nothing of Quebec's
     * (bridge is in Kingston as well as Quebec, so it matches through Kingston). */
    struct query q = {.region = "ontario"};
    CHECK_IDS(&q, "bridge,kingston-hub,stc-club,eastern-group,niagara-circle,ontario-mentors,"
                  "ont-pra,canada-net,canada-residency");
}

static void test_region_quebec(void)
{
    /* In Quebec, bridge matches through Quebec (depth 1), not Kingston: it sorts among the
     * province-wide entries. */
    struct query q = {.region = "quebec"};
    CHECK_IDS(&q, "montreal-prog,quebec-assoc,bridge,quebec-alt,canada-net,canada-residency");
}

static void test_region_montreal_city(void)
{
    struct query q = {.region = "montreal"};
    CHECK_IDS(&q, "montreal-prog,quebec-assoc,bridge,quebec-alt,canada-net,canada-residency");
}

static void test_region_country_sees_all(void)
{
    struct query q = {.region = "canada"};
    CHECK_IDS(&q, ALL_ORDERED);
}

static void test_region_unknown_matches_nothing(void)
{
    struct query q = {.region = "atlantis"};
    CHECK_IDS(&q, "");
}

static void test_goals_any_of(void)
{
    struct query q = {.goals = {"pra"}, .n_goals = 1};
    CHECK_IDS(&q, "bridge,eastern-group,ont-pra");
    struct query q2 = {.goals = {"pra", "alternative-career"}, .n_goals = 2};
    CHECK_IDS(&q2, "bridge,kingston-hub,montreal-prog,eastern-group,niagara-circle,quebec-alt,"
                   "ont-pra,canada-net");
    /* A pathway matches through its one goal. */
    struct query q3 = {.goals = {"residency"}, .n_goals = 1, .kinds = KIND_PATHWAY};
    CHECK_IDS(&q3, "canada-residency");
}

static void test_services(void)
{
    struct query q = {.services = {"exam-prep"}, .n_services = 1};
    CHECK_IDS(&q, "bridge,montreal-prog,stc-club");
    struct query q2 = {.services = {"networking", "mentorship"}, .n_services = 2};
    CHECK_IDS(&q2, "kingston-hub,montreal-prog,eastern-group,niagara-circle,quebec-assoc,"
                   "ontario-mentors,canada-net");
}

static void test_delivery(void)
{
    struct query q = {.delivery = DELIVERY_IN_PERSON};
    CHECK_IDS(&q, "kingston-hub,montreal-prog,stc-club,niagara-circle");
    struct query q2 = {.delivery = DELIVERY_ONLINE | DELIVERY_HYBRID};
    CHECK_IDS(&q2, "bridge,kingston-hub,eastern-group,quebec-assoc,ontario-mentors,canada-net");
    CHECK_INT(query_delivery_parse("online"), DELIVERY_ONLINE);
    CHECK_INT(query_delivery_parse("in-person"), DELIVERY_IN_PERSON);
    CHECK_INT(query_delivery_parse("hybrid"), DELIVERY_HYBRID);
    CHECK_INT(query_delivery_parse("mail"), 0);
}

static void test_kind(void)
{
    struct query q = {.kinds = KIND_GROUP};
    CHECK_IDS(&q, "stc-club,eastern-group,niagara-circle,quebec-assoc,canada-net");
    struct query q2 = {.kinds = KIND_PROGRAM};
    CHECK_IDS(&q2, "bridge,kingston-hub,montreal-prog,ontario-mentors");
    struct query q3 = {.kinds = KIND_PATHWAY};
    CHECK_IDS(&q3, "quebec-alt,ont-pra,canada-residency");
    struct query q4 = {.kinds = KIND_SUPPORTS};
    CHECK_IDS(&q4, "bridge,kingston-hub,montreal-prog,stc-club,eastern-group,niagara-circle,"
                   "quebec-assoc,ontario-mentors,canada-net");
    CHECK_INT(query_kind_parse("group"), KIND_GROUP);
    CHECK_INT(query_kind_parse("program"), KIND_PROGRAM);
    CHECK_INT(query_kind_parse("pathway"), KIND_PATHWAY);
    CHECK_INT(query_kind_parse("support"), KIND_SUPPORTS);
    CHECK_INT(query_kind_parse("club"), 0);
    CHECK_STR(query_kind_name(KIND_PROGRAM), "program");
    CHECK(query_kind_name(KIND_SUPPORTS) == NULL);
}

static void test_and_across_filters(void)
{
    struct query q = {.region = "ontario", .kinds = KIND_GROUP, .delivery = DELIVERY_IN_PERSON};
    CHECK_IDS(&q, "stc-club,niagara-circle");
    struct query q2 = {
            .region = "ontario", .goals = {"residency"}, .n_goals = 1, .kinds = KIND_SUPPORTS};
    CHECK_IDS(&q2, "stc-club,ontario-mentors,canada-net");
    struct query q3 = {.region = "quebec",
                       .services = {"exam-prep"},
                       .n_services = 1,
                       .delivery = DELIVERY_ONLINE};
    CHECK_IDS(&q3, "bridge");
    struct query q4 = {.region = "st-catharines", .text = "physicians"};
    char *got = ids(&q4);
    /* kingston-hub says "physicians" too, but is not in St. Catharines. */
    CHECK(got && strstr(got, "kingston-hub") == NULL);
    CHECK(got && strstr(got, "niagara-circle") != NULL);
    CHECK(got && strstr(got, "canada-net") != NULL);
    CHECK(got && strstr(got, "ontario-mentors") != NULL);
    free(got);
    struct query q5 = {.region = "kingston",
                       .kinds = KIND_PATHWAY,
                       .goals = {"alternative-career"},
                       .n_goals = 1};
    CHECK_IDS(&q5, "");
}

static void test_text_prefix(void)
{
    /* "ment" finds "Mentorship" (a name) and "mentorship" (a summary); the name hit first. */
    struct query q = {.text = "ment"};
    CHECK_IDS(&q, "ontario-mentors,kingston-hub");
    struct query q2 = {.text = "mentorship"};
    CHECK_IDS(&q2, "ontario-mentors,kingston-hub");
}

static void test_text_case_and_accents(void)
{
    struct query q = {.text = "quebec"};
    char *got = ids(&q);
    CHECK(got && (strcmp(got, "quebec-assoc,quebec-alt") == 0 ||
                  strcmp(got, "quebec-alt,quebec-assoc") == 0));
    free(got);
    struct query q2 = {.text = "MONTREAL"};
    CHECK_IDS(&q2, "montreal-prog");
    struct query q3 = {.text = "Montréal"};
    CHECK_IDS(&q3, "montreal-prog");
    struct query q4 = {.text = "CARRIERES"};
    char *got4 = ids(&q4);
    CHECK(got4 && (strcmp(got4, "montreal-prog,quebec-alt") == 0 ||
                   strcmp(got4, "quebec-alt,montreal-prog") == 0));
    free(got4);
    struct query q5 = {.text = "médecin"};
    char *got5 = ids(&q5);
    /* "médecins" in a name and in a summary. */
    CHECK(got5 && (strcmp(got5, "quebec-assoc,montreal-prog") == 0));
    free(got5);
}

static void test_text_all_words(void)
{
    struct query q = {.text = "ontario", .kinds = KIND_SUPPORTS};
    char *got = ids(&q);
    CHECK(got && (strcmp(got, "ontario-mentors,eastern-group") == 0 ||
                  strcmp(got, "eastern-group,ontario-mentors") == 0));
    free(got);
    struct query q1 = {.text = "ontario"};
    size_t n = 0;
    char *err = NULL;
    CHECK_INT(query_count(deep(), &q1, &n, &err), 0);
    CHECK_INT(n, 3);
    struct query q2 = {.text = "ontario program"};
    CHECK_IDS(&q2, "ontario-mentors");
    struct query q3 = {.text = "ontario montreal"};
    CHECK_IDS(&q3, "");
    struct query q4 = {.text = "  Ontario,   MENTOR! "};
    CHECK_IDS(&q4, "ontario-mentors");
}

static void test_text_fields(void)
{
    /* Each field the spec names is searched. */
    struct query q = {.text = "cin"}; /* acronym */
    CHECK_IDS(&q, "canada-net");
    struct query q2 = {.text = "brock"}; /* host */
    CHECK_IDS(&q2, "niagara-circle");
    struct query q3 = {.text = "downtown"}; /* location */
    CHECK_IDS(&q3, "kingston-hub");
    struct query q4 = {.text = "weekly"}; /* summary */
    CHECK_IDS(&q4, "stc-club");
    struct query q5 = {.text = "seminars"}; /* offers */
    CHECK_IDS(&q5, "ontario-mentors");
    struct query q6 = {.text = "shorten"}; /* aims */
    CHECK_IDS(&q6, "ontario-mentors");
    struct query q7 = {.text = "newcomers"}; /* a support's eligibility */
    CHECK_IDS(&q7, "stc-club");
    struct query q8 = {.text = "abroad"}; /* a pathway's eligibility */
    CHECK_IDS(&q8, "ont-pra");
    struct query q9 = {.text = "qualifying"}; /* a pathway's step title */
    CHECK_IDS(&q9, "ont-pra");
    struct query q10 = {.text = "mccqe1"}; /* a step's detail */
    CHECK_IDS(&q10, "ont-pra");
    struct query q11 = {.text = "zebra"};
    CHECK_IDS(&q11, "");
}

static void test_text_rank_name_first(void)
{
    /* Without text kingston-hub (a city) comes before ontario-mentors (a province); with text the
     * name hit wins over the summary-only hit. */
    struct query q = {.services = {"mentorship"}, .n_services = 1};
    CHECK_IDS(&q, "kingston-hub,montreal-prog,ontario-mentors");
    struct query q2 = {.text = "mentorship", .services = {"mentorship"}, .n_services = 1};
    CHECK_IDS(&q2, "ontario-mentors,kingston-hub");
    struct query q3 = {.text = "physicians"};
    char *got = ids(&q3);
    /* niagara-circle is the only entry with the word in its name. */
    CHECK(got && strncmp(got, "niagara-circle,", 15) == 0);
    free(got);
}

static void test_text_hostile(void)
{
    static const char *const hostile[] = {"\"",
                                          "'",
                                          "*",
                                          "AND",
                                          "OR",
                                          "NOT",
                                          "NEAR(",
                                          "-",
                                          "a\"b",
                                          "(",
                                          ")",
                                          ":",
                                          "^",
                                          "\"\"\"",
                                          "",
                                          " ",
                                          "   \t  ",
                                          "\n",
                                          "NEAR(a b",
                                          "a OR b",
                                          "a AND NOT b",
                                          "col:val",
                                          "name:ontario",
                                          "{name}: x",
                                          "a*",
                                          "*a",
                                          "^a",
                                          "-a",
                                          "+",
                                          "a + b",
                                          "\"unterminated",
                                          "'; DROP TABLE entry; --",
                                          "\\",
                                          "a\\\"b",
                                          "%",
                                          "_",
                                          "NEAR/2",
                                          "ontario OR",
                                          "—",
                                          "«»",
                                          "…",
                                          "é",
                                          "\xE2\x80\xAE",
                                          "\xC2\xA0",
                                          "\xFF\xFE",
                                          "\xC3",
                                          "中文",
                                          "\xF0\x9F\x98\x80",
                                          "0",
                                          "1e5",
                                          "..."};
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        struct query q = {.text = hostile[i]};
        struct page p;
        char *err = NULL;
        int rc = query_page(deep(), &q, 0, 100, &p, &err);
        if (rc != 0)
            fprintf(stderr, "  query_page failed for text \"%s\": %s\n", hostile[i],
                    err ? err : "?");
        CHECK_INT(rc, 0);
        free(err);
        err = NULL;
        size_t n = 999;
        int rc2 = query_count(deep(), &q, &n, &err);
        if (rc2 != 0)
            fprintf(stderr, "  query_count failed for text \"%s\": %s\n", hostile[i],
                    err ? err : "?");
        CHECK_INT(rc2, 0);
        free(err);
        if (rc == 0 && rc2 == 0)
            CHECK_INT(n, p.n);
        if (rc == 0)
            page_finish(&p);
    }
    /* Text without a word filters nothing. */
    struct query q = {.text = "  \t "};
    CHECK_IDS(&q, ALL_ORDERED);
    struct query q2 = {.text = "\""};
    CHECK_IDS(&q2, ALL_ORDERED);
    /* Operators are words like any other: "AND" finds the one summary that says "and". */
    struct query q3 = {.text = "AND"};
    CHECK_IDS(&q3, "kingston-hub");
    struct query q4 = {.text = "ontario OR montreal"};
    CHECK_IDS(&q4, "");
    /* A quote inside a word splits it in two: "Ontario\"Mentorship" is both words. */
    struct query q5 = {.text = "ontario\"mentorship"};
    CHECK_IDS(&q5, "ontario-mentors");
}

static void test_text_long(void)
{
    char *a = xmalloc(1001);
    memset(a, 'a', 1000);
    a[1000] = '\0';
    struct query q = {.text = a};
    CHECK_IDS(&q, "");
    /* 500 words of "a ": more words than are used; none errors. */
    for (size_t i = 0; i < 1000; i += 2) {
        a[i] = 'o';
        a[i + 1] = ' ';
    }
    struct query q2 = {.text = a};
    size_t n = 0;
    char *err = NULL;
    CHECK_INT(query_count(deep(), &q2, &n, &err), 0);
    free(err);
    /* 1000 quotes and 1000 mixed operator characters. */
    memset(a, '"', 1000);
    struct query q3 = {.text = a};
    CHECK_IDS(&q3, ALL_ORDERED);
    for (size_t i = 0; i < 1000; i++)
        a[i] = "()*:^-\"+ NEAR"[i % 13];
    /* Its only words are "NEAR", a word like any other: niagara-circle meets "near the falls". */
    struct query q4 = {.text = a};
    CHECK_IDS(&q4, "niagara-circle");
    free(a);
}

static void check_expr(const char *typed, const char *want)
{
    char *got = query_fts_expr(typed);
    if (!want) {
        if (got)
            fprintf(stderr, "  query_fts_expr(\"%s\") = \"%s\", want NULL\n", typed, got);
        CHECK(got == NULL);
    } else {
        CHECK_STR(got, want);
    }
    free(got);
}

static void test_fts_expr(void)
{
    check_expr("ment", "\"ment\"*");
    check_expr("Ontario  mentors", "\"Ontario\"* \"mentors\"*");
    check_expr("a\"b", "\"a\"* \"b\"*");
    check_expr("NEAR(", "\"NEAR\"*");
    check_expr("x AND y", "\"x\"* \"AND\"* \"y\"*");
    check_expr("Québec", "\"Québec\"*");
    check_expr("col:val", "\"col\"* \"val\"*");
    check_expr("", NULL);
    check_expr("   ", NULL);
    check_expr("\"", NULL);
    check_expr("*", NULL);
    check_expr("()^:-", NULL);
    CHECK(query_fts_expr(NULL) == NULL);
    /* Every word counts (all must match), however many; a repeated word is used once. */
    check_expr("a b c d e f g h i j k l m n o p q r s t",
               "\"a\"* \"b\"* \"c\"* \"d\"* \"e\"* \"f\"* \"g\"* \"h\"* \"i\"* \"j\"* \"k\"* "
               "\"l\"* \"m\"* \"n\"* \"o\"* \"p\"* \"q\"* \"r\"* \"s\"* \"t\"*");
    check_expr("ment ment mentor ment", "\"ment\"* \"mentor\"*");
}

static void test_order_with_text(void)
{
    /* With text, the best match comes before the most specific region: in Ontario,
     * "mentorship" names ontario-mentors (province-wide) and is only in the summary of
     * kingston-hub (a city, more specific). Without text the city's entry comes first. */
    struct query q = {.region = "ontario", .text = "mentorship"};
    CHECK_IDS(&q, "ontario-mentors,kingston-hub");
    struct query q2 = {.region = "ontario", .services = {"mentorship"}, .n_services = 1};
    CHECK_IDS(&q2, "kingston-hub,ontario-mentors");
}

static void test_paging(void)
{
    struct query q = {0};
    size_t count = 0;
    char *err = NULL;
    CHECK_INT(query_count(deep(), &q, &count, &err), 0);
    CHECK_INT(count, 12);
    struct sb b = {0};
    size_t total = 0;
    for (size_t off = 0; off < 15; off += 5) {
        struct page p;
        CHECK_INT(query_page(deep(), &q, off, 5, &p, &err), 0);
        CHECK_INT(p.n, off + 5 <= 12 ? 5 : 12 - off);
        for (size_t i = 0; i < p.n; i++) {
            if (b.len)
                sb_addc(&b, ',');
            sb_add(&b, p.rows[i].id);
        }
        total += p.n;
        page_finish(&p);
    }
    CHECK_INT(total, count);
    CHECK_STR(sb_str(&b), ALL_ORDERED);
    sb_finish(&b);

    struct page p;
    CHECK_INT(query_page(deep(), &q, 12, 5, &p, &err), 0);
    CHECK_INT(p.n, 0);
    page_finish(&p);
    CHECK_INT(query_page(deep(), &q, 0, 0, &p, &err), 0);
    CHECK_INT(p.n, 0);
    page_finish(&p);

    /* With filters and text, paging still agrees with the count. */
    struct query q2 = {.region = "ontario", .text = "o"};
    CHECK_INT(query_count(deep(), &q2, &count, &err), 0);
    struct page all;
    CHECK_INT(query_page(deep(), &q2, 0, 100, &all, &err), 0);
    CHECK_INT(all.n, count);
    CHECK(count >= 3);
    for (size_t i = 0; i < all.n; i++) {
        struct page one;
        CHECK_INT(query_page(deep(), &q2, i, 1, &one, &err), 0);
        CHECK_INT(one.n, 1);
        if (one.n == 1)
            CHECK_STR(one.rows[0].id, all.rows[i].id);
        page_finish(&one);
    }
    page_finish(&all);
}

static void test_row_fields(void)
{
    struct query q = {.text = "ontario mentorship program"};
    struct page p;
    char *err = NULL;
    CHECK_INT(query_page(deep(), &q, 0, 10, &p, &err), 0);
    CHECK_INT(p.n, 1);
    if (p.n == 1) {
        struct row *r = &p.rows[0];
        CHECK_STR(r->id, "ontario-mentors");
        CHECK_STR(r->kind, "program");
        CHECK_STR(r->name, "Ontario Mentorship Program");
        CHECK_STR(r->acronym, "OMP");
        CHECK_STR(r->where, "Ontario");
        CHECK_STR(r->size, "~300 participants");
        CHECK(r->status == NULL);
        CHECK_STR(r->regions, "ontario");
        CHECK_STR(r->goals, "residency");
    }
    page_finish(&p);
    struct query q2 = {.kinds = KIND_PATHWAY, .text = "carms"};
    CHECK_INT(query_page(deep(), &q2, 0, 10, &p, &err), 0);
    CHECK_INT(p.n, 1);
    if (p.n == 1) {
        CHECK_STR(p.rows[0].id, "canada-residency");
        CHECK_STR(p.rows[0].kind, "pathway");
        CHECK_STR(p.rows[0].status, "available");
        CHECK_STR(p.rows[0].goals, "residency");
        CHECK_STR(p.rows[0].where, "Canada");
    }
    page_finish(&p);
}

static void check_resolve(const char *name, const char *want_id, const char *want_suggest)
{
    char *suggest = (char *)"unset";
    char *id = query_resolve_region(deep(), name, &suggest);
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
    CHECK(query_known(deep(), "goal", "pra", &suggest));
    CHECK(suggest == NULL);
    CHECK(!query_known(deep(), "goal", "residncy", &suggest));
    CHECK_STR(suggest, "residency");
    free(suggest);
    CHECK(query_known(deep(), "service", "exam-prep", &suggest));
    CHECK(!query_known(deep(), "service", "networkin", &suggest));
    CHECK_STR(suggest, "networking");
    free(suggest);
    CHECK(!query_known(deep(), "exam", "mccqe1", &suggest)); /* no exams in this dataset */
    free(suggest);
    CHECK(!query_known(deep(), "region; DROP TABLE x", "a", &suggest));
    CHECK(suggest == NULL);
}

static void test_finish(void)
{
    memory_store_close(&st);
    loaded = false;
    CHECK(st.db == NULL);
}

UNIT_MAIN(CASE(test_no_filters), CASE(test_region_city_sees_up),
          CASE(test_region_region_sees_up_and_down), CASE(test_region_kingston),
          CASE(test_region_province_sees_inside), CASE(test_region_quebec),
          CASE(test_region_montreal_city), CASE(test_region_country_sees_all),
          CASE(test_region_unknown_matches_nothing), CASE(test_goals_any_of), CASE(test_services),
          CASE(test_delivery), CASE(test_kind), CASE(test_and_across_filters),
          CASE(test_text_prefix), CASE(test_text_case_and_accents), CASE(test_text_all_words),
          CASE(test_text_fields), CASE(test_text_rank_name_first), CASE(test_text_hostile),
          CASE(test_text_long), CASE(test_fts_expr), CASE(test_order_with_text), CASE(test_paging),
          CASE(test_row_fields), CASE(test_resolve_region), CASE(test_known), CASE(test_finish))
