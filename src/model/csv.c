/* csv.c: an RFC 4180 CSV reader that holds one row at a time (and never more than a set size),
 * and the matching writer. */
#include "csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

#define MAX_ROW_DEFAULT ((size_t)4 << 20)

struct csv_reader {
    FILE *f;
    size_t max_row;
    long line;
    bool started, eof;
    char in[64 << 10];
    size_t in_pos, in_len;
    struct sb text; /* the row's fields, each followed by a NUL */
    size_t *starts; /* where each field starts in text */
    char **field;
    size_t *len;
    size_t cap;
    char problem[160];
};

struct csv_reader *csv_open(FILE *f, size_t max_row)
{
    struct csv_reader *r = xcalloc(1, sizeof *r);
    r->f = f;
    r->max_row = max_row ? max_row : MAX_ROW_DEFAULT;
    r->line = 1;
    return r;
}

/* At least need bytes buffered, unless the file ends first; returns how many are. */
static size_t fill(struct csv_reader *r, size_t need)
{
    while (r->in_len - r->in_pos < need && !r->eof) {
        memmove(r->in, r->in + r->in_pos, r->in_len - r->in_pos);
        r->in_len -= r->in_pos;
        r->in_pos = 0;
        size_t got = fread(r->in + r->in_len, 1, sizeof r->in - r->in_len, r->f);
        if (got == 0)
            r->eof = true;
        r->in_len += got;
    }
    return r->in_len - r->in_pos;
}

static int get(struct csv_reader *r)
{
    return fill(r, 1) ? (unsigned char)r->in[r->in_pos++] : EOF;
}

static int peek(struct csv_reader *r)
{
    return fill(r, 1) ? (unsigned char)r->in[r->in_pos] : EOF;
}

static void end_field(struct csv_reader *r, size_t *n, size_t *field_start)
{
    if (*n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 32;
        r->starts = xrealloc(r->starts, r->cap * sizeof *r->starts);
        r->field = xrealloc(r->field, r->cap * sizeof *r->field);
        r->len = xrealloc(r->len, r->cap * sizeof *r->len);
    }
    r->starts[*n] = *field_start;
    r->len[*n] = r->text.len - *field_start;
    (*n)++;
    sb_addc(&r->text, '\0');
    *field_start = r->text.len;
}

int csv_next(struct csv_reader *r, struct csv_row *row)
{
    *row = (struct csv_row){0};
    if (!r->started) {
        r->started = true;
        if (fill(r, 3) >= 3 && memcmp(r->in + r->in_pos, "\xEF\xBB\xBF", 3) == 0)
            r->in_pos += 3;
    }
    int c = get(r);
    if (c == EOF)
        return ferror(r->f) ? -1 : 0;
    r->text.len = 0;
    size_t n = 0, field_start = 0;
    bool quoted = false, in_quotes = false, after_quote = false, too_big = false;
    bool nul = false, stray = false, open = false;
    uint64_t bytes = 0;
    row->line = r->line;
    for (;; c = get(r)) {
        if (c != EOF)
            bytes++;
        if (!too_big && bytes > r->max_row)
            too_big = true;
        if (in_quotes) {
            if (c == EOF) {
                open = true;
                break;
            }
            if (c == '"') {
                if (peek(r) == '"') {
                    get(r);
                    bytes++;
                } else {
                    in_quotes = false;
                    after_quote = true;
                    continue;
                }
            } else if (c == '\n') {
                r->line++;
            }
        } else if (c == ',' || c == '\n' || c == '\r' || c == EOF) {
            if (c == '\r' && peek(r) == '\n')
                get(r);
            if (!too_big)
                end_field(r, &n, &field_start);
            quoted = after_quote = false;
            if (c == ',')
                continue;
            if (c != EOF)
                r->line++;
            break;
        } else if (c == '"' && !quoted && r->text.len == field_start) {
            quoted = in_quotes = true;
            continue;
        } else if (after_quote) {
            stray = true;
        }
        if (c == 0)
            nul = true;
        if (!too_big)
            sb_addc(&r->text, (char)c);
    }
    if (ferror(r->f))
        return -1;
    row->bytes = bytes;
    if (open) {
        snprintf(r->problem, sizeof r->problem, "%s",
                 _("a quoted field is not closed before the end of the file"));
        row->problem = r->problem;
        return 1;
    }
    if (too_big) {
        char n_bytes[32], n_max[32];
        /* TRANSLATORS: a row of a CSV file: its size, then the limit, both in bytes. */
        snprintf(r->problem, sizeof r->problem,
                 _("the row is %s bytes; a row may be at most %s bytes"),
                 i18n_number(n_bytes, sizeof n_bytes, (long long)bytes),
                 i18n_number(n_max, sizeof n_max, (long long)r->max_row));
        row->problem = r->problem;
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        r->field[i] = r->text.s + r->starts[i];
    row->n = n;
    row->field = r->field;
    row->len = r->len;
    if (nul)
        row->problem = _("a NUL byte in a field");
    else if (stray)
        row->problem = _("text after a closing quote (kept; RFC 4180 does not allow it)");
    return 1;
}

void csv_close(struct csv_reader *r)
{
    if (!r)
        return;
    sb_finish(&r->text);
    free(r->starts);
    free(r->field);
    free(r->len);
    free(r);
}

void csv_field(FILE *f, const char *s, bool first)
{
    if (!first)
        putc(',', f);
    if (!s)
        return;
    size_t n = strlen(s);
    bool quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ' || strpbrk(s, ",\"\r\n"));
    if (!quote) {
        fwrite(s, 1, n, f);
        return;
    }
    putc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            putc('"', f);
        putc(*p, f);
    }
    putc('"', f);
}

void csv_end_row(FILE *f)
{
    fputs("\r\n", f);
}
