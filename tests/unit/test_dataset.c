/* test_dataset.c: every rule of the dataset loader (spec/dataset.md) and its message: JSON syntax
 * errors with their line and column, content errors with their jq path, warnings, limits. */
#include <cjson/cJSON.h>

#include "common.h"
#include "util.h"

/* A minimal valid dataset, one item a line so that patches stay readable. */
static const char base[] =
        "{\n"
        "  \"itpnav\": 1,\n"
        "  \"dataset\": {\"title\": \"T\", \"as_of\": \"2021-09\"},\n"
        "  \"sources\": [{\"id\": \"src\", \"title\": \"Source\", \"url\": "
        "\"https://example.org/\"}],\n"
        "  \"regions\": [\n"
        "    {\"id\": \"canada\", \"name\": \"Canada\", \"kind\": \"country\"},\n"
        "    {\"id\": \"ontario\", \"name\": \"Ontario\", \"parent\": \"canada\", \"kind\": "
        "\"province\"},\n"
        "    {\"id\": \"niagara-region\", \"name\": \"Niagara Region\", \"parent\": \"ontario\", "
        "\"kind\": \"region\"}\n"
        "  ],\n"
        "  \"goals\": [{\"id\": \"residency\", \"name\": \"Residency\", \"summary\": \"Via "
        "CaRMS.\"}],\n"
        "  \"services\": [{\"id\": \"networking\", \"name\": \"Networking\"}],\n"
        "  \"exams\": [{\"id\": \"mccqe1\", \"name\": \"MCCQE Part I\"}],\n"
        "  \"supports\": [\n"
        "    {\"id\": \"s1\", \"kind\": \"group\", \"name\": \"Support One\", \"regions\": "
        "[\"ontario\"], "
        "\"delivery\": [\"online\"], \"goals\": [\"residency\"], \"services\": [\"networking\"], "
        "\"summary\": \"A group.\", \"source\": \"src\", \"as_of\": \"2021-09\"}\n"
        "  ],\n"
        "  \"pathways\": [\n"
        "    {\"id\": \"p1\", \"goal\": \"residency\", \"name\": \"Path One\", \"regions\": "
        "[\"canada\"], "
        "\"status\": \"available\", \"summary\": \"A path.\", \"source\": \"src\", \"as_of\": "
        "\"2021-09\", "
        "\"requires\": {\"exams\": [\"mccqe1\"], \"residence\": [\"ontario\"]}}\n"
        "  ]\n"
        "}\n";

/* base with the first occurrence of from replaced by to (a new string). */
static char *patch(const char *from, const char *to)
{
    const char *at = strstr(base, from);
    if (!at) {
        fprintf(stderr, "patch: \"%s\" is not in the base dataset\n", from);
        exit(2);
    }
    struct sb b = {0};
    sb_addn(&b, base, (size_t)(at - base));
    sb_add(&b, to);
    sb_add(&b, at + strlen(from));
    return sb_take(&b);
}

/* Parse text; the findings go to *d (the caller finishes it). Returns the status. */
static int parse(const char *text, size_t len, unsigned flags, struct diags *d)
{
    struct dataset *ds = (struct dataset *)1;
    int rc = dataset_parse(text, len, flags, &ds, d);
    if (rc == 0)
        CHECK(ds != NULL);
    else
        CHECK(ds == NULL);
    dataset_destroy(ds);
    return rc;
}

static int parse_str(const char *text, unsigned flags, struct diags *d)
{
    return parse(text, strlen(text), flags, d);
}

/* A syntax error: exactly one error, at line:col, whose message starts with msg. */
static void expect_syntax(const char *text, size_t len, int line, int col, const char *msg)
{
    struct diags d = {0};
    CHECK_INT(parse(text, len, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.n, 1);
    if (d.n == 1) {
        CHECK_INT(d.v[0].level, DIAG_ERROR);
        CHECK_INT(d.v[0].line, line);
        CHECK_INT(d.v[0].col, col);
        CHECK(d.v[0].path == NULL);
        if (strncmp(d.v[0].msg, msg, strlen(msg)) != 0)
            fprintf(stderr, "  message \"%s\" does not start with \"%s\"\n", d.v[0].msg, msg);
        CHECK(strncmp(d.v[0].msg, msg, strlen(msg)) == 0);
    }
    diags_finish(&d);
}

#define SYNTAX(text, line, col, msg) expect_syntax(text, sizeof(text) - 1, line, col, msg)

/* The finding at this path with this level, or NULL. */
static const struct diag *find(const struct diags *d, const char *path, enum diag_level level)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].path && strcmp(d->v[i].path, path) == 0 && d->v[i].level == level)
            return &d->v[i];
    return NULL;
}

static void dump(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "  [%s] %d:%d %s: %s\n", d->v[i].level == DIAG_ERROR ? "error" : "warning",
                d->v[i].line, d->v[i].col, d->v[i].path ? d->v[i].path : "(no path)", d->v[i].msg);
}

/* Patch the base, parse it, and expect exactly n_errors errors, one of them at path with
 * exactly msg (and no line or column). */
static void expect_content_n(const char *from, const char *to, size_t n_errors, const char *path,
                             const char *msg)
{
    char *text = patch(from, to);
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, n_errors);
    const struct diag *g = find(&d, path, DIAG_ERROR);
    if (!g) {
        fprintf(stderr, "  no error at %s; found:\n", path);
        dump(&d);
    }
    CHECK(g != NULL);
    if (g) {
        CHECK_STR(g->msg, msg);
        CHECK_INT(g->line, 0);
        CHECK_INT(g->col, 0);
    }
    diags_finish(&d);
    free(text);
}

static void expect_content(const char *from, const char *to, const char *path, const char *msg)
{
    expect_content_n(from, to, 1, path, msg);
}

/* Patch the base and expect it to load with no error and no warning. */
static void expect_ok(const char *from, const char *to)
{
    char *text = patch(from, to);
    struct diags d = {0};
    int rc = parse_str(text, 0, &d);
    if (rc != 0 || d.n) {
        fprintf(stderr, "  patch \"%s\" -> \"%s\":\n", from, to);
        dump(&d);
    }
    CHECK_INT(rc, 0);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    diags_finish(&d);
    free(text);
}

/* ---- the base itself ---- */

static void test_base_valid(void)
{
    struct diags d = {0};
    struct dataset *ds = NULL;
    CHECK_INT(dataset_parse(base, strlen(base), DATASET_STRICT, &ds, &d), 0);
    CHECK(ds != NULL);
    CHECK_INT(d.n, 0);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    if (ds) {
        CHECK_INT(ds->version, 1);
        CHECK(ds->count[DATASET_SUPPORTS] > 0);
        CHECK(ds->hash == dataset_hash(base, strlen(base)));
    }
    dataset_destroy(ds);
    diags_finish(&d);
    dataset_destroy(NULL);
}

static void test_hash(void)
{
    /* FNV-1a 64: the offset basis for no bytes, and the published value for "a". */
    CHECK(dataset_hash("", 0) == 0xcbf29ce484222325ULL);
    CHECK(dataset_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
    CHECK(dataset_hash("ab", 2) != dataset_hash("ba", 2));
}

/* ---- syntax ---- */

static void test_syntax_trailing_comma(void)
{
    SYNTAX("{\n  \"a\": [1, 2,]\n}", 2, 14,
           "unexpected ']' after ','; expected another element (a trailing comma is not JSON)");
    SYNTAX("{\"a\": 1,}", 1, 9,
           "unexpected '}' after ','; expected another member (a trailing comma is not JSON)");
    /* In the real dataset: the comma after the last pathway. */
    char *text = patch("}}\n  ]\n}", "}},\n  ]\n}");
    int lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    /* The ']' is on the second-last line (the text ends with a newline), column 3. */
    expect_syntax(text, strlen(text), lines - 2, 3, "unexpected ']' after ','");
    free(text);
}

static void test_syntax_missing_colon(void)
{
    SYNTAX("{\n\"a\" 1}", 2, 5, "unexpected '1'; expected ':' after the key");
    SYNTAX("{\"a\"}", 1, 5, "unexpected '}'; expected ':' after the key");
}

static void test_syntax_unterminated_string(void)
{
    SYNTAX("{\"a\": \"abc", 1, 7,
           "unterminated string; expected a closing '\"' before the end of the file");
    SYNTAX("{\n  \"a\": \"abc\\\"}", 2, 8, "unterminated string");
}

static void test_syntax_truncated(void)
{
    SYNTAX("{\"a\":", 1, 6,
           "unexpected end of the file; expected a value (is the file truncated?)");
    SYNTAX("{\"a\": [1, 2", 1, 12, "unexpected the end of the file; expected ',' or ']'");
    SYNTAX("{\"a\": 1", 1, 8, "unexpected the end of the file; expected ',' or '}'");
    SYNTAX("{", 1, 2, "unexpected the end of the file; expected a key in double quotes");
    SYNTAX("{\"a\": tru", 1, 7, "unexpected 't'; expected a value");
    SYNTAX("{\"a\": 1.", 1, 7, "invalid number; expected a digit after '.'");
    SYNTAX("{\"a\": 1e", 1, 7, "invalid number; expected a digit in the exponent");
    SYNTAX("{\"a\": -", 1, 7, "invalid number; expected a digit");
    /* The real dataset cut in half. */
    size_t half = strlen(base) / 2;
    struct diags d = {0};
    CHECK_INT(parse(base, half, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    CHECK(d.n == 1 && d.v[0].line > 1 && d.v[0].col >= 1);
    diags_finish(&d);
}

static void test_syntax_empty(void)
{
    SYNTAX("", 1, 1, "the file is empty; expected a JSON object");
    SYNTAX("  \n\t \r\n", 1, 1, "the file is empty; expected a JSON object");
    SYNTAX("\xEF\xBB\xBF", 1, 1, "the file is empty; expected a JSON object");
}

static void test_syntax_control_char(void)
{
    SYNTAX("{\"a\": \"x\ty\"}", 1, 9,
           "control character U+0009 inside a string (write it as an escape such as \\n, or "
           "remove it)");
    SYNTAX("{\n \"a\": \"line\nbreak\"}", 2, 12, "control character U+000A inside a string");
    SYNTAX("{\"a\": \"\x1b[31m\"}", 1, 8, "control character U+001B inside a string");
    SYNTAX("{\"a\x01\": 1}", 1, 4, "control character U+0001 inside a string");
}

static void test_syntax_bad_escape(void)
{
    SYNTAX("{\"a\": \"x\\qy\"}", 1, 9, "invalid escape \\'q'; expected one of");
    SYNTAX("{\"a\": \"\\u12G4\"}", 1, 8, "invalid \\u escape; expected four hex digits");
    SYNTAX("{\"a\": \"\\u12\"}", 1, 8, "invalid \\u escape; expected four hex digits");
    SYNTAX("{\"a\": \"\\u0000\"}", 1, 8, "\\u0000 (NUL) is not allowed in a string");
    SYNTAX("{\"a\": \"\\x41\"}", 1, 8, "invalid escape \\'x'");
    SYNTAX("{\"a\": \"\\'\"}", 1, 8, "invalid escape \\'''");
}

static void test_syntax_surrogates(void)
{
    SYNTAX("{\"a\": \"\\udc00\"}", 1, 8, "lone low surrogate \\uDC00; expected a character");
    SYNTAX("{\"a\": \"x\\ud800\"}", 1, 9, "high surrogate \\uD800 not followed by a low surrogate");
    SYNTAX("{\"a\": \"\\ud800\\u0041\"}", 1, 8,
           "high surrogate \\uD800 not followed by a low surrogate");
    SYNTAX("{\"a\": \"\\uD83D\\uD83D\"}", 1, 8,
           "high surrogate \\uD83D not followed by a low surrogate");
    /* A proper pair is a character. */
    struct diags d = {0};
    CHECK_INT(parse_str("{\"a\": \"\\uD83D\\uDE00\"}", 0, &d), EXIT_DATAERR); /* content only */
    CHECK(d.n >= 1 && d.v[0].line == 0);
    diags_finish(&d);
}

static void test_syntax_numbers(void)
{
    SYNTAX("{\"a\": 01}", 1, 7, "invalid number; a number may not start with 0");
    SYNTAX("{\"a\": -01}", 1, 7, "invalid number; a number may not start with 0");
    SYNTAX("{\"a\": +1}", 1, 7, "unexpected '+'; expected a value");
    SYNTAX("{\"a\": .5}", 1, 7, "unexpected '.'; expected a value");
    SYNTAX("{\"a\": NaN}", 1, 7, "unexpected 'N'; expected a value");
    SYNTAX("{\"a\": 0x1F}", 1, 8, "unexpected 'x'; expected ',' or '}'");
}

static void test_syntax_garbage_after(void)
{
    SYNTAX("{} x", 1, 4,
           "unexpected text after the end of the JSON value; expected the end of the file");
    SYNTAX("{}\n}", 2, 1, "unexpected text after the end of the JSON value");
    SYNTAX("{}{}", 1, 3, "unexpected text after the end of the JSON value");
    /* A NUL byte after the value is text too. */
    expect_syntax("{}\0", 3, 1, 3, "unexpected text after the end of the JSON value");
}

static void test_syntax_other(void)
{
    SYNTAX("{a: 1}", 1, 2, "unexpected 'a'; expected a key in double quotes");
    SYNTAX("{'a': 1}", 1, 2, "unexpected '''; expected a key in double quotes");
    SYNTAX("[1 2]", 1, 4, "unexpected '2'; expected ',' or ']'");
    SYNTAX("{\"a\": [1,,2]}", 1, 10, "unexpected ','; expected a value");
    SYNTAX("// comment\n{}", 1, 1, "unexpected '/'; expected a value");
    /* Columns count characters, not bytes: "é" is one column. */
    SYNTAX("{\"é\": 01}", 1, 7, "invalid number; a number may not start with 0");
    /* A CR LF line ending is one line break. */
    SYNTAX("{\r\n\"a\": 01}", 2, 6, "invalid number");
}

static char *nested(size_t depth)
{
    char *s = xmalloc(2 * depth + 1);
    memset(s, '[', depth);
    memset(s + depth, ']', depth);
    s[2 * depth] = '\0';
    return s;
}

static void test_syntax_depth(void)
{
    /* 64 levels are JSON enough: the only error is the content's (an array at the top). */
    char *ok = nested(64);
    struct diags d = {0};
    CHECK_INT(parse_str(ok, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    if (d.n == 1) {
        CHECK_INT(d.v[0].line, 0);
        CHECK_STR(d.v[0].msg, "expected an object at the top level, found an array");
        CHECK_STR(d.v[0].path, "");
    }
    diags_finish(&d);
    free(ok);
    /* 65 levels: an error at the 65th bracket. */
    char *deep = nested(65);
    expect_syntax(deep, strlen(deep), 1, 65, "nested more than 64 levels deep");
    free(deep);
    /* Objects count too. */
    struct sb b = {0};
    for (int i = 0; i < 70; i++)
        sb_add(&b, "{\"a\":");
    expect_syntax(b.s, b.len, 1, 64 * 5 + 1, "nested more than 64 levels deep");
    sb_finish(&b);
    /* A hostile depth neither crashes nor recurses far. */
    char *huge = nested(200000);
    expect_syntax(huge, strlen(huge), 1, 65, "nested more than 64 levels deep");
    free(huge);
}

static void test_invalid_utf8(void)
{
    SYNTAX("{\n  \"a\": \"caf\xe9\"\n}", 2, 12,
           "invalid UTF-8 (byte 0xE9); expected a UTF-8 text file");
    SYNTAX("{\"é\": \"\xff\"}", 1, 8, "invalid UTF-8 (byte 0xFF)");
    /* Overlong encodings and encoded surrogates are not UTF-8 either. */
    SYNTAX("{\"a\": \"\xc0\xaf\"}", 1, 8, "invalid UTF-8 (byte 0xC0)");
    SYNTAX("{\"a\": \"\xed\xa0\x80\"}", 1, 8, "invalid UTF-8 (byte 0xED)");
    /* Outside a string too. */
    SYNTAX("\n\n   \x80{}", 3, 4, "invalid UTF-8 (byte 0x80)");
    /* A truncated sequence at the very end. */
    SYNTAX("{}\xe2\x82", 1, 3, "invalid UTF-8 (byte 0xE2)");
}

static void test_bom(void)
{
    struct sb b = {0};
    sb_add(&b, "\xEF\xBB\xBF");
    sb_add(&b, base);
    struct diags d = {0};
    struct dataset *ds = NULL;
    CHECK_INT(dataset_parse(b.s, b.len, 0, &ds, &d), 0);
    CHECK(ds != NULL);
    CHECK_INT(d.n, 0);
    /* The hash is of the file's bytes, BOM and all (the cache compares file bytes). */
    if (ds)
        CHECK(ds->hash == dataset_hash(b.s, b.len));
    dataset_destroy(ds);
    diags_finish(&d);
    sb_finish(&b);
    /* A BOM anywhere else is not whitespace. */
    SYNTAX("{}\xEF\xBB\xBF", 1, 3, "unexpected text after the end of the JSON value");
    /* Errors after a BOM are placed as an editor shows them: the BOM is not a column.
     * Regression (fixed): dataset_parse computes places from the start of the buffer, BOM included
     * (place(start, ...)), so every column on line 1 is one too many: these give 1:7 and 1:4. */
    SYNTAX("\xEF\xBB\xBF{\"a\" 1}", 1, 6, "unexpected '1'; expected ':' after the key");
    SYNTAX("\xEF\xBB\xBF{}\xEF\xBB\xBF", 1, 3, "unexpected text after the end of the JSON value");
    /* Lines after the first are not affected. */
    SYNTAX("\xEF\xBB\xBF{\n\"a\" 1}", 2, 5, "unexpected '1'; expected ':' after the key");
}

/* ---- content ---- */

static void test_missing_required_key(void)
{
    expect_content("\"summary\": \"A group.\", ", "", ".supports[0]",
                   "missing key \"summary\"; expected a string");
    expect_content("\"regions\": [\"ontario\"], ", "", ".supports[0]",
                   "missing key \"regions\"; expected an array");
    expect_content("\"goal\": \"residency\", ", "", ".pathways[0]",
                   "missing key \"goal\"; expected a string");
    expect_content(", \"as_of\": \"2021-09\"}", "}", ".dataset",
                   "missing key \"as_of\"; expected a string");
    expect_content("  \"itpnav\": 1,\n", "", "",
                   "missing key \"itpnav\"; expected the format version, 1 or 2");
    expect_content_n("  \"services\": [{\"id\": \"networking\", \"name\": \"Networking\"}],\n", "",
                     2, "", "missing key \"services\"; expected an array");
    /* Without services, the support's reference to one is unknown too. */
    char *text =
            patch("  \"services\": [{\"id\": \"networking\", \"name\": \"Networking\"}],\n", "");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK(find(&d, ".supports[0].services[0]", DIAG_ERROR) != NULL);
    diags_finish(&d);
    free(text);
    /* exams is optional: without it the pathway's requires.exams is the only error. */
    expect_content("  \"exams\": [{\"id\": \"mccqe1\", \"name\": \"MCCQE Part I\"}],\n", "",
                   ".pathways[0].requires.exams[0]",
                   "unknown exam \"mccqe1\"; expected the id of one of the dataset's exams");
}

static void test_wrong_type(void)
{
    expect_content("\"name\": \"Support One\"", "\"name\": 5", ".supports[0].name",
                   "expected a string, found a number");
    expect_content("\"regions\": [\"ontario\"]", "\"regions\": \"ontario\"", ".supports[0].regions",
                   "expected an array, found a string");
    expect_content("\"regions\": [\"ontario\"]", "\"regions\": [7]", ".supports[0].regions[0]",
                   "expected a string, found a number");
    expect_content("\"title\": \"T\"", "\"title\": null", ".dataset.title",
                   "expected a string, found null");
    expect_content("\"dataset\": {\"title\": \"T\", \"as_of\": \"2021-09\"}", "\"dataset\": []",
                   ".dataset", "expected an object, found an array");
    expect_content("\"supports\": [", "\"supports\": [3, ", ".supports[0]",
                   "expected an object, found a number");
    expect_content("\"residence\": [\"ontario\"]}",
                   "\"residence\": [\"ontario\"], \"language_test\": \"yes\"}",
                   ".pathways[0].requires.language_test", "expected true or false, found a string");
    expect_content("\"residence\": [\"ontario\"]}",
                   "\"residence\": [\"ontario\"], \"postgrad_years\": -1}",
                   ".pathways[0].requires.postgrad_years",
                   "-1 is out of range; expected a number from 0 to 10^15");
    expect_content("\"summary\": \"A group.\"",
                   "\"summary\": \"A group.\", \"size\": {\"count\": 2.5}",
                   ".supports[0].size.count", "2.5 is not whole; expected a whole number");
    expect_content("\"itpnav\": 1", "\"itpnav\": \"1\"", ".itpnav",
                   "expected the format version 1 or 2 (a number), found a string");
}

static void test_empty_required_string(void)
{
    expect_content("\"name\": \"Support One\"", "\"name\": \"\"", ".supports[0].name",
                   "empty string; expected a value");
    expect_content("\"as_of\": \"2021-09\"}\n  ],\n  \"pathways\"",
                   "\"as_of\": \"\"}\n  ],\n  \"pathways\"", ".supports[0].as_of",
                   "empty string; expected a date");
    expect_content("\"source\": \"src\"", "\"source\": \"\"", ".supports[0].source",
                   "empty string; expected a value");
    /* An optional string left empty is a warning, not an error. */
    char *text = patch("\"summary\": \"A group.\"", "\"summary\": \"A group.\", \"acronym\": \"\"");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK_INT(d.warnings, 1);
    const struct diag *g = find(&d, ".supports[0].acronym", DIAG_WARNING);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, "empty string; leave the key out instead");
    diags_finish(&d);
    free(text);
}

static void test_bad_id(void)
{
    const char *msg_tail = " is not a valid id; expected 1 to 64 of a-z, 0-9 and '-', starting "
                           "with a letter or digit";
    char *want = xasprintf("\"S_1\"%s", msg_tail);
    expect_content("\"id\": \"s1\"", "\"id\": \"S_1\"", ".supports[0].id", want);
    free(want);
    want = xasprintf("\"-p\"%s", msg_tail);
    expect_content("\"id\": \"p1\"", "\"id\": \"-p\"", ".pathways[0].id", want);
    free(want);
    /* A reference with bad syntax says what it should name. */
    expect_content("\"goals\": [\"residency\"]", "\"goals\": [\"Residency\"]",
                   ".supports[0].goals[0]",
                   "\"Residency\" is not a valid id; expected the id of a goal");
}

static void test_bad_date(void)
{
    expect_content("\"as_of\": \"2021-09\"}\n  ],\n  \"pathways\"",
                   "\"as_of\": \"2021-02-30\"}\n  ],\n  \"pathways\"", ".supports[0].as_of",
                   "\"2021-02-30\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (a real "
                   "date)");
    expect_content("\"as_of\": \"2021-09\"}\n  ],\n  \"pathways\"",
                   "\"as_of\": \"2021-13\"}\n  ],\n  \"pathways\"", ".supports[0].as_of",
                   "\"2021-13\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (a real date)");
    expect_content(
            "\"as_of\": \"2021-09\"}", "\"as_of\": \"Sept 2021\"}", ".dataset.as_of",
            "\"Sept 2021\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (a real date)");
    expect_ok("\"as_of\": \"2021-09\"}\n  ],\n  \"pathways\"",
              "\"as_of\": \"2020-02-29\", \"verified\": \"2024\"}\n  ],\n  \"pathways\"");
}

static void test_date_rules(void)
{
    CHECK(dataset_valid_date("2021"));
    CHECK(dataset_valid_date("2021-09"));
    CHECK(dataset_valid_date("2021-12"));
    CHECK(dataset_valid_date("2021-01-31"));
    CHECK(dataset_valid_date("2020-02-29"));
    CHECK(dataset_valid_date("2000-02-29"));
    CHECK(dataset_valid_date("2021-12-31"));
    CHECK(dataset_valid_date("0001"));
    CHECK(!dataset_valid_date("2021-02-29"));
    CHECK(!dataset_valid_date("1900-02-29"));
    CHECK(!dataset_valid_date("2021-02-30"));
    CHECK(!dataset_valid_date("2021-04-31"));
    CHECK(!dataset_valid_date("2021-13"));
    CHECK(!dataset_valid_date("2021-00"));
    CHECK(!dataset_valid_date("2021-01-00"));
    CHECK(!dataset_valid_date("2021-01-32"));
    CHECK(!dataset_valid_date("0000"));
    CHECK(!dataset_valid_date(""));
    CHECK(!dataset_valid_date("21"));
    CHECK(!dataset_valid_date("2021-1"));
    CHECK(!dataset_valid_date("2021-01-1"));
    CHECK(!dataset_valid_date("2021/01/01"));
    CHECK(!dataset_valid_date("2021-01/01"));
    CHECK(!dataset_valid_date("20210101"));
    CHECK(!dataset_valid_date("2021-01-01T00"));
    CHECK(!dataset_valid_date("2021-01-01 "));
    CHECK(!dataset_valid_date(" 2021"));
    CHECK(!dataset_valid_date("abcd"));
    CHECK(!dataset_valid_date("-202"));
    CHECK(!dataset_valid_date("2021--1"));
    CHECK(!dataset_valid_date("2021-+1"));
}

static void test_id_rules(void)
{
    char id64[65], id65[66];
    memset(id64, 'a', 64);
    id64[64] = '\0';
    memset(id65, 'a', 65);
    id65[65] = '\0';
    CHECK(dataset_valid_id("a"));
    CHECK(dataset_valid_id("0"));
    CHECK(dataset_valid_id("9-lives"));
    CHECK(dataset_valid_id("a-b-c"));
    CHECK(dataset_valid_id("a--b"));
    CHECK(dataset_valid_id("a-"));
    CHECK(dataset_valid_id(id64));
    CHECK(!dataset_valid_id(id65));
    CHECK(!dataset_valid_id(""));
    CHECK(!dataset_valid_id("-a"));
    CHECK(!dataset_valid_id("-"));
    CHECK(!dataset_valid_id("A"));
    CHECK(!dataset_valid_id("aB"));
    CHECK(!dataset_valid_id("a_b"));
    CHECK(!dataset_valid_id("a b"));
    CHECK(!dataset_valid_id("a.b"));
    CHECK(!dataset_valid_id("é"));
    CHECK(!dataset_valid_id("a/b"));
    CHECK(!dataset_valid_id("a\n"));
}

static void test_bad_url(void)
{
    expect_content("\"url\": \"https://example.org/\"", "\"url\": \"ftp://example.org/\"",
                   ".sources[0].url",
                   "\"ftp://example.org/\" is not a web address; expected one starting with "
                   "http:// or https://");
    expect_content("\"url\": \"https://example.org/\"", "\"url\": \"javascript:alert(1)\"",
                   ".sources[0].url",
                   "\"javascript:alert(1)\" is not a web address; expected one starting with "
                   "http:// or https://");
    expect_content("\"url\": \"https://example.org/\"", "\"url\": \"https://\"", ".sources[0].url",
                   "\"https://\" is not a web address; expected one starting with http:// or "
                   "https://");
    expect_content("\"url\": \"https://example.org/\"", "\"url\": \"https://a b.org/\"",
                   ".sources[0].url",
                   "\"https://a b.org/\" is not a web address; expected one starting with http:// "
                   "or https://");
    expect_content("\"url\": \"https://example.org/\"", "\"url\": \"\"", ".sources[0].url",
                   "empty string; expected a URL");
    expect_content("\"summary\": \"A group.\"",
                   "\"summary\": \"A group.\", \"contact\": {\"website\": \"www.example.org\"}",
                   ".supports[0].contact.website",
                   "\"www.example.org\" is not a web address; expected one starting with http:// "
                   "or https://");
    expect_ok("\"url\": \"https://example.org/\"", "\"url\": \"http://example.org\"");
}

static void test_control_chars(void)
{
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support\\u0007One\"",
                   ".supports[0].name",
                   "control character U+0007 in a name or short value; expected printable text "
                   "on one line");
    /* A newline: fine in a summary, not in a name. */
    expect_ok("\"summary\": \"A group.\"", "\"summary\": \"A group.\\nSecond line.\"");
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support\\nOne\"", ".supports[0].name",
                   "control character U+000A in a name or short value; expected printable text "
                   "on one line");
    /* Other controls are not allowed even in long text. */
    expect_content("\"summary\": \"A group.\"", "\"summary\": \"A \\u001b[2Jgroup.\"",
                   ".supports[0].summary",
                   "control character U+001B in text; expected printable text (a newline is the "
                   "only control allowed)");
    expect_content("\"summary\": \"A group.\"", "\"summary\": \"A\\tgroup.\"",
                   ".supports[0].summary",
                   "control character U+0009 in text; expected printable text (a newline is the "
                   "only control allowed)");
    /* DEL and C1. */
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support\\u007fOne\"",
                   ".supports[0].name",
                   "control character U+007F in a name or short value; expected printable text "
                   "on one line");
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support\\u009bOne\"",
                   ".supports[0].name",
                   "control character U+009B in a name or short value; expected printable text "
                   "on one line");
    /* Raw C1 bytes (valid UTF-8) in a string too. */
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support\xc2\x85One\"",
                   ".supports[0].name",
                   "control character U+0085 in a name or short value; expected printable text "
                   "on one line");
    /* Inside an array of long text: a newline is fine, another control is not. */
    expect_content("\"summary\": \"A group.\"",
                   "\"summary\": \"A group.\", \"offers\": [\"one\\ntwo\", \"bad\\u0007\"]",
                   ".supports[0].offers[1]",
                   "control character U+0007 in text; expected printable text (a newline is the "
                   "only control allowed)");
}

/* The check reads printable ASCII eight bytes at a time: a control at any place of a word, and
 * in a string's last few bytes, is still found, and printable ASCII anywhere is still fine. */
static void test_control_chars_everywhere(void)
{
    static const unsigned codes[] = {0x01, 0x0a, 0x1f, 0x7f, 0x85};
    for (size_t c = 0; c < sizeof codes / sizeof *codes; c++)
        for (int at = 0; at < 19; at++) {
            char name[64], want[160];
            snprintf(name, sizeof name, "\"name\": \"%.*s\\u%04x%.*s\"", at, "abcdefghijklmnopqrs",
                     codes[c], 18 - at, "ABCDEFGHIJKLMNOPQR");
            snprintf(want, sizeof want,
                     "control character U+%04X in a name or short value; expected printable "
                     "text on one line",
                     codes[c]);
            expect_content("\"name\": \"Support One\"", name, ".supports[0].name", want);
        }
    /* Every printable ASCII character, at every place of an eight-byte word; a newline in text. */
    for (int at = 0; at < 9; at++) {
        char name[256], summary[64];
        int n = snprintf(name, sizeof name, "\"name\": \"%.*s", at, "........");
        for (int ch = 0x20; ch < 0x7f; ch++)
            n += snprintf(name + n, sizeof name - (size_t)n,
                          ch == '"' || ch == '\\' ? "\\%c" : "%c", ch);
        snprintf(name + n, sizeof name - (size_t)n, "\"");
        expect_ok("\"name\": \"Support One\"", name);
        snprintf(summary, sizeof summary, "\"summary\": \"%.*s\\nA group.\"", at, "........");
        expect_ok("\"summary\": \"A group.\"", summary);
    }
}

static void test_bidi(void)
{
    expect_content("\"summary\": \"A group.\"", "\"summary\": \"A \\u202egroup.\"",
                   ".supports[0].summary",
                   "bidirectional control U+202E; these can reorder what a reader sees and are "
                   "not allowed");
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support \xe2\x80\xaeOne\"",
                   ".supports[0].name",
                   "bidirectional control U+202E; these can reorder what a reader sees and are "
                   "not allowed");
    expect_content("\"name\": \"Path One\"", "\"name\": \"Path \\u2066One\"", ".pathways[0].name",
                   "bidirectional control U+2066; these can reorder what a reader sees and are "
                   "not allowed");
    expect_content("\"name\": \"Path One\"", "\"name\": \"Path \\u202aOne\"", ".pathways[0].name",
                   "bidirectional control U+202A; these can reorder what a reader sees and are "
                   "not allowed");
    expect_content("\"name\": \"Path One\"", "\"name\": \"Path \\u2069One\"", ".pathways[0].name",
                   "bidirectional control U+2069; these can reorder what a reader sees and are "
                   "not allowed");
    /* Marks that are not overrides (U+200F RIGHT-TO-LEFT MARK) and right-to-left text are fine. */
    expect_ok("\"name\": \"Path One\"",
              "\"name\": \"Path \\u200fOne \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\"");
}

static void test_unknown_enum(void)
{
    expect_content("\"kind\": \"group\"", "\"kind\": \"club\"", ".supports[0].kind",
                   "\"club\" is not allowed; expected \"group\" or \"program\"");
    expect_content("\"delivery\": [\"online\"]", "\"delivery\": [\"online\", \"mail\"]",
                   ".supports[0].delivery[1]",
                   "\"mail\" is not allowed; expected \"online\", \"in-person\" or \"hybrid\"");
    expect_content("\"status\": \"available\"", "\"status\": \"open\"", ".pathways[0].status",
                   "\"open\" is not allowed; expected \"available\", \"limited\", \"proposed\" or "
                   "\"closed\"");
    expect_content("\"kind\": \"province\"", "\"kind\": \"state\"", ".regions[1].kind",
                   "\"state\" is not allowed; expected \"country\", \"province\", \"territory\", "
                   "\"region\" or \"city\"");
    expect_content("\"residence\": [\"ontario\"]}",
                   "\"residence\": [\"ontario\"], \"status\": [\"visitor\"]}",
                   ".pathways[0].requires.status[0]",
                   "\"visitor\" is not allowed; expected \"citizen\", \"permanent-resident\", "
                   "\"work-permit\" or \"refugee\"");
    expect_content("\"kind\": \"group\"", "\"kind\": \"Group\"", ".supports[0].kind",
                   "\"Group\" is not allowed; expected \"group\" or \"program\"");
}

static void test_empty_array(void)
{
    expect_content("\"regions\": [\"ontario\"]", "\"regions\": []", ".supports[0].regions",
                   "empty array; expected at least one value");
    expect_content("\"delivery\": [\"online\"]", "\"delivery\": []", ".supports[0].delivery",
                   "empty array; expected at least one value");
    expect_content("\"goals\": [\"residency\"]", "\"goals\": []", ".supports[0].goals",
                   "empty array; expected at least one value");
    expect_content("\"services\": [\"networking\"]", "\"services\": []", ".supports[0].services",
                   "empty array; expected at least one value");
    expect_content("\"regions\": [\"canada\"]", "\"regions\": []", ".pathways[0].regions",
                   "empty array; expected at least one value");
    /* Optional arrays may be empty. */
    expect_ok("\"summary\": \"A path.\"", "\"summary\": \"A path.\", \"steps\": [], \"links\": []");
}

static void test_unknown_reference(void)
{
    expect_content("\"regions\": [\"ontario\"]", "\"regions\": [\"niagra-region\"]",
                   ".supports[0].regions[0]",
                   "unknown region \"niagra-region\"; did you mean \"niagara-region\"?");
    expect_content("\"regions\": [\"ontario\"]", "\"regions\": [\"ontario\", \"zzzzzz\"]",
                   ".supports[0].regions[1]",
                   "unknown region \"zzzzzz\"; expected the id of one of the dataset's regions");
    expect_content("\"goal\": \"residency\"", "\"goal\": \"residence\"", ".pathways[0].goal",
                   "unknown goal \"residence\"; did you mean \"residency\"?");
    expect_content("\"exams\": [\"mccqe1\"]", "\"exams\": [\"mccqe2\"]",
                   ".pathways[0].requires.exams[0]",
                   "unknown exam \"mccqe2\"; did you mean \"mccqe1\"?");
    expect_content("\"residence\": [\"ontario\"]", "\"residence\": [\"ontaro\"]",
                   ".pathways[0].requires.residence[0]",
                   "unknown region \"ontaro\"; did you mean \"ontario\"?");
    expect_content("\"source\": \"src\"", "\"source\": \"srcs\"", ".supports[0].source",
                   "unknown source \"srcs\"; did you mean \"src\"?");
    expect_content("\"parent\": \"canada\"", "\"parent\": \"kanada\"", ".regions[1].parent",
                   "unknown region \"kanada\"; did you mean \"canada\"?");
    expect_content("\"summary\": \"A group.\"", "\"summary\": \"A group.\", \"part_of\": \"s2\"",
                   ".supports[0].part_of", "unknown support \"s2\"; did you mean \"s1\"?");
    expect_content("\"summary\": \"A path.\"", "\"summary\": \"A path.\", \"supports\": [\"p1\"]",
                   ".pathways[0].supports[0]", "unknown support \"p1\"; did you mean \"s1\"?");
    expect_content("\"services\": [\"networking\"]", "\"services\": [\"mentorship\"]",
                   ".supports[0].services[0]",
                   "unknown service \"mentorship\"; expected the id of one of the dataset's "
                   "services");
}

static void test_duplicate_id(void)
{
    expect_content("  ],\n  \"pathways\"",
                   "    ,{\"id\": \"s1\", \"kind\": \"program\", \"name\": \"Again\", \"regions\": "
                   "[\"ontario\"], \"delivery\": [\"online\"], \"goals\": [\"residency\"], "
                   "\"services\": [\"networking\"], \"summary\": \"B.\", \"source\": \"src\", "
                   "\"as_of\": \"2021\"}\n  ],\n  \"pathways\"",
                   ".supports[1].id", "duplicate id \"s1\"; first used at .supports[0]");
    expect_content("{\"id\": \"niagara-region\", \"name\": \"Niagara Region\"",
                   "{\"id\": \"ontario\", \"name\": \"Niagara Region\"", ".regions[2].id",
                   "duplicate id \"ontario\"; first used at .regions[1]");
    /* A support and a pathway may share an id in version 1 (different lists), with a warning
     * that says how to reach each (D10; version 2 makes it an error: test_dataset2.c). */
    char *text = patch("\"id\": \"p1\"", "\"id\": \"s1\"");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 1);
    CHECK(find(&d, ".pathways[0].id", DIAG_WARNING) != NULL);
    diags_finish(&d);
    free(text);
}

static void test_duplicate_key(void)
{
    expect_content("\"name\": \"Support One\"", "\"name\": \"Support One\", \"name\": \"Other\"",
                   ".supports[0]", "duplicate key \"name\"; expected each key once");
    expect_content("\"itpnav\": 1,", "\"itpnav\": 1, \"itpnav\": 1,", "",
                   "duplicate key \"itpnav\"; expected each key once");
    /* Three times is still one error. */
    expect_content("\"title\": \"T\"", "\"title\": \"T\", \"title\": \"U\", \"title\": \"V\"",
                   ".dataset", "duplicate key \"title\"; expected each key once");
}

static void test_region_cycle(void)
{
    expect_content_n("{\"id\": \"canada\", \"name\": \"Canada\"",
                     "{\"id\": \"canada\", \"name\": \"Canada\", \"parent\": \"niagara-region\"", 3,
                     ".regions[0].parent",
                     "region \"canada\" is its own ancestor; expected a tree");
    expect_content_n("{\"id\": \"canada\", \"name\": \"Canada\"",
                     "{\"id\": \"canada\", \"name\": \"Canada\", \"parent\": \"niagara-region\"", 3,
                     ".regions[2].parent",
                     "region \"niagara-region\" is its own ancestor; expected a tree");
    expect_content("{\"id\": \"canada\", \"name\": \"Canada\"",
                   "{\"id\": \"canada\", \"name\": \"Canada\", \"parent\": \"canada\"",
                   ".regions[0].parent", "region \"canada\" is its own ancestor; expected a tree");
}

static void test_part_of_itself(void)
{
    expect_content("\"summary\": \"A group.\"", "\"summary\": \"A group.\", \"part_of\": \"s1\"",
                   ".supports[0].part_of", "a support cannot be part of itself");
}

static void test_version(void)
{
    /* Version 2 is read (its rules: test_dataset2.c); others are errors naming both versions. */
    char *text = patch("\"itpnav\": 1", "\"itpnav\": 2");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK_INT(d.version, 2);
    diags_finish(&d);
    free(text);
    CHECK_INT(parse_str(base, 0, &d), 0);
    CHECK_INT(d.version, 1);
    diags_finish(&d);
    text = patch("\"itpnav\": 1", "\"itpnav\": 3");
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.version, 0);
    if (d.n == 1) {
        CHECK_STR(d.v[0].path, ".itpnav");
        CHECK_STR(d.v[0].msg, "format version 3; this itpnav reads versions 1 and 2");
    }
    diags_finish(&d);
    free(text);
    expect_content("\"itpnav\": 1", "\"itpnav\": 1.5", ".itpnav",
                   "format version 1.5; this itpnav reads versions 1 and 2");
}

/* D14a: a number out of range is written as the file writes it (or in whole digits), never in
 * %g's exponent form ("1e+15"). */
static void test_number_words(void)
{
    const char *at = "\"residence\": [\"ontario\"]}";
    expect_content(at, "\"residence\": [\"ontario\"], \"postgrad_years\": 1000000000000001}",
                   ".pathways[0].requires.postgrad_years",
                   "1000000000000001 is out of range; expected a number from 0 to 10^15");
    expect_content(at, "\"residence\": [\"ontario\"], \"postgrad_years\": 2e15}",
                   ".pathways[0].requires.postgrad_years",
                   "2000000000000000 is out of range; expected a number from 0 to 10^15");
    expect_content(at, "\"residence\": [\"ontario\"], \"postgrad_years\": -0.25}",
                   ".pathways[0].requires.postgrad_years",
                   "-0.25 is out of range; expected a number from 0 to 10^15");
    expect_content(at, "\"residence\": [\"ontario\"], \"postgrad_years\": 1e999}",
                   ".pathways[0].requires.postgrad_years",
                   "a number above 10^308 is out of range; expected a number from 0 to 10^15");
    const char *sz = "\"summary\": \"A group.\"";
    expect_content(sz, "\"summary\": \"A group.\", \"size\": {\"count\": 999999999999999.9}",
                   ".supports[0].size.count",
                   "999999999999999.9 is not whole; expected a whole number");
    expect_content(sz, "\"summary\": \"A group.\", \"size\": {\"count\": 1000000000000001}",
                   ".supports[0].size.count",
                   "1000000000000001 is out of range; expected a whole number from 0 to 10^15");
    /* The limit itself is in range. */
    expect_ok(sz, "\"summary\": \"A group.\", \"size\": {\"count\": 1000000000000000}");
}

/* D2: a region chain of n regions (r0 the root), as a dataset. */
static char *region_chain(size_t n, bool cycle)
{
    struct sb b = {0};
    const char *at = strstr(base, "  \"regions\": [\n");
    sb_addn(&b, base, (size_t)(at - base));
    sb_add(&b, "  \"regions\": [\n    {\"id\": \"canada\", \"name\": \"Canada\"},\n"
               "    {\"id\": \"ontario\", \"name\": \"Ontario\"}");
    for (size_t i = 0; i < n; i++) {
        sb_addf(&b, ",\n    {\"id\": \"r%zu\", \"name\": \"R%zu\"", i, i);
        if (i || cycle)
            sb_addf(&b, ", \"parent\": \"r%zu\"", i ? i - 1 : n - 1);
        sb_add(&b, "}");
    }
    sb_add(&b, ",\n    {\"id\": \"niagara-region\", \"name\": \"Niagara Region\"}\n");
    sb_add(&b, strstr(base, "  ],\n  \"goals\""));
    return sb_take(&b);
}

static void test_region_depth(void)
{
    /* 16 levels are allowed, in version 1 too (a safety limit there). */
    char *text = region_chain(16, false);
    struct diags d = {0};
    CHECK_INT(parse_str(text, DATASET_STRICT, &d), 0);
    CHECK_INT(d.n, 0);
    diags_finish(&d);
    free(text);
    /* 17: one error, where the tree first goes too deep, with the depth and the limit. */
    text = region_chain(17, false);
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    const struct diag *g = find(&d, ".regions[18].parent", DIAG_ERROR);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, "region \"r16\" is 17 levels deep; expected at most 16");
    diags_finish(&d);
    free(text);
    /* 5,000 deep (D2): one error, at once; before, check passed it and the load never ended. */
    text = region_chain(5000, false);
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    CHECK(find(&d, ".regions[18].parent", DIAG_ERROR) != NULL);
    diags_finish(&d);
    free(text);
    /* 200,000 deep: still one error, and linear (the test's own timeout is the limit). */
    text = region_chain(200000, false);
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    diags_finish(&d);
    free(text);
    /* A 30,000-region cycle: every region in it is its own ancestor, found in linear time. */
    text = region_chain(30000, true);
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 30000);
    CHECK_INT(d.n, DIAGS_MAX);
    g = find(&d, ".regions[2].parent", DIAG_ERROR);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, "region \"r0\" is its own ancestor; expected a tree");
    diags_finish(&d);
    free(text);
}

/* Regions hanging under a cycle are not in it: only the cycle's regions are reported. */
static void test_region_under_cycle(void)
{
    expect_content_n("{\"id\": \"canada\", \"name\": \"Canada\"",
                     "{\"id\": \"canada\", \"name\": \"Canada\", \"parent\": \"ontario\"", 2,
                     ".regions[1].parent",
                     "region \"ontario\" is its own ancestor; expected a tree");
    char *text = patch("{\"id\": \"canada\", \"name\": \"Canada\"",
                       "{\"id\": \"canada\", \"name\": \"Canada\", \"parent\": \"ontario\"");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), EXIT_DATAERR);
    CHECK(find(&d, ".regions[0].parent", DIAG_ERROR) != NULL);
    CHECK(find(&d, ".regions[2].parent", DIAG_ERROR) == NULL); /* niagara hangs under it */
    diags_finish(&d);
    free(text);
}

static void test_unknown_key(void)
{
    char *text =
            patch("\"summary\": \"A group.\"", "\"summary\": \"A group.\", \"colour\": \"red\"");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 1);
    const struct diag *g = find(&d, ".supports[0].colour", DIAG_WARNING);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, "unknown key \"colour\" (ignored; --strict makes this an error)");
    diags_finish(&d);
    /* Strict: the same finding is an error and the dataset is refused. */
    CHECK_INT(parse_str(text, DATASET_STRICT, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 0);
    g = find(&d, ".supports[0].colour", DIAG_ERROR);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, "unknown key \"colour\" (ignored; --strict makes this an error)");
    diags_finish(&d);
    free(text);
    /* At the top level, and a key that is not a plain name. */
    text = patch("\"itpnav\": 1,", "\"itpnav\": 1, \"x-extra\": {},");
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK_INT(d.warnings, 1);
    CHECK(d.n == 1 && d.v[0].level == DIAG_WARNING && d.v[0].path &&
          strstr(d.v[0].path, "x-extra") != NULL);
    diags_finish(&d);
    free(text);
    /* In requires. */
    text = patch("\"residence\": [\"ontario\"]}", "\"residence\": [\"ontario\"], \"age\": 40}");
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK(find(&d, ".pathways[0].requires.age", DIAG_WARNING) != NULL);
    diags_finish(&d);
    free(text);
}

static void test_listed_twice(void)
{
    char *text = patch("\"regions\": [\"ontario\"]", "\"regions\": [\"ontario\", \"ontario\"]");
    struct diags d = {0};
    CHECK_INT(parse_str(text, 0, &d), 0);
    CHECK_INT(d.warnings, 1);
    const struct diag *g = find(&d, ".supports[0].regions[1]", DIAG_WARNING);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->msg, "\"ontario\" is listed twice");
    diags_finish(&d);
    free(text);
}

static void test_error_limit(void)
{
    /* 150 supports, each with one error (an unknown kind): 100 kept, 150 counted. */
    struct sb b = {0};
    const char *at = strstr(base, "  \"supports\": [\n");
    sb_addn(&b, base, (size_t)(at - base));
    sb_add(&b, "  \"supports\": [\n");
    for (int i = 0; i < 150; i++)
        sb_addf(&b,
                "%s{\"id\": \"s%d\", \"kind\": \"club\", \"name\": \"S\", \"regions\": "
                "[\"ontario\"], "
                "\"delivery\": [\"online\"], \"goals\": [\"residency\"], \"services\": "
                "[\"networking\"], \"summary\": \"A.\", \"source\": \"src\", \"as_of\": "
                "\"2021\"}\n",
                i ? "," : "", i);
    sb_add(&b, strstr(base, "  ],\n  \"pathways\""));
    struct diags d = {0};
    CHECK_INT(parse(b.s, b.len, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 150);
    CHECK_INT(d.n, DIAGS_MAX);
    CHECK_INT(DIAGS_MAX, 100);
    if (d.n == 100) {
        CHECK_STR(d.v[0].path, ".supports[0].kind");
        CHECK_STR(d.v[99].path, ".supports[99].kind");
    }
    /* Printing says how many were left out. */
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    diags_print(&d, f, "x.json");
    fclose(f);
    CHECK(strstr(out, "itpnav: x.json: .supports[0].kind: \"club\" is not allowed; expected "
                      "\"group\" or \"program\"\n") != NULL);
    CHECK(strstr(out, "itpnav: x.json: 50 more errors not shown (the first 100 are above)\n") !=
          NULL);
    free(out);
    diags_finish(&d);
    sb_finish(&b);
}

static void test_all_errors_reported(void)
{
    /* Several independent errors in one file: each is reported, in file order. */
    char *t1 = patch("\"kind\": \"group\"", "\"kind\": \"club\"");
    const char *at = strstr(t1, "\"status\": \"available\"");
    struct sb b = {0};
    sb_addn(&b, t1, (size_t)(at - t1));
    sb_add(&b, "\"status\": \"gone\"");
    sb_add(&b, at + strlen("\"status\": \"available\""));
    struct diags d = {0};
    CHECK_INT(parse(b.s, b.len, 0, &d), EXIT_DATAERR);
    CHECK_INT(d.errors, 2);
    CHECK(find(&d, ".supports[0].kind", DIAG_ERROR) != NULL);
    CHECK(find(&d, ".pathways[0].status", DIAG_ERROR) != NULL);
    diags_finish(&d);
    sb_finish(&b);
    free(t1);
}

static void test_diags_print(void)
{
    struct diags d = {0};
    diags_add(&d, DIAG_ERROR, 3, 7, NULL, "bad %s", "thing");
    diags_add(&d, DIAG_ERROR, 0, 0, ".supports[3].regions[0]", "unknown region \"x\"");
    diags_add(&d, DIAG_WARNING, 0, 0, ".a", "odd");
    diags_add(&d, DIAG_ERROR, 0, 0, NULL, "cannot open: %s", "No such file");
    diags_add(&d, DIAG_ERROR, 0, 0, ".x", "evil \x1b[2J text");
    CHECK_INT(d.errors, 4);
    CHECK_INT(d.warnings, 1);
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    diags_print(&d, f, "data.json");
    fclose(f);
    CHECK_STR(out, "itpnav: data.json:3:7: bad thing\n"
                   "itpnav: data.json: .supports[3].regions[0]: unknown region \"x\"\n"
                   "itpnav: data.json: .a: warning: odd\n"
                   "itpnav: data.json: cannot open: No such file\n"
                   "itpnav: data.json: .x: evil \xEF\xBF\xBD[2J text\n");
    free(out);
    diags_finish(&d);
    CHECK_INT(d.n, 0);
    CHECK(d.v == NULL);
}

static void test_read_file(void)
{
    char *buf = NULL;
    size_t len = 0;
    struct diags d = {0};
    CHECK_INT(dataset_read_file("/nonexistent/itpnav/x.json", &buf, &len, &d), EXIT_NOINPUT);
    CHECK(buf == NULL);
    CHECK_INT(d.errors, 1);
    if (d.n)
        CHECK_STR(d.v[0].msg, "cannot open: No such file or directory");
    diags_finish(&d);
    CHECK_INT(dataset_read_file("/tmp", &buf, &len, &d), EXIT_NOINPUT);
    if (d.n)
        CHECK_STR(d.v[0].msg, "is a directory; expected a dataset file (JSON)");
    diags_finish(&d);
    struct dataset *ds = NULL;
    CHECK_INT(dataset_load(fixture("unit-deep.json"), DATASET_STRICT, &ds, &d), 0);
    CHECK(ds != NULL);
    CHECK_INT(d.n, 0);
    dataset_destroy(ds);
    diags_finish(&d);
}

UNIT_MAIN(CASE(test_base_valid), CASE(test_hash), CASE(test_syntax_trailing_comma),
          CASE(test_syntax_missing_colon), CASE(test_syntax_unterminated_string),
          CASE(test_syntax_truncated), CASE(test_syntax_empty), CASE(test_syntax_control_char),
          CASE(test_syntax_bad_escape), CASE(test_syntax_surrogates), CASE(test_syntax_numbers),
          CASE(test_syntax_garbage_after), CASE(test_syntax_other), CASE(test_syntax_depth),
          CASE(test_invalid_utf8), CASE(test_bom), CASE(test_missing_required_key),
          CASE(test_wrong_type), CASE(test_empty_required_string), CASE(test_bad_id),
          CASE(test_bad_date), CASE(test_date_rules), CASE(test_id_rules), CASE(test_bad_url),
          CASE(test_control_chars), CASE(test_control_chars_everywhere), CASE(test_bidi),
          CASE(test_unknown_enum), CASE(test_empty_array), CASE(test_unknown_reference),
          CASE(test_duplicate_id), CASE(test_duplicate_key), CASE(test_region_cycle),
          CASE(test_part_of_itself), CASE(test_version), CASE(test_number_words),
          CASE(test_region_depth), CASE(test_region_under_cycle), CASE(test_unknown_key),
          CASE(test_listed_twice), CASE(test_error_limit), CASE(test_all_errors_reported),
          CASE(test_diags_print), CASE(test_read_file))
