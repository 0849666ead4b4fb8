/* field.h: the one-line text field behind the search, the pickers' "type to find" and the
 * prompts: one set of editing keys (SCOPE_FIELD in the key table), one rule for what can be
 * typed. */
#ifndef ITPNAV_FIELD_H
#define ITPNAV_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"

/* A field edits a buffer its owner keeps (the search edits the session's search text). */
struct field {
    char *text;  /* UTF-8, always terminated */
    size_t size; /* bytes in text */
    bool secret; /* drawn as dots (a PIN) */
};

/* What a key did to a field. */
enum field_result {
    FIELD_IGNORED, /* not a field key (or Backspace with nothing to delete): the owner's */
    FIELD_HANDLED, /* taken, nothing changed (a character that does not fit) */
    FIELD_CHANGED, /* the text changed */
    FIELD_ACCEPT,  /* Enter */
    FIELD_CANCEL,  /* Esc */
    FIELD_LEAVE,   /* ↑ or ↓: the owner moves (a list) or leaves the field (the search) */
};

/* Bind f to buf (size bytes, already a string). */
void field_init(struct field *f, char *buf, size_t size);

/* Set the text to what a person could have typed of s: one line, printable characters only. */
void field_set(struct field *f, const char *s);

/* True when a typed code point goes into a field: not a C0 or C1 control, not DEL, not a
 * bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069). */
bool field_printable(unsigned cp);

/* Apply a key (a code point or KEY_FN(curses key)). */
enum field_result field_key(struct field *f, int key);

/* Draw label and the text at (y, x), width columns, in role; when it is longer than the width
 * the end shows, where the typing is. Returns the column after the text (for the cursor). */
int field_draw(const struct field *f, int y, int x, int width, enum role role, const char *label);

#endif
