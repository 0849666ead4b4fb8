/* util.c: allocation that never returns NULL, a growable string buffer, and small file helpers. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libintl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "err.h"

static void (*oom_hook)(void);

void out_of_memory_hook(void (*hook)(void))
{
    oom_hook = hook;
}

_Noreturn void out_of_memory(void)
{
    if (oom_hook)
        oom_hook();
    static const char msg[] = "itpnav: out of memory\n";
    /* write(2), not stdio: nothing here may need memory. _exit: no atexit handler, nor stdio's
     * flush of a half-written output, runs in a process that has none left. */
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        /* nothing more can be said */
    }
    _exit(EXIT_OSERR);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

char *xasprintf(const char *fmt, ...)
{
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    return sb_take(&b);
}

static void sb_reserve(struct sb *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    if (more > SIZE_MAX / 2 - b->len)
        out_of_memory(); /* no allocation could hold it */
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + more + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_addn(struct sb *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_add(struct sb *b, const char *s)
{
    sb_addn(b, s, strlen(s));
}

void sb_addc(struct sb *b, char c)
{
    sb_addn(b, &c, 1);
}

void sb_vaddf(struct sb *b, const char *fmt, va_list ap)
{
    /* Into the room there is first: formatting twice (to measure, then to write) is needed only
     * when it does not fit. */
    sb_reserve(b, 63);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, copy);
    va_end(copy);
    if (n < 0) {
        b->s[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        sb_reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void sb_addf(struct sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(b, fmt, ap);
    va_end(ap);
}

const char *sb_str(const struct sb *b)
{
    return b->s ? b->s : "";
}

char *sb_take(struct sb *b)
{
    char *s = b->s ? b->s : xstrdup("");
    *b = (struct sb){0};
    return s;
}

void sb_finish(struct sb *b)
{
    free(b->s);
    *b = (struct sb){0};
}

char *plain_path(const char *path)
{
    if (path[0] == ':' || strncasecmp(path, "file:", 5) == 0)
        return xasprintf("./%s", path);
    return xstrdup(path);
}

bool resource_errno(int err)
{
    return err == EMFILE || err == ENFILE || err == ENOMEM;
}

bool mkdir_p(const char *dir)
{
    char *path = xstrdup(dir);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) {
            free(path);
            return false;
        }
        *p = '/';
    }
    bool ok = mkdir(path, 0700) == 0 || errno == EEXIST;
    struct stat st;
    ok = ok && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    free(path);
    return ok;
}

int tmp_create_beside(const char *path, unsigned mode, char **tmp)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        uint32_t r;
        if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
            /* No entropy yet (early boot): the clock and the attempt still differ each time, and
             * O_EXCL keeps a guessed name from being used. */
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            r = (uint32_t)ts.tv_nsec ^ ((uint32_t)attempt << 24) ^ (uint32_t)getpid();
        }
        char *name = xasprintf("%s.tmp-%ld-%08lx", path, (long)getpid(), (unsigned long)r);
        int fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, (mode_t)mode);
        if (fd >= 0) {
            *tmp = name;
            return fd;
        }
        int e = errno;
        free(name);
        if (e != EEXIST) {
            errno = e;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

int replace_check(const char *path, unsigned *mode)
{
    *mode = 0;
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : errno;
    if (S_ISLNK(st.st_mode))
        return ELOOP;
    if (!S_ISREG(st.st_mode))
        return EINVAL;
    *mode = st.st_mode & 07777;
    return 0;
}

const char *file_error_words(int err)
{
    switch (err) {
    /* gettext itself: util sits below i18n (util/i18n.h includes util.h). */
    case ELOOP: return gettext("it is a symbolic link (never written through)");
    case EINVAL: return gettext("it is not a regular file");
    default: return strerror(err);
    }
}

int write_file_atomic(const char *path, const char *data, size_t len)
{
    unsigned mode;
    int err = replace_check(path, &mode);
    if (err)
        return err;
    char *tmp;
    int fd = tmp_create_beside(path, 0644, &tmp);
    if (fd < 0)
        return errno;
    /* A replaced file keeps its permissions (a handout of 0644 stays readable to others); a new
     * one has 0644 less the umask, as open gave it. */
    if (mode && fchmod(fd, (mode_t)mode) != 0)
        err = errno;
    size_t off = 0;
    while (!err && off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        off += (size_t)w;
    }
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    free(tmp);
    return err;
}

void mem_wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n--)
        *v++ = 0;
}

bool exe_dir(char *dir, size_t n)
{
    if (n < 2)
        return false;
    ssize_t k = readlink("/proc/self/exe", dir, n - 1);
    if (k <= 0)
        return false;
    dir[k] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return true;
}

bool in_build_tree(const char *dir)
{
    char root[PATH_MAX];
    if (!realpath(ITPNAV_BUILD_ROOT, root))
        return false;
    size_t k = strlen(root);
    return strncmp(dir, root, k) == 0 && (dir[k] == '/' || dir[k] == '\0');
}
