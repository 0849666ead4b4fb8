/* test_keys.c: unit tests for src/ui/keys.c (the one table of actions and keys, the help and the
 * status hints it writes) and the editing keys of src/ui/field.c. ncursesw is linked for its key
 * codes but never started.
 *
 * With --help-lines [--kiosk], prints the help that the table writes instead, one line a key
 * ("label<TAB>sentence") or a section ("<TAB>title"), for tests/tui/screens.sh to find on the
 * Help screen. */
#include <curses.h>

#include "draw.h"
#include "field.h"
#include "glyph.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "unit.h"

#define CTRL(c) ((c)&0x1f)

/* Every action but A_NONE and A_COUNT has exactly one entry, with a name, a label and a
 * sentence; names are unique and written as the man page gives them. */
static void test_table_complete(void)
{
    CHECK_INT(key_table_len, A_COUNT - 1);
    for (int a = A_NONE + 1; a < A_COUNT; a++) {
        size_t n = 0;
        for (size_t i = 0; i < key_table_len; i++)
            n += key_table[i].action == (enum action)a;
        if (n != 1)
            fprintf(stderr, "action %d has %zu entries\n", a, n);
        CHECK_INT(n, 1);
        CHECK(key_def_of((enum action)a) != NULL);
    }
    for (size_t i = 0; i < key_table_len; i++) {
        const struct key_def *k = &key_table[i];
        CHECK(k->name && k->name[0]);
        CHECK(strspn(k->name, "abcdefghijklmnopqrstuvwxyz-") == strlen(k->name));
        CHECK(k->label && k->label[0]);
        CHECK(k->help && k->help[0]);
        CHECK(k->scope != 0);
        CHECK(k->keys[0] != 0 || (k->flags & KEYF_DIGITS));
        for (size_t j = 0; j < i; j++)
            if (strcmp(key_table[j].name, k->name) == 0) {
                fprintf(stderr, "the name %s is used twice\n", k->name);
                CHECK(0);
            }
    }
}

/* The table has the usual actions: what the Help screen shows (tests/tui/screens.sh). */
static void test_table_usual(void)
{
    size_t shown = 0;
    for (size_t i = 0; i < key_table_len; i++)
        shown += key_shown(&key_table[i], false);
    CHECK(shown >= 20);
    CHECK_STR(key_def_of(A_QUIT)->name, "quit");
    CHECK_STR(key_def_of(A_SEARCH)->label, "/");
    CHECK_STR(key_def_of(A_UP)->help, "Move up one line.");
    CHECK_STR(key_def_of(A_KIND)->help, "Show only groups or only programs.");
}

/* Within the command scopes, and within each of the field's and the choice's, no key means two
 * things. */
static void test_no_key_twice(void)
{
    const unsigned groups[] = {SCOPE_COMMANDS, SCOPE_FIELD, SCOPE_CHOICE};
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (size_t i = 0; i < key_table_len; i++)
            for (size_t j = i + 1; j < key_table_len; j++) {
                const struct key_def *a = &key_table[i], *b = &key_table[j];
                if (!(a->scope & groups[g]) || !(b->scope & groups[g]))
                    continue;
                for (size_t x = 0; x < 4 && a->keys[x]; x++)
                    for (size_t y = 0; y < 4 && b->keys[y]; y++)
                        if (a->keys[x] == b->keys[y]) {
                            fprintf(stderr, "key %d is both %s and %s\n", a->keys[x], a->name,
                                    b->name);
                            CHECK(0);
                        }
            }
}

static void test_key_action(void)
{
    CHECK_INT(key_action('q'), A_QUIT);
    CHECK_INT(key_action(KEY_FN(KEY_UP)), A_UP);
    CHECK_INT(key_action('j'), A_DOWN);
    CHECK_INT(key_action(' '), A_PAGE_DOWN);
    CHECK_INT(key_action('\n'), A_OPEN);
    /* Esc and Backspace are "back" as commands; a field's and a choice's keys are theirs only. */
    CHECK_INT(key_action(27), A_BACK);
    CHECK_INT(key_action(KEY_FN(KEY_BACKSPACE)), A_BACK);
    CHECK_INT(key_action(CTRL('w')), A_NONE);
    /* The number keys choose in a menu (the home screen, What's my path?) and in a choice. */
    CHECK_INT(key_action('5'), A_CHOOSE);
    CHECK_INT(key_action('0'), A_NONE);
    CHECK_INT(key_action(CTRL('x')), A_OPERATOR);
    CHECK_INT(key_action('Z'), A_NONE);
}

static void test_choice_keys(void)
{
    for (int d = '1'; d <= '9'; d++)
        CHECK_INT(key_action_in(SCOPE_CHOICE, d), A_CHOOSE);
    CHECK_INT(key_action_in(SCOPE_CHOICE, '0'), A_NONE);
    CHECK_INT(key_action_in(SCOPE_CHOICE, ' '), A_TOGGLE);
    CHECK_INT(key_action_in(SCOPE_CHOICE, 27), A_CANCEL);
    CHECK_STR(key_def_of(A_CHOOSE)->label, "1-9");
}

/* The field's keys are in the table: Backspace (all three codes), Ctrl-W, Ctrl-U, Enter (all
 * three), Esc, and both arrows; the arrows too, which the old hand-written help left out. */
static void test_field_keys_in_table(void)
{
    const struct {
        int key;
        enum action a;
    } want[] = {
            {KEY_FN(KEY_BACKSPACE), A_FIELD_DELETE_CHAR},
            {127, A_FIELD_DELETE_CHAR},
            {8, A_FIELD_DELETE_CHAR},
            {CTRL('w'), A_FIELD_DELETE_WORD},
            {CTRL('u'), A_FIELD_CLEAR},
            {'\n', A_FIELD_ACCEPT},
            {'\r', A_FIELD_ACCEPT},
            {KEY_FN(KEY_ENTER), A_FIELD_ACCEPT},
            {27, A_FIELD_CANCEL},
            {KEY_FN(KEY_UP), A_FIELD_LEAVE},
            {KEY_FN(KEY_DOWN), A_FIELD_LEAVE},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        CHECK_INT(key_action_in(SCOPE_FIELD, want[i].key), want[i].a);
        CHECK(key_def_of(want[i].a)->scope == SCOPE_FIELD);
    }
    CHECK_INT(key_action_in(SCOPE_FIELD, 'q'), A_NONE);
    CHECK_STR(key_def_of(A_FIELD_LEAVE)->label, "↓ ↑");
}

static void test_field_editing(void)
{
    char buf[32] = "";
    struct field f;
    field_init(&f, buf, sizeof buf);
    CHECK_INT(field_key(&f, KEY_FN(KEY_BACKSPACE)), FIELD_IGNORED); /* nothing to delete */
    CHECK_INT(field_key(&f, 'h'), FIELD_CHANGED);
    CHECK_INT(field_key(&f, 'i'), FIELD_CHANGED);
    CHECK_INT(field_key(&f, ' '), FIELD_CHANGED);
    CHECK_INT(field_key(&f, 0xE9), FIELD_CHANGED); /* é */
    CHECK_INT(field_key(&f, 'q'), FIELD_CHANGED);  /* letters are letters, q too */
    CHECK_STR(buf, "hi éq");
    CHECK_INT(field_key(&f, 127), FIELD_CHANGED);
    CHECK_STR(buf, "hi é");
    CHECK_INT(field_key(&f, KEY_FN(KEY_BACKSPACE)), FIELD_CHANGED);
    CHECK_STR(buf, "hi ");
    CHECK_INT(field_key(&f, 'x'), FIELD_CHANGED);
    CHECK_INT(field_key(&f, CTRL('w')), FIELD_CHANGED);
    CHECK_STR(buf, "hi ");
    CHECK_INT(field_key(&f, CTRL('u')), FIELD_CHANGED);
    CHECK_STR(buf, "");
    CHECK_INT(field_key(&f, '\r'), FIELD_ACCEPT);
    CHECK_INT(field_key(&f, 27), FIELD_CANCEL);
    CHECK_INT(field_key(&f, KEY_FN(KEY_DOWN)), FIELD_LEAVE);
    CHECK_INT(field_key(&f, KEY_FN(KEY_UP)), FIELD_LEAVE);
    CHECK_INT(field_key(&f, KEY_FN(KEY_F(5))), FIELD_IGNORED);
    CHECK_INT(field_key(&f, KEY_FN(KEY_LEFT)), FIELD_IGNORED);
    CHECK_STR(buf, "");
    /* Full: a character that does not fit is taken and dropped. */
    char small[3] = "";
    field_init(&f, small, sizeof small);
    CHECK_INT(field_key(&f, 'a'), FIELD_CHANGED);
    CHECK_INT(field_key(&f, 'b'), FIELD_CHANGED);
    CHECK_INT(field_key(&f, 'c'), FIELD_HANDLED);
    CHECK_STR(small, "ab");
}

/* One filter for every field: no C0, DEL, C1, bidi override or isolate is ever typed. */
static void test_field_printable(void)
{
    const unsigned bad[] = {0x00,   0x01,   0x09,   0x0A,   0x1B,   0x1F,   0x7F,
                            0x80,   0x85,   0x9B,   0x9F,   0x202A, 0x202B, 0x202C,
                            0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(!field_printable(bad[i]));
        char buf[16] = "";
        struct field f;
        field_init(&f, buf, sizeof buf);
        enum field_result want = bad[i] == 0x1B   ? FIELD_CANCEL /* Esc */
                                 : bad[i] == 0x0A ? FIELD_ACCEPT /* Enter */
                                                  : FIELD_IGNORED;
        CHECK_INT(field_key(&f, (int)bad[i]), want);
        CHECK_STR(buf, "");
    }
    const unsigned good[] = {' ', 'a', '~', 0xA0, 0xE9, 0x2029, 0x2065, 0x206A, 0x4E2D, 0x1F600};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        CHECK(field_printable(good[i]));
    /* Text put into a field (a note being changed) keeps only what could be typed. */
    char buf[32];
    struct field f;
    field_init(&f, buf, sizeof buf);
    field_set(&f, "a\xE2\x80\xAE"
                  "b\nc\x1b[2Jd\xC2\x9B"
                  "e");
    CHECK_STR(buf, "abc[2Jde");
}

/* What key_help wrote, as "label<TAB>text" lines ("<TAB>title" for a section). */
struct help_text {
    struct {
        char s[16384];
        size_t n;
    } out;
    int lines, titles;
};

static void collect(void *ctx, const char *label, const char *text)
{
    struct help_text *h = ctx;
    int w = snprintf(h->out.s + h->out.n, sizeof h->out.s - h->out.n, "%s\t%s\n",
                     label ? label : "", text);
    if (w > 0 && (size_t)w < sizeof h->out.s - h->out.n)
        h->out.n += (size_t)w;
    if (label)
        h->lines++;
    else
        h->titles++;
}

/* The help is written from the table: each section's title, then a line for each key of that
 * scope shown in the mode, with its label and sentence as the table has them; the operator's
 * key never shows, q not in a kiosk. */
static void test_help_from_table(void)
{
    for (int kiosk = 0; kiosk <= 1; kiosk++) {
        struct help_text h = {0};
        key_help(kiosk, collect, &h);
        CHECK_INT(h.titles, key_sections_len);
        int want = 0;
        const char *at = h.out.s;
        for (size_t s = 0; s < key_sections_len; s++) {
            char title[128];
            snprintf(title, sizeof title, "\t%s\n", key_sections[s].title);
            const char *t = strstr(at, title);
            CHECK(t != NULL); /* the sections in order */
            if (!t)
                break;
            at = t + strlen(title);
            for (size_t i = 0; i < key_table_len; i++) {
                const struct key_def *k = &key_table[i];
                if (!(k->scope & key_sections[s].scope) || !key_shown(k, kiosk))
                    continue;
                want++;
                char line[512];
                snprintf(line, sizeof line, "%s\t%s\n", k->label, key_help_text(k, kiosk));
                const char *l = strstr(at, line);
                if (!l)
                    fprintf(stderr, "help lacks %s in \"%s\"\n", k->name, key_sections[s].title);
                CHECK(l != NULL); /* the keys in table order */
                if (l)
                    at = l + strlen(line);
            }
        }
        CHECK_INT(h.lines, want);
        CHECK(strstr(h.out.s, "Ctrl-X") == NULL);
        CHECK((strstr(h.out.s, "q\tQuit itpnav.\n") != NULL) == !kiosk);
        /* A kiosk's help offers only what works there: no quitting, no new client, no file. */
        for (const char *const *w =
                     (const char *const[]){"Quit", "new client", "Markdown", "as text", NULL};
             *w; w++)
            if (kiosk && strstr(h.out.s, *w))
                fprintf(stderr, "the kiosk's help has \"%s\"\n", *w);
        CHECK(!kiosk || (!strstr(h.out.s, "Quit") && !strstr(h.out.s, "new client") &&
                         !strstr(h.out.s, "Markdown") && !strstr(h.out.s, "as text")));
        CHECK(strstr(h.out.s, "QR code") != NULL);
    }
    /* The sections the help has always had, and the typing keys with their sentences. */
    struct help_text h = {0};
    key_help(false, collect, &h);
    static const char *const want[] = {
            "\tEverywhere\n",
            "\tIn a list\n",
            "\tOn a detail screen\n",
            "\tOn the shortlist\n",
            "\tIn a question or a choice\n",
            "While typing a search",
            "1-9\tChoose the item or the answer with that number",
            "in a checklist, check or uncheck it (the numbers of Skip and Done end it).\n",
            "Space\tCheck or uncheck an answer",
            "Backspace\tDelete the last character.\n",
            "Ctrl-W\tDelete the last word.\n",
            "Ctrl-U\tClear the search.",
            "Enter\tKeep the search and return to the list.",
            "Esc\tKeep the search and return to the list.",
            "↓ ↑\tKeep the search and return to the list.",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (!strstr(h.out.s, want[i]))
            fprintf(stderr, "help lacks: %s\n", want[i]);
        CHECK(strstr(h.out.s, want[i]) != NULL);
    }
}

/* The escape sequences a terminal's description may lack: the keys they are, or 0 (dropped). */
static void test_sequences(void)
{
    CHECK_INT(key_from_sequence("[4~"), KEY_FN(KEY_END)); /* tmux's End */
    CHECK_INT(key_from_sequence("[F"), KEY_FN(KEY_END));
    CHECK_INT(key_from_sequence("OF"), KEY_FN(KEY_END));
    CHECK_INT(key_from_sequence("[1~"), KEY_FN(KEY_HOME));
    CHECK_INT(key_from_sequence("[H"), KEY_FN(KEY_HOME));
    CHECK_INT(key_from_sequence("[3~"), KEY_FN(KEY_DC));
    CHECK_INT(key_from_sequence("[Z"), KEY_FN(KEY_BTAB));
    CHECK_INT(key_from_sequence("[A"), KEY_FN(KEY_UP));
    CHECK_INT(key_from_sequence("[1;2A"), KEY_FN(KEY_SR));
    CHECK_INT(key_from_sequence("OP"), KEY_FN(KEY_F(1)));
    CHECK_INT(key_from_sequence("[99~"), 0);
    CHECK_INT(key_from_sequence("[1;5A"), 0);
    CHECK_INT(key_from_sequence("[200~"), 0);
    CHECK_INT(key_from_sequence(""), 0);
    /* Every key these give means what the table says. */
    CHECK_INT(key_action(key_from_sequence("[4~")), A_LAST);
    CHECK_INT(key_action(key_from_sequence("[1~")), A_FIRST);
    CHECK_INT(key_action_in(SCOPE_CHOICE, key_from_sequence("[3~")), A_CLEAR_FILTER);
}

/* The status bar's hints: whole ones dropped when they do not fit, help kept longest, each where
 * a tap finds it. */
static void test_hints(void)
{
    static const enum action list[] = {A_OPEN,  A_MARK, A_SEARCH, A_REGION, A_GOAL,
                                       A_CLEAR, A_BACK, A_HELP,   A_QUIT};
    struct key_hint h[16];
    size_t n = key_hints(SCOPE_LIST, list, 9, false, 80, h, 16);
    CHECK_INT(n, 9);
    CHECK_STR(h[0].text, "Enter open");
    CHECK_INT(h[0].x, 0);
    CHECK_INT(h[1].x, h[0].w + 2);
    CHECK_INT(h[0].key, '\n');
    CHECK_INT(h[7].action, A_HELP);
    n = key_hints(SCOPE_LIST, list, 9, false, 40, h, 16);
    int end = 0;
    bool help = false, cut = false;
    for (size_t i = 0; i < n; i++) {
        end = h[i].x + h[i].w;
        help = help || h[i].action == A_HELP;
        cut = cut || strchr(h[i].text, ' ') == NULL;
    }
    CHECK(end <= 40);
    CHECK(help);
    CHECK(!cut);
    CHECK(n < 9 && n >= 3);
    /* The least needed keys give way before the bar closes up: at any width, a bar one space
     * apart holds only open, back, help, quit and the language. */
    for (int width = 20; width <= 100; width++) {
        n = key_hints(SCOPE_LIST, list, 9, false, width, h, 16);
        bool close = false, minor = false;
        for (size_t i = 0; i < n; i++) {
            close = close || (i && h[i].x == h[i - 1].x + h[i - 1].w + 1);
            minor = minor ||
                    !(h[i].action == A_OPEN || h[i].action == A_BACK || h[i].action == A_HELP ||
                      h[i].action == A_QUIT || h[i].action == A_LANG);
        }
        CHECK(!(close && minor));
    }
    /* In a kiosk, quit is not offered. */
    n = key_hints(SCOPE_LIST, list, 9, true, 200, h, 16);
    for (size_t i = 0; i < n; i++)
        CHECK(h[i].action != A_QUIT);
    CHECK_STR(key_first(A_UNDO), "u");
    CHECK_STR(key_first(A_BACK), "Esc");
    CHECK_STR(key_first(A_REMOVE), "D");
}

/* The language's hint, on a list's bar: kept before the other hints, given up before open, back
 * and help (and before quit where there is no back: Home). */
static void test_lang_hint(void)
{
    static const enum action list[] = {A_OPEN,  A_MARK, A_SEARCH, A_REGION, A_GOAL,
                                       A_CLEAR, A_BACK, A_LANG,   A_HELP,   A_QUIT};
    struct key_hint h[16];
    /* "Enter open  Esc back  L français  ? help" is 40 columns. */
    size_t n = key_hints(SCOPE_LIST, list, 10, false, 40, h, 16);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK_STR(h[0].text, "Enter open");
        CHECK_STR(h[1].text, "Esc back");
        CHECK_STR(h[2].text, "L français");
        CHECK_STR(h[3].text, "? help");
    }
    /* One column less: one space between the hints keeps all four (37 columns)... */
    n = key_hints(SCOPE_LIST, list, 10, false, 39, h, 16);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK_STR(h[2].text, "L français");
        CHECK_INT(h[1].x, h[0].w + 1);
        CHECK(h[3].x + h[3].w <= 39);
    }
    /* ...and one column less than that, L goes and the essentials stay, two spaces apart. */
    n = key_hints(SCOPE_LIST, list, 10, false, 36, h, 16);
    CHECK_INT(n, 3);
    for (size_t i = 0; i < n; i++)
        CHECK(h[i].action == A_OPEN || h[i].action == A_BACK || h[i].action == A_HELP);
    if (n == 3)
        CHECK_INT(h[1].x, h[0].w + 2);
    /* Home: no back, so quit is essential and stays before L. */
    static const enum action home[] = {A_OPEN, A_REGION, A_LANG, A_HELP, A_QUIT};
    n = key_hints(SCOPE_MENU, home, 5, false, 30, h, 16);
    CHECK_INT(n, 3);
    for (size_t i = 0; i < n; i++)
        CHECK(h[i].action != A_LANG && h[i].action != A_REGION);
    n = key_hints(SCOPE_MENU, home, 5, false, 38, h, 16);
    CHECK_INT(n, 4);
    if (n == 4)
        CHECK_STR(h[1].text, "L français");
}

/* A hint in a context: the status bar's "delivery" is a word of its own in French
 * ("prestation"), not the option's name ("mode de prestation"). */
static void test_hint_context(void)
{
    CHECK_STR(key_hint_text(key_def_of(A_DELIVERY)), "delivery");
    CHECK(text_init_locale());
    i18n_init("en");
    if (!i18n_set_lang("fr")) {
        printf("skip: no French UTF-8 locale is installed (setup.sh generates fr_CA.UTF-8)\n");
        return;
    }
    CHECK_STR(key_hint_text(key_def_of(A_DELIVERY)), "prestation");
    CHECK_STR(C_("option", "delivery"), "mode de prestation");
    CHECK_STR(key_hint_text(key_def_of(A_LANG)), "English");
    CHECK_STR(key_hint_text(key_def_of(A_REGION)), "lieu");
    CHECK(i18n_set_lang("en"));
    CHECK_STR(key_hint_text(key_def_of(A_DELIVERY)), "delivery");
    CHECK_STR(key_hint_text(key_def_of(A_LANG)), "français");
}

/* One glyph table, both forms; the ASCII forms only where they are needed. */
static void test_glyphs(void)
{
    for (int g = 0; g < GLYPH_COUNT; g++) {
        CHECK(glyph_table[g].unicode && glyph_table[g].unicode[0]);
        CHECK(glyph_table[g].ascii && glyph_table[g].ascii[0]);
        CHECK(glyph_table[g].meaning && glyph_table[g].meaning[0]);
        for (const char *p = glyph_table[g].ascii; *p; p++)
            CHECK((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
    }
    CHECK(glyph_needs_ascii("linux", true));
    CHECK(glyph_needs_ascii("linux-16color", true));
    CHECK(glyph_needs_ascii("xterm-256color", false));
    CHECK(!glyph_needs_ascii("xterm-256color", true));
    glyph_set_ascii(true);
    CHECK_STR(glyph(GLYPH_SAVED), "*");
    char *t = glyph_text("↑ k");
    CHECK_STR(t, "Up k");
    free(t);
    t = glyph_text("Enter →");
    CHECK_STR(t, "Enter Right");
    free(t);
    CHECK_STR(key_first(A_UP), "Up");
    glyph_set_ascii(false);
    CHECK_STR(glyph(GLYPH_SAVED), "★");
    t = glyph_text("↑ k");
    CHECK_STR(t, "↑ k");
    free(t);
}

static const char *fake_env[16][2];

static const char *get_fake(const char *name)
{
    for (size_t i = 0; i < 16 && fake_env[i][0]; i++)
        if (strcmp(fake_env[i][0], name) == 0)
            return fake_env[i][1];
    return NULL;
}

static bool linked_with(const char *a, const char *av, const char *b, const char *bv)
{
    memset(fake_env, 0, sizeof fake_env);
    fake_env[0][0] = a;
    fake_env[0][1] = av;
    fake_env[1][0] = b;
    fake_env[1][1] = bv;
    return draw_hyperlinks_supported(get_fake);
}

/* OSC 8 only where the terminal is known to show it, and only to a safe, ASCII target. */
static void test_hyperlinks(void)
{
    CHECK(linked_with("TERM", "xterm-256color", "VTE_VERSION", "7600"));
    CHECK(!linked_with("TERM", "xterm-256color", "VTE_VERSION", "4800"));
    CHECK(!linked_with("TERM", "xterm-256color", NULL, NULL));
    CHECK(linked_with("TERM", "xterm-kitty", NULL, NULL));
    CHECK(linked_with("TERM_PROGRAM", "iTerm.app", "TERM", "xterm-256color"));
    CHECK(!linked_with("TERM", "tmux-256color", "VTE_VERSION", "7600"));
    CHECK(!linked_with("TMUX", "/tmp/t,1,0", "VTE_VERSION", "7600"));
    CHECK(linked_with("ITPNAV_HYPERLINKS", "1", "TERM", "vt100"));
    CHECK(!linked_with("ITPNAV_HYPERLINKS", "0", "VTE_VERSION", "7600"));
    char *t = draw_link_target("https://example.org/accéder?a=1");
    CHECK_STR(t, "https://example.org/acc%C3%A9der?a=1");
    free(t);
    CHECK(draw_link_target("https://example.org/\x1b]8;;evil") == NULL);
    CHECK(draw_link_target("https://example.org/a b") == NULL);
    CHECK(draw_link_target("javascript:alert(1)") == NULL);
    CHECK(draw_link_target("file:///etc/passwd") == NULL);
    t = draw_link_target("HTTP://EXAMPLE.ORG/");
    CHECK_STR(t, "HTTP://EXAMPLE.ORG/");
    free(t);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--help-lines") == 0) {
        struct help_text h = {0};
        key_help(argc >= 3 && strcmp(argv[2], "--kiosk") == 0, collect, &h);
        fputs(h.out.s, stdout);
        return 0;
    }
    static const struct unit_test tests[] = {
            CASE(test_table_complete), CASE(test_table_usual),     CASE(test_no_key_twice),
            CASE(test_key_action),     CASE(test_choice_keys),     CASE(test_field_keys_in_table),
            CASE(test_field_editing),  CASE(test_field_printable), CASE(test_help_from_table),
            CASE(test_sequences),      CASE(test_hints),           CASE(test_lang_hint),
            CASE(test_hint_context),   CASE(test_glyphs),          CASE(test_hyperlinks),
    };
    return unit_run(tests, sizeof tests / sizeof tests[0]);
}
