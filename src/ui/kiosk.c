/* kiosk.c: the locked mode's plumbing: ignored signals, the operator's PIN, the idle clock. */
#include "kiosk.h"

#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mono.h"
#include "util.h"

void kiosk_ignore_signals(void)
{
    /* ncurses installs its own handlers only for signals still at SIG_DFL, so these stay
     * ignored; raw() then turns the keys into plain characters as well. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
}

void kiosk_load_pin(char *buf, size_t n, char *why, size_t why_n)
{
    buf[0] = '\0';
    why[0] = '\0';
    const char *path = getenv("ITPNAV_PIN_FILE");
    if (!path || !path[0])
        path = KIOSK_PIN_FILE;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno != ENOENT)
            snprintf(why, why_n, "%s: %s", path, strerror(errno));
        return;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != 0 ||
        (st.st_mode & (S_IWGRP | S_IWOTH))) {
        snprintf(why, why_n,
                 "%s is ignored: it must be a file owned by root that only root can write", path);
        close(fd);
        return;
    }
    ssize_t got = read(fd, buf, n - 1);
    close(fd);
    if (got <= 0) {
        buf[0] = '\0';
        snprintf(why, why_n, "%s is empty", path);
        return;
    }
    buf[got] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    /* Only a salted crypt(3) hash ($id$salt$hash) is a PIN; anything else is no way out. */
    if (buf[0] != '$' || strchr(buf + 1, '$') == NULL) {
        snprintf(why, why_n, "%s does not hold a crypt(3) hash", path);
        buf[0] = '\0';
    }
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
