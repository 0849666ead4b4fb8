/* bench-query.c: times the query module the way the list screens use it: for each prefix of a
 * word typed one letter at a time, with a region and a goal set, the count and the first
 * screenful (query_count then query_page, as entrylist.c does on every keystroke).
 *
 *     bench-query (--db DB | --data FILE --cache DIR) [--region R] [--goal G] [--word W]
 *                 [--rows N] [--reps N] [--budget-ms MS] [--kinds supports|pathways|all]
 *
 * The list is opened first, untimed (its count and first page without words), as the screen
 * does before the search field takes a letter. Prints one line a prefix (its count and its
 * median time) and a last line
 * "RESULT p50_ms=... p99_ms=... max_ms=... samples=... cpu_p50_ms=... cpu_p99_ms=..." (wall and
 * CPU time) over every keystroke of every
 * repetition, the first repetition included (a person's first word meets a cold page cache).
 * Repetitions stop early, after at least one, once they have taken --budget-ms in all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "query.h"
#include "store.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the keystroke cost, without the time other processes held the
 * CPU (on a busy machine wall time includes theirs). */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile of n sorted values, by the nearest-rank method. */
static double quantile(const double *v, size_t n, double q)
{
    size_t k = (size_t)(q * (double)n + 0.999999);
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return v[k - 1];
}

static int usage(void)
{
    fputs("usage: bench-query (--db DB | --data FILE --cache DIR) [--region R] [--goal G]\n"
          "                   [--word W] [--rows N] [--reps N] [--budget-ms MS]\n"
          "                   [--kinds supports|pathways|all]\n",
          stderr);
    return 64;
}

int main(int argc, char **argv)
{
    const char *db = NULL, *data = NULL, *cache = NULL, *region = NULL, *goal = NULL;
    const char *word = "mentorship", *kinds = "supports";
    int rows = 24, reps = 20;
    double budget = 60e3;
    for (int i = 1; i < argc; i += 2) { /* --option value pairs */
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            return usage();
        if (strcmp(a, "--db") == 0)
            db = v;
        else if (strcmp(a, "--data") == 0)
            data = v;
        else if (strcmp(a, "--cache") == 0)
            cache = v;
        else if (strcmp(a, "--region") == 0)
            region = v;
        else if (strcmp(a, "--goal") == 0)
            goal = v;
        else if (strcmp(a, "--word") == 0)
            word = v;
        else if (strcmp(a, "--kinds") == 0)
            kinds = v;
        else if (strcmp(a, "--rows") == 0)
            rows = atoi(v);
        else if (strcmp(a, "--reps") == 0)
            reps = atoi(v);
        else if (strcmp(a, "--budget-ms") == 0)
            budget = atof(v);
        else
            return usage();
    }
    if ((!db) == (!data) || (data && !cache) || rows < 1 || reps < 1 || strlen(word) > 63)
        return usage();

    struct store *st = NULL;
    struct diags d = {0};
    struct err e = {0};
    char *notice = NULL;
    int rc = db ? store_open_db(db, &st, &e)
                : store_open_dataset(data, cache, 0, &st, &d, &e, &notice);
    diags_print(&d, stderr, db ? db : data);
    diags_finish(&d);
    free(notice);
    if (rc && e.code)
        fprintf(stderr, "bench-query: %s: %s\n", db ? db : data, e.msg);
    if (rc)
        return rc;

    struct query q = {.region = region,
                      .kinds = strcmp(kinds, "pathways") == 0 ? KIND_PATHWAY
                               : strcmp(kinds, "all") == 0    ? 0
                                                              : KIND_SUPPORTS};
    if (goal)
        q.goals[q.n_goals++] = goal;

    size_t len = strlen(word), n = 0;
    double *all = calloc((size_t)reps * len, sizeof *all);
    double *cpu = calloc((size_t)reps * len, sizeof *cpu);
    double *per = calloc((size_t)reps * len, sizeof *per); /* [prefix][rep] */
    size_t *counts = calloc(len, sizeof *counts);
    if (!all || !cpu || !per || !counts)
        return 70;
    /* The list is on the screen before the first letter: its count and first page, untimed. */
    struct page shown;
    size_t listed = 0;
    if (query_count(st, &q, &listed, &e) != 0 || query_page(st, &q, 0, (size_t)rows, &shown, &e)) {
        fprintf(stderr, "bench-query: %s\n", e.msg);
        return 70;
    }
    query_page_finish(&shown);
    char typed[64];
    double start = now_ms();
    int done = 0;
    for (int r = 0; r < reps && (r == 0 || now_ms() - start < budget); r++, done++) {
        for (size_t k = 1; k <= len; k++) {
            memcpy(typed, word, k);
            typed[k] = '\0';
            q.text = typed;
            struct page p;
            size_t count = 0;
            double c0 = cpu_ms(), t0 = now_ms();
            if (query_count(st, &q, &count, &e) != 0 ||
                query_page(st, &q, 0, (size_t)rows, &p, &e) != 0) {
                fprintf(stderr, "bench-query: %s\n", e.msg);
                return 70;
            }
            double dt = now_ms() - t0;
            cpu[n] = cpu_ms() - c0;
            query_page_finish(&p);
            counts[k - 1] = count;
            all[n++] = dt;
            per[(k - 1) * (size_t)reps + (size_t)r] = dt;
        }
    }
    printf("%-12s %8s %10s %10s\n", "typed", "count", "p50 ms", "max ms");
    for (size_t k = 1; k <= len; k++) {
        double *v = per + (k - 1) * (size_t)reps;
        qsort(v, (size_t)done, sizeof *v, cmp_double);
        printf("%-12.*s %8zu %10.2f %10.2f\n", (int)k, word, counts[k - 1],
               quantile(v, (size_t)done, 0.5), v[done - 1]);
    }
    qsort(all, n, sizeof *all, cmp_double);
    qsort(cpu, n, sizeof *cpu, cmp_double);
    printf("RESULT p50_ms=%.2f p99_ms=%.2f max_ms=%.2f samples=%zu reps=%d cpu_p50_ms=%.2f "
           "cpu_p99_ms=%.2f\n",
           quantile(all, n, 0.5), quantile(all, n, 0.99), all[n - 1], n, done,
           quantile(cpu, n, 0.5), quantile(cpu, n, 0.99));
    free(all);
    free(cpu);
    free(per);
    free(counts);
    store_destroy(st);
    return 0;
}
