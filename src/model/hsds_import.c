/* hsds_import.c: an Open Referral HSDS 3.0 directory (a JSON list of services, NDJSON, or a
 * tabular data package) as an itpnav version 2 dataset, one service at a time. Every value that
 * has no place in the dataset is reported with its place and left out; nothing is guessed. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataset.h"
#include "hsds.h"
#include "hsds_internal.h"
#include "hsds_tabular.h"
#include "i18n.h"
#include "jscan.h"
#include "sha1.h"
#include "text.h"

#define PATH_MAX_LEN 512

/* Where a value is: a place (a file, FILE:LINE, or a CSV row) and a jq path inside it. */
struct at {
    char place[PATH_MAX_LEN];
    char path[PATH_MAX_LEN];
    bool dot; /* the whole of a JSON file: its path is "." */
};

enum { D_ONLINE = 1, D_IN_PERSON = 2, D_HYBRID = 4 };

struct importer {
    const struct hsds_import_options *o;
    struct hlog log;
    struct hbase base;
    struct hmap map;
    sqlite3 *db; /* on disk, private, gone when closed: ids seen, and the tabular tables */
    sqlite3_stmt *seen_get, *seen_put;
    FILE *supports;  /* the supports written so far, one a line */
    const char *dir; /* the tabular package's folder, for the places of its rows */
    size_t records, imported;
    size_t dated, undated;
    char *org; /* the organization of every service, while there is only one */
    bool several_orgs;
    size_t cities;
    cJSON *new_goals, *new_services; /* made from itpnav's own taxonomy terms */
    cJSON *sources;                  /* sources carried by itpnav's extension */
    cJSON *languages;                /* translation languages found */
    size_t removed;                  /* control characters removed */
    bool failed;                     /* the record being read lost a required value */
    char *own_source[2];             /* the ids of the import's sources: dated, undated */
};

/* ---- Places and reports ---- */

static void at_record(struct at *a, const char *place, const char *path)
{
    a->dot = path && strcmp(path, ".") == 0;
    snprintf(a->place, sizeof a->place, "%s", place);
    snprintf(a->path, sizeof a->path, "%s", path && !a->dot ? path : "");
}

/* The place of obj inside parent's, reached by the path step fmt; a row of a tabular package
 * carries its own place (its file and line). */
static void at_child(struct importer *im, struct at *dst, const struct at *parent, const cJSON *obj,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void at_child(struct importer *im, struct at *dst, const struct at *parent, const cJSON *obj,
                     const char *fmt, ...)
{
    const char *origin = hstr(obj, "@origin");
    if (origin && im->dir) {
        snprintf(dst->place, sizeof dst->place, "%s/%s", im->dir, origin);
        dst->path[0] = '\0';
        dst->dot = false;
        return;
    }
    *dst = *parent;
    size_t n = strlen(dst->path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst->path + n, sizeof dst->path - n, fmt, ap);
    va_end(ap);
}

static void report(struct importer *im, enum hlog_kind kind, const struct at *a, const char *key,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(struct importer *im, enum hlog_kind kind, const struct at *a, const char *key,
                   const char *fmt, ...)
{
    struct sb msg = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&msg, fmt, ap);
    va_end(ap);
    char path[PATH_MAX_LEN * 2];
    snprintf(path, sizeof path, "%s%s%s", a->path, key ? "." : "", key ? key : "");
    hlog(&im->log, kind, a->place, path[0] ? path : a->dot ? "." : NULL, "%s", sb_str(&msg));
    sb_finish(&msg);
}

/* Add key to a's path as jq writes it: .key, or .["key"] when it is not a plain name. */
static void path_key(struct at *a, const char *key)
{
    bool plain = (*key >= 'a' && *key <= 'z') || (*key >= 'A' && *key <= 'Z') || *key == '_';
    for (const char *k = key; *k && plain; k++)
        plain = (*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || *k == '_' ||
                (*k >= '0' && *k <= '9');
    size_t n = strlen(a->path);
    if (plain) {
        snprintf(a->path + n, sizeof a->path - n, ".%s", key);
        return;
    }
    struct sb b = {0};
    sb_add(&b, ".[\"");
    for (const char *k = key; *k && b.len < 80; k++) {
        if (*k == '"' || *k == '\\')
            sb_addc(&b, '\\');
        sb_addc(&b, *k);
    }
    sb_add(&b, "\"]");
    snprintf(a->path + n, sizeof a->path - n, "%s", sb_str(&b));
    sb_finish(&b);
}

/* Quote at most 60 characters of s for a message. */
static char *quoted(const char *s)
{
    char buf[256];
    text_fit(buf, sizeof buf, s, 60);
    /* TRANSLATORS: a value of the directory quoted in a report. */
    return xasprintf(C_("quoting a value", "\"%s\""), buf);
}

/* The cleaned text of obj[key], or NULL: absent or empty is silent, anything else unusable is
 * reported (and, when required, makes the record fail). */
static char *text_of(struct importer *im, const cJSON *obj, const char *key, const struct at *a,
                     unsigned flags, size_t max, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v) || (cJSON_IsString(v) && !v->valuestring[0])) {
        if (required) {
            report(im, HLOG_UNMAPPED, a, key,
                   _("missing; the record cannot be imported without it"));
            im->failed = true;
        }
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        report(im, HLOG_UNMAPPED, a, key, "%s",
               required ? _("expected a string; the record is left out")
                        : _("expected a string; left out"));
        im->failed |= required;
        return NULL;
    }
    struct sb why = {0};
    unsigned removed = 0;
    char *s = hclean(v->valuestring, strlen(v->valuestring), flags, max, &removed, &why);
    if (!s) {
        if (strcmp(sb_str(&why), _(hclean_empty)) != 0 || required) {
            if (required)
                /* TRANSLATORS: %s is why the value cannot be used ("invalid UTF-8 (...)",
                 * "empty"); the record it belongs to is not imported. */
                report(im, HLOG_UNMAPPED, a, key, _("%s; the record is left out"), sb_str(&why));
            else
                /* TRANSLATORS: %s is why the value cannot be used ("invalid UTF-8 (...)",
                 * "empty"); the value is not imported, the rest of its record is. */
                report(im, HLOG_UNMAPPED, a, key, C_("a value", "%s; left out"), sb_str(&why));
        }
        im->failed |= required;
    } else {
        if (removed) {
            report(im, HLOG_WARNING, a, key,
                   ngettext("%u control or bidirectional character removed",
                            "%u control or bidirectional characters removed", removed),
                   removed);
            im->removed += removed;
        }
        if (hmojibake(s)) {
            char *q = quoted(s);
            report(im, HLOG_WARNING, a, key,
                   /* TRANSLATORS: %s is the value, quoted. */
                   _("%s looks like text decoded with the wrong character set; imported as it is"),
                   q);
            free(q);
        }
    }
    sb_finish(&why);
    return s;
}

/* A number, or a string holding one (CSV cells are strings). */
static bool num_of(const cJSON *obj, const char *key, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (cJSON_IsNumber(v)) {
        *out = v->valuedouble;
        return isfinite(*out);
    }
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return false;
    char *end;
    *out = strtod(v->valuestring, &end);
    while (*end == ' ')
        end++;
    return !*end && isfinite(*out);
}

static bool valid_url(const char *s)
{
    const char *rest = strncmp(s, "https://", 8) == 0  ? s + 8
                       : strncmp(s, "http://", 7) == 0 ? s + 7
                                                       : NULL;
    if (!rest || !*rest || *rest == '/')
        return false;
    for (const char *p = rest; *p; p++)
        if ((unsigned char)*p <= 0x20)
            return false;
    return true;
}

/* Add s to the array arr unless it is there. */
static void add_unique(cJSON *arr, const char *s)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) if (strcmp(e->valuestring, s) == 0) return;
    cJSON_AddItemToArray(arr, cJSON_CreateString(s));
}

static void add_all(cJSON *arr, const cJSON *from)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, from) if (cJSON_IsString(e)) add_unique(arr, e->valuestring);
}

/* ---- Regions ---- */

static void add_region(cJSON *regions, const struct hbase *b, size_t i)
{
    add_unique(regions, b->r[i].id);
}

/* A service area: the map's word for it, else the region tree's. */
static void map_area(struct importer *im, const cJSON *area, const struct at *a, size_t prov,
                     cJSON *regions)
{
    char *name = text_of(im, area, "name", a, 0, 2000, false);
    if (!name) {
        if (!hstr(area, "name") || !hstr(area, "name")[0])
            report(im, HLOG_UNMAPPED, a, NULL,
                   _("a service area without a name (an extent alone cannot be placed)"));
        return;
    }
    const struct hmap_region *m = hmap_region(&im->map, &im->base, name, prov);
    if (m) {
        const cJSON *e;
        cJSON_ArrayForEach(e, m->regions)
        {
            size_t i = hbase_region(&im->base, e->valuestring);
            if (i != SIZE_MAX)
                add_region(regions, &im->base, i);
        }
        free(name);
        return;
    }
    size_t i, named;
    struct sb why = {0};
    int r = hbase_match(&im->base, name, prov, &i, &named, &why);
    char *q = quoted(name);
    if (r == 1)
        add_region(regions, &im->base, i);
    else if (r < 0)
        /* TRANSLATORS: the name quoted, then why ("3 regions are named so"). */
        report(im, HLOG_UNMAPPED, a, "name",
               _("%s names more than one region (%s); write it as \"Name, Province\" or map it"), q,
               sb_str(&why));
    else if (named != SIZE_MAX)
        /* TRANSLATORS: the name quoted, then a province or territory. */
        report(im, HLOG_UNMAPPED, a, "name", _("no region named %s in %s"), q,
               im->base.r[named].name);
    else
        report(im, HLOG_UNMAPPED, a, "name", _("no region named %s"), q);
    free(q);
    sb_finish(&why);
    free(name);
}

/* The province an address is in, or SIZE_MAX (reported when it says one that is not known). */
static size_t address_province(struct importer *im, const cJSON *addr, const struct at *a,
                               bool quiet)
{
    const char *country = hstr(addr, "country");
    char *c = country ? hclean_quiet(country, strlen(country), 0, 100) : NULL;
    bool canada =
            !c || strcasecmp(c, "CA") == 0 || strcasecmp(c, "CAN") == 0 || hname_equal(c, "Canada");
    const char *sp = hstr(addr, "state_province");
    struct sb why = {0};
    char *p = sp ? hclean(sp, strlen(sp), 0, 300, NULL, &why) : NULL;
    sb_finish(&why);
    size_t prov = p ? hbase_province(&im->base, p) : SIZE_MAX;
    if (!quiet && !canada && prov == SIZE_MAX) {
        char *q = quoted(c);
        /* TRANSLATORS: %s is the address's country, quoted. */
        report(im, HLOG_UNMAPPED, a, "country", _("%s is not Canada; the address names no region"),
               q);
        free(q);
    } else if (!quiet && prov == SIZE_MAX) {
        char *q = quoted(p ? p : "");
        report(im, HLOG_UNMAPPED, a, "state_province", _("no province or territory named %s"), q);
        free(q);
    }
    free(c);
    free(p);
    return prov;
}

/* An address as a region: its city under its province, added when the tree lacks it. */
static void map_address(struct importer *im, const cJSON *addr, const struct at *a, cJSON *regions)
{
    size_t prov = address_province(im, addr, a, false);
    if (prov == SIZE_MAX)
        return;
    char *city = text_of(im, addr, "city", a, 0, HSDS_NAME_MAX, false);
    if (!city) {
        add_region(regions, &im->base, prov);
        return;
    }
    const struct hmap_region *m = hmap_region(&im->map, &im->base, city, prov);
    if (m) {
        const cJSON *e;
        cJSON_ArrayForEach(e, m->regions)
        {
            size_t i = hbase_region(&im->base, e->valuestring);
            if (i != SIZE_MAX)
                add_region(regions, &im->base, i);
        }
        free(city);
        return;
    }
    char *full = xasprintf("%s, %s", city, im->base.r[prov].name);
    size_t i, named;
    struct sb why = {0};
    int r = hbase_match(&im->base, full, prov, &i, &named, &why);
    if (r == 1 && im->base.r[i].prov_i == prov) {
        add_region(regions, &im->base, i);
    } else if (r < 0) {
        char *q = quoted(full);
        /* TRANSLATORS: "City, Province" quoted, then why ("3 regions are named so"). */
        report(im, HLOG_UNMAPPED, a, "city", _("%s names more than one region (%s)"), q,
               sb_str(&why));
        free(q);
    } else {
        i = hbase_add_city(&im->base, city, prov);
        im->cities++;
        add_region(regions, &im->base, i);
    }
    sb_finish(&why);
    free(full);
    free(city);
}

/* ---- Taxonomy terms ---- */

struct terms {
    cJSON *goals, *services;
    const char *kind;
};

/* A term of itpnav's own taxonomy (an export's): "goal/ID" or "service/ID". */
static bool own_term(struct importer *im, const cJSON *term, const struct at *a, struct terms *t)
{
    const cJSON *detail = cJSON_GetObjectItemCaseSensitive(term, "taxonomy_detail");
    const char *tax = hstr(term, "taxonomy"), *tname = hstr(detail, "name");
    if (!(tax && strcmp(tax, "itpnav") == 0) && !(tname && strcmp(tname, "itpnav") == 0))
        return false;
    const char *code = hstr(term, "code");
    if (!code)
        return false;
    bool goal = strncmp(code, "goal/", 5) == 0, service = strncmp(code, "service/", 8) == 0;
    if (!goal && !service)
        return false;
    const char *id = code + (goal ? 5 : 8);
    if (!dataset_valid_id(id)) {
        char *q = quoted(id);
        report(im, HLOG_UNMAPPED, a, "code", _("%s is not an itpnav id"), q);
        free(q);
        return true;
    }
    cJSON *known = goal ? im->base.goals : im->base.services;
    cJSON *added = goal ? im->new_goals : im->new_services;
    if (!hbase_find(known, id) && !hbase_find(added, id)) {
        /* A goal or service the joined dataset lacks: made from the term, as the directory
         * describes it. */
        bool failed = im->failed;
        char *name = text_of(im, term, "name", a, 0, HSDS_NAME_MAX, true);
        char *summary = text_of(im, term, "description", a, HCLEAN_LONG, HSDS_TEXT_MAX, goal);
        im->failed = failed;
        if (!name || (goal && !summary)) {
            free(name);
            free(summary);
            return true;
        }
        cJSON *rec = cJSON_CreateObject();
        cJSON_AddStringToObject(rec, "id", id);
        cJSON_AddStringToObject(rec, "name", name);
        if (summary && strcmp(summary, name) != 0)
            cJSON_AddStringToObject(rec, "summary", summary);
        cJSON_AddItemToArray(added, rec);
        free(name);
        free(summary);
    }
    add_unique(goal ? t->goals : t->services, id);
    return true;
}

static void map_term(struct importer *im, const cJSON *attr, const struct at *a, struct terms *t)
{
    const cJSON *term = cJSON_GetObjectItemCaseSensitive(attr, "taxonomy_term");
    struct at ta;
    at_child(im, &ta, a, term, ".taxonomy_term");
    if (!cJSON_IsObject(term)) {
        const char *tid = hstr(attr, "taxonomy_term_id");
        if (tid && *tid)
            report(im, HLOG_UNMAPPED, a, "taxonomy_term_id",
                   _("the term \"%s\" is not in the directory"), tid);
        return;
    }
    if (own_term(im, term, &ta, t))
        return;
    const cJSON *detail = cJSON_GetObjectItemCaseSensitive(term, "taxonomy_detail");
    const char *code = hstr(term, "code"), *name = hstr(term, "name"), *id = hstr(term, "id");
    const char *tax = hstr(term, "taxonomy") ? hstr(term, "taxonomy") : hstr(detail, "name");
    bool found = false;
    char *name_k = name ? hname_key(name) : NULL, *tax_k = tax ? hname_key(tax) : NULL;
    for (size_t i = 0; i < im->map.n_terms; i++) {
        const struct hmap_term *m = &im->map.terms[i];
        if (!hmap_term_matches(m, code, name_k, tax_k, id))
            continue;
        found = true;
        add_all(t->goals, m->goals);
        add_all(t->services, m->services);
        if (m->kind && !t->kind)
            t->kind = m->kind;
    }
    free(name_k);
    free(tax_k);
    if (!found) {
        char *qn = quoted(name ? name : ""), *qc = quoted(code ? code : "");
        report(im, HLOG_UNMAPPED, &ta, NULL,
               /* TRANSLATORS: the term's name and code, quoted; the map is the map file
                * (--map). */
               _("no goal or service for the term %s (code %s); add it to the map"), qn, qc);
        free(qn);
        free(qc);
    }
}

/* ---- Delivery ---- */

static unsigned attending(struct importer *im, const cJSON *schedules, const struct at *a,
                          const char *step)
{
    unsigned d = 0;
    size_t i = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, schedules)
    {
        struct at sa;
        at_child(im, &sa, a, s, "%s[%zu]", step, i++);
        const char *t = hstr(s, "attending_type");
        if (!t || !*t)
            continue;
        char *f = text_fold(t);
        unsigned here = 0;
        if (strstr(f, "hybrid") || strstr(f, "hybride"))
            here |= D_HYBRID;
        if (strstr(f, "in person") || strstr(f, "in-person") || strstr(f, "face to face") ||
            strstr(f, "face-to-face") || strstr(f, "en personne") || strstr(f, "sur place"))
            here |= D_IN_PERSON;
        if (strstr(f, "online") || strstr(f, "virtual") || strstr(f, "video") ||
            strstr(f, "remote") || strstr(f, "en ligne") || strstr(f, "a distance") ||
            strstr(f, "virtuel"))
            here |= D_ONLINE;
        free(f);
        if (!here) {
            char *q = quoted(t);
            report(im, HLOG_UNMAPPED, &sa, "attending_type",
                   _("%s says no delivery mode itpnav knows (online, in person, hybrid)"), q);
            free(q);
        }
        d |= here;
    }
    return d;
}

/* ---- Contact ---- */

static char *phone_of(struct importer *im, const cJSON *phones, const struct at *a,
                      const char *step)
{
    size_t i = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, phones)
    {
        struct at pa;
        at_child(im, &pa, a, p, "%s[%zu]", step, i++);
        char *num = text_of(im, p, "number", &pa, 0, 100, false);
        if (!num)
            continue;
        /* Some directories keep the quotes of a spreadsheet cell ("\"+44 1234\""). */
        size_t n = strlen(num);
        if (n >= 2 && num[0] == '"' && num[n - 1] == '"') {
            memmove(num, num + 1, n - 2);
            num[n - 2] = '\0';
        }
        double ext;
        if (num_of(p, "extension", &ext) && ext >= 0 && ext < 1e9 && floor(ext) == ext) {
            char *with = xasprintf("%s ext. %.0f", num, ext);
            free(num);
            num = with;
        } else {
            const char *e = hstr(p, "extension");
            if (e && *e) {
                char *with = xasprintf("%s ext. %s", num, e);
                free(num);
                num = with;
            }
        }
        return num;
    }
    return NULL;
}

static char *address_of(struct importer *im, const cJSON *addr, const struct at *a)
{
    static const char *const parts[] = {"address_1",      "address_2",   "city",
                                        "state_province", "postal_code", "country"};
    struct sb s = {0};
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
        char *v = text_of(im, addr, parts[k], a, 0, 500, false);
        if (!v)
            continue;
        /* Canada goes without saying in a Canadian directory; the others are named. */
        bool ca = k == 5 && (strcasecmp(v, "CA") == 0 || hname_equal(v, "Canada"));
        if (!ca) {
            if (s.len)
                sb_add(&s, k == 4 ? " " : ", ");
            sb_add(&s, v);
        }
        free(v);
    }
    if (!s.len) {
        sb_finish(&s);
        return NULL;
    }
    return sb_take(&s);
}

static char *email_of(struct importer *im, const cJSON *obj, const struct at *a)
{
    char *e = text_of(im, obj, "email", a, 0, 300, false);
    if (e && !strchr(e, '@')) {
        char *q = quoted(e);
        report(im, HLOG_UNMAPPED, a, "email", _("%s is not an email address; left out"), q);
        free(q);
        free(e);
        return NULL;
    }
    return e;
}

static char *url_of(struct importer *im, const cJSON *obj, const char *key, const struct at *a)
{
    char *u = text_of(im, obj, key, a, 0, 2000, false);
    if (u && !valid_url(u)) {
        char *q = quoted(u);
        report(im, HLOG_UNMAPPED, a, key,
               _("%s is not a web address (http:// or https://); left out"), q);
        free(q);
        free(u);
        return NULL;
    }
    return u;
}

/* ---- One service ---- */

static const char *const statuses[][2] = {
        {"active", "active"}, {"inactive", "inactive"}, {"defunct", "closed"}};

/* A cost option in words: "Under 18s: 35 GBP per 1 hour session (2020-01-01 to 2022-12-31)". */
static char *cost_option(struct importer *im, const cJSON *c, const struct at *a)
{
    struct sb s = {0};
    char *option = text_of(im, c, "option", a, 0, 1000, false);
    char *cur = text_of(im, c, "currency", a, 0, 10, false);
    char *desc = text_of(im, c, "amount_description", a, 0, 1000, false);
    double amount;
    bool has_amount = num_of(c, "amount", &amount);
    if (option)
        sb_add(&s, option);
    if (has_amount || desc) {
        if (s.len)
            sb_add(&s, ": ");
        if (has_amount && amount == 0 && !cur)
            sb_add(&s, "free");
        else if (has_amount)
            sb_addf(&s, "%g", amount);
        if (cur) {
            for (char *p = cur; *p; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 'a' + 'A');
            sb_addf(&s, "%s%s", has_amount ? " " : "", cur);
        }
        if (desc)
            sb_addf(&s, "%s%s", has_amount || cur ? " " : "", desc);
    }
    char from[11], to[11];
    const char *vf = hstr(c, "valid_from"), *vt = hstr(c, "valid_to");
    bool f = vf && hdate(vf, from), t = vt && hdate(vt, to);
    if (s.len && (f || t)) {
        if (f && t)
            sb_addf(&s, " (%s to %s)", from, to);
        else if (f)
            sb_addf(&s, " (from %s)", from);
        else
            sb_addf(&s, " (until %s)", to);
    }
    free(option);
    free(cur);
    free(desc);
    if (!s.len) {
        sb_finish(&s);
        return NULL;
    }
    return sb_take(&s);
}

/* itpnav's own keys, carried by an export in the service's "itpnav" property: what HSDS cannot
 * say exactly. Each is checked like a value of the dataset. */
static void extension(struct importer *im, const cJSON *ext, const struct at *a, cJSON *sup,
                      const char *key, unsigned flags, size_t max)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(ext, key);
    if (!v)
        return;
    char path[64];
    snprintf(path, sizeof path, "itpnav.%s", key);
    if (cJSON_IsArray(v)) {
        cJSON *out = cJSON_CreateArray();
        const cJSON *e;
        cJSON_ArrayForEach(e, v)
        {
            struct sb why = {0};
            char *s = cJSON_IsString(e) ? hclean(e->valuestring, strlen(e->valuestring), flags, max,
                                                 NULL, &why)
                                        : NULL;
            if (s)
                cJSON_AddItemToArray(out, cJSON_CreateString(s));
            else
                /* TRANSLATORS: %s is why the item cannot be used ("invalid UTF-8 (...)"). */
                report(im, HLOG_UNMAPPED, a, path, _("an item that is not text (%s); left out"),
                       sb_str(&why));
            free(s);
            sb_finish(&why);
        }
        if (cJSON_GetArraySize(out))
            cJSON_AddItemToObject(sup, key, out);
        else
            cJSON_Delete(out);
        return;
    }
    char *s = text_of(im, ext, key, a, flags, max, false);
    if (s)
        cJSON_AddStringToObject(sup, key, s);
    free(s);
}

static bool valid_lang(const char *s);

/* A source record an export carried, checked key by key like the dataset's own; it joins the
 * sources written (the first of an id wins). Returns its id, or NULL when it is not usable. */
static const char *carried_source(struct importer *im, const cJSON *src, const struct at *a)
{
    if (!src)
        return NULL;
    const char *id = hstr(src, "id");
    if (!cJSON_IsObject(src) || !id || !dataset_valid_id(id)) {
        report(im, HLOG_UNMAPPED, a, NULL, "%s", _("not a source with a valid id; left out"));
        return NULL;
    }
    const cJSON *known = hbase_find(im->sources, id);
    if (known) {
        if (!cJSON_Compare(known, src, true))
            report(im, HLOG_WARNING, a, NULL,
                   _("the source \"%s\" differs from the one an earlier record carried; the "
                     "first is kept"),
                   id);
        return hstr(known, "id");
    }
    bool failed = im->failed;
    cJSON *rec = cJSON_CreateObject();
    cJSON_AddStringToObject(rec, "id", id);
    char *title = text_of(im, src, "title", a, 0, HSDS_NAME_MAX, true);
    im->failed = failed;
    if (!title) {
        cJSON_Delete(rec);
        return NULL;
    }
    cJSON_AddStringToObject(rec, "title", title);
    free(title);
    char *url = url_of(im, src, "url", a);
    if (url)
        cJSON_AddStringToObject(rec, "url", url);
    free(url);
    char *publisher = text_of(im, src, "publisher", a, 0, HSDS_TEXT_MAX, false);
    if (publisher)
        cJSON_AddStringToObject(rec, "publisher", publisher);
    free(publisher);
    const char *as_of = hstr(src, "as_of");
    if (as_of && dataset_valid_date(as_of))
        cJSON_AddStringToObject(rec, "as_of", as_of);
    else if (as_of)
        report(im, HLOG_UNMAPPED, a, "as_of", "%s", _("not a date; left out"));
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(src, "undated")))
        cJSON_AddBoolToObject(rec, "undated", true);
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(src, "translations"), *t;
    cJSON *trs = NULL;
    cJSON_ArrayForEach(t, tr)
    {
        char *tt = text_of(im, t, "title", a, 0, HSDS_NAME_MAX, false);
        if (!tt || !valid_lang(t->string))
            continue;
        if (!trs)
            trs = cJSON_AddObjectToObject(rec, "translations");
        cJSON_AddItemToObject(cJSON_AddObjectToObject(trs, t->string), "title",
                              cJSON_CreateString(tt));
        free(tt);
        add_unique(im->languages, t->string);
    }
    cJSON_AddItemToArray(im->sources, rec);
    return hstr(rec, "id");
}

/* A BCP 47 tag, as far as the dataset checks one: "fr", "fr-CA". */
static bool valid_lang(const char *s)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
        n++;
    if (n < 2 || n > 8)
        return false;
    for (const char *p = s + n; *p;) {
        if (*p++ != '-')
            return false;
        size_t k = 0;
        while ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
               (p[k] >= '0' && p[k] <= '9'))
            k++;
        if (k < 1 || k > 8)
            return false;
        p += k;
    }
    return true;
}

/* A support's translations as an export carried them, each key checked as the dataset checks
 * it; what does not pass is reported and left out. NULL when nothing is left. */
static cJSON *translations(struct importer *im, const cJSON *tr, const struct at *a)
{
    static const struct {
        const char *key;
        unsigned flags;
        size_t max;
        bool list;
    } keys[] = {{"name", 0, HSDS_NAME_MAX, false},
                {"summary", HCLEAN_LONG, HSDS_TEXT_MAX, false},
                {"offers", HCLEAN_LONG, HSDS_TEXT_MAX, true},
                {"aims", HCLEAN_LONG, HSDS_TEXT_MAX, true},
                {"eligibility", 0, HSDS_TEXT_MAX, false},
                {"cost", 0, HSDS_TEXT_MAX, false},
                {"location", 0, HSDS_TEXT_MAX, false}};
    if (!cJSON_IsObject(tr)) {
        report(im, HLOG_UNMAPPED, a, NULL, "%s", _("expected an object; left out"));
        return NULL;
    }
    cJSON *out = cJSON_CreateObject();
    const cJSON *lang;
    cJSON_ArrayForEach(lang, tr)
    {
        struct at la = *a;
        path_key(&la, lang->string);
        if (!valid_lang(lang->string) || !cJSON_IsObject(lang)) {
            report(im, HLOG_UNMAPPED, &la, NULL, "%s",
                   _("not a language tag with an object; left out"));
            continue;
        }
        cJSON *t = cJSON_CreateObject();
        const cJSON *v;
        cJSON_ArrayForEach(v, lang)
        {
            size_t k = 0;
            while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k].key, v->string) != 0)
                k++;
            if (strcmp(v->string, "source") == 0) {
                if (cJSON_IsString(v) && hbase_find(im->sources, v->valuestring))
                    cJSON_AddStringToObject(t, "source", v->valuestring);
                else
                    report(im, HLOG_UNMAPPED, &la, "source", "%s",
                           _("names no source the record carries; left out"));
                continue;
            }
            if (k == sizeof keys / sizeof keys[0]) {
                report(im, HLOG_UNMAPPED, &la, v->string, "%s",
                       _("not a text key of a support's translation; left out"));
                continue;
            }
            if (!keys[k].list) {
                char *s = text_of(im, lang, v->string, &la, keys[k].flags, keys[k].max, false);
                if (s)
                    cJSON_AddStringToObject(t, v->string, s);
                free(s);
                continue;
            }
            cJSON *arr = cJSON_CreateArray();
            const cJSON *e;
            cJSON_ArrayForEach(e, v)
            {
                struct sb why = {0};
                char *s = cJSON_IsString(e) ? hclean(e->valuestring, strlen(e->valuestring),
                                                     keys[k].flags, keys[k].max, NULL, &why)
                                            : NULL;
                if (s)
                    cJSON_AddItemToArray(arr, cJSON_CreateString(s));
                else
                    report(im, HLOG_UNMAPPED, &la, v->string, "%s",
                           _("an item that is not text; left out"));
                free(s);
                sb_finish(&why);
            }
            cJSON_AddItemToObject(t, v->string, arr);
        }
        if (t->child) {
            cJSON_AddItemToObject(out, lang->string, t);
            add_unique(im->languages, lang->string);
        } else {
            cJSON_Delete(t);
        }
    }
    if (!out->child) {
        cJSON_Delete(out);
        return NULL;
    }
    return out;
}

static bool valid_size(const cJSON *size)
{
    if (!cJSON_IsObject(size))
        return false;
    const cJSON *e;
    cJSON_ArrayForEach(e, size)
    {
        if (strcmp(e->string, "text") == 0 && cJSON_IsString(e) && e->valuestring[0])
            continue;
        if (strcmp(e->string, "count") == 0 && cJSON_IsNumber(e) && e->valuedouble >= 0 &&
            e->valuedouble <= 1e15 && floor(e->valuedouble) == e->valuedouble)
            continue;
        if (strcmp(e->string, "unit") == 0 && cJSON_IsString(e) &&
            (strcmp(e->valuestring, "members") == 0 ||
             strcmp(e->valuestring, "clients-per-year") == 0 ||
             strcmp(e->valuestring, "clients-to-date") == 0 ||
             strcmp(e->valuestring, "participants") == 0))
            continue;
        return false;
    }
    return true;
}

/* The itpnav id of a service: the one an export carried, else one made from its HSDS id (so
 * that a re-import keeps it, and a shortlist with it). */
static char *support_id(const char *hsds_id, const cJSON *ext)
{
    const char *mine = hstr(ext, "id");
    if (mine && dataset_valid_id(mine))
        return xstrdup(mine);
    unsigned char u[16];
    if (strlen(hsds_id) == 36 && uuid_parse(hsds_id, u) == 0) {
        char *id = xasprintf("hsds-%s", hsds_id);
        for (char *p = id; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        return id;
    }
    char *slug = hslug(hsds_id, 58);
    char *id = *slug ? xasprintf("hsds-%s", slug) : NULL;
    free(slug);
    if (!id) {
        struct sha1 c;
        unsigned char d[20];
        sha1_init(&c);
        sha1_add(&c, hsds_id, strlen(hsds_id));
        sha1_finish(&c, d);
        id = xasprintf("hsds-%02x%02x%02x%02x%02x%02x%02x%02x", d[0], d[1], d[2], d[3], d[4], d[5],
                       d[6], d[7]);
    }
    return id;
}

static bool seen(struct importer *im, const char *table, const char *key, const char *where,
                 char **first)
{
    sqlite3_stmt *st = im->seen_get;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *first = xstrdup((const char *)sqlite3_column_text(st, 0));
        return true;
    }
    st = im->seen_put;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, where, -1, SQLITE_STATIC);
    sqlite3_step(st);
    return false;
}

static void where_of(const struct at *a, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s", a->place, a->path[0] ? " " : "", a->path);
}

static void import_service(struct importer *im, const cJSON *svc, const cJSON *org_given,
                           const struct at *a)
{
    im->records++;
    im->failed = false;
    char where[PATH_MAX_LEN * 2 + 2];
    where_of(a, where, sizeof where);
    const char *hid = hstr(svc, "id");
    char *hsds_id = hid ? hclean_quiet(hid, strlen(hid), 0, 200) : NULL;
    if (!hsds_id) {
        report(im, HLOG_UNMAPPED, a, "id", "%s",
               _("missing or empty id; expected the service's UUID (the record is left out)"));
        return;
    }
    char *first = NULL;
    if (seen(im, "hsds", hsds_id, where, &first)) {
        report(im, HLOG_UNMAPPED, a, "id",
               /* TRANSLATORS: the id, then the place of the first record with it. */
               _("duplicate id \"%s\", first at %s; this record is left out"), hsds_id, first);
        free(first);
        free(hsds_id);
        return;
    }
    const cJSON *ext = cJSON_GetObjectItemCaseSensitive(svc, "itpnav");
    if (ext && !cJSON_IsObject(ext)) {
        report(im, HLOG_UNMAPPED, a, "itpnav", "%s",
               _("expected an object (itpnav's keys); left out"));
        ext = NULL;
    }
    struct at ea;
    at_child(im, &ea, a, ext, "%s", "");
    const cJSON *org =
            org_given ? org_given : cJSON_GetObjectItemCaseSensitive(svc, "organization");
    struct at oa;
    at_child(im, &oa, a, org, "%s", org_given ? "" : ".organization");
    if (org_given)
        snprintf(oa.path, sizeof oa.path, "%s", "");

    cJSON *sup = cJSON_CreateObject();
    char *id = support_id(hsds_id, ext);
    if (seen(im, "itpnav", id, where, &first)) {
        report(im, HLOG_UNMAPPED, a, "id",
               /* TRANSLATORS: the id, then the place of the record that has it. */
               _("its itpnav id \"%s\" is already used, at %s; this record is left out"), id,
               first);
        free(first);
        im->failed = true;
    }
    cJSON_AddStringToObject(sup, "id", id);
    free(id);

    /* Terms first: they may say the kind. */
    struct terms t = {.goals = cJSON_CreateArray(), .services = cJSON_CreateArray()};
    const cJSON *attrs = cJSON_GetObjectItemCaseSensitive(svc, "attributes"), *e;
    size_t i = 0;
    cJSON_ArrayForEach(e, attrs)
    {
        struct at aa;
        at_child(im, &aa, a, e, ".attributes[%zu]", i++);
        map_term(im, e, &aa, &t);
    }
    add_all(t.goals, im->map.goals);
    add_all(t.services, im->map.services);
    const char *kind = hstr(ext, "kind");
    if (!kind || (strcmp(kind, "group") && strcmp(kind, "program")))
        kind = t.kind ? t.kind : im->map.kind ? im->map.kind : "program";
    cJSON_AddStringToObject(sup, "kind", kind);

    char *name = text_of(im, svc, "name", a, 0, HSDS_NAME_MAX, true);
    if (name)
        cJSON_AddStringToObject(sup, "name", name);
    char *alt = text_of(im, svc, "alternate_name", a, 0, HSDS_NAME_MAX, false);
    if (alt && !(name && hname_equal(alt, name)))
        cJSON_AddStringToObject(sup, "acronym", alt);
    free(alt);
    char *host = org ? text_of(im, org, "name", &oa, 0, HSDS_TEXT_MAX, false) : NULL;
    if (host) {
        if (!im->org && !im->several_orgs)
            im->org = xstrdup(host);
        else if (im->org && strcmp(im->org, host) != 0) {
            free(im->org);
            im->org = NULL;
            im->several_orgs = true;
        }
        if (!(name && hname_equal(host, name)))
            cJSON_AddStringToObject(sup, "host", host);
    }
    free(host);
    if (!cJSON_GetObjectItemCaseSensitive(sup, "host") && hstr(ext, "host")) {
        char *h = text_of(im, ext, "host", &ea, 0, HSDS_TEXT_MAX, false);
        if (h)
            cJSON_AddStringToObject(sup, "host", h);
        free(h);
    }
    const char *part_of = hstr(ext, "part_of");
    if (part_of && dataset_valid_id(part_of))
        cJSON_AddStringToObject(sup, "part_of", part_of);

    /* Where it serves: its service areas; a service that states none serves where it is. */
    cJSON *regions = cJSON_CreateArray();
    const cJSON *sals = cJSON_GetObjectItemCaseSensitive(svc, "service_at_locations");
    size_t prov = SIZE_MAX;
    const cJSON *sal;
    cJSON_ArrayForEach(sal, sals)
    {
        const cJSON *addr;
        cJSON_ArrayForEach(addr, cJSON_GetObjectItemCaseSensitive(
                                         cJSON_GetObjectItemCaseSensitive(sal, "location"),
                                         "addresses")) if (prov == SIZE_MAX) prov =
                address_province(im, addr, a, true);
    }
    const cJSON *areas = cJSON_GetObjectItemCaseSensitive(svc, "service_areas");
    i = 0;
    cJSON_ArrayForEach(e, areas)
    {
        struct at sa;
        at_child(im, &sa, a, e, ".service_areas[%zu]", i++);
        map_area(im, e, &sa, prov, regions);
    }
    if (!cJSON_GetArraySize(areas)) {
        size_t s = 0;
        cJSON_ArrayForEach(sal, sals)
        {
            struct at la;
            at_child(im, &la, a, sal, ".service_at_locations[%zu]", s++);
            const cJSON *loc = cJSON_GetObjectItemCaseSensitive(sal, "location");
            at_child(im, &la, &la, loc, ".location");
            const cJSON *addr;
            size_t k = 0;
            cJSON_ArrayForEach(addr, cJSON_GetObjectItemCaseSensitive(loc, "addresses"))
            {
                struct at ad;
                at_child(im, &ad, &la, addr, ".addresses[%zu]", k++);
                map_address(im, addr, &ad, regions);
            }
        }
    }
    if (!cJSON_GetArraySize(regions))
        add_all(regions, im->map.regions_all); /* what the map declares for every record */
    if (cJSON_GetArraySize(regions)) {
        cJSON_AddItemToObject(sup, "regions", regions);
    } else {
        cJSON_Delete(regions);
        report(im, HLOG_UNMAPPED, a, NULL, "%s",
               _("no region: none of its service areas or addresses names one (the record is "
                 "left out)"));
        im->failed = true;
    }

    /* How it is delivered, only where the directory says it. */
    unsigned d = attending(im, cJSON_GetObjectItemCaseSensitive(svc, "schedules"), a, ".schedules");
    char *location = NULL;
    size_t s = 0;
    cJSON_ArrayForEach(sal, sals)
    {
        struct at la;
        at_child(im, &la, a, sal, ".service_at_locations[%zu]", s++);
        d |= attending(im, cJSON_GetObjectItemCaseSensitive(sal, "schedules"), &la, ".schedules");
        const cJSON *loc = cJSON_GetObjectItemCaseSensitive(sal, "location");
        struct at lo;
        at_child(im, &lo, &la, loc, ".location");
        const char *type = hstr(loc, "location_type");
        char *ty = type ? hclean_quiet(type, strlen(type), 0, 50) : NULL;
        if (ty && strcasecmp(ty, "virtual") == 0)
            d |= D_ONLINE;
        else if (ty && strcasecmp(ty, "physical") == 0) {
            d |= D_IN_PERSON;
            if (!location)
                location = text_of(im, loc, "name", &lo, 0, HSDS_TEXT_MAX, false);
        } else if (ty && strcasecmp(ty, "postal") != 0) {
            char *q = quoted(ty);
            report(im, HLOG_UNMAPPED, &lo, "location_type",
                   /* TRANSLATORS: %s is the location type, quoted; physical, postal and
                    * virtual are HSDS's values, written as they are. */
                   _("%s; expected physical, postal or virtual"), q);
            free(q);
        }
        free(ty);
        d |= attending(im, cJSON_GetObjectItemCaseSensitive(loc, "schedules"), &lo, ".schedules");
    }
    if (d) {
        cJSON *del = cJSON_AddArrayToObject(sup, "delivery");
        if (d & D_ONLINE)
            cJSON_AddItemToArray(del, cJSON_CreateString("online"));
        if (d & D_IN_PERSON)
            cJSON_AddItemToArray(del, cJSON_CreateString("in-person"));
        if (d & D_HYBRID)
            cJSON_AddItemToArray(del, cJSON_CreateString("hybrid"));
    }
    if (ext && cJSON_GetObjectItemCaseSensitive(ext, "location")) {
        free(location);
        location = text_of(im, ext, "location", &ea, 0, HSDS_TEXT_MAX, false);
    }
    if (location)
        cJSON_AddStringToObject(sup, "location", location);
    free(location);
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(ext, "size");
    if (size && valid_size(size))
        cJSON_AddItemToObject(sup, "size", cJSON_Duplicate(size, true));
    else if (size)
        report(im, HLOG_UNMAPPED, &ea, "itpnav.size", "%s", _("not a size of the dataset format"));

    if (cJSON_GetArraySize(t.goals)) {
        cJSON_AddItemToObject(sup, "goals", t.goals);
    } else {
        cJSON_Delete(t.goals);
        report(im, HLOG_UNMAPPED, a, NULL, "%s",
               _("no goal: none of its taxonomy terms maps to one (the record is left out; the "
                 "map can name them)"));
        im->failed = true;
    }
    if (cJSON_GetArraySize(t.services)) {
        cJSON_AddItemToObject(sup, "services", t.services);
    } else {
        cJSON_Delete(t.services);
        report(im, HLOG_UNMAPPED, a, NULL, "%s",
               _("no service: none of its taxonomy terms maps to one (the record is left out; "
                 "the map can name them)"));
        im->failed = true;
    }

    char *summary =
            text_of(im, svc, "description", a, HCLEAN_LONG | HCLEAN_HTML, HSDS_TEXT_MAX, true);
    if (summary)
        cJSON_AddStringToObject(sup, "summary", summary);
    free(summary);
    extension(im, ext, &ea, sup, "offers", HCLEAN_LONG, HSDS_TEXT_MAX);
    extension(im, ext, &ea, sup, "aims", HCLEAN_LONG, HSDS_TEXT_MAX);

    /* Cost: its cost options in words, then the fees as the directory describes them. */
    struct sb cost = {0};
    i = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(svc, "cost_options"))
    {
        struct at ca;
        at_child(im, &ca, a, e, ".cost_options[%zu]", i++);
        char *c = cost_option(im, e, &ca);
        if (c)
            sb_addf(&cost, "%s%s", cost.len ? "; " : "", c);
        free(c);
    }
    char *fees = text_of(im, svc, "fees_description", a, HCLEAN_HTML, HSDS_TEXT_MAX, false);
    if (fees)
        sb_addf(&cost, "%s%s", cost.len ? "; " : "", fees);
    free(fees);
    if (cost.len && text_width(sb_str(&cost)) <= (int)HSDS_TEXT_MAX)
        cJSON_AddStringToObject(sup, "cost", sb_str(&cost));
    sb_finish(&cost);

    char *elig = text_of(im, svc, "eligibility_description", a, HCLEAN_HTML, HSDS_TEXT_MAX, false);
    double lo, hi;
    bool has_lo = num_of(svc, "minimum_age", &lo), has_hi = num_of(svc, "maximum_age", &hi);
    if (has_lo || has_hi) {
        char *ages = has_lo && has_hi ? xasprintf("Ages %g to %g.", lo, hi)
                     : has_lo         ? xasprintf("Ages %g and over.", lo)
                                      : xasprintf("Ages up to %g.", hi);
        size_t n = elig ? strlen(elig) : 0;
        bool stop = n && strchr(".!?", elig[n - 1]);
        char *both = elig ? xasprintf("%s%s %s", elig, stop ? "" : ".", ages) : xstrdup(ages);
        free(ages);
        free(elig);
        elig = both;
    }
    if (elig)
        cJSON_AddStringToObject(sup, "eligibility", elig);
    free(elig);

    /* Contact: the service's own first, then its locations', then its organization's. */
    cJSON *contact = cJSON_CreateObject();
    char *website = url_of(im, svc, "url", a);
    char *email = email_of(im, svc, a);
    char *phone = phone_of(im, cJSON_GetObjectItemCaseSensitive(svc, "phones"), a, ".phones");
    char *address = NULL;
    i = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(svc, "contacts"))
    {
        struct at ca;
        at_child(im, &ca, a, e, ".contacts[%zu]", i++);
        if (!email)
            email = email_of(im, e, &ca);
        if (!phone)
            phone = phone_of(im, cJSON_GetObjectItemCaseSensitive(e, "phones"), &ca, ".phones");
    }
    for (int pass = 0; pass < 2 && !address; pass++) {
        s = 0;
        cJSON_ArrayForEach(sal, sals)
        {
            struct at la, lo2;
            at_child(im, &la, a, sal, ".service_at_locations[%zu]", s++);
            const cJSON *loc = cJSON_GetObjectItemCaseSensitive(sal, "location");
            at_child(im, &lo2, &la, loc, ".location");
            if (pass == 0) {
                if (!phone)
                    phone = phone_of(im, cJSON_GetObjectItemCaseSensitive(sal, "phones"), &la,
                                     ".phones");
                if (!phone)
                    phone = phone_of(im, cJSON_GetObjectItemCaseSensitive(loc, "phones"), &lo2,
                                     ".phones");
                if (!website)
                    website = url_of(im, loc, "url", &lo2);
            }
            /* A physical address first, a postal one after. */
            const cJSON *addr;
            size_t k = 0;
            cJSON_ArrayForEach(addr, cJSON_GetObjectItemCaseSensitive(loc, "addresses"))
            {
                struct at ad;
                at_child(im, &ad, &lo2, addr, ".addresses[%zu]", k++);
                const char *type = hstr(addr, "address_type");
                bool physical = !type || strcasecmp(type, "postal") != 0;
                if (!address && (pass == 1 || physical))
                    address = address_of(im, addr, &ad);
            }
        }
    }
    if (org) {
        if (!website)
            website = url_of(im, org, "website", &oa);
        if (!email)
            email = email_of(im, org, &oa);
        if (!phone)
            phone = phone_of(im, cJSON_GetObjectItemCaseSensitive(org, "phones"), &oa, ".phones");
    }
    if (!address && ext)
        address = text_of(im, ext, "contact_address", &ea, 0, HSDS_TEXT_MAX, false);
    if (!email && ext)
        email = text_of(im, ext, "email", &ea, 0, HSDS_TEXT_MAX, false);
    if (website)
        cJSON_AddStringToObject(contact, "website", website);
    if (email)
        cJSON_AddStringToObject(contact, "email", email);
    if (phone)
        cJSON_AddStringToObject(contact, "phone", phone);
    if (address)
        cJSON_AddStringToObject(contact, "address", address);
    free(website);
    free(email);
    free(phone);
    free(address);
    char *note = ext ? text_of(im, ext, "contact_note", &ea, 0, HSDS_TEXT_MAX, false) : NULL;
    if (note)
        cJSON_AddStringToObject(contact, "note", note);
    free(note);
    if (contact->child)
        cJSON_AddItemToObject(sup, "contact", contact);
    else
        cJSON_Delete(contact);

    const char *status = hstr(svc, "status");
    if (status && *status) {
        char *st = hclean_quiet(status, strlen(status), 0, 100);
        const char *mine = NULL;
        for (size_t k = 0; st && k < sizeof statuses / sizeof statuses[0]; k++)
            if (strcasecmp(st, statuses[k][0]) == 0)
                mine = statuses[k][1];
        if (mine) {
            cJSON_AddStringToObject(sup, "status", mine);
        } else if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ext, "status_not_stated"))) {
            char *q = quoted(st ? st : status);
            report(im, HLOG_UNMAPPED, a, "status",
                   /* TRANSLATORS: %s is the status, quoted; active, inactive and defunct are
                    * HSDS's values, written as they are. */
                   _("%s has no itpnav equivalent (active, inactive, defunct); left out"), q);
            free(q);
        }
        free(st);
        /* An export that had to write a status it did not know says so. */
        if (mine && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ext, "status_not_stated")))
            cJSON_DeleteItemFromObjectCaseSensitive(sup, "status");
    }

    /* Its source: the one an export carried, else the import itself. */
    struct at xa = ea;
    snprintf(xa.path + strlen(xa.path), sizeof xa.path - strlen(xa.path), ".itpnav.source");
    const char *src_id = carried_source(im, cJSON_GetObjectItemCaseSensitive(ext, "source"), &xa);
    bool own_source = src_id != NULL;
    const cJSON *more = cJSON_GetObjectItemCaseSensitive(ext, "translation_sources");
    i = 0;
    cJSON_ArrayForEach(e, more)
    {
        struct at ta = ea;
        snprintf(ta.path + strlen(ta.path), sizeof ta.path - strlen(ta.path),
                 ".itpnav.translation_sources[%zu]", i++);
        carried_source(im, e, &ta);
    }
    char as_of[11] = "", verified[11] = "";
    const char *x = hstr(ext, "as_of");
    if (!(x && dataset_valid_date(x) && snprintf(as_of, sizeof as_of, "%s", x) > 0)) {
        const char *lm = hstr(svc, "last_modified");
        as_of[0] = '\0';
        if (lm && *lm && !hdate(lm, as_of)) {
            char *q = quoted(lm);
            report(im, HLOG_UNMAPPED, a, "last_modified", _("%s is not a date; left out"), q);
            free(q);
            as_of[0] = '\0';
        }
    }
    bool dated = as_of[0] != '\0';
    if (!own_source)
        cJSON_AddStringToObject(sup, "source", dated ? "@import" : "@import-undated");
    else
        cJSON_AddStringToObject(sup, "source", src_id);
    cJSON_AddStringToObject(sup, "as_of", dated ? as_of : im->o->today);
    x = hstr(ext, "verified");
    if (!(x && dataset_valid_date(x) && snprintf(verified, sizeof verified, "%s", x) > 0)) {
        const char *ad = hstr(svc, "assured_date");
        verified[0] = '\0';
        if (ad && *ad && !hdate(ad, verified)) {
            char *q = quoted(ad);
            report(im, HLOG_UNMAPPED, a, "assured_date", _("%s is not a date; left out"), q);
            free(q);
            verified[0] = '\0';
        }
    }
    if (verified[0])
        cJSON_AddStringToObject(sup, "verified", verified);
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(ext, "translations");
    if (tr) {
        struct at ta = ea;
        snprintf(ta.path + strlen(ta.path), sizeof ta.path - strlen(ta.path),
                 ".itpnav.translations");
        cJSON *clean = translations(im, tr, &ta);
        if (clean)
            cJSON_AddItemToObject(sup, "translations", clean);
    }

    if (im->failed) {
        cJSON_Delete(sup);
    } else {
        char *json = cJSON_PrintUnformatted(sup), *unused = NULL;
        seen(im, "written", hstr(sup, "id"), where, &unused);
        free(unused);
        fputs(json, im->supports);
        fputc('\n', im->supports);
        free(json);
        cJSON_Delete(sup);
        im->imported++;
        if (!own_source)
            dated ? im->dated++ : im->undated++;
    }
    free(name);
    free(hsds_id);
}

/* TRANSLATORS: a support is an entry of itpnav's dataset (ressource); a service is HSDS's. */
static const char no_services[] =
        N_("an organization without services: nothing to import (a support is a service)");

/* One record of a directory: a service, an organization with its services, or a service at a
 * location with its service. */
static void import_record(struct importer *im, const cJSON *rec, const struct at *a)
{
    if (!cJSON_IsObject(rec)) {
        im->records++;
        report(im, HLOG_UNMAPPED, a, NULL, "%s", _("expected an object (a service); left out"));
        return;
    }
    const cJSON *svc = cJSON_GetObjectItemCaseSensitive(rec, "service");
    if (cJSON_IsObject(svc)) {
        /* A service at a location: the service, at that location. */
        cJSON *copy = cJSON_Duplicate(svc, true);
        cJSON *sals = cJSON_GetObjectItemCaseSensitive(copy, "service_at_locations");
        if (!sals)
            sals = cJSON_AddArrayToObject(copy, "service_at_locations");
        cJSON *self = cJSON_Duplicate(rec, true);
        cJSON_DeleteItemFromObjectCaseSensitive(self, "service");
        cJSON_AddItemToArray(sals, self);
        struct at sa;
        at_child(im, &sa, a, svc, ".service");
        import_service(im, copy, NULL, &sa);
        cJSON_Delete(copy);
        return;
    }
    const cJSON *services = cJSON_GetObjectItemCaseSensitive(rec, "services");
    if (cJSON_IsArray(services)) {
        /* An organization: each of its services, hosted by it. */
        cJSON *org = cJSON_Duplicate(rec, true);
        cJSON_DeleteItemFromObjectCaseSensitive(org, "services");
        size_t i = 0;
        const cJSON *e;
        cJSON_ArrayForEach(e, services)
        {
            struct at sa;
            at_child(im, &sa, a, e, ".services[%zu]", i++);
            if (cJSON_IsObject(e))
                import_service(im, e, org, &sa);
        }
        if (!i) {
            im->records++;
            report(im, HLOG_UNMAPPED, a, NULL, "%s", _(no_services));
        }
        cJSON_Delete(org);
        return;
    }
    static const char *const service_keys[] = {"status",
                                               "service_areas",
                                               "service_at_locations",
                                               "eligibility_description",
                                               "fees_description",
                                               "application_process",
                                               "assured_date",
                                               "organization",
                                               "program",
                                               "cost_options",
                                               "last_modified",
                                               "attributes"};
    for (size_t k = 0; k < sizeof service_keys / sizeof service_keys[0]; k++)
        if (cJSON_GetObjectItemCaseSensitive(rec, service_keys[k])) {
            import_service(im, rec, NULL, a);
            return;
        }
    im->records++;
    static const char *const org_keys[] = {
            "legal_status", "tax_status", "year_incorporated",     "organization_identifiers",
            "programs",     "website",    "parent_organization_id"};
    for (size_t k = 0; k < sizeof org_keys / sizeof org_keys[0]; k++)
        if (cJSON_GetObjectItemCaseSensitive(rec, org_keys[k])) {
            report(im, HLOG_UNMAPPED, a, NULL, "%s", _(no_services));
            return;
        }
    report(im, HLOG_UNMAPPED, a, NULL, "%s",
           _("not a service, an organization or a service at a location (a taxonomy? a "
             "location?); left out"));
}

/* ---- Sources: JSON, NDJSON, a tabular package ---- */

static bool is_ndjson(const char *path)
{
    size_t n = strlen(path);
    if ((n > 7 && strcmp(path + n - 7, ".ndjson") == 0) ||
        (n > 6 && strcmp(path + n - 6, ".jsonl") == 0))
        return true;
    /* Otherwise: a first line that is a whole JSON object by itself, and more after it. */
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    struct sb line = {0};
    int c;
    while ((c = getc(f)) != EOF && c != '\n' && line.len < HSDS_MAX_RECORD)
        sb_addc(&line, (char)c);
    bool more = false;
    while ((c = getc(f)) != EOF)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            more = true;
            break;
        }
    fclose(f);
    bool whole = false;
    const char *s = sb_str(&line);
    if (line.len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    while (*s == ' ' || *s == '\t')
        s++;
    if (more && *s == '{') {
        struct jscan_options o = {.flags = JSCAN_WHOLE | JSCAN_LENIENT_UTF8,
                                  .max_record = HSDS_MAX_RECORD};
        struct jscan *js = jscan_open_mem(s, strlen(s), &o);
        struct jscan_item it;
        while (jscan_next(js, &it) > 0)
            ;
        whole = !jscan_error(js, NULL, NULL, NULL);
        jscan_destroy(js);
    }
    sb_finish(&line);
    return whole;
}

static int fatal_scan(struct importer *im, struct jscan *s)
{
    int line, col;
    bool io;
    const char *msg = jscan_error(s, &line, &col, &io);
    char *place = line ? xasprintf("%s:%d:%d", im->o->source, line, col) : xstrdup(im->o->source);
    hlog(&im->log, HLOG_ERROR, place, NULL, "%s", msg);
    free(place);
    return io ? EXIT_IOERR : EXIT_DATAERR;
}

static void import_item(struct importer *im, const struct jscan_item *it)
{
    struct at a;
    at_record(&a, im->o->source, it->path);
    if (it->too_big) {
        im->records++;
        /* TRANSLATORS: %s is why the record cannot be read (its size); the record is not
         * imported. */
        report(im, HLOG_UNMAPPED, &a, NULL, C_("a record", "%s; left out"), it->problem);
        return;
    }
    cJSON *rec = cJSON_ParseWithLength(it->text, it->len);
    if (!rec) {
        im->records++;
        report(im, HLOG_ERROR, &a, NULL, "%s", _("cannot parse the record (out of memory?)"));
        return;
    }
    import_record(im, rec, &a);
    cJSON_Delete(rec);
}

static int import_json(struct importer *im)
{
    struct jscan_options o = {.max_record = HSDS_MAX_RECORD, .flags = JSCAN_LENIENT_UTF8};
    struct jscan *s = jscan_open(im->o->source, -1, &o);
    if (!s) {
        hlog(&im->log, HLOG_ERROR, im->o->source, NULL, _("cannot open: %s"), strerror(errno));
        return errno == EIO ? EXIT_IOERR : EXIT_NOINPUT;
    }
    struct jscan_item it;
    enum jscan_event ev;
    bool list = false, object = false;
    while ((ev = jscan_next(s, &it)) > 0) {
        if (ev == JSCAN_KEY) {
            object = true;
            if (strcmp(it.key, "contents") == 0) {
                list = true;
                if (it.type != '[') {
                    struct at a;
                    at_record(&a, im->o->source, it.path);
                    report(im, HLOG_ERROR, &a, NULL, "%s", _("expected an array of services"));
                }
            }
            continue;
        }
        if (ev == JSCAN_ELEMENT && (!it.key || strcmp(it.key, "contents") == 0)) {
            list = true;
            import_item(im, &it);
        }
        if (ev == JSCAN_VALUE) {
            struct at a;
            at_record(&a, im->o->source, ".");
            report(im, HLOG_ERROR, &a, NULL, "%s",
                   _("expected a service, a list of services or a page"));
        }
    }
    int rc = ev == JSCAN_ERROR ? fatal_scan(im, s) : 0;
    jscan_destroy(s);
    if (rc || list || !object)
        return rc;
    /* An object without "contents": one record, read again whole. */
    o.flags |= JSCAN_WHOLE;
    s = jscan_open(im->o->source, -1, &o);
    if (!s)
        return EXIT_NOINPUT;
    while ((ev = jscan_next(s, &it)) > 0)
        import_item(im, &it);
    rc = ev == JSCAN_ERROR ? fatal_scan(im, s) : 0;
    jscan_destroy(s);
    return rc;
}

static int import_ndjson(struct importer *im)
{
    FILE *f = fopen(im->o->source, "rb");
    if (!f) {
        hlog(&im->log, HLOG_ERROR, im->o->source, NULL, _("cannot open: %s"), strerror(errno));
        return errno == EIO ? EXIT_IOERR : EXIT_NOINPUT;
    }
    struct sb line = {0};
    long no = 0;
    for (;;) {
        line.len = 0;
        if (line.s)
            line.s[0] = '\0';
        int c;
        uint64_t bytes = 0;
        while ((c = getc(f)) != EOF && c != '\n') {
            bytes++;
            if (bytes <= HSDS_MAX_RECORD)
                sb_addc(&line, (char)c);
        }
        if (c == EOF && bytes == 0)
            break;
        no++;
        const char *p = sb_str(&line);
        if (no == 1 && line.len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3;
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (!*p)
            continue;
        char place[PATH_MAX_LEN];
        snprintf(place, sizeof place, "%s:%ld", im->o->source, no);
        struct at a;
        at_record(&a, place, NULL);
        if (bytes > HSDS_MAX_RECORD) {
            im->records++;
            char n_bytes[32], n_max[32];
            /* TRANSLATORS: the line's size, then the limit, both in bytes. */
            report(im, HLOG_UNMAPPED, &a, NULL,
                   _("the line is %s bytes; a record may be at most %s bytes; left out"),
                   i18n_number(n_bytes, sizeof n_bytes, (long long)bytes),
                   i18n_number(n_max, sizeof n_max, (long long)HSDS_MAX_RECORD));
            continue;
        }
        struct jscan_options o = {.flags = JSCAN_WHOLE | JSCAN_LENIENT_UTF8,
                                  .max_record = HSDS_MAX_RECORD};
        size_t len = line.len - (size_t)(p - line.s);
        struct jscan *s = jscan_open_mem(p, len, &o);
        struct jscan_item it;
        while (jscan_next(s, &it) > 0)
            ;
        int l, col;
        const char *msg = jscan_error(s, &l, &col, NULL);
        if (msg) {
            im->records++;
            char *pl = xasprintf("%s:%ld:%d", im->o->source, no,
                                 col + (int)(p - line.s) /* the line's own indent */);
            /* TRANSLATORS: %s is the JSON syntax error of the line. */
            hlog(&im->log, HLOG_UNMAPPED, pl, NULL, _("%s; the line is left out"), msg);
            free(pl);
            jscan_destroy(s);
            continue;
        }
        jscan_destroy(s);
        cJSON *rec = cJSON_ParseWithLength(p, len);
        if (rec)
            import_record(im, rec, &a);
        cJSON_Delete(rec);
    }
    int rc = ferror(f) ? EXIT_IOERR : 0;
    if (rc)
        hlog(&im->log, HLOG_ERROR, im->o->source, NULL, _("cannot read: %s"), strerror(errno));
    fclose(f);
    sb_finish(&line);
    return rc;
}

static bool tabular_service(void *ctx, cJSON *svc)
{
    struct importer *im = ctx;
    struct at a;
    char place[PATH_MAX_LEN];
    snprintf(place, sizeof place, "%s/%s", im->dir, hstr(svc, "@origin"));
    at_record(&a, place, NULL);
    import_record(im, svc, &a);
    return true;
}

/* ---- The dataset written ---- */

/* Whether key was recorded in table; *where gets the place of its record. */
static bool recorded(struct importer *im, const char *table, const char *key, char **where)
{
    sqlite3_stmt *st = im->seen_get;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW)
        return false;
    *where = xstrdup((const char *)sqlite3_column_text(st, 0));
    return true;
}

/* Whether a support with this id was written (not left out). */
static bool written(struct importer *im, const char *id)
{
    char *where = NULL;
    bool yes = recorded(im, "written", id, &where);
    free(where);
    return yes;
}

static void add_compact(FILE *out, const cJSON *v, bool *first)
{
    char *s = cJSON_PrintUnformatted(v);
    fprintf(out, "%s\n    %s", *first ? "" : ",", s);
    *first = false;
    free(s);
}

static char *base_name(const char *path)
{
    char *p = xstrdup(path);
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    const char *slash = strrchr(p, '/');
    char *b = xstrdup(slash ? slash + 1 : p);
    free(p);
    return b;
}

/* The ids of the sources rec's translations cite ("translations": {"fr": {"source": ...}}),
 * added to ids once each. */
static void cited_sources(const cJSON *rec, cJSON *ids)
{
    const cJSON *t;
    cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(rec, "translations"))
    {
        const char *id = hstr(t, "source");
        if (id)
            add_unique(ids, id);
    }
}

/* The joined dataset's sources that its regions', goals' and services' translations cite (an
 * official French name's page), so that the import names every source it cites. */
static void carry_cited_sources(struct importer *im, FILE *out, bool *first)
{
    cJSON *ids = cJSON_CreateArray(), *e;
    for (size_t i = 0; i < im->base.n_r; i++) {
        cJSON *r = im->base.r[i].json ? cJSON_Parse(im->base.r[i].json) : NULL;
        if (r)
            cited_sources(r, ids);
        cJSON_Delete(r);
    }
    cJSON_ArrayForEach(e, im->base.goals) cited_sources(e, ids);
    cJSON_ArrayForEach(e, im->base.services) cited_sources(e, ids);
    cJSON_ArrayForEach(e, ids)
    {
        cJSON *src = hbase_find(im->base.sources, e->valuestring);
        if (src && !hbase_find(im->sources, e->valuestring))
            add_compact(out, src, first);
    }
    cJSON_Delete(ids);
}

static int write_dataset(struct importer *im, FILE *out)
{
    char *base = base_name(im->o->source);
    char *title = im->org ? xasprintf("Services of %s", im->org)
                          : xasprintf("Directory imported from %s", base);
    char *fit = hclean_quiet(title, strlen(title), 0, HSDS_NAME_MAX);
    if (!fit)
        fit = xasprintf("Directory imported from Open Referral HSDS");
    cJSON *ds = cJSON_CreateObject();
    cJSON_AddStringToObject(ds, "title", fit);
    cJSON_AddStringToObject(ds, "as_of", im->o->today);
    if (im->org)
        cJSON_AddStringToObject(ds, "publisher", im->org);
    const char *joined = hstr(im->base.dataset, "title");
    char *notes = xasprintf("Imported by itpnav import hsds on %s from %s (Open Referral HSDS "
                            "3.0): %zu of %zu services. Regions, goals and services are those "
                            "of %s%s.",
                            im->o->today, base, im->imported, im->records,
                            joined ? "the dataset " : "", joined ? joined : "the joined dataset");
    char *nfit = hclean_quiet(notes, strlen(notes), HCLEAN_LONG, HSDS_TEXT_MAX);
    if (nfit)
        cJSON_AddStringToObject(ds, "notes", nfit);
    free(nfit);
    free(notes);
    const char *lang = hstr(im->base.dataset, "language");
    cJSON *langs = cJSON_CreateArray();
    add_unique(langs, lang ? lang : "en");
    add_all(langs, cJSON_GetObjectItemCaseSensitive(im->base.dataset, "languages"));
    add_all(langs, im->languages);
    cJSON_AddStringToObject(ds, "language", lang ? lang : "en");
    cJSON_AddItemToObject(ds, "languages", langs);

    fputs("{\n  \"itpnav\": 2,\n  \"dataset\": ", out);
    char *s = cJSON_PrintUnformatted(ds);
    fputs(s, out);
    free(s);
    cJSON_Delete(ds);

    fputs(",\n  \"sources\": [", out);
    bool first = true;
    const cJSON *e;
    for (int undated = 0; undated < 2; undated++) {
        if (!(undated ? im->undated : im->dated))
            continue;
        cJSON *src = cJSON_CreateObject();
        cJSON_AddStringToObject(src, "id", im->own_source[undated]);
        char *t = im->org ? xasprintf("Services of %s (Open Referral directory %s%s)", im->org,
                                      base, undated ? "; records without a date" : "")
                          : xasprintf("Open Referral directory %s%s", base,
                                      undated ? " (records without a date)" : "");
        char *tf = hclean_quiet(t, strlen(t), 0, HSDS_NAME_MAX);
        cJSON_AddStringToObject(src, "title", tf ? tf : fit);
        free(tf);
        free(t);
        if (im->org)
            cJSON_AddStringToObject(src, "publisher", im->org);
        cJSON_AddStringToObject(src, "as_of", im->o->today);
        if (undated)
            cJSON_AddBoolToObject(src, "undated", true);
        add_compact(out, src, &first);
        cJSON_Delete(src);
    }
    cJSON_ArrayForEach(e, im->sources) add_compact(out, e, &first);
    carry_cited_sources(im, out, &first);
    fputs("\n  ],\n  \"regions\": [", out);
    first = true;
    for (size_t i = 0; i < im->base.n_r; i++) {
        const struct hregion *r = &im->base.r[i];
        if (r->json) {
            fprintf(out, "%s\n    %s", first ? "" : ",", r->json);
            first = false;
            continue;
        }
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", r->id);
        cJSON_AddStringToObject(c, "name", r->name);
        cJSON_AddStringToObject(c, "parent", r->parent);
        cJSON_AddStringToObject(c, "kind", "city");
        add_compact(out, c, &first);
        cJSON_Delete(c);
    }
    fputs("\n  ],\n  \"goals\": [", out);
    first = true;
    cJSON_ArrayForEach(e, im->base.goals) add_compact(out, e, &first);
    cJSON_ArrayForEach(e, im->new_goals) add_compact(out, e, &first);
    fputs("\n  ],\n  \"services\": [", out);
    first = true;
    cJSON_ArrayForEach(e, im->base.services) add_compact(out, e, &first);
    cJSON_ArrayForEach(e, im->new_services) add_compact(out, e, &first);
    fputs("\n  ],\n  \"supports\": [", out);
    first = true;
    rewind(im->supports);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&buf, &cap, im->supports)) > 0) {
        if (buf[got - 1] == '\n')
            buf[--got] = '\0';
        fprintf(out, "%s\n    %s", first ? "" : ",", buf);
        first = false;
    }
    free(buf);
    fputs("\n  ],\n  \"pathways\": []\n}\n", out);
    free(fit);
    free(title);
    free(base);
    return ferror(im->supports) ? EXIT_IOERR : 0;
}

/* What can only be settled once every service is read, in a second pass over the supports
 * written: a part_of naming a support that was left out (or never there) is reported and
 * dropped, and the import's own sources get ids no carried source has. */
static int finish_supports(struct importer *im)
{
    static const char *const base[2] = {"hsds-import", "hsds-import-undated"};
    for (int u = 0; u < 2; u++) {
        im->own_source[u] = xstrdup(base[u]);
        for (int k = 2; hbase_find(im->sources, im->own_source[u]); k++) {
            free(im->own_source[u]);
            im->own_source[u] = xasprintf("%s-%d", base[u], k);
        }
    }
    FILE *done = tmpfile();
    if (!done) {
        hlog(&im->log, HLOG_ERROR, _("temporary file"), NULL, "%s", strerror(errno));
        return EXIT_IOERR;
    }
    rewind(im->supports);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&buf, &cap, im->supports)) > 0) {
        if (!strstr(buf, "\"part_of\"") && !strstr(buf, "\"@import")) {
            fputs(buf, done);
            continue;
        }
        cJSON *sup = cJSON_Parse(buf);
        const char *p = hstr(sup, "part_of"), *id = hstr(sup, "id"), *src = hstr(sup, "source");
        char *where = NULL;
        if (p && id && !written(im, p)) {
            recorded(im, "itpnav", id, &where);
            hlog(&im->log, HLOG_UNMAPPED, where ? where : im->o->source, "itpnav.part_of",
                 /* TRANSLATORS: %s is the id of a support (part_of names it). */
                 _("\"%s\" is not among the supports imported; left out"), p);
            cJSON_DeleteItemFromObjectCaseSensitive(sup, "part_of");
        }
        free(where);
        if (src && src[0] == '@')
            cJSON_ReplaceItemInObjectCaseSensitive(
                    sup, "source", cJSON_CreateString(im->own_source[strcmp(src, "@import") != 0]));
        char *json = cJSON_PrintUnformatted(sup);
        fprintf(done, "%s\n", json);
        free(json);
        cJSON_Delete(sup);
    }
    free(buf);
    bool bad = ferror(im->supports) || fflush(done) != 0 || ferror(done);
    fclose(im->supports);
    im->supports = done;
    if (bad)
        hlog(&im->log, HLOG_ERROR, _("temporary file"), NULL, "%s",
             _("cannot write or read it back"));
    return bad ? EXIT_IOERR : 0;
}

/* The summary: one line, whatever happened. */
static void summary(struct importer *im)
{
    struct sb s = {0};
    size_t left = im->records - im->imported;
    char a[32], b[32];
    /* TRANSLATORS: between the parts of the import's summary ("...; 3 values not mapped"). */
    const char *sep = C_("summary", "; ");
    /* TRANSLATORS: the import's summary starts so: how many services were imported, of how
     * many read (the plural follows the second number). */
    sb_addf(&s, ngettext("%s of %s service imported", "%s of %s services imported", im->records),
            i18n_number(a, sizeof a, (long long)im->imported),
            i18n_number(b, sizeof b, (long long)im->records));
    if (left)
        /* TRANSLATORS: the services that were not imported, after "N of M services imported". */
        sb_addf(&s, ngettext(", %s left out", ", %s left out", left),
                i18n_number(a, sizeof a, (long long)left));
    if (im->log.unmapped) {
        sb_add(&s, sep);
        /* TRANSLATORS: values of the directory that have no place in the dataset (reported). */
        sb_addf(&s, ngettext("%s value not mapped", "%s values not mapped", im->log.unmapped),
                i18n_number(a, sizeof a, (long long)im->log.unmapped));
    }
    if (im->cities) {
        sb_add(&s, sep);
        /* TRANSLATORS: cities found in addresses and added to the regions. */
        sb_addf(&s, ngettext("%s city added", "%s cities added", im->cities),
                i18n_number(a, sizeof a, (long long)im->cities));
    }
    size_t created = (size_t)cJSON_GetArraySize(im->new_goals) +
                     (size_t)cJSON_GetArraySize(im->new_services);
    if (created) {
        sb_add(&s, sep);
        sb_addf(&s,
                ngettext("%s goal or service added from the directory's itpnav terms",
                         "%s goals or services added from the directory's itpnav terms", created),
                i18n_number(a, sizeof a, (long long)created));
    }
    if (im->log.warnings) {
        sb_add(&s, sep);
        sb_addf(&s, ngettext("%s warning", "%s warnings", im->log.warnings),
                i18n_number(a, sizeof a, (long long)im->log.warnings));
    }
    FILE *out = im->log.out ? im->log.out : stderr;
    char *src = text_sanitize(im->o->source, false), *msg = text_sanitize(sb_str(&s), false);
    /* TRANSLATORS: the import's summary line: the source, then the summary. */
    fprintf(out, _("itpnav: %s: %s\n"), src, msg);
    free(src);
    free(msg);
    sb_finish(&s);
}

/* Write the dataset to o->out through a temporary file beside it (renamed when complete), or
 * to standard output. */
static int output(struct importer *im)
{
    const char *out = im->o->out;
    if (!out) {
        int rc = write_dataset(im, stdout);
        if (!rc && (fflush(stdout) != 0 || ferror(stdout))) {
            hlog(&im->log, HLOG_ERROR, _("standard output"), NULL, _("cannot write: %s"),
                 strerror(errno));
            rc = EXIT_IOERR;
        }
        return rc;
    }
    /* A device or a pipe is written to as it is: a rename would replace it with a file. */
    struct stat st;
    if (stat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *f = fopen(out, "w");
        int rc = f ? write_dataset(im, f) : EXIT_IOERR;
        if (f && (fflush(f) != 0 || ferror(f)))
            rc = EXIT_IOERR;
        if (f && fclose(f) != 0)
            rc = EXIT_IOERR;
        if (rc)
            hlog(&im->log, HLOG_ERROR, out, NULL, _("cannot write: %s"), strerror(errno));
        return rc;
    }
    char *tmp = xasprintf("%s.XXXXXX", out);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        hlog(&im->log, HLOG_ERROR, out, NULL, _("cannot write: %s"), strerror(errno));
        free(tmp);
        return EXIT_IOERR;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "w");
    int rc = write_dataset(im, f);
    if (!rc && (fflush(f) != 0 || ferror(f) || fsync(fd) != 0))
        rc = EXIT_IOERR;
    if (fclose(f) != 0)
        rc = EXIT_IOERR;
    if (!rc && rename(tmp, out) != 0)
        rc = EXIT_IOERR;
    if (rc) {
        hlog(&im->log, HLOG_ERROR, out, NULL, _("cannot write: %s"), strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

static int open_db(struct importer *im)
{
    /* An empty name: a private database in a temporary file, deleted when closed. */
    if (sqlite3_open_v2("", &im->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        hlog(&im->log, HLOG_ERROR, _("temporary database"), NULL, "%s", sqlite3_errmsg(im->db));
        return EXIT_IOERR;
    }
    char *err = NULL;
    if (sqlite3_exec(im->db,
                     "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                     "PRAGMA cache_size = -4096; PRAGMA temp_store = FILE;"
                     "CREATE TABLE seen(kind TEXT, key TEXT, place TEXT, PRIMARY KEY(kind, key))"
                     " WITHOUT ROWID; BEGIN",
                     NULL, NULL, &err) != SQLITE_OK ||
        sqlite3_prepare_v2(im->db, "SELECT place FROM seen WHERE kind = ? AND key = ?", -1,
                           &im->seen_get, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(im->db, "INSERT INTO seen VALUES(?, ?, ?)", -1, &im->seen_put, NULL) !=
                SQLITE_OK) {
        hlog(&im->log, HLOG_ERROR, _("temporary database"), NULL, "%s",
             err ? err : sqlite3_errmsg(im->db));
        sqlite3_free(err);
        return EXIT_IOERR;
    }
    return 0;
}

int hsds_import(const struct hsds_import_options *o)
{
    struct importer im = {.o = o,
                          .log = {.out = stderr, .strict = o->strict},
                          .new_goals = cJSON_CreateArray(),
                          .new_services = cJSON_CreateArray(),
                          .sources = cJSON_CreateArray(),
                          .languages = cJSON_CreateArray()};
    int rc = hbase_load(&im.base, o->base, &im.log);
    if (!rc)
        rc = hmap_load(&im.map, o->map, o->map_is_default, &im.base, &im.log);
    if (!rc)
        rc = open_db(&im);
    if (!rc && !(im.supports = tmpfile())) {
        hlog(&im.log, HLOG_ERROR, _("temporary file"), NULL, "%s", strerror(errno));
        rc = EXIT_IOERR;
    }
    struct stat st;
    if (!rc && stat(o->source, &st) != 0) {
        hlog(&im.log, HLOG_ERROR, o->source, NULL, _("cannot open: %s"), strerror(errno));
        rc = EXIT_NOINPUT;
    }
    char *dir = NULL;
    if (!rc && S_ISDIR(st.st_mode)) {
        dir = xstrdup(o->source);
        size_t n = strlen(dir);
        while (n > 1 && dir[n - 1] == '/')
            dir[--n] = '\0';
        im.dir = dir;
        rc = htab_import(im.db, dir, &im.log, tabular_service, &im);
    } else if (!rc) {
        rc = is_ndjson(o->source) ? import_ndjson(&im) : import_json(&im);
    }
    if (!rc)
        rc = finish_supports(&im);
    if (!rc) {
        summary(&im);
        if (!im.imported) {
            hlog(&im.log, HLOG_ERROR, o->source, NULL, "%s",
                 _("no service could be imported; nothing is written"));
            rc = EXIT_DATAERR;
        } else if (o->strict && (im.log.unmapped || im.log.errors)) {
            hlog(&im.log, HLOG_ERROR, o->source, NULL, "%s",
                 _("with --strict, a value that cannot be mapped is an error; nothing is "
                   "written"));
            rc = EXIT_DATAERR;
        } else {
            rc = output(&im);
        }
    }
    free(dir);
    if (im.supports)
        fclose(im.supports);
    sqlite3_finalize(im.seen_get);
    sqlite3_finalize(im.seen_put);
    sqlite3_close(im.db);
    hmap_finish(&im.map);
    hbase_finish(&im.base);
    cJSON_Delete(im.new_goals);
    cJSON_Delete(im.new_services);
    cJSON_Delete(im.sources);
    cJSON_Delete(im.languages);
    free(im.org);
    free(im.own_source[0]);
    free(im.own_source[1]);
    return rc;
}
