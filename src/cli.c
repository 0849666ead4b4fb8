/* cli.c: the subcommands (check, list, show, match, build-db) and what they share. */
#include "cli.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "entry.h"
#include "i18n.h"
#include "match.h"
#include "profile.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int w = c ? atoi(c) : 0;
    return w >= 20 && w <= 1000 ? w : 100;
}

static enum format output_format(const struct options *o)
{
    if (o->format != FORMAT_DEFAULT)
        return o->format;
    return isatty(STDOUT_FILENO) ? FORMAT_TEXT : FORMAT_TSV;
}

/* The machine-readable outputs (tsv, json) are the same in every language: they are made in
 * English, whatever the interface's language, which english_end restores. */
static const char *english_begin(enum format f)
{
    if (f == FORMAT_TEXT || !i18n_french())
        return NULL;
    i18n_set_lang("en");
    return "fr";
}

static void english_end(const char *lang)
{
    if (lang)
        i18n_set_lang(lang);
}

/* Flush standard output and report a failed write (a full disk, a closed pipe) as status 74. */
static int finish_output(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (rc == 0) {
            fprintf(stderr, _("itpnav: cannot write the output: %s\n"), strerror(errno));
            return EXIT_IOERR;
        }
    }
    return rc;
}

/* A field for TSV: sanitised, and no tab or newline left to break the columns. */
static void put_tsv(const char *s, bool last)
{
    char *t = text_sanitize(s ? s : "", false);
    fputs(t, stdout);
    fputc(last ? '\n' : '\t', stdout);
    free(t);
}

static cJSON *id_array(const char *csv)
{
    cJSON *a = cJSON_CreateArray();
    if (!csv)
        return a;
    char *copy = xstrdup(csv), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        cJSON_AddItemToArray(a, cJSON_CreateString(t));
    free(copy);
    return a;
}

static void add_string(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
}

static void print_json(cJSON *v)
{
    char *s = cJSON_Print(v);
    if (s) {
        fputs(s, stdout);
        fputc('\n', stdout);
    }
    cJSON_free(s);
}

/* An entry's kind as one word in the list's KIND column. */
static const char *kind_word(const char *kind)
{
    /* TRANSLATORS: an entry's kind in the KIND column of "itpnav list" (8 columns at most). */
    return strcmp(kind, "group") == 0     ? C_("kind column", "group")
           : strcmp(kind, "program") == 0 ? C_("kind column", "program")
           : strcmp(kind, "pathway") == 0 ? C_("kind column", "pathway")
                                          : kind;
}

/* The KIND column: 8, or the longest kind word of the language. */
static int kind_width(void)
{
    int w = 8;
    static const char *const kinds[] = {"group", "program", "pathway"};
    for (size_t i = 0; i < 3; i++)
        if (text_width(kind_word(kinds[i])) > w)
            w = text_width(kind_word(kinds[i]));
    return w;
}

/* A pathway's status in the SIZE/STATUS column: the file's word, in the reader's language. */
static const char *status_word(const char *status)
{
    /* TRANSLATORS: a pathway's status in the SIZE/STATUS column of "itpnav list" (a voie is
     * feminine). */
    return strcmp(status, "available") == 0  ? C_("status column", "available")
           : strcmp(status, "limited") == 0  ? C_("status column", "limited")
           : strcmp(status, "proposed") == 0 ? C_("status column", "proposed")
           : strcmp(status, "closed") == 0   ? C_("status column", "closed")
                                             : status;
}

static void list_text_row(const struct row *r, int width, bool header)
{
    /* NAME takes what the other columns leave; narrow terminals drop WHERE, then SIZE. */
    int kind_w = kind_width(), size_w = width >= 90 ? 18 : 0, where_w = width >= 60 ? 24 : 0;
    int name_w = width - kind_w - size_w - where_w - 2 - (size_w ? 2 : 0) - (where_w ? 2 : 0);
    if (name_w < 10)
        name_w = 10;
    char name[1024], kind[64], where[256], size[256];
    /* A support that is not running is marked on its row (its status, not its size). */
    const char *halt = header ? NULL : entry_support_halt(r->kind, r->status);
    if (halt)
        halt = strcmp(halt, "inactive") == 0 ? C_("support status mark", "inactive")
                                             : C_("support status mark", "closed");
    bool pathway = !header && strcmp(r->kind, "pathway") == 0;
    const char *size_or_status = halt      ? halt
                                 : r->size ? r->size
                                 : pathway ? (r->status ? status_word(r->status) : "")
                                           : "";
    if (halt) {
        /* The mark after the name, which gives up the room for it. */
        char mark[32], fitted[1024];
        snprintf(mark, sizeof mark, " (%s)", halt);
        text_fit(fitted, sizeof fitted, r->name, name_w - text_width(mark));
        char *marked = xasprintf("%s%s", fitted, mark);
        text_pad(name, sizeof name, marked, name_w);
        free(marked);
    } else {
        /* TRANSLATORS: the column headings of "itpnav list" (NAME, KIND, WHERE, SIZE/STATUS). */
        text_pad(name, sizeof name, header ? _("NAME") : r->name, name_w);
    }
    text_pad(kind, sizeof kind, header ? _("KIND") : kind_word(r->kind), kind_w);
    printf("%s  %s", name, kind);
    if (where_w) {
        const char *w = header ? _("WHERE") : r->where ? r->where : "";
        if (size_w)
            text_pad(where, sizeof where, w, where_w);
        else
            text_fit(where, sizeof where, w, where_w);
        printf("  %s", where);
    }
    if (size_w) {
        text_fit(size, sizeof size, header ? _("SIZE/STATUS") : size_or_status, size_w);
        printf("  %s", size);
    }
    /* Trailing pad spaces serve nobody reading or copying the output. */
    fputc('\n', stdout);
}

int cli_list(const struct options *o)
{
    struct store *st;
    char *notice;
    int rc = session_open_store(o, false, &st, &notice);
    if (rc)
        return rc;
    if (notice)
        fprintf(stderr, "itpnav: %s\n", notice);
    free(notice);
    struct query q = {0};
    char *region;
    rc = session_resolve_filters(st, o, &q, &region);
    if (rc) {
        session_close_store(st);
        return rc;
    }
    enum format f = output_format(o);
    if (f == FORMAT_TEXT && i18n_french())
        q.lang = i18n_lang();
    int width = terminal_width();
    cJSON *json = f == FORMAT_JSON ? cJSON_CreateArray() : NULL;
    size_t offset = 0, want = o->limit >= 0 ? (size_t)o->limit : SIZE_MAX, shown = 0;
    bool header = false;
    while (shown < want) {
        size_t chunk = want - shown < 500 ? want - shown : 500;
        struct page p;
        struct err e = {0};
        if (query_page(st, &q, offset, chunk, &p, &e) != 0) {
            rc = session_report(&e);
            break;
        }
        for (size_t i = 0; i < p.n; i++) {
            const struct row *r = &p.rows[i];
            if (f == FORMAT_TSV) {
                put_tsv(r->id, false);
                put_tsv(r->kind, false);
                put_tsv(r->name, true);
            } else if (f == FORMAT_JSON) {
                cJSON *obj = cJSON_CreateObject();
                add_string(obj, "id", r->id);
                add_string(obj, "kind", r->kind);
                add_string(obj, "name", r->name);
                add_string(obj, "acronym", r->acronym);
                cJSON_AddItemToObject(obj, "regions", id_array(r->regions));
                cJSON_AddItemToObject(obj, "goals", id_array(r->goals));
                add_string(obj, "where", r->where);
                add_string(obj, "size", r->size);
                add_string(obj, "status", r->status);
                add_string(obj, "summary", r->summary);
                cJSON_AddItemToArray(json, obj);
            } else {
                if (!header) {
                    list_text_row(r, width, true);
                    header = true;
                }
                list_text_row(r, width, false);
            }
        }
        shown += p.n;
        offset += p.n;
        bool last = p.n < chunk;
        query_page_finish(&p);
        if (last)
            break;
    }
    if (json) {
        print_json(json);
        cJSON_Delete(json);
    }
    free(region);
    session_close_store(st);
    return finish_output(rc);
}

static cJSON *refs_json(const struct refs *r, bool ids_only)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < r->n; i++) {
        if (ids_only) {
            cJSON_AddItemToArray(a, cJSON_CreateString(r->v[i].id));
            continue;
        }
        cJSON *o = cJSON_CreateObject();
        add_string(o, "id", r->v[i].id);
        add_string(o, "name", r->v[i].name);
        add_string(o, "kind", r->v[i].kind);
        add_string(o, "relation", r->v[i].note);
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static void items_json(cJSON *o, const char *key, const struct items *it, const char *k1,
                       const char *k2, const char *k3)
{
    if (!it->n)
        return;
    cJSON *a = cJSON_AddArrayToObject(o, key);
    for (size_t i = 0; i < it->n; i++) {
        if (!k1) {
            cJSON_AddItemToArray(a, cJSON_CreateString(it->v[i].text));
            continue;
        }
        cJSON *x = cJSON_CreateObject();
        add_string(x, k1, it->v[i].text);
        add_string(x, k2, it->v[i].extra);
        if (k3)
            add_string(x, k3, it->v[i].url);
        cJSON_AddItemToArray(a, x);
    }
}

/* The entry's translations as the dataset writes them: {"fr": {"name": ..., "offers": [...],
 * "steps": [{"title": ..., "detail": ...}], "source": ...}}. */
static cJSON *translations_json(const struct entry *e)
{
    cJSON *all = cJSON_CreateObject();
    for (size_t i = 0; i < e->n_tr; i++) {
        const struct translation *t = &e->tr[i];
        cJSON *lang = cJSON_GetObjectItemCaseSensitive(all, t->lang);
        if (!lang)
            lang = cJSON_AddObjectToObject(all, t->lang);
        bool items = strcmp(t->key, "steps") == 0 || strcmp(t->key, "links") == 0;
        bool list = items || strcmp(t->key, "offers") == 0 || strcmp(t->key, "aims") == 0 ||
                    (strcmp(t->key, "eligibility") == 0 && strcmp(e->kind, "pathway") == 0);
        if (!list) {
            add_string(lang, t->key, t->text);
            continue;
        }
        cJSON *a = cJSON_GetObjectItemCaseSensitive(lang, t->key);
        if (!a)
            a = cJSON_AddArrayToObject(lang, t->key);
        /* A steps or links item translated in part is an object with what it has. */
        while (cJSON_GetArraySize(a) < t->pos)
            cJSON_AddItemToArray(a, items ? cJSON_CreateObject() : cJSON_CreateString(""));
        if (items) {
            cJSON *x = cJSON_CreateObject();
            add_string(x, "title", t->text);
            add_string(x, "detail", t->extra);
            cJSON_AddItemToArray(a, x);
        } else {
            cJSON_AddItemToArray(a, cJSON_CreateString(t->text ? t->text : ""));
        }
    }
    return all;
}

static cJSON *entry_json(const struct entry *e)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "id", e->id);
    add_string(o, "kind", e->kind);
    add_string(o, "name", e->name);
    add_string(o, "acronym", e->acronym);
    add_string(o, "host", e->host);
    add_string(o, "part_of", e->part_of.id);
    add_string(o, "goal", e->goal.id);
    add_string(o, "status", e->status);
    cJSON_AddItemToObject(o, "regions", refs_json(&e->regions, true));
    if (e->delivery.n)
        cJSON_AddItemToObject(o, "delivery", refs_json(&e->delivery, true));
    add_string(o, "location", e->location);
    if (e->size_text) {
        cJSON *size = cJSON_AddObjectToObject(o, "size");
        add_string(size, "text", e->size_text);
        if (e->size_count >= 0)
            cJSON_AddNumberToObject(size, "count", (double)e->size_count);
        add_string(size, "unit", e->size_unit);
    }
    cJSON_AddItemToObject(o, "goals", refs_json(&e->goals, true));
    if (e->services.n)
        cJSON_AddItemToObject(o, "services", refs_json(&e->services, true));
    add_string(o, "summary", e->summary);
    items_json(o, "offers", &e->offers, NULL, NULL, NULL);
    items_json(o, "aims", &e->aims, NULL, NULL, NULL);
    add_string(o, "cost", e->cost);
    if (e->eligibility)
        add_string(o, "eligibility", e->eligibility);
    items_json(o, "eligibility", &e->eligibility_list, NULL, NULL, NULL);
    items_json(o, "steps", &e->steps, "title", "detail", "url");
    add_string(o, "advocacy", e->advocacy);
    items_json(o, "links", &e->links, "title", "url", NULL);
    if (e->requires) {
        cJSON *req = cJSON_Parse(e->requires);
        if (req)
            cJSON_AddItemToObject(o, "requires", req);
    }
    if (entry_has_contact(e)) {
        cJSON *c = cJSON_AddObjectToObject(o, "contact");
        add_string(c, "website", e->website);
        add_string(c, "email", e->email);
        add_string(c, "phone", e->phone);
        add_string(c, "address", e->address);
        add_string(c, "note", e->contact_note);
    }
    add_string(o, "source", e->source.id);
    add_string(o, "source_title", e->source.name);
    add_string(o, "source_url", e->source.note);
    add_string(o, "source_as_of", e->source_as_of);
    if (e->source_undated)
        cJSON_AddTrueToObject(o, "source_undated");
    add_string(o, "as_of", e->as_of);
    add_string(o, "verified", e->verified);
    if (e->linked.n)
        cJSON_AddItemToObject(o, "linked", refs_json(&e->linked, false));
    if (e->n_tr)
        cJSON_AddItemToObject(o, "translations", translations_json(e));
    return o;
}

int cli_show(const struct options *o)
{
    struct store *st;
    char *notice;
    int rc = session_open_store(o, false, &st, &notice);
    if (rc)
        return rc;
    if (notice)
        fprintf(stderr, "itpnav: %s\n", notice);
    free(notice);
    const char *id = o->args[0];
    struct err err = {0};
    struct entry *e = entry_get(st, id, o->kinds, &err);
    if (!e) {
        char *near = err.code ? NULL : entry_nearest_id(st, id, &err);
        rc = err.code ? session_report(&err)
                      : session_unknown(EXIT_USAGE,
                                        o->kinds == KIND_PATHWAY    ? _("pathway id")
                                        : o->kinds == KIND_SUPPORTS ? _("support id")
                                        : o->kinds == KIND_GROUP    ? _("group id")
                                        : o->kinds == KIND_PROGRAM  ? _("program id")
                                                                    : _("id"),
                                        id, near);
        session_close_store(st);
        return rc;
    }
    /* A version 1 dataset may give a support and a pathway one id (D10): the support is shown,
     * so say how to reach the pathway. */
    char *other = NULL;
    if (!o->kinds && strcmp(e->kind, "pathway") != 0 &&
        entry_find_name(st, id, KIND_PATHWAY, &other, NULL) == 0 && other) {
        char *safe = text_sanitize(id, false);
        char *quoted = i18n_quote(safe);
        /* TRANSLATORS: the first %s is an id, quoted; the second the same id in a command. */
        fprintf(stderr,
                _("itpnav: %s is also the id of a pathway; 'itpnav show --kind pathway %s' shows "
                  "it\n"),
                quoted, safe);
        free(quoted);
        free(safe);
    }
    free(other);
    enum format f = output_format(o);
    const char *lang = english_begin(f);
    if (f == FORMAT_TEXT && i18n_french())
        entry_localize(st, e, i18n_lang());
    if (f == FORMAT_JSON) {
        cJSON *j = entry_json(e);
        print_json(j);
        cJSON_Delete(j);
    } else {
        struct doc *d = doc_entry(e);
        /* A pathway's rules on record, as the detail screen shows them (no answers here). */
        struct err why = {0};
        match_rules_into(d, st, e, NULL, &why);
        if (why.code)
            rc = session_report(&why);
        if (f == FORMAT_TSV) {
            /* One field a line: what a script can cut and grep. */
            for (size_t i = 0; i < d->n; i++) {
                const struct doc_line *l = &d->v[i];
                static const char *const style[] = {"title", "heading", "field", "text",    "item",
                                                    "step",  "link",    "note",  "section", "url"};
                put_tsv(style[l->style], false);
                put_tsv(l->label ? l->label : l->target ? l->target : "", false);
                put_tsv(l->text, true);
            }
        } else {
            char *text = doc_plain(d, terminal_width() > 100 ? 100 : terminal_width());
            fputs(text, stdout);
            free(text);
        }
        doc_destroy(d);
    }
    english_end(lang);
    entry_destroy(e);
    session_close_store(st);
    return finish_output(rc);
}

/* Today minus months, as YYYY-MM-DD. */
static void cutoff_date(long months, char *buf, size_t n)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    long total = (long)tm.tm_year * 12 + tm.tm_mon - months;
    int year = (int)(total / 12) + 1900, month = (int)(total % 12) + 1;
    snprintf(buf, n, "%04d-%02d-%02d", year, month, tm.tm_mday > 28 ? 28 : tm.tm_mday);
}

/* A partial date as its first day, so "2021-09" is older than "2021-09-15". */
static void full_date(const char *d, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", d, strlen(d) == 4 ? "-01-01" : strlen(d) == 7 ? "-01" : "");
}

/* The records last checked before a date, collected as the check reads them. */
struct stale {
    char cutoff[48];
    cJSON *found; /* an array of {id, kind, name, field: date} */
};

static bool stale_record(void *ctx, enum dataset_section s, cJSON *e)
{
    struct stale *st = ctx;
    if (s != DATASET_SUPPORTS && s != DATASET_PATHWAYS)
        return false;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, "verified");
    const char *field = "verified";
    if (!cJSON_IsString(v)) {
        v = cJSON_GetObjectItemCaseSensitive(e, "as_of");
        field = "as_of";
    }
    char date[48];
    full_date(v->valuestring, date, sizeof date);
    if (strcmp(date, st->cutoff) >= 0)
        return false;
    cJSON *o = cJSON_CreateObject();
    add_string(o, "id", cJSON_GetObjectItemCaseSensitive(e, "id")->valuestring);
    add_string(o, "kind",
               s == DATASET_PATHWAYS ? "pathway"
                                     : cJSON_GetObjectItemCaseSensitive(e, "kind")->valuestring);
    add_string(o, "name", cJSON_GetObjectItemCaseSensitive(e, "name")->valuestring);
    add_string(o, field, v->valuestring);
    cJSON_AddItemToArray(st->found, o);
    return false;
}

static int report_stale(const struct stale *st, long months, enum format f)
{
    size_t count = 0;
    const cJSON *o;
    cJSON_ArrayForEach(o, st->found)
    {
        count++;
        const char *id = cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring;
        const char *kind = cJSON_GetObjectItemCaseSensitive(o, "kind")->valuestring;
        const char *name = cJSON_GetObjectItemCaseSensitive(o, "name")->valuestring;
        const cJSON *v = o->child->next->next->next;
        if (f == FORMAT_TSV) {
            put_tsv(id, false);
            put_tsv(kind, false);
            put_tsv(v->valuestring, false);
            put_tsv(name, true);
        } else if (f == FORMAT_TEXT) {
            char n[512];
            text_fit(n, sizeof n, name, 60);
            char *sid = text_sanitize(id, false);
            printf("%-10s %-9s %-8s %-28s %s\n", v->valuestring, v->string, kind, sid, n);
            free(sid);
        }
    }
    if (f == FORMAT_JSON) {
        print_json(st->found);
    } else if (f == FORMAT_TEXT) {
        char *since = xasprintf(ngettext("%ld month ago", "%ld months ago", (unsigned long)months),
                                months);
        /* TRANSLATORS: %zu is a number of records, the first %s a date (YYYY-MM-DD), the second
         * "N months ago". */
        printf(ngettext("%zu record last checked before %s (%s)\n",
                        "%zu records last checked before %s (%s)\n", count),
               count, st->cutoff, since);
        free(since);
    }
    return 0;
}

/* "3 supports" in the reader's plural and number form: a count of one of check's sections. A new
 * string. */
static char *count_words(int section, size_t n)
{
    char num[32];
    i18n_number(num, sizeof num, (long long)n);
    switch (section) {
    case DATASET_SUPPORTS: return xasprintf(ngettext("%s support", "%s supports", n), num);
    case DATASET_PATHWAYS: return xasprintf(ngettext("%s pathway", "%s pathways", n), num);
    case DATASET_REGIONS: return xasprintf(ngettext("%s region", "%s regions", n), num);
    case DATASET_GOALS: return xasprintf(ngettext("%s goal", "%s goals", n), num);
    default: return xasprintf(ngettext("%s source", "%s sources", n), num);
    }
}

int cli_check(const struct options *o)
{
    const char *path = o->n_args ? o->args[0] : o->data ? o->data : session_bundled_dataset();
    struct diags d = {0};
    struct dataset ds;
    /* The file is read a record at a time: what --older-than reports is collected as it goes. */
    struct stale stale = {.found = cJSON_CreateArray()};
    struct dataset_sink sink = {.ctx = &stale, .record = stale_record};
    if (o->older_than >= 0)
        cutoff_date(o->older_than, stale.cutoff, sizeof stale.cutoff);
    struct dataset_input in = {.path = path};
    int rc = dataset_stream(&in, o->strict ? DATASET_STRICT : 0, o->older_than >= 0 ? &sink : NULL,
                            &ds, &d);
    diags_print(&d, stderr, path);
    if (rc == 0) {
        char *safe = text_sanitize(path, false);
        /* The summary goes to stderr when a report follows, so stdout stays one format. */
        FILE *out = o->older_than >= 0 ? stderr : stdout;
        /* Version 1's line is as it always was; a later version names itself, at the end, so
         * that what reads "valid: " (the kiosk's update) reads on. */
        char version[48] = "";
        if (ds.version > 1)
            snprintf(version, sizeof version, _(" (format version %d)"), ds.version);
        char *warnings = xasprintf(ngettext("%zu warning", "%zu warnings", d.warnings), d.warnings);
        if (!i18n_french()) {
            /* The English line is as scripts have always read it ("1 supports" included). */
            fprintf(out,
                    "%s: valid: %zu supports, %zu pathways, %zu regions, %zu goals, %zu sources; "
                    "%s%s\n",
                    safe, ds.count[DATASET_SUPPORTS], ds.count[DATASET_PATHWAYS],
                    ds.count[DATASET_REGIONS], ds.count[DATASET_GOALS], ds.count[DATASET_SOURCES],
                    warnings, version);
        } else {
            static const int order[] = {DATASET_SUPPORTS, DATASET_PATHWAYS, DATASET_REGIONS,
                                        DATASET_GOALS, DATASET_SOURCES};
            struct sb b = {0};
            for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
                char *words = count_words(order[i], ds.count[order[i]]);
                sb_add(&b, i ? ", " : "");
                sb_add(&b, words);
                free(words);
            }
            char *counts = sb_take(&b);
            /* TRANSLATORS: "FILE: valid: 3 supports, 2 pathways...; 0 warnings (format version
             * 2)": the second %s is the counts, the third "N warnings", then the version or
             * nothing. */
            fprintf(out, _("%s: valid: %s; %s%s\n"), safe, counts, warnings, version);
            free(counts);
        }
        free(warnings);
        free(safe);
        if (o->older_than >= 0) {
            enum format f = o->format == FORMAT_DEFAULT
                                    ? (isatty(STDOUT_FILENO) ? FORMAT_TEXT : FORMAT_TSV)
                                    : o->format;
            rc = report_stale(&stale, o->older_than, f);
        }
    } else if (d.errors) {
        char *safe = text_sanitize(path, false);
        char *errors = xasprintf(ngettext("%zu error", "%zu errors", d.errors), d.errors);
        if (d.version > 1)
            fprintf(stderr, _("itpnav: %s: %s (format version %d)\n"), safe, errors, d.version);
        else
            fprintf(stderr, _("itpnav: %s: %s\n"), safe, errors);
        free(errors);
        free(safe);
    }
    cJSON_Delete(stale.found);
    diags_finish(&d);
    return finish_output(rc);
}

int cli_build_db(const struct options *o)
{
    const char *path = o->data ? o->data : session_bundled_dataset();
    char real[PATH_MAX], out[PATH_MAX];
    if (!realpath(path, real))
        snprintf(real, sizeof real, "%s", path);
    if (realpath(o->out, out) && strcmp(out, real) == 0) {
        fputs(_("itpnav: build-db --out names the dataset itself; choose another file\n"), stderr);
        return EXIT_USAGE;
    }
    struct diags d = {0};
    struct err e = {0};
    /* The dataset is checked as it is written: a file with errors is never put at --out. */
    int rc = store_write(path, real, o->out, &d, &e);
    diags_print(&d, stderr, path);
    diags_finish(&d);
    if (e.code)
        session_report_file(o->out, &e);
    if (rc == 0)
        fprintf(stderr, _("itpnav: wrote %s\n"), o->out);
    return rc;
}

int cli_match(const struct options *o)
{
    struct store *st;
    char *notice;
    int rc = session_open_store(o, false, &st, &notice);
    if (rc)
        return rc;
    if (notice)
        fprintf(stderr, "itpnav: %s\n", notice);
    free(notice);
    struct query q = {0};
    char *region;
    rc = session_resolve_filters(st, o, &q, &region);
    /* The verdicts' words are made in English for tsv and json (the same in every language). */
    enum format f = output_format(o);
    const char *lang = english_begin(f);
    struct answers a;
    match_answers_init(&a);
    a.region = region;
    for (size_t i = 0; i < q.n_goals; i++)
        a.goals[a.n_goals++] = q.goals[i];
    a.status = o->status;
    a.discipline = o->discipline;
    a.postgrad_years = o->postgrad_years;
    a.practice_years = o->practice_years;
    a.last_practised = o->last_practised;
    a.language_test = o->language_test;
    /* Exams by id, name or the start of one, as people know them. */
    char *exam_ids[SESSION_MAX_VALUES] = {0};
    for (size_t i = 0; i < o->n_exams && rc == 0; i++) {
        a.exams_known = true;
        if (strcmp(o->exams[i], "none") == 0)
            continue;
        char *which = NULL;
        struct err why = {0};
        enum profile_exam_found found =
                profile_find_exam(st, o->exams[i], &exam_ids[i], &which, &why);
        if (found == PROFILE_EXAM_FOUND) {
            a.exams[a.n_exams++] = exam_ids[i];
        } else if (why.code) {
            rc = session_report(&why);
            free(which);
        } else if (found == PROFILE_EXAM_AMBIGUOUS) {
            char *v = text_sanitize(o->exams[i], false), *w = text_sanitize(which, false);
            /* TRANSLATORS: the first %s is what was typed, the second the exams it could be. */
            fprintf(stderr, _("itpnav: exam '%s' could be %s; give more of its name or its id\n"),
                    v, w);
            fputs(_("Try 'itpnav --help'.\n"), stderr);
            free(v);
            free(w);
            free(which);
            rc = EXIT_USAGE;
        } else {
            rc = session_unknown(EXIT_USAGE, _("exam"), o->exams[i], which);
        }
    }
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    /* tsv says each pathway's verdict alone: no why or next step to make. */
    if (rc == 0 && (f == FORMAT_TSV ? match_verdicts : match_run)(st, &a, &m, &n, &e) != 0)
        rc = session_report(&e);
    cJSON *json = f == FORMAT_JSON && rc == 0 ? cJSON_CreateArray() : NULL;
    int width = terminal_width() > 100 ? 100 : terminal_width();
    for (size_t i = 0; i < n && f != FORMAT_TEXT; i++) {
        if (f == FORMAT_TSV) {
            put_tsv(m[i].id, false);
            put_tsv(match_verdict_name(m[i].verdict), false);
            put_tsv(m[i].name, true);
        } else if (f == FORMAT_JSON) {
            cJSON *x = cJSON_CreateObject();
            add_string(x, "id", m[i].id);
            add_string(x, "name", m[i].name);
            add_string(x, "verdict", match_verdict_name(m[i].verdict));
            cJSON_AddNumberToObject(x, "rules", (double)m[i].n_reasons);
            cJSON_AddBoolToObject(x, "complete", m[i].complete);
            add_string(x, "why", m[i].why);
            add_string(x, "status", m[i].status);
            add_string(x, "goal", m[i].goal);
            static const char *const keys[] = {"met", "unmet", "unknown"};
            unsigned sets[] = {m[i].met, m[i].unmet, m[i].unknown};
            for (int k = 0; k < 3; k++) {
                cJSON *arr = cJSON_AddArrayToObject(x, keys[k]);
                for (unsigned bit = 1; bit < (1u << REQ_COUNT); bit <<= 1)
                    if (sets[k] & bit)
                        cJSON_AddItemToArray(arr, cJSON_CreateString(match_key_name(bit)));
            }
            cJSON *reasons = cJSON_AddArrayToObject(x, "reasons");
            for (size_t k = 0; k < m[i].n_reasons; k++)
                cJSON_AddItemToArray(reasons, cJSON_CreateString(m[i].reasons[k]));
            add_string(x, "note", m[i].note);
            add_string(x, "next_step", m[i].next_step);
            add_string(x, "next_url", m[i].next_url);
            /* A national pathway shown as the national picture of a route where they live. */
            if (m[i].context)
                add_string(x, "context_for", m[m[i].anchor].id);
            cJSON_AddItemToArray(json, x);
        }
    }
    if (f == FORMAT_TEXT && n) {
        struct doc d = {0};
        match_results_doc(&d, m, n, true, true, NULL, NULL);
        char *text = doc_plain(&d, width);
        fputs(text + (text[0] == '\n'), stdout);
        free(text);
        doc_finish(&d);
    }
    if (json) {
        print_json(json);
        cJSON_Delete(json);
    }
    english_end(lang);
    match_destroy(m, n);
    for (size_t i = 0; i < SESSION_MAX_VALUES; i++)
        free(exam_ids[i]);
    free(region);
    session_close_store(st);
    return finish_output(rc);
}
