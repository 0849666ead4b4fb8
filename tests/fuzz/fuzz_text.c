/* fuzz_text.c: any bytes through every function of the text module, checking what it promises:
 * sanitised text holds nothing unsafe, fitted and wrapped text stays inside its width. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    text_init_locale();
    return 0;
}

/* Valid UTF-8 with no character that text_is_unsafe names, no tab, and a newline only when
 * newlines is true. */
static bool safe_text(const char *s, bool newlines)
{
    size_t n = strlen(s), bad;
    if (!text_utf8_valid(s, n, &bad))
        return false;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += text_decode(s + i, n - i, &cp);
        if (cp == '\n' ? !newlines : cp == '\t' || text_is_unsafe(cp))
            return false;
    }
    return true;
}

static void check_decode(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t used = text_decode(s + i, n - i, &cp);
        FUZZ_CHECK(used >= 1 && used <= 4 && used <= n - i);
        FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
        int w = text_cp_width(cp);
        FUZZ_CHECK(w >= 0 && w <= 2);
        /* What decodes encodes back to the same bytes, unless it stood for a bad byte. */
        char enc[4];
        size_t k = text_encode(cp, enc);
        FUZZ_CHECK(k >= 1 && k <= 4);
        if (cp != 0xFFFD)
            FUZZ_CHECK(k == used && memcmp(enc, s + i, k) == 0);
        i += used;
    }
    FUZZ_CHECK(text_decode(s, 0, NULL) == 0);
}

static void check_valid(const char *s, size_t n)
{
    size_t bad = (size_t)-1;
    if (text_utf8_valid(s, n, &bad)) {
        FUZZ_CHECK(bad == (size_t)-1);
    } else {
        FUZZ_CHECK(bad < n);
        FUZZ_CHECK(text_utf8_valid(s, bad, NULL));
    }
}

static void check_fit(const char *s, int width)
{
    static const size_t sizes[] = {1, 2, 3, 4, 5, 8, 17, 64, 1024};
    int whole = text_width(s);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t size = sizes[k];
        char *buf = malloc(size);
        FUZZ_CHECK(buf);
        int cols = text_fit(buf, size, s, width);
        FUZZ_CHECK(strlen(buf) < size);
        FUZZ_CHECK(cols >= 0 && cols <= (width > 0 ? width : 0));
        FUZZ_CHECK(text_width(buf) == cols);
        FUZZ_CHECK(safe_text(buf, false));
        /* A string that fits is kept whole when the buffer has room for it. */
        if (whole <= width && size == 1024 && strlen(s) < 200 && !strchr(s, '\n'))
            FUZZ_CHECK(cols == whole);
        cols = text_pad(buf, size, s, width);
        FUZZ_CHECK(strlen(buf) < size);
        FUZZ_CHECK(cols >= 0 && cols <= (width > 0 ? width : 0));
        FUZZ_CHECK(text_width(buf) == cols);
        if (size == 1024 && width > 0 && width <= 300)
            FUZZ_CHECK(cols == width);
        free(buf);
    }
}

static void check_wrap(const char *s, int width)
{
    struct text_lines *lines = text_wrap(s, width);
    FUZZ_CHECK(lines);
    int limit = width < 1 ? 1 : width;
    for (size_t i = 0; i < lines->n; i++) {
        FUZZ_CHECK(lines->line[i]);
        FUZZ_CHECK(safe_text(lines->line[i], false));
        FUZZ_CHECK(text_width(lines->line[i]) <= limit);
    }
    text_lines_destroy(lines);
}

static void check_sanitize(const char *s)
{
    for (int keep = 0; keep <= 1; keep++) {
        char *clean = text_sanitize(s, keep);
        FUZZ_CHECK(safe_text(clean, keep));
        FUZZ_CHECK(strlen(clean) <= 3 * strlen(s));
        /* Sanitising changes what is drawn, never how wide it is, and twice is once. */
        FUZZ_CHECK(text_width(clean) == text_width(s));
        char *again = text_sanitize(clean, keep);
        FUZZ_CHECK(strcmp(again, clean) == 0);
        free(again);
        free(clean);
    }
}

static void check_fold(const char *s)
{
    char *f = text_fold(s);
    size_t bad;
    FUZZ_CHECK(text_utf8_valid(f, strlen(f), &bad));
    FUZZ_CHECK(strlen(f) <= 3 * strlen(s));
    for (const char *p = f; *p; p++)
        FUZZ_CHECK(!(*p >= 'A' && *p <= 'Z'));
    /* Folding is idempotent. */
    char *g = text_fold(f);
    FUZZ_CHECK(strcmp(f, g) == 0);
    free(g);
    free(f);
}

static void check_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t d = text_distance(a, b);
    FUZZ_CHECK(d <= (la > lb ? la : lb));
    FUZZ_CHECK(d >= (la > lb ? la - lb : lb - la));
    FUZZ_CHECK(d == text_distance(b, a));
    FUZZ_CHECK(text_distance(a, a) == 0);
    FUZZ_CHECK((d == 0) == (strcmp(a, b) == 0));
}

static void check_append(const char *s, size_t n)
{
    char buf[16] = "";
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += text_decode(s + i, n - i, &cp);
        size_t before = strlen(buf);
        if (!text_append_char(buf, sizeof buf, cp)) {
            FUZZ_CHECK(strlen(buf) == before);
            buf[0] = '\0';
        }
        FUZZ_CHECK(strlen(buf) < sizeof buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first byte picks a width (-2 to 125), the rest is the text. */
    int width = size ? (int)data[0] % 128 - 2 : 10;
    const char *bytes = size ? (const char *)data + 1 : "";
    size_t n = size ? size - 1 : 0;
    char *s = malloc(n + 1);
    FUZZ_CHECK(s);
    memcpy(s, bytes, n);
    s[n] = '\0';

    check_decode(bytes, n);
    check_valid(bytes, n);
    check_sanitize(s);
    check_fit(s, width);
    check_wrap(s, width);
    check_fold(s);
    check_append(bytes, n);
    /* The distance is quadratic: two halves of a bounded prefix. */
    size_t half = strlen(s) / 2;
    if (half > 512)
        half = 512;
    char *a = strndup(s, half), *b = strndup(s + half, half);
    FUZZ_CHECK(a && b);
    check_distance(a, b);
    free(a);
    free(b);
    free(s);
    return 0;
}
