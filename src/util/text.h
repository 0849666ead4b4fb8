/* text.h: display width, fitting, wrapping, sanitising and folding of UTF-8 text (no curses). */
#ifndef ITPNAV_TEXT_H
#define ITPNAV_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The character drawn in place of a byte that is not UTF-8 or of a control character. */
#define TEXT_REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Make LC_CTYPE a UTF-8 locale (the user's if it is one, else C.UTF-8); true on success.
 * Width functions below need it: wcwidth() knows nothing of non-ASCII in the C locale. */
bool text_init_locale(void);

/* True when the locale the user chose (before text_init_locale) is UTF-8: when it is not, the
 * terminal is not assumed to show anything but ASCII. */
bool text_locale_utf8(void);

/* What text_fit ends a cut string with from now on ("…" by default; "..." where only ASCII
 * shows); NULL or "" for the default. */
void text_set_ellipsis(const char *e);

/* True when the n bytes at s are, or hold, a web address ("://", or starting "www."). */
bool text_has_url(const char *s, size_t n);

/* Decode one character at s (n bytes available). Stores its code point (U+FFFD for a bad
 * sequence) and returns the bytes consumed (1 for a bad byte, 0 only when n == 0). */
size_t text_decode(const char *s, size_t n, unsigned *cp);

/* Encode a code point (at most U+10FFFF, not a surrogate) as UTF-8 into out; returns the bytes
 * written (1 to 4), or 0 for a value that is not a character. */
size_t text_encode(unsigned cp, char out[4]);

/* Append the character cp to the string s (size bytes in all) if it fits; true when it did. */
bool text_append_char(char *s, size_t size, unsigned cp);

/* Remove the last character (not byte) of the UTF-8 string s; of a field being typed. */
void text_delete_char(char *s);

/* Remove the last word of s and the spaces after it (Ctrl-W in a field). */
void text_delete_word(char *s);

/* True when the code point must never reach a terminal: C0 (other than newline and tab), DEL,
 * C1, and the bidirectional overrides and isolates U+202A-U+202E and U+2066-U+2069. */
bool text_is_unsafe(unsigned cp);

/* Columns a code point takes once sanitised: 0 for combining marks, 2 for wide ones, 1 for a
 * replaced one. */
int text_cp_width(unsigned cp);

/* Terminal columns the sanitised form of s takes (a newline counts as one column). */
int text_width(const char *s);

/* True when s (n bytes) is valid UTF-8; otherwise stores the offset of the first bad byte. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* A new copy of s safe to print: bad bytes and unsafe characters become U+FFFD, a tab becomes
 * a space, and a newline stays only when keep_newlines (else it becomes a space). */
char *text_sanitize(const char *s, bool keep_newlines);

/* Whether the n bytes at s are all printable ASCII (U+0020 to U+007E), and newlines where
 * newlines is true: what text_sanitize and the check pass unchanged. Read eight bytes at a
 * time. */
bool text_printable_ascii(const char *s, size_t n, bool newlines);

/* Copy s into buf (n bytes, always terminated when n > 0); when it does not fit, as much as
 * fits without cutting a character in two. Returns the bytes copied. */
size_t text_copy(char *buf, size_t n, const char *s);

/* Write into buf (bufsz bytes, always terminated) the sanitised prefix of s that fits in width
 * columns, never cutting a character; a cut string ends with "…" inside the width. Newlines
 * become spaces. Returns the columns used. */
int text_fit(char *buf, size_t bufsz, const char *s, int width);

/* Like text_fit, but a string that does not fit loses its middle, not its end, cut between words
 * where one is near: "Practice-ready assessment…(Nova Scotia Health)"; a name's end is often what
 * tells it from the next one. */
int text_fit_middle(char *buf, size_t bufsz, const char *s, int width);

/* Like text_fit, then pad with spaces to exactly width columns. */
int text_pad(char *buf, size_t bufsz, const char *s, int width);

/* Lines of wrapped text, each a new sanitised string without its newline. */
struct text_lines {
    char **line;
    size_t n;
};

/* Wrap s to width columns (at least 1): break at spaces where possible, inside a word only when
 * it is longer than a line, never inside a character; honour newlines; keep blank lines. */
struct text_lines *text_wrap(const char *s, int width);

/* Like text_wrap, but a web address (a word text_has_url finds) is never cut: one longer than a
 * line gets a line of its own, the only kind of line wider than width. */
struct text_lines *text_wrap_links(const char *s, int width);

/* Free what text_wrap returned; NULL is a no-op. */
void text_lines_destroy(struct text_lines *lines);

/* A new copy of s for comparisons: lower case, accents removed from Latin letters
 * ("Québec" -> "quebec"), other characters kept. */
char *text_fold(const char *s);

/* A new copy of s (sanitised) in ASCII, each character as wide as before: accented Latin letters
 * lose their accents ("Québec" -> "Quebec"), quotes and dashes become ' " -, and any other
 * character becomes "?" (two for a wide one); zero-width marks go. */
char *text_ascii(const char *s);

/* Edit distance (insertions, deletions, substitutions) between two strings, by bytes. */
size_t text_distance(const char *a, const char *b);

/* "Did you mean": offer every candidate, then take the nearest if it is near enough to be a
 * likely typo. One rule everywhere: a candidate that begins with what was typed wins (the
 * shortest, so "alt" finds "alternative-career"), then one with a word that begins with it
 * ("sudbury" finds "Greater Sudbury"), both for two or more bytes typed; else the nearest by
 * text_distance, when at most a third of want's bytes, and 2, are wrong. Ties go to the first
 * offered; nothing for an empty want. Callers fold both sides when case and accents should not
 * count. */
struct text_nearest {
    const char *want; /* borrowed */
    size_t len, best_d;
    int best_tier; /* 0 begins with want, 1 a word begins with it, 2 by distance */
    char *best;
};

/* Start a search for the candidate nearest to want. */
void text_nearest_init(struct text_nearest *n, const char *want);

/* Compare cand with want; when it is the nearest yet, keep a copy of value (what to suggest:
 * cand itself, or a name when cand is its folded form). */
void text_nearest_offer(struct text_nearest *n, const char *cand, const char *value);

/* The value of the nearest candidate as a new string, or NULL when none is near enough; ends the
 * search (n is empty after). */
char *text_nearest_take(struct text_nearest *n);

#endif
