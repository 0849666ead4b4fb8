/* dataset.c: reading a dataset and checking every rule of its format version, 1 or 2
 * (spec/dataset.md): the version a file declares chooses the rules. */
#include "dataset.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "terms.h"
#include "text.h"
#include "util.h"

/* Deeper than any dataset needs, shallow enough that nothing recursive can run out of stack. */
#define MAX_DEPTH 64

uint64_t dataset_hash(const char *buf, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)buf[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int dataset_read_file(const char *path, char **buf, size_t *len, struct diags *d)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot open: %s", strerror(errno));
        return errno == EIO ? EXIT_IOERR : EXIT_NOINPUT;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot read: %s", strerror(errno));
        close(fd);
        return EXIT_IOERR;
    }
    if (S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "is a directory; expected a dataset file (JSON)");
        close(fd);
        return EXIT_NOINPUT;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > DATASET_MAX_BYTES) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL,
                  "the file is %lld bytes; a dataset may be at most 256 MiB (%zu bytes)",
                  (long long)st.st_size, DATASET_MAX_BYTES);
        close(fd);
        return EXIT_DATAERR;
    }
    /* Read until end of file rather than trusting st_size: the file may be a pipe or growing. */
    size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
    char *b = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            /* One byte more than the limit is enough to know a stream is too long: never hold
             * more (doubling past the limit would read and keep 512 MiB of /dev/zero). */
            if (n > DATASET_MAX_BYTES) {
                diags_add(d, DIAG_ERROR, 0, 0, NULL,
                          "the file is larger than 256 MiB, the most a dataset may be");
                free(b);
                close(fd);
                return EXIT_DATAERR;
            }
            cap = cap > DATASET_MAX_BYTES / 2 ? DATASET_MAX_BYTES + 2 : 2 * cap;
            b = xrealloc(b, cap);
        }
        ssize_t r = read(fd, b + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            diags_add(d, DIAG_ERROR, 0, 0, NULL, "cannot read: %s", strerror(errno));
            free(b);
            close(fd);
            return EXIT_IOERR;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (n > DATASET_MAX_BYTES) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL,
                  "the file is larger than 256 MiB, the most a dataset may be");
        free(b);
        return EXIT_DATAERR;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

/* ---- JSON syntax: a strict scan first, so every syntax error gets a place and a reason. ---- */

struct scan {
    const char *start, *p, *end;
    const char *err_at;
    size_t values;
    char msg[160];
};

static bool scan_fail(struct scan *s, const char *at, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static bool scan_fail(struct scan *s, const char *at, const char *fmt, ...)
{
    if (s->err_at)
        return false;
    s->err_at = at;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->msg, sizeof s->msg, fmt, ap);
    va_end(ap);
    return false;
}

static void scan_ws(struct scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

/* Describe the character at p for a message: a printable ASCII character quoted, else its code. */
static const char *describe(const struct scan *s, const char *p, char *buf, size_t n)
{
    if (p >= s->end)
        return "the end of the file";
    unsigned char c = (unsigned char)*p;
    if (c > 0x20 && c < 0x7f)
        snprintf(buf, n, "'%c'", c);
    else {
        unsigned cp;
        text_decode(p, (size_t)(s->end - p), &cp);
        snprintf(buf, n, "U+%04X", cp);
    }
    return buf;
}

static bool scan_value(struct scan *s, int depth);

static bool scan_hex4(struct scan *s, const char *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        if (p + i >= s->end)
            return false;
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

static bool scan_string(struct scan *s)
{
    const char *open = s->p++;
    while (s->p < s->end) {
        unsigned char c = (unsigned char)*s->p;
        if (c == '"') {
            s->p++;
            return true;
        }
        if (c < 0x20)
            return scan_fail(s, s->p,
                             "control character U+%04X inside a string (write it as an "
                             "escape such as \\n, or remove it)",
                             c);
        if (c != '\\') {
            s->p++;
            continue;
        }
        const char *esc = s->p++;
        if (s->p >= s->end)
            break;
        switch (*s->p) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't': s->p++; continue;
        case 'u': {
            unsigned v;
            if (!scan_hex4(s, s->p + 1, &v))
                return scan_fail(s, esc, "invalid \\u escape; expected four hex digits");
            s->p += 5;
            if (v >= 0xDC00 && v <= 0xDFFF)
                return scan_fail(s, esc, "lone low surrogate \\u%04X; expected a character", v);
            if (v >= 0xD800 && v <= 0xDBFF) {
                unsigned lo;
                if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' ||
                    !scan_hex4(s, s->p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return scan_fail(s, esc,
                                     "high surrogate \\u%04X not followed by a low surrogate", v);
                s->p += 6;
            } else if (v == 0) {
                return scan_fail(s, esc, "\\u0000 (NUL) is not allowed in a string");
            }
            continue;
        }
        default: {
            char b[16];
            return scan_fail(s, esc,
                             "invalid escape \\%s; expected one of \\\" \\\\ \\/ \\b \\f "
                             "\\n \\r \\t \\uXXXX",
                             describe(s, s->p, b, sizeof b));
        }
        }
    }
    return scan_fail(s, open,
                     "unterminated string; expected a closing '\"' before the end of "
                     "the file");
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool scan_number(struct scan *s)
{
    const char *start = s->p;
    if (s->p < s->end && *s->p == '-')
        s->p++;
    if (s->p >= s->end || !is_digit(*s->p))
        return scan_fail(s, start, "invalid number; expected a digit");
    if (*s->p == '0' && s->p + 1 < s->end && is_digit(s->p[1]))
        return scan_fail(s, start, "invalid number; a number may not start with 0");
    while (s->p < s->end && is_digit(*s->p))
        s->p++;
    if (s->p < s->end && *s->p == '.') {
        s->p++;
        if (s->p >= s->end || !is_digit(*s->p))
            return scan_fail(s, start, "invalid number; expected a digit after '.'");
        while (s->p < s->end && is_digit(*s->p))
            s->p++;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        if (s->p >= s->end || !is_digit(*s->p))
            return scan_fail(s, start, "invalid number; expected a digit in the exponent");
        while (s->p < s->end && is_digit(*s->p))
            s->p++;
    }
    return true;
}

static bool scan_literal(struct scan *s, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(s->end - s->p) >= n && memcmp(s->p, word, n) == 0) {
        s->p += n;
        return true;
    }
    char b[16];
    return scan_fail(s, s->p,
                     "unexpected %s; expected a value (a string, number, object, array, "
                     "true, false or null)",
                     describe(s, s->p, b, sizeof b));
}

static bool scan_container(struct scan *s, int depth, char close)
{
    char b[16];
    if (depth >= MAX_DEPTH)
        return scan_fail(s, s->p, "nested more than %d levels deep", MAX_DEPTH);
    s->p++;
    scan_ws(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return true;
    }
    for (;;) {
        if (close == '}') {
            if (s->p >= s->end || *s->p != '"')
                return scan_fail(s, s->p, "unexpected %s; expected a key in double quotes",
                                 describe(s, s->p, b, sizeof b));
            if (!scan_string(s))
                return false;
            scan_ws(s);
            if (s->p >= s->end || *s->p != ':')
                return scan_fail(s, s->p, "unexpected %s; expected ':' after the key",
                                 describe(s, s->p, b, sizeof b));
            s->p++;
        }
        if (!scan_value(s, depth + 1))
            return false;
        scan_ws(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            scan_ws(s);
            if (s->p < s->end && *s->p == close)
                return scan_fail(s, s->p, "unexpected %s after ','; expected another %s",
                                 describe(s, s->p, b, sizeof b),
                                 close == '}' ? "member (a trailing comma is not JSON)"
                                              : "element (a trailing comma is not JSON)");
            continue;
        }
        if (s->p < s->end && *s->p == close) {
            s->p++;
            return true;
        }
        return scan_fail(s, s->p, "unexpected %s; expected ',' or '%c'",
                         describe(s, s->p, b, sizeof b), close);
    }
}

static bool scan_value(struct scan *s, int depth)
{
    char b[16];
    scan_ws(s);
    /* Each value costs the parsed tree about 64 bytes, so a file of "0,0,0,..." would need 32
     * times its size; counting them here refuses it before any tree is built. */
    if (++s->values > DATASET_MAX_VALUES)
        return scan_fail(s, s->p,
                         "more than %d values (strings, numbers, objects, arrays); a dataset "
                         "may hold at most that many",
                         DATASET_MAX_VALUES);
    if (s->p >= s->end)
        return scan_fail(s, s->p,
                         "unexpected end of the file; expected a value (is the file "
                         "truncated?)");
    switch (*s->p) {
    case '{': return scan_container(s, depth, '}');
    case '[': return scan_container(s, depth, ']');
    case '"': return scan_string(s);
    case 't': return scan_literal(s, "true");
    case 'f': return scan_literal(s, "false");
    case 'n': return scan_literal(s, "null");
    default:
        if (*s->p == '-' || is_digit(*s->p))
            return scan_number(s);
        return scan_fail(s, s->p,
                         "unexpected %s; expected a value (a string, number, object, "
                         "array, true, false or null)",
                         describe(s, s->p, b, sizeof b));
    }
}

/* Line and column (1-based; the column counts characters, not bytes) of p in the buffer. */
static void place(const char *start, const char *p, int *line, int *col)
{
    int l = 1, c = 1;
    for (const char *q = start; q < p;) {
        if (*q == '\n') {
            l++;
            c = 1;
            q++;
            continue;
        }
        unsigned cp;
        size_t k = text_decode(q, (size_t)(p - q), &cp);
        q += k ? k : 1;
        c++;
    }
    *line = l;
    *col = c;
}

/* ---- Content rules ---- */

/* A set of ids, hashed, remembering where each was first defined. */
struct idset {
    const char **key;
    size_t *at;
    size_t cap, n;
    const char **list; /* in file order, for "did you mean" */
};

static uint64_t hash_str(const char *s)
{
    return dataset_hash(s, strlen(s));
}

/* Add key; returns SIZE_MAX when new, else the index where it was first seen. */
static size_t idset_add(struct idset *set, const char *key, size_t at)
{
    if (2 * (set->n + 1) > set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 64;
        const char **k = xcalloc(cap, sizeof *k);
        size_t *a = xcalloc(cap, sizeof *a);
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->key[i])
                continue;
            size_t j = hash_str(set->key[i]) & (cap - 1);
            while (k[j])
                j = (j + 1) & (cap - 1);
            k[j] = set->key[i];
            a[j] = set->at[i];
        }
        free(set->key);
        free(set->at);
        set->key = k;
        set->at = a;
        set->cap = cap;
        set->list = xrealloc(set->list, cap * sizeof *set->list);
    }
    size_t j = hash_str(key) & (set->cap - 1);
    while (set->key[j]) {
        if (strcmp(set->key[j], key) == 0)
            return set->at[j];
        j = (j + 1) & (set->cap - 1);
    }
    set->key[j] = key;
    set->at[j] = at;
    set->list[set->n++] = key;
    return SIZE_MAX;
}

/* The index where key was first seen, or SIZE_MAX. */
static size_t idset_get(const struct idset *set, const char *key)
{
    if (!set->cap)
        return SIZE_MAX;
    size_t j = hash_str(key) & (set->cap - 1);
    while (set->key[j]) {
        if (strcmp(set->key[j], key) == 0)
            return set->at[j];
        j = (j + 1) & (set->cap - 1);
    }
    return SIZE_MAX;
}

static bool idset_has(const struct idset *set, const char *key)
{
    return idset_get(set, key) != SIZE_MAX;
}

static void idset_finish(struct idset *set)
{
    free(set->key);
    free(set->at);
    free(set->list);
    *set = (struct idset){0};
}

enum ref {
    REF_NONE,
    REF_SOURCE,
    REF_REGION,
    REF_GOAL,
    REF_SERVICE,
    REF_EXAM,
    REF_SUPPORT,
    REF_PATHWAY,
    REF_COUNT,
};

static const char *const ref_noun[REF_COUNT] = {
        [REF_SOURCE] = "source",   [REF_REGION] = "region", [REF_GOAL] = "goal",
        [REF_SERVICE] = "service", [REF_EXAM] = "exam",     [REF_SUPPORT] = "support",
        [REF_PATHWAY] = "pathway",
};

struct field;

struct check {
    struct diags *d;
    unsigned flags;
    int version; /* the file's format version: which rules apply */
    struct sb path;
    struct idset ids[REF_COUNT];
    /* Version 2's translations: the file's own language, every language it carries (an array of
     * strings, or NULL for the own language alone), and, while a record is checked, what it is
     * and which of its keys a translation may hold. */
    const char *lang;
    const cJSON *langs;
    bool langs_unknown; /* .dataset.languages is wrong: no translation is judged by it */
    const char *noun;
    const struct field *tr;
};

static void report(struct check *c, enum diag_level level, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void report(struct check *c, enum diag_level level, const char *fmt, ...)
{
    if (level == DIAG_WARNING && (c->flags & DATASET_STRICT))
        level = DIAG_ERROR;
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    diags_add(c->d, level, 0, 0, sb_str(&c->path), "%s", sb_str(&b));
    sb_finish(&b);
}

/* At most this many characters of a key go into a path, so that a message stays readable. */
#define PATH_KEY_MAX 40

static size_t path_key(struct check *c, const char *key)
{
    size_t mark = c->path.len, n = strlen(key);
    bool plain = (*key >= 'a' && *key <= 'z') || (*key >= 'A' && *key <= 'Z') || *key == '_';
    for (const char *k = key; *k && plain; k++)
        plain = (*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || *k == '_' ||
                (*k >= '0' && *k <= '9');
    if (plain && n <= PATH_KEY_MAX) {
        sb_addf(&c->path, ".%s", key);
        return mark;
    }
    /* A key is text from the file: a control character in it is written as an escape, as jq
     * would, never raw (it could retitle the terminal or write its clipboard), and a long one
     * is cut. */
    sb_add(&c->path, plain ? "." : ".[\"");
    size_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        if (chars == PATH_KEY_MAX) {
            sb_add(&c->path, "\xE2\x80\xA6"); /* U+2026 */
            break;
        }
        unsigned cp;
        size_t used = text_decode(key + i, n - i, &cp);
        if (cp == '"' || cp == '\\') {
            sb_addc(&c->path, '\\');
            sb_addc(&c->path, (char)cp);
        } else if (cp == '\t' || cp == '\n' || text_is_unsafe(cp)) {
            sb_addf(&c->path, "\\u%04x", cp);
        } else {
            sb_addn(&c->path, key + i, used);
        }
        i += used;
    }
    if (!plain)
        sb_add(&c->path, "\"]");
    return mark;
}

static size_t path_index(struct check *c, size_t i)
{
    size_t mark = c->path.len;
    sb_addf(&c->path, "[%zu]", i);
    return mark;
}

static void path_pop(struct check *c, size_t mark)
{
    c->path.len = mark;
    if (c->path.s)
        c->path.s[mark] = '\0';
}

bool dataset_valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64 || *s == '-')
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    return true;
}

static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool dataset_valid_date(const char *s)
{
    size_t n = strlen(s);
    int y, m, d;
    if ((n != 4 && n != 7 && n != 10) || !digits(s, 4, &y) || y < 1)
        return false;
    if (n == 4)
        return true;
    if (s[4] != '-' || !digits(s + 5, 2, &m) || m < 1 || m > 12)
        return false;
    if (n == 7)
        return true;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap);
    return s[7] == '-' && digits(s + 8, 2, &d) && d >= 1 && d <= max;
}

static bool valid_url(const char *s)
{
    const char *rest;
    if (strncmp(s, "https://", 8) == 0)
        rest = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        rest = s + 7;
    else
        return false;
    if (!*rest || *rest == '/')
        return false;
    for (const char *p = rest; *p; p++)
        if ((unsigned char)*p <= 0x20)
            return false;
    return true;
}

enum type {
    T_STR,   /* a string: no control characters at all */
    T_TEXT,  /* long text: newline allowed */
    T_ID,    /* an id, defining one */
    T_REF,   /* an id naming one of .ref */
    T_DATE,  /* a date */
    T_URL,   /* an http(s) URL */
    T_INT,   /* a whole number, 0 or more */
    T_NUM,   /* a number, 0 or more */
    T_BOOL,  /* true or false */
    T_ENUM,  /* one of .terms */
    T_LANG,  /* a language tag (BCP 47) */
    T_ENUMS, /* an array of .terms */
    T_REFS,  /* an array of ids naming .ref */
    T_TEXTS, /* an array of long-text strings */
    T_STRS,  /* an array of plain strings */
    T_LANGS, /* an array of language tags */
    T_OBJ,   /* an object of .sub */
    T_OBJS,  /* an array of objects of .sub */
    T_TRANS, /* translations: an object keyed by language tag (version 2) */
};

struct field {
    const char *key;
    enum type type;
    bool required;
    bool nonempty; /* arrays */
    bool name;     /* a name or title: version 2's shorter length limit */
    enum ref ref;
    const struct terms *terms;
    unsigned only; /* T_ENUM(S): bit i allows the i-th of .terms; 0 allows them all */
    const struct field *sub;
    /* The versions that have the key as described here (0: no bound); a key described twice has
     * one row a version. */
    int since, until;
};

#define END                                                                                        \
    {                                                                                              \
        0                                                                                          \
    }

#define TRANSLATIONS                                                                               \
    {                                                                                              \
        .key = "translations", .type = T_TRANS, .since = 2                                         \
    }

static const struct field f_dataset[] = {
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "as_of", .type = T_DATE, .required = true},
        {.key = "publisher", .type = T_STR},
        {.key = "license", .type = T_STR},
        {.key = "notes", .type = T_TEXT},
        {.key = "language", .type = T_LANG, .since = 2},
        {.key = "languages", .type = T_LANGS, .nonempty = true, .since = 2},
        TRANSLATIONS,
        END,
};
static const struct field f_source[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "url", .type = T_URL},
        {.key = "publisher", .type = T_STR},
        {.key = "as_of", .type = T_DATE},
        {.key = "undated", .type = T_BOOL, .since = 2},
        TRANSLATIONS,
        END,
};
static const struct field f_region[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "parent", .type = T_REF, .ref = REF_REGION},
        {.key = "kind", .type = T_ENUM, .terms = &terms_region_kind},
        {.key = "aliases", .type = T_STRS, .name = true, .since = 2},
        TRANSLATIONS,
        END,
};
static const struct field f_goal[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "summary", .type = T_TEXT, .required = true},
        TRANSLATIONS,
        END,
};
static const struct field f_named[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "summary", .type = T_TEXT},
        TRANSLATIONS,
        END,
};
static const struct field f_size[] = {
        {.key = "text", .type = T_STR},
        {.key = "count", .type = T_INT},
        {.key = "unit", .type = T_ENUM, .terms = &terms_unit},
        END,
};
static const struct field f_contact[] = {
        {.key = "website", .type = T_URL},
        {.key = "email", .type = T_STR},
        {.key = "phone", .type = T_STR},
        {.key = "address", .type = T_STR, .since = 2},
        {.key = "note", .type = T_STR, .since = 2},
        END,
};
static const struct field f_support[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "kind",
         .type = T_ENUM,
         .required = true,
         .terms = &terms_kind,
         .only = KIND_SUPPORTS},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "acronym", .type = T_STR},
        {.key = "host", .type = T_STR},
        {.key = "part_of", .type = T_REF, .ref = REF_SUPPORT},
        {.key = "regions", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_REGION},
        /* Required in version 1; in version 2 absent means the source does not say. */
        {.key = "delivery",
         .type = T_ENUMS,
         .required = true,
         .nonempty = true,
         .terms = &terms_delivery,
         .until = 1},
        {.key = "delivery",
         .type = T_ENUMS,
         .nonempty = true,
         .terms = &terms_delivery,
         .since = 2},
        {.key = "location", .type = T_STR},
        {.key = "size", .type = T_OBJ, .sub = f_size},
        {.key = "goals", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_GOAL},
        {.key = "services", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_SERVICE},
        {.key = "summary", .type = T_TEXT, .required = true},
        {.key = "offers", .type = T_TEXTS},
        {.key = "aims", .type = T_TEXTS},
        {.key = "cost", .type = T_STR},
        {.key = "eligibility", .type = T_STR},
        {.key = "contact", .type = T_OBJ, .sub = f_contact},
        {.key = "status", .type = T_ENUM, .terms = &terms_support_status, .since = 2},
        {.key = "source", .type = T_REF, .required = true, .ref = REF_SOURCE},
        {.key = "as_of", .type = T_DATE, .required = true},
        {.key = "verified", .type = T_DATE},
        TRANSLATIONS,
        END,
};
static const struct field f_step[] = {
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "detail", .type = T_TEXT},
        {.key = "url", .type = T_URL, .since = 2},
        END,
};
static const struct field f_link[] = {
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "url", .type = T_URL, .required = true},
        END,
};
static const struct field f_requires[] = {
        {.key = "status", .type = T_ENUMS, .terms = &terms_person_status},
        {.key = "exams", .type = T_REFS, .ref = REF_EXAM},
        {.key = "language_test", .type = T_BOOL},
        {.key = "discipline", .type = T_ENUMS, .terms = &terms_discipline},
        {.key = "postgrad_years", .type = T_NUM},
        {.key = "practice_years", .type = T_NUM},
        {.key = "practised_within_years", .type = T_NUM},
        {.key = "residence", .type = T_REFS, .ref = REF_REGION},
        {.key = "note", .type = T_STR},
        {.key = "complete", .type = T_BOOL, .since = 2},
        END,
};
static const struct field f_pathway[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "goal", .type = T_REF, .required = true, .ref = REF_GOAL},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "regions", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_REGION},
        {.key = "status", .type = T_ENUM, .required = true, .terms = &terms_pathway_status},
        {.key = "summary", .type = T_TEXT, .required = true},
        {.key = "eligibility", .type = T_STRS},
        {.key = "steps", .type = T_OBJS, .sub = f_step},
        {.key = "advocacy", .type = T_STR},
        {.key = "links", .type = T_OBJS, .sub = f_link},
        {.key = "supports", .type = T_REFS, .ref = REF_SUPPORT},
        {.key = "requires", .type = T_OBJ, .sub = f_requires},
        {.key = "contact", .type = T_OBJ, .sub = f_contact, .since = 2},
        {.key = "source", .type = T_REF, .required = true, .ref = REF_SOURCE},
        {.key = "as_of", .type = T_DATE, .required = true},
        {.key = "verified", .type = T_DATE},
        TRANSLATIONS,
        END,
};

/* ---- what a translation (version 2) may hold, for each kind of record: its text keys, with the
 * types of the original. A translated steps or links keeps the original's items (titles and
 * details; urls stay). ---- */

static const struct field t_dataset[] = {
        {.key = "title", .type = T_STR, .name = true},
        {.key = "notes", .type = T_TEXT},
        END,
};
static const struct field t_source[] = {
        {.key = "title", .type = T_STR, .name = true},
        END,
};
static const struct field t_region[] = {
        {.key = "name", .type = T_STR, .name = true},
        END,
};
static const struct field t_named[] = {
        {.key = "name", .type = T_STR, .name = true},
        {.key = "summary", .type = T_TEXT},
        END,
};
static const struct field t_support[] = {
        {.key = "name", .type = T_STR, .name = true}, {.key = "summary", .type = T_TEXT},
        {.key = "offers", .type = T_TEXTS},           {.key = "aims", .type = T_TEXTS},
        {.key = "eligibility", .type = T_STR},        {.key = "cost", .type = T_STR},
        {.key = "location", .type = T_STR},           END,
};
static const struct field t_step[] = {
        {.key = "title", .type = T_STR, .name = true},
        {.key = "detail", .type = T_TEXT},
        END,
};
static const struct field t_link[] = {
        {.key = "title", .type = T_STR, .name = true},
        END,
};
static const struct field t_pathway[] = {
        {.key = "name", .type = T_STR, .name = true},
        {.key = "summary", .type = T_TEXT},
        {.key = "eligibility", .type = T_STRS},
        {.key = "advocacy", .type = T_STR},
        {.key = "steps", .type = T_OBJS, .sub = t_step},
        {.key = "links", .type = T_OBJS, .sub = t_link},
        /* requires.note, which sits one level down in the original */
        {.key = "requires_note", .type = T_STR},
        END,
};

static const char *type_noun(enum type t)
{
    switch (t) {
    case T_STR:
    case T_TEXT:
    case T_ID:
    case T_REF:
    case T_DATE:
    case T_URL:
    case T_ENUM:
    case T_LANG: return "a string";
    case T_INT: return "a whole number";
    case T_NUM: return "a number";
    case T_BOOL: return "true or false";
    case T_OBJ:
    case T_TRANS: return "an object";
    default: return "an array";
    }
}

static const char *json_noun(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    return "an object";
}

/* Quote at most 40 characters of s for a message. */
static char *quote(const char *s)
{
    char buf[128];
    text_fit(buf, sizeof buf, s, 40);
    return xasprintf("\"%s\"", buf);
}

/* A number for a message as the file would write it: a whole number in digits, never in
 * exponent form ("1000000000000001", not "1e+15"), else the fewest digits that read back as the
 * same number ("999999999999999.9"). */
static void number_words(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "%s", v < 0 ? "a number below -10^308" : "a number above 10^308");
        return;
    }
    if (floor(v) == v && fabs(v) < 1e21) {
        snprintf(buf, n, "%.0f", v);
        return;
    }
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(buf, n, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* The rules every string follows; long text may hold newlines. */
static bool check_chars(struct check *c, const char *s, bool long_text)
{
    size_t n = strlen(s), bad;
    if (!text_utf8_valid(s, n, &bad)) {
        report(c, DIAG_ERROR, "invalid UTF-8 at byte %zu of the string", bad);
        return false;
    }
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += text_decode(s + i, n - i, &cp);
        if (cp == '\n' && long_text)
            continue;
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            report(c, DIAG_ERROR, "control character U+%04X in %s; expected %s", cp,
                   long_text ? "text" : "a name or short value",
                   long_text ? "printable text (a newline is the only control allowed)"
                             : "printable text on one line");
            return false;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            report(c, DIAG_ERROR,
                   "bidirectional control U+%04X; these can reorder what a reader sees and are "
                   "not allowed",
                   cp);
            return false;
        }
    }
    return true;
}

/* Version 2's length limits: characters (code points) of a valid UTF-8 string. */
static void check_length(struct check *c, const char *s, bool name)
{
    size_t chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    size_t limit = name ? DATASET_MAX_NAME_CHARS : DATASET_MAX_STRING_CHARS;
    if (chars > limit)
        report(c, DIAG_ERROR, "%zu characters; expected at most %zu for %s", chars, limit,
               name ? "a name or title" : "a string");
}

/* A language tag as BCP 47 writes it, as far as a dataset needs: a language of 2 to 8 letters,
 * then subtags of 1 to 8 letters or digits ("en", "fr", "fr-CA", "zh-Hant"). */
static bool valid_lang(const char *s)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
        n++;
    if (n < 2 || n > 8)
        return false;
    for (s += n; *s;) {
        if (*s++ != '-')
            return false;
        for (n = 0; (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                    (s[n] >= '0' && s[n] <= '9');
             n++)
            ;
        if (n < 1 || n > 8)
            return false;
        s += n;
    }
    return true;
}

/* The nearest known id, when near enough to be a likely typo; a new string or NULL. */
static char *nearest(const struct idset *set, const char *id)
{
    /* A suggestion is a kindness, not a necessity: bound the work on huge datasets. */
    if (set->n > 20000)
        return NULL;
    struct text_nearest n;
    text_nearest_init(&n, id);
    for (size_t i = 0; i < set->n; i++)
        text_nearest_offer(&n, set->list[i], set->list[i]);
    return text_nearest_take(&n);
}

static void check_ref(struct check *c, const char *id, enum ref ref)
{
    if (!dataset_valid_id(id)) {
        char *q = quote(id);
        report(c, DIAG_ERROR, "%s is not a valid id; expected the id of a %s", q, ref_noun[ref]);
        free(q);
        return;
    }
    if (idset_has(&c->ids[ref], id))
        return;
    /* In version 2 supports and pathways share their ids: a pathway's is not a typo. */
    size_t other =
            ref == REF_SUPPORT && c->version >= 2 ? idset_get(&c->ids[REF_PATHWAY], id) : SIZE_MAX;
    if (other != SIZE_MAX) {
        report(c, DIAG_ERROR, "\"%s\" is a pathway (.pathways[%zu]); expected the id of a support",
               id, other);
        return;
    }
    char *near = c->d->errors < DIAGS_MAX ? nearest(&c->ids[ref], id) : NULL;
    if (near)
        report(c, DIAG_ERROR, "unknown %s \"%s\"; did you mean \"%s\"?", ref_noun[ref], id, near);
    else
        report(c, DIAG_ERROR, "unknown %s \"%s\"; expected the id of one of the dataset's %ss",
               ref_noun[ref], id, ref_noun[ref]);
    free(near);
}

static void check_enum(struct check *c, const char *s, const struct field *f)
{
    const struct term *t = terms_find(f->terms, s);
    /* The kinds' bits are their positions' bits, so .only can name them (KIND_SUPPORTS). */
    if (t && (!f->only || (f->only & (1u << (size_t)(t - f->terms->v)))))
        return;
    char *list = terms_list(f->terms, f->only, true);
    char *q = quote(s);
    report(c, DIAG_ERROR, "%s is not allowed; expected %s", q, list);
    free(q);
    free(list);
}

static void check_object(struct check *c, const cJSON *obj, const struct field *fields);

/* A string value of type t (T_STR and friends). */
static void check_string_value(struct check *c, const cJSON *v, enum type t, bool required,
                               const struct field *f)
{
    const char *s = v->valuestring;
    if (!*s) {
        if (required || t == T_REF || t == T_ID || t == T_DATE || t == T_URL || t == T_ENUM ||
            t == T_LANG)
            report(c, DIAG_ERROR, "empty string; expected %s",
                   t == T_DATE  ? "a date"
                   : t == T_URL ? "a URL"
                                : "a value");
        else
            report(c, DIAG_WARNING, "empty string; leave the key out instead");
        return;
    }
    if (!check_chars(c, s, t == T_TEXT))
        return;
    if (c->version >= 2)
        check_length(c, s, f->name);
    switch (t) {
    case T_ID:
        if (!dataset_valid_id(s)) {
            char *q = quote(s);
            report(c, DIAG_ERROR,
                   "%s is not a valid id; expected 1 to 64 of a-z, 0-9 and '-', starting with "
                   "a letter or digit",
                   q);
            free(q);
        }
        break;
    case T_REF: check_ref(c, s, f->ref); break;
    case T_DATE:
        if (!dataset_valid_date(s)) {
            char *q = quote(s);
            report(c, DIAG_ERROR,
                   "%s is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (a "
                   "real date)",
                   q);
            free(q);
        }
        break;
    case T_URL:
        if (!valid_url(s)) {
            char *q = quote(s);
            report(c, DIAG_ERROR,
                   "%s is not a web address; expected one starting with http:// "
                   "or https://",
                   q);
            free(q);
        }
        break;
    case T_ENUM: check_enum(c, s, f); break;
    case T_LANG:
        if (!valid_lang(s)) {
            char *q = quote(s);
            report(c, DIAG_ERROR,
                   "%s is not a language tag; expected a BCP 47 tag such as \"en\" or \"fr\"", q);
            free(q);
        }
        break;
    default: break;
    }
}

static void check_value(struct check *c, const cJSON *v, const struct field *f)
{
    switch (f->type) {
    case T_STR:
    case T_TEXT:
    case T_ID:
    case T_REF:
    case T_DATE:
    case T_URL:
    case T_ENUM:
    case T_LANG:
        if (!cJSON_IsString(v)) {
            report(c, DIAG_ERROR, "expected %s, found %s", type_noun(f->type), json_noun(v));
            return;
        }
        check_string_value(c, v, f->type, f->required, f);
        return;
    case T_INT:
    case T_NUM: {
        char num[64];
        if (!cJSON_IsNumber(v)) {
            report(c, DIAG_ERROR, "expected %s, found %s", type_noun(f->type), json_noun(v));
        } else if (!isfinite(v->valuedouble) || v->valuedouble < 0 || v->valuedouble > 1e15) {
            number_words(v->valuedouble, num, sizeof num);
            report(c, DIAG_ERROR, "%s is out of range; expected %s from 0 to 10^15", num,
                   type_noun(f->type));
        } else if (f->type == T_INT && floor(v->valuedouble) != v->valuedouble) {
            number_words(v->valuedouble, num, sizeof num);
            report(c, DIAG_ERROR, "%s is not whole; expected a whole number", num);
        }
        return;
    }
    case T_BOOL:
        if (!cJSON_IsBool(v))
            report(c, DIAG_ERROR, "expected true or false, found %s", json_noun(v));
        return;
    case T_OBJ:
        if (!cJSON_IsObject(v)) {
            report(c, DIAG_ERROR, "expected an object, found %s", json_noun(v));
            return;
        }
        check_object(c, v, f->sub);
        return;
    case T_TRANS: return; /* check_object checks translations, which need their record */
    case T_ENUMS:
    case T_REFS:
    case T_TEXTS:
    case T_STRS:
    case T_LANGS:
    case T_OBJS: break;
    }
    if (!cJSON_IsArray(v)) {
        report(c, DIAG_ERROR, "expected an array, found %s", json_noun(v));
        return;
    }
    if (f->nonempty && !v->child)
        report(c, DIAG_ERROR, "empty array; expected at least one value%s",
               f->required ? "" : ", or leave the key out");
    static const enum type elem[] = {[T_ENUMS] = T_ENUM, [T_REFS] = T_REF,   [T_TEXTS] = T_TEXT,
                                     [T_STRS] = T_STR,   [T_LANGS] = T_LANG, [T_OBJS] = T_OBJ};
    struct field ef = *f;
    ef.type = elem[f->type];
    ef.required = true;
    size_t i = 0;
    struct idset seen = {0};
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        size_t mark = path_index(c, i);
        check_value(c, e, &ef);
        if ((f->type == T_REFS || f->type == T_ENUMS || f->type == T_LANGS) && cJSON_IsString(e) &&
            idset_add(&seen, e->valuestring, i) != SIZE_MAX)
            report(c, DIAG_WARNING, "\"%s\" is listed twice", e->valuestring);
        path_pop(c, mark);
    }
    idset_finish(&seen);
}

static const char *string_of(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int cmp_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Duplicate keys: JSON allows them, but a reader would see one value and we another. */
static void check_duplicate_keys(struct check *c, const cJSON *obj)
{
    size_t n = 0;
    for (const cJSON *e = obj->child; e; e = e->next)
        n++;
    if (n < 2)
        return;
    const char **keys = xmalloc(n * sizeof *keys);
    n = 0;
    for (const cJSON *e = obj->child; e; e = e->next)
        keys[n++] = e->string ? e->string : "";
    qsort(keys, n, sizeof *keys, cmp_keys);
    for (size_t i = 1; i < n; i++)
        if (strcmp(keys[i], keys[i - 1]) == 0 && (i < 2 || strcmp(keys[i], keys[i - 2]) != 0)) {
            char *q = quote(keys[i]);
            report(c, DIAG_ERROR, "duplicate key %s; expected each key once", q);
            free(q);
        }
    free(keys);
}

static bool in_version(const struct check *c, const struct field *f);

/* A key the format does not name: a warning, unless it holds what no text may (a control or
 * bidirectional character), which is an error like anywhere else. From version 2 on, the
 * nearest of known (the keys the object may have; NULL-terminated extra names too) is
 * suggested; version 1's message stays as it was. */
static void unknown_key(struct check *c, const char *key, const struct field *known,
                        const char *const *extra)
{
    size_t mark = path_key(c, key);
    if (check_chars(c, key, false)) {
        char *q = quote(key), *near = NULL;
        if (c->version >= 2) {
            struct text_nearest n;
            text_nearest_init(&n, key);
            for (const struct field *f = known; f && f->key; f++)
                if (in_version(c, f))
                    text_nearest_offer(&n, f->key, f->key);
            for (const char *const *x = extra; x && *x; x++)
                text_nearest_offer(&n, *x, *x);
            near = text_nearest_take(&n);
        }
        if (near)
            report(c, DIAG_WARNING,
                   "unknown key %s (ignored; --strict makes this an error); did you mean \"%s\"?",
                   q, near);
        else
            report(c, DIAG_WARNING, "unknown key %s (ignored; --strict makes this an error)", q);
        free(near);
        free(q);
    }
    path_pop(c, mark);
}

/* Whether the file's version has f as described. */
static bool in_version(const struct check *c, const struct field *f)
{
    return (!f->since || c->version >= f->since) && (!f->until || c->version <= f->until);
}

/* The row of fields for key in this version, or NULL. */
static const struct field *field_of(const struct check *c, const struct field *fields,
                                    const char *key)
{
    for (const struct field *f = fields; f->key; f++)
        if (strcmp(f->key, key) == 0 && in_version(c, f))
            return f;
    return NULL;
}

static void check_translations(struct check *c, const cJSON *v, const cJSON *record);

static void check_object(struct check *c, const cJSON *obj, const struct field *fields)
{
    check_duplicate_keys(c, obj);
    for (const struct field *f = fields; f->key; f++) {
        if (!in_version(c, f))
            continue;
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, f->key);
        if (!v) {
            if (f->required)
                report(c, DIAG_ERROR, "missing key \"%s\"; expected %s", f->key,
                       type_noun(f->type));
            continue;
        }
        size_t mark = path_key(c, f->key);
        if (f->type == T_TRANS)
            check_translations(c, v, obj);
        else
            check_value(c, v, f);
        path_pop(c, mark);
    }
    for (const cJSON *e = obj->child; e; e = e->next)
        if (!field_of(c, fields, e->string))
            unknown_key(c, e->string, fields, NULL);
}

/* ---- translations (version 2) ---- */

/* Every kind of record's keys, to tell a key that cannot be translated from an unknown one. */
static const struct field *const record_fields[] = {f_dataset, f_source,  f_region, f_goal,
                                                    f_named,   f_support, f_pathway};

static const struct field *record_key(const char *key)
{
    for (size_t i = 0; i < sizeof record_fields / sizeof record_fields[0]; i++)
        for (const struct field *f = record_fields[i]; f->key; f++)
            if (strcmp(f->key, key) == 0)
                return f;
    return NULL;
}

static bool is_text(enum type t)
{
    return t == T_STR || t == T_TEXT || t == T_STRS || t == T_TEXTS;
}

/* The keys of fields as "a, b or c". A new string. */
static char *key_list(const struct field *fields)
{
    struct sb b = {0};
    for (const struct field *f = fields; f->key; f++)
        sb_addf(&b, "%s%s", b.len ? (f[1].key ? ", " : " or ") : "", f->key);
    return sb_take(&b);
}

/* A translated steps or links: as many items as the original's, each with text keys only. */
static void check_translated_items(struct check *c, const cJSON *v, const struct field *f,
                                   const cJSON *orig)
{
    if (!cJSON_IsArray(v)) {
        report(c, DIAG_ERROR, "expected an array, found %s", json_noun(v));
        return;
    }
    int n = cJSON_GetArraySize(v), want = cJSON_GetArraySize(orig);
    if (cJSON_IsArray(orig) && n != want)
        report(c, DIAG_ERROR,
               "%d item%s; expected %d, one for each of the original's %s (a translation keeps "
               "their number and order)",
               n, n == 1 ? "" : "s", want, f->key);
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        size_t mark = path_index(c, i);
        if (!cJSON_IsObject(e)) {
            report(c, DIAG_ERROR, "expected an object, found %s", json_noun(e));
            path_pop(c, mark);
            continue;
        }
        check_duplicate_keys(c, e);
        for (const cJSON *k = e->child; k; k = k->next) {
            const struct field *sub = field_of(c, f->sub, k->string);
            if (!sub && strcmp(k->string, "url") != 0) {
                unknown_key(c, k->string, f->sub, (const char *const[]){"url", NULL});
                continue;
            }
            size_t m2 = path_key(c, k->string);
            if (sub) {
                struct field req = *sub;
                req.required = true;
                check_value(c, k, &req);
            } else {
                report(c, DIAG_ERROR, "a url is not translated; the original's stays");
            }
            path_pop(c, m2);
        }
        path_pop(c, mark);
    }
}

/* One language's translation of record: some of its text keys, and the source it was taken
 * from. */
static void check_translation(struct check *c, const cJSON *tr, const cJSON *record)
{
    check_duplicate_keys(c, tr);
    for (const cJSON *k = tr->child; k; k = k->next) {
        const char *key = k->string;
        const struct field *f = field_of(c, c->tr, key);
        const struct field *rf = f ? NULL : record_key(key);
        bool source = strcmp(key, "source") == 0;
        if (!f && !source && !rf && strcmp(key, "requires") != 0) {
            unknown_key(c, key, c->tr, (const char *const[]){"source", NULL});
            continue;
        }
        size_t mark = path_key(c, key);
        if (source) {
            static const struct field src = {
                    .key = "source", .type = T_REF, .required = true, .ref = REF_SOURCE};
            check_value(c, k, &src);
        } else if (!f) {
            char *list = key_list(c->tr);
            if (strcmp(key, "requires") == 0)
                report(c, DIAG_ERROR,
                       "\"requires\" holds rules, not text; translate its note as "
                       "\"requires_note\"");
            else if (is_text(rf->type))
                report(c, DIAG_ERROR, "\"%s\" is not translated in a %s; expected %s", key, c->noun,
                       list);
            else
                report(c, DIAG_ERROR,
                       "\"%s\" is not text and is not translated (ids, places, dates and "
                       "references stay as they are); expected %s",
                       key, list);
            free(list);
        } else {
            const cJSON *orig;
            if (strcmp(key, "requires_note") == 0)
                orig = cJSON_GetObjectItemCaseSensitive(
                        cJSON_GetObjectItemCaseSensitive(record, "requires"), "note");
            else
                orig = cJSON_GetObjectItemCaseSensitive(record, key);
            if (!orig)
                report(c, DIAG_WARNING, "the %s has no %s to translate", c->noun,
                       strcmp(key, "requires_note") == 0 ? "requires.note" : key);
            if (f->type == T_OBJS) {
                check_translated_items(c, k, f, orig);
            } else {
                struct field req = *f;
                req.required = true;
                check_value(c, k, &req);
            }
        }
        path_pop(c, mark);
    }
}

/* Whether the file carries lang (dataset.language and .languages). */
static bool carries(const struct check *c, const char *lang)
{
    if (strcmp(lang, c->lang) == 0)
        return true;
    for (const cJSON *e = c->langs ? c->langs->child : NULL; e; e = e->next)
        if (cJSON_IsString(e) && strcmp(e->valuestring, lang) == 0)
            return true;
    return false;
}

static void check_translations(struct check *c, const cJSON *v, const cJSON *record)
{
    if (!cJSON_IsObject(v)) {
        report(c, DIAG_ERROR, "expected an object keyed by language tag, found %s", json_noun(v));
        return;
    }
    check_duplicate_keys(c, v);
    for (const cJSON *l = v->child; l; l = l->next) {
        size_t mark = path_key(c, l->string);
        if (!check_chars(c, l->string, false)) {
            path_pop(c, mark);
            continue;
        }
        if (!valid_lang(l->string)) {
            char *q = quote(l->string);
            report(c, DIAG_ERROR, "%s is not a language tag; expected a BCP 47 tag such as \"fr\"",
                   q);
            free(q);
        } else if (strcmp(l->string, c->lang) == 0) {
            report(c, DIAG_WARNING,
                   "a translation into the file's own language (\"%s\"); give the text in the "
                   "record itself",
                   c->lang);
        } else if (!c->langs_unknown && !carries(c, l->string)) {
            report(c, DIAG_ERROR,
                   "\"%s\" is not one of the file's languages; expected one that "
                   ".dataset.languages lists",
                   l->string);
        }
        if (cJSON_IsObject(l))
            check_translation(c, l, record);
        else
            report(c, DIAG_ERROR, "expected an object of translated text, found %s", json_noun(l));
        path_pop(c, mark);
    }
}

/* Version 2's dataset.language and .languages: which languages translations may be in. Read
 * before anything is checked (the dataset's own translations need them); their types are checked
 * with the rest of the dataset object. */
static void read_languages(struct check *c, const cJSON *meta)
{
    c->lang = "en";
    c->langs = NULL;
    c->langs_unknown = false;
    const char *lang = string_of(meta, "language");
    if (lang && valid_lang(lang))
        c->lang = lang;
    const cJSON *langs = cJSON_GetObjectItemCaseSensitive(meta, "languages");
    if (!langs)
        return;
    /* A list that is itself wrong is reported once, at the list, not at every translation. */
    bool valid = cJSON_IsArray(langs);
    for (const cJSON *e = valid ? langs->child : NULL; e; e = e->next)
        valid = valid && cJSON_IsString(e) && valid_lang(e->valuestring);
    c->langs_unknown = !valid;
    if (!valid || !langs->child)
        return;
    c->langs = langs;
    const cJSON *first = langs->child;
    if (cJSON_IsString(first) && valid_lang(first->valuestring) &&
        strcmp(first->valuestring, c->lang) != 0) {
        size_t mark = path_key(c, "dataset");
        path_key(c, "languages");
        path_index(c, 0);
        report(c, DIAG_ERROR,
               "\"%s\" is listed first; expected the file's own language (.dataset.language), "
               "\"%s\", first",
               first->valuestring, c->lang);
        path_pop(c, mark);
    }
}

/* ---- the whole file ---- */

/* First pass over one array: remember the ids so references can be checked in any order. */
static void collect_ids(struct check *c, const cJSON *arr, const char *key, struct idset *set)
{
    size_t i = 0;
    for (const cJSON *e = arr ? arr->child : NULL; e; e = e->next, i++) {
        const char *id = string_of(e, "id");
        if (!id || !*id)
            continue;
        size_t first = idset_add(set, id, i);
        if (first != SIZE_MAX) {
            size_t mark = path_key(c, key);
            path_index(c, i);
            path_key(c, "id");
            report(c, DIAG_ERROR, "duplicate id \"%s\"; first used at .%s[%zu]", id, key, first);
            path_pop(c, mark);
        }
    }
}

/* A support and a pathway with one id: an error in version 2 (one namespace, so that `show ID`
 * is never ambiguous); in version 1, which allowed it, a warning that says how to reach each. */
static void check_shared_ids(struct check *c, const cJSON *pathways)
{
    size_t i = 0;
    for (const cJSON *e = pathways ? pathways->child : NULL; e; e = e->next, i++) {
        const char *id = string_of(e, "id");
        if (!id || idset_get(&c->ids[REF_PATHWAY], id) != i)
            continue;
        size_t first = idset_get(&c->ids[REF_SUPPORT], id);
        if (first == SIZE_MAX)
            continue;
        size_t mark = path_key(c, "pathways");
        path_index(c, i);
        path_key(c, "id");
        if (c->version >= 2)
            report(c, DIAG_ERROR,
                   "duplicate id \"%s\"; first used at .supports[%zu] (supports and pathways "
                   "share one namespace)",
                   id, first);
        else
            report(c, DIAG_WARNING,
                   "id \"%s\" is also the id of .supports[%zu]; `itpnav show %s` shows the "
                   "support, `itpnav show --kind pathway %s` this pathway",
                   id, first, id, id);
        path_pop(c, mark);
    }
}

static void region_error(struct check *c, size_t i, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void region_error(struct check *c, size_t i, const char *fmt, ...)
{
    size_t mark = path_key(c, "regions");
    path_index(c, i);
    path_key(c, "parent");
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    report(c, DIAG_ERROR, "%s", sb_str(&b));
    sb_finish(&b);
    path_pop(c, mark);
}

/* The region tree: no cycle, and at most DATASET_MAX_REGION_DEPTH levels. Each region's level is
 * found once, by walking up from it only until a region whose level is known: linear in the
 * regions however deep or looped the tree. */
static void check_region_tree(struct check *c, const cJSON *regions)
{
    enum { NEW, ON_PATH, DONE };
    const size_t unknown = SIZE_MAX; /* the level of a region under a cycle */
    size_t n = (size_t)cJSON_GetArraySize(regions), i = 0;
    if (!n)
        return;
    size_t *parent = xmalloc(n * sizeof *parent), *level = xmalloc(n * sizeof *level);
    size_t *path = xmalloc(n * sizeof *path);
    unsigned char *state = xcalloc(n, 1), *cycle = xcalloc(n, 1);
    const cJSON **node = xmalloc(n * sizeof *node);
    for (const cJSON *e = regions->child; e; e = e->next, i++) {
        const char *id = string_of(e, "id"), *p = string_of(e, "parent");
        parent[i] = p ? idset_get(&c->ids[REF_REGION], p) : SIZE_MAX;
        node[i] = e;
        /* A region defined twice is reported as such; only its first definition is in the
         * tree (every parent names that one). */
        if (!id || idset_get(&c->ids[REF_REGION], id) != i)
            state[i] = DONE, level[i] = unknown;
    }
    for (i = 0; i < n; i++) {
        size_t top = 0, at = i;
        while (at != SIZE_MAX && state[at] == NEW) {
            state[at] = ON_PATH;
            path[top++] = at;
            at = parent[at];
        }
        size_t base = at == SIZE_MAX ? 0 : level[at];
        if (at != SIZE_MAX && state[at] == ON_PATH) {
            /* The walk came back to itself: the regions from at up are a cycle. */
            size_t k = top;
            while (path[--k] != at)
                ;
            for (size_t j = k; j < top; j++) {
                cycle[path[j]] = 1;
                state[path[j]] = DONE;
                level[path[j]] = unknown;
            }
            top = k;
            base = unknown;
        }
        while (top) {
            size_t j = path[--top];
            level[j] = base == unknown ? unknown : ++base;
            state[j] = DONE;
        }
    }
    for (i = 0; i < n; i++) {
        const char *id = string_of(node[i], "id");
        if (cycle[i])
            region_error(c, i, "region \"%s\" is its own ancestor; expected a tree", id);
        else if (level[i] == DATASET_MAX_REGION_DEPTH + 1)
            /* Only where the tree first goes too deep: every region below is too deep for the
             * same reason. */
            region_error(c, i, "region \"%s\" is %zu levels deep; expected at most %d", id,
                         level[i], DATASET_MAX_REGION_DEPTH);
    }
    free(parent);
    free(level);
    free(path);
    free(state);
    free(cycle);
    free(node);
}

static void check_part_of(struct check *c, const cJSON *supports)
{
    size_t i = 0;
    for (const cJSON *e = supports->child; e; e = e->next, i++) {
        const char *id = string_of(e, "id"), *p = string_of(e, "part_of");
        if (id && p && strcmp(id, p) == 0) {
            size_t mark = path_key(c, "supports");
            path_index(c, i);
            path_key(c, "part_of");
            report(c, DIAG_ERROR, "a support cannot be part of itself");
            path_pop(c, mark);
        }
    }
}

static const struct {
    const char *key;
    bool required;
    enum ref ref;
    const struct field *fields;
    const char *noun;       /* one record, for messages */
    const struct field *tr; /* what a translation of one may hold */
} sections[] = {
        {"sources", true, REF_SOURCE, f_source, "source", t_source},
        {"regions", true, REF_REGION, f_region, "region", t_region},
        {"goals", true, REF_GOAL, f_goal, "goal", t_named},
        {"services", true, REF_SERVICE, f_named, "service", t_named},
        {"exams", false, REF_EXAM, f_named, "exam", t_named},
        {"supports", true, REF_SUPPORT, f_support, "support", t_support},
        {"pathways", true, REF_PATHWAY, f_pathway, "pathway", t_pathway},
};

enum { SECTION_REGIONS = 1, SECTION_SUPPORTS = 5, SECTION_PATHWAYS = 6 };

/* The file's version, or 0 (reported) when it is missing or not one this program reads. */
static int read_version(struct check *c, const cJSON *root)
{
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "itpnav");
    if (!version) {
        report(c, DIAG_ERROR, "missing key \"itpnav\"; expected the format version, 1 or 2");
        return 0;
    }
    size_t mark = path_key(c, "itpnav");
    int v = 0;
    char num[64];
    if (!cJSON_IsNumber(version)) {
        report(c, DIAG_ERROR, "expected the format version 1 or 2 (a number), found %s",
               json_noun(version));
    } else if (version->valuedouble == 1 || version->valuedouble == 2) {
        v = (int)version->valuedouble;
    } else {
        number_words(version->valuedouble, num, sizeof num);
        report(c, DIAG_ERROR, "format version %s; this itpnav reads versions 1 and 2", num);
    }
    path_pop(c, mark);
    return v;
}

static void check_root(struct check *c, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        report(c, DIAG_ERROR, "expected an object at the top level, found %s", json_noun(root));
        return;
    }
    check_duplicate_keys(c, root);
    c->lang = "en";
    c->version = read_version(c, root);
    c->d->version = c->version;
    if (!c->version)
        return;

    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "dataset");
    const cJSON *arr[sizeof sections / sizeof sections[0]] = {0};
    size_t mark;
    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, sections[s].key);
        if (cJSON_IsArray(v))
            arr[s] = v;
    }
    if (c->version >= 2 && cJSON_IsObject(meta))
        read_languages(c, meta);

    if (!meta) {
        report(c, DIAG_ERROR, "missing key \"dataset\"; expected an object");
    } else {
        mark = path_key(c, "dataset");
        c->noun = "dataset";
        c->tr = t_dataset;
        if (cJSON_IsObject(meta))
            check_object(c, meta, f_dataset);
        else
            report(c, DIAG_ERROR, "expected an object, found %s", json_noun(meta));
        path_pop(c, mark);
    }

    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, sections[s].key);
        if (!v) {
            if (sections[s].required)
                report(c, DIAG_ERROR, "missing key \"%s\"; expected an array", sections[s].key);
        } else if (!arr[s]) {
            mark = path_key(c, sections[s].key);
            report(c, DIAG_ERROR, "expected an array, found %s", json_noun(v));
            path_pop(c, mark);
        }
    }
    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++)
        collect_ids(c, arr[s], sections[s].key, &c->ids[sections[s].ref]);
    check_shared_ids(c, arr[SECTION_PATHWAYS]);
    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
        if (!arr[s])
            continue;
        mark = path_key(c, sections[s].key);
        c->noun = sections[s].noun;
        c->tr = sections[s].tr;
        size_t i = 0;
        for (const cJSON *e = arr[s]->child; e; e = e->next, i++) {
            size_t m2 = path_index(c, i);
            if (cJSON_IsObject(e))
                check_object(c, e, sections[s].fields);
            else
                report(c, DIAG_ERROR, "expected an object, found %s", json_noun(e));
            path_pop(c, m2);
        }
        path_pop(c, mark);
    }
    if (arr[SECTION_REGIONS])
        check_region_tree(c, arr[SECTION_REGIONS]);
    if (arr[SECTION_SUPPORTS])
        check_part_of(c, arr[SECTION_SUPPORTS]);
    for (const cJSON *e = root->child; e; e = e->next) {
        bool known = strcmp(e->string, "itpnav") == 0 || strcmp(e->string, "dataset") == 0;
        for (size_t s = 0; s < sizeof sections / sizeof sections[0] && !known; s++)
            known = strcmp(e->string, sections[s].key) == 0;
        if (known)
            continue;
        static const char *const top[] = {"itpnav",   "dataset",  "sources",  "regions", "goals",
                                          "services", "supports", "pathways", "exams",   NULL};
        unknown_key(c, e->string, NULL, top);
    }
}

int dataset_parse(const char *buf, size_t len, unsigned flags, struct dataset **out,
                  struct diags *d)
{
    *out = NULL;
    size_t errors_before = d->errors;
    const char *start = buf;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    size_t bad;
    if (!text_utf8_valid(buf, len, &bad)) {
        int line, col;
        place(buf, buf + bad, &line, &col);
        diags_add(d, DIAG_ERROR, line, col, NULL,
                  "invalid UTF-8 (byte 0x%02X); expected a UTF-8 text file",
                  (unsigned char)buf[bad]);
        return EXIT_DATAERR;
    }
    struct scan s = {.start = buf, .p = buf, .end = buf + len};
    scan_ws(&s);
    if (s.p == s.end) {
        diags_add(d, DIAG_ERROR, 1, 1, NULL, "the file is empty; expected a JSON object");
        return EXIT_DATAERR;
    }
    if (scan_value(&s, 0)) {
        scan_ws(&s);
        if (s.p < s.end)
            scan_fail(&s, s.p,
                      "unexpected text after the end of the JSON value; expected the "
                      "end of the file");
    }
    if (s.err_at) {
        int line, col;
        place(buf, s.err_at, &line, &col);
        diags_add(d, DIAG_ERROR, line, col, NULL, "%s", s.msg);
        return EXIT_DATAERR;
    }
    cJSON *root = cJSON_ParseWithLength(buf, len);
    if (!root)
        out_of_memory(); /* the scan accepted it: only memory can make cJSON fail here */
    struct check c = {.d = d, .flags = flags};
    check_root(&c, root);
    for (int r = 0; r < REF_COUNT; r++)
        idset_finish(&c.ids[r]);
    sb_finish(&c.path);
    if (d->errors > errors_before) {
        cJSON_Delete(root);
        return EXIT_DATAERR;
    }
    struct dataset *ds = xcalloc(1, sizeof *ds);
    ds->root = root;
    ds->hash = dataset_hash(start, len + (size_t)(buf - start));
    ds->version = c.version;
    *out = ds;
    return 0;
}

int dataset_load(const char *path, unsigned flags, struct dataset **out, struct diags *d)
{
    char *buf;
    size_t len;
    *out = NULL;
    int rc = dataset_read_file(path, &buf, &len, d);
    if (rc)
        return rc;
    rc = dataset_parse(buf, len, flags, out, d);
    free(buf);
    return rc;
}

void dataset_destroy(struct dataset *ds)
{
    if (!ds)
        return;
    cJSON_Delete(ds->root);
    free(ds);
}
