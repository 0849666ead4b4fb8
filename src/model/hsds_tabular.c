/* hsds_tabular.c: an HSDS tabular data package read into a temporary SQLite database on disk
 * (memory stays flat however many rows), then each service put together again with bound
 * queries, as the JSON form nests it. */
#include "hsds_tabular.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "dataset.h"
#include "i18n.h"
#include "jscan.h"

#define L(...)                                                                                     \
    (const char *const[])                                                                          \
    {                                                                                              \
        __VA_ARGS__, NULL                                                                          \
    }

/* The tables and fields of HSDS 3.0's datapackage.json (version 3.0.0); services also carry
 * itpnav's extension column. */
const struct htable htables[] = {
        {"organization", "organizations.csv",
         L("id", "name", "alternate_name", "description", "email", "website", "tax_status",
           "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"),
         L("year_incorporated"), true},
        {"program", "programs.csv",
         L("id", "organization_id", "name", "alternate_name", "description"), L(NULL), false},
        {"service", "services.csv",
         L("id", "organization_id", "program_id", "name", "alternate_name", "description", "url",
           "email", "status", "interpretation_services", "application_process", "fees_description",
           "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age",
           "maximum_age", "assured_date", "assurer_email", "licenses", "alert", "last_modified",
           "itpnav"),
         L("minimum_age", "maximum_age"), true},
        {"attribute", "attributes.csv",
         L("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"), L(NULL),
         true},
        {"service_at_location", "service_at_location.csv",
         L("id", "service_id", "location_id", "description"), L(NULL), true},
        {"location", "locations.csv",
         L("id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
           "transportation", "latitude", "longitude", "external_identifier",
           "external_identifier_type"),
         L("latitude", "longitude"), true},
        {"phone", "phones.csv",
         L("id", "location_id", "service_id", "organization_id", "contact_id",
           "service_at_location_id", "number", "extension", "type", "description"),
         L("extension"), true},
        {"contact", "contacts.csv",
         L("id", "organization_id", "service_id", "service_at_location_id", "location_id", "name",
           "title", "department", "email"),
         L(NULL), true},
        {"address", "addresses.csv",
         L("id", "location_id", "attention", "address_1", "address_2", "city", "region",
           "state_province", "postal_code", "country", "address_type"),
         L(NULL), true},
        {"schedule", "schedules.csv",
         L("id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to",
           "dtstart", "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno",
           "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link",
           "attending_type", "notes"),
         L("timezone", "count", "interval"), true},
        {"funding", "funding.csv", L("id", "organization_id", "service_id", "source"), L(NULL),
         false},
        {"service_area", "service_areas.csv",
         L("id", "service_id", "name", "description", "extent", "extent_type", "uri"), L(NULL),
         true},
        {"required_document", "required_documents.csv", L("id", "service_id", "document", "uri"),
         L(NULL), false},
        {"language", "languages.csv",
         L("id", "service_id", "location_id", "phone_id", "name", "code", "note"), L(NULL), false},
        {"accessibility", "accessibility.csv",
         L("id", "location_id", "description", "details", "url"), L(NULL), false},
        {"taxonomy_term", "taxonomy_terms.csv",
         L("id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id",
           "term_uri"),
         L(NULL), true},
        {"metadata", "metadata.csv",
         L("id", "resource_id", "resource_type", "last_action_date", "last_action_type",
           "field_name", "previous_value", "replacement_value", "updated_by"),
         L(NULL), false},
        {"meta_table_description", "meta_table_descriptions.csv",
         L("id", "name", "language", "character_set"), L(NULL), false},
        {"cost_option", "cost_options.csv",
         L("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
           "amount_description"),
         L("amount"), true},
        {"organization_identifier", "organization_identifiers.csv",
         L("id", "organization_id", "identifier_scheme", "identifier_type", "identifier"), L(NULL),
         false},
        {"taxonomy", "taxonomies.csv", L("id", "name", "description", "uri", "version"), L(NULL),
         true},
};
const size_t n_htables = sizeof htables / sizeof htables[0];

const struct htable *htable_find(const char *name)
{
    for (size_t i = 0; i < n_htables; i++)
        if (strcmp(htables[i].name, name) == 0)
            return &htables[i];
    return NULL;
}

static size_t n_columns(const struct htable *t)
{
    size_t n = 0;
    while (t->columns[n])
        n++;
    return n;
}

struct tab {
    sqlite3 *db;
    const char *dir;
    struct hlog *log;
    char *file[32]; /* the file each table was read from (its path in the package), or NULL */
    struct stmt {
        const char *table, *column;
        sqlite3_stmt *st;
    } stmts[48];
    size_t n_stmts;
};

static int table_index(const struct htable *t)
{
    return (int)(t - htables);
}

static bool exec(struct tab *tb, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(tb->db, sql, NULL, NULL, &err) == SQLITE_OK)
        return true;
    hlog(tb->log, HLOG_ERROR, _("temporary database"), NULL, "%s", err ? err : _("failed"));
    sqlite3_free(err);
    return false;
}

/* A relative path inside the package: no way out of its folder. */
static bool safe_path(const char *p)
{
    if (!*p || *p == '/')
        return false;
    for (const char *s = p; *s;) {
        const char *slash = strchr(s, '/');
        size_t n = slash ? (size_t)(slash - s) : strlen(s);
        if (n == 2 && strncmp(s, "..", 2) == 0)
            return false;
        if (!slash)
            break;
        s = slash + 1;
    }
    return true;
}

static int load_table(struct tab *tb, const struct htable *t, const char *file, bool listed)
{
    char *path = xasprintf("%s/%s", tb->dir, file);
    FILE *f = fopen(path, "rb");
    if (!f) {
        int err = errno;
        bool service = strcmp(t->name, "service") == 0;
        if (service || listed)
            /* TRANSLATORS: %s is why the file cannot be opened (the system's words). */
            hlog(tb->log, service ? HLOG_ERROR : HLOG_UNMAPPED, path, NULL,
                 service ? _("cannot open (%s); a package needs its services")
                         : _("cannot open (%s); listed in datapackage.json, its data is left out"),
                 strerror(err));
        free(path);
        return service ? (err == EIO ? EXIT_IOERR : EXIT_NOINPUT) : 0;
    }
    size_t nc = n_columns(t);
    struct sb sql = {0};
    sb_addf(&sql, "CREATE TABLE t_%s(_line INTEGER", t->name);
    for (size_t c = 0; c < nc; c++)
        sb_addf(&sql, ", \"%s\" TEXT%s", t->columns[c], c == 0 ? " UNIQUE" : "");
    sb_add(&sql, ")");
    bool ok = exec(tb, sb_str(&sql));
    sb_finish(&sql);
    if (!ok) {
        fclose(f);
        free(path);
        return EXIT_IOERR;
    }
    sb_addf(&sql, "INSERT OR IGNORE INTO t_%s VALUES(?", t->name);
    for (size_t c = 0; c < nc; c++)
        sb_add(&sql, ", ?");
    sb_add(&sql, ")");
    sqlite3_stmt *ins = NULL, *first = NULL;
    sqlite3_prepare_v2(tb->db, sb_str(&sql), -1, &ins, NULL);
    sb_finish(&sql);
    sb_addf(&sql, "SELECT _line FROM t_%s WHERE id = ?", t->name);
    sqlite3_prepare_v2(tb->db, sb_str(&sql), -1, &first, NULL);
    sb_finish(&sql);

    struct csv_reader *r = csv_open(f, HSDS_MAX_RECORD);
    struct csv_row row;
    int *col_of = NULL; /* the table column of each CSV column, or -1 */
    size_t header_n = 0, rows = 0;
    int rc = 0, got;
    while ((got = csv_next(r, &row)) > 0) {
        char place[600];
        snprintf(place, sizeof place, "%s:%ld", path, row.line);
        if (row.problem && row.n == 0) {
            /* TRANSLATORS: %s is what is wrong with the row of a CSV file. */
            hlog(tb->log, HLOG_UNMAPPED, place, NULL, _("%s; the row is left out"), row.problem);
            continue;
        }
        if (row.problem)
            hlog(tb->log, HLOG_WARNING, place, NULL, "%s", row.problem);
        if (!col_of) {
            header_n = row.n;
            col_of = xmalloc((header_n ? header_n : 1) * sizeof *col_of);
            bool has_id = false;
            for (size_t i = 0; i < row.n; i++) {
                char *name = hclean_quiet(row.field[i], row.len[i], 0, 100);
                col_of[i] = -1;
                for (size_t c = 0; name && c < nc; c++)
                    if (strcmp(name, t->columns[c]) == 0)
                        col_of[i] = (int)c;
                if (col_of[i] == 0)
                    has_id = true;
                if (col_of[i] < 0 && name)
                    hlog(tb->log, HLOG_WARNING, place, NULL,
                         /* TRANSLATORS: the column's name, then the HSDS table's
                          * (service, location...), both as they are. */
                         _("column \"%s\" is not a field of HSDS 3.0's %s table; ignored"), name,
                         t->name);
                free(name);
            }
            if (!has_id) {
                hlog(tb->log, HLOG_UNMAPPED, place, NULL, "%s",
                     _("no \"id\" column; the table is left out"));
                break;
            }
            continue;
        }
        bool blank = true;
        for (size_t i = 0; i < row.n && blank; i++)
            blank = row.len[i] == 0;
        if (blank)
            continue;
        if (row.n != header_n)
            hlog(tb->log, HLOG_WARNING, place, NULL,
                 /* TRANSLATORS: the row's number of fields (the plural follows it), then the
                  * header's. */
                 ngettext("%zu fields where the header has %zu; the fields are read by position",
                          "%zu fields where the header has %zu; the fields are read by position",
                          row.n),
                 row.n, header_n);
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        sqlite3_bind_int64(ins, 1, row.line);
        const char *id = NULL;
        size_t id_len = 0;
        for (size_t i = 0; i < row.n && i < header_n; i++) {
            if (col_of[i] < 0)
                continue;
            /* Padding is not data: "FL " is "FL", "   " is nothing. */
            const char *v = row.field[i];
            size_t n = row.len[i];
            while (n > 0 && (*v == ' ' || *v == '\t'))
                v++, n--;
            while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
                n--;
            if (!n)
                continue;
            if (col_of[i] == 0) {
                id = v;
                id_len = n;
            }
            sqlite3_bind_text(ins, col_of[i] + 2, v, (int)n, SQLITE_TRANSIENT);
        }
        if (!id) {
            hlog(tb->log, HLOG_UNMAPPED, place, "id", "%s", _("empty; the row is left out"));
            continue;
        }
        if (sqlite3_step(ins) != SQLITE_DONE) {
            hlog(tb->log, HLOG_ERROR, place, NULL, _("cannot store the row: %s"),
                 sqlite3_errmsg(tb->db));
            rc = EXIT_IOERR;
            break;
        }
        if (sqlite3_changes(tb->db) == 0) {
            sqlite3_reset(first);
            sqlite3_bind_text(first, 1, id, (int)id_len, SQLITE_TRANSIENT);
            long at = sqlite3_step(first) == SQLITE_ROW ? (long)sqlite3_column_int64(first, 0) : 0;
            hlog(tb->log, HLOG_UNMAPPED, place, "id",
                 /* TRANSLATORS: the id, then the line of the first row with it. */
                 _("duplicate id \"%.*s\", first on line %ld; the row is left out"), (int)id_len,
                 id, at);
            continue;
        }
        rows++;
    }
    if (got < 0) {
        hlog(tb->log, HLOG_ERROR, path, NULL, _("cannot read: %s"), strerror(errno));
        rc = EXIT_IOERR;
    }
    if (!col_of && got == 0)
        hlog(tb->log, HLOG_WARNING, path, NULL, "%s", _("empty: no header, no rows"));
    free(col_of);
    csv_close(r);
    fclose(f);
    sqlite3_finalize(ins);
    sqlite3_finalize(first);
    if (!rc)
        tb->file[table_index(t)] = xstrdup(file);
    free(path);
    return rc;
}

/* Rows of table whose column is value, as objects (ordered as in the file). */
static cJSON *rows(struct tab *tb, const char *table, const char *column, const char *value)
{
    cJSON *arr = cJSON_CreateArray();
    const struct htable *t = htable_find(table);
    if (!value || !tb->file[table_index(t)])
        return arr;
    sqlite3_stmt *st = NULL;
    for (size_t i = 0; i < tb->n_stmts && !st; i++)
        if (strcmp(tb->stmts[i].table, table) == 0 && strcmp(tb->stmts[i].column, column) == 0)
            st = tb->stmts[i].st;
    if (!st) {
        char *sql = xasprintf("SELECT * FROM t_%s WHERE \"%s\" = ? ORDER BY rowid", table, column);
        sqlite3_prepare_v2(tb->db, sql, -1, &st, NULL);
        free(sql);
        if (tb->n_stmts < sizeof tb->stmts / sizeof tb->stmts[0])
            tb->stmts[tb->n_stmts++] = (struct stmt){table, column, st};
    }
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        cJSON *o = cJSON_CreateObject();
        char *origin = xasprintf("%s:%lld", tb->file[table_index(t)],
                                 (long long)sqlite3_column_int64(st, 0));
        cJSON_AddStringToObject(o, "@origin", origin);
        free(origin);
        int n = sqlite3_column_count(st);
        for (int c = 1; c < n; c++) {
            const unsigned char *v = sqlite3_column_text(st, c);
            if (v)
                cJSON_AddItemToObject(o, sqlite3_column_name(st, c),
                                      cJSON_CreateString((const char *)v));
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* The one row of table with this id, or NULL. */
static cJSON *row_by_id(struct tab *tb, const char *table, const char *id)
{
    cJSON *arr = rows(tb, table, "id", id);
    cJSON *one = cJSON_DetachItemFromArray(arr, 0);
    cJSON_Delete(arr);
    return one;
}

static void add_rows(cJSON *obj, const char *key, cJSON *arr)
{
    if (cJSON_GetArraySize(arr))
        cJSON_AddItemToObject(obj, key, arr);
    else
        cJSON_Delete(arr);
}

static void with_phones(struct tab *tb, cJSON *obj, const char *column)
{
    add_rows(obj, "phones", rows(tb, "phone", column, hstr(obj, "id")));
}

static void with_contacts(struct tab *tb, cJSON *obj, const char *column)
{
    cJSON *cs = rows(tb, "contact", column, hstr(obj, "id")), *c;
    cJSON_ArrayForEach(c, cs) with_phones(tb, c, "contact_id");
    add_rows(obj, "contacts", cs);
}

static cJSON *location(struct tab *tb, const char *id)
{
    cJSON *loc = row_by_id(tb, "location", id);
    if (!loc)
        return NULL;
    add_rows(loc, "addresses", rows(tb, "address", "location_id", id));
    with_phones(tb, loc, "location_id");
    add_rows(loc, "schedules", rows(tb, "schedule", "location_id", id));
    return loc;
}

/* A service as the JSON form has it. */
static cJSON *assemble(struct tab *tb, cJSON *svc)
{
    const char *id = hstr(svc, "id");
    cJSON *org = row_by_id(tb, "organization", hstr(svc, "organization_id"));
    if (org) {
        with_phones(tb, org, "organization_id");
        with_contacts(tb, org, "organization_id");
        cJSON_AddItemToObject(svc, "organization", org);
    }
    add_rows(svc, "service_areas", rows(tb, "service_area", "service_id", id));
    cJSON *sals = rows(tb, "service_at_location", "service_id", id), *sal;
    cJSON_ArrayForEach(sal, sals)
    {
        cJSON *loc = location(tb, hstr(sal, "location_id"));
        if (loc)
            cJSON_AddItemToObject(sal, "location", loc);
        with_phones(tb, sal, "service_at_location_id");
        with_contacts(tb, sal, "service_at_location_id");
        add_rows(sal, "schedules", rows(tb, "schedule", "service_at_location_id", hstr(sal, "id")));
    }
    add_rows(svc, "service_at_locations", sals);
    with_phones(tb, svc, "service_id");
    with_contacts(tb, svc, "service_id");
    add_rows(svc, "schedules", rows(tb, "schedule", "service_id", id));
    add_rows(svc, "cost_options", rows(tb, "cost_option", "service_id", id));
    cJSON *attrs = rows(tb, "attribute", "link_id", id), *a;
    cJSON_ArrayForEach(a, attrs)
    {
        cJSON *term = row_by_id(tb, "taxonomy_term", hstr(a, "taxonomy_term_id"));
        if (!term)
            continue;
        cJSON *tax = row_by_id(tb, "taxonomy", hstr(term, "taxonomy_id"));
        if (tax)
            cJSON_AddItemToObject(term, "taxonomy_detail", tax);
        cJSON_AddItemToObject(a, "taxonomy_term", term);
    }
    add_rows(svc, "attributes", attrs);
    /* itpnav's extension: a JSON object in a column of its own. */
    const char *ext = hstr(svc, "itpnav");
    if (ext) {
        cJSON *v = cJSON_Parse(ext);
        cJSON_DeleteItemFromObjectCaseSensitive(svc, "itpnav");
        if (v)
            cJSON_AddItemToObject(svc, "itpnav", v);
        else
            cJSON_AddStringToObject(svc, "itpnav", "(not JSON)");
    }
    return svc;
}

/* The resources datapackage.json lists: name -> file. NULL (reported) when it cannot be read;
 * the caller then uses the usual names. */
static cJSON *package(struct tab *tb, int *rc)
{
    char *path = xasprintf("%s/datapackage.json", tb->dir);
    char *buf;
    size_t len;
    struct diags d = {0};
    *rc = dataset_read_file(path, &buf, &len, &d);
    if (*rc) {
        /* TRANSLATORS: %s is why datapackage.json cannot be read. */
        hlog(tb->log, HLOG_ERROR, path, NULL, _("%s; a tabular data package needs one"),
             d.n ? d.v[0].msg : _("cannot read"));
        diags_finish(&d);
        free(path);
        return NULL;
    }
    diags_finish(&d);
    struct jscan_options o = {.flags = JSCAN_WHOLE};
    struct jscan *s = jscan_open_mem(buf, len, &o);
    struct jscan_item it;
    while (jscan_next(s, &it) > 0)
        ;
    int line, col;
    const char *msg = jscan_error(s, &line, &col, NULL);
    cJSON *root = NULL;
    if (msg) {
        char *place = xasprintf("%s:%d:%d", path, line, col);
        /* TRANSLATORS: %s is the JSON syntax error of datapackage.json. */
        hlog(tb->log, HLOG_WARNING, place, NULL,
             _("%s; the tables are read under their usual names"), msg);
        free(place);
    } else {
        root = cJSON_ParseWithLength(buf, len);
    }
    jscan_destroy(s);
    free(buf);
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(root, "resources");
    if (root && !cJSON_IsArray(res)) {
        hlog(tb->log, HLOG_WARNING, path, ".resources", "%s",
             _("missing or not an array; the tables are read under their usual names"));
        cJSON_Delete(root);
        root = NULL;
    }
    const char *version = hstr(root, "version");
    if (version && strncmp(version, "3.", 2) != 0)
        hlog(tb->log, HLOG_WARNING, path, ".version",
             _("the package says HSDS version \"%s\"; it is read as 3.0"), version);
    free(path);
    return root;
}

int htab_import(sqlite3 *db, const char *dir, struct hlog *log, bool (*fn)(void *ctx, cJSON *svc),
                void *ctx)
{
    struct tab tb = {.db = db, .dir = dir, .log = log};
    int rc = 0;
    cJSON *pkg = package(&tb, &rc);
    if (rc)
        return rc;
    if (pkg) {
        const cJSON *r;
        size_t i = 0;
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(pkg, "resources"))
        {
            char *p = xasprintf(".resources[%zu]", i++);
            char *where = xasprintf("%s/datapackage.json", dir);
            const char *name = hstr(r, "name"), *file = hstr(r, "path");
            const struct htable *t = name ? htable_find(name) : NULL;
            if (!t)
                hlog(log, HLOG_WARNING, where, p, _("\"%s\" is not a table of HSDS 3.0; ignored"),
                     name ? name : _("(no name)"));
            else if (!file || !safe_path(file))
                hlog(log, HLOG_UNMAPPED, where, p, "%s",
                     _("its path is missing or leads out of the package; the table is left out"));
            else if (t->read && !tb.file[table_index(t)] && !rc)
                rc = load_table(&tb, t, file, true);
            free(where);
            free(p);
        }
        if (!rc && !tb.file[table_index(htable_find("service"))])
            rc = load_table(&tb, htable_find("service"), "services.csv", false);
    } else {
        for (size_t i = 0; i < n_htables && !rc; i++)
            if (htables[i].read)
                rc = load_table(&tb, &htables[i], htables[i].file, false);
    }
    cJSON_Delete(pkg);
    /* The links, indexed once every row is in. */
    static const char *const links[][2] = {
            {"service_area", "service_id"},
            {"service_at_location", "service_id"},
            {"address", "location_id"},
            {"phone", "service_id"},
            {"phone", "location_id"},
            {"phone", "organization_id"},
            {"phone", "contact_id"},
            {"phone", "service_at_location_id"},
            {"contact", "service_id"},
            {"contact", "organization_id"},
            {"contact", "service_at_location_id"},
            {"schedule", "service_id"},
            {"schedule", "location_id"},
            {"schedule", "service_at_location_id"},
            {"attribute", "link_id"},
            {"cost_option", "service_id"},
    };
    for (size_t i = 0; i < sizeof links / sizeof links[0] && !rc; i++) {
        if (!tb.file[table_index(htable_find(links[i][0]))])
            continue;
        char *sql = xasprintf("CREATE INDEX i_%s_%s ON t_%s(\"%s\")", links[i][0], links[i][1],
                              links[i][0], links[i][1]);
        if (!exec(&tb, sql))
            rc = EXIT_IOERR;
        free(sql);
    }
    sqlite3_stmt *all = NULL;
    if (!rc && tb.file[table_index(htable_find("service"))]) {
        sqlite3_prepare_v2(db, "SELECT * FROM t_service ORDER BY rowid", -1, &all, NULL);
        bool go = true;
        while (go && sqlite3_step(all) == SQLITE_ROW) {
            cJSON *svc = cJSON_CreateObject();
            char *origin = xasprintf("%s:%lld", tb.file[table_index(htable_find("service"))],
                                     (long long)sqlite3_column_int64(all, 0));
            cJSON_AddStringToObject(svc, "@origin", origin);
            free(origin);
            for (int c = 1; c < sqlite3_column_count(all); c++) {
                const unsigned char *v = sqlite3_column_text(all, c);
                if (v)
                    cJSON_AddItemToObject(svc, sqlite3_column_name(all, c),
                                          cJSON_CreateString((const char *)v));
            }
            go = fn(ctx, assemble(&tb, svc));
            cJSON_Delete(svc);
        }
        sqlite3_finalize(all);
    }
    for (size_t i = 0; i < tb.n_stmts; i++)
        sqlite3_finalize(tb.stmts[i].st);
    for (size_t i = 0; i < n_htables; i++)
        free(tb.file[i]);
    return rc;
}
