/* fuzz_jscan.c: any bytes through the record scanner. It never crashes; any buffer size gives the
 * same records; on a document the loader's syntax check accepts, the scanner accepts it too, each
 * record it hands out parses alone with cJSON, and the records together are what cJSON finds in
 * the whole document; on one the loader refuses, the scanner names the same place and reason.
 *
 * The first byte chooses the read size (1 to 16 bytes, or the default) and whether records over
 * 64 bytes are refused, so that every boundary case of the sliding buffer is reached. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "fuzz.h"
#include "jscan.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    text_init_locale();
    return 0;
}

/* Two trees equal in order, duplicate keys included (cJSON_Compare looks keys up by name). */
static bool same(const cJSON *a, const cJSON *b)
{
    if ((a->type & 0xFF) != (b->type & 0xFF))
        return false;
    if ((a->string == NULL) != (b->string == NULL) ||
        (a->string && strcmp(a->string, b->string) != 0))
        return false;
    if (cJSON_IsString(a))
        return strcmp(a->valuestring, b->valuestring) == 0;
    if (cJSON_IsNumber(a))
        return memcmp(&a->valuedouble, &b->valuedouble, sizeof a->valuedouble) == 0;
    const cJSON *x = a->child, *y = b->child;
    for (; x && y; x = x->next, y = y->next)
        if (!same(x, y))
            return false;
    return !x && !y;
}

/* One scan, written down so that two scans compare; *tree gets the records rebuilt as cJSON when
 * every one parsed (NULL otherwise). Returns the final event. */
static enum jscan_event scan(const char *doc, size_t len, const struct jscan_options *o,
                             struct sb *log, cJSON **tree, char **err)
{
    struct jscan *s = jscan_open_mem(doc, len, o);
    struct jscan_item it;
    enum jscan_event ev;
    cJSON *root = NULL, *arr = NULL;
    bool whole = true;
    while ((ev = jscan_next(s, &it)) > 0) {
        sb_addf(log, "%d %s %c %zu %d:%d %llu %llu %d:%d\n", (int)ev, it.path, it.type, it.index,
                it.line, it.col, (unsigned long long)it.offset, (unsigned long long)it.too_big,
                it.dup_line, it.dup_col);
        FUZZ_CHECK(it.path && it.line >= 1 && it.col >= 1);
        FUZZ_CHECK(it.offset < len);
        if (it.too_big) {
            FUZZ_CHECK(!it.text && it.too_big > o->max_record && it.problem);
            whole = false;
            continue;
        }
        if (ev == JSCAN_KEY && it.type == '[' && !it.text) {
            FUZZ_CHECK(it.key);
            if (!root)
                root = cJSON_CreateObject();
            arr = cJSON_AddArrayToObject(root, it.key);
            continue;
        }
        FUZZ_CHECK(it.text && it.len > 0 && it.offset + it.len <= len);
        FUZZ_CHECK(memcmp(it.text, doc + it.offset, it.len) == 0);
        sb_addn(log, it.text, it.len);
        sb_addc(log, '\n');
        /* What the scanner accepted, cJSON must parse: that is the whole point of a record. */
        cJSON *v = cJSON_ParseWithLength(it.text, it.len);
        FUZZ_CHECK(v);
        if (ev == JSCAN_VALUE) {
            FUZZ_CHECK(!root);
            root = v;
        } else if (ev == JSCAN_KEY) {
            if (!root)
                root = cJSON_CreateObject();
            cJSON_AddItemToObject(root, it.key, v);
        } else if (it.key) {
            FUZZ_CHECK(arr);
            cJSON_AddItemToArray(arr, v);
        } else {
            if (!root)
                root = cJSON_CreateArray();
            cJSON_AddItemToArray(root, v);
        }
    }
    if (ev == JSCAN_ERROR) {
        int line, col;
        bool io;
        const char *msg = jscan_error(s, &line, &col, &io);
        FUZZ_CHECK(msg && !io);
        *err = xasprintf("%d:%d %s", line, col, msg);
        sb_addf(log, "ERROR %s\n", *err);
    }
    jscan_destroy(s);
    if (ev != JSCAN_END || !whole) {
        cJSON_Delete(root);
        root = NULL;
    }
    *tree = root;
    return ev;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    /* An exact-size copy without a terminator: the scanner must respect the length. */
    size_t len = size - 1;
    char *doc = malloc(len ? len : 1);
    FUZZ_CHECK(doc);
    memcpy(doc, data + 1, len);

    struct jscan_options o = {.chunk = (mode & 15) ? (mode & 15) : 0};
    if (mode & 16)
        o.max_record = 64;
    if (mode & 32)
        o.flags |= JSCAN_LENIENT_UTF8;
    if ((mode & 0xC0) == 0xC0)
        o.flags |= JSCAN_WHOLE;
    struct jscan_options big = o;
    big.chunk = 0;

    struct sb log = {0}, log_big = {0};
    cJSON *tree = NULL, *tree_big = NULL;
    char *err = NULL, *err_big = NULL;
    enum jscan_event ev = scan(doc, len, &o, &log, &tree, &err);
    scan(doc, len, &big, &log_big, &tree_big, &err_big);
    /* Where the reads end never changes what is found. */
    FUZZ_CHECK(strcmp(sb_str(&log), sb_str(&log_big)) == 0);
    cJSON_Delete(tree_big);
    free(err_big);

    /* The loader's strict syntax check is the reference: on valid UTF-8 (which it checks first,
     * over the whole file) and without the record limit (the loader has none), it accepts exactly
     * what the scanner accepts, and names the same
     * place and reason when it refuses. */
    size_t bad;
    bool utf8 = text_utf8_valid(doc, len, &bad);
    struct diags d = {0};
    struct dataset *ds = NULL;
    dataset_parse(doc, len, 0, &ds, &d);
    bool syntax_error = d.n > 0 && d.v[0].line > 0;
    if (utf8 && !(o.flags & JSCAN_LENIENT_UTF8) && !o.max_record) {
        FUZZ_CHECK(syntax_error == (ev == JSCAN_ERROR));
        if (syntax_error && ev == JSCAN_ERROR) {
            char *want = xasprintf("%d:%d %s", d.v[0].line, d.v[0].col, d.v[0].msg);
            char *w = strstr(want, "expected a JSON object");
            if (w)
                strcpy(w, "expected a JSON object or array");
            if (strcmp(want, err) != 0)
                fprintf(stderr, "loader: %s\nscanner: %s\n", want, err);
            FUZZ_CHECK(strcmp(want, err) == 0);
            free(want);
        }
    }
    dataset_destroy(ds);
    diags_finish(&d);

    /* Accepted and whole: the records add up to what cJSON finds in the whole document. */
    if (ev == JSCAN_END && tree) {
        const char *body = doc;
        size_t n = len;
        if (n >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
            body += 3;
            n -= 3;
        }
        cJSON *all = cJSON_ParseWithLength(body, n);
        FUZZ_CHECK(all);
        FUZZ_CHECK(same(all, tree));
        cJSON_Delete(all);
    }
    cJSON_Delete(tree);
    free(err);
    sb_finish(&log);
    sb_finish(&log_big);
    free(doc);
    return 0;
}
