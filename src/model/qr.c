/* qr.c: QR codes of what a person takes away: the texts, the matrix (libqrencode) and its half
 * blocks. */
#include "qr.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "terms.h"
#include "util.h"

int qr_create(const char *text, struct qr **out)
{
    *out = NULL;
    /* Level L holds the most; a screen is clean and flat, which is what the higher levels are
     * for, so they are taken only when the code stays as small. */
    QRcode *best = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
    if (!best)
        return errno == ENOMEM ? ENOMEM : ERANGE;
    for (QRecLevel level = QR_ECLEVEL_M; level <= QR_ECLEVEL_H; level++) {
        QRcode *c = QRcode_encodeString(text, best->version, level, QR_MODE_8, 1);
        if (!c || c->version != best->version) {
            QRcode_free(c);
            break;
        }
        QRcode_free(best);
        best = c;
    }
    struct qr *q = xcalloc(1, sizeof *q);
    q->width = best->width;
    q->version = best->version;
    q->dark = xmalloc((size_t)best->width * (size_t)best->width);
    for (size_t i = 0; i < (size_t)best->width * (size_t)best->width; i++)
        q->dark[i] = best->data[i] & 1; /* the other bits are how libqrencode built it */
    QRcode_free(best);
    *out = q;
    return 0;
}

void qr_destroy(struct qr *q)
{
    if (!q)
        return;
    free(q->dark);
    free(q);
}

int qr_cols(const struct qr *q, int scale)
{
    return (q->width + 2 * QR_QUIET) * scale;
}

int qr_rows(const struct qr *q, int scale)
{
    return ((q->width + 2 * QR_QUIET) * scale + 1) / 2;
}

int qr_fit(const struct qr *q, int cols, int rows, int max)
{
    for (int s = max; s >= 1; s--)
        if (qr_cols(q, s) <= cols && qr_rows(q, s) <= rows)
            return s;
    return 0;
}

/* The module under half-cell (x, y) at scale: the margin and beyond are light. */
static bool dark_at(const struct qr *q, int scale, int x, int y)
{
    int mx = x / scale - QR_QUIET, my = y / scale - QR_QUIET;
    if (mx < 0 || my < 0 || mx >= q->width || my >= q->width)
        return false;
    return q->dark[(size_t)my * (size_t)q->width + (size_t)mx] != 0;
}

struct text_lines *qr_lines(const struct qr *q, int scale)
{
    int cols = qr_cols(q, scale), rows = qr_rows(q, scale);
    struct text_lines *lines = xcalloc(1, sizeof *lines);
    lines->line = xcalloc((size_t)rows, sizeof *lines->line);
    lines->n = (size_t)rows;
    /* An odd number of half rows ends in a light half: a fifth row of margin at the bottom.
     * The blocks are the light halves. */
    for (int r = 0; r < rows; r++) {
        struct sb b = {0};
        for (int c = 0; c < cols; c++) {
            bool top = !dark_at(q, scale, c, 2 * r), bottom = !dark_at(q, scale, c, 2 * r + 1);
            sb_add(&b, top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ");
        }
        lines->line[r] = sb_take(&b);
    }
    return lines;
}

/* A line of text from the data or a person, in a code: one line, no control characters. */
static void add_line(struct sb *b, const char *label, const char *text)
{
    if (!text || !text[0])
        return;
    char *safe = text_sanitize(text, false);
    sb_addf(b, "%s%s\n", label ? label : "", safe);
    free(safe);
}

char *qr_entry_address(const struct entry *e, char **what)
{
    *what = NULL;
    const char *url = NULL;
    if (e->website && e->website[0]) {
        url = e->website;
        *what = xasprintf(_("The website of %s"), e->name);
    } else if (e->links.n && e->links.v[0].extra && e->links.v[0].extra[0]) {
        url = e->links.v[0].extra;
        *what = xasprintf(_("A page about %s: %s"), e->name,
                          e->links.v[0].text ? e->links.v[0].text : url);
    } else if (e->source.note && e->source.note[0]) {
        url = e->source.note;
        *what = xasprintf(_("Where the facts about %s come from: %s"), e->name,
                          e->source.name ? e->source.name : url);
    }
    if (!url)
        return NULL;
    char *safe = text_sanitize(*what, false);
    free(*what);
    *what = safe;
    return text_sanitize(url, false);
}

/* An item's lines: its name, then its contact as the data has it now, then the note. */
static void item_lines(struct sb *b, struct store *st, const struct state_item *it, size_t number)
{
    struct err why = {0};
    struct entry *e = it->listed ? entry_get(st, it->id, terms_kinds(it->kind), &why) : NULL;
    char num[32] = "";
    if (number)
        snprintf(num, sizeof num, "%zu. ", number);
    add_line(b, num, e ? e->name : it->name);
    if (e) {
        add_line(b, NULL, e->phone);
        add_line(b, NULL, e->email);
        add_line(b, NULL, e->website);
    }
    /* TRANSLATORS: before a note in a QR code's text ("Note: call in May"). */
    add_line(b, _("Note: "), it->note);
    entry_destroy(e);
}

/* The text without its last newline. */
static char *finish(struct sb *b)
{
    if (b->len && b->s[b->len - 1] == '\n')
        b->s[--b->len] = '\0';
    return sb_take(b);
}

char *qr_shortlist_text(struct store *st, const struct state_item *items, size_t n,
                        const char *date)
{
    struct sb b = {0};
    sb_addf(&b, _("itpnav shortlist, %s\n"), date);
    for (size_t i = 0; i < n; i++)
        item_lines(&b, st, &items[i], i + 1);
    return finish(&b);
}

char *qr_item_text(struct store *st, const struct state_item *item)
{
    struct sb b = {0};
    item_lines(&b, st, item, 0);
    return finish(&b);
}
