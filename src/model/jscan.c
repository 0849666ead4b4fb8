/* jscan.c: a strict JSON scanner over a bounded, sliding buffer that hands out one record at a time
 * (the keys of the top-level object and the elements of top-level arrays), with the loader's
 * syntax messages, so that memory stays flat however large the file is. */
#include "jscan.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

#define CHUNK_DEFAULT ((size_t)64 << 10)
/* The most bytes looked at past the current one (a surrogate pair's second escape). */
#define LOOKAHEAD 8
/* At most this many characters of a key go into a path, as the loader writes them. */
#define PATH_KEY_MAX 40

enum state {
    ST_START,     /* before the document */
    ST_KEY,       /* before a key of the top-level object */
    ST_AFTER_KEY, /* after a key's value: ',' or '}' */
    ST_ELEMENT,   /* before an element of a top-level array */
    ST_AFTER_EL,  /* after an element: ',' or ']' */
    ST_AFTER_DOC, /* after the document: only white space */
    ST_DONE,
};

/* A place in the file, for messages about where a token began. */
struct at {
    int line, col;
};

struct seen_key {
    char *key;
    size_t len;
    struct at at;
};

struct jscan {
    int fd;
    bool own_fd;
    const char *mem;
    size_t mem_len, mem_pos;
    struct jscan_options o;

    char *buf;
    size_t cap, pos, end; /* bytes buf[pos..end) are read and not yet scanned */
    uint64_t base;        /* file offset of buf[0] */
    bool eof;
    int line, col;

    /* The value being kept for the caller: from buf[keep] to the current position. */
    bool keeping, skipping;
    size_t keep;
    size_t rec_values; /* values in it so far */
    uint64_t rec_off;
    struct at bad; /* the first invalid UTF-8 in it (JSCAN_LENIENT_UTF8), line 0 when none */

    enum state state;
    char *key;      /* the current top-level key, unescaped (ELEMENT: its array's) */
    bool top_array; /* the document is an array */
    char doc_type;  /* the document's first byte, once read */
    size_t index;
    struct sb path;
    size_t prefix; /* the length of path's key part for the current list, 0 when not written */
    struct seen_key *keys;
    size_t n_keys;
    char problem[400]; /* room for a translation's longer words */

    bool failed, io;
    enum { ERR_SYNTAX, ERR_UTF8, ERR_SIZE, ERR_IO } kind;
    struct at err_at;
    char msg[400];
    uint64_t hash; /* JSCAN_HASH: FNV-1a of the bytes read */
};

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

/* ---- Errors ---- */

static bool fail_at(struct jscan *s, struct at at, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static bool fail_at(struct jscan *s, struct at at, const char *fmt, ...)
{
    if (s->failed)
        return false;
    s->failed = true;
    s->err_at = at;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->msg, sizeof s->msg, fmt, ap);
    va_end(ap);
    return false;
}

static struct at here(const struct jscan *s)
{
    return (struct at){s->line, s->col};
}

/* " (8 MiB)" for a limit of whole mebibytes, else "": a limit in the words people use. */
static const char *mib(uint64_t n, char buf[32])
{
    if (n < ((uint64_t)1 << 20) || n % ((uint64_t)1 << 20))
        return "";
    if (n % ((uint64_t)1 << 30) == 0)
        /* TRANSLATORS: a size in gibibytes, after a number of bytes. */
        snprintf(buf, 32, _(" (%llu GiB)"), (unsigned long long)(n >> 30));
    else
        /* TRANSLATORS: a size in mebibytes, after a number of bytes. */
        snprintf(buf, 32, _(" (%llu MiB)"), (unsigned long long)(n >> 20));
    return buf;
}

/* ---- Input ---- */

static bool too_large(struct jscan *s)
{
    char m[32];
    s->failed = false; /* this error comes first, whatever was found before */
    /* TRANSLATORS: the limit in bytes, then the same in GiB or MiB (" (4 GiB)"), or nothing. */
    fail_at(s, (struct at){0, 0},
            _("the file is larger than %llu bytes%s, the most a dataset may be"),
            (unsigned long long)s->o.max_file, mib(s->o.max_file, m));
    s->kind = ERR_SIZE;
    return false;
}

static bool refill(struct jscan *s)
{
    if (s->keeping && !s->skipping && s->pos - s->keep > s->o.max_record)
        s->skipping = true; /* too big to hand out: from now on only scanned */
    size_t from = s->keeping && !s->skipping ? s->keep : s->pos;
    if (from > 0) {
        memmove(s->buf, s->buf + from, s->end - from);
        s->base += from;
        s->pos -= from;
        s->end -= from;
        s->keep = s->keep >= from ? s->keep - from : 0;
    }
    if (s->cap - s->end < s->o.chunk) {
        size_t want = s->end + s->o.chunk, cap = s->cap ? s->cap : 4096;
        while (cap < want)
            cap *= 2;
        s->buf = xrealloc(s->buf, cap);
        s->cap = cap;
    }
    size_t room = s->o.chunk;
    ssize_t n;
    if (s->mem) {
        n = (ssize_t)(s->mem_len - s->mem_pos < room ? s->mem_len - s->mem_pos : room);
        memcpy(s->buf + s->end, s->mem + s->mem_pos, (size_t)n);
        s->mem_pos += (size_t)n;
    } else {
        do
            n = read(s->fd, s->buf + s->end, room);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            /* TRANSLATORS: %s is the system's reason ("Input/output error"). */
            fail_at(s, (struct at){0, 0}, _("cannot read: %s"), strerror(errno));
            s->io = true;
            s->kind = ERR_IO;
            return false;
        }
    }
    if (n == 0) {
        s->eof = true;
        return false;
    }
    if (s->o.flags & JSCAN_HASH) {
        uint64_t h = s->hash;
        const unsigned char *p = (const unsigned char *)s->buf + s->end;
        for (ssize_t i = 0; i < n; i++)
            h = (h ^ p[i]) * FNV_PRIME;
        s->hash = h;
    }
    s->end += (size_t)n;
    if (s->base + s->end > s->o.max_file)
        return too_large(s);
    return true;
}

/* Bytes available from the current position, reading until there are need of them (or the end). */
static inline size_t avail(struct jscan *s, size_t need)
{
    while (s->end - s->pos < need && !s->eof && !s->failed)
        if (!refill(s))
            break;
    return s->end - s->pos;
}

static inline int peek(struct jscan *s)
{
    return avail(s, 1) ? (unsigned char)s->buf[s->pos] : -1;
}

static inline void adv(struct jscan *s)
{
    unsigned char c = (unsigned char)s->buf[s->pos++];
    /* Lines and columns hold at INT_MAX: a file may be 4 GiB of one line or of newlines. */
    if (c == '\n') {
        s->line += s->line < INT_MAX;
        s->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        s->col += s->col < INT_MAX;
    }
}

static void skip_ws(struct jscan *s)
{
    for (int c; (c = peek(s)) == ' ' || c == '\t' || c == '\n' || c == '\r';)
        adv(s);
}

/* The length of the valid UTF-8 sequence at p (n bytes there), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t k;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        k = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < k)
        return 0;
    unsigned cp = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

/* Describe the character at the current position for a message, as the loader does. */
static const char *describe(struct jscan *s, char *buf, size_t n)
{
    size_t a = avail(s, 4);
    if (!a)
        return C_("unexpected", "the end of the file");
    unsigned char c = (unsigned char)s->buf[s->pos];
    if (c > 0x20 && c < 0x7f) {
        snprintf(buf, n, "'%c'", c);
    } else {
        unsigned cp;
        text_decode(s->buf + s->pos, a, &cp);
        snprintf(buf, n, "U+%04X", cp);
    }
    return buf;
}

/* The byte at the current position is not UTF-8. */
static bool bad_utf8(struct jscan *s)
{
    /* TRANSLATORS: the byte's value, in hexadecimal. */
    fail_at(s, here(s), _("invalid UTF-8 (byte 0x%02X); expected a UTF-8 text file"),
            (unsigned char)s->buf[s->pos]);
    s->kind = ERR_UTF8;
    return false;
}

/* A byte where a token should start: invalid UTF-8 is named as such, like the loader does. */
static bool unexpected(struct jscan *s, const char *expected)
{
    char b[16];
    size_t a = avail(s, 4);
    if (a && (unsigned char)s->buf[s->pos] >= 0x80 &&
        !utf8_len((const unsigned char *)s->buf + s->pos, a))
        return bad_utf8(s);
    /* TRANSLATORS: what was read ("'x'", "U+00A0" or "the end of the file"), then what
     * was expected there ("',' or '}'", "a key in double quotes"). */
    return fail_at(s, here(s), _("unexpected %s; expected %s"), describe(s, b, sizeof b), expected);
}

/* ---- The grammar (the loader's rules and messages) ---- */

static bool scan_value(struct jscan *s, int depth);

static bool hex4(const char *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return false;
        *v = *v * 16 + d;
    }
    return true;
}

static bool scan_escape(struct jscan *s, struct at esc)
{
    char b[16];
    switch (s->buf[s->pos]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't': adv(s); return true;
    case 'u': break;
    default:
        /* TRANSLATORS: the character after the backslash; the escapes stay as they are. */
        return fail_at(s, esc,
                       _("invalid escape \\%s; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                         "\\uXXXX"),
                       describe(s, b, sizeof b));
    }
    unsigned v, lo;
    if (avail(s, 5) < 5 || !hex4(s->buf + s->pos + 1, &v))
        return fail_at(s, esc, "%s", _("invalid \\u escape; expected four hex digits"));
    for (int i = 0; i < 5; i++)
        adv(s);
    if (v >= 0xDC00 && v <= 0xDFFF)
        /* TRANSLATORS: \\u%04X is the escape as the file writes it. */
        return fail_at(s, esc, _("lone low surrogate \\u%04X; expected a character"), v);
    if (v >= 0xD800 && v <= 0xDBFF) {
        const char *p = s->buf + s->pos;
        if (avail(s, 6) < 6 || (p = s->buf + s->pos, p[0] != '\\') || p[1] != 'u' ||
            !hex4(p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
            /* TRANSLATORS: \\u%04X is the escape as the file writes it. */
            return fail_at(s, esc, _("high surrogate \\u%04X not followed by a low surrogate"), v);
        for (int i = 0; i < 6; i++)
            adv(s);
    } else if (v == 0) {
        return fail_at(s, esc, "%s", _("\\u0000 (NUL) is not allowed in a string"));
    }
    return true;
}

static bool scan_string(struct jscan *s)
{
    struct at open = here(s);
    adv(s);
    for (;;) {
        if (!avail(s, 1))
            break;
        /* The common case without a call a byte: plain ASCII up to the next special one. */
        const unsigned char *p = (const unsigned char *)s->buf;
        size_t i = s->pos, e = s->end;
        while (i < e && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\')
            i++;
        s->col = i - s->pos > (size_t)(INT_MAX - s->col) ? INT_MAX : s->col + (int)(i - s->pos);
        s->pos = i;
        if (i == e)
            continue;
        unsigned char c = p[i];
        if (c == '"') {
            adv(s);
            return true;
        }
        if (c < 0x20)
            /* TRANSLATORS: U+%04X is the character's code. */
            return fail_at(s, here(s),
                           _("control character U+%04X inside a string (write it as an escape "
                             "such as \\n, or remove it)"),
                           c);
        if (c == '\\') {
            struct at esc = here(s);
            adv(s);
            if (!avail(s, 1))
                break;
            if (!scan_escape(s, esc))
                return false;
            continue;
        }
        size_t a = avail(s, 4);
        size_t k = utf8_len((const unsigned char *)s->buf + s->pos, a);
        if (!k) {
            if (!(s->o.flags & JSCAN_LENIENT_UTF8))
                return bad_utf8(s);
            if (!s->bad.line)
                s->bad = here(s);
            k = 1;
        }
        while (k--)
            adv(s);
    }
    if (s->failed)
        return false;
    return fail_at(s, open, "%s",
                   _("unterminated string; expected a closing '\"' before the end of the file"));
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool scan_number(struct jscan *s)
{
    struct at start = here(s);
    if (peek(s) == '-')
        adv(s);
    if (!is_digit(peek(s)))
        return fail_at(s, start, "%s", _("invalid number; expected a digit"));
    if (peek(s) == '0' && avail(s, 2) >= 2 && is_digit(s->buf[s->pos + 1]))
        return fail_at(s, start, "%s", _("invalid number; a number may not start with 0"));
    while (is_digit(peek(s)))
        adv(s);
    if (peek(s) == '.') {
        adv(s);
        if (!is_digit(peek(s)))
            return fail_at(s, start, "%s", _("invalid number; expected a digit after '.'"));
        while (is_digit(peek(s)))
            adv(s);
    }
    if (peek(s) == 'e' || peek(s) == 'E') {
        adv(s);
        if (peek(s) == '+' || peek(s) == '-')
            adv(s);
        if (!is_digit(peek(s)))
            return fail_at(s, start, "%s", _("invalid number; expected a digit in the exponent"));
        while (is_digit(peek(s)))
            adv(s);
    }
    return !s->failed;
}

static bool scan_literal(struct jscan *s, const char *word)
{
    size_t n = strlen(word);
    if (avail(s, n) >= n && memcmp(s->buf + s->pos, word, n) == 0) {
        for (size_t i = 0; i < n; i++)
            adv(s);
        return true;
    }
    if (s->failed)
        return false;
    return unexpected(s, _("a value (a string, number, object, array, true, false or null)"));
}

static bool scan_container(struct jscan *s, int depth, char close)
{
    char b[16];
    if (depth >= JSCAN_MAX_DEPTH)
        /* TRANSLATORS: the most levels of objects and arrays one inside another. */
        return fail_at(s, here(s), _("nested more than %d levels deep"), JSCAN_MAX_DEPTH);
    adv(s);
    skip_ws(s);
    if (peek(s) == close) {
        adv(s);
        return true;
    }
    for (;;) {
        if (close == '}') {
            if (peek(s) != '"')
                return s->failed ? false : unexpected(s, _("a key in double quotes"));
            if (!scan_string(s))
                return false;
            skip_ws(s);
            if (peek(s) != ':')
                return s->failed ? false : unexpected(s, _("':' after the key"));
            adv(s);
        }
        if (!scan_value(s, depth + 1))
            return false;
        skip_ws(s);
        int c = peek(s);
        if (c == ',') {
            adv(s);
            skip_ws(s);
            if (peek(s) == close)
                return fail_at(
                        s, here(s), _("unexpected %s after ','; expected another %s"),
                        describe(s, b, sizeof b),
                        close == '}'
                                ? C_("expected another", "member (a trailing comma is not JSON)")
                                : C_("expected another", "element (a trailing comma is not JSON)"));
            continue;
        }
        if (c == close) {
            adv(s);
            return true;
        }
        if (s->failed)
            return false;
        char what[32];
        /* TRANSLATORS: what may come next: a comma, or the closing '}' or ']'. */
        snprintf(what, sizeof what, _("',' or '%c'"), close);
        return unexpected(s, what);
    }
}

static bool scan_value(struct jscan *s, int depth)
{
    skip_ws(s);
    /* A record of many small values is a large tree once parsed (about 64 bytes a value): past
     * max_values it is only scanned, like one of too many bytes. */
    if (s->keeping && ++s->rec_values > s->o.max_values && s->o.max_values)
        s->skipping = true;
    int c = peek(s);
    if (c < 0) {
        if (s->failed)
            return false;
        return fail_at(s, here(s), "%s",
                       _("unexpected end of the file; expected a value (is the file "
                         "truncated?)"));
    }
    switch (c) {
    case '{': return scan_container(s, depth, '}');
    case '[': return scan_container(s, depth, ']');
    case '"': return scan_string(s);
    case 't': return scan_literal(s, "true");
    case 'f': return scan_literal(s, "false");
    case 'n': return scan_literal(s, "null");
    default:
        if (c == '-' || is_digit(c))
            return scan_number(s);
        return unexpected(s, _("a value (a string, number, object, array, true, false or null)"));
    }
}

/* ---- Records ---- */

static void keep_start(struct jscan *s)
{
    s->keeping = true;
    s->skipping = false;
    s->keep = s->pos;
    s->rec_off = s->base + s->pos;
    s->rec_values = 0;
    s->bad = (struct at){0, 0};
}

/* Scan one value and fill the item with its bytes (or the note that it was too big). */
static bool take_value(struct jscan *s, int depth, struct jscan_item *it)
{
    it->type = (char)s->buf[s->pos];
    it->line = s->line;
    it->col = s->col;
    keep_start(s);
    bool ok = scan_value(s, depth);
    s->keeping = false;
    if (!ok)
        return false;
    uint64_t size = s->base + s->pos - s->rec_off;
    it->offset = s->rec_off;
    if (s->o.max_values && s->rec_values > s->o.max_values && size <= s->o.max_record) {
        it->too_big = size;
        /* TRANSLATORS: the most values a record may hold. */
        snprintf(s->problem, sizeof s->problem,
                 _("the record holds more than %zu values (strings, numbers, objects, arrays); a "
                   "record may hold at most that many"),
                 s->o.max_values);
        it->problem = s->problem;
    } else if (s->skipping || size > s->o.max_record) {
        char m[32];
        it->too_big = size;
        /* TRANSLATORS: the record's size and the limit, in bytes, then the limit in MiB
         * (" (8 MiB)") or nothing. */
        snprintf(s->problem, sizeof s->problem,
                 _("the record is %llu bytes; a record may be at most %zu bytes%s"),
                 (unsigned long long)size, s->o.max_record, mib(s->o.max_record, m));
        it->problem = s->problem;
    } else {
        it->text = s->buf + s->keep;
        it->len = (size_t)size;
    }
    if (s->bad.line) {
        it->bad_line = s->bad.line;
        it->bad_col = s->bad.col;
        if (!it->problem) {
            /* TRANSLATORS: the line and the column of the first byte that is not UTF-8. */
            snprintf(s->problem, sizeof s->problem,
                     _("invalid UTF-8 at line %d, column %d; expected a UTF-8 text file"),
                     s->bad.line, s->bad.col);
            it->problem = s->problem;
        }
    }
    return true;
}

/* The path of a key, as the loader writes it: ".key", or .["..."] with escapes when it is not a
 * plain name or is long. */
static void path_key(struct sb *b, const char *key, size_t n)
{
    bool plain =
            n > 0 && ((*key >= 'a' && *key <= 'z') || (*key >= 'A' && *key <= 'Z') || *key == '_');
    for (size_t i = 0; i < n && plain; i++)
        plain = (key[i] >= 'a' && key[i] <= 'z') || (key[i] >= 'A' && key[i] <= 'Z') ||
                key[i] == '_' || (key[i] >= '0' && key[i] <= '9');
    if (plain && n <= PATH_KEY_MAX) {
        sb_addc(b, '.');
        sb_addn(b, key, n);
        return;
    }
    sb_add(b, plain ? "." : ".[\"");
    size_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        if (chars == PATH_KEY_MAX) {
            sb_add(b, "\xE2\x80\xA6"); /* U+2026 */
            break;
        }
        unsigned cp;
        size_t used = text_decode(key + i, n - i, &cp);
        if (cp == '"' || cp == '\\') {
            sb_addc(b, '\\');
            sb_addc(b, (char)cp);
        } else if (cp == '\t' || cp == '\n' || cp == 0 || text_is_unsafe(cp)) {
            sb_addf(b, "\\u%04x", cp);
        } else {
            sb_addn(b, key + i, used);
        }
        i += used;
    }
    if (!plain)
        sb_add(b, "\"]");
}

static void set_path(struct jscan *s, bool element)
{
    /* The key's part is written once a key (a list may have millions of elements). */
    if (!element || !s->prefix) {
        s->path.len = 0;
        if (s->path.s)
            s->path.s[0] = '\0';
        if (s->key)
            path_key(&s->path, s->key, strlen(s->key));
        else
            sb_addc(&s->path, '.');
        s->prefix = s->path.len;
    }
    s->path.len = s->prefix;
    if (!element) {
        s->prefix = 0;
        return;
    }
    char digits[24], *d = digits + sizeof digits;
    *--d = ']';
    size_t i = s->index;
    do
        *--d = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    *--d = '[';
    sb_addn(&s->path, d, (size_t)(digits + sizeof digits - d));
}

/* Read a top-level key (the scanner is at its opening quote) into s->key. */
static bool take_key(struct jscan *s, struct jscan_item *it)
{
    struct at at = here(s);
    keep_start(s);
    bool ok = scan_string(s);
    s->keeping = false;
    if (!ok)
        return false;
    uint64_t size = s->base + s->pos - s->rec_off;
    if (s->skipping || size > s->o.max_record)
        /* TRANSLATORS: the key's size, then the limit, in bytes. */
        return fail_at(s, at, _("a key of %llu bytes; a key may be at most %zu bytes"),
                       (unsigned long long)size, s->o.max_record);
    size_t n;
    free(s->key);
    s->key = jscan_unescape(s->buf + s->keep, (size_t)size, &n);
    for (size_t i = 0; i < s->n_keys; i++)
        if (s->keys[i].len == n && memcmp(s->keys[i].key, s->key, n) == 0) {
            it->dup_line = s->keys[i].at.line;
            it->dup_col = s->keys[i].at.col;
            return true;
        }
    if (s->n_keys == JSCAN_MAX_KEYS)
        /* TRANSLATORS: the most keys the top-level object may have. */
        return fail_at(s, at, _("more than %d keys in the top-level object"), JSCAN_MAX_KEYS);
    s->keys = xrealloc(s->keys, (s->n_keys + 1) * sizeof *s->keys);
    s->keys[s->n_keys++] = (struct seen_key){xstrdup(s->key), n, at};
    return true;
}

enum jscan_event jscan_next(struct jscan *s, struct jscan_item *it)
{
    *it = (struct jscan_item){.event = JSCAN_ERROR};
    if (s->failed)
        return JSCAN_ERROR;
    for (;;) {
        switch (s->state) {
        case ST_START: {
            if (avail(s, 3) >= 3 && s->base == 0 && s->pos == 0 &&
                memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0)
                s->pos += 3; /* a BOM: not counted in columns, as the loader does */
            skip_ws(s);
            int c = peek(s);
            if (c < 0) {
                if (!s->failed)
                    fail_at(s, (struct at){1, 1}, "%s",
                            (s->o.flags & JSCAN_OBJECT)
                                    ? _("the file is empty; expected a JSON object")
                                    : _("the file is empty; expected a JSON object or array"));
                return JSCAN_ERROR;
            }
            s->doc_type = (char)c;
            if ((c == '{' || c == '[') && !(s->o.flags & JSCAN_WHOLE)) {
                s->top_array = c == '[';
                adv(s);
                skip_ws(s);
                if (peek(s) == (c == '{' ? '}' : ']')) {
                    adv(s);
                    s->state = ST_AFTER_DOC;
                } else {
                    s->state = c == '{' ? ST_KEY : ST_ELEMENT;
                }
                continue;
            }
            it->event = JSCAN_VALUE;
            if (!take_value(s, 0, it))
                return JSCAN_ERROR;
            set_path(s, false);
            it->path = s->path.s;
            s->state = ST_AFTER_DOC;
            return JSCAN_VALUE;
        }
        case ST_KEY: {
            skip_ws(s);
            if (peek(s) != '"') {
                if (!s->failed)
                    unexpected(s, _("a key in double quotes"));
                return JSCAN_ERROR;
            }
            if (!take_key(s, it))
                return JSCAN_ERROR;
            skip_ws(s);
            if (peek(s) != ':') {
                if (!s->failed)
                    unexpected(s, _("':' after the key"));
                return JSCAN_ERROR;
            }
            adv(s);
            skip_ws(s);
            it->event = JSCAN_KEY;
            it->key = s->key;
            set_path(s, false);
            it->path = s->path.s;
            if (peek(s) == '[') {
                it->type = '[';
                it->line = s->line;
                it->col = s->col;
                it->offset = s->base + s->pos;
                /* The array itself is at depth 1, as the loader counts. */
                adv(s);
                skip_ws(s);
                s->index = 0;
                if (peek(s) == ']') {
                    adv(s);
                    s->state = ST_AFTER_KEY;
                } else {
                    s->state = ST_ELEMENT;
                }
                return JSCAN_KEY;
            }
            if (!take_value(s, 1, it))
                return JSCAN_ERROR;
            s->state = ST_AFTER_KEY;
            return JSCAN_KEY;
        }
        case ST_AFTER_KEY: {
            char b[16];
            skip_ws(s);
            int c = peek(s);
            if (c == ',') {
                adv(s);
                skip_ws(s);
                if (peek(s) == '}') {
                    fail_at(s, here(s), _("unexpected %s after ','; expected another %s"),
                            describe(s, b, sizeof b),
                            C_("expected another", "member (a trailing comma is not JSON)"));
                    return JSCAN_ERROR;
                }
                s->state = ST_KEY;
                continue;
            }
            if (c == '}') {
                adv(s);
                s->state = ST_AFTER_DOC;
                continue;
            }
            if (!s->failed)
                unexpected(s, _("',' or '}'"));
            return JSCAN_ERROR;
        }
        case ST_ELEMENT: {
            skip_ws(s);
            it->event = JSCAN_ELEMENT;
            if (peek(s) < 0) {
                if (!s->failed)
                    fail_at(s, here(s), "%s",
                            _("unexpected end of the file; expected a value (is the file "
                              "truncated?)"));
                return JSCAN_ERROR;
            }
            if (!take_value(s, s->top_array ? 1 : 2, it))
                return JSCAN_ERROR;
            it->key = s->top_array ? NULL : s->key;
            it->index = s->index;
            set_path(s, true);
            it->path = s->path.s;
            s->state = ST_AFTER_EL;
            return JSCAN_ELEMENT;
        }
        case ST_AFTER_EL: {
            char b[16];
            skip_ws(s);
            int c = peek(s);
            if (c == ',') {
                adv(s);
                skip_ws(s);
                if (peek(s) == ']') {
                    fail_at(s, here(s), _("unexpected %s after ','; expected another %s"),
                            describe(s, b, sizeof b),
                            C_("expected another", "element (a trailing comma is not JSON)"));
                    return JSCAN_ERROR;
                }
                s->index++;
                s->state = ST_ELEMENT;
                continue;
            }
            if (c == ']') {
                adv(s);
                s->state = s->top_array ? ST_AFTER_DOC : ST_AFTER_KEY;
                continue;
            }
            if (!s->failed)
                unexpected(s, _("',' or ']'"));
            return JSCAN_ERROR;
        }
        case ST_AFTER_DOC:
            skip_ws(s);
            if (peek(s) >= 0) {
                fail_at(s, here(s), "%s",
                        _("unexpected text after the end of the JSON value; expected the end of "
                          "the file"));
                return JSCAN_ERROR;
            }
            if (s->failed)
                return JSCAN_ERROR;
            s->state = ST_DONE;
            continue;
        case ST_DONE: it->event = JSCAN_END; return JSCAN_END;
        }
    }
}

/* ---- Life cycle ---- */

static struct jscan *create(const struct jscan_options *opt)
{
    struct jscan *s = xcalloc(1, sizeof *s);
    if (opt)
        s->o = *opt;
    if (!s->o.max_record)
        s->o.max_record = JSCAN_MAX_RECORD;
    if (!s->o.max_file)
        s->o.max_file = JSCAN_MAX_FILE;
    if (!s->o.chunk)
        s->o.chunk = CHUNK_DEFAULT;
    s->fd = -1;
    s->line = 1;
    s->col = 1;
    s->hash = FNV_OFFSET;
    return s;
}

struct jscan *jscan_open(const char *path, int fd, const struct jscan_options *opt)
{
    if (path) {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return NULL;
    }
    struct jscan *s = create(opt);
    s->fd = fd;
    s->own_fd = path != NULL;
    return s;
}

struct jscan *jscan_open_mem(const char *buf, size_t len, const struct jscan_options *opt)
{
    struct jscan *s = create(opt);
    s->mem = buf ? buf : "";
    s->mem_len = len;
    return s;
}

const char *jscan_error(const struct jscan *s, int *line, int *col, bool *io)
{
    if (line)
        *line = s->err_at.line;
    if (col)
        *col = s->err_at.col;
    if (io)
        *io = s->io;
    return s->failed ? s->msg : NULL;
}

bool jscan_recheck(struct jscan *s)
{
    if (!s->failed || s->kind == ERR_IO || s->kind == ERR_SIZE)
        return false;
    /* Everything before the current position is UTF-8 (the grammar checked each byte it passed):
     * read on from there, a chunk at a time, holding no more than one. */
    s->keeping = false;
    s->o.flags &= ~(unsigned)JSCAN_HASH; /* no identity for a file that fails */
    bool looking = s->kind == ERR_SYNTAX, changed = false;
    int line = s->line, col = s->col;
    for (;;) {
        size_t n = s->end - s->pos;
        if (n < 4 && !s->eof) {
            /* A sequence may straddle two reads: keep its first bytes. */
            bool more = s->failed;
            s->failed = false;
            bool ok = refill(s);
            if (s->kind == ERR_SIZE || s->kind == ERR_IO)
                return true;
            s->failed = more;
            if (ok)
                continue;
            n = s->end - s->pos;
        }
        if (!n)
            return changed;
        const unsigned char *p = (const unsigned char *)s->buf + s->pos;
        if (p[0] < 0x80) {
            /* A run of ASCII, the common case: eight bytes at a time, its lines counted with
             * memchr. */
            size_t k = 0;
            uint64_t w;
            while (k + 8 <= n && (memcpy(&w, p + k, 8), !(w & 0x8080808080808080ULL)))
                k += 8;
            while (k < n && p[k] < 0x80)
                k++;
            const unsigned char *q = p, *nl;
            while ((nl = memchr(q, '\n', (size_t)(p + k - q))) != NULL) {
                line += line < INT_MAX;
                col = 1;
                q = nl + 1;
            }
            /* A line of gigabytes (an endless stream) holds its column at INT_MAX. */
            size_t run = (size_t)(p + k - q);
            col = run > (size_t)(INT_MAX - col) ? INT_MAX : col + (int)run;
            s->pos += k;
            if (s->eof && s->pos == s->end)
                return changed;
            continue;
        }
        size_t k = utf8_len(p, n);
        if (!k && looking) {
            s->err_at = (struct at){line, col};
            snprintf(s->msg, sizeof s->msg,
                     _("invalid UTF-8 (byte 0x%02X); expected a UTF-8 text file"), p[0]);
            s->kind = ERR_UTF8;
            looking = false; /* the first one is the error; the size may still come first */
            changed = true;
        }
        if (!k)
            k = 1;
        if (p[0] == '\n') {
            line += line < INT_MAX;
            col = 1;
        } else if (col < INT_MAX) {
            col++;
        }
        s->pos += k;
        if (s->eof && s->pos == s->end)
            return changed;
    }
}

char jscan_doc_type(const struct jscan *s)
{
    return s->doc_type;
}

uint64_t jscan_hash(const struct jscan *s)
{
    return s->hash;
}

void jscan_destroy(struct jscan *s)
{
    if (!s)
        return;
    if (s->own_fd)
        close(s->fd);
    for (size_t i = 0; i < s->n_keys; i++)
        free(s->keys[i].key);
    free(s->keys);
    free(s->key);
    free(s->buf);
    sb_finish(&s->path);
    free(s);
}

char *jscan_unescape(const char *p, size_t len, size_t *out_len)
{
    /* Never longer than the token: an escape is at least as long as what it stands for. */
    char *out = xmalloc(len + 1);
    size_t n = 0;
    const char *e = p + len - (len > 0 && p[len - 1] == '"' && len > 1);
    if (len > 0 && *p == '"')
        p++;
    while (p < e) {
        if (*p != '\\') {
            out[n++] = *p++;
            continue;
        }
        if (e - p < 2)
            break;
        char c = p[1];
        p += 2;
        switch (c) {
        case 'b': out[n++] = '\b'; continue;
        case 'f': out[n++] = '\f'; continue;
        case 'n': out[n++] = '\n'; continue;
        case 'r': out[n++] = '\r'; continue;
        case 't': out[n++] = '\t'; continue;
        case 'u': break;
        default: out[n++] = c; continue;
        }
        unsigned v = 0, lo;
        if (e - p < 4 || !hex4(p, &v))
            break;
        p += 4;
        if (v >= 0xD800 && v <= 0xDBFF && e - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
            hex4(p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
        }
        char enc[4];
        size_t k = text_encode(v, enc);
        if (!k) {
            memcpy(enc, TEXT_REPLACEMENT, 3);
            k = 3;
        }
        memcpy(out + n, enc, k);
        n += k;
    }
    out[n] = '\0';
    if (out_len)
        *out_len = n;
    return out;
}
