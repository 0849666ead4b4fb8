/* test_query.c: the filter semantics of spec/dataset.md on a deep region tree
 * (tests/fixtures/unit-deep.json): region up and down, goals, services, delivery, kind, text,
 * hostile text, ordering and paging. */
#include <ctype.h>

#include "common.h"
#include "facet.h"
#include "query.h"
#include "text.h"
#include "util.h"

static struct store *st;

static struct store *deep(void)
{
    return shared_store("unit-deep.json", &st);
}

/* The ids q matches in store, comma-separated in the order query_page gives them; "ERROR: ..."
 * when it fails. Also checks that query_count agrees with the number of rows. */
static char *ids_in(struct store *store, const struct query *q)
{
    struct page p;
    struct err err = {0};
    if (query_page(store, q, 0, 1000, &p, &err) != 0) {
        char *r = xasprintf("ERROR: %s", err.msg);
        return r;
    }
    size_t count = 0;
    if (query_count(store, q, &count, &err) != 0) {
        char *r = xasprintf("ERROR (count): %s", err.msg);
        query_page_finish(&p);
        return r;
    }
    CHECK_INT(count, p.n);
    struct sb b = {0};
    for (size_t i = 0; i < p.n; i++) {
        if (i)
            sb_addc(&b, ',');
        sb_add(&b, p.rows[i].id);
    }
    query_page_finish(&p);
    return sb_take(&b);
}

static char *ids(const struct query *q)
{
    return ids_in(deep(), q);
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
    CHECK_INT(terms_bits(&terms_delivery, "online"), DELIVERY_ONLINE);
    CHECK_INT(terms_bits(&terms_delivery, "in-person"), DELIVERY_IN_PERSON);
    CHECK_INT(terms_bits(&terms_delivery, "hybrid"), DELIVERY_HYBRID);
    CHECK_INT(terms_bits(&terms_delivery, "mail"), 0);
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
    CHECK_INT(terms_kinds("group"), KIND_GROUP);
    CHECK_INT(terms_kinds("program"), KIND_PROGRAM);
    CHECK_INT(terms_kinds("pathway"), KIND_PATHWAY);
    CHECK_INT(terms_kinds("support"), KIND_SUPPORTS);
    CHECK_INT(terms_kinds("club"), 0);
    CHECK_STR(terms_of(&terms_kind, KIND_PROGRAM)->id, "program");
    CHECK(terms_of(&terms_kind, KIND_SUPPORTS) == NULL);
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
    struct err err = {0};
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
        struct err err = {0};
        int rc = query_page(deep(), &q, 0, 100, &p, &err);
        if (rc != 0)
            fprintf(stderr, "  query_page failed for text \"%s\": %s\n", hostile[i], err.msg);
        CHECK_INT(rc, 0);
        err = (struct err){0};
        size_t n = 999;
        int rc2 = query_count(deep(), &q, &n, &err);
        if (rc2 != 0)
            fprintf(stderr, "  query_count failed for text \"%s\": %s\n", hostile[i], err.msg);
        CHECK_INT(rc2, 0);
        if (rc == 0 && rc2 == 0)
            CHECK_INT(n, p.n);
        if (rc == 0)
            query_page_finish(&p);
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
    struct err err = {0};
    CHECK_INT(query_count(deep(), &q2, &n, &err), 0);
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
    struct err err = {0};
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
        query_page_finish(&p);
    }
    CHECK_INT(total, count);
    CHECK_STR(sb_str(&b), ALL_ORDERED);
    sb_finish(&b);

    struct page p;
    CHECK_INT(query_page(deep(), &q, 12, 5, &p, &err), 0);
    CHECK_INT(p.n, 0);
    query_page_finish(&p);
    CHECK_INT(query_page(deep(), &q, 0, 0, &p, &err), 0);
    CHECK_INT(p.n, 0);
    query_page_finish(&p);

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
        query_page_finish(&one);
    }
    query_page_finish(&all);
}

static void test_row_fields(void)
{
    struct query q = {.text = "ontario mentorship program"};
    struct page p;
    struct err err = {0};
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
    query_page_finish(&p);
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
    query_page_finish(&p);
}

/* ---- the filter semantics as SQL: the reference the query module must agree with ---- */

/* The ids the spec's rules give for q in store, in the spec's order, straight from the tables with
 * SQL (the way the query module worked before its list index): comma-separated, or "ERROR". */
static char *reference_ids(struct store *store, const struct query *q)
{
    struct sb sql = {0};
    const char *bind[64];
    int n = 0;
    char *fts = query_fts_expr(q->text);
    if (q->region) {
        sb_add(&sql, "WITH rel(region, depth) AS ("
                     " SELECT c.ancestor, r.depth FROM region_closure c JOIN region r"
                     " ON r.id = c.ancestor WHERE c.descendant = ?"
                     " UNION SELECT c.descendant, r.depth FROM region_closure c JOIN region r"
                     " ON r.id = c.descendant WHERE c.ancestor = ?),"
                     " m(rid, spec) AS (SELECT er.rid, max(rel.depth) FROM entry_region er"
                     " JOIN rel ON rel.region = er.region GROUP BY er.rid) ");
        bind[n++] = q->region;
        bind[n++] = q->region;
    }
    sb_add(&sql, "SELECT e.id FROM entry e");
    if (q->region)
        sb_add(&sql, " JOIN m ON m.rid = e.rid");
    if (fts)
        sb_add(&sql, " JOIN entry_fts ON entry_fts.rowid = e.rid");
    sb_add(&sql, " WHERE 1");
    if (fts) {
        sb_add(&sql, " AND entry_fts MATCH ?");
        bind[n++] = fts;
    }
    static const char *const kinds[] = {"group", "program", "pathway"};
    static const char *const deliveries[] = {"online", "in-person", "hybrid"};
    if (q->kinds & 7u) {
        sb_add(&sql, " AND e.kind IN (NULL");
        for (int i = 0; i < 3; i++)
            if (q->kinds & (1u << i)) {
                sb_add(&sql, ", ?");
                bind[n++] = kinds[i];
            }
        sb_add(&sql, ")");
    }
    const char *const *lists[] = {q->goals, q->services};
    size_t counts[] = {q->n_goals, q->n_services};
    static const char *const tables[] = {"entry_goal WHERE goal", "entry_service WHERE service"};
    for (int l = 0; l < 2; l++) {
        if (!counts[l])
            continue;
        sb_addf(&sql, " AND e.rid IN (SELECT rid FROM %s IN (NULL", tables[l]);
        for (size_t i = 0; i < counts[l] && n < 60; i++) {
            sb_add(&sql, ", ?");
            bind[n++] = lists[l][i];
        }
        sb_add(&sql, "))");
    }
    if (q->delivery & 7u) {
        sb_add(&sql, " AND e.rid IN (SELECT rid FROM entry_delivery WHERE delivery IN (NULL");
        for (int i = 0; i < 3; i++)
            if (q->delivery & (1u << i)) {
                sb_add(&sql, ", ?");
                bind[n++] = deliveries[i];
            }
        sb_add(&sql, "))");
    }
    /* By the name in the reader's language where the entry has one, folded (entry_tr's extra). */
    sb_addf(&sql, " ORDER BY %s%s, %s, e.id, e.rid",
            fts ? "bm25(entry_fts, 10.0, 8.0, 3.0, 2.0, 2.0, 1.0), " : "",
            q->region ? "m.spec DESC" : "e.spec DESC",
            q->lang ? "coalesce((SELECT extra FROM entry_tr WHERE rid = e.rid AND lang = ?"
                      " AND key = 'name' AND pos = 0), e.sort_key)"
                    : "e.sort_key");
    if (q->lang)
        bind[n++] = q->lang;
    sqlite3_stmt *s;
    struct sb ids = {0};
    if (sqlite3_prepare_v2(store->db, sb_str(&sql), -1, &s, NULL) != SQLITE_OK) {
        sb_add(&ids, "ERROR");
    } else {
        for (int i = 0; i < n; i++)
            sqlite3_bind_text(s, i + 1, bind[i], -1, SQLITE_STATIC);
        for (int k = 0; sqlite3_step(s) == SQLITE_ROW; k++) {
            if (k)
                sb_addc(&ids, ',');
            sb_add(&ids, (const char *)sqlite3_column_text(s, 0));
        }
        sqlite3_finalize(s);
    }
    sb_finish(&sql);
    free(fts);
    return sb_take(&ids);
}

/* Every combination of region, goal, kind, service, delivery and words: the same entries in the
 * same order as the reference, and pages that add up to the whole. */
static void test_agrees_with_reference(void)
{
    static const char *const regions[] = {
            NULL,       "canada",          "ontario",  "quebec",  "niagara-region", "st-catharines",
            "kingston", "montreal-region", "montreal", "atlantis"};
    static const char *const goals[] = {NULL, "residency", "pra", "alternative-career", "nope"};
    static const char *const texts[] = {NULL,  "m",         "ment",    "physicians",
                                        "o p", "ontario m", "québec",  "e",
                                        "and", "zzz",       "a b c d", "programme m"};
    static const unsigned kinds[] = {0, KIND_SUPPORTS, KIND_GROUP, KIND_PROGRAM, KIND_PATHWAY};
    size_t cases = 0, mismatches = 0, ranked = 0;
    for (size_t r = 0; r < sizeof regions / sizeof *regions; r++)
        for (size_t g = 0; g < sizeof goals / sizeof *goals; g++)
            for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
                for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
                    for (int v = 0; v < 3; v++) {
                        struct query q = {
                                .region = regions[r], .kinds = kinds[k], .text = texts[t]};
                        if (goals[g])
                            q.goals[q.n_goals++] = goals[g];
                        if (v == 1)
                            q.services[q.n_services++] = "mentorship";
                        if (v == 2)
                            q.delivery = DELIVERY_ONLINE | DELIVERY_HYBRID;
                        char *want = reference_ids(deep(), &q), *got = ids(&q);
                        cases++;
                        /* Cases where the rank orders at least two entries. */
                        ranked += q.text && strchr(want, ',') != NULL;
                        if (strcmp(want, got) != 0 && mismatches++ < 5)
                            fprintf(stderr,
                                    "  region %s goal %s kinds %u text %s v%d:\n"
                                    "    got  %s\n    want %s\n",
                                    q.region ? q.region : "-", goals[g] ? goals[g] : "-", q.kinds,
                                    q.text ? q.text : "-", v, got, want);
                        /* A page at a time gives the same, in the same order. */
                        struct sb paged = {0};
                        for (size_t off = 0;; off += 2) {
                            struct page p;
                            struct err err = {0};
                            if (query_page(deep(), &q, off, 2, &p, &err) != 0) {
                                break;
                            }
                            for (size_t i = 0; i < p.n; i++) {
                                if (paged.len)
                                    sb_addc(&paged, ',');
                                sb_add(&paged, p.rows[i].id);
                            }
                            size_t got_n = p.n;
                            query_page_finish(&p);
                            if (got_n < 2)
                                break;
                        }
                        CHECK_STR(sb_str(&paged), got);
                        sb_finish(&paged);
                        free(want);
                        free(got);
                    }
    CHECK_INT(mismatches, 0);
    CHECK(cases > 1000);
    fprintf(stderr, "  %zu cases, %zu ranked by words\n", cases, ranked);
    CHECK(ranked > 100);
}

/* Version 2 (tests/fixtures/cli-v2.json): entries with no delivery stated, places under places,
 * and text in two languages: the list index agrees with the reference here too. */
static void test_agrees_with_reference_v2(void)
{
    struct store *v2;
    if (!memory_store("cli-v2.json", &v2)) {
        CHECK(false);
        return;
    }
    static const char *const regions[] = {
            NULL,      "canada",         "quebec",         "quebec-city",
            "ontario", "niagara-region", "greater-sudbury"};
    static const char *const texts[] = {NULL,       "bureau", "diplomes", "québec",
                                        "permis r", "circle", "o",        "inscrire"};
    static const unsigned kinds[] = {0, KIND_SUPPORTS, KIND_PATHWAY};
    static const unsigned deliveries[] = {0, DELIVERY_ONLINE, DELIVERY_IN_PERSON | DELIVERY_HYBRID};
    /* No language (the file's), French (its names), and a language it has no names in. */
    static const char *const langs[] = {NULL, "fr", "de"};
    size_t cases = 0, mismatches = 0, empty = 0;
    for (size_t r = 0; r < sizeof regions / sizeof *regions; r++)
        for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
            for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
                for (size_t d = 0; d < sizeof deliveries / sizeof *deliveries * 3; d++) {
                    struct query q = {.region = regions[r],
                                      .text = texts[t],
                                      .kinds = kinds[k],
                                      .delivery = deliveries[d % 3],
                                      .lang = langs[d / 3]};
                    char *want = reference_ids(v2, &q), *got = ids_in(v2, &q);
                    cases++;
                    empty += !*want;
                    if (strcmp(want, got) != 0 && mismatches++ < 5)
                        fprintf(stderr,
                                "  v2: region %s text %s kinds %u delivery %u lang %s:\n"
                                "    got  %s\n    want %s\n",
                                q.region ? q.region : "-", q.text ? q.text : "-", q.kinds,
                                q.delivery, q.lang ? q.lang : "-", got, want);
                    free(want);
                    free(got);
                }
    CHECK_INT(mismatches, 0);
    CHECK(cases == 7 * 8 * 3 * 3 * 3);
    /* A comparison of empty lists proves little: most cases list something. */
    fprintf(stderr, "  v2: %zu cases, %zu empty\n", cases, empty);
    CHECK(cases - empty > 100);
    /* A French reader's list is in the order of the French names (Bureau des diplômés before
     * Careers beside medicine; Permis restrictif after Ontario Old Circle), the English one in
     * the English names' (Quebec IMG Office after Ontario Old Circle), most specific first in
     * both; a language without names reads in the file's order. */
    struct query fr = {.lang = "fr"}, en = {0}, de = {.lang = "de"};
    char *got = ids_in(v2, &fr);
    CHECK_STR(got, "quiet-network,sudbury-circle,qc-office,on-alt,closed-program,old-circle,"
                   "qc-permit");
    free(got);
    static const char en_order[] = "quiet-network,sudbury-circle,on-alt,closed-program,old-circle,"
                                   "qc-office,qc-permit";
    got = ids_in(v2, &en);
    CHECK_STR(got, en_order);
    free(got);
    got = ids_in(v2, &de);
    CHECK_STR(got, en_order);
    free(got);
    /* Where an entry is in each order: a list keeps its selected entry across a switch. */
    size_t at = 0;
    struct err err = {0};
    int64_t office = 0; /* qc-office's rid */
    struct page p;
    CHECK_INT(query_page(v2, &en, 0, 100, &p, &err), 0);
    for (size_t i = 0; i < p.n; i++)
        if (strcmp(p.rows[i].id, "qc-office") == 0)
            office = p.rows[i].rid;
    query_page_finish(&p);
    CHECK(office > 0);
    CHECK_INT(query_position(v2, &fr, office, &at, &err), 0);
    CHECK_INT(at, 2);
    CHECK_INT(query_position(v2, &en, office, &at, &err), 0);
    CHECK_INT(at, 5);
    struct query fr_ontario = {.lang = "fr", .region = "ontario"},
                 fr_words = {.lang = "fr", .text = "o"};
    CHECK_INT(query_position(v2, &fr_ontario, office, &at, &err), 0);
    CHECK(at == SIZE_MAX); /* not in that list */
    CHECK_INT(query_position(v2, &fr_words, office, &at, &err), 0);
    char *words = ids_in(v2, &fr_words);
    size_t want = 0;
    for (const char *c = words; *c && strncmp(c, "qc-office", 9) != 0; c++)
        want += *c == ',';
    CHECK(strstr(words, "qc-office") != NULL);
    CHECK_INT(at, want);
    free(words);
    CHECK_INT(query_position(v2, &fr, 999, &at, &err), 0); /* no such entry */
    CHECK(at == SIZE_MAX);
    /* The caches keep the orders apart: English again after French, French after English. */
    got = ids_in(v2, &fr);
    CHECK(strncmp(got, "quiet-network,sudbury-circle,qc-office,", 39) == 0);
    free(got);
    store_destroy(v2);
}

/* Entries the words rank alike: the most specific region first, then the name, as without words
 * (tests/fixtures/unit-ties.json: eta says "mentors" too; the others tie). */
static void test_ties_in_rank(void)
{
    struct store *ties;
    if (!memory_store("unit-ties.json", &ties)) {
        CHECK(false);
        return;
    }
    struct query q = {.text = "ment"};
    char *got = ids_in(ties, &q);
    CHECK_STR(got, "eta,alpha,delta,gamma,beta,zeta");
    free(got);
    static const char *const regions[] = {NULL, "canada", "ontario", "toronto"};
    static const char *const texts[] = {"ment", "circle", "physicians m", "c", "for"};
    for (size_t r = 0; r < 4; r++)
        for (size_t t = 0; t < 5; t++) {
            struct query q2 = {.region = regions[r], .text = texts[t]};
            char *want = reference_ids(ties, &q2);
            got = ids_in(ties, &q2);
            CHECK_STR(got, want);
            free(want);
            free(got);
        }
    memory_store_close(&ties);
}

static void test_finish(void)
{
    memory_store_close(&st);
    CHECK(st == NULL);
}

/* How old an entry is: a year or a month counts from its first day; verified, when given, is
 * the date that counts; the cutoff is two years before today. */
static void test_old(void)
{
    CHECK(query_dated_before("2021-09", "2021-09-15"));
    CHECK(!query_dated_before("2021-09", "2021-09-01"));
    CHECK(query_dated_before("2021", "2021-01-02"));
    CHECK(!query_dated_before("2021", "2021-01-01"));
    CHECK(query_dated_before("2020-12-31", "2021-01-01"));
    CHECK(!query_dated_before("2024-05-01", "2024-05-01"));
    CHECK(!query_dated_before(NULL, "2024-05-01"));
    char cutoff[16];
    /* 2026-03-01 12:00 UTC and 2024-02-29 (a leap day) 12:00 UTC. */
    query_old_cutoff(cutoff, sizeof cutoff, 1772366400LL);
    CHECK_STR(cutoff, "2024-03-01");
    query_old_cutoff(cutoff, sizeof cutoff, 1709208000LL);
    CHECK_STR(cutoff, "2022-02-28");
    size_t n = 99;
    struct err e = {0};
    /* Every entry of unit-deep.json is as of 2024-05; ontario-mentors was verified 2024-06-01. */
    CHECK_INT(query_count_older(deep(), "2024-05-01", &n, &e), 0);
    CHECK_INT(n, 0);
    CHECK_INT(query_count_older(deep(), "2024-05-02", &n, &e), 0);
    CHECK_INT(n, 11);
    CHECK_INT(query_count_older(deep(), "2030-01-01", &n, &e), 0);
    CHECK_INT(n, 12);
    /* A page's rows carry the date that counts. */
    struct query q = {.text = "mentors"};
    struct page pg = {0};
    CHECK_INT(query_page(deep(), &q, 0, 10, &pg, &e), 0);
    for (size_t i = 0; i < pg.n; i++)
        if (strcmp(pg.rows[i].id, "ontario-mentors") == 0)
            CHECK_STR(pg.rows[i].dated, "2024-06-01");
    query_page_finish(&pg);
}

/* The entries older than cutoff counted by the rule itself, over the whole table (what
 * query_count_older did before the build kept counts by date). */
static size_t older_by_scan(struct store *store, const char *cutoff)
{
    sqlite3_stmt *s;
    size_t n = 0;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT count(*) FROM entry WHERE coalesce(verified, as_of)"
                           " || substr('-01-01', length(coalesce(verified, as_of)) - 3) < ?",
                           -1, &s, NULL) != SQLITE_OK)
        return (size_t)-1;
    sqlite3_bind_text(s, 1, cutoff, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* Every cutoff around every date of store: the counts by date agree with the scan. */
static void check_older_agrees(struct store *store)
{
    static const char *const fixed[] = {"",           "0",          "2024",       "2024-05",
                                        "2024-05-01", "2024-05-02", "2024-06-01", "2024-06-02",
                                        "9999-12-31", "\xff"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        size_t n = 99;
        struct err e = {0};
        CHECK_INT(query_count_older(store, fixed[i], &n, &e), 0);
        CHECK_INT(n, older_by_scan(store, fixed[i]));
    }
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT DISTINCT coalesce(verified, as_of) FROM entry"
                           " WHERE coalesce(verified, as_of) IS NOT NULL",
                           -1, &s, NULL) != SQLITE_OK) {
        CHECK(false);
        return;
    }
    size_t dates = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(s, 0);
        char around[4][32];
        snprintf(around[0], sizeof around[0], "%s", d);
        snprintf(around[1], sizeof around[1], "%s-01", d);
        snprintf(around[2], sizeof around[2], "%s-02", d);
        snprintf(around[3], sizeof around[3], "%.9s", d);
        for (int k = 0; k < 4; k++) {
            size_t n = 99;
            struct err e = {0};
            CHECK_INT(query_count_older(store, around[k], &n, &e), 0);
            CHECK_INT(n, older_by_scan(store, around[k]));
        }
        dates++;
    }
    sqlite3_finalize(s);
    CHECK(dates > 0);
}

/* Home's count of old facts reads the counts by date the build keeps (facet row 'dated'): the
 * same number as the rule applied to every entry, for any cutoff; a store without the row (a
 * cache written before it) or with a damaged one is counted by the scan, with the same result. */
static void test_old_counts_by_date(void)
{
    struct store *bundled = NULL;
    struct diags d = {0};
    struct dataset_input in = {.path = UNIT_BUNDLED};
    struct err e = {0};
    CHECK_INT(store_open_memory(&in, UNIT_BUNDLED, 0, &bundled, &d, &e), 0);
    diags_finish(&d);
    struct store *stores[] = {deep(), bundled};
    for (size_t i = 0; i < 2; i++) {
        if (!stores[i])
            continue;
        /* The row is there and says the same as the scan. */
        size_t n = 0;
        CHECK_INT(facet_count_dated_before(stores[i]->db, "9999-12-31", &n), SQLITE_OK);
        CHECK(n > 0);
        CHECK_INT(n, older_by_scan(stores[i], "9999-12-31"));
        check_older_agrees(stores[i]);
    }
    /* A damaged row is refused and the scan counts. */
    CHECK(exec_sql(bundled->db, "UPDATE facet SET data = x'49545044010000000500000001'"
                                " WHERE name = 'dated'"));
    size_t n = 0;
    CHECK_INT(facet_count_dated_before(bundled->db, "2030-01-01", &n), SQLITE_CORRUPT);
    check_older_agrees(bundled);
    /* No row: the scan counts. */
    CHECK(exec_sql(bundled->db, "DELETE FROM facet WHERE name = 'dated'"));
    CHECK_INT(facet_count_dated_before(bundled->db, "2030-01-01", &n), SQLITE_NOTFOUND);
    check_older_agrees(bundled);
    memory_store_close(&bundled);
}

/* Whether a word of name (folded) starts with prefix. */
static bool word_starts(const char *name, const char *prefix)
{
    char *f = text_fold(name);
    bool yes = false;
    for (const char *p = f; *p && !yes; p++)
        yes = strncmp(p, prefix, strlen(prefix)) == 0 && (p == f || !isalnum((unsigned char)p[-1]));
    free(f);
    return yes;
}

/* Whether a word of the entry's name, in its own language or a translation (what the search
 * calls its name), starts with letter. */
static bool name_has_initial(struct store *store, const struct row *r, const char *prefix)
{
    bool yes = word_starts(r->name, prefix);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store->db, "SELECT text FROM entry_tr WHERE rid = ? AND key = 'name'",
                           -1, &s, NULL) != SQLITE_OK)
        return yes;
    sqlite3_bind_int64(s, 1, r->rid);
    while (!yes && sqlite3_step(s) == SQLITE_ROW)
        yes = word_starts((const char *)sqlite3_column_text(s, 0), prefix);
    sqlite3_finalize(s);
    return yes;
}

/* The rows of q in store, as "id" strings with their names: query_page's whole answer. */
static size_t page_of(struct store *store, const struct query *q, struct page *p)
{
    struct err e = {0};
    if (query_page(store, q, 0, 100000, p, &e) != 0)
        return (size_t)-1;
    return p->n;
}

/* The number of entries of store (its largest rid). */
static uint32_t entries_in(struct store *store)
{
    uint32_t n = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store->db, "SELECT max(rid) FROM entry", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        n = (uint32_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* In a large store, a search of one letter, or of two that begin a word in a quarter of the
 * entries, finds what FTS5 finds (the same entries, so the same count), ranked by the cheaper
 * rule: those with a word of their name starting with it first, then the others, each in the
 * order of the list without words. Other prefixes, and a store whose row is missing or damaged,
 * rank by bm25, as a small store does. */
static void check_initials(struct store *store, const char *const *regions, size_t n_regions)
{
    static const char *const texts[] = {"m",  "M",  "e",  "q",  "z",     "1",  "c c", " p!",
                                        "pr", "Co", "me", "in", "re re", "ca", "zq",  "de"};
    size_t compared = 0, two = 0;
    uint32_t entries = entries_in(store);
    for (size_t r = 0; r < n_regions; r++)
        for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
            for (unsigned k = 0; k < 3; k++) {
                struct query q = {.region = regions[r],
                                  .text = texts[t],
                                  .kinds = k == 0   ? 0
                                           : k == 1 ? KIND_SUPPORTS
                                                    : KIND_PATHWAY};
                /* FTS5's matches, as the reference finds them. */
                char *want_set = reference_ids(store, &q);
                struct page all, got;
                struct query plain = q;
                plain.text = NULL;
                size_t n_all = page_of(store, &plain, &all), n_got = page_of(store, &q, &got);
                CHECK(n_all != (size_t)-1 && n_got != (size_t)-1);
                size_t count = 99;
                struct err e = {0};
                CHECK_INT(query_count(store, &q, &count, &e), 0);
                CHECK_INT(count, n_got);
                /* The expected order: the list without words, kept where FTS5 matched, the ones
                 * with the letter in their name first. */
                char prefix[3] = "";
                const char *w = texts[t] + strspn(texts[t], " ");
                for (size_t i = 0; i < 2 && isalnum((unsigned char)w[i]); i++)
                    prefix[i] = (char)tolower((unsigned char)w[i]);
                uint32_t *any = NULL, *name = NULL;
                bool kept = facet_initial(store->db, prefix, entries, &any, &name) == SQLITE_OK;
                free(any);
                free(name);
                struct sb want = {0};
                size_t n_want = 0;
                if (!kept)
                    sb_add(&want, want_set); /* not kept: bm25, as the reference ranks */
                two += kept && prefix[1];
                for (int pass = 0; pass < 2 && kept; pass++)
                    for (size_t i = 0; i < n_all; i++) {
                        char key[300];
                        snprintf(key, sizeof key, ",%s,", all.rows[i].id);
                        char *padded = xasprintf(",%s,", want_set);
                        bool matched = strstr(padded, key) != NULL;
                        free(padded);
                        if (!matched ||
                            name_has_initial(store, &all.rows[i], prefix) == (pass == 1))
                            continue;
                        if (n_want++)
                            sb_addc(&want, ',');
                        sb_add(&want, all.rows[i].id);
                    }
                struct sb have = {0};
                for (size_t i = 0; i < got.n; i++) {
                    if (i)
                        sb_addc(&have, ',');
                    sb_add(&have, got.rows[i].id);
                }
                CHECK_STR(sb_str(&have), sb_str(&want));
                /* The count is FTS5's. */
                size_t n_fts = *want_set ? 1 : 0;
                for (const char *c = want_set; *c; c++)
                    n_fts += *c == ',';
                CHECK_INT(count, n_fts);
                compared += n_want > 1;
                sb_finish(&want);
                sb_finish(&have);
                free(want_set);
                query_page_finish(&all);
                query_page_finish(&got);
            }
    CHECK(compared > 10);
    /* Some pairs are common enough to be kept, some not. */
    CHECK(two > 10);
}

static void test_one_letter_rule(void)
{
    struct store *bundled = NULL, *d = NULL;
    struct diags dg = {0};
    struct dataset_input in = {.path = UNIT_BUNDLED};
    struct err e = {0};
    CHECK_INT(store_open_memory(&in, UNIT_BUNDLED, 0, &bundled, &dg, &e), 0);
    diags_finish(&dg);
    if (!bundled || !memory_store("unit-deep.json", &d)) {
        CHECK(false);
        return;
    }
    /* Small stores keep no row: bm25 ranks (the other tests compare it with the reference). */
    uint32_t *any = NULL, *name = NULL;
    CHECK_INT(facet_initial(bundled->db, "m", entries_in(bundled), &any, &name), SQLITE_NOTFOUND);
    /* Built as for a large store. */
    CHECK_INT(facet_build_initials(bundled->db, entries_in(bundled), 0), SQLITE_OK);
    CHECK_INT(facet_build_initials(d->db, entries_in(d), 0), SQLITE_OK);
    static const char *const regions[] = {NULL,      "canada", "ontario",
                                          "toronto", "quebec", "british-columbia"};
    check_initials(bundled, regions, sizeof regions / sizeof *regions);
    static const char *const deep_regions[] = {NULL, "ontario", "niagara-region", "montreal"};
    check_initials(d, deep_regions, sizeof deep_regions / sizeof *deep_regions);
    /* Only one word of one or two letters or digits: a longer word or two words go to FTS5 and
     * bm25, as the reference ranks, a letter outside ASCII too when the index does not fold it
     * to one ("ø" stays itself, "·" is no word). */
    static const char *const others[] = {"m e", "ment", "éco", "ø", "m·e"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        struct query q = {.text = others[i]};
        char *want = reference_ids(bundled, &q), *got = ids_in(bundled, &q);
        CHECK_STR(got, want);
        free(want);
        free(got);
    }
    /* A letter the index folds to ASCII is that letter: "É" finds what "e" finds, in the same
     * order (the rule of the kept rows, not bm25), and FTS5 finds the same set; so does a
     * letter with its accent apart (e and U+0301). */
    static const char *const folded[][2] = {
            {"É", "e"}, {"é", "e"}, {"Mé", "me"}, {"mÉ mé", "me"}, {"Me\xCC\x81", "me"}};
    for (size_t i = 0; i < sizeof folded / sizeof *folded; i++) {
        struct query q = {.text = folded[i][0]}, ascii = {.text = folded[i][1]};
        char *got = ids_in(bundled, &q), *want = ids_in(bundled, &ascii);
        CHECK(*want);
        CHECK_STR(got, want);
        char *fts = reference_ids(bundled, &q), *fts_ascii = reference_ids(bundled, &ascii);
        CHECK_STR(fts, fts_ascii);
        free(got);
        free(want);
        free(fts);
        free(fts_ascii);
    }
    /* A damaged row: FTS5 and bm25 again. */
    CHECK(exec_sql(bundled->db, "UPDATE facet SET data = substr(data, 1, length(data) - 4)"
                                " WHERE name LIKE 'initials.%'"));
    CHECK_INT(facet_initial(bundled->db, "m", entries_in(bundled), &any, &name), SQLITE_CORRUPT);
    struct query q = {.text = "m"};
    char *want = reference_ids(bundled, &q), *got = ids_in(bundled, &q);
    CHECK_STR(got, want);
    free(want);
    free(got);
    memory_store_close(&bundled);
    memory_store_close(&d);
}

/* query_rids: the entries query_page lists without words, in its order, words ignored. */
static void test_rids(void)
{
    static const char *const regions[] = {NULL, "canada", "ontario", "niagara-region", "atlantis"};
    static const unsigned kinds[] = {0, KIND_SUPPORTS, KIND_PATHWAY};
    size_t listed = 0;
    for (size_t r = 0; r < 5; r++)
        for (size_t k = 0; k < 3; k++) {
            struct query q = {.region = regions[r], .kinds = kinds[k], .text = "zzz"};
            uint32_t *rids = NULL;
            size_t n = 99;
            struct err e = {0};
            CHECK_INT(query_rids(deep(), &q, &rids, &n, &e), 0);
            q.text = NULL;
            struct page p;
            CHECK_INT(query_page(deep(), &q, 0, 1000, &p, &e), 0);
            CHECK_INT(n, p.n);
            for (size_t i = 0; i < n && i < p.n; i++)
                CHECK_INT(rids[i], p.rows[i].rid);
            listed += n;
            query_page_finish(&p);
            free(rids);
        }
    CHECK(listed > 20);
}

UNIT_MAIN(CASE(test_old), CASE(test_rids), CASE(test_old_counts_by_date),
          CASE(test_one_letter_rule), CASE(test_old_counts_by_date), CASE(test_no_filters),
          CASE(test_region_city_sees_up), CASE(test_region_region_sees_up_and_down),
          CASE(test_region_kingston), CASE(test_region_province_sees_inside),
          CASE(test_region_quebec), CASE(test_region_montreal_city),
          CASE(test_region_country_sees_all), CASE(test_region_unknown_matches_nothing),
          CASE(test_goals_any_of), CASE(test_services), CASE(test_delivery), CASE(test_kind),
          CASE(test_and_across_filters), CASE(test_text_prefix), CASE(test_text_case_and_accents),
          CASE(test_text_all_words), CASE(test_text_fields), CASE(test_text_rank_name_first),
          CASE(test_text_hostile), CASE(test_text_long), CASE(test_fts_expr),
          CASE(test_order_with_text), CASE(test_paging), CASE(test_row_fields),
          CASE(test_agrees_with_reference), CASE(test_agrees_with_reference_v2),
          CASE(test_ties_in_rank), CASE(test_finish))
