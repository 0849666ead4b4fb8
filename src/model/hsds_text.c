/* hsds_text.c: reports, and text from an HSDS directory made fit for a dataset: HTML removed
 * from descriptions, control characters out, dates, ids. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "hsds_internal.h"
#include "i18n.h"
#include "text.h"

void hlog(struct hlog *l, enum hlog_kind kind, const char *place, const char *path, const char *fmt,
          ...)
{
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    if (kind == HLOG_ERROR)
        l->errors++;
    else if (kind == HLOG_UNMAPPED)
        l->unmapped++;
    else
        l->warnings++;
    /* Everything here can quote the directory's text: never raw to a terminal. */
    char *p = text_sanitize(place ? place : "", false);
    char *q = path ? text_sanitize(path, false) : NULL;
    char *m = text_sanitize(sb_str(&b), false);
    FILE *out = l->out ? l->out : stderr;
    /* TRANSLATORS: before a report that is only worth knowing ("warning: 2 control characters
     * removed"), after its place. */
    const char *warning = kind == HLOG_WARNING ? C_("report", "warning: ") : "";
    if (q)
        /* TRANSLATORS: a report of import or export hsds: the file (or FILE:LINE), the jq path
         * of the value in it (.[3].name), "warning: " or nothing, then the message. */
        fprintf(out, _("itpnav: %s: %s: %s%s\n"), p, q, warning, m);
    else
        /* TRANSLATORS: a report of import or export hsds without a jq path: the file (or
         * FILE:LINE), "warning: " or nothing, then the message. */
        fprintf(out, _("itpnav: %s: %s%s\n"), p, warning, m);
    free(p);
    free(q);
    free(m);
    sb_finish(&b);
}

const char *hstr(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) && v->valuestring ? v->valuestring : NULL;
}

/* ---- HTML ---- */

/* Elements whose tags are removed; the rest of a '<' is text ("ages <5" stays). */
static const char *const html_tags[] = {
        "a",       "abbr",   "address", "article", "aside",    "b",      "big",   "blockquote",
        "body",    "br",     "center",  "cite",    "code",     "dd",     "del",   "div",
        "dl",      "dt",     "em",      "embed",   "font",     "footer", "h1",    "h2",
        "h3",      "h4",     "h5",      "h6",      "head",     "header", "hr",    "html",
        "i",       "iframe", "img",     "ins",     "li",       "link",   "main",  "mark",
        "meta",    "nav",    "object",  "ol",      "p",        "pre",    "q",     "s",
        "section", "small",  "span",    "strike",  "strong",   "sub",    "sup",   "table",
        "tbody",   "td",     "tfoot",   "th",      "thead",    "title",  "tr",    "tt",
        "u",       "ul",     "script",  "style",   "noscript", "form",   "input", "button",
};

/* Block elements: their tags stand for a line break. */
static bool html_block(const char *name)
{
    static const char *const block[] = {
            "address", "article", "aside",  "blockquote", "body",  "br", "center", "dd",
            "div",     "dl",      "dt",     "footer",     "h1",    "h2", "h3",     "h4",
            "h5",      "h6",      "header", "hr",         "html",  "li", "main",   "nav",
            "ol",      "p",       "pre",    "section",    "table", "tr", "ul"};
    for (size_t i = 0; i < sizeof block / sizeof block[0]; i++)
        if (strcmp(name, block[i]) == 0)
            return true;
    return false;
}

/* The tag at s (s[0] == '<'): its lower-case name into name, whether it closes, and its length
 * up to and including '>'; 0 when it is not a tag of a known element (or a comment). */
static size_t html_tag(const char *s, char name[16], bool *closing)
{
    if (strncmp(s, "<!--", 4) == 0) {
        const char *e = strstr(s + 4, "-->");
        strcpy(name, "!--");
        *closing = false;
        return e ? (size_t)(e + 3 - s) : strlen(s);
    }
    size_t i = 1, k = 0;
    *closing = s[i] == '/';
    if (*closing)
        i++;
    while (k < 15 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                      (k > 0 && s[i] >= '1' && s[i] <= '6')))
        name[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i++] - 'A' + 'a' : s[i++]);
    name[k] = '\0';
    if (!k || !(s[i] == '>' || s[i] == ' ' || s[i] == '/' || s[i] == '\t' || s[i] == '\n' ||
                s[i] == '\r'))
        return 0;
    bool known = false;
    for (size_t t = 0; t < sizeof html_tags / sizeof html_tags[0] && !known; t++)
        known = strcmp(name, html_tags[t]) == 0;
    if (!known)
        return 0;
    char quote = 0;
    for (; s[i]; i++) {
        if (quote) {
            if (s[i] == quote)
                quote = 0;
        } else if (s[i] == '"' || s[i] == '\'') {
            quote = s[i];
        } else if (s[i] == '>') {
            return i + 1;
        }
    }
    return 0; /* never closed: text after all */
}

static const struct {
    const char *name;
    unsigned cp;
} entities[] = {
        {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
        {"apos", '\''},     {"nbsp", ' '},     {"rsquo", 0x2019}, {"lsquo", 0x2018},
        {"rdquo", 0x201D},  {"ldquo", 0x201C}, {"ndash", 0x2013}, {"mdash", 0x2014},
        {"hellip", 0x2026}, {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},
        {"deg", 0xB0},      {"laquo", 0xAB},   {"raquo", 0xBB},   {"eacute", 0xE9},
        {"egrave", 0xE8},   {"ecirc", 0xEA},   {"euml", 0xEB},    {"agrave", 0xE0},
        {"acirc", 0xE2},    {"ccedil", 0xE7},  {"icirc", 0xEE},   {"iuml", 0xEF},
        {"ocirc", 0xF4},    {"ucirc", 0xFB},   {"ugrave", 0xF9},  {"Eacute", 0xC9},
        {"Egrave", 0xC8},   {"Agrave", 0xC0},  {"Ccedil", 0xC7},  {"middot", 0xB7},
        {"bull", 0x2022},   {"euro", 0x20AC},  {"cent", 0xA2},    {"pound", 0xA3},
};

/* The entity at s (s[0] == '&'): its character into *cp and its length, or 0. */
static size_t html_entity(const char *s, unsigned *cp)
{
    const char *semi = strchr(s, ';');
    if (!semi || semi - s > 10 || semi - s < 3)
        return 0;
    size_t n = (size_t)(semi - s - 1);
    if (s[1] == '#') {
        unsigned v = 0;
        bool hex = s[2] == 'x' || s[2] == 'X';
        size_t i = hex ? 3 : 2;
        if (i >= n + 1)
            return 0;
        for (; s + i < semi; i++) {
            char c = s[i];
            unsigned d;
            if (c >= '0' && c <= '9')
                d = (unsigned)(c - '0');
            else if (hex && c >= 'a' && c <= 'f')
                d = (unsigned)(c - 'a' + 10);
            else if (hex && c >= 'A' && c <= 'F')
                d = (unsigned)(c - 'A' + 10);
            else
                return 0;
            v = v * (hex ? 16 : 10) + d;
            if (v > 0x10FFFF)
                return 0;
        }
        *cp = v;
        return n + 2;
    }
    for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++)
        if (strlen(entities[e].name) == n && strncmp(s + 1, entities[e].name, n) == 0) {
            *cp = entities[e].cp;
            return n + 2;
        }
    return 0;
}

/* The first place where needle (lower case) occurs in s, ignoring ASCII case, or NULL. */
static const char *find_nocase(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++) {
        size_t k = 0;
        while (k < n && s[k] && (s[k] | 0x20) == needle[k])
            k++;
        if (k == n)
            return s;
    }
    return NULL;
}

/* HTML to plain text: tags out (a block's as a line break, a list item's as "- "), script and
 * style with their content, entities decoded. */
static char *html_strip(const char *s)
{
    struct sb b = {0};
    for (size_t i = 0; s[i];) {
        if (s[i] == '<') {
            char name[16];
            bool closing;
            size_t k = html_tag(s + i, name, &closing);
            if (k) {
                i += k;
                if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)) {
                    char end[24];
                    snprintf(end, sizeof end, "</%s", name);
                    const char *e = find_nocase(s + i, end);
                    i = e ? (size_t)(e - s) : strlen(s);
                } else if (strcmp(name, "li") == 0) {
                    if (!closing)
                        sb_add(&b, "\n- ");
                } else if (strcmp(name, "br") == 0 || (html_block(name) && !closing)) {
                    sb_addc(&b, '\n');
                } else if (html_block(name)) {
                    sb_add(&b, "\n\n"); /* the end of a paragraph, a list, a heading */
                }
                continue;
            }
        } else if (s[i] == '&') {
            unsigned cp;
            size_t k = html_entity(s + i, &cp);
            char enc[4];
            size_t e;
            if (k && cp && (e = text_encode(cp, enc)) > 0) {
                sb_addn(&b, enc, e);
                i += k;
                continue;
            }
        }
        sb_addc(&b, s[i++]);
    }
    return sb_take(&b);
}

/* ---- Cleaning ---- */

/* TRANSLATORS: why a text cannot be imported: nothing is left once spaces and control
 * characters are removed. */
const char hclean_empty[] = N_("empty");

char *hclean(const char *s, size_t n, unsigned flags, size_t max, unsigned *removed, struct sb *why)
{
    size_t bad;
    if (!text_utf8_valid(s, n, &bad)) {
        /* TRANSLATORS: why a text cannot be imported: the value of the byte, then its offset
         * in the text (0 for the first). */
        sb_addf(why, _("invalid UTF-8 (byte 0x%02X at byte %zu)"), (unsigned char)s[bad], bad);
        return NULL;
    }
    if (memchr(s, '\0', n)) {
        sb_add(why, _("a NUL character in the text"));
        return NULL;
    }
    char *html = NULL;
    if ((flags & HCLEAN_HTML) && (memchr(s, '<', n) || memchr(s, '&', n))) {
        html = html_strip(s);
        s = html;
        n = strlen(s);
    }
    /* What comes out is never longer than what goes in: every character is kept or dropped,
     * and a space stands for at least one white-space character. */
    char *out = xmalloc(n + 1);
    size_t o = 0, chars = 0, nl_run = 0;
    bool lng = flags & HCLEAN_LONG, space = false;
    /* A run of white space that is one no-break space stays one (French puts it before : ; ? !
     * and inside « »); any other run is one plain space. */
    size_t run = 0;
    bool nbsp = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp = c;
        size_t k = 1;
        if (c >= 0x80)
            k = text_decode(s + i, n - i, &cp);
        const char *at = s + i;
        i += k;
        if (cp == '\r') {
            if (i < n && s[i] == '\n')
                continue;
            cp = '\n';
        }
        if (cp == '\n' && lng) {
            /* Trailing spaces of a line go; at most one blank line in a row stays. */
            while (o > 0 && out[o - 1] == ' ')
                o--, chars--;
            space = false;
            if (o == 0 || ++nl_run > 2)
                continue;
            out[o++] = '\n';
            chars++;
            continue;
        }
        if (cp == '\t' || cp == '\n' || cp == ' ' || cp == 0xA0) {
            space = true;
            nbsp = ++run == 1 && cp == 0xA0;
            continue;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069)) {
            if (removed)
                (*removed)++;
            continue;
        }
        if (space && o > 0 && out[o - 1] != '\n') {
            if (nbsp) {
                memcpy(out + o, "\xC2\xA0", 2);
                o += 2;
            } else {
                out[o++] = ' ';
            }
            chars++;
        }
        space = false;
        run = 0;
        nbsp = false;
        nl_run = 0;
        memcpy(out + o, at, k);
        o += k;
        chars++;
    }
    while (o > 0 && (out[o - 1] == '\n' || out[o - 1] == ' '))
        o--, chars--;
    out[o] = '\0';
    free(html);
    if (o == 0) {
        free(out);
        sb_add(why, _(hclean_empty));
        return NULL;
    }
    if (chars > max) {
        free(out);
        char n_chars[32], n_max[32];
        /* TRANSLATORS: why a text cannot be imported: its length, then the limit (both more
         * than one). */
        sb_addf(why, _("%s characters; at most %s are allowed"),
                i18n_number(n_chars, sizeof n_chars, (long long)chars),
                i18n_number(n_max, sizeof n_max, (long long)max));
        return NULL;
    }
    return out;
}

char *hclean_quiet(const char *s, size_t n, unsigned flags, size_t max)
{
    struct sb why = {0};
    char *out = hclean(s, n, flags, max, NULL, &why);
    sb_finish(&why);
    return out;
}

char *hslug(const char *s, size_t max)
{
    char *f = text_fold(s);
    struct sb b = {0};
    bool dash = false;
    for (const char *p = f; *p; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b.len)
                sb_addc(&b, '-');
            dash = false;
            sb_addc(&b, c);
        } else if (c == '\'' || (unsigned char)c >= 0x80) {
            /* An apostrophe joins (d'or -> dor); other letters have no ASCII form: a break. */
            if ((unsigned char)c >= 0x80)
                dash = true;
        } else {
            dash = true;
        }
    }
    free(f);
    if (b.len > max) {
        size_t cut = max;
        while (cut > 0 && b.s[cut] != '-')
            cut--;
        b.len = cut ? cut : max;
        b.s[b.len] = '\0';
    }
    return sb_take(&b);
}

bool hdate(const char *s, char out[11])
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (n > 0 && *s == ' ')
        s++, n--;
    size_t k = n;
    if (n > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' '))
        k = 10;
    if (k != 4 && k != 7 && k != 10)
        return false;
    memcpy(out, s, k);
    out[k] = '\0';
    return dataset_valid_date(out);
}

bool hmojibake(const char *s)
{
    /* UTF-8 read as Latin-1 or CP-1252 and written back as UTF-8 ("Ã©" for "é", "â€™" for a
     * quote), or as CP-437 ("ΓÇÖ", often left as "GÇÖ"): sequences that real text does not
     * hold. */
    static const char *const marks[] = {"\xC3\x83\xC2",         /* Ã then U+0080-U+00BF: "Ã©" */
                                        "\xC3\xA2\xE2\x82\xAC", /* â€ */
                                        "\xC3\x87\xC3\x96",     /* ÇÖ */
                                        "\xC3\x87\xC3\xB4",     /* Çô */
                                        "\xC3\x87\xC3\xB6",     /* Çö */
                                        "\xC3\x87\xC2\xA3",     /* Ç£ */
                                        "\xC3\x87\xC2\xAA",     /* Çª */
                                        "\xC3\x82\xC2\xA0",     /* Â + NBSP */
                                        "\xEF\xBF\xBD"};        /* U+FFFD: already lost */
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(s, marks[i]))
            return true;
    return false;
}
