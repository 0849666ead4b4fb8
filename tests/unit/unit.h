/* unit.h: a tiny harness for itpnav's unit tests: named cases, checks that report where they
 * failed. */
#ifndef ITPNAV_UNIT_H
#define ITPNAV_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;
static const char *unit_case;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, unit_case,        \
                    #cond);                                                                        \
            unit_failures++;                                                                       \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (!g_ || strcmp(g_, w_) != 0) {                                                          \
            fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, unit_case, \
                    g_ ? g_ : "(null)", w_);                                                       \
            unit_failures++;                                                                       \
        }                                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ != w_) {                                                                            \
            fprintf(stderr, "%s:%d: %s: got %lld, want %lld (%s)\n", __FILE__, __LINE__,           \
                    unit_case, g_, w_, #got);                                                      \
            unit_failures++;                                                                       \
        }                                                                                          \
    } while (0)

struct unit_test {
    const char *name;
    void (*fn)(void);
};

/* Run every case in order, print one line a case, and return the exit status for meson. */
static inline int unit_run(const struct unit_test *tests, size_t n)
{
    int failed_cases = 0;
    for (size_t i = 0; i < n; i++) {
        int before = unit_failures;
        unit_case = tests[i].name;
        tests[i].fn();
        int ok = unit_failures == before;
        printf("%s %s\n", ok ? "ok" : "FAIL", tests[i].name);
        failed_cases += !ok;
    }
    printf("%zu passed, %d failed\n", n - (size_t)failed_cases, failed_cases);
    return failed_cases ? 1 : 0;
}

#define UNIT_MAIN(...)                                                                             \
    int main(void)                                                                                 \
    {                                                                                              \
        static const struct unit_test tests_[] = {__VA_ARGS__};                                    \
        return unit_run(tests_, sizeof tests_ / sizeof tests_[0]);                                 \
    }

#define CASE(fn)                                                                                   \
    {                                                                                              \
#fn, fn                                                                                    \
    }

#endif
