/* util.h: allocation that never returns NULL, a growable string buffer, and small file helpers. */
#ifndef ITPNAV_UTIL_H
#define ITPNAV_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* malloc/calloc/realloc/strdup that never return NULL: when memory runs out they end the program
 * through out_of_memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* A new string from printf-style arguments. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The one way the program ends when memory runs out (or a size cannot be represented): the hook
 * runs (the screen gives the terminal back), "itpnav: out of memory" goes to standard error and
 * the program exits with status 71 (EXIT_OSERR), never a crash or an "invalid file". */
_Noreturn void out_of_memory(void);

/* Set the function out_of_memory calls first (NULL: none); it must not allocate. */
void out_of_memory_hook(void (*hook)(void));

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

/* path as a file name no library reads as anything else: a relative path that starts with
 * "file:" (an SQLite URI) or ":" (":memory:") gets "./" in front. A new string. */
char *plain_path(const char *path);

/* True for an errno value that says the system ran short (open files, memory), not the file. */
bool resource_errno(int err);

/* Create dir and its missing parents with mode 0700; true when it exists afterwards. */
bool mkdir_p(const char *dir);

/* A new temporary file beside path, to be renamed over it: "PATH.tmp-PID-XXXXXXXX", the X's
 * random, created with O_EXCL|O_NOFOLLOW (never an existing file, never through a link) with mode
 * less the umask. Returns its descriptor (the name in *tmp, a new string), or -1 with errno
 * set. */
int tmp_create_beside(const char *path, unsigned mode, char **tmp);

/* Whether path may be replaced by renaming a new file over it: 0 when it does not exist (*mode
 * 0) or is a regular file (its permission bits in *mode); ELOOP when it is a symbolic link,
 * EINVAL when it is anything else that is not a regular file (a device, a FIFO, a directory);
 * another errno value when it cannot be examined. file_error_words says these in words. */
int replace_check(const char *path, unsigned *mode);

/* An errno value from replace_check or write_file_atomic in words: ELOOP and EINVAL as what they
 * mean there, anything else as strerror. */
const char *file_error_words(int err);

/* Write len bytes to path atomically: a new temporary file beside it (tmp_create_beside), fsync,
 * rename. A file that is replaced keeps its permissions; a new one gets 0644 less the umask.
 * Refuses (replace_check) a path that is a symbolic link or not a regular file. Returns 0 or an
 * errno value. */
int write_file_atomic(const char *path, const char *data, size_t len);

/* The folder the running program is in, into dir (n bytes); false when it cannot be found. */
bool exe_dir(char *dir, size_t n);

/* Whether dir (an exe_dir) is in the build tree: the program, or a test, runs from where it was
 * built, and takes its data and catalogues from the source and build trees. */
bool in_build_tree(const char *dir);

#endif
