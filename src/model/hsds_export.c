/* hsds_export.c: a dataset as Open Referral HSDS 3.0, read one support at a time: a JSON list of
 * services (each with its organization, service areas, locations and contacts), or the tabular
 * data package. Ids are name-based UUIDs of itpnav's ids, so that a second export updates what the
 * first one published instead of adding to it. What HSDS has no field for travels in each
 * service's "itpnav" property, which the import reads back. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "dataset.h"
#include "hsds.h"
#include "hsds_internal.h"
#include "hsds_tabular.h"
#include "i18n.h"
#include "sha1.h"
#include "text.h"

struct exporter {
    const struct hsds_export_options *o;
    struct hlog log;
    struct hbase base;
    unsigned char ns[16];
    size_t supports;
    FILE *json;    /* the JSON list, while it is written */
    FILE *csv[32]; /* one file a table (tabular) */
    char *tmp[32]; /* their temporary names */
    char **orgs;   /* organization ids written (tabular), hashed */
    size_t n_orgs, cap_orgs;
};

/* The UUID that stands for name (a path such as "support/ican/phone"). */
static void uuid_of(const struct exporter *ex, char out[37], const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void uuid_of(const struct exporter *ex, char out[37], const char *fmt, ...)
{
    struct sb name = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&name, fmt, ap);
    va_end(ap);
    uuid_v5(ex->ns, sb_str(&name), name.len, out);
    sb_finish(&name);
}

static void add_uuid(cJSON *obj, const char *key, const struct exporter *ex, const char *name)
{
    char u[37];
    uuid_of(ex, u, "%s", name);
    cJSON_AddStringToObject(obj, key, u);
}

/* An as-of date as HSDS's date-time: the first moment of the day, month or year it names. */
static char *date_time(const char *date)
{
    size_t n = strlen(date);
    return xasprintf("%.4s-%.2s-%.2sT00:00:00Z", date, n >= 7 ? date + 5 : "01",
                     n >= 10 ? date + 8 : "01");
}

static const char *str(const cJSON *obj, const char *key)
{
    const char *s = hstr(obj, key);
    return s && *s ? s : NULL;
}

static void copy_if(cJSON *to, const char *key, const cJSON *from, const char *from_key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(from, from_key);
    if (v && !cJSON_IsNull(v))
        cJSON_AddItemToObject(to, key, cJSON_Duplicate(v, true));
}

/* Checks an export needs (the full rules are `itpnav check`'s): every reference it follows. */
static bool check(struct exporter *ex, const cJSON *sup, const char *path)
{
    bool ok = true;
    const char *id = str(sup, "id");
    char p[300];
    if (!id || !dataset_valid_id(id) || !str(sup, "name") || !str(sup, "summary") ||
        !str(sup, "as_of") || !dataset_valid_date(str(sup, "as_of"))) {
        hlog(&ex->log, HLOG_ERROR, ex->o->data, path, "%s",
             _("a support needs a valid id, a name, a summary and an as_of date"));
        ok = false;
    }
    static const struct {
        const char *key, *missing;
    } refs[] = {{"regions", N_("missing or empty; expected region ids")},
                {"goals", N_("missing or empty; expected goal ids")},
                {"services", N_("missing or empty; expected service ids")}};
    for (size_t r = 0; r < 3; r++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(sup, refs[r].key), *e;
        if (!cJSON_GetArraySize(arr)) {
            snprintf(p, sizeof p, "%s.%s", path, refs[r].key);
            hlog(&ex->log, HLOG_ERROR, ex->o->data, p, "%s", _(refs[r].missing));
            ok = false;
        }
        size_t i = 0;
        cJSON_ArrayForEach(e, arr)
        {
            snprintf(p, sizeof p, "%s.%s[%zu]", path, refs[r].key, i++);
            bool known = cJSON_IsString(e) &&
                         (r == 0 ? hbase_region(&ex->base, e->valuestring) != SIZE_MAX
                                 : hbase_find(r == 1 ? ex->base.goals : ex->base.services,
                                              e->valuestring) != NULL);
            if (!known) {
                hlog(&ex->log, HLOG_ERROR, ex->o->data, p,
                     r == 0   ? _("no region \"%s\"")
                     : r == 1 ? _("no goal \"%s\"")
                              : _("no service \"%s\""),
                     cJSON_IsString(e) ? e->valuestring : _("(not a string)"));
                ok = false;
            }
        }
    }
    const char *src = str(sup, "source");
    if (!src || !hbase_find(ex->base.sources, src)) {
        snprintf(p, sizeof p, "%s.source", path);
        hlog(&ex->log, HLOG_ERROR, ex->o->data, p, _("no source \"%s\""), src ? src : "");
        ok = false;
    }
    return ok;
}

/* The taxonomy term of a goal or service, as HSDS writes one. */
static cJSON *term(const struct exporter *ex, const char *what, const cJSON *rec)
{
    cJSON *t = cJSON_CreateObject();
    const char *id = str(rec, "id");
    char name[200];
    snprintf(name, sizeof name, "%s/%s", what, id);
    add_uuid(t, "id", ex, name);
    cJSON_AddStringToObject(t, "code", name);
    cJSON_AddStringToObject(t, "name", str(rec, "name") ? str(rec, "name") : id);
    /* HSDS requires a description: a service without a summary is described by its name. */
    cJSON_AddStringToObject(t, "description",
                            str(rec, "summary") ? str(rec, "summary")
                            : str(rec, "name")  ? str(rec, "name")
                                                : id);
    cJSON_AddStringToObject(t, "taxonomy", "itpnav");
    add_uuid(t, "taxonomy_id", ex, "taxonomy/itpnav");
    cJSON *d = cJSON_AddObjectToObject(t, "taxonomy_detail");
    add_uuid(d, "id", ex, "taxonomy/itpnav");
    cJSON_AddStringToObject(d, "name", "itpnav");
    cJSON_AddStringToObject(d, "description",
                            "itpnav's career goals (code goal/ID) and kinds of help (code "
                            "service/ID) for internationally trained physicians in Canada");
    return t;
}

/* One support as an HSDS service. */
static cJSON *service(struct exporter *ex, const cJSON *sup)
{
    const char *id = str(sup, "id"), *name = str(sup, "name");
    const cJSON *contact = cJSON_GetObjectItemCaseSensitive(sup, "contact");
    char u[37], k[200];
    cJSON *svc = cJSON_CreateObject(), *ext = cJSON_CreateObject();
    uuid_of(ex, u, "support/%s", id);
    cJSON_AddStringToObject(svc, "id", u);
    char sid[37];
    memcpy(sid, u, sizeof sid);
    cJSON_AddStringToObject(svc, "name", name);
    if (str(sup, "acronym"))
        cJSON_AddStringToObject(svc, "alternate_name", str(sup, "acronym"));
    cJSON_AddStringToObject(svc, "description", str(sup, "summary"));
    if (str(contact, "website"))
        cJSON_AddStringToObject(svc, "url", str(contact, "website"));
    const char *email = str(contact, "email");
    if (email && strchr(email, '@') && !strchr(email, ' '))
        cJSON_AddStringToObject(svc, "email", email);
    else if (email)
        cJSON_AddStringToObject(ext, "email", email);
    /* HSDS requires a status; one the dataset does not know is written as active and said so. */
    const char *status = str(sup, "status");
    cJSON_AddStringToObject(svc, "status",
                            !status                           ? "active"
                            : strcmp(status, "closed") == 0   ? "defunct"
                            : strcmp(status, "inactive") == 0 ? "inactive"
                                                              : "active");
    if (str(sup, "cost"))
        cJSON_AddStringToObject(svc, "fees_description", str(sup, "cost"));
    if (str(sup, "eligibility"))
        cJSON_AddStringToObject(svc, "eligibility_description", str(sup, "eligibility"));
    if (str(sup, "verified"))
        cJSON_AddStringToObject(svc, "assured_date", str(sup, "verified"));
    char *lm = date_time(str(sup, "as_of"));
    cJSON_AddStringToObject(svc, "last_modified", lm);
    free(lm);

    const char *host = str(sup, "host");
    cJSON *org = cJSON_AddObjectToObject(svc, "organization");
    uuid_of(ex, u, "organization/%s", host ? host : name);
    cJSON_AddStringToObject(org, "id", u);
    cJSON_AddStringToObject(org, "name", host ? host : name);
    /* HSDS requires a description; of a host the dataset knows only that it runs the support. */
    if (host) {
        const char *title = hstr(ex->base.dataset, "title");
        char *d = xasprintf("Runs or hosts services listed in the itpnav dataset \"%s\".",
                            title ? title : "itpnav");
        cJSON_AddStringToObject(org, "description", d);
        free(d);
    } else {
        cJSON_AddStringToObject(org, "description", str(sup, "summary"));
    }
    cJSON_AddStringToObject(svc, "organization_id", u);

    if (str(contact, "phone")) {
        cJSON *phones = cJSON_AddArrayToObject(svc, "phones"), *ph = cJSON_CreateObject();
        snprintf(k, sizeof k, "support/%s/phone", id);
        add_uuid(ph, "id", ex, k);
        cJSON_AddStringToObject(ph, "service_id", sid);
        cJSON_AddStringToObject(ph, "number", str(contact, "phone"));
        cJSON_AddItemToArray(phones, ph);
    }

    cJSON *areas = cJSON_AddArrayToObject(svc, "service_areas"), *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(sup, "regions"))
    {
        size_t r = hbase_region(&ex->base, e->valuestring);
        cJSON *a = cJSON_CreateObject();
        snprintf(k, sizeof k, "support/%s/region/%s", id, e->valuestring);
        add_uuid(a, "id", ex, k);
        cJSON_AddStringToObject(a, "service_id", sid);
        char *an = hbase_area_name(&ex->base, r);
        cJSON_AddStringToObject(a, "name", an);
        free(an);
        cJSON_AddItemToArray(areas, a);
    }

    /* Delivery: a physical location for in person, a virtual one for online, and a schedule
     * saying hybrid; an address without in-person delivery is a postal location. */
    unsigned d = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(sup, "delivery"))
    {
        if (!cJSON_IsString(e))
            continue;
        d |= strcmp(e->valuestring, "online") == 0      ? 1u
             : strcmp(e->valuestring, "in-person") == 0 ? 2u
             : strcmp(e->valuestring, "hybrid") == 0    ? 4u
                                                        : 0u;
    }
    cJSON *sals = cJSON_CreateArray();
    const char *address = str(contact, "address");
    for (int kind = 0; kind < 2; kind++) {
        bool physical = kind == 0;
        if (physical && !(d & 2) && !address)
            continue;
        if (!physical && !(d & 1))
            continue;
        const char *type = physical ? (d & 2 ? "physical" : "postal") : "virtual";
        cJSON *sal = cJSON_CreateObject(), *loc = cJSON_CreateObject();
        snprintf(k, sizeof k, "support/%s/at/%s", id, type);
        add_uuid(sal, "id", ex, k);
        cJSON_AddStringToObject(sal, "service_id", sid);
        snprintf(k, sizeof k, "support/%s/location/%s", id, type);
        char lid[37];
        uuid_of(ex, lid, "%s", k);
        cJSON_AddStringToObject(sal, "location_id", lid);
        cJSON_AddStringToObject(loc, "id", lid);
        cJSON_AddStringToObject(loc, "location_type", type);
        if (physical && (d & 2) && str(sup, "location"))
            cJSON_AddStringToObject(loc, "name", str(sup, "location"));
        if (!physical && str(contact, "website"))
            cJSON_AddStringToObject(loc, "url", str(contact, "website"));
        /* The dataset keeps an address as one text: HSDS's address needs it in parts (a city,
         * a postal code) that would have to be guessed, so it describes the location. */
        if (physical && address) {
            char *desc = xasprintf("Address: %s", address);
            cJSON_AddStringToObject(loc, "description", desc);
            free(desc);
        }
        cJSON_AddItemToObject(sal, "location", loc);
        cJSON_AddItemToArray(sals, sal);
    }
    cJSON_AddItemToObject(svc, "service_at_locations", sals);
    if (d & 4) {
        cJSON *scheds = cJSON_AddArrayToObject(svc, "schedules"), *s = cJSON_CreateObject();
        snprintf(k, sizeof k, "support/%s/schedule/hybrid", id);
        add_uuid(s, "id", ex, k);
        cJSON_AddStringToObject(s, "service_id", sid);
        cJSON_AddStringToObject(s, "attending_type", "hybrid");
        cJSON_AddItemToArray(scheds, s);
    }

    cJSON *attrs = cJSON_AddArrayToObject(svc, "attributes");
    for (int g = 0; g < 2; g++) {
        const char *what = g == 0 ? "goal" : "service";
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(sup, g == 0 ? "goals" : "services"))
        {
            const cJSON *rec =
                    hbase_find(g == 0 ? ex->base.goals : ex->base.services, e->valuestring);
            cJSON *a = cJSON_CreateObject(), *t = term(ex, what, rec);
            snprintf(k, sizeof k, "support/%s/%s/%s", id, what, e->valuestring);
            add_uuid(a, "id", ex, k);
            cJSON_AddStringToObject(a, "link_id", sid);
            cJSON_AddStringToObject(a, "link_type", what);
            cJSON_AddStringToObject(a, "link_entity", "service");
            cJSON_AddStringToObject(a, "taxonomy_term_id", hstr(t, "id"));
            cJSON_AddItemToObject(a, "taxonomy_term", t);
            cJSON_AddItemToArray(attrs, a);
        }
    }

    /* What HSDS has no field for, or cannot hold exactly. */
    cJSON_AddStringToObject(ext, "id", id);
    copy_if(ext, "kind", sup, "kind");
    copy_if(ext, "as_of", sup, "as_of");
    copy_if(ext, "verified", sup, "verified");
    copy_if(ext, "location", sup, "location");
    copy_if(ext, "size", sup, "size");
    copy_if(ext, "offers", sup, "offers");
    copy_if(ext, "aims", sup, "aims");
    copy_if(ext, "part_of", sup, "part_of");
    copy_if(ext, "contact_note", contact, "note");
    copy_if(ext, "contact_address", contact, "address");
    /* A host of the support's own name would read, in HSDS, as a support with no host. */
    if (host && hname_equal(host, name))
        cJSON_AddStringToObject(ext, "host", host);
    if (!status)
        cJSON_AddBoolToObject(ext, "status_not_stated", true);
    const cJSON *src = hbase_find(ex->base.sources, str(sup, "source"));
    if (src)
        cJSON_AddItemToObject(ext, "source", cJSON_Duplicate(src, true));
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(sup, "translations"), *t;
    if (tr) {
        cJSON_AddItemToObject(ext, "translations", cJSON_Duplicate(tr, true));
        /* The sources its translations cite travel with it too. */
        cJSON *more = NULL;
        cJSON_ArrayForEach(t, tr)
        {
            const char *tid = str(t, "source");
            const cJSON *ts = tid ? hbase_find(ex->base.sources, tid) : NULL;
            if (!ts || ts == src)
                continue;
            if (!more)
                more = cJSON_AddArrayToObject(ext, "translation_sources");
            cJSON_AddItemToArray(more, cJSON_Duplicate(ts, true));
        }
    }
    cJSON_AddItemToObject(svc, "itpnav", ext);
    return svc;
}

/* ---- Tabular ---- */

static FILE *table_file(struct exporter *ex, const char *name)
{
    const struct htable *t = htable_find(name);
    size_t i = (size_t)(t - htables);
    if (ex->csv[i])
        return ex->csv[i];
    /* A new file of an unpredictable name beside the table (never through a link put there),
     * renamed over it at the end, as every atomic write of itpnav does (util.h). */
    char *final = xasprintf("%s/%s", ex->o->out, t->file);
    int fd = tmp_create_beside(final, 0644, &ex->tmp[i]);
    ex->csv[i] = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!ex->csv[i]) {
        hlog(&ex->log, HLOG_ERROR, final, NULL, _("cannot write: %s"), strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(ex->tmp[i]);
        }
        free(ex->tmp[i]);
        ex->tmp[i] = NULL;
        free(final);
        return NULL;
    }
    free(final);
    for (size_t c = 0; t->columns[c]; c++)
        csv_field(ex->csv[i], t->columns[c], c == 0);
    csv_end_row(ex->csv[i]);
    return ex->csv[i];
}

/* One row of table from obj's keys (nested arrays and objects aside). */
static void row(struct exporter *ex, const char *table, const cJSON *obj)
{
    FILE *f = table_file(ex, table);
    if (!f)
        return;
    const struct htable *t = htable_find(table);
    for (size_t c = 0; t->columns[c]; c++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, t->columns[c]);
        char *s = NULL;
        if (cJSON_IsString(v))
            s = xstrdup(v->valuestring);
        else if (cJSON_IsObject(v))
            s = cJSON_PrintUnformatted(v);
        csv_field(f, s, c == 0);
        free(s);
    }
    csv_end_row(f);
}

static void rows_of(struct exporter *ex, const char *table, const cJSON *arr)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) row(ex, table, e);
}

/* Add id to the set of organizations written; false when it was there. */
static bool new_org(struct exporter *ex, const char *id)
{
    if (2 * (ex->n_orgs + 1) > ex->cap_orgs) {
        size_t cap = ex->cap_orgs ? 2 * ex->cap_orgs : 64;
        char **t = xcalloc(cap, sizeof *t);
        for (size_t i = 0; i < ex->cap_orgs; i++) {
            if (!ex->orgs[i])
                continue;
            size_t j = dataset_hash(ex->orgs[i], strlen(ex->orgs[i])) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = ex->orgs[i];
        }
        free(ex->orgs);
        ex->orgs = t;
        ex->cap_orgs = cap;
    }
    size_t j = dataset_hash(id, strlen(id)) & (ex->cap_orgs - 1);
    for (; ex->orgs[j]; j = (j + 1) & (ex->cap_orgs - 1))
        if (strcmp(ex->orgs[j], id) == 0)
            return false;
    ex->orgs[j] = xstrdup(id);
    ex->n_orgs++;
    return true;
}

static void tabular(struct exporter *ex, const cJSON *svc)
{
    const cJSON *org = cJSON_GetObjectItemCaseSensitive(svc, "organization");
    if (new_org(ex, hstr(org, "id")))
        row(ex, "organization", org);
    row(ex, "service", svc);
    rows_of(ex, "phone", cJSON_GetObjectItemCaseSensitive(svc, "phones"));
    rows_of(ex, "service_area", cJSON_GetObjectItemCaseSensitive(svc, "service_areas"));
    rows_of(ex, "schedule", cJSON_GetObjectItemCaseSensitive(svc, "schedules"));
    const cJSON *sal;
    cJSON_ArrayForEach(sal, cJSON_GetObjectItemCaseSensitive(svc, "service_at_locations"))
    {
        row(ex, "service_at_location", sal);
        const cJSON *loc = cJSON_GetObjectItemCaseSensitive(sal, "location");
        row(ex, "location", loc);
        rows_of(ex, "address", cJSON_GetObjectItemCaseSensitive(loc, "addresses"));
    }
    rows_of(ex, "attribute", cJSON_GetObjectItemCaseSensitive(svc, "attributes"));
}

/* The vocabulary's terms and the taxonomy, once. */
static void taxonomy(struct exporter *ex)
{
    cJSON *t = NULL;
    for (int g = 0; g < 2; g++) {
        const cJSON *e;
        cJSON_ArrayForEach(e, (g == 0 ? ex->base.goals : ex->base.services))
        {
            t = term(ex, g == 0 ? "goal" : "service", e);
            row(ex, "taxonomy_term", t);
            if (g == 1 && !e->next)
                row(ex, "taxonomy", cJSON_GetObjectItemCaseSensitive(t, "taxonomy_detail"));
            cJSON_Delete(t);
        }
    }
}

static int datapackage(struct exporter *ex)
{
    cJSON *dp = cJSON_CreateObject();
    cJSON_AddStringToObject(dp, "name", "human_services_data");
    const char *title = hstr(ex->base.dataset, "title");
    cJSON_AddStringToObject(dp, "title", title ? title : "itpnav dataset");
    cJSON_AddStringToObject(dp, "profile", "tabular-data-package");
    cJSON_AddStringToObject(dp, "version", "3.0.0");
    cJSON *res = cJSON_AddArrayToObject(dp, "resources");
    for (size_t i = 0; i < n_htables; i++) {
        if (!ex->csv[i])
            continue;
        const struct htable *t = &htables[i];
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "name", t->name);
        cJSON_AddStringToObject(r, "path", t->file);
        cJSON_AddStringToObject(r, "profile", "tabular-data-resource");
        cJSON_AddStringToObject(r, "format", "csv");
        cJSON_AddStringToObject(r, "mediatype", "text/csv");
        cJSON_AddStringToObject(r, "encoding", "utf-8");
        cJSON *schema = cJSON_AddObjectToObject(r, "schema");
        cJSON_AddStringToObject(schema, "primaryKey", "id");
        cJSON *fields = cJSON_AddArrayToObject(schema, "fields");
        for (size_t c = 0; t->columns[c]; c++) {
            cJSON *f = cJSON_CreateObject();
            cJSON_AddStringToObject(f, "name", t->columns[c]);
            bool number = false;
            for (size_t n = 0; t->numbers[n]; n++)
                number |= strcmp(t->numbers[n], t->columns[c]) == 0;
            bool ext = strcmp(t->columns[c], "itpnav") == 0;
            cJSON_AddStringToObject(f, "type", ext ? "object" : number ? "number" : "string");
            if (ext)
                cJSON_AddStringToObject(f, "description",
                                        "itpnav's own keys, which HSDS has no field for (an "
                                        "extension: see itpnav(1))");
            cJSON_AddItemToArray(fields, f);
        }
        cJSON_AddItemToArray(res, r);
    }
    char *s = cJSON_Print(dp);
    cJSON_Delete(dp);
    char *path = xasprintf("%s/datapackage.json", ex->o->out);
    char *tmp = NULL;
    int fd = tmp_create_beside(path, 0644, &tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    bool ok = f && fputs(s, f) >= 0 && fputc('\n', f) != EOF && fflush(f) == 0 &&
              fsync(fileno(f)) == 0;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok || rename(tmp, path) != 0) {
        hlog(&ex->log, HLOG_ERROR, path, NULL, _("cannot write: %s"), strerror(errno));
        if (tmp)
            unlink(tmp);
        ok = false;
    }
    free(tmp);
    free(path);
    free(s);
    return ok ? 0 : EXIT_IOERR;
}

/* ---- The run ---- */

static bool each(void *ctx, cJSON *sup, const char *path)
{
    struct exporter *ex = ctx;
    if (!check(ex, sup, path))
        return true;
    cJSON *svc = service(ex, sup);
    if (ex->o->tabular) {
        tabular(ex, svc);
    } else {
        char *s = cJSON_PrintUnformatted(svc);
        fprintf(ex->json, "%s\n  %s", ex->supports ? "," : "", s);
        free(s);
    }
    ex->supports++;
    cJSON_Delete(svc);
    return true;
}

static int copy_out(FILE *from, FILE *to)
{
    rewind(from);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        if (fwrite(buf, 1, n, to) != n)
            return EXIT_IOERR;
    return ferror(from) || fflush(to) != 0 || ferror(to) ? EXIT_IOERR : 0;
}

int hsds_export(const struct hsds_export_options *o)
{
    struct exporter ex = {.o = o, .log = {.out = stderr}};
    uuid_parse(HSDS_UUID_NAMESPACE, ex.ns);
    int rc = hbase_load(&ex.base, o->data, &ex.log);
    char *tmp = NULL;
    /* A device or a pipe is written to as it is: a rename would replace it with a file. */
    struct stat st;
    bool direct = !o->tabular && o->out && stat(o->out, &st) == 0 && !S_ISREG(st.st_mode);
    if (!rc && o->tabular) {
        if (!mkdir_p(o->out)) {
            hlog(&ex.log, HLOG_ERROR, o->out, NULL, _("cannot make the folder: %s"),
                 strerror(errno));
            rc = EXIT_IOERR;
        }
    } else if (!rc && o->out && !direct) {
        tmp = xasprintf("%s.XXXXXX", o->out);
        int fd = mkstemp(tmp);
        if (fd < 0 || !(ex.json = fdopen(fd, "w+"))) {
            hlog(&ex.log, HLOG_ERROR, o->out, NULL, _("cannot write: %s"), strerror(errno));
            rc = EXIT_IOERR;
        } else {
            mode_t mask = umask(0);
            umask(mask);
            fchmod(fd, 0666 & ~mask);
        }
    } else if (!rc && !(ex.json = tmpfile())) {
        hlog(&ex.log, HLOG_ERROR, _("temporary file"), NULL, "%s", strerror(errno));
        rc = EXIT_IOERR;
    }
    if (!rc) {
        if (ex.json)
            fputs("[", ex.json);
        else
            taxonomy(&ex);
        rc = hbase_each_support(o->data, &ex.log, each, &ex);
        if (!rc && ex.log.errors)
            rc = EXIT_DATAERR;
    }
    if (ex.json) {
        if (!rc) {
            fputs(ex.supports ? "\n]\n" : "]\n", ex.json);
            if (!o->out) {
                rc = copy_out(ex.json, stdout);
            } else if (direct) {
                FILE *d = fopen(o->out, "w");
                rc = d ? copy_out(ex.json, d) : EXIT_IOERR;
                if (d && fclose(d) != 0)
                    rc = EXIT_IOERR;
            } else if (fflush(ex.json) != 0 || ferror(ex.json) || fsync(fileno(ex.json)) != 0 ||
                       rename(tmp, o->out) != 0) {
                rc = EXIT_IOERR;
            }
            if (rc)
                hlog(&ex.log, HLOG_ERROR, o->out ? o->out : _("standard output"), NULL,
                     _("cannot write: %s"), strerror(errno));
        }
        fclose(ex.json);
        if (rc && tmp)
            unlink(tmp);
    }
    for (size_t i = 0; i < n_htables; i++) {
        if (!ex.csv[i])
            continue;
        bool bad = fflush(ex.csv[i]) != 0 || ferror(ex.csv[i]);
        fclose(ex.csv[i]);
        char *final = xasprintf("%s/%s", o->out, htables[i].file);
        if (!rc && (bad || rename(ex.tmp[i], final) != 0)) {
            hlog(&ex.log, HLOG_ERROR, final, NULL, _("cannot write: %s"), strerror(errno));
            rc = EXIT_IOERR;
        }
        if (rc)
            unlink(ex.tmp[i]);
        free(final);
        free(ex.tmp[i]);
    }
    if (!rc && o->tabular)
        rc = datapackage(&ex);
    if (!rc) {
        char *what = text_sanitize(o->out ? o->out : _("standard output"), false);
        char n[32];
        /* TRANSLATORS: the file written, the count, then " (tabular data package)" or "". */
        fprintf(stderr,
                ngettext("itpnav: %s: %s support exported as HSDS 3.0 services%s\n",
                         "itpnav: %s: %s supports exported as HSDS 3.0 services%s\n", ex.supports),
                what, i18n_number(n, sizeof n, (long long)ex.supports),
                o->tabular ? _(" (tabular data package)") : "");
        free(what);
    }
    free(tmp);
    for (size_t i = 0; i < ex.cap_orgs; i++)
        free(ex.orgs[i]);
    free(ex.orgs);
    hbase_finish(&ex.base);
    return rc;
}
