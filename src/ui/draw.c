/* draw.c: colour roles and width-safe drawing; no dataset text reaches the terminal unsanitised. */
#include "draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "glyph.h"
#include "keys.h"
#include "text.h"
#include "util.h"

/* One row a role: the colour pair (foreground, background) and the attributes that carry the
 * meaning without colour. Monochrome terminals and NO_COLOR get the attributes alone. */
static const struct {
    short fg, bg;
    attr_t color_attr, mono_attr;
} roles[ROLE_COUNT] = {
        [ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
        [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
        [ROLE_STATUS] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
        [ROLE_KEY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
        [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD},
        [ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
        [ROLE_DIM] = {-1, -1, A_DIM, A_DIM},
        [ROLE_LINK] = {COLOR_GREEN, -1, A_UNDERLINE, A_UNDERLINE},
        [ROLE_NOTICE] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
        [ROLE_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
        [ROLE_GOOD] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
        [ROLE_WARN] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
        [ROLE_BAD] = {COLOR_RED, -1, A_NORMAL, A_NORMAL},
        /* A QR code's blocks are its light modules (qr_lines), so that a reader sees dark on
         * light: white on black whatever the terminal's colours; without colours, the usual
         * light-on-dark terminal's own. */
        [ROLE_QR] = {COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_NORMAL},
        [ROLE_STATUS_KEY] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
};

static bool use_color, ascii_text, inactive;

void draw_init_colors(bool color)
{
    use_color = color && has_colors() && start_color() == OK;
    if (!use_color)
        return;
    use_default_colors();
    for (int r = 1; r < ROLE_COUNT; r++)
        init_pair((short)r, roles[r].fg, roles[r].bg);
    /* Bright white where there is one: COLOR_WHITE is often a light grey. */
    if (COLORS >= 16)
        init_pair(ROLE_QR, COLOR_WHITE + 8, roles[ROLE_QR].bg);
}

void draw_set_ascii_text(bool ascii)
{
    ascii_text = ascii;
}

void draw_set_inactive(bool on)
{
    inactive = on;
}

attr_t draw_attr(enum role r)
{
    /* Beneath a dialog the selection is plain bold: one selected row on the screen at a time. */
    if (inactive && r == ROLE_SELECTED)
        return A_BOLD;
    if (!use_color)
        return roles[r].mono_attr;
    /* The selected row is reversed, not coloured: the colour pair would undo the reverse. */
    if (r == ROLE_SELECTED)
        return roles[r].color_attr;
    return roles[r].color_attr | (r ? COLOR_PAIR(r) : 0);
}

/* What is drawn for s in width columns: fitted (padded when pad), in ASCII when it must be.
 * Returns the columns. */
enum fit { FIT_END, FIT_PAD, FIT_MIDDLE };

static int prepare(char *buf, size_t n, const char *s, int width, enum fit how)
{
    int w = how == FIT_PAD      ? text_pad(buf, n, s ? s : "", width)
            : how == FIT_MIDDLE ? text_fit_middle(buf, n, s ? s : "", width)
                                : text_fit(buf, n, s ? s : "", width);
    if (ascii_text) {
        char *a = text_ascii(buf); /* as wide as what it replaces, and never longer */
        snprintf(buf, n, "%s", a);
        free(a);
    }
    return w;
}

static void put(int y, int x, enum role r, const char *buf)
{
    attr_t a = draw_attr(r);
    attron(a);
    mvaddstr(y, x, buf);
    attroff(a);
}

int draw_text(int y, int x, int width, enum role r, const char *s)
{
    if (width <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return 0;
    if (x + width > COLS)
        width = COLS - x;
    char buf[2048];
    int w = prepare(buf, sizeof buf, s, width, FIT_END);
    put(y, x, r, buf);
    return w;
}

int draw_name(int y, int x, int width, enum role r, const char *s)
{
    if (width <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return 0;
    if (x + width > COLS)
        width = COLS - x;
    char buf[2048];
    int w = prepare(buf, sizeof buf, s, width, FIT_MIDDLE);
    put(y, x, r, buf);
    return w;
}

void draw_line(int y, int x, int width, enum role r, const char *s)
{
    if (width <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    if (x + width > COLS)
        width = COLS - x;
    char buf[2048];
    prepare(buf, sizeof buf, s, width, FIT_PAD);
    put(y, x, r, buf);
}

void draw_glyph(int y, int x, enum role r, int g)
{
    if (y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    put(y, x, r, glyph((enum glyph)g));
}

/* ---- web addresses ---- */

struct link_mark {
    int y, x, w;
    attr_t attr;
    char *shown, *url;
};

static struct {
    bool hyperlinks, rewrap;
    struct link_mark *v;
    size_t n, cap;
} links;

void draw_links_setup(bool hyperlinks, bool rewrap)
{
    links.hyperlinks = hyperlinks;
    links.rewrap = rewrap;
}

static bool version_at_least(const char *v, long min)
{
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return v && end != v && n >= min;
}

bool draw_hyperlinks_supported(const char *(*get)(const char *name))
{
    const char *force = get("ITPNAV_HYPERLINKS");
    if (force && force[0])
        return strcmp(force, "1") == 0 || strcmp(force, "yes") == 0;
    /* A multiplexer between us and the terminal drops them (tmux before 3.4, screen), and the
     * variables below may describe the terminal outside it. */
    const char *term = get("TERM");
    if (get("TMUX") || get("STY") ||
        (term && (strncmp(term, "tmux", 4) == 0 || strncmp(term, "screen", 6) == 0)))
        return false;
    static const char *const programs[] = {"iTerm.app", "WezTerm", "vscode", "ghostty"};
    const char *program = get("TERM_PROGRAM");
    for (size_t i = 0; program && i < sizeof programs / sizeof programs[0]; i++)
        if (strcmp(program, programs[i]) == 0)
            return true;
    static const char *const terms[] = {"xterm-kitty", "foot",          "foot-extra", "wezterm",
                                        "alacritty",   "xterm-ghostty", "contour"};
    for (size_t i = 0; term && i < sizeof terms / sizeof terms[0]; i++)
        if (strcmp(term, terms[i]) == 0)
            return true;
    /* VTE (GNOME Terminal, Tilix, ...) has them since 0.50; Windows Terminal since 1.4. */
    return version_at_least(get("VTE_VERSION"), 5000) || get("WT_SESSION") != NULL;
}

char *draw_link_target(const char *url)
{
    if (!url || (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0))
        return NULL;
    struct sb b = {0};
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        /* No control character, space or DEL can end or change the sequence; ESC least of
         * all. Bytes of other characters are written as %XX, which a URL allows. */
        if (*p <= 0x20 || *p == 0x7F) {
            sb_finish(&b);
            return NULL;
        }
        if (*p >= 0x80)
            sb_addf(&b, "%%%02X", *p);
        else
            sb_addc(&b, (char)*p);
    }
    return sb_take(&b);
}

void draw_link_mark(int y, int x, int width, enum role r, const char *s, const char *url)
{
    if ((!links.hyperlinks && !links.rewrap) || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    if (x + width > COLS)
        width = COLS - x;
    char buf[2048];
    int w = prepare(buf, sizeof buf, s, width, FIT_END);
    if (w <= 0)
        return;
    if (links.n == links.cap) {
        links.cap = links.cap ? 2 * links.cap : 8;
        links.v = xrealloc(links.v, links.cap * sizeof *links.v);
    }
    links.v[links.n++] = (struct link_mark){y, x, w, draw_attr(r), xstrdup(buf), xstrdup(url)};
}

void draw_links_reset(void)
{
    for (size_t i = 0; i < links.n; i++) {
        free(links.v[i].shown);
        free(links.v[i].url);
    }
    links.n = 0;
}

/* The output of one flush, written at once. */
static struct sb out;

static int out_char(int c)
{
    sb_addc(&out, (char)c);
    return c;
}

/* A terminfo string without its padding ("$<5>"), which only a slow terminal needs. */
static void out_cap(const char *cap)
{
    for (const char *p = cap; p && *p; p++) {
        if (p[0] == '$' && p[1] == '<' && strchr(p, '>')) {
            p = strchr(p, '>');
            continue;
        }
        sb_addc(&out, *p);
    }
}

static void out_move(int y, int x)
{
    char *cup = tigetstr("cup");
    if (cup && cup != (char *)-1)
        out_cap(tiparm(cup, y, x));
}

void draw_links_flush(void)
{
    char *cup = tigetstr("cup");
    if (!links.n || !cup || cup == (char *)-1) {
        draw_links_reset(); /* without a way to move the cursor there is no writing them again */
        return;
    }
    int cy, cx;
    getyx(curscr, cy, cx);
    sb_add(&out, "");
    for (size_t i = 0; i < links.n;) {
        /* A run: marks of one address, each starting a row where the one before filled its
         * row to the edge, so that the terminal's own wrap joins them. */
        size_t j = i + 1;
        while (j < links.n && strcmp(links.v[j].url, links.v[i].url) == 0 &&
               links.v[j].y == links.v[j - 1].y + 1 && links.v[j].x == 0 &&
               links.v[j - 1].x + links.v[j - 1].w == COLS)
            j++;
        char *target = links.hyperlinks ? draw_link_target(links.v[i].url) : NULL;
        bool rewrap = links.rewrap && j - i > 1;
        if (target || rewrap) {
            out_move(links.v[i].y, links.v[i].x);
            if (target)
                sb_addf(&out, "\033]8;id=itpnav%zu;%s\033\\", i, target);
            for (size_t k = i; k < j; k++) {
                vid_puts(links.v[k].attr & ~A_COLOR, (short)PAIR_NUMBER(links.v[k].attr), NULL,
                         out_char);
                sb_add(&out, links.v[k].shown);
            }
            if (target)
                sb_add(&out, "\033]8;;\033\\");
            vid_puts(A_NORMAL, 0, NULL, out_char);
        }
        free(target);
        i = j;
    }
    if (out.len) {
        out_move(cy, cx);
        fflush(stdout);
        for (size_t done = 0; done < out.len;) {
            ssize_t w = write(STDOUT_FILENO, out.s + done, out.len - done);
            if (w <= 0)
                break; /* a terminal that is gone: the main loop finds out on its next read */
            done += (size_t)w;
        }
    }
    sb_finish(&out);
    draw_links_reset();
}

void listview_fit(struct listview *lv, int height)
{
    if (height < 1)
        height = 1;
    if (lv->n == 0) {
        lv->sel = lv->top = 0;
        return;
    }
    if (lv->sel >= lv->n)
        lv->sel = lv->n - 1;
    if (lv->sel < lv->top)
        lv->top = lv->sel;
    if (lv->sel >= lv->top + (size_t)height)
        lv->top = lv->sel - (size_t)height + 1;
    /* Never leave empty rows below the end when there is more above. */
    if (lv->top + (size_t)height > lv->n)
        lv->top = lv->n > (size_t)height ? lv->n - (size_t)height : 0;
}

bool listview_move(struct listview *lv, int action, int height)
{
    size_t old = lv->sel, page = height > 1 ? (size_t)height - 1 : 1;
    if (lv->n == 0)
        return false;
    switch (action) {
    case A_UP: lv->sel = lv->sel ? lv->sel - 1 : 0; break;
    case A_DOWN: lv->sel = lv->sel + 1 < lv->n ? lv->sel + 1 : lv->sel; break;
    case A_PAGE_UP: lv->sel = lv->sel > page ? lv->sel - page : 0; break;
    case A_PAGE_DOWN: lv->sel = lv->sel + page < lv->n ? lv->sel + page : lv->n - 1; break;
    case A_FIRST: lv->sel = 0; break;
    case A_LAST: lv->sel = lv->n - 1; break;
    default: return false;
    }
    listview_fit(lv, height);
    return lv->sel != old;
}

enum role draw_status_role(const char *status)
{
    if (!status)
        return ROLE_DIM;
    if (strcmp(status, "available") == 0)
        return ROLE_GOOD;
    if (strcmp(status, "closed") == 0)
        return ROLE_BAD;
    return ROLE_WARN;
}
