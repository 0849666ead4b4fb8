/* fuzz_regions.c: the region tree. The input chooses each region's parent (none, another region,
 * itself, or an id that does not exist) in a dataset built around the fixture; the check must
 * agree with a simple reference (every parent known, no cycle, no region deeper than the
 * format allows), and a tree it accepts must store with the closure the reference expects and
 * answer a list filtered by any of its regions. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "fuzz.h"
#include "query.h"
#include "store.h"
#include "store_impl.h" /* white-box: the closure table */
#include "text.h"
#include "util.h"

#ifndef FUZZ_FIXTURE
#define FUZZ_FIXTURE "tests/fixtures/cli-deep.json"
#endif

/* The most regions an input makes: deeper than any depth limit, small enough to run fast. */
#define MAX_REGIONS 48

static cJSON *base;
static int entries; /* the fixture's supports and pathways, all placed in r0 */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    text_init_locale();
    const char *path = getenv("FUZZ_FIXTURE");
    if (!path || !*path)
        path = FUZZ_FIXTURE;
    char *buf;
    size_t len;
    struct diags d = {0};
    FUZZ_CHECK(dataset_read_file(path, &buf, &len, &d) == 0);
    diags_finish(&d);
    base = cJSON_ParseWithLength(buf, len);
    free(buf);
    FUZZ_CHECK(base);
    static const char *const lists[] = {"supports", "pathways"};
    for (int l = 0; l < 2; l++) {
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(base, lists[l]);
        for (cJSON *e = list ? list->child : NULL; e; e = e->next) {
            cJSON_ReplaceItemInObjectCaseSensitive(
                    e, "regions", cJSON_CreateStringArray((const char *[]){"r0"}, 1));
            cJSON_DeleteItemFromObjectCaseSensitive(e, "part_of");
            entries++;
        }
    }
    return 0;
}

enum { NO_PARENT = -1, UNKNOWN_PARENT = -2 };

/* The reference: every region's level (a root is 1), 0 under a cycle, -1 when its chain reaches
 * a parent that does not exist. Straightforward and quadratic: it follows each chain whole. */
static void reference_levels(const int *parent, int n, int *level)
{
    for (int i = 0; i < n; i++) {
        int at = i, steps = 1;
        while (parent[at] >= 0 && steps <= n) {
            at = parent[at];
            steps++;
        }
        if (steps > n)
            level[i] = 0;
        else if (parent[at] == UNKNOWN_PARENT)
            level[i] = -1;
        else
            level[i] = steps;
    }
}

static sqlite3_int64 scalar(sqlite3 *db, const char *sql, const char *arg)
{
    sqlite3_stmt *s;
    FUZZ_CHECK(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK);
    if (arg)
        sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
    FUZZ_CHECK(sqlite3_step(s) == SQLITE_ROW);
    sqlite3_int64 v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int n = 1 + data[0] % MAX_REGIONS;
    int parent[MAX_REGIONS], level[MAX_REGIONS];
    /* Each next byte is a parent: 0 none, 255 an unknown id, else a region (itself included). */
    for (int i = 0; i < n; i++) {
        uint8_t b = (size_t)i + 1 < size ? data[i + 1] : 0;
        parent[i] = b == 0 ? NO_PARENT : b == 255 ? UNKNOWN_PARENT : (b - 1) % n;
    }
    reference_levels(parent, n, level);
    bool valid = true;
    for (int i = 0; i < n; i++) {
        if (level[i] <= 0)
            valid = false;
#ifdef DATASET_MAX_REGION_DEPTH
        if (level[i] > DATASET_MAX_REGION_DEPTH)
            valid = false;
#endif
    }

    cJSON *root = cJSON_Duplicate(base, true);
    cJSON *regions = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        char id[16], name[32], up[16];
        snprintf(id, sizeof id, "r%d", i);
        snprintf(name, sizeof name, "Region %d", i);
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "id", id);
        cJSON_AddStringToObject(r, "name", name);
        if (parent[i] == UNKNOWN_PARENT)
            cJSON_AddStringToObject(r, "parent", "nowhere");
        else if (parent[i] != NO_PARENT) {
            snprintf(up, sizeof up, "r%d", parent[i]);
            cJSON_AddStringToObject(r, "parent", up);
        }
        cJSON_AddItemToArray(regions, r);
    }
    cJSON_ReplaceItemInObjectCaseSensitive(root, "regions", regions);
    char *json = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    FUZZ_CHECK(json);

    struct diags d = {0};
    struct dataset *ds = NULL;
    int rc = dataset_parse(json, strlen(json), 0, &ds, &d);
    if ((rc == 0) != valid) {
        fprintf(stderr, "the check says %s, the reference %s:\n%s\n", rc ? "invalid" : "valid",
                valid ? "valid" : "invalid", json);
        diags_print(&d, stderr, "fuzz.json");
    }
    FUZZ_CHECK((rc == 0) == valid);
    FUZZ_CHECK(rc == 0 || rc == EXIT_DATAERR);
    diags_finish(&d);
    if (!ds) {
        cJSON_free(json);
        return 0;
    }
    dataset_destroy(ds);

    struct store *st = NULL;
    struct err e = {0};
    struct dataset_input in = {.buf = json, .len = strlen(json)};
    FUZZ_CHECK(store_open_memory(&in, "fuzz.json", 0, &st, &d, &e) == 0);
    diags_finish(&d);
    cJSON_free(json);
    /* Each region is in the closure once with each of its ancestors and once with itself. */
    sqlite3_int64 pairs = 0;
    for (int i = 0; i < n; i++)
        pairs += level[i];
    FUZZ_CHECK(scalar(st->db, "SELECT count(*) FROM region_closure", NULL) == pairs);
    /* A list filtered by a region holds r0's entries when that region is r0's ancestor or
     * descendant (or r0), else nothing. */
    uint8_t pick = size > (size_t)n + 1 ? data[n + 1] : 0;
    int k = pick % n;
    char id[16];
    snprintf(id, sizeof id, "r%d", k);
    FUZZ_CHECK(scalar(st->db, "SELECT depth FROM region WHERE id = ?", id) == level[k] - 1);
    bool related = false;
    for (int at = 0; at >= 0; at = parent[at])
        related |= at == k; /* k is r0 or above it */
    for (int at = k; at >= 0; at = parent[at])
        related |= at == 0; /* k is below r0 */
    struct query q = {.region = id};
    size_t count = 0;
    FUZZ_CHECK(query_count(st, &q, &count, &e) == 0);
    FUZZ_CHECK(count == (related ? (size_t)entries : 0));
    store_destroy(st);
    return 0;
}
