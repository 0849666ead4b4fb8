/* terms.c: the closed vocabularies' tables, made from the X-macros of terms.h, and lookups. */
#include "terms.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

#define TERMS_ROW_(e, value, id, label, plural, gloss) {value, id, label, plural, gloss},
#define TERMS_SET_(name, table)                                                                    \
    static const struct term name##_rows[] = {table(TERMS_ROW_)};                                  \
    const struct terms terms_##name = {name##_rows, sizeof name##_rows / sizeof name##_rows[0]};

TERMS_SET_(kind, TERMS_KIND)
TERMS_SET_(delivery, TERMS_DELIVERY)
TERMS_SET_(pathway_status, TERMS_PATHWAY_STATUS)
TERMS_SET_(support_status, TERMS_SUPPORT_STATUS)
TERMS_SET_(person_status, TERMS_PERSON_STATUS)
TERMS_SET_(discipline, TERMS_DISCIPLINE)
TERMS_SET_(unit, TERMS_UNIT)
TERMS_SET_(region_kind, TERMS_REGION_KIND)

const struct term *terms_find(const struct terms *set, const char *id)
{
    for (size_t i = 0; id && i < set->n; i++)
        if (strcmp(set->v[i].id, id) == 0)
            return &set->v[i];
    return NULL;
}

const struct term *terms_of(const struct terms *set, unsigned value)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].value == value)
            return &set->v[i];
    return NULL;
}

const char *terms_label(const struct terms *set, const char *id)
{
    const struct term *t = terms_find(set, id);
    return t ? _(t->label) : id;
}

unsigned terms_bits(const struct terms *set, const char *id)
{
    const struct term *t = terms_find(set, id);
    return t ? t->value : 0;
}

unsigned terms_kinds(const char *id)
{
    if (id && strcmp(id, "support") == 0)
        return KIND_SUPPORTS;
    return terms_bits(&terms_kind, id);
}

const char *terms_choice(const struct term *t, char *buf, size_t n)
{
    if (!n)
        return buf;
    const char *words = _(t->plural ? t->plural : t->label);
    if (t->gloss)
        snprintf(buf, n, "%s (%s)", words, _(t->gloss));
    else
        snprintf(buf, n, "%s", words);
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

char *terms_list(const struct terms *set, unsigned only, bool quoted)
{
    size_t count = 0, k = 0;
    for (size_t i = 0; i < set->n; i++)
        count += !only || (only & (1u << i));
    struct sb b = {0};
    for (size_t i = 0; i < set->n; i++) {
        if (only && !(only & (1u << i)))
            continue;
        sb_addf(&b, "%s%s%s%s",
                k == 0          ? ""
                : k + 1 < count ? ", "
                                : _(" or "),
                quoted ? "\"" : "", set->v[i].id, quoted ? "\"" : "");
        k++;
    }
    return sb_take(&b);
}
