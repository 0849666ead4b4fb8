/* test_terms.c: the closed vocabularies: ids, words, menus and the lists usage errors print. */
#include <stdlib.h>

#include "terms.h"
#include "unit.h"

static const struct terms *const all[] = {
        &terms_kind,          &terms_delivery,   &terms_pathway_status, &terms_support_status,
        &terms_person_status, &terms_discipline, &terms_unit,           &terms_region_kind,
};

static void test_find(void)
{
    CHECK(terms_find(&terms_delivery, "in-person") == &terms_delivery.v[1]);
    CHECK_INT(terms_find(&terms_delivery, "in-person")->value, DELIVERY_IN_PERSON);
    CHECK(terms_find(&terms_delivery, "in person") == NULL);
    CHECK(terms_find(&terms_delivery, "") == NULL);
    CHECK(terms_find(&terms_delivery, NULL) == NULL);
    CHECK_STR(terms_of(&terms_kind, KIND_PROGRAM)->id, "program");
    CHECK(terms_of(&terms_kind, KIND_SUPPORTS) == NULL);
    CHECK_STR(terms_of(&terms_person_status, PERSON_WORK_PERMIT)->id, "work-permit");
}

static void test_bits(void)
{
    CHECK_INT(terms_bits(&terms_delivery, "online"), DELIVERY_ONLINE);
    CHECK_INT(terms_bits(&terms_delivery, "hybrid"), DELIVERY_HYBRID);
    CHECK_INT(terms_bits(&terms_delivery, "mail"), 0);
    CHECK_INT(terms_bits(&terms_delivery, NULL), 0);
    CHECK_INT(terms_kinds("group"), KIND_GROUP);
    CHECK_INT(terms_kinds("pathway"), KIND_PATHWAY);
    CHECK_INT(terms_kinds("support"), KIND_SUPPORTS);
    CHECK_INT(terms_kinds("club"), 0);
    CHECK_INT(terms_kinds(NULL), 0);
}

/* Each vocabulary's ids are distinct and valid dataset ids; bit vocabularies have one bit each,
 * the i-th (check_enum's .only relies on it), and index vocabularies count from 0. */
static void test_tables(void)
{
    for (size_t s = 0; s < sizeof all / sizeof all[0]; s++) {
        const struct terms *set = all[s];
        CHECK(set->n > 0);
        bool bits = set == &terms_kind || set == &terms_delivery;
        for (size_t i = 0; i < set->n; i++) {
            const struct term *t = &set->v[i];
            CHECK(t->id && t->id[0] && t->label && t->label[0]);
            CHECK_INT(t->value, bits ? 1u << i : i);
            for (size_t k = 0; k < i; k++)
                CHECK(strcmp(set->v[k].id, t->id) != 0);
        }
    }
}

static void test_words(void)
{
    CHECK_STR(terms_label(&terms_delivery, "in-person"), "in person");
    CHECK_STR(terms_label(&terms_kind, "group"), "a group");
    CHECK_STR(terms_label(&terms_pathway_status, "limited"), "limited: exists, with few places");
    CHECK_STR(terms_label(&terms_person_status, "citizen"), "Canadian citizen");
    CHECK_STR(terms_label(&terms_discipline, "specialty"), "another specialty");
    CHECK_STR(terms_label(&terms_unit, "clients-per-year"), "clients a year");
    /* An id the vocabulary lacks (a hand-made database) is shown as it is. */
    CHECK_STR(terms_label(&terms_pathway_status, "paused"), "paused");
}

static void test_choice(void)
{
    char buf[64];
    CHECK_STR(terms_choice(terms_of(&terms_kind, KIND_GROUP), buf, sizeof buf),
              "Groups (networks and associations)");
    CHECK_STR(terms_choice(terms_of(&terms_kind, KIND_PROGRAM), buf, sizeof buf), "Programs");
    CHECK_STR(terms_choice(terms_of(&terms_delivery, DELIVERY_IN_PERSON), buf, sizeof buf),
              "In person");
    CHECK_STR(terms_choice(terms_of(&terms_delivery, DELIVERY_HYBRID), buf, sizeof buf),
              "Hybrid (online and in person)");
    CHECK_STR(terms_choice(terms_find(&terms_person_status, "permanent-resident"), buf, sizeof buf),
              "Permanent resident");
    CHECK_STR(terms_choice(terms_find(&terms_discipline, "family-medicine"), buf, sizeof buf),
              "Family medicine");
    char small[4];
    CHECK_STR(terms_choice(terms_of(&terms_delivery, DELIVERY_ONLINE), small, sizeof small), "Onl");
}

static void test_list(void)
{
    char *s = terms_list(&terms_delivery, 0, false);
    CHECK_STR(s, "online, in-person or hybrid");
    free(s);
    s = terms_list(&terms_kind, KIND_SUPPORTS, true);
    CHECK_STR(s, "\"group\" or \"program\"");
    free(s);
    s = terms_list(&terms_discipline, 0, false);
    CHECK_STR(s, "family-medicine or specialty");
    free(s);
    s = terms_list(&terms_person_status, 0, false);
    CHECK_STR(s, "citizen, permanent-resident, work-permit or refugee");
    free(s);
}

UNIT_MAIN(CASE(test_find), CASE(test_bits), CASE(test_tables), CASE(test_words), CASE(test_choice),
          CASE(test_list))
