/* test_jscan.c: the record scanner: every key and element with its bytes, place and index, through
 * buffers of any size; strings that hold brackets and escaped quotes, nesting, a BOM, white space,
 * truncated and unbalanced files (the loader's messages and places), records over the limit,
 * duplicate keys, invalid UTF-8, and files read through a descriptor. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <unistd.h>

#include "common.h"
#include "jscan.h"
#include "util.h"

/* Every item of a scan, written one a line, so that a whole scan compares as one string:
 * "K path type line:col text" for a key, "E path index line:col text" for an element, then
 * "END" or "ERROR line:col message". */
static char *scan_all(const char *doc, size_t len, const struct jscan_options *opt)
{
    struct jscan *s = jscan_open_mem(doc, len, opt);
    struct sb b = {0};
    struct jscan_item it;
    enum jscan_event ev;
    while ((ev = jscan_next(s, &it)) > 0) {
        const char *tag = ev == JSCAN_KEY ? "K" : ev == JSCAN_ELEMENT ? "E" : "V";
        sb_addf(&b, "%s %s %c", tag, it.path, it.type);
        if (ev == JSCAN_ELEMENT)
            sb_addf(&b, " #%zu", it.index);
        sb_addf(&b, " %d:%d @%llu", it.line, it.col, (unsigned long long)it.offset);
        if (it.text)
            sb_addf(&b, " %.*s", (int)it.len, it.text);
        if (it.too_big)
            sb_addf(&b, " TOO-BIG %llu: %s", (unsigned long long)it.too_big, it.problem);
        if (it.dup_line)
            sb_addf(&b, " DUP %d:%d", it.dup_line, it.dup_col);
        if (it.bad_line)
            sb_addf(&b, " BAD %d:%d", it.bad_line, it.bad_col);
        sb_addc(&b, '\n');
    }
    if (ev == JSCAN_END) {
        sb_add(&b, "END");
    } else {
        int line, col;
        const char *msg = jscan_error(s, &line, &col, NULL);
        sb_addf(&b, "ERROR %d:%d %s", line, col, msg ? msg : "(no message)");
    }
    jscan_destroy(s);
    return sb_take(&b);
}

static char *scan_str(const char *doc)
{
    return scan_all(doc, strlen(doc), NULL);
}

/* The last line of a scan (its END or ERROR). */
static const char *last_line(const char *all)
{
    const char *nl = strrchr(all, '\n');
    return nl ? nl + 1 : all;
}

static void keys_and_elements(void)
{
    const char *doc = "{\"itpnav\": 1,\n"
                      " \"dataset\": {\"title\": \"T\"},\n"
                      " \"supports\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n"
                      " \"empty\": []\n"
                      "}\n";
    char *got = scan_str(doc);
    CHECK_STR(got, "K .itpnav 1 1:12 @11 1\n"
                   "K .dataset { 2:13 @26 {\"title\": \"T\"}\n"
                   "K .supports [ 3:14 @55\n"
                   "E .supports[0] { #0 3:15 @56 {\"id\": \"a\"}\n"
                   "E .supports[1] { #1 3:28 @69 {\"id\": \"b\"}\n"
                   "K .empty [ 4:11 @93\n"
                   "END");
    free(got);
}

static void top_level_array(void)
{
    char *got = scan_str("[ {\"a\": [1, 2]} ,\"x\", 3 ]");
    CHECK_STR(got, "E .[0] { #0 1:3 @2 {\"a\": [1, 2]}\n"
                   "E .[1] \" #1 1:18 @17 \"x\"\n"
                   "E .[2] 3 #2 1:23 @22 3\n"
                   "END");
    free(got);
    got = scan_str("[]");
    CHECK_STR(got, "END");
    free(got);
    got = scan_str("  \"just a string\"  ");
    CHECK_STR(got, "V . \" 1:3 @2 \"just a string\"\nEND");
    free(got);
}

static void whole_document(void)
{
    struct jscan_options o = {.flags = JSCAN_WHOLE};
    const char *doc = "\n{\"a\": [1], \"b\": {}}\n";
    char *got = scan_all(doc, strlen(doc), &o);
    CHECK_STR(got, "V . { 2:1 @1 {\"a\": [1], \"b\": {}}\nEND");
    free(got);
}

/* Brackets, braces and escaped quotes inside strings are text, not structure. */
static void strings_with_brackets_and_escapes(void)
{
    const char *doc = "{\"s\": [\"]\", \"}\\\"]\", \"\\\\\", \"\\\\\\\"[\", \"{\\\"a\\\": [\"],\n"
                      " \"k]\\\"\": \"\\u00e9\\ud83d\\ude00\"}";
    char *got = scan_str(doc);
    CHECK_STR(got, "K .s [ 1:7 @6\n"
                   "E .s[0] \" #0 1:8 @7 \"]\"\n"
                   "E .s[1] \" #1 1:13 @12 \"}\\\"]\"\n"
                   "E .s[2] \" #2 1:21 @20 \"\\\\\"\n"
                   "E .s[3] \" #3 1:27 @26 \"\\\\\\\"[\"\n"
                   "E .s[4] \" #4 1:36 @35 \"{\\\"a\\\": [\"\n"
                   "K .[\"k]\\\"\"] \" 2:10 @58 \"\\u00e9\\ud83d\\ude00\"\n"
                   "END");
    free(got);
    /* The key is unescaped for the caller. */
    struct jscan *s = jscan_open_mem("{\"sup\\u0070orts\\n\": []}", 23, NULL);
    struct jscan_item it;
    CHECK_INT(jscan_next(s, &it), JSCAN_KEY);
    CHECK_STR(it.key, "supports\n");
    CHECK_STR(it.path, ".[\"supports\\u000a\"]");
    CHECK_INT(jscan_next(s, &it), JSCAN_END);
    jscan_destroy(s);
}

static void nesting(void)
{
    char *got = scan_str("{\"a\": [[[{\"b\": [{}, [[]]]}]], {\"c\": {\"d\": [1, {\"e\": []}]}}]}");
    CHECK_STR(got, "K .a [ 1:7 @6\n"
                   "E .a[0] [ #0 1:8 @7 [[{\"b\": [{}, [[]]]}]]\n"
                   "E .a[1] { #1 1:31 @30 {\"c\": {\"d\": [1, {\"e\": []}]}}\n"
                   "END");
    free(got);
    /* 64 levels are allowed (the document's own brace is the first); 65 are not, as in the
     * loader. */
    struct sb b = {0};
    sb_add(&b, "{\"a\": [");
    for (int i = 0; i < 62; i++)
        sb_addc(&b, '[');
    for (int i = 0; i < 62; i++)
        sb_addc(&b, ']');
    sb_add(&b, "]}");
    got = scan_str(sb_str(&b));
    CHECK_STR(last_line(got), "END");
    free(got);
    sb_finish(&b);
    sb_add(&b, "{\"a\": [");
    for (int i = 0; i < 63; i++)
        sb_addc(&b, '[');
    for (int i = 0; i < 63; i++)
        sb_addc(&b, ']');
    sb_add(&b, "]}");
    got = scan_str(sb_str(&b));
    CHECK_STR(last_line(got), "ERROR 1:70 nested more than 64 levels deep");
    free(got);
    sb_finish(&b);
}

static void bom_and_white_space(void)
{
    const char *doc =
            "\xEF\xBB\xBF\r\n\t {\r\n  \"k\" \n :\t\n [ 1 ,\n\t2 ]\n ,\"v\":\"\xC3\xA9\"}\n\n";
    char *got = scan_str(doc);
    CHECK_STR(got, "K .k [ 5:2 @22\n"
                   "E .k[0] 1 #0 5:4 @24 1\n"
                   "E .k[1] 2 #1 6:2 @29 2\n"
                   "K .v \" 7:7 @39 \"\xC3\xA9\"\n"
                   "END");
    free(got);
    /* The BOM is not counted in columns, as in the loader. */
    got = scan_str("\xEF\xBB\xBF{\"a\": x}");
    CHECK_STR(last_line(got),
              "ERROR 1:7 unexpected 'x'; expected a value (a string, number, object, array, "
              "true, false or null)");
    free(got);
    /* A column counts characters, not bytes, as the loader does. */
    got = scan_str("{\"\xC3\xA9\xC3\xA9\": x}");
    CHECK_STR(last_line(got),
              "ERROR 1:8 unexpected 'x'; expected a value (a string, number, object, array, "
              "true, false or null)");
    free(got);
}

/* Every syntax error gets the loader's message at the loader's place. */
static void same_errors_as_the_loader(void)
{
    static const char *const bad[] = {
            "",
            "   \n  ",
            "{\"supports\": [{\"id\": \"a\"}, {\"id\": ",
            "{\"supports\": [{\"id\": \"a\"}, {\"id\": \"b",
            "{\"supports\": [{\"id\": \"a\"},",
            "{\"supports\": [1, 2}",
            "{\"a\": {\"b\": [}}",
            "{\"a\": [1, 2,]}",
            "{\"a\": 1,}",
            "{\"a\": 1 \"b\": 2}",
            "{\"a\" 1}",
            "{a: 1}",
            "{\"a\": tru}",
            "{\"a\": 01}",
            "{\"a\": -}",
            "{\"a\": 1.}",
            "{\"a\": 1e}",
            "{\"a\": \"\\x\"}",
            "{\"a\": \"\\u12\"}",
            "{\"a\": \"\\udc00\"}",
            "{\"a\": \"\\ud800x\"}",
            "{\"a\": \"\\u0000\"}",
            "{\"a\": \"tab\there\"}",
            "{\"a\": [\"x\xFF\"]}",
            "{\"a\": [\xC3\xA9]}",
            "{\"a\": 1} x",
            "{\"a\": 1}}",
            "[1, 2",
            "[1 2]",
            "{\"a\": [1], \"b\": [2, [3, {\"c\": ]]}",
            "{\"a\": \"\\",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct diags d = {0};
        struct dataset *ds = NULL;
        int rc = dataset_parse(bad[i], strlen(bad[i]), 0, &ds, &d);
        CHECK(rc == EXIT_DATAERR && d.n >= 1);
        if (rc != EXIT_DATAERR || d.n < 1) {
            dataset_destroy(ds);
            diags_finish(&d);
            continue;
        }
        char *want = xasprintf("ERROR %d:%d %s", d.v[0].line, d.v[0].col, d.v[0].msg);
        char *got = scan_str(bad[i]);
        /* The loader says what it expects of a dataset (an object); the scanner reads lists too. */
        char *w = strstr(want, "expected a JSON object");
        if (w)
            strcpy(w, "expected a JSON object or array");
        if (strcmp(last_line(got), want) != 0) {
            fprintf(stderr, "input %zu: %s\n", i, bad[i]);
            CHECK_STR(last_line(got), want);
        }
        free(got);
        free(want);
        diags_finish(&d);
    }
}

static void truncated_and_unbalanced(void)
{
    char *got = scan_str("{\"supports\": [\n  {\"id\": \"a\"},\n  {\"id\": ");
    CHECK_STR(got, "K .supports [ 1:14 @13\n"
                   "E .supports[0] { #0 2:3 @17 {\"id\": \"a\"}\n"
                   "ERROR 3:10 unexpected end of the file; expected a value (is the file "
                   "truncated?)");
    free(got);
    got = scan_str("{\"supports\": [{\"id\": \"a\"}}");
    CHECK_STR(last_line(got), "ERROR 1:26 unexpected '}'; expected ',' or ']'");
    free(got);
    got = scan_str("{\"a\": \"never closed]}");
    CHECK_STR(last_line(got),
              "ERROR 1:7 unterminated string; expected a closing '\"' before the end of the file");
    free(got);
}

static void record_over_the_limit(void)
{
    /* Element 1 is 36 bytes, the limit 32: it is reported with its size and skipped, and the
     * scan goes on to the next element. */
    const char *doc =
            "{\"s\": [{\"id\": \"a\"}, {\"id\": \"bbbbbbbbbbbbbbbbbbbbbbbbbb\"}, {\"id\": "
            "\"c\"}]}";
    for (size_t chunk = 1; chunk <= 64; chunk += 7) {
        struct jscan_options o = {.max_record = 32, .chunk = chunk};
        char *got = scan_all(doc, strlen(doc), &o);
        CHECK_STR(got, "K .s [ 1:7 @6\n"
                       "E .s[0] { #0 1:8 @7 {\"id\": \"a\"}\n"
                       "E .s[1] { #1 1:21 @20 TOO-BIG 36: the record is 36 bytes; a record may "
                       "be at most 32 bytes\n"
                       "E .s[2] { #2 1:59 @58 {\"id\": \"c\"}\n"
                       "END");
        free(got);
    }
    /* A record of exactly the limit is the largest allowed. */
    struct jscan_options o = {.max_record = 36, .chunk = 3};
    char *got = scan_all(doc, strlen(doc), &o);
    CHECK(strstr(got, "E .s[1] { #1 1:21 @20 {\"id\": \"bbbbbbbbbbbbbbbbbbbbbbbbbb\"}\n"));
    free(got);
    /* A non-array value over the limit is reported the same way; a key over it ends the scan. */
    o.max_record = 10;
    got = scan_all("{\"dataset\": {\"title\": \"long enough\"}}", 37, &o);
    CHECK_STR(got, "K .dataset { 1:13 @12 TOO-BIG 24: the record is 24 bytes; a record may be "
                   "at most 10 bytes\nEND");
    free(got);
    got = scan_all("{\"datasets\": 1, \"datasetss\": 2}", 32, &o);
    CHECK_STR(got, "K .datasets 1 1:14 @13 1\nERROR 1:17 a key of 11 bytes; a key may be at most "
                   "10 bytes");
    free(got);
}

static void duplicate_keys(void)
{
    char *got = scan_str("{\"a\": 1,\n \"b\": [],\n \"a\": 2, \"b\": [3]}");
    CHECK_STR(got, "K .a 1 1:7 @6 1\n"
                   "K .b [ 2:7 @15\n"
                   "K .a 2 3:7 @25 2 DUP 1:2\n"
                   "K .b [ 3:15 @33 DUP 2:2\n"
                   "E .b[0] 3 #0 3:16 @34 3\n"
                   "END");
    free(got);
}

static void invalid_utf8(void)
{
    const char *doc = "{\"s\": [\"ok\", \"bad \xFF byte\", \"ok\"]}";
    char *got = scan_str(doc);
    CHECK_STR(last_line(got), "ERROR 1:19 invalid UTF-8 (byte 0xFF); expected a UTF-8 text file");
    free(got);
    struct jscan_options o = {.flags = JSCAN_LENIENT_UTF8};
    got = scan_all(doc, strlen(doc), &o);
    CHECK_STR(got, "K .s [ 1:7 @6\n"
                   "E .s[0] \" #0 1:8 @7 \"ok\"\n"
                   "E .s[1] \" #1 1:14 @13 \"bad \xFF byte\" BAD 1:19\n"
                   "E .s[2] \" #2 1:28 @27 \"ok\"\n"
                   "END");
    free(got);
}

/* Any buffer size gives the same records: the scanner never depends on where a read ends. */
static void any_chunk_size(void)
{
    static const char *const files[] = {"cli-deep.json", "tui-utf8.json", "cli-match.json",
                                        "cli-bad-syntax.json", "cli-broken.json"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        FILE *fp = fopen(fixture(files[f]), "rb");
        CHECK(fp);
        if (!fp)
            continue;
        struct sb b = {0};
        char tmp[4096];
        size_t n;
        while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
            sb_addn(&b, tmp, n);
        fclose(fp);
        char *want = scan_all(b.s, b.len, NULL);
        for (size_t chunk = 1; chunk < 12; chunk++) {
            struct jscan_options o = {.chunk = chunk};
            char *got = scan_all(b.s, b.len, &o);
            if (strcmp(got, want) != 0) {
                fprintf(stderr, "%s, chunk %zu differs\n", files[f], chunk);
                CHECK_STR(got, want);
            }
            free(got);
        }
        free(want);
        sb_finish(&b);
    }
}

/* Each record handed out parses alone with cJSON, and they add up to the whole document. */
static void records_parse_with_cjson(void)
{
    FILE *fp = fopen(fixture("cli-deep.json"), "rb");
    CHECK(fp);
    if (!fp)
        return;
    struct sb b = {0};
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
        sb_addn(&b, tmp, n);
    fclose(fp);
    cJSON *whole = cJSON_ParseWithLength(b.s, b.len);
    CHECK(whole);
    cJSON *rebuilt = cJSON_CreateObject(), *arr = NULL;
    struct jscan_options o = {.chunk = 5};
    struct jscan *s = jscan_open_mem(b.s, b.len, &o);
    struct jscan_item it;
    enum jscan_event ev;
    size_t records = 0;
    while ((ev = jscan_next(s, &it)) > 0) {
        if (ev == JSCAN_KEY && it.type == '[') {
            arr = cJSON_AddArrayToObject(rebuilt, it.key);
            continue;
        }
        cJSON *v = cJSON_ParseWithLength(it.text, it.len);
        CHECK(v);
        if (!v)
            continue;
        records++;
        if (ev == JSCAN_KEY)
            cJSON_AddItemToObject(rebuilt, it.key, v);
        else
            cJSON_AddItemToArray(arr, v);
    }
    CHECK_INT(ev, JSCAN_END);
    CHECK(records > 10);
    CHECK(cJSON_Compare(whole, rebuilt, true));
    jscan_destroy(s);
    cJSON_Delete(whole);
    cJSON_Delete(rebuilt);
    sb_finish(&b);
}

static void files_and_limits(void)
{
    CHECK(jscan_open("/nonexistent/file.json", -1, NULL) == NULL && errno == ENOENT);
    char path[] = "/tmp/test_jscan_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    const char *doc = "{\"a\": [1, 2, 3], \"b\": \"" /* then 200 x */;
    CHECK(write(fd, doc, strlen(doc)) == (ssize_t)strlen(doc));
    for (int i = 0; i < 200; i++)
        CHECK(write(fd, "x", 1) == 1);
    CHECK(write(fd, "\"}", 2) == 2);
    close(fd);
    struct jscan_options o = {.chunk = 16};
    struct jscan *s = jscan_open(path, -1, &o);
    CHECK(s);
    struct jscan_item it;
    size_t n = 0;
    while (jscan_next(s, &it) > 0)
        n++;
    CHECK_INT(n, 5);
    CHECK(jscan_error(s, NULL, NULL, NULL) == NULL);
    jscan_destroy(s);
    /* Past the file limit: an error that names it, whatever the record boundaries. */
    o.max_file = 100;
    s = jscan_open(path, -1, &o);
    while (jscan_next(s, &it) > 0)
        ;
    int line, col;
    bool io;
    CHECK_STR(jscan_error(s, &line, &col, &io),
              "the file is larger than 100 bytes, the most a dataset may be");
    CHECK(!io && line == 0);
    jscan_destroy(s);
    unlink(path);
}

UNIT_MAIN(CASE(keys_and_elements), CASE(top_level_array), CASE(whole_document),
          CASE(strings_with_brackets_and_escapes), CASE(nesting), CASE(bom_and_white_space),
          CASE(same_errors_as_the_loader), CASE(truncated_and_unbalanced),
          CASE(record_over_the_limit), CASE(duplicate_keys), CASE(invalid_utf8),
          CASE(any_chunk_size), CASE(records_parse_with_cjson), CASE(files_and_limits))
