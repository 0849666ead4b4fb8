/* text.c: measures, sanitises, fits, wraps and folds UTF-8 text so that no byte from the data
 * can move the cursor, change the terminal's state or reorder what is drawn. */
#include "text.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#include "util.h"

#define REPLACEMENT_CP 0xFFFDu

/* What ends a string cut to fit: "…" (U+2026), or what text_set_ellipsis chose. */
static const char *ellipsis = "\xE2\x80\xA6";
static size_t ellipsis_len = 3;
static int ellipsis_cols = 1;

/* Whether the locale the user chose was UTF-8 before text_init_locale borrowed one. */
static bool user_utf8 = true;

static bool codeset_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

bool text_init_locale(void)
{
    user_utf8 = setlocale(LC_CTYPE, "") && codeset_is_utf8();
    if (user_utf8)
        return true;
    /* The user's locale is C or a legacy charset: wcwidth() would then call every non-ASCII
     * character unprintable, so borrow a UTF-8 locale for character classes only. */
    if (setlocale(LC_CTYPE, "C.UTF-8") && codeset_is_utf8())
        return true;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") && codeset_is_utf8())
        return true;
    return false;
}

bool text_locale_utf8(void)
{
    return user_utf8;
}

void text_set_ellipsis(const char *e)
{
    ellipsis = e && e[0] ? e : "\xE2\x80\xA6";
    ellipsis_len = strlen(ellipsis);
    ellipsis_cols = text_width(ellipsis);
}

static bool is_cont(unsigned char b)
{
    return (b & 0xC0u) == 0x80u;
}

/* Strict decoding: *ok tells a real U+FFFD in the input from one standing for a bad byte, which
 * text_utf8_valid needs. The ranges of the second byte are those of RFC 3629's table, which is
 * what rules out overlong forms, surrogates and code points above U+10FFFF in one test. */
static size_t decode(const char *s, size_t n, unsigned *cp, bool *ok)
{
    if (n == 0) {
        *cp = REPLACEMENT_CP;
        *ok = false;
        return 0;
    }
    const unsigned char *u = (const unsigned char *)s;
    unsigned b0 = u[0];
    size_t len;
    unsigned lo = 0x80u, hi = 0xBFu, v;

    if (b0 < 0x80u) {
        *cp = b0;
        *ok = true;
        return 1;
    } else if (b0 >= 0xC2u && b0 <= 0xDFu) {
        len = 2;
        v = b0 & 0x1Fu;
    } else if (b0 >= 0xE0u && b0 <= 0xEFu) {
        len = 3;
        v = b0 & 0x0Fu;
        if (b0 == 0xE0u)
            lo = 0xA0u;
        else if (b0 == 0xEDu)
            hi = 0x9Fu;
    } else if (b0 >= 0xF0u && b0 <= 0xF4u) {
        len = 4;
        v = b0 & 0x07u;
        if (b0 == 0xF0u)
            lo = 0x90u;
        else if (b0 == 0xF4u)
            hi = 0x8Fu;
    } else {
        goto bad;
    }
    if (n < len || u[1] < lo || u[1] > hi)
        goto bad;
    v = (v << 6) | (u[1] & 0x3Fu);
    /* Checking each byte before reading the next keeps a NUL inside a truncated sequence from
     * letting us run past the end of a C string. */
    for (size_t i = 2; i < len; i++) {
        if (!is_cont(u[i]))
            goto bad;
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    *cp = v;
    *ok = true;
    return len;

bad:
    *cp = REPLACEMENT_CP;
    *ok = false;
    return 1;
}

size_t text_decode(const char *s, size_t n, unsigned *cp)
{
    bool ok;
    unsigned tmp;
    size_t used = decode(s, n, &tmp, &ok);
    if (cp)
        *cp = tmp;
    return used;
}

bool text_is_unsafe(unsigned cp)
{
    if (cp < 0x20u)
        return cp != '\n' && cp != '\t';
    if (cp >= 0x7Fu && cp <= 0x9Fu)
        return true;
    /* Overrides and isolates can make the terminal draw later text before earlier text, which
     * would let a name pretend to be something else (the "Trojan Source" trick). */
    return (cp >= 0x202Au && cp <= 0x202Eu) || (cp >= 0x2066u && cp <= 0x2069u);
}

/* Width of a code point we will print as is, or -1 when it must be replaced. */
static int printable_width(unsigned cp)
{
    if (cp >= 0x20u && cp < 0x7Fu) /* printable ASCII: one column in every locale */
        return 1;
    if (text_is_unsafe(cp) || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        return -1;
    /* Code points the C library does not know (unassigned, or newer than its tables) are
     * replaced too: the terminal's guess at their width could differ from ours and shift
     * everything drawn after them on the line. */
    return wcwidth((wchar_t)cp);
}

int text_cp_width(unsigned cp)
{
    if (cp == '\n' || cp == '\t')
        return 1;
    int w = printable_width(cp);
    return w < 0 ? 1 : w;
}

/* One character of the sanitised form of s: its bytes and columns. */
struct safe_char {
    const char *bytes;
    size_t len;
    int width;
};

static size_t next_safe(const char *s, size_t n, bool keep_newlines, struct safe_char *out)
{
    unsigned cp;
    bool ok;
    size_t used = decode(s, n, &cp, &ok);
    int w;

    out->width = 1;
    if (ok && cp == '\n') {
        out->bytes = keep_newlines ? "\n" : " ";
        out->len = 1;
    } else if (ok && cp == '\t') {
        out->bytes = " ";
        out->len = 1;
    } else if (!ok || (w = printable_width(cp)) < 0) {
        out->bytes = TEXT_REPLACEMENT;
        out->len = sizeof TEXT_REPLACEMENT - 1;
    } else {
        out->bytes = s;
        out->len = used;
        out->width = w;
    }
    return used;
}

int text_width(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s), i = 0;
    if (n < INT_MAX && text_printable_ascii(s, n, false))
        return (int)n; /* a column each */
    int total = 0;
    struct safe_char c;
    while (i < n) {
        i += next_safe(s + i, n - i, true, &c);
        total = total > INT_MAX - c.width ? INT_MAX : total + c.width;
    }
    return total;
}

bool text_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    size_t i = 0;
    unsigned cp;
    bool ok;
    while (i < n) {
        size_t used = decode(s + i, n - i, &cp, &ok);
        if (!ok) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += used;
    }
    return true;
}

bool text_printable_ascii(const char *s, size_t n, bool newlines)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (size_t i = 0; i < n;) {
        if (i + 8 <= n) {
            uint64_t w, del;
            memcpy(&w, s + i, 8);
            del = w ^ (0x7f * ones);
            /* No byte of 0x80 or more, then none below 0x20 (subtracting borrows there first),
             * and none of 0x7f (a zero byte of del). */
            if (!(w & highs) && !((w - 0x20 * ones) & highs) && !((del - ones) & ~del & highs)) {
                i += 8;
                continue;
            }
        }
        unsigned char b = (unsigned char)s[i++];
        if (b >= 0x7f || (b < 0x20 && !(b == '\n' && newlines)))
            return false;
    }
    return true;
}

char *text_sanitize(const char *s, bool keep_newlines)
{
    if (!s)
        s = "";
    size_t n = strlen(s), i = 0, o = 0;
    /* Most text is printable ASCII, and is its own safe form. */
    if (text_printable_ascii(s, n, false))
        return memcpy(xmalloc(n + 1), s, n + 1);
    /* A single bad byte grows to the three of U+FFFD; nothing grows more than that. */
    if (n > (SIZE_MAX - 1) / 3)
        out_of_memory(); /* no allocation could hold it */
    char *out = xmalloc(3 * n + 1);
    struct safe_char c;
    while (i < n) {
        i += next_safe(s + i, n - i, keep_newlines, &c);
        memcpy(out + o, c.bytes, c.len);
        o += c.len;
    }
    out[o] = '\0';
    return out;
}

size_t text_copy(char *buf, size_t n, const char *s)
{
    if (!n)
        return 0;
    size_t len = strlen(s ? s : "");
    if (len >= n) {
        /* Back off to the start of the character that does not fit whole. */
        len = n - 1;
        while (len > 0 && is_cont((unsigned char)s[len]))
            len--;
    }
    memcpy(buf, s ? s : "", len);
    buf[len] = '\0';
    return len;
}

int text_fit(char *buf, size_t bufsz, const char *s, int width)
{
    if (!buf || bufsz == 0)
        return 0;
    buf[0] = '\0';
    if (width <= 0 || !s)
        return 0;

    size_t n = strlen(s), i = 0, room = bufsz - 1, used = 0;
    int cols = 0;
    /* The longest prefix that still leaves room (columns and bytes) for the ellipsis; we fall
     * back to it if the whole string turns out not to fit. */
    size_t mark_bytes = 0;
    int mark_cols = 0;
    bool marked = ellipsis_cols <= width && ellipsis_len <= room;
    struct safe_char c;

    while (i < n) {
        i += next_safe(s + i, n - i, false, &c);
        if (c.width > width - cols || c.len > room - used) {
            if (marked) {
                memcpy(buf + mark_bytes, ellipsis, ellipsis_len);
                buf[mark_bytes + ellipsis_len] = '\0';
                return mark_cols + ellipsis_cols;
            }
            /* No room for the ellipsis at all: a clean prefix is the best we can do. */
            break;
        }
        memcpy(buf + used, c.bytes, c.len);
        used += c.len;
        cols += c.width;
        if (cols <= width - ellipsis_cols && used + ellipsis_len <= room) {
            mark_bytes = used;
            mark_cols = cols;
        }
    }
    buf[used] = '\0';
    return cols;
}

/* How far the cut of text_fit_middle may move to fall between words. */
#define WORD_SLACK 8

int text_fit_middle(char *buf, size_t bufsz, const char *s, int width)
{
    if (!buf || bufsz == 0)
        return 0;
    buf[0] = '\0';
    if (!s || text_width(s) <= width || width < ellipsis_cols + 4)
        return text_fit(buf, bufsz, s, width);
    char *clean = text_sanitize(s, false);
    size_t n = strlen(clean);
    /* Each character's start and the columns before it, for cutting anywhere. */
    size_t *at = xmalloc((n + 1) * sizeof *at);
    int *col = xmalloc((n + 1) * sizeof *col);
    size_t k = 0;
    int c = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        at[k] = i;
        col[k++] = c;
        i += text_decode(clean + i, n - i, &cp);
        c += text_cp_width(cp);
    }
    at[k] = n;
    col[k] = c;
    int room = width - ellipsis_cols, head_room = room - room / 2;
    /* The head: the longest that fits its half, ended at a space near its end if there is one. */
    size_t h = 0;
    while (h < k && col[h + 1] <= head_room)
        h++;
    for (size_t j = h; j > 0 && col[h] - col[j] <= WORD_SLACK; j--)
        if (clean[at[j]] == ' ') {
            h = j;
            break;
        }
    while (h > 0 && clean[at[h - 1]] == ' ')
        h--;
    /* The tail: what is left of the room, started at a word near its start if there is one. */
    int tail_room = room - col[h];
    size_t t = k;
    while (t > h && col[k] - col[t - 1] <= tail_room)
        t--;
    for (size_t j = t; j < k && col[j] - col[t] <= WORD_SLACK; j++)
        if (clean[at[j]] == ' ') {
            t = j + 1;
            break;
        }
    struct sb b = {0};
    sb_addn(&b, clean, at[h]);
    sb_add(&b, ellipsis);
    sb_addn(&b, clean + at[t], n - at[t]);
    int w = text_fit(buf, bufsz, sb_str(&b), width);
    sb_finish(&b);
    free(at);
    free(col);
    free(clean);
    return w;
}

int text_pad(char *buf, size_t bufsz, const char *s, int width)
{
    int cols = text_fit(buf, bufsz, s, width);
    if (!buf || bufsz == 0)
        return cols;
    size_t len = strlen(buf);
    while (cols < width && len + 1 < bufsz) {
        buf[len++] = ' ';
        cols++;
    }
    buf[len] = '\0';
    return cols;
}

struct wrapper {
    struct text_lines *lines;
    size_t cap;
    struct sb cur;
    size_t col;
    bool keep_links; /* a web address is never cut (text_wrap_links) */
};

static void wrapper_emit(struct wrapper *w)
{
    struct text_lines *l = w->lines;
    if (l->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        if (w->cap > SIZE_MAX / sizeof *l->line)
            out_of_memory(); /* no allocation could hold it */
        l->line = xrealloc(l->line, w->cap * sizeof *l->line);
    }
    l->line[l->n++] = sb_take(&w->cur);
    w->col = 0;
}

bool text_has_url(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(s + i, "://", 3) == 0)
            return true;
    return n >= 4 && strncasecmp(s, "www.", 4) == 0;
}

/* p holds one paragraph of sanitised text: valid UTF-8 without newlines or tabs. */
static void wrap_paragraph(struct wrapper *w, const char *p, size_t n, size_t width)
{
    size_t i = 0;
    bool first_line = true;
    size_t emitted = w->lines->n;

    while (i < n) {
        size_t gap = 0;
        while (i < n && p[i] == ' ') {
            gap++;
            i++;
        }
        if (i == n)
            break; /* trailing spaces are dropped */

        size_t start = i, ww = 0;
        unsigned cp;
        while (i < n && p[i] != ' ') {
            if ((unsigned char)p[i] < 0x80) { /* sanitised: printable, a column */
                i++;
                ww++;
                continue;
            }
            i += text_decode(p + i, n - i, &cp);
            ww += (size_t)text_cp_width(cp);
        }
        first_line = w->lines->n == emitted;
        /* Spaces opening a paragraph are indentation worth keeping; spaces where we broke a
         * line are not. */
        if (w->cur.len == 0 && !first_line)
            gap = 0;

        if (w->col + gap + ww <= width) {
            for (size_t k = 0; k < gap; k++)
                sb_addc(&w->cur, ' ');
            sb_addn(&w->cur, p + start, i - start);
            w->col += gap + ww;
            continue;
        }
        if (w->cur.len > 0 && ww <= width) {
            wrapper_emit(w);
            sb_addn(&w->cur, p + start, i - start);
            w->col = ww;
            continue;
        }

        /* A link longer than a line is never cut: it gets a line of its own, wider than the
         * others, so that it can be copied, and found by a terminal, whole. */
        if (w->keep_links && text_has_url(p + start, i - start)) {
            if (w->cur.len > 0)
                wrapper_emit(w);
            sb_addn(&w->cur, p + start, i - start);
            w->col = ww; /* more than width: what follows starts a new line */
            continue;
        }

        /* The word is longer than a line: start it on a fresh line and cut between
         * characters, so zero-width marks stay with the character they modify. */
        if (w->cur.len > 0)
            wrapper_emit(w);
        for (size_t j = start; j < i;) {
            size_t used = text_decode(p + j, i - j, &cp);
            size_t cw = (size_t)text_cp_width(cp);
            const char *bytes = p + j;
            size_t len = used;
            if (cw > width) {
                /* Only a wide character at width 1 gets here; it can fit on no line. */
                bytes = TEXT_REPLACEMENT;
                len = sizeof TEXT_REPLACEMENT - 1;
                cw = 1;
            }
            if (w->col + cw > width)
                wrapper_emit(w);
            sb_addn(&w->cur, bytes, len);
            w->col += cw;
            j += used;
        }
    }
    wrapper_emit(w);
}

static struct text_lines *wrap(const char *s, int width, bool keep_links)
{
    struct text_lines *lines = xmalloc(sizeof *lines);
    lines->line = NULL;
    lines->n = 0;
    struct wrapper w = {lines, 0, {0}, 0, keep_links};
    size_t cols = width < 1 ? 1 : (size_t)width;

    char *clean = text_sanitize(s, true);
    const char *p = clean;
    /* Like splitlines(): an empty string has no lines, and a final newline ends the last line
     * rather than opening another. */
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        wrap_paragraph(&w, p, len, cols);
        if (!nl)
            break;
        p = nl + 1;
    }
    free(clean);
    sb_finish(&w.cur);
    return lines;
}

struct text_lines *text_wrap(const char *s, int width)
{
    return wrap(s, width, false);
}

struct text_lines *text_wrap_links(const char *s, int width)
{
    return wrap(s, width, true);
}

void text_lines_destroy(struct text_lines *lines)
{
    if (!lines)
        return;
    for (size_t i = 0; i < lines->n; i++)
        free(lines->line[i]);
    free(lines->line);
    free(lines);
}

/* Base letters of U+00C0-U+017F, lower case; NULL for the two symbols in the range (× and ÷),
 * which are kept. Ligatures and letters without a decomposition (ß, æ, ø, ł, þ...) get the
 * spelling a reader would type on an ASCII keyboard. */
static const char *const latin_fold[0x180 - 0xC0] = {
        /* U+00C0 */ "a", "a", "a",  "a",  "a", "a", "ae", "c",
        /* U+00C8 */ "e", "e", "e",  "e",  "i", "i", "i",  "i",
        /* U+00D0 */ "d", "n", "o",  "o",  "o", "o", "o",  NULL,
        /* U+00D8 */ "o", "u", "u",  "u",  "u", "y", "th", "ss",
        /* U+00E0 */ "a", "a", "a",  "a",  "a", "a", "ae", "c",
        /* U+00E8 */ "e", "e", "e",  "e",  "i", "i", "i",  "i",
        /* U+00F0 */ "d", "n", "o",  "o",  "o", "o", "o",  NULL,
        /* U+00F8 */ "o", "u", "u",  "u",  "u", "y", "th", "y",
        /* U+0100 */ "a", "a", "a",  "a",  "a", "a", "c",  "c",
        /* U+0108 */ "c", "c", "c",  "c",  "c", "c", "d",  "d",
        /* U+0110 */ "d", "d", "e",  "e",  "e", "e", "e",  "e",
        /* U+0118 */ "e", "e", "e",  "e",  "g", "g", "g",  "g",
        /* U+0120 */ "g", "g", "g",  "g",  "h", "h", "h",  "h",
        /* U+0128 */ "i", "i", "i",  "i",  "i", "i", "i",  "i",
        /* U+0130 */ "i", "i", "ij", "ij", "j", "j", "k",  "k",
        /* U+0138 */ "k", "l", "l",  "l",  "l", "l", "l",  "l",
        /* U+0140 */ "l", "l", "l",  "n",  "n", "n", "n",  "n",
        /* U+0148 */ "n", "n", "n",  "n",  "o", "o", "o",  "o",
        /* U+0150 */ "o", "o", "oe", "oe", "r", "r", "r",  "r",
        /* U+0158 */ "r", "r", "s",  "s",  "s", "s", "s",  "s",
        /* U+0160 */ "s", "s", "t",  "t",  "t", "t", "t",  "t",
        /* U+0168 */ "u", "u", "u",  "u",  "u", "u", "u",  "u",
        /* U+0170 */ "u", "u", "u",  "u",  "w", "w", "y",  "y",
        /* U+0178 */ "y", "z", "z",  "z",  "z", "z", "z",  "s",
};

char *text_fold(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s), i = 0, o = 0;
    /* Folding never lengthens a valid character (ß -> ss is 2 -> 2 bytes); only a bad byte
     * grows, to the three bytes of U+FFFD. */
    if (n > (SIZE_MAX - 1) / 3)
        out_of_memory(); /* no allocation could hold it */
    char *out = xmalloc(3 * n + 1);
    while (i < n) {
        unsigned cp;
        bool ok;
        size_t used = decode(s + i, n - i, &cp, &ok);
        const char *rep = NULL;
        if (!ok) {
            rep = TEXT_REPLACEMENT;
        } else if (cp >= 'A' && cp <= 'Z') {
            out[o++] = (char)(cp - 'A' + 'a');
        } else if (cp >= 0xC0u && cp < 0x180u && latin_fold[cp - 0xC0u]) {
            rep = latin_fold[cp - 0xC0u];
        } else if (cp >= 0x300u && cp <= 0x36Fu) {
            /* Decomposed accents (e + U+0301): drop them so both spellings of "é" meet. */
        } else {
            memcpy(out + o, s + i, used);
            o += used;
        }
        if (rep) {
            size_t len = strlen(rep);
            memcpy(out + o, rep, len);
            o += len;
        }
        i += used;
    }
    out[o] = '\0';
    return out;
}

/* The ASCII character a punctuation mark or space reads as, or 0. */
static char ascii_punct(unsigned cp)
{
    switch (cp) {
    case 0xA0u: /* no-break space */
    case 0x2007u:
    case 0x202Fu: return ' ';
    case 0x2018u:
    case 0x2019u:
    case 0x201Au:
    case 0x201Bu:
    case 0x2032u: return '\'';
    case 0xABu:
    case 0xBBu:
    case 0x201Cu:
    case 0x201Du:
    case 0x201Eu:
    case 0x2033u: return '"';
    case 0xADu: /* soft hyphen */
    case 0xB7u:
    case 0x2010u:
    case 0x2011u:
    case 0x2012u:
    case 0x2013u:
    case 0x2014u:
    case 0x2015u:
    case 0x2212u: return '-';
    case 0x2022u:
    case 0x2023u:
    case 0x2043u: return '*';
    case 0x2026u: return '.';
    case 0xD7u: return 'x';
    case 0xF7u: return '/';
    default: return 0;
    }
}

char *text_ascii(const char *s)
{
    char *clean = text_sanitize(s, true);
    size_t n = strlen(clean), i = 0, o = 0;
    /* Every character becomes at most as many bytes as it had columns (at most 2), never more
     * than its own bytes. */
    char *out = xmalloc(n + 1);
    while (i < n) {
        unsigned cp;
        size_t used = text_decode(clean + i, n - i, &cp);
        int w = text_cp_width(cp);
        char p;
        if (cp < 0x80u) {
            out[o++] = (char)cp;
        } else if ((p = ascii_punct(cp)) != 0) {
            out[o++] = p;
        } else if (cp >= 0xC0u && cp < 0x180u && latin_fold[cp - 0xC0u]) {
            /* One letter for one column: "ß" is "s" here, whatever the search folds it to. */
            char c = latin_fold[cp - 0xC0u][0];
            out[o++] = iswupper((wint_t)cp) ? (char)(c - 'a' + 'A') : c;
        } else if (w > 0) {
            for (int k = 0; k < w; k++)
                out[o++] = '?';
        }
        i += used;
    }
    out[o] = '\0';
    free(clean);
    return out;
}

size_t text_distance(const char *a, const char *b)
{
    if (!a)
        a = "";
    if (!b)
        b = "";
    size_t m = strlen(a), n = strlen(b);
    /* One row over the shorter string is all the recurrence needs. */
    if (n > m) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = m;
        m = n;
        n = tn;
    }
    if (n == 0)
        return m;
    if (n + 1 > SIZE_MAX / sizeof(size_t))
        out_of_memory(); /* no allocation could hold it */
    size_t *row = xmalloc((n + 1) * sizeof *row);
    for (size_t j = 0; j <= n; j++)
        row[j] = j;
    for (size_t i = 1; i <= m; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[n];
    free(row);
    return d;
}

size_t text_encode(unsigned cp, char out[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool text_append_char(char *s, size_t size, unsigned cp)
{
    char buf[4];
    size_t k = text_encode(cp, buf), n = strlen(s);
    if (!k || n + k + 1 > size)
        return false;
    memcpy(s + n, buf, k);
    s[n + k] = '\0';
    return true;
}

void text_delete_char(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[--n] & 0xC0) == 0x80)
        ;
    s[n] = '\0';
}

void text_delete_word(char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    while (n && s[n - 1] != ' ')
        n--;
    s[n] = '\0';
}

/* One rule for every "did you mean": a likely typo has at most a third of the word wrong, and two
 * edits are allowed even in a short word. */
static size_t nearest_limit(size_t len)
{
    return len / 3 > 2 ? len / 3 : 2;
}

void text_nearest_init(struct text_nearest *n, const char *want)
{
    *n = (struct text_nearest){.want = want ? want : "", .best_d = SIZE_MAX, .best_tier = 3};
    n->len = strlen(n->want);
}

static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether a word of cand after its first (one after a space, '-', '(' ...) begins with want. */
static bool later_word_begins(const char *cand, const char *want, size_t len)
{
    for (const char *p = cand + 1; *p; p++)
        if (!word_byte((unsigned char)p[-1]) && word_byte((unsigned char)*p) &&
            strncmp(p, want, len) == 0)
            return true;
    return false;
}

void text_nearest_offer(struct text_nearest *n, const char *cand, const char *value)
{
    if (!cand || !value)
        return;
    size_t k = strlen(cand), d;
    int tier;
    if (n->len >= 2 && k > n->len && strncmp(cand, n->want, n->len) == 0) {
        tier = 0;
        d = k - n->len;
    } else if (n->len >= 2 && k > n->len && later_word_begins(cand, n->want, n->len)) {
        tier = 1;
        d = k;
    } else {
        /* The distance is at least the difference in length: skip what cannot win or be near. */
        size_t gap = k > n->len ? k - n->len : n->len - k;
        if (n->best_tier < 2 || (n->best_tier == 2 && gap >= n->best_d) ||
            gap > nearest_limit(n->len))
            return;
        tier = 2;
        d = text_distance(n->want, cand);
    }
    if (tier < n->best_tier || (tier == n->best_tier && d < n->best_d)) {
        n->best_tier = tier;
        n->best_d = d;
        free(n->best);
        n->best = xstrdup(value);
    }
}

char *text_nearest_take(struct text_nearest *n)
{
    char *best = n->best;
    /* Nothing typed is no typo of anything. */
    if (best && (n->len == 0 || (n->best_tier == 2 && n->best_d > nearest_limit(n->len)))) {
        free(best);
        best = NULL;
    }
    *n = (struct text_nearest){0};
    return best;
}
