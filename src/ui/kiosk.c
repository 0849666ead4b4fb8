/* kiosk.c: the locked mode's plumbing: ignored signals, the operator's PIN, the operator's log,
 * the idle clock, and the signal that says the data was replaced. */
#include "kiosk.h"

#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "mono.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* Set by SIGUSR1: the update has put a new database in place. */
static volatile sig_atomic_t data_replaced;

static void on_usr1(int sig)
{
    (void)sig;
    data_replaced = 1;
}

void kiosk_ignore_signals(void)
{
    /* ncurses installs its own handlers only for signals still at SIG_DFL, so these stay
     * ignored; raw() then turns the keys into plain characters as well. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    /* SIGUSR1 would end the program (and a visitor's session with it): it only marks the data
     * stale. SA_RESTART: no read or write elsewhere fails with EINTR because of it; the main
     * loop looks at the mark at least every quarter second anyway. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* The name of a crypt(3) method libcrypt calls weak, from the hash's prefix. */
static const char *weak_method(const char *hash)
{
    static const struct {
        const char *prefix, *name;
    } methods[] = {
            {"$1$", "MD5 ($1$)"},         {"$3$", "NT ($3$)"},         {"$5$", "SHA-256 ($5$)"},
            {"$sha1$", "SHA-1 ($sha1$)"}, {"$md5", "Sun MD5 ($md5$)"}, {"_", "BSDi DES (_)"},
            {"$2a$", "bcrypt ($2a$)"},    {"$2x$", "bcrypt ($2x$)"},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strncmp(hash, methods[i].prefix, strlen(methods[i].prefix)) == 0)
            return methods[i].name;
    return hash[0] == '$' ? _("an old method") : "DES";
}

bool kiosk_hash_ok(const char *hash, char *why, size_t why_n)
{
    /* TRANSLATORS: the end of what is wrong with the kiosk's PIN file; a command, kept as is. */
    const char *make_one = _("make one with mkpasswd -m yescrypt (or -m sha-512)");
    why[0] = '\0';
    size_t len = strlen(hash);
    if (len == 0) {
        /* TRANSLATORS: "it" is the kiosk's PIN file; %s how to make a hash. */
        snprintf(why, why_n, _("it holds no PIN hash; %s"), make_one);
        return false;
    }
    if (len > KIOSK_HASH_MAX) {
        snprintf(why, why_n,
                 /* TRANSLATORS: %zu is a length; %s how to make a hash. */
                 _("its line is %zu characters long, too long for a crypt(3) hash; %s"), len,
                 make_one);
        return false;
    }
    /* libxcrypt knows which of its methods are weak and which settings are too cheap. */
    switch (crypt_checksalt(hash)) {
    case CRYPT_SALT_OK: break;
    case CRYPT_SALT_METHOD_LEGACY:
        /* TRANSLATORS: the first %s is a hashing method (MD5), the second how to make a hash. */
        snprintf(why, why_n, _("its hash uses %s, too weak to keep a PIN; %s"), weak_method(hash),
                 make_one);
        return false;
    case CRYPT_SALT_TOO_CHEAP:
        snprintf(why, why_n, _("its hash has too few rounds to keep a PIN; %s"), make_one);
        return false;
    case CRYPT_SALT_METHOD_DISABLED:
        snprintf(why, why_n, _("its hash uses a method this system's libcrypt has turned off; %s"),
                 make_one);
        return false;
    default:
        snprintf(why, why_n,
                 _("it does not hold a crypt(3) hash (an unknown method, or malformed); %s"),
                 make_one);
        return false;
    }
    /* A hash no PIN can ever match (cut short, a stray character, a salt too long) is no way
     * out at all: hashing anything with its setting must give a string of its exact form, the
     * same setting and a checksum of the same length in crypt's alphabet. */
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    const char *out = crypt_rn("", hash, &data, (int)sizeof data);
    const char *last = strrchr(hash, '$');
    bool formed =
            out && out[0] != '*' && last && strlen(out) == len &&
            strncmp(out, hash, (size_t)(last - hash) + 1) == 0 &&
            strspn(last + 1, "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
                    strlen(last + 1);
    mem_wipe(&data, sizeof data);
    if (!formed) {
        snprintf(why, why_n, _("its hash is malformed (no PIN could ever match it); %s"), make_one);
        return false;
    }
    return true;
}

void kiosk_load_pin(char *buf, size_t n, char *why, size_t why_n)
{
    buf[0] = '\0';
    why[0] = '\0';
    const char *path = getenv("ITPNAV_PIN_FILE");
    if (!path || !path[0])
        path = KIOSK_PIN_FILE;
    /* O_NONBLOCK: a FIFO (or a device) would otherwise hold the open until someone writes; the
     * descriptor, not the name, is then checked, so nothing can be swapped in between. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP)
            /* TRANSLATORS: %s is the PIN file's path. */
            snprintf(why, why_n, _("%s is a symbolic link; it must be the file itself"), path);
        else if (errno != ENOENT)
            snprintf(why, why_n, "%s: %s", path, strerror(errno));
        return;
    }
    struct stat st;
    const char *wrong = NULL;
    if (fstat(fd, &st) != 0)
        wrong = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        wrong = _("it is not a regular file");
    else if (st.st_uid != 0)
        wrong = _("it is not owned by root");
    else if (st.st_mode & (S_IWGRP | S_IWOTH))
        wrong = _("others than root can write it");
    if (wrong) {
        snprintf(why, why_n,
                 /* TRANSLATORS: %s is the PIN file's path, then what is wrong with it. */
                 _("%s is ignored: %s (it must be a file owned by root that only root can "
                   "write)"),
                 path, wrong);
        close(fd);
        return;
    }
    /* One line; read one byte more than a hash may have to tell a long line from a long file. */
    char line[KIOSK_HASH_MAX + 2];
    size_t got = 0;
    while (got < sizeof line - 1) {
        ssize_t r = read(fd, line + got, sizeof line - 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    line[got] = '\0';
    line[strcspn(line, "\r\n")] = '\0';
    char problem[400];
    if (strlen(line) >= n || !kiosk_hash_ok(line, problem, sizeof problem)) {
        if (strlen(line) >= n)
            snprintf(problem, sizeof problem, "%s", _("its line is too long for a crypt(3) hash"));
        /* TRANSLATORS: %s is the PIN file's path, then what is wrong with it. */
        snprintf(why, why_n, _("%s is ignored: %s"), path, problem);
        mem_wipe(line, sizeof line);
        return;
    }
    memcpy(buf, line, strlen(line) + 1);
    mem_wipe(line, sizeof line);
}

bool kiosk_pin_ok(const char *hash, const char *pin)
{
    if (!hash[0] || !pin[0])
        return false;
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    /* crypt_rn (libxcrypt) rather than crypt_r: sanitizer runtimes intercept crypt_r and may
     * not find the real one, and crypt_rn returns NULL instead of a "*" string on failure. */
    const char *out = crypt_rn(pin, hash, &data, (int)sizeof data);
    bool ok = out && out[0] != '*' && strcmp(out, hash) == 0;
    mem_wipe(&data, sizeof data);
    return ok;
}

double kiosk_pin_wait(unsigned failures)
{
    if (failures == 0)
        return 0;
    double wait = 1;
    for (unsigned i = 1; i < failures && wait < KIOSK_PIN_WAIT_MAX; i++)
        wait *= 2;
    return wait < KIOSK_PIN_WAIT_MAX ? wait : KIOSK_PIN_WAIT_MAX;
}

void kiosk_log(int priority, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *safe = text_sanitize(msg, false);
    /* On a terminal, standard error is the kiosk's own screen: the line would land in the
     * middle of it. */
    if (!isatty(STDERR_FILENO)) {
        fprintf(stderr, "itpnav: %s\n", safe);
        fflush(stderr);
    } else {
        openlog("itpnav", LOG_PID, LOG_USER);
        syslog(priority, "%s", safe);
        closelog();
    }
    free(safe);
}

void kiosk_clock_init(struct kiosk_clock *c)
{
    const char *file = getenv("ITPNAV_CLOCK_FILE");
    *c = (struct kiosk_clock){.file = file && file[0] ? file : NULL};
}

double kiosk_clock_now(struct kiosk_clock *c)
{
    /* Seconds ahead, a decimal number in a regular file (never a pipe, which could block the
     * program); anything else, a smaller number or no file leaves the clock where it is. At
     * most a day at a time, which also keeps out infinities. */
    int fd = c->file ? open(c->file, O_RDONLY | O_NONBLOCK | O_CLOEXEC) : -1;
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        char buf[64];
        ssize_t got = read(fd, buf, sizeof buf - 1);
        if (got > 0) {
            buf[got] = '\0';
            char *end;
            double ahead = strtod(buf, &end);
            if (end != buf && ahead > c->ahead && ahead < c->ahead + 86400)
                c->ahead = ahead;
        }
    }
    if (fd >= 0)
        close(fd);
    return mono_now() + c->ahead;
}

static struct kiosk_file file_of(const char *path)
{
    struct stat st;
    if (!path || stat(path, &st) != 0)
        return (struct kiosk_file){0};
    return (struct kiosk_file){.known = true,
                               .dev = st.st_dev,
                               .ino = st.st_ino,
                               .size = st.st_size,
                               .mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
                                           st.st_mtim.tv_nsec};
}

static bool same_file(struct kiosk_file a, struct kiosk_file b)
{
    return a.known == b.known && (!a.known || (a.dev == b.dev && a.ino == b.ino &&
                                               a.size == b.size && a.mtime_ns == b.mtime_ns));
}

void kiosk_data_init(struct kiosk_data *d, const char *path)
{
    *d = (struct kiosk_data){.path = path};
    d->opened = file_of(path);
}

bool kiosk_data_signalled(void)
{
    return data_replaced != 0;
}

bool kiosk_data_stale(struct kiosk_data *d, struct kiosk_file *now)
{
    bool told = data_replaced != 0;
    data_replaced = 0;
    *now = file_of(d->path);
    if (!d->path || (d->refusing && same_file(*now, d->refused)))
        return false;
    return told || !same_file(*now, d->opened);
}

void kiosk_data_opened(struct kiosk_data *d, struct kiosk_file now)
{
    d->opened = now;
    d->refusing = false;
}

void kiosk_data_refused(struct kiosk_data *d, struct kiosk_file now)
{
    d->refused = now;
    d->refusing = true;
}
