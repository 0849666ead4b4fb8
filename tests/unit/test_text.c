/* test_text.c: unit tests for src/util/text.c (widths, sanitising, fitting, wrapping, folding). */
#include "err.h"
#include "text.h"
#include "util.h"
#include "unit.h"

#include <stdbool.h>
#include <stddef.h>

/* True when s holds nothing a terminal could act on: no C0 but (optionally) newline, no DEL,
 * no C1, no bidi override or isolate, and only valid UTF-8. */
static bool is_terminal_safe(const char *s, bool newline_ok)
{
    size_t n = strlen(s), i = 0;
    if (!text_utf8_valid(s, n, NULL))
        return false;
    while (i < n) {
        unsigned cp;
        i += text_decode(s + i, n - i, &cp);
        if (cp == '\n' && newline_ok)
            continue;
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069))
            return false;
    }
    return true;
}

static void test_locale(void)
{
    CHECK(text_init_locale());
}

static void test_width_ascii(void)
{
    CHECK_INT(text_width(""), 0);
    CHECK_INT(text_width("a"), 1);
    CHECK_INT(text_width("hello, world"), 12);
    CHECK_INT(text_width("a\tb"), 3);
    CHECK_INT(text_width("a\nb"), 3);
}

static void test_width_accented(void)
{
    CHECK_INT(text_width("Québec"), 6);
    CHECK_INT(text_width("Montréal"), 8);
    CHECK_INT(text_width("ÀÉÎÕÜ ç ß"), 9);
}

static void test_width_cjk(void)
{
    CHECK_INT(text_width("中文"), 4);
    CHECK_INT(text_width("日本語"), 6);
    CHECK_INT(text_width("a中b"), 4);
    CHECK_INT(text_width("한국어"), 6);
    CHECK_INT(text_cp_width(0x4E2D), 2);
}

static void test_width_combining(void)
{
    /* e + COMBINING ACUTE ACCENT: one column, like the precomposed é. */
    CHECK_INT(text_width("e\xCC\x81"), 1);
    CHECK_INT(text_width("Que\xCC\x81"
                         "bec"),
              6);
    CHECK_INT(text_cp_width(0x0301), 0);
    CHECK_INT(text_cp_width(0x200B), 0);
}

static void test_width_rtl(void)
{
    CHECK_INT(text_width("שלום"), 4);  /* Hebrew */
    CHECK_INT(text_width("مرحبا"), 5); /* Arabic */
    CHECK_INT(text_width("abc שלום"), 8);
}

static void test_width_invalid(void)
{
    CHECK_INT(text_width("\xFF"), 1);
    CHECK_INT(text_width("a\xFF\xFE"
                         "b"),
              4);
    CHECK_INT(text_width("\xC0\xAF"), 2);         /* overlong "/" */
    CHECK_INT(text_width("\xE2\x82"), 2);         /* truncated */
    CHECK_INT(text_width("\xED\xA0\x80"), 3);     /* surrogate */
    CHECK_INT(text_width("\xF4\x90\x80\x80"), 4); /* above U+10FFFF */
    CHECK_INT(text_cp_width(0x1B), 1);
    CHECK_INT(text_cp_width(0x202E), 1);
    CHECK_INT(text_cp_width(0x0378), 1); /* unassigned */
}

static void test_decode(void)
{
    unsigned cp = 0;
    CHECK_INT(text_decode("", 0, &cp), 0);
    CHECK_INT(text_decode("A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(text_decode("\xC3\xA9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(text_decode("\xE2\x80\xA6", 3, &cp), 3);
    CHECK_INT(cp, 0x2026);
    CHECK_INT(text_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    CHECK_INT(text_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
    CHECK_INT(cp, 0x10FFFF);
    /* Each bad case consumes exactly one byte. */
    CHECK_INT(text_decode("\xC3\xA9", 1, &cp), 1); /* n cuts the sequence */
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(text_decode("\x80", 1, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(text_decode("\xE0\x80\xAF", 3, &cp), 1); /* overlong */
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(text_decode("\xF0\x8F\xBF\xBF", 4, &cp), 1); /* overlong */
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(text_decode("\xED\xBF\xBF", 3, &cp), 1); /* surrogate */
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(text_decode("\xF5\x80\x80\x80", 4, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(text_decode("\xE2\x80"
                          "a",
                          3, &cp),
              1);
    CHECK_INT(cp, 0xFFFD);
}

static void test_is_unsafe(void)
{
    CHECK(!text_is_unsafe('a'));
    CHECK(!text_is_unsafe('\n'));
    CHECK(!text_is_unsafe('\t'));
    CHECK(text_is_unsafe(0x00));
    CHECK(text_is_unsafe(0x1B));
    CHECK(text_is_unsafe('\r'));
    CHECK(text_is_unsafe(0x7F));
    CHECK(text_is_unsafe(0x9B));
    CHECK(text_is_unsafe(0x202A));
    CHECK(text_is_unsafe(0x202E));
    CHECK(text_is_unsafe(0x2066));
    CHECK(text_is_unsafe(0x2069));
    CHECK(!text_is_unsafe(0x2029)); /* the neighbours of the bidi ranges are not overrides */
    CHECK(!text_is_unsafe(0x202F));
    CHECK(!text_is_unsafe(0x2065));
    CHECK(!text_is_unsafe(0x206A));
    CHECK(!text_is_unsafe(0xA0));
    CHECK(!text_is_unsafe(0xA0));
    CHECK(!text_is_unsafe(0x200E)); /* LRM is a mark, not an override */
}

static void test_sanitize_escapes(void)
{
    char *s = text_sanitize("a\x1b[31mred\x1b[0m", false);
    CHECK_STR(s, "a\xEF\xBF\xBD[31mred\xEF\xBF\xBD[0m");
    CHECK(is_terminal_safe(s, false));
    free(s);

    /* OSC 8 hyperlink / title, terminated by BEL and by ST. */
    s = text_sanitize("\x1b]0;pwned\x07x\x1b]8;;http://e\x1b\\", false);
    CHECK_STR(s, "\xEF\xBF\xBD]0;pwned\xEF\xBF\xBDx\xEF\xBF\xBD]8;;http://e\xEF\xBF\xBD\\");
    CHECK(is_terminal_safe(s, false));
    free(s);

    s = text_sanitize("a\bb\rc\x7f"
                      "d",
                      false);
    CHECK_STR(s, "a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD"
                 "c\xEF\xBF\xBD"
                 "d");
    free(s);

    /* U+009B is a one-character CSI on terminals that honour C1. */
    s = text_sanitize("x\xC2\x9B"
                      "31m",
                      false);
    CHECK_STR(s, "x\xEF\xBF\xBD"
                 "31m");
    CHECK(is_terminal_safe(s, false));
    free(s);
}

static void test_sanitize_bidi(void)
{
    char *s = text_sanitize("abc\xE2\x80\xAE"
                            "fdp.exe",
                            false); /* U+202E */
    CHECK_STR(s, "abc\xEF\xBF\xBD"
                 "fdp.exe");
    free(s);
    s = text_sanitize("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD"
                      "\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9",
                      false);
    CHECK_STR(s, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                 "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(is_terminal_safe(s, false));
    free(s);
    CHECK_INT(text_width("\xE2\x80\xAE"), 1);
}

static void test_sanitize_newlines_tabs(void)
{
    char *s = text_sanitize("a\tb\nc", false);
    CHECK_STR(s, "a b c");
    free(s);
    s = text_sanitize("a\tb\nc\r\n", true);
    CHECK_STR(s, "a b\nc\xEF\xBF\xBD\n");
    CHECK(is_terminal_safe(s, true));
    CHECK(!is_terminal_safe(s, false));
    free(s);
}

static void test_sanitize_invalid(void)
{
    char *s = text_sanitize("Qu\xE9"
                            "bec",
                            false); /* Latin-1 é */
    CHECK_STR(s, "Qu\xEF\xBF\xBD"
                 "bec");
    free(s);
    s = text_sanitize("\xE2\x82", false);
    CHECK_STR(s, "\xEF\xBF\xBD\xEF\xBF\xBD");
    free(s);
    s = text_sanitize("ok Québec 中 \xEF\xBF\xBD", false);
    CHECK_STR(s, "ok Québec 中 \xEF\xBF\xBD");
    free(s);
    s = text_sanitize("", true);
    CHECK_STR(s, "");
    free(s);
}

static void test_sanitize_all_controls(void)
{
    /* Every C0 and C1 control and DEL, in one string. */
    char raw[32 * 2 + 33 * 2 + 1];
    size_t o = 0;
    for (unsigned c = 1; c < 0x20; c++)
        raw[o++] = (char)c;
    raw[o++] = 0x7F;
    for (unsigned c = 0x80; c <= 0x9F; c++) {
        raw[o++] = (char)(0xC0 | (c >> 6));
        raw[o++] = (char)(0x80 | (c & 0x3F));
    }
    raw[o] = '\0';
    char *s = text_sanitize(raw, true);
    CHECK(is_terminal_safe(s, true));
    /* 31 C0 minus tab and newline, DEL, 32 C1: 62 replacements, one space, one newline. */
    CHECK_INT(strlen(s), 62 * 3 + 2);
    free(s);
    s = text_sanitize(raw, false);
    CHECK(is_terminal_safe(s, false));
    CHECK(strchr(s, '\n') == NULL);
    free(s);
}

/* Printable ASCII is read eight bytes at a time (text_printable_ascii): every byte that is not,
 * at every place in and around a word of eight, still reaches the careful reading. */
static void test_sanitize_every_byte_everywhere(void)
{
    for (unsigned b = 1; b < 0x100; b++)
        for (size_t at = 0; at < 17; at++) {
            char raw[18];
            memset(raw, 'a', 17);
            raw[17] = '\0';
            raw[at] = (char)b;
            bool printable = b >= 0x20 && b < 0x7f;
            CHECK(text_printable_ascii(raw, 17, false) == printable);
            CHECK(text_printable_ascii(raw, 17, true) == (printable || b == '\n'));
            char *s = text_sanitize(raw, false);
            if (printable) {
                CHECK_STR(s, raw);
                CHECK_INT(text_width(raw), 17);
            } else {
                CHECK(strcmp(s, raw) != 0);
                CHECK(is_terminal_safe(s, false));
                CHECK_INT(text_width(raw), 17);
            }
            free(s);
        }
}

static void test_fit_exact(void)
{
    char buf[64];
    CHECK_INT(text_fit(buf, sizeof buf, "hello", 5), 5);
    CHECK_STR(buf, "hello");
    CHECK_INT(text_fit(buf, sizeof buf, "hello", 10), 5);
    CHECK_STR(buf, "hello");
    CHECK_INT(text_fit(buf, sizeof buf, "hello", 4), 4);
    CHECK_STR(buf, "hel…");
    CHECK_INT(text_fit(buf, sizeof buf, "Montréal", 8), 8);
    CHECK_STR(buf, "Montréal");
    CHECK_INT(text_fit(buf, sizeof buf, "Montréal", 6), 6);
    CHECK_STR(buf, "Montr…");
    CHECK_INT(text_fit(buf, sizeof buf, "Montréal", 7), 7);
    CHECK_STR(buf, "Montré…");
    CHECK_INT(text_fit(buf, sizeof buf, "a\nb", 3), 3);
    CHECK_STR(buf, "a b");
    CHECK_INT(text_fit(buf, sizeof buf, "\x1b[2J", 10), 4);
    CHECK_STR(buf, "\xEF\xBF\xBD[2J");
}

static void test_fit_wide_boundary(void)
{
    char buf[64];
    CHECK_INT(text_fit(buf, sizeof buf, "中文字", 6), 6);
    CHECK_STR(buf, "中文字");
    /* 5 columns: two wide characters and the ellipsis. */
    CHECK_INT(text_fit(buf, sizeof buf, "中文字", 5), 5);
    CHECK_STR(buf, "中文…");
    /* 4 columns: the second character would straddle the ellipsis' column. */
    CHECK_INT(text_fit(buf, sizeof buf, "中文字", 4), 3);
    CHECK_STR(buf, "中…");
    CHECK_INT(text_fit(buf, sizeof buf, "a中", 2), 2);
    CHECK_STR(buf, "a…");
    CHECK_INT(text_fit(buf, sizeof buf, "ab中", 3), 3);
    CHECK_STR(buf, "ab…");
    /* A combining mark stays with its letter. */
    CHECK_INT(text_fit(buf, sizeof buf, "xe\xCC\x81y", 3), 3);
    CHECK_STR(buf, "xe\xCC\x81y");
    CHECK_INT(text_fit(buf, sizeof buf, "xe\xCC\x81yz", 3), 3);
    CHECK_STR(buf, "xe\xCC\x81…");
}

static void test_fit_small_widths(void)
{
    char buf[16];
    strcpy(buf, "junk");
    CHECK_INT(text_fit(buf, sizeof buf, "hello", 0), 0);
    CHECK_STR(buf, "");
    strcpy(buf, "junk");
    CHECK_INT(text_fit(buf, sizeof buf, "hello", -3), 0);
    CHECK_STR(buf, "");
    CHECK_INT(text_fit(buf, sizeof buf, "hello", 1), 1);
    CHECK_STR(buf, "…");
    CHECK_INT(text_fit(buf, sizeof buf, "h", 1), 1);
    CHECK_STR(buf, "h");
    CHECK_INT(text_fit(buf, sizeof buf, "中", 1), 1);
    CHECK_STR(buf, "…");
    CHECK_INT(text_fit(buf, sizeof buf, "", 5), 0);
    CHECK_STR(buf, "");
}

static void test_fit_tiny_buffer(void)
{
    char buf[8];
    /* bufsz 4: room for the ellipsis alone. */
    CHECK_INT(text_fit(buf, 4, "hello", 10), 1);
    CHECK_STR(buf, "…");
    CHECK_INT(text_fit(buf, 4, "abc", 10), 3);
    CHECK_STR(buf, "abc");
    /* bufsz 3: no room for the ellipsis; a prefix of whole characters. */
    CHECK_INT(text_fit(buf, 3, "hello", 10), 2);
    CHECK_STR(buf, "he");
    CHECK_INT(text_fit(buf, 3, "éé", 10), 1);
    CHECK_STR(buf, "é");
    CHECK_INT(text_fit(buf, 3, "中", 10), 0);
    CHECK_STR(buf, "");
    CHECK_INT(text_fit(buf, 1, "hello", 10), 0);
    CHECK_STR(buf, "");
    /* bufsz 6: "中" plus the ellipsis would need 7 bytes. */
    CHECK_INT(text_fit(buf, 6, "中文字", 10), 1);
    CHECK_STR(buf, "…");
    CHECK_INT(text_fit(buf, 7, "中文字", 10), 3);
    CHECK_STR(buf, "中…");
    buf[0] = 'x';
    CHECK_INT(text_fit(buf, 0, "hello", 10), 0);
    CHECK_INT(buf[0], 'x');
    for (size_t sz = 1; sz <= sizeof buf; sz++) {
        text_fit(buf, sz,
                 "Qu\xC3\xA9"
                 "b\xE4\xB8\xAD"
                 "c\xFF",
                 20);
        CHECK(strlen(buf) < sz);
        CHECK(text_utf8_valid(buf, strlen(buf), NULL));
    }
}

static void test_pad(void)
{
    char buf[64];
    CHECK_INT(text_pad(buf, sizeof buf, "ab", 5), 5);
    CHECK_STR(buf, "ab   ");
    CHECK_INT(text_pad(buf, sizeof buf, "é", 3), 3);
    CHECK_STR(buf, "é  ");
    CHECK_INT(text_pad(buf, sizeof buf, "中文字", 4), 4);
    CHECK_STR(buf, "中… ");
    CHECK_INT(text_pad(buf, sizeof buf, "hello", 3), 3);
    CHECK_STR(buf, "he…");
    CHECK_INT(text_pad(buf, sizeof buf, "", 2), 2);
    CHECK_STR(buf, "  ");
    CHECK_INT(text_pad(buf, sizeof buf, "x", 0), 0);
    CHECK_STR(buf, "");
    CHECK_INT(text_pad(buf, 4, "a", 10), 3);
    CHECK_STR(buf, "a  ");
}

/* Wrap s and compare with the want lines, and check no line is wider than width. */
static void check_wrap(const char *s, int width, const char *const *want, size_t nwant)
{
    struct text_lines *l = text_wrap(s, width);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK_INT(l->n, nwant);
    for (size_t i = 0; i < l->n && i < nwant; i++)
        CHECK_STR(l->line[i], want[i]);
    for (size_t i = 0; i < l->n; i++) {
        CHECK(text_width(l->line[i]) <= (width < 1 ? 1 : width));
        CHECK(strchr(l->line[i], '\n') == NULL);
        CHECK(is_terminal_safe(l->line[i], false));
    }
    text_lines_destroy(l);
}

#define WRAP(s, width, ...)                                                                        \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__};                                          \
        check_wrap((s), (width), want_, sizeof want_ / sizeof want_[0]);                           \
    } while (0)

static void test_wrap_spaces(void)
{
    WRAP("the quick brown fox", 10, "the quick", "brown fox");
    WRAP("the quick brown fox", 9, "the quick", "brown fox");
    WRAP("the quick brown fox", 8, "the", "quick", "brown", "fox");
    WRAP("the quick brown fox", 80, "the quick brown fox");
    WRAP("a  b", 4, "a  b");
    WRAP("aaa   bbb", 5, "aaa", "bbb");
    WRAP("trailing   ", 20, "trailing");
    WRAP("  indented text", 20, "  indented text");
    WRAP("a\tb", 5, "a b");
}

static void test_wrap_long_words(void)
{
    WRAP("abcdefghij", 4, "abcd", "efgh", "ij");
    WRAP("see abcdefghij", 5, "see", "abcde", "fghij");
    WRAP("Montréalais", 4, "Mont", "réal", "ais");
    WRAP("xy", 0, "x", "y");
    WRAP("xy", -5, "x", "y");
}

static void test_wrap_newlines(void)
{
    WRAP("one\ntwo", 10, "one", "two");
    WRAP("one\n\ntwo", 10, "one", "", "two");
    WRAP("one\n\n\n", 10, "one", "", "");
    WRAP("\n", 10, "");
    WRAP("a b c\nd", 3, "a b", "c", "d");
    WRAP("  \nx", 10, "", "x");
    check_wrap("", 10, NULL, 0);
}

static void test_wrap_cjk(void)
{
    WRAP("中文中文中", 4, "中文", "中文", "中");
    WRAP("中文中文中", 5, "中文", "中文", "中");
    WRAP("a中文", 4, "a中", "文");
    WRAP("中文 字", 7, "中文 字");
    WRAP("中文 字", 6, "中文", "字");
    /* A wide character fits on no line of width 1. */
    WRAP("中a", 1, "\xEF\xBF\xBD", "a");
}

static void test_wrap_sanitised(void)
{
    WRAP("\x1b[31mred\r\n", 20, "\xEF\xBF\xBD[31mred\xEF\xBF\xBD");
    WRAP("x\xE2\x80\xAEy", 20, "x\xEF\xBF\xBDy");
    WRAP("ab\xFF"
         "cd",
         2, "ab",
         "\xEF\xBF\xBD"
         "c",
         "d");
}

static void test_fold(void)
{
    char *s = text_fold("Québec");
    CHECK_STR(s, "quebec");
    free(s);
    s = text_fold("ÉCOLE");
    CHECK_STR(s, "ecole");
    free(s);
    s = text_fold("Straße");
    CHECK_STR(s, "strasse");
    free(s);
    s = text_fold("Çà Æsir Øre ŒUVRE Łódź Þór İstanbul ÿ");
    CHECK_STR(s, "ca aesir ore oeuvre lodz thor istanbul y");
    free(s);
    s = text_fold("Que\xCC\x81"
                  "bec"); /* decomposed */
    CHECK_STR(s, "quebec");
    free(s);
    s = text_fold("2×3÷1 中文 Ωμέγα");
    CHECK_STR(s, "2×3÷1 中文 Ωμέγα");
    free(s);
    s = text_fold("A\xFF"
                  "B\xC3");
    CHECK_STR(s, "a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD");
    free(s);
    s = text_fold("");
    CHECK_STR(s, "");
    free(s);
}

static void test_fold_range(void)
{
    /* Every letter of U+00C0-U+017F folds to lower-case ASCII; × and ÷ are kept. */
    for (unsigned cp = 0xC0; cp < 0x180; cp++) {
        char in[3] = {(char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)), '\0'};
        char *s = text_fold(in);
        if (cp == 0xD7 || cp == 0xF7) {
            CHECK_STR(s, in);
        } else {
            size_t len = strlen(s);
            CHECK(len == 1 || len == 2);
            for (size_t i = 0; i < len; i++)
                CHECK(s[i] >= 'a' && s[i] <= 'z');
        }
        free(s);
    }
}

/* The nearest of cands (NULL-terminated) to want, by the one "did you mean" rule. */
static char *nearest_of(const char *want, const char *const *cands)
{
    struct text_nearest n;
    text_nearest_init(&n, want);
    for (const char *const *c = cands; *c; c++)
        text_nearest_offer(&n, *c, *c);
    return text_nearest_take(&n);
}

static void check_nearest(const char *want, const char *const *cands, const char *expect)
{
    char *got = nearest_of(want, cands);
    if (expect)
        CHECK_STR(got, expect);
    else if (got)
        fprintf(stderr, "  nearest to \"%s\" = \"%s\", want none\n", want, got);
    if (!expect)
        CHECK(got == NULL);
    free(got);
}

/* One rule for every "did you mean": at most a third of the word's bytes wrong, and 2 always. */
static void test_nearest(void)
{
    static const char *const ids[] = {"kingston", "mccqe1", "residency", "ontario", "s1", NULL};
    check_nearest("kingstn", ids, "kingston");
    check_nearest("mccqe2", ids, "mccqe1");
    check_nearest("residnce", ids, "residency"); /* 9 bytes: 3 allowed; 2 here */
    check_nearest("rsdncy", ids, NULL);          /* 6 bytes: 2 allowed; 3 here */
    check_nearest("s2", ids, "s1");
    check_nearest("xy", ids, "s1"); /* 2 edits are allowed even in a short word */
    check_nearest("xyz", ids, NULL);
    check_nearest("zzzzzzzzzzzzzzzzzzzz", ids, NULL);
    check_nearest("", ids, NULL);
    static const char *const none[] = {NULL};
    check_nearest("kingston", none, NULL);
    /* Ties: the first offered wins. */
    static const char *const tie[] = {"abcx", "abcy", NULL};
    check_nearest("abcz", tie, "abcx");
    /* What is compared and what is suggested may differ (a folded name and the name). */
    struct text_nearest n;
    text_nearest_init(&n, "montral");
    text_nearest_offer(&n, "montreal", "Montréal");
    text_nearest_offer(&n, NULL, "skipped");
    char *got = text_nearest_take(&n);
    CHECK_STR(got, "Montréal");
    free(got);
    CHECK(n.best == NULL);
    CHECK(text_nearest_take(&n) == NULL);
}

/* Prefixes and words before edit distance: what a person types is often the start of a name. */
static void test_nearest_prefix(void)
{
    static const char *const goals[] = {"residency", "pra", "clinical-assistant",
                                        "alternative-career", NULL};
    check_nearest("alt", goals, "alternative-career");    /* not "pra", 3 edits away */
    check_nearest("career", goals, "alternative-career"); /* a later word */
    check_nearest("clin", goals, "clinical-assistant");
    check_nearest("res", goals, "residency");
    /* One byte is too little to be a start: only the distance rule. */
    static const char *const few[] = {"alternative-career", "ab", NULL};
    check_nearest("a", few, "ab");
    /* The shortest of the names that begin with it; a beginning before a later word. */
    static const char *const exams[] = {"mccqe12", "mccqe1", NULL};
    check_nearest("mccqe", exams, "mccqe1");
    static const char *const places[] = {"greater sudbury", "sudbury north", NULL};
    check_nearest("sud", places, "sudbury north");
    static const char *const places2[] = {"ottawa", "greater sudbury", "niagara", NULL};
    check_nearest("sudbury", places2, "greater sudbury");
    /* A beginning wins over a closer typo. */
    static const char *const near[] = {"nias", "niagara", NULL};
    check_nearest("niag", near, "niagara");
    /* Typos still find their word. */
    check_nearest("niagra", places2, "niagara");
    /* A word must start after a separator, not inside a word. */
    static const char *const inside[] = {"ontario", NULL};
    check_nearest("ario", inside, NULL);
}

/* err_set: the code comes back, NULL records nothing, and a long message is cut between
 * characters. */
static void test_err(void)
{
    struct err e = {0};
    CHECK_INT(err_set(&e, EXIT_IOERR, "query failed: %s", "disk I/O error"), EXIT_IOERR);
    CHECK_INT(e.code, EXIT_IOERR);
    CHECK_STR(e.msg, "query failed: disk I/O error");
    CHECK_INT(err_set(NULL, EXIT_USAGE, "nothing %d", 1), EXIT_USAGE);
    char *long_text = malloc(2 * sizeof e.msg + 1);
    if (!long_text)
        return;
    for (size_t i = 0; i < sizeof e.msg; i++)
        memcpy(long_text + 2 * i, "é", 2);
    long_text[2 * sizeof e.msg] = '\0';
    for (int shift = 0; shift < 2; shift++) {
        err_set(&e, EXIT_DATAERR, "%s%s", shift ? "x" : "", long_text);
        size_t bad = 0;
        CHECK(text_utf8_valid(e.msg, strlen(e.msg), &bad));
        CHECK(strlen(e.msg) >= sizeof e.msg - 3);
    }
    free(long_text);
}

static void test_distance(void)
{
    CHECK_INT(text_distance("kitten", "sitting"), 3);
    CHECK_INT(text_distance("sitting", "kitten"), 3);
    CHECK_INT(text_distance("", ""), 0);
    CHECK_INT(text_distance("", "abc"), 3);
    CHECK_INT(text_distance("abcd", ""), 4);
    CHECK_INT(text_distance("same", "same"), 0);
    CHECK_INT(text_distance("flaw", "lawn"), 2);
    CHECK_INT(text_distance("e", "é"), 2); /* bytes: 'e' vs C3 A9 */
}

static void test_utf8_valid(void)
{
    size_t bad = 99;
    CHECK(text_utf8_valid("", 0, &bad));
    CHECK_INT(bad, 99);
    CHECK(text_utf8_valid("Québec 中文 😀", strlen("Québec 中文 😀"), &bad));
    CHECK(text_utf8_valid("a\0b", 3, &bad));
    CHECK(!text_utf8_valid("abc\xFF"
                           "def",
                           7, &bad));
    CHECK_INT(bad, 3);
    CHECK(!text_utf8_valid("\x80", 1, &bad));
    CHECK_INT(bad, 0);
    CHECK(!text_utf8_valid("Qu\xC3\xA9\xC3", 5, &bad)); /* truncated at the end */
    CHECK_INT(bad, 4);
    CHECK(!text_utf8_valid("ab\xED\xA0\x80", 5, &bad)); /* surrogate */
    CHECK_INT(bad, 2);
    CHECK(!text_utf8_valid("\xC1\xBF", 2, &bad)); /* overlong */
    CHECK_INT(bad, 0);
    CHECK(!text_utf8_valid("é\xF4\x90\x80\x80", 6, &bad)); /* > U+10FFFF */
    CHECK_INT(bad, 2);
    /* n stops before the end of a valid sequence. */
    CHECK(!text_utf8_valid("a\xC3\xA9", 2, &bad));
    CHECK_INT(bad, 1);
    CHECK(!text_utf8_valid("\xFF", 1, NULL));
}

static void test_encode(void)
{
    char b[4];
    CHECK_INT(text_encode('A', b), 1);
    CHECK(b[0] == 'A');
    CHECK_INT(text_encode(0xE9, b), 2);
    CHECK(memcmp(b, "\xC3\xA9", 2) == 0);
    CHECK_INT(text_encode(0x4E2D, b), 3);
    CHECK(memcmp(b, "\xE4\xB8\xAD", 3) == 0);
    CHECK_INT(text_encode(0x1F600, b), 4);
    CHECK(memcmp(b, "\xF0\x9F\x98\x80", 4) == 0);
    CHECK_INT(text_encode(0xD800, b), 0);
    CHECK_INT(text_encode(0x110000, b), 0);
    char s[6] = "ab";
    CHECK(text_append_char(s, sizeof s, 0xE9));
    CHECK_STR(s, "ab\xC3\xA9");
    CHECK(!text_append_char(s, sizeof s, 0x4E2D)); /* would not fit with its NUL */
    CHECK_STR(s, "ab\xC3\xA9");
}

static void test_delete(void)
{
    char s[32] = "Montréal é";
    text_delete_char(s); /* a two-byte character goes whole */
    CHECK_STR(s, "Montréal ");
    text_delete_word(s); /* the spaces and the word before them */
    CHECK_STR(s, "");
    text_delete_char(s); /* nothing to delete: still empty */
    CHECK_STR(s, "");
    snprintf(s, sizeof s, "a 日本");
    text_delete_char(s);
    CHECK_STR(s, "a 日");
    text_delete_word(s);
    CHECK_STR(s, "a ");
}

/* text_copy never leaves half a character: it backs off to the last whole one. */
static void test_copy(void)
{
    char buf[8];
    CHECK_INT(text_copy(buf, sizeof buf, "abc"), 3);
    CHECK_STR(buf, "abc");
    /* 漢 is 3 bytes: two fit in 7 bytes, the third would be cut, so it goes whole. */
    CHECK_INT(text_copy(buf, sizeof buf, "漢漢漢"), 6);
    CHECK_STR(buf, "漢漢");
    CHECK(text_utf8_valid(buf, strlen(buf), NULL));
    CHECK_INT(text_copy(buf, 3, "é漢"), 2);
    CHECK_STR(buf, "é");
    CHECK_INT(text_copy(buf, 1, "abc"), 0);
    CHECK_STR(buf, "");
}

/* text_ascii: ASCII only, as wide as what it replaces. */
static void test_ascii(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
            {"Québec", "Quebec"},
            {"ÉCOLE Montréal", "ECOLE Montreal"},
            {"l’école — “bien”", "l'ecole - \"bien\""},
            {"Straße", "Strase"},
            {"多伦多 Toronto", "?????? Toronto"},
            {"Cafe\xcc\x81", "Cafe"},
            {"a\x1b[31mb", "a?[31mb"},
            {"★ 3 · ok…", "? 3 - ok."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *a = text_ascii(cases[i].in);
        CHECK_STR(a, cases[i].out);
        for (const char *p = a; *p; p++)
            CHECK((unsigned char)*p < 0x80);
        CHECK_INT(text_width(a), text_width(cases[i].in));
        free(a);
    }
}

/* text_fit_middle keeps a name's start and its end, cut between words when it can be. */
static void test_fit_middle(void)
{
    char buf[256];
    const char *name = "Practice-ready assessment for specialists (Nova Scotia Health)";
    CHECK_INT(text_fit_middle(buf, sizeof buf, name, 80), text_width(name));
    CHECK_STR(buf, name);
    int w = text_fit_middle(buf, sizeof buf, name, 50);
    CHECK(w <= 50);
    CHECK_INT(text_width(buf), w);
    CHECK(strncmp(buf, "Practice-ready assessment", 25) == 0);
    CHECK(strstr(buf, "…") != NULL);
    size_t n = strlen(buf);
    CHECK(n > strlen("(Nova Scotia Health)") &&
          strcmp(buf + n - strlen("(Nova Scotia Health)"), "(Nova Scotia Health)") == 0);
    /* Wide characters are never cut in two, and the width is never passed. */
    const char *cjk = "多伦多国际医学毕业生职业发展与执照考试准备计划中心";
    for (int width = 1; width <= 52; width++) {
        w = text_fit_middle(buf, sizeof buf, cjk, width);
        CHECK(w <= width);
        CHECK(text_utf8_valid(buf, strlen(buf), NULL));
        CHECK(strstr(buf, TEXT_REPLACEMENT) == NULL);
    }
}

/* A web address is never cut by text_wrap_links: a line of its own, whole, when it is longer than
 * a line; text_wrap still keeps every line within the width. */
static void test_wrap_links(void)
{
    const char *url = "https://example.org/a/long/path/to/a/page/about/the/program.html";
    char *text = xasprintf("See %s for the rules.", url);
    struct text_lines *l = text_wrap_links(text, 30);
    CHECK_INT(l->n, 3);
    if (l->n == 3) {
        CHECK_STR(l->line[0], "See");
        CHECK_STR(l->line[1], url);
        CHECK_STR(l->line[2], "for the rules.");
    }
    text_lines_destroy(l);
    l = text_wrap(text, 30);
    for (size_t i = 0; i < l->n; i++)
        CHECK(text_width(l->line[i]) <= 30);
    text_lines_destroy(l);
    /* One that fits is wrapped like any word. */
    l = text_wrap_links("Website: https://x.ca/a and more", 20);
    CHECK_INT(l->n, 3);
    if (l->n == 3) {
        CHECK_STR(l->line[0], "Website:");
        CHECK_STR(l->line[1], "https://x.ca/a and");
    }
    text_lines_destroy(l);
    free(text);
    CHECK(text_has_url("https://x.ca", 12));
    CHECK(text_has_url("(http://x.ca)", 13));
    CHECK(text_has_url("www.example.org", 15));
    CHECK(!text_has_url("e.g.", 4));
}

/* The ellipsis can be ASCII, and text_fit makes room for however wide it is. */
static void test_ellipsis(void)
{
    char buf[64];
    text_set_ellipsis("...");
    CHECK_INT(text_fit(buf, sizeof buf, "abcdefghij", 8), 8);
    CHECK_STR(buf, "abcde...");
    CHECK_INT(text_fit(buf, sizeof buf, "abcdefghij", 2), 2);
    CHECK_STR(buf, "ab"); /* no room for it: a clean prefix */
    text_set_ellipsis(NULL);
    CHECK_INT(text_fit(buf, sizeof buf, "abcdefghij", 8), 8);
    CHECK_STR(buf, "abcdefg…");
}

UNIT_MAIN(CASE(test_encode), CASE(test_delete), CASE(test_locale), CASE(test_width_ascii),
          CASE(test_width_accented), CASE(test_width_cjk), CASE(test_width_combining),
          CASE(test_width_rtl), CASE(test_width_invalid), CASE(test_decode), CASE(test_is_unsafe),
          CASE(test_sanitize_escapes), CASE(test_sanitize_bidi), CASE(test_sanitize_newlines_tabs),
          CASE(test_sanitize_invalid), CASE(test_sanitize_all_controls),
          CASE(test_sanitize_every_byte_everywhere), CASE(test_fit_exact),
          CASE(test_fit_wide_boundary), CASE(test_fit_small_widths), CASE(test_fit_tiny_buffer),
          CASE(test_pad), CASE(test_wrap_spaces), CASE(test_wrap_long_words),
          CASE(test_wrap_newlines), CASE(test_wrap_cjk), CASE(test_wrap_sanitised), CASE(test_fold),
          CASE(test_fold_range), CASE(test_distance), CASE(test_nearest), CASE(test_nearest_prefix),
          CASE(test_err), CASE(test_utf8_valid), CASE(test_copy), CASE(test_ascii),
          CASE(test_fit_middle), CASE(test_wrap_links), CASE(test_ellipsis))
