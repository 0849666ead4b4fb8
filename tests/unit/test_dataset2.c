/* test_dataset2.c: format version 2 (spec/dataset.md, "Version 2"): a file using every feature
 * loads, and each new rule has its error, with its exact message and jq path; version 1's rules
 * stay as they were for a version 1 file. Version 1 itself is test_dataset.c's. */
#include <cjson/cJSON.h>

#include "common.h"
#include "util.h"

/* A valid version 2 dataset that uses every key of version 2, one item a line. */
static const char base2[] =
        "{\n"
        "  \"itpnav\": 2,\n"
        "  \"dataset\": {\"title\": \"T\", \"as_of\": \"2026-12\", \"language\": \"en\", "
        "\"languages\": [\"en\", \"fr\"], \"notes\": \"N.\", \"translations\": {\"fr\": "
        "{\"title\": \"T fr\", \"notes\": \"N fr.\"}}},\n"
        "  \"sources\": [\n"
        "    {\"id\": \"src\", \"title\": \"Source\", \"url\": \"https://example.org/\", "
        "\"as_of\": \"2021-09\"},\n"
        "    {\"id\": \"src-fr\", \"title\": \"Page\", \"url\": \"https://example.org/fr\", "
        "\"as_of\": \"2026-11-21\", \"undated\": true, \"translations\": {\"fr\": {\"title\": "
        "\"Page en français\"}}}\n"
        "  ],\n"
        "  \"regions\": [\n"
        "    {\"id\": \"canada\", \"name\": \"Canada\", \"kind\": \"country\"},\n"
        "    {\"id\": \"quebec\", \"name\": \"Québec\", \"parent\": \"canada\", \"kind\": "
        "\"province\", \"aliases\": [\"Quebec\"], \"translations\": {\"fr\": {\"name\": "
        "\"Québec\"}}},\n"
        "    {\"id\": \"quebec-city\", \"name\": \"Québec\", \"parent\": \"quebec\", \"kind\": "
        "\"city\", \"aliases\": [\"Quebec City\", \"Ville de Québec\"]}\n"
        "  ],\n"
        "  \"goals\": [{\"id\": \"residency\", \"name\": \"Residency\", \"summary\": \"Via "
        "CaRMS.\", \"translations\": {\"fr\": {\"name\": \"Résidence\", \"summary\": \"Par "
        "CaRMS.\"}}}],\n"
        "  \"services\": [{\"id\": \"networking\", \"name\": \"Networking\", \"translations\": "
        "{\"fr\": {\"name\": \"Réseautage\"}}}],\n"
        "  \"exams\": [{\"id\": \"mccqe1\", \"name\": \"MCCQE Part I\", \"summary\": \"An "
        "exam.\", \"translations\": {\"fr\": {\"summary\": \"Un examen.\"}}}],\n"
        "  \"supports\": [\n"
        "    {\"id\": \"s1\", \"kind\": \"group\", \"name\": \"Support One\", \"regions\": "
        "[\"quebec\"], \"goals\": [\"residency\"], \"services\": [\"networking\"], \"summary\": "
        "\"A group.\", \"offers\": [\"Help\"], \"status\": \"active\", \"contact\": "
        "{\"website\": \"https://example.org/s1\", \"email\": \"a@example.org\", \"phone\": "
        "\"555-0100\", \"address\": \"1 Main St\", \"note\": \"Write first.\"}, \"source\": "
        "\"src\", \"as_of\": \"2021-09\", \"translations\": {\"fr\": {\"source\": \"src-fr\", "
        "\"name\": \"Soutien un\", \"summary\": \"Un groupe.\", \"offers\": [\"Aide\", "
        "\"Plus\"]}}},\n"
        "    {\"id\": \"s2\", \"kind\": \"program\", \"name\": \"Support Two\", \"regions\": "
        "[\"quebec-city\"], \"delivery\": [\"online\"], \"goals\": [\"residency\"], "
        "\"services\": [\"networking\"], \"summary\": \"B.\", \"status\": \"inactive\", "
        "\"source\": \"src-fr\", \"as_of\": \"2026-11-21\"}\n"
        "  ],\n"
        "  \"pathways\": [\n"
        "    {\"id\": \"p1\", \"goal\": \"residency\", \"name\": \"Path One\", \"regions\": "
        "[\"canada\"], \"status\": \"available\", \"summary\": \"A path.\", \"eligibility\": "
        "[\"Be a doctor\"], \"steps\": [{\"title\": \"Apply\", \"detail\": \"Online.\", "
        "\"url\": \"https://example.org/apply\"}], \"advocacy\": \"More places.\", \"links\": "
        "[{\"title\": \"Rules\", \"url\": \"https://example.org/rules\"}], \"supports\": "
        "[\"s1\"], \"contact\": {\"website\": \"https://example.org/p1\", \"note\": \"Ask the "
        "office.\"}, \"requires\": {\"exams\": [\"mccqe1\"], \"residence\": [\"quebec\"], "
        "\"note\": \"More rules.\", \"complete\": false}, \"source\": \"src\", \"as_of\": "
        "\"2021-09\", \"translations\": {\"fr\": {\"name\": \"Parcours un\", \"steps\": "
        "[{\"title\": \"Postuler\", \"detail\": \"En ligne.\"}], \"links\": [{\"title\": "
        "\"Règles\"}], \"eligibility\": [\"Être médecin\"], \"advocacy\": \"Plus de places.\", "
        "\"requires_note\": \"Plus de règles.\"}}}\n"
        "  ]\n"
        "}\n";

/* A version 1 dataset, for the rules that differ by version. */
static const char base1[] =
        "{\n"
        "  \"itpnav\": 1,\n"
        "  \"dataset\": {\"title\": \"T\", \"as_of\": \"2021-09\"},\n"
        "  \"sources\": [{\"id\": \"src\", \"title\": \"Source\"}],\n"
        "  \"regions\": [{\"id\": \"canada\", \"name\": \"Canada\"}],\n"
        "  \"goals\": [{\"id\": \"residency\", \"name\": \"Residency\", \"summary\": \"R.\"}],\n"
        "  \"services\": [{\"id\": \"networking\", \"name\": \"Networking\"}],\n"
        "  \"supports\": [\n"
        "    {\"id\": \"s1\", \"kind\": \"group\", \"name\": \"Support One\", \"regions\": "
        "[\"canada\"], \"delivery\": [\"online\"], \"goals\": [\"residency\"], \"services\": "
        "[\"networking\"], \"summary\": \"A group.\", \"source\": \"src\", \"as_of\": "
        "\"2021-09\"}\n"
        "  ],\n"
        "  \"pathways\": [\n"
        "    {\"id\": \"p1\", \"goal\": \"residency\", \"name\": \"Path One\", \"regions\": "
        "[\"canada\"], \"status\": \"available\", \"summary\": \"A path.\", \"steps\": "
        "[{\"title\": \"Apply\"}], \"source\": \"src\", \"as_of\": \"2021-09\"}\n"
        "  ]\n"
        "}\n";

/* text with the first occurrence of from replaced by to (a new string). */
static char *patch_of(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at) {
        fprintf(stderr, "patch: \"%s\" is not in the base dataset\n", from);
        exit(2);
    }
    struct sb b = {0};
    sb_addn(&b, text, (size_t)(at - text));
    sb_add(&b, to);
    sb_add(&b, at + strlen(from));
    return sb_take(&b);
}

static void dump(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "  [%s] %s: %s\n", d->v[i].level == DIAG_ERROR ? "error" : "warning",
                d->v[i].path ? d->v[i].path : "(no path)", d->v[i].msg);
}

/* Parse text with flags; the findings in *d (the caller finishes it). Returns the status, and
 * checks that a dataset comes back exactly when it is valid. */
static int parse(const char *text, unsigned flags, struct diags *d, int *version)
{
    struct dataset *ds = (struct dataset *)1;
    int rc = dataset_parse(text, strlen(text), flags, &ds, d);
    CHECK(rc == 0 ? ds != NULL : ds == NULL);
    if (version)
        *version = rc == 0 ? ds->version : 0;
    dataset_destroy(ds);
    return rc;
}

/* The finding at path with this level, or NULL. */
static const struct diag *find(const struct diags *d, const char *path, enum diag_level level)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].path && strcmp(d->v[i].path, path) == 0 && d->v[i].level == level)
            return &d->v[i];
    return NULL;
}

/* text patched: exactly n errors and w warnings, one of them (of level) at path saying msg. */
static void expect_finding(const char *text, const char *from, const char *to, size_t n, size_t w,
                           enum diag_level level, const char *path, const char *msg)
{
    char *t = patch_of(text, from, to);
    struct diags d = {0};
    int rc = parse(t, 0, &d, NULL);
    CHECK_INT(rc, n ? EXIT_DATAERR : 0);
    CHECK_INT(d.errors, n);
    CHECK_INT(d.warnings, w);
    const struct diag *g = find(&d, path, level);
    if (!g || d.errors != n || d.warnings != w) {
        fprintf(stderr, "  patch \"%s\" -> \"%s\": want %s at %s; found:\n", from, to,
                level == DIAG_ERROR ? "an error" : "a warning", path);
        dump(&d);
    }
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, msg);
    diags_finish(&d);
    free(t);
}

/* One error in version 2, at path, saying msg. */
static void expect_error(const char *from, const char *to, const char *path, const char *msg)
{
    expect_finding(base2, from, to, 1, 0, DIAG_ERROR, path, msg);
}

/* One warning (and no error) in version 2. */
static void expect_warning(const char *from, const char *to, const char *path, const char *msg)
{
    expect_finding(base2, from, to, 0, 1, DIAG_WARNING, path, msg);
}

/* The patched file loads with no finding at all, also under --strict. */
static void expect_ok(const char *text, const char *from, const char *to)
{
    char *t = patch_of(text, from, to);
    struct diags d = {0};
    int rc = parse(t, DATASET_STRICT, &d, NULL);
    if (rc || d.n) {
        fprintf(stderr, "  patch \"%s\" -> \"%s\":\n", from, to);
        dump(&d);
    }
    CHECK_INT(rc, 0);
    CHECK_INT(d.n, 0);
    diags_finish(&d);
    free(t);
}

/* ---- the base ---- */

static void test_base2_valid(void)
{
    struct diags d = {0};
    int version = 0;
    CHECK_INT(parse(base2, DATASET_STRICT, &d, &version), 0);
    dump(&d);
    CHECK_INT(d.n, 0);
    CHECK_INT(version, 2);
    CHECK_INT(d.version, 2);
    diags_finish(&d);
    CHECK_INT(parse(base1, DATASET_STRICT, &d, &version), 0);
    dump(&d);
    CHECK_INT(d.n, 0);
    CHECK_INT(version, 1);
    CHECK_INT(d.version, 1);
    diags_finish(&d);
}

/* ---- the version ---- */

static void test_version(void)
{
    expect_error("\"itpnav\": 2", "\"itpnav\": 3", ".itpnav",
                 "format version 3; this itpnav reads versions 1 and 2");
    expect_error("\"itpnav\": 2", "\"itpnav\": 0", ".itpnav",
                 "format version 0; this itpnav reads versions 1 and 2");
    expect_error("\"itpnav\": 2", "\"itpnav\": 2.5", ".itpnav",
                 "format version 2.5; this itpnav reads versions 1 and 2");
    /* D14a: a large number in digits, as written, never "1e+15". */
    expect_error("\"itpnav\": 2", "\"itpnav\": 1000000000000001", ".itpnav",
                 "format version 1000000000000001; this itpnav reads versions 1 and 2");
    expect_error("\"itpnav\": 2", "\"itpnav\": true", ".itpnav",
                 "expected the format version 1 or 2 (a number), found a boolean");
    expect_error("  \"itpnav\": 2,\n", "", "",
                 "missing key \"itpnav\"; expected the format version, 1 or 2");
    /* A version that is not read checks nothing else, so nothing else is said. */
    char *t = patch_of(base2, "\"itpnav\": 2", "\"itpnav\": 9");
    struct diags d = {0};
    CHECK_INT(parse(t, 0, &d, NULL), EXIT_DATAERR);
    CHECK_INT(d.n, 1);
    CHECK_INT(d.version, 0);
    diags_finish(&d);
    free(t);
}

/* ---- records and references ---- */

static void test_shared_id(void)
{
    /* Version 2: one namespace, an error naming both places. */
    expect_error("{\"id\": \"p1\"", "{\"id\": \"s2\"", ".pathways[0].id",
                 "duplicate id \"s2\"; first used at .supports[1] (supports and pathways share one "
                 "namespace)");
    /* A pathway's id where a support's belongs is not a typo. */
    expect_error("\"supports\": [\"s1\"]", "\"supports\": [\"p1\"]", ".pathways[0].supports[0]",
                 "\"p1\" is a pathway (.pathways[0]); expected the id of a support");
    expect_error("\"status\": \"inactive\"", "\"status\": \"inactive\", \"part_of\": \"p1\"",
                 ".supports[1].part_of",
                 "\"p1\" is a pathway (.pathways[0]); expected the id of a support");
    /* Version 1 allowed it: a warning that names both and says how to reach each (D10). */
    expect_finding(base1, "{\"id\": \"p1\"", "{\"id\": \"s1\"", 0, 1, DIAG_WARNING,
                   ".pathways[0].id",
                   "id \"s1\" is also the id of .supports[0]; `itpnav show s1` shows the support, "
                   "`itpnav show --kind pathway s1` this pathway");
    /* Duplicates within one list stay errors in both. */
    expect_finding(base1, "\"id\": \"canada\", \"name\": \"Canada\"}",
                   "\"id\": \"canada\", \"name\": \"Canada\"}, {\"id\": \"canada\", \"name\": "
                   "\"Again\"}",
                   1, 0, DIAG_ERROR, ".regions[1].id",
                   "duplicate id \"canada\"; first used at .regions[0]");
}

static void test_delivery_optional(void)
{
    /* s1 has none, and base2 is valid; an empty list is still wrong. */
    expect_error("\"delivery\": [\"online\"]", "\"delivery\": []", ".supports[1].delivery",
                 "empty array; expected at least one value, or leave the key out");
    expect_error("\"delivery\": [\"online\"]", "\"delivery\": [\"by-post\"]",
                 ".supports[1].delivery[0]",
                 "\"by-post\" is not allowed; expected \"online\", \"in-person\" or \"hybrid\"");
    /* Version 1 still requires it. */
    expect_finding(base1, "\"delivery\": [\"online\"], ", "", 1, 0, DIAG_ERROR, ".supports[0]",
                   "missing key \"delivery\"; expected an array");
}

static void test_contact(void)
{
    expect_error("\"address\": \"1 Main St\"", "\"address\": \"1 Main St\\nApt 2\"",
                 ".supports[0].contact.address",
                 "control character U+000A in a name or short value; expected printable text on "
                 "one line");
    expect_error("\"note\": \"Write first.\"", "\"note\": 7", ".supports[0].contact.note",
                 "expected a string, found a number");
    expect_warning("\"note\": \"Write first.\"", "\"note\": \"\"", ".supports[0].contact.note",
                   "empty string; leave the key out instead");
    /* A pathway's contact has the same shape. */
    expect_error("\"website\": \"https://example.org/p1\"", "\"website\": \"example.org/p1\"",
                 ".pathways[0].contact.website",
                 "\"example.org/p1\" is not a web address; expected one starting with http:// or "
                 "https://");
    expect_warning("\"note\": \"Ask the office.\"}",
                   "\"note\": \"Ask the office.\", \"fax\": \"1\"}", ".pathways[0].contact.fax",
                   "unknown key \"fax\" (ignored; --strict makes this an error)");
}

/* From version 2 on, an unknown key suggests the nearest the object may have. */
static void test_unknown_key_suggests(void)
{
    expect_warning("\"address\": \"1 Main St\"", "\"adress\": \"1 Main St\"",
                   ".supports[0].contact.adress",
                   "unknown key \"adress\" (ignored; --strict makes this an error); did you mean "
                   "\"address\"?");
    expect_warning("\"aliases\": [\"Quebec\"]", "\"alias\": [\"Quebec\"]", ".regions[1].alias",
                   "unknown key \"alias\" (ignored; --strict makes this an error); did you mean "
                   "\"aliases\"?");
    expect_warning("\"name\": \"Soutien un\"", "\"nom\": \"Soutien un\"",
                   ".supports[0].translations.fr.nom",
                   "unknown key \"nom\" (ignored; --strict makes this an error); did you mean "
                   "\"name\"?");
    expect_warning("  \"exams\"", "  \"exam\": [],\n  \"exams\"", ".exam",
                   "unknown key \"exam\" (ignored; --strict makes this an error); did you mean "
                   "\"exams\"?");
}

static void test_support_status(void)
{
    expect_error("\"status\": \"inactive\"", "\"status\": \"gone\"", ".supports[1].status",
                 "\"gone\" is not allowed; expected \"active\", \"inactive\" or \"closed\"");
    expect_error("\"status\": \"inactive\"", "\"status\": \"available\"", ".supports[1].status",
                 "\"available\" is not allowed; expected \"active\", \"inactive\" or \"closed\"");
    expect_ok(base2, "\"status\": \"inactive\"", "\"status\": \"closed\"");
}

static void test_step_url(void)
{
    expect_error("\"url\": \"https://example.org/apply\"", "\"url\": \"ftp://example.org/apply\"",
                 ".pathways[0].steps[0].url",
                 "\"ftp://example.org/apply\" is not a web address; expected one starting with "
                 "http:// or https://");
    /* A link still needs its url. */
    expect_error("{\"title\": \"Rules\", \"url\": \"https://example.org/rules\"}",
                 "{\"title\": \"Rules\"}", ".pathways[0].links[0]",
                 "missing key \"url\"; expected a string");
}

static void test_aliases(void)
{
    expect_error("\"aliases\": [\"Quebec\"]", "\"aliases\": \"Quebec\"", ".regions[1].aliases",
                 "expected an array, found a string");
    expect_error("\"aliases\": [\"Quebec\"]", "\"aliases\": [\"\"]", ".regions[1].aliases[0]",
                 "empty string; expected a value");
    expect_error("\"aliases\": [\"Quebec\"]", "\"aliases\": [\"Que\\tbec\"]",
                 ".regions[1].aliases[0]",
                 "control character U+0009 in a name or short value; expected printable text on "
                 "one line");
    expect_ok(base2, "\"aliases\": [\"Quebec\"]", "\"aliases\": []");
}

static void test_undated_and_complete(void)
{
    expect_error("\"undated\": true", "\"undated\": \"yes\"", ".sources[1].undated",
                 "expected true or false, found a string");
    expect_ok(base2, "\"undated\": true", "\"undated\": false");
    expect_error("\"complete\": false", "\"complete\": 1", ".pathways[0].requires.complete",
                 "expected true or false, found a number");
    expect_ok(base2, "\"complete\": false", "\"complete\": true");
}

static void test_languages(void)
{
    expect_error("\"language\": \"en\"", "\"language\": \"english!\"", ".dataset.language",
                 "\"english!\" is not a language tag; expected a BCP 47 tag such as \"en\" or "
                 "\"fr\"");
    expect_error("\"languages\": [\"en\", \"fr\"]", "\"languages\": [\"fr\", \"en\"]",
                 ".dataset.languages[0]",
                 "\"fr\" is listed first; expected the file's own language (.dataset.language), "
                 "\"en\", first");
    expect_error("\"languages\": [\"en\", \"fr\"]", "\"languages\": [\"en\", \"fr_CA\"]",
                 ".dataset.languages[1]",
                 "\"fr_CA\" is not a language tag; expected a BCP 47 tag such as \"en\" or "
                 "\"fr\"");
    expect_error("\"languages\": [\"en\", \"fr\"]", "\"languages\": \"en\"", ".dataset.languages",
                 "expected an array, found a string");
    expect_warning("\"languages\": [\"en\", \"fr\"]", "\"languages\": [\"en\", \"fr\", \"fr\"]",
                   ".dataset.languages[2]", "\"fr\" is listed twice");
    expect_ok(base2, "\"languages\": [\"en\", \"fr\"]",
              "\"languages\": [\"en\", \"fr-CA\", \"fr\"]");
    /* A file in French: its own language first, translations into English. */
    char *fr = patch_of(base2, "\"language\": \"en\", \"languages\": [\"en\", \"fr\"]",
                        "\"language\": \"fr\", \"languages\": [\"fr\", \"en\"]");
    expect_finding(fr, "\"translations\": {\"fr\": {\"title\": \"T fr\"",
                   "\"translations\": {\"en\": {\"title\": \"T en\"", 0, 7, DIAG_WARNING,
                   ".supports[0].translations.fr",
                   "a translation into the file's own language (\"fr\"); give the text in the "
                   "record itself");
    free(fr);
}

static void test_translations(void)
{
    const char *tr = "\"translations\": {\"fr\": {\"source\": \"src-fr\", ";
    /* Languages: carried, a tag, not the file's own. */
    expect_error(tr, "\"translations\": {\"fr\": {}, \"fr\": {\"source\": \"src-fr\", ",
                 ".supports[0].translations", "duplicate key \"fr\"; expected each key once");
    expect_error(tr,
                 "\"translations\": {\"de\": {\"name\": \"Eins\"}, \"fr\": {\"source\": "
                 "\"src-fr\", ",
                 ".supports[0].translations.de",
                 "\"de\" is not one of the file's languages; expected one that .dataset.languages "
                 "lists");
    expect_error(tr, "\"translations\": {\"f r\": {}, \"fr\": {\"source\": \"src-fr\", ",
                 ".supports[0].translations.[\"f r\"]",
                 "\"f r\" is not a language tag; expected a BCP 47 tag such as \"fr\"");
    expect_warning(tr,
                   "\"translations\": {\"en\": {\"name\": \"One\"}, \"fr\": {\"source\": "
                   "\"src-fr\", ",
                   ".supports[0].translations.en",
                   "a translation into the file's own language (\"en\"); give the text in the "
                   "record itself");
    expect_error("\"translations\": {\"fr\": {\"name\": \"Réseautage\"}}",
                 "\"translations\": [\"Réseautage\"]", ".services[0].translations",
                 "expected an object keyed by language tag, found an array");
    expect_error("\"translations\": {\"fr\": {\"name\": \"Réseautage\"}}",
                 "\"translations\": {\"fr\": \"Réseautage\"}", ".services[0].translations.fr",
                 "expected an object of translated text, found a string");
    /* Keys: text ones of the record, with the original's type and limits. */
    expect_error("\"name\": \"Soutien un\"", "\"name\": 5", ".supports[0].translations.fr.name",
                 "expected a string, found a number");
    expect_error("\"name\": \"Soutien un\"", "\"name\": \"\"", ".supports[0].translations.fr.name",
                 "empty string; expected a value");
    expect_error("\"offers\": [\"Aide\", \"Plus\"]", "\"offers\": \"Aide\"",
                 ".supports[0].translations.fr.offers", "expected an array, found a string");
    expect_error("\"name\": \"Soutien un\"", "\"name\": \"Soutien un\", \"regions\": [\"canada\"]",
                 ".supports[0].translations.fr.regions",
                 "\"regions\" is not text and is not translated (ids, places, dates and "
                 "references stay as they are); expected name, summary, offers, aims, "
                 "eligibility, cost or location");
    expect_error("\"name\": \"Soutien un\"", "\"name\": \"Soutien un\", \"as_of\": \"2026\"",
                 ".supports[0].translations.fr.as_of",
                 "\"as_of\" is not text and is not translated (ids, places, dates and references "
                 "stay as they are); expected name, summary, offers, aims, eligibility, cost or "
                 "location");
    expect_error("\"name\": \"Soutien un\"", "\"name\": \"Soutien un\", \"advocacy\": \"Plus\"",
                 ".supports[0].translations.fr.advocacy",
                 "\"advocacy\" is not translated in a support; expected name, summary, offers, "
                 "aims, eligibility, cost or location");
    expect_error("\"name\": \"Soutien un\"", "\"name\": \"Soutien un\", \"host\": \"Hôte\"",
                 ".supports[0].translations.fr.host",
                 "\"host\" is not translated in a support; expected name, summary, offers, aims, "
                 "eligibility, cost or location");
    expect_error("{\"title\": \"T fr\", \"notes\": \"N fr.\"}",
                 "{\"title\": \"T fr\", \"publisher\": \"P\"}",
                 ".dataset.translations.fr.publisher",
                 "\"publisher\" is not translated in a dataset; expected title or notes");
    expect_error("\"requires_note\": \"Plus de règles.\"",
                 "\"requires\": {\"note\": \"Plus de règles.\"}",
                 ".pathways[0].translations.fr.requires",
                 "\"requires\" holds rules, not text; translate its note as \"requires_note\"");
    /* A key the record does not have, a key no record has. */
    expect_warning("\"name\": \"Soutien un\"", "\"name\": \"Soutien un\", \"cost\": \"gratuit\"",
                   ".supports[0].translations.fr.cost", "the support has no cost to translate");
    expect_warning("\"name\": \"Soutien un\"", "\"name\": \"Soutien un\", \"colour\": \"rouge\"",
                   ".supports[0].translations.fr.colour",
                   "unknown key \"colour\" (ignored; --strict makes this an error)");
    expect_warning("\"advocacy\": \"More places.\", ", "", ".pathways[0].translations.fr.advocacy",
                   "the pathway has no advocacy to translate");
    /* The source of a translation resolves, among the sources. */
    expect_error("\"source\": \"src-fr\"", "\"source\": \"src-fx\"",
                 ".supports[0].translations.fr.source",
                 "unknown source \"src-fx\"; did you mean \"src-fr\"?");
    expect_error("\"source\": \"src-fr\"", "\"source\": \"p1\"",
                 ".supports[0].translations.fr.source",
                 "unknown source \"p1\"; expected the id of one of the dataset's sources");
}

static void test_translated_items(void)
{
    /* Steps and links keep the original's number of items; urls stay the original's. */
    expect_error("[{\"title\": \"Postuler\", \"detail\": \"En ligne.\"}]",
                 "[{\"title\": \"Postuler\"}, {\"title\": \"Encore\"}]",
                 ".pathways[0].translations.fr.steps",
                 "2 items; expected 1, one for each of the original's steps (a translation keeps "
                 "their number and order)");
    expect_error("[{\"title\": \"Règles\"}]", "[]", ".pathways[0].translations.fr.links",
                 "0 items; expected 1, one for each of the original's links (a translation keeps "
                 "their number and order)");
    expect_error("[{\"title\": \"Postuler\", \"detail\": \"En ligne.\"}]",
                 "[{\"title\": \"Postuler\", \"url\": \"https://example.org/fr\"}]",
                 ".pathways[0].translations.fr.steps[0].url",
                 "a url is not translated; the original's stays");
    expect_error("[{\"title\": \"Règles\"}]",
                 "[{\"title\": \"Règles\", \"url\": \"https://x.org\"}]",
                 ".pathways[0].translations.fr.links[0].url",
                 "a url is not translated; the original's stays");
    expect_error("[{\"title\": \"Postuler\", \"detail\": \"En ligne.\"}]", "[\"Postuler\"]",
                 ".pathways[0].translations.fr.steps[0]", "expected an object, found a string");
    expect_error("[{\"title\": \"Postuler\", \"detail\": \"En ligne.\"}]", "[{\"title\": 1}]",
                 ".pathways[0].translations.fr.steps[0].title",
                 "expected a string, found a number");
    /* A step translated in part is fine: its detail stays the original's. */
    expect_ok(base2, "[{\"title\": \"Postuler\", \"detail\": \"En ligne.\"}]", "[{}]");
    /* A translated list of strings replaces the whole list: its length is free. */
    expect_ok(base2, "\"offers\": [\"Aide\", \"Plus\"]", "\"offers\": [\"Aide\"]");
}

/* Names and titles: at most 300 characters; other strings 20,000; in characters, not bytes. */
static void test_lengths(void)
{
    struct sb name = {0}, name_ok = {0}, text = {0};
    sb_add(&name, "\"name\": \"");
    sb_add(&name_ok, "\"name\": \"");
    for (int i = 0; i < 301; i++)
        sb_add(&name, "é");
    for (int i = 0; i < 300; i++)
        sb_add(&name_ok, "é");
    sb_add(&name, "\"");
    sb_add(&name_ok, "\"");
    expect_error("\"name\": \"Support One\"", name.s, ".supports[0].name",
                 "301 characters; expected at most 300 for a name or title");
    expect_ok(base2, "\"name\": \"Support One\"", name_ok.s);
    expect_error("\"name\": \"Soutien un\"", name.s, ".supports[0].translations.fr.name",
                 "301 characters; expected at most 300 for a name or title");
    /* A step's title is a title: the name's limit, and its detail the other. */
    char *title = xasprintf("\"title\": %s", strchr(name.s, ' ') + 1);
    expect_error("\"title\": \"Apply\"", title, ".pathways[0].steps[0].title",
                 "301 characters; expected at most 300 for a name or title");
    free(title);
    sb_add(&text, "\"summary\": \"");
    for (int i = 0; i < 20001; i++)
        sb_addc(&text, 'x');
    sb_add(&text, "\"");
    expect_error("\"summary\": \"A group.\"", text.s, ".supports[0].summary",
                 "20001 characters; expected at most 20000 for a string");
    /* Version 1 has no such limit. */
    char *t = patch_of(base1, "\"name\": \"Support One\"", name.s);
    expect_ok(t, "\"summary\": \"A group.\"", text.s);
    free(t);
    sb_finish(&name);
    sb_finish(&name_ok);
    sb_finish(&text);
}

/* Version 1 files are read by version 1's rules: version 2's keys are unknown keys there. */
static void test_v1_unchanged(void)
{
    expect_finding(base1, "\"as_of\": \"2021-09\"}\n  ],\n  \"pathways\"",
                   "\"as_of\": \"2021-09\", \"status\": \"active\"}\n  ],\n  \"pathways\"", 0, 1,
                   DIAG_WARNING, ".supports[0].status",
                   "unknown key \"status\" (ignored; --strict makes this an error)");
    expect_finding(base1, "{\"title\": \"Apply\"}",
                   "{\"title\": \"Apply\", \"url\": \"https://x.org\"}", 0, 1, DIAG_WARNING,
                   ".pathways[0].steps[0].url",
                   "unknown key \"url\" (ignored; --strict makes this an error)");
    expect_finding(base1, "{\"id\": \"canada\", \"name\": \"Canada\"}",
                   "{\"id\": \"canada\", \"name\": \"Canada\", \"aliases\": [\"CA\"]}", 0, 1,
                   DIAG_WARNING, ".regions[0].aliases",
                   "unknown key \"aliases\" (ignored; --strict makes this an error)");
    expect_finding(base1, "\"as_of\": \"2021-09\"}",
                   "\"as_of\": \"2021-09\", \"translations\": {\"fr\": {\"title\": \"T\"}}}", 0, 1,
                   DIAG_WARNING, ".dataset.translations",
                   "unknown key \"translations\" (ignored; --strict makes this an error)");
}

UNIT_MAIN(CASE(test_base2_valid), CASE(test_version), CASE(test_shared_id),
          CASE(test_delivery_optional), CASE(test_contact), CASE(test_unknown_key_suggests),
          CASE(test_support_status), CASE(test_step_url), CASE(test_aliases),
          CASE(test_undated_and_complete), CASE(test_languages), CASE(test_translations),
          CASE(test_translated_items), CASE(test_lengths), CASE(test_v1_unchanged))
