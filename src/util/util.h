/* util.h: allocation that never returns NULL, a growable string buffer, and small file helpers. */
#ifndef ITPNAV_UTIL_H
#define ITPNAV_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* malloc/calloc/realloc/strdup that print a message and abort when memory runs out. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* A new string from printf-style arguments. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated string. Zero-initialise to start; sb_finish frees it. */
struct sb {
    char *s;
    size_t len, cap;
};

void sb_add(struct sb *b, const char *s);
void sb_addn(struct sb *b, const char *s, size_t n);
void sb_addc(struct sb *b, char c);
void sb_addf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct sb *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The string so far ("" when nothing was added); stays owned by b. */
const char *sb_str(const struct sb *b);
/* Hand the string to the caller (never NULL) and reset b. */
char *sb_take(struct sb *b);
void sb_finish(struct sb *b);

/* Overwrite n bytes at p with zeros in a way the compiler keeps (a typed PIN). */
void mem_wipe(void *p, size_t n);

/* Create dir and its missing parents with mode 0700; true when it exists afterwards. */
bool mkdir_p(const char *dir);

/* Write len bytes to path atomically: a temporary file beside it, fsync, rename. Returns 0 or an
 * errno value. */
int write_file_atomic(const char *path, const char *data, size_t len);

#endif
