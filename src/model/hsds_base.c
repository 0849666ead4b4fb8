/* hsds_base.c: the vocabulary an HSDS import joins and an export names (regions, goals, services,
 * sources of a dataset, read record by record), matching place names to the region tree, and the
 * map file that turns taxonomy terms and place names into ids. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataset.h"
#include "hsds_internal.h"
#include "i18n.h"
#include "jscan.h"
#include "text.h"

/* ---- Names as people write them ---- */

/* A name folded for matching: case and accents ignored, hyphens, dots and dashes as spaces,
 * curly apostrophes as straight ones, runs of spaces as one ("Trois-Rivières" = "trois
 * rivieres", "St. Thomas" = "st thomas"). New. */
static char *name_key(const char *s)
{
    char *f = text_fold(s);
    struct sb b = {0};
    bool space = false;
    for (size_t i = 0; f[i];) {
        unsigned cp;
        size_t k = text_decode(f + i, strlen(f + i), &cp);
        if (cp == '-' || cp == '.' || cp == '_' || cp == ' ' || cp == '\t' || cp == '\n' ||
            cp == 0x2013 || cp == 0x2014 || cp == 0xA0 || cp == '/') {
            space = b.len > 0;
        } else {
            if (space)
                sb_addc(&b, ' ');
            space = false;
            if (cp == 0x2019 || cp == 0x2018)
                sb_addc(&b, '\'');
            else
                sb_addn(&b, f + i, k);
        }
        i += k;
    }
    free(f);
    return sb_take(&b);
}

/* ---- The region tree ---- */

static int cmp_key(const void *a, const void *b)
{
    const struct hkey *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->region > y->region) - (x->region < y->region);
}

static void add_key(struct hbase *b, const char *name, size_t region)
{
    if (!name || !*name)
        return;
    if (b->n_keys == b->cap_keys) {
        b->cap_keys = b->cap_keys ? 2 * b->cap_keys : 64;
        b->keys = xrealloc(b->keys, b->cap_keys * sizeof *b->keys);
    }
    b->keys[b->n_keys++] = (struct hkey){name_key(name), region};
}

static void index_region(struct hbase *b, size_t i, const cJSON *rec)
{
    add_key(b, b->r[i].name, i);
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(rec, "aliases"), *e;
    cJSON_ArrayForEach(e, a) if (cJSON_IsString(e)) add_key(b, e->valuestring, i);
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(rec, "translations"), *t;
    cJSON_ArrayForEach(t, tr) add_key(b, hstr(t, "name"), i);
}

/* Parents, provinces and the sorted index, once every region is read (and after a city is
 * added). */
static void link_regions(struct hbase *b)
{
    for (size_t i = 0; i < b->n_r; i++)
        b->r[i].parent_i = b->r[i].parent ? hbase_region(b, b->r[i].parent) : SIZE_MAX;
    for (size_t i = 0; i < b->n_r; i++) {
        b->r[i].prov_i = SIZE_MAX;
        /* A cycle is the loader's to report; a bounded walk is enough here. */
        size_t at = i;
        for (size_t steps = 0; at != SIZE_MAX && steps <= b->n_r; steps++, at = b->r[at].parent_i)
            if (b->r[at].kind && (strcmp(b->r[at].kind, "province") == 0 ||
                                  strcmp(b->r[at].kind, "territory") == 0)) {
                b->r[i].prov_i = at;
                break;
            }
    }
    if (b->n_keys)
        qsort(b->keys, b->n_keys, sizeof *b->keys, cmp_key);
}

size_t hbase_region(const struct hbase *b, const char *id)
{
    for (size_t i = 0; i < b->n_r; i++)
        if (strcmp(b->r[i].id, id) == 0)
            return i;
    return SIZE_MAX;
}

cJSON *hbase_find(const cJSON *arr, const char *id)
{
    cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        const char *v = hstr(e, "id");
        if (v && strcmp(v, id) == 0)
            return e;
    }
    return NULL;
}

/* The regions whose name, other name or translated name is key: [*lo, *hi) of b->keys. */
static void lookup(const struct hbase *b, const char *key, size_t *lo, size_t *hi)
{
    size_t l = 0, h = b->n_keys;
    while (l < h) {
        size_t m = (l + h) / 2;
        if (strcmp(b->keys[m].key, key) < 0)
            l = m + 1;
        else
            h = m;
    }
    *lo = l;
    while (l < b->n_keys && strcmp(b->keys[l].key, key) == 0)
        l++;
    *hi = l;
}

/* Canada Post's two-letter codes and the French names of the provinces and territories, with
 * the English name that the region tree uses. */
static const struct {
    const char *code, *en, *fr;
} provinces[] = {
        {"AB", "Alberta", "Alberta"},
        {"BC", "British Columbia", "Colombie-Britannique"},
        {"MB", "Manitoba", "Manitoba"},
        {"NB", "New Brunswick", "Nouveau-Brunswick"},
        {"NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"},
        {"NS", "Nova Scotia", "Nouvelle-Écosse"},
        {"NT", "Northwest Territories", "Territoires du Nord-Ouest"},
        {"NU", "Nunavut", "Nunavut"},
        {"ON", "Ontario", "Ontario"},
        {"PE", "Prince Edward Island", "Île-du-Prince-Édouard"},
        {"QC", "Quebec", "Québec"},
        {"SK", "Saskatchewan", "Saskatchewan"},
        {"YT", "Yukon", "Yukon"},
};

static bool is_province(const struct hbase *b, size_t i)
{
    return i != SIZE_MAX && b->r[i].prov_i == i;
}

size_t hbase_province(const struct hbase *b, const char *text)
{
    char *key = name_key(text);
    size_t found = SIZE_MAX;
    for (int pass = 0; pass < 2 && found == SIZE_MAX; pass++) {
        size_t lo, hi;
        lookup(b, key, &lo, &hi);
        for (size_t k = lo; k < hi && found == SIZE_MAX; k++)
            if (is_province(b, b->keys[k].region))
                found = b->keys[k].region;
        if (found != SIZE_MAX || pass == 1)
            break;
        /* Not a name in the tree: a postal code or a French name stands for the English one. */
        const char *en = NULL;
        for (size_t p = 0; p < sizeof provinces / sizeof provinces[0] && !en; p++) {
            char *fr = name_key(provinces[p].fr), *e = name_key(provinces[p].en);
            if (strcasecmp(key, provinces[p].code) == 0 || strcmp(key, fr) == 0 ||
                strcmp(key, e) == 0)
                en = provinces[p].en;
            free(fr);
            free(e);
        }
        if (!en)
            break;
        free(key);
        key = name_key(en);
    }
    free(key);
    return found;
}

/* Whether names (parts[1..n), folded) are ancestors of region i in order, and whether they are
 * its parent, grandparent, ... without a gap. */
static bool chain(const struct hbase *b, size_t i, char **parts, size_t n, bool *exact)
{
    *exact = true;
    size_t at = b->r[i].parent_i;
    for (size_t p = 1; p < n; p++) {
        size_t steps = 0;
        for (;;) {
            if (at == SIZE_MAX || steps++ > b->n_r)
                return false;
            char *k = name_key(b->r[at].name);
            bool same = strcmp(k, parts[p]) == 0;
            /* The province part may be its code or its French name. */
            if (!same && is_province(b, at) && p == n - 1)
                same = hbase_province(b, parts[p]) == at;
            free(k);
            if (!same) {
                /* Another name of that ancestor (an alias or a translation) counts too. */
                size_t lo, hi;
                lookup(b, parts[p], &lo, &hi);
                for (size_t q = lo; q < hi && !same; q++)
                    same = b->keys[q].region == at;
            }
            at = b->r[at].parent_i;
            if (same)
                break;
            *exact = false;
        }
    }
    return true;
}

int hbase_match(const struct hbase *b, const char *text, size_t prov, size_t *out, size_t *prov_out,
                struct sb *why)
{
    *out = SIZE_MAX;
    if (prov_out)
        *prov_out = SIZE_MAX;
    /* The whole text first: a region's own name may hold a comma. */
    char *whole = name_key(text);
    size_t lo, hi;
    lookup(b, whole, &lo, &hi);
    free(whole);
    char *parts[16];
    size_t n = 0;
    if (lo == hi) {
        const char *p = text;
        while (n < 16) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            char *part = xasprintf("%.*s", (int)len, p);
            parts[n++] = name_key(part);
            free(part);
            if (!comma)
                break;
            p = comma + 1;
        }
        lookup(b, parts[0], &lo, &hi);
        if (n > 1 && prov_out)
            *prov_out = hbase_province(b, strrchr(text, ',') + 1);
    }
    /* Candidates: each region once, with how well its parents agree with the text. */
    size_t best = SIZE_MAX, count = 0, best_rank = 0, ties = 0;
    size_t seen[64];
    size_t n_seen = 0;
    for (size_t k = lo; k < hi; k++) {
        size_t i = b->keys[k].region;
        bool dup = false;
        for (size_t s = 0; s < n_seen && !dup; s++)
            dup = seen[s] == i;
        if (dup)
            continue;
        if (n_seen < 64)
            seen[n_seen++] = i;
        size_t rank = 1;
        if (n > 1) {
            bool exact;
            if (!chain(b, i, parts, n, &exact))
                continue;
            rank = exact ? 3 : 2;
        } else if (prov != SIZE_MAX) {
            /* A bare name: the province the record is in settles a shared name. */
            if (b->r[i].prov_i == prov)
                rank = 2;
        }
        /* A bare "Québec" is the province rather than the city inside it. */
        if (n <= 1 && b->r[i].kind &&
            (strcmp(b->r[i].kind, "province") == 0 || strcmp(b->r[i].kind, "territory") == 0 ||
             strcmp(b->r[i].kind, "country") == 0))
            rank += 1;
        count++;
        if (rank > best_rank) {
            best_rank = rank;
            best = i;
            ties = 1;
        } else if (rank == best_rank) {
            ties++;
        }
    }
    for (size_t p = 0; p < n; p++)
        free(parts[p]);
    if (count == 0)
        return 0;
    if (ties > 1) {
        char n_ties[32];
        /* TRANSLATORS: why a place name cannot be placed; the count is 2 or more. */
        sb_addf(why, _("%s regions are named so"),
                i18n_number(n_ties, sizeof n_ties, (long long)ties));
        return -1;
    }
    *out = best;
    return 1;
}

char *hbase_area_name(const struct hbase *b, size_t i)
{
    struct sb s = {0};
    sb_add(&s, b->r[i].name);
    /* Up to the province; a region not inside one (Canada, a national region) is its name. */
    if (b->r[i].prov_i != SIZE_MAX && b->r[i].prov_i != i) {
        size_t at = b->r[i].parent_i, steps = 0;
        while (at != SIZE_MAX && steps++ <= b->n_r) {
            sb_add(&s, ", ");
            sb_add(&s, b->r[at].name);
            if (at == b->r[i].prov_i)
                break;
            at = b->r[at].parent_i;
        }
    }
    return sb_take(&s);
}

size_t hbase_add_city(struct hbase *b, const char *name, size_t prov)
{
    char *slug = hslug(name, 40);
    char *id = NULL;
    if (*slug && hbase_region(b, slug) == SIZE_MAX) {
        id = xstrdup(slug);
    } else {
        char *pslug = hslug(b->r[prov].id, 20);
        for (int k = 1; k < 1000 && !id; k++) {
            char *cand = k == 1 ? xasprintf("%s%s%s", *slug ? slug : "city", "-", pslug)
                                : xasprintf("%s-%s-%d", *slug ? slug : "city", pslug, k);
            if (hbase_region(b, cand) == SIZE_MAX)
                id = cand;
            else
                free(cand);
        }
        free(pslug);
    }
    free(slug);
    if (b->n_r == b->cap_r) {
        b->cap_r = b->cap_r ? 2 * b->cap_r : 64;
        b->r = xrealloc(b->r, b->cap_r * sizeof *b->r);
    }
    size_t i = b->n_r++;
    b->r[i] = (struct hregion){.id = id,
                               .name = xstrdup(name),
                               .kind = xstrdup("city"),
                               .parent = xstrdup(b->r[prov].id),
                               .parent_i = prov,
                               .prov_i = prov};
    add_key(b, name, i);
    qsort(b->keys, b->n_keys, sizeof *b->keys, cmp_key);
    return i;
}

/* ---- Reading a dataset record by record ---- */

static int scan_error(struct jscan *s, const char *path, struct hlog *log)
{
    int line, col;
    bool io;
    const char *msg = jscan_error(s, &line, &col, &io);
    char *place = line ? xasprintf("%s:%d:%d", path, line, col) : xstrdup(path);
    hlog(log, HLOG_ERROR, place, NULL, "%s", msg ? msg : _("cannot read"));
    free(place);
    return io ? EXIT_IOERR : EXIT_DATAERR;
}

static struct jscan *open_scan(const char *path, struct hlog *log, int *rc)
{
    struct jscan_options o = {0};
    struct jscan *s = jscan_open(path, -1, &o);
    if (!s) {
        hlog(log, HLOG_ERROR, path, NULL, _("cannot open: %s"), strerror(errno));
        *rc = errno == EIO ? EXIT_IOERR : EXIT_NOINPUT;
    }
    return s;
}

/* A record of the dataset, parsed; NULL (reported) when it is too big or not an object. */
static cJSON *record(const struct jscan_item *it, const char *path, struct hlog *log)
{
    if (it->too_big) {
        hlog(log, HLOG_ERROR, path, it->path, "%s", it->problem);
        return NULL;
    }
    cJSON *v = cJSON_ParseWithLength(it->text, it->len);
    if (!v)
        hlog(log, HLOG_ERROR, path, it->path, "%s", _("cannot parse the record (out of memory?)"));
    return v;
}

static bool need_string(const cJSON *rec, const char *key, const char *file, const char *path,
                        struct hlog *log)
{
    const char *v = hstr(rec, key);
    if (v && *v)
        return true;
    char *p = xasprintf("%s.%s", path, key);
    hlog(log, HLOG_ERROR, file, p, "%s", _("missing or not a string; expected a non-empty string"));
    free(p);
    return false;
}

int hbase_load(struct hbase *b, const char *path, struct hlog *log)
{
    *b = (struct hbase){.goals = cJSON_CreateArray(),
                        .services = cJSON_CreateArray(),
                        .sources = cJSON_CreateArray(),
                        .exams = cJSON_CreateArray()};
    int rc = 0;
    struct jscan *s = open_scan(path, log, &rc);
    if (!s)
        return rc;
    size_t errors = log->errors;
    struct jscan_item it;
    enum jscan_event ev;
    while ((ev = jscan_next(s, &it)) > 0) {
        if (ev == JSCAN_VALUE) {
            hlog(log, HLOG_ERROR, path, ".", "%s", _("expected an object at the top level"));
            continue;
        }
        const char *key = it.key ? it.key : "";
        if (ev == JSCAN_KEY && it.dup_line) {
            hlog(log, HLOG_ERROR, path, it.path, _("duplicate key \"%s\"; expected each key once"),
                 key);
            continue;
        }
        if (ev == JSCAN_KEY && strcmp(key, "itpnav") == 0) {
            cJSON *v = record(&it, path, log);
            b->version = cJSON_IsNumber(v) ? (int)v->valuedouble : 0;
            if (b->version != 1 && b->version != 2)
                hlog(log, HLOG_ERROR, path, it.path, "%s",
                     _("expected the format version 1 or 2 (a number)"));
            cJSON_Delete(v);
            continue;
        }
        if (ev == JSCAN_KEY && strcmp(key, "dataset") == 0) {
            b->dataset = record(&it, path, log);
            continue;
        }
        if (ev != JSCAN_ELEMENT)
            continue;
        cJSON *arr = strcmp(key, "goals") == 0      ? b->goals
                     : strcmp(key, "services") == 0 ? b->services
                     : strcmp(key, "sources") == 0  ? b->sources
                     : strcmp(key, "exams") == 0    ? b->exams
                                                    : NULL;
        bool region = strcmp(key, "regions") == 0;
        if (!arr && !region)
            continue;
        cJSON *rec = record(&it, path, log);
        if (!rec)
            continue;
        if (!cJSON_IsObject(rec) || !need_string(rec, "id", path, it.path, log)) {
            if (!cJSON_IsObject(rec))
                hlog(log, HLOG_ERROR, path, it.path, "%s", _("expected an object"));
            cJSON_Delete(rec);
            continue;
        }
        if (arr) {
            if (hbase_find(arr, hstr(rec, "id"))) {
                hlog(log, HLOG_ERROR, path, it.path, _("duplicate id \"%s\""), hstr(rec, "id"));
                cJSON_Delete(rec);
                continue;
            }
            cJSON_AddItemToArray(arr, rec);
            continue;
        }
        if (!need_string(rec, "name", path, it.path, log) ||
            hbase_region(b, hstr(rec, "id")) != SIZE_MAX) {
            if (hstr(rec, "name"))
                hlog(log, HLOG_ERROR, path, it.path, _("duplicate id \"%s\""), hstr(rec, "id"));
            cJSON_Delete(rec);
            continue;
        }
        if (b->n_r == b->cap_r) {
            b->cap_r = b->cap_r ? 2 * b->cap_r : 64;
            b->r = xrealloc(b->r, b->cap_r * sizeof *b->r);
        }
        const char *parent = hstr(rec, "parent"), *kind = hstr(rec, "kind");
        size_t i = b->n_r++;
        b->r[i] = (struct hregion){.id = xstrdup(hstr(rec, "id")),
                                   .name = xstrdup(hstr(rec, "name")),
                                   .kind = kind ? xstrdup(kind) : NULL,
                                   .parent = parent ? xstrdup(parent) : NULL,
                                   .json = cJSON_PrintUnformatted(rec)};
        index_region(b, i, rec);
        cJSON_Delete(rec);
    }
    if (ev == JSCAN_ERROR)
        rc = scan_error(s, path, log);
    jscan_destroy(s);
    if (!rc && !b->version)
        hlog(log, HLOG_ERROR, path, NULL, "%s",
             _("missing key \"itpnav\"; expected the format version"));
    if (!rc && !cJSON_IsObject(b->dataset))
        hlog(log, HLOG_ERROR, path, NULL, "%s", _("missing key \"dataset\"; expected an object"));
    link_regions(b);
    for (size_t i = 0; i < b->n_r; i++)
        if (b->r[i].parent && b->r[i].parent_i == SIZE_MAX) {
            char *p = xasprintf(".regions[%zu].parent", i);
            hlog(log, HLOG_ERROR, path, p, _("no region \"%s\""), b->r[i].parent);
            free(p);
        }
    if (!rc && log->errors > errors)
        rc = EXIT_DATAERR;
    return rc;
}

void hbase_finish(struct hbase *b)
{
    for (size_t i = 0; i < b->n_r; i++) {
        free(b->r[i].id);
        free(b->r[i].name);
        free(b->r[i].kind);
        free(b->r[i].parent);
        free(b->r[i].json);
    }
    free(b->r);
    for (size_t k = 0; k < b->n_keys; k++)
        free(b->keys[k].key);
    free(b->keys);
    cJSON_Delete(b->dataset);
    cJSON_Delete(b->goals);
    cJSON_Delete(b->services);
    cJSON_Delete(b->sources);
    cJSON_Delete(b->exams);
    *b = (struct hbase){0};
}

int hbase_each_support(const char *path, struct hlog *log,
                       bool (*fn)(void *ctx, cJSON *rec, const char *path), void *ctx)
{
    int rc = 0;
    struct jscan *s = open_scan(path, log, &rc);
    if (!s)
        return rc;
    struct jscan_item it;
    enum jscan_event ev;
    bool go = true;
    while (go && (ev = jscan_next(s, &it)) > 0) {
        if (ev != JSCAN_ELEMENT || !it.key || strcmp(it.key, "supports") != 0)
            continue;
        cJSON *rec = record(&it, path, log);
        if (!rec) {
            rc = EXIT_DATAERR;
            continue;
        }
        go = fn(ctx, rec, it.path);
        cJSON_Delete(rec);
    }
    if (go && ev == JSCAN_ERROR)
        rc = scan_error(s, path, log);
    jscan_destroy(s);
    return rc;
}

/* ---- The map ---- */

static char *dup_str(const cJSON *obj, const char *key)
{
    const char *v = hstr(obj, key);
    return v ? xstrdup(v) : NULL;
}

/* Check that arr (at path) is an array of ids present in vocab (goals, else services); NULL
 * arr is fine. */
static bool check_ids(const cJSON *arr, const cJSON *vocab, bool goals, const char *file,
                      const char *path, struct hlog *log)
{
    if (!arr)
        return true;
    if (!cJSON_IsArray(arr)) {
        hlog(log, HLOG_ERROR, file, path, "%s",
             goals ? _("expected an array of goal ids") : _("expected an array of service ids"));
        return false;
    }
    bool ok = true;
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        char *p = xasprintf("%s[%zu]", path, i++);
        if (!cJSON_IsString(e)) {
            hlog(log, HLOG_ERROR, file, p, "%s",
                 goals ? _("expected a goal id (a string)")
                       : _("expected a service id (a string)"));
            ok = false;
        } else if (vocab && !hbase_find(vocab, e->valuestring)) {
            hlog(log, HLOG_ERROR, file, p,
                 goals ? _("no goal \"%s\" in the dataset the import joins")
                       : _("no service \"%s\" in the dataset the import joins"),
                 e->valuestring);
            ok = false;
        }
        free(p);
    }
    return ok;
}

static bool check_kind(const char *kind, const char *file, const char *path, struct hlog *log)
{
    if (!kind || strcmp(kind, "group") == 0 || strcmp(kind, "program") == 0)
        return true;
    /* TRANSLATORS: group and program are the map's values, written as they are. */
    hlog(log, HLOG_ERROR, file, path, _("kind \"%s\"; expected group or program"), kind);
    return false;
}

static void hmap_term_free(struct hmap_term *t)
{
    free(t->code);
    free(t->name);
    free(t->taxonomy);
    free(t->id);
    free(t->kind);
    cJSON_Delete(t->goals);
    cJSON_Delete(t->services);
    free(t->name_k);
    free(t->taxonomy_k);
    *t = (struct hmap_term){0};
}

/* Drop from arr the ids vocab lacks (regions when vocab is NULL). */
static void drop_unknown(cJSON *arr, const cJSON *vocab, const struct hbase *b)
{
    for (cJSON *e = arr ? arr->child : NULL, *next; e; e = next) {
        next = e->next;
        bool known = cJSON_IsString(e) && (vocab ? hbase_find(vocab, e->valuestring) != NULL
                                                 : hbase_region(b, e->valuestring) != SIZE_MAX);
        if (!known)
            cJSON_Delete(cJSON_DetachItemViaPointer(arr, e));
    }
}

int hmap_load(struct hmap *m, const char *path, bool lenient, const struct hbase *b,
              struct hlog *log)
{
    *m = (struct hmap){0};
    char *buf;
    size_t len;
    struct diags d = {0};
    int rc = dataset_read_file(path, &buf, &len, &d);
    if (rc) {
        hlog(log, HLOG_ERROR, path, NULL, "%s", d.n ? d.v[0].msg : _("cannot read"));
        diags_finish(&d);
        return rc;
    }
    diags_finish(&d);
    /* The strict scanner first, for a syntax error's line and column. */
    struct jscan_options o = {.flags = JSCAN_WHOLE};
    struct jscan *s = jscan_open_mem(buf, len, &o);
    struct jscan_item it;
    while (jscan_next(s, &it) > 0)
        ;
    if (jscan_error(s, NULL, NULL, NULL)) {
        rc = scan_error(s, path, log);
        jscan_destroy(s);
        free(buf);
        return rc;
    }
    jscan_destroy(s);
    cJSON *root = cJSON_ParseWithLength(buf, len);
    free(buf);
    size_t errors = log->errors;
    if (!cJSON_IsObject(root)) {
        hlog(log, HLOG_ERROR, path, ".", "%s", _("expected an object"));
        cJSON_Delete(root);
        return EXIT_DATAERR;
    }
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "itpnav_map");
    if (!cJSON_IsNumber(v) || v->valuedouble != 1)
        hlog(log, HLOG_ERROR, path, ".itpnav_map", "%s", _("expected the map format version, 1"));
    const cJSON *terms = cJSON_GetObjectItemCaseSensitive(root, "terms");
    size_t n = (size_t)cJSON_GetArraySize(terms), i = 0;
    m->terms = xcalloc(n ? n : 1, sizeof *m->terms);
    const cJSON *e;
    cJSON_ArrayForEach(e, terms)
    {
        char *p = xasprintf(".terms[%zu]", i);
        struct hmap_term *t = &m->terms[m->n_terms];
        *t = (struct hmap_term){.code = dup_str(e, "code"),
                                .name = dup_str(e, "name"),
                                .taxonomy = dup_str(e, "taxonomy"),
                                .id = dup_str(e, "id"),
                                .kind = dup_str(e, "kind"),
                                .ignore = cJSON_IsTrue(cJSON_GetObjectItem(e, "ignore"))};
        t->name_k = t->name ? name_key(t->name) : NULL;
        t->taxonomy_k = t->taxonomy ? name_key(t->taxonomy) : NULL;
        t->goals = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(e, "goals"), true);
        t->services = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(e, "services"), true);
        if (lenient) {
            drop_unknown(t->goals, b->goals, b);
            drop_unknown(t->services, b->services, b);
            if (!t->ignore && !t->kind && !cJSON_GetArraySize(t->goals) &&
                !cJSON_GetArraySize(t->services)) {
                hmap_term_free(t);
                free(p);
                i++;
                continue;
            }
        }
        char *pg = xasprintf("%s.goals", p), *ps = xasprintf("%s.services", p);
        if (!t->code && !t->name && !t->id)
            hlog(log, HLOG_ERROR, path, p, "%s",
                 _("a term needs a \"code\", a \"name\" or an \"id\""));
        else if (!t->ignore && !t->goals && !t->services && !t->kind)
            hlog(log, HLOG_ERROR, path, p, "%s",
                 _("a term needs \"goals\", \"services\" or \"kind\" (or \"ignore\": true)"));
        check_ids(t->goals, b->goals, true, path, pg, log);
        check_ids(t->services, b->services, false, path, ps, log);
        check_kind(t->kind, path, p, log);
        free(pg);
        free(ps);
        free(p);
        m->n_terms++;
        i++;
    }
    const cJSON *regions = cJSON_GetObjectItemCaseSensitive(root, "regions");
    n = (size_t)cJSON_GetArraySize(regions);
    m->regions = xcalloc(n ? n : 1, sizeof *m->regions);
    i = 0;
    cJSON_ArrayForEach(e, regions)
    {
        char *p = xasprintf(".regions[%zu]", i++);
        struct hmap_region *r = &m->regions[m->n_regions++];
        *r = (struct hmap_region){.name = dup_str(e, "name"),
                                  .province = dup_str(e, "province"),
                                  .ignore = cJSON_IsTrue(cJSON_GetObjectItem(e, "ignore"))};
        const cJSON *one = cJSON_GetObjectItemCaseSensitive(e, "region");
        r->regions =
                cJSON_IsString(one)
                        ? cJSON_CreateStringArray((const char *const[]){one->valuestring}, 1)
                        : cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(e, "regions"), true);
        if (lenient)
            drop_unknown(r->regions, NULL, b);
        if (!r->name)
            hlog(log, HLOG_ERROR, path, p, "%s", _("a region entry needs a \"name\""));
        else if (!r->ignore && !cJSON_GetArraySize(r->regions))
            hlog(log, HLOG_ERROR, path, p, "%s",
                 _("a region entry needs \"region\" or \"regions\" (or \"ignore\": true)"));
        const cJSON *x;
        size_t k = 0;
        cJSON_ArrayForEach(x, r->regions)
        {
            char *px = xasprintf("%s.regions[%zu]", p, k++);
            if (!cJSON_IsString(x) || hbase_region(b, x->valuestring) == SIZE_MAX)
                hlog(log, HLOG_ERROR, path, px,
                     _("no region \"%s\" in the dataset the import joins"),
                     cJSON_IsString(x) ? x->valuestring : _("(not a string)"));
            free(px);
        }
        free(p);
    }
    const cJSON *def = cJSON_GetObjectItemCaseSensitive(root, "default");
    if (def) {
        m->goals = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(def, "goals"), true);
        m->services = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(def, "services"), true);
        if (lenient) {
            drop_unknown(m->goals, b->goals, b);
            drop_unknown(m->services, b->services, b);
        }
        m->kind = dup_str(def, "kind");
        m->regions_all = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(def, "regions"), true);
        if (lenient)
            drop_unknown(m->regions_all, NULL, b);
        const cJSON *x;
        size_t k = 0;
        if (m->regions_all && !cJSON_IsArray(m->regions_all))
            hlog(log, HLOG_ERROR, path, ".default.regions", "%s",
                 _("expected an array of region ids"));
        cJSON_ArrayForEach(x, m->regions_all)
        {
            char *px = xasprintf(".default.regions[%zu]", k++);
            if (!cJSON_IsString(x) || hbase_region(b, x->valuestring) == SIZE_MAX)
                hlog(log, HLOG_ERROR, path, px,
                     _("no region \"%s\" in the dataset the import joins"),
                     cJSON_IsString(x) ? x->valuestring : _("(not a string)"));
            free(px);
        }
        check_ids(m->goals, b->goals, true, path, ".default.goals", log);
        check_ids(m->services, b->services, false, path, ".default.services", log);
        check_kind(m->kind, path, ".default.kind", log);
    }
    cJSON_ArrayForEach(e, root)
    {
        if (strcmp(e->string, "itpnav_map") && strcmp(e->string, "terms") &&
            strcmp(e->string, "regions") && strcmp(e->string, "default") &&
            strcmp(e->string, "notes"))
            hlog(log, HLOG_ERROR, path, NULL, _("unknown key \"%s\""), e->string);
    }
    cJSON_Delete(root);
    return log->errors > errors ? EXIT_DATAERR : 0;
}

void hmap_finish(struct hmap *m)
{
    for (size_t i = 0; i < m->n_terms; i++)
        hmap_term_free(&m->terms[i]);
    free(m->terms);
    for (size_t i = 0; i < m->n_regions; i++) {
        free(m->regions[i].name);
        free(m->regions[i].province);
        cJSON_Delete(m->regions[i].regions);
    }
    free(m->regions);
    cJSON_Delete(m->goals);
    cJSON_Delete(m->services);
    cJSON_Delete(m->regions_all);
    free(m->kind);
    *m = (struct hmap){0};
}

const struct hmap_region *hmap_region(const struct hmap *m, const struct hbase *b, const char *name,
                                      size_t prov)
{
    char *key = name_key(name);
    const struct hmap_region *found = NULL;
    for (size_t i = 0; i < m->n_regions && !found; i++) {
        char *k = name_key(m->regions[i].name);
        if (strcmp(k, key) == 0 &&
            (!m->regions[i].province || hbase_province(b, m->regions[i].province) == prov))
            found = &m->regions[i];
        free(k);
    }
    free(key);
    return found;
}

bool hmap_term_matches(const struct hmap_term *t, const char *code, const char *name_k,
                       const char *taxonomy_k, const char *id)
{
    if (t->id && (!id || strcasecmp(t->id, id) != 0))
        return false;
    if (t->code && (!code || strcasecmp(t->code, code) != 0))
        return false;
    if (t->name_k && (!name_k || strcmp(t->name_k, name_k) != 0))
        return false;
    return !t->taxonomy_k || (taxonomy_k && strcmp(t->taxonomy_k, taxonomy_k) == 0);
}

char *hname_key(const char *s)
{
    return name_key(s);
}

bool hname_equal(const char *a, const char *b)
{
    char *x = name_key(a), *y = name_key(b);
    bool same = strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}
