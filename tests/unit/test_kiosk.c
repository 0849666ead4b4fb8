/* test_kiosk.c: the kiosk's operator PIN: which hashes are taken (strong, well formed) and which
 * are refused with a reason; the waits after wrong PINs; the PIN file's rules, a FIFO among them
 * (it must never block); and noticing a replaced --db file. The screens are tests/tui/kiosk*.sh. */
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk.h"
#include "unit.h"

static char dir[] = "/tmp/itpnav-unit-kiosk.XXXXXX";

/* A hash of pin by the method whose prefix is given ("$6$", "$y$", "$1$", ""), in a static
 * buffer. */
static const char *hash_of(const char *pin, const char *prefix)
{
    static struct crypt_data data;
    static char out[CRYPT_OUTPUT_SIZE];
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn(prefix[0] ? prefix : NULL, 0, NULL, 0, salt, (int)sizeof salt))
        return "";
    if (!prefix[0]) /* DES: gensalt's default is the best method, not DES */
        strcpy(salt, "ab");
    const char *h = crypt_rn(pin, salt, &data, (int)sizeof data);
    snprintf(out, sizeof out, "%s", h ? h : "");
    return out;
}

static bool refused(const char *hash, const char *reason)
{
    char why[400];
    bool ok = kiosk_hash_ok(hash, why, sizeof why);
    if (ok || !strstr(why, reason))
        fprintf(stderr, "  %.40s: %s (want a refusal with \"%s\")\n", hash, ok ? "taken" : why,
                reason);
    return !ok && strstr(why, reason) != NULL;
}

static void test_strong_hashes_taken(void)
{
    char why[400];
    const char *sha512 = hash_of("2468", "$6$");
    CHECK(strncmp(sha512, "$6$", 3) == 0);
    CHECK(kiosk_hash_ok(sha512, why, sizeof why));
    CHECK(kiosk_pin_ok(sha512, "2468"));
    CHECK(!kiosk_pin_ok(sha512, "2469"));
    CHECK(!kiosk_pin_ok(sha512, ""));
    const char *yescrypt = hash_of("2468", "$y$");
    CHECK(kiosk_hash_ok(yescrypt, why, sizeof why));
    CHECK(kiosk_pin_ok(yescrypt, "2468"));
}

/* Weak methods (DES, MD5, SHA-256 crypt), a malformed or unknown hash, an empty or absurdly
 * long one: each refused, saying why. */
static void test_weak_and_malformed_refused(void)
{
    CHECK(refused(hash_of("2468", "$1$"), "MD5 ($1$), too weak"));
    CHECK(refused(hash_of("2468", ""), "DES, too weak"));
    CHECK(refused(hash_of("2468", "$5$"), "SHA-256 ($5$), too weak"));
    CHECK(refused("$1$abc$xyz", "too weak"));
    CHECK(refused("", "no PIN hash"));
    CHECK(refused("$x$abc$def", "does not hold a crypt(3) hash"));
    CHECK(refused("not a hash at all", "does not hold a crypt(3) hash"));
    CHECK(refused("$6$salt$", "malformed"));
    CHECK(refused("$6$salt$abc", "malformed"));
    char cut[CRYPT_OUTPUT_SIZE];
    snprintf(cut, sizeof cut, "%s", hash_of("2468", "$6$"));
    cut[strlen(cut) - 1] = '\0'; /* one character short */
    CHECK(refused(cut, "malformed"));
    snprintf(cut, sizeof cut, "%s", hash_of("2468", "$6$"));
    cut[strlen(cut) - 1] = '!'; /* not in crypt's alphabet */
    CHECK(refused(cut, "malformed"));
    char *huge = malloc(5004);
    strcpy(huge, "$6$");
    memset(huge + 3, 'a', 5000);
    huge[5003] = '\0';
    CHECK(refused(huge, "too long"));
    huge[KIOSK_HASH_MAX] = '\0'; /* short enough, but salt and hash run together */
    CHECK(refused(huge, "malformed"));
    free(huge);
}

static void test_pin_waits_double(void)
{
    CHECK(kiosk_pin_wait(0) == 0);
    double want = 1;
    for (unsigned i = 1; i <= 9; i++, want *= 2)
        if (want < KIOSK_PIN_WAIT_MAX)
            CHECK(kiosk_pin_wait(i) == want);
    CHECK(kiosk_pin_wait(9) == 256);
    CHECK(kiosk_pin_wait(10) == KIOSK_PIN_WAIT_MAX);
    CHECK(kiosk_pin_wait(4000000000u) == KIOSK_PIN_WAIT_MAX);
    CHECK(KIOSK_PIN_WAIT_MAX >= 60);
}

/* Load the PIN file at path (by ITPNAV_PIN_FILE): what was read, and why not. */
static void load(const char *path, char *hash, char *why)
{
    setenv("ITPNAV_PIN_FILE", path, 1);
    kiosk_load_pin(hash, KIOSK_HASH_MAX + 1, why, 400);
}

static char *path_in(const char *name)
{
    static char buf[4][256];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, 256, "%s/%s", dir, name);
    return p;
}

static void write_pin(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    chmod(path, mode);
}

/* A FIFO as the PIN file is refused at once: the open never waits for a writer (an alarm ends
 * the test if it does). */
static void test_pin_file_fifo_never_blocks(void)
{
    char hash[KIOSK_HASH_MAX + 1] = "x", why[400];
    const char *fifo = path_in("fifo");
    CHECK(mkfifo(fifo, 0600) == 0);
    alarm(10);
    load(fifo, hash, why);
    alarm(0);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "is not a regular file") != NULL);
}

static void test_pin_file_rules(void)
{
    char hash[KIOSK_HASH_MAX + 1], why[400];
    load(path_in("none"), hash, why);
    CHECK_STR(hash, "");
    CHECK_STR(why, ""); /* no file: no way out, and nothing to tell */

    const char *good = path_in("good");
    char line[CRYPT_OUTPUT_SIZE + 3];
    snprintf(line, sizeof line, "%s\r\n", hash_of("2468", "$6$"));
    write_pin(good, line, 0600);
    const char *link = path_in("link");
    CHECK(symlink(good, link) == 0);
    load(link, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "symbolic link") != NULL);
    load(dir, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "is not a regular file") != NULL);
    if (geteuid() != 0) {
        fprintf(stderr, "  (not root: the rules of a file owned by root are not checked)\n");
        load(good, hash, why);
        CHECK(strstr(why, "not owned by root") != NULL);
        return;
    }
    load(good, hash, why);
    CHECK_STR(why, "");
    CHECK(hash[0] == '$' && strchr(hash, '\r') == NULL && kiosk_pin_ok(hash, "2468"));
    chmod(good, 0620);
    load(good, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "others than root can write it") != NULL);

    const char *md5 = path_in("md5");
    write_pin(md5, hash_of("2468", "$1$"), 0600);
    load(md5, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "is ignored: its hash uses MD5 ($1$), too weak") != NULL);
    const char *bad = path_in("bad");
    write_pin(bad, "$6$salt$abc\n", 0600);
    load(bad, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "malformed") != NULL);
    char *huge = malloc(6000);
    strcpy(huge, "$6$");
    memset(huge + 3, 'a', 5990);
    huge[5993] = '\0';
    write_pin(bad, huge, 0600);
    free(huge);
    load(bad, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "too long") != NULL);
    write_pin(bad, "", 0600);
    load(bad, hash, why);
    CHECK_STR(hash, "");
    CHECK(strstr(why, "no PIN hash") != NULL);
}

/* A --db file replaced by a rename is noticed (without a signal), and one refused is not tried
 * again; without a path nothing is ever stale. */
static void test_replaced_data_noticed(void)
{
    const char *db = path_in("data.db"), *next = path_in("data.db.new");
    write_pin(db, "one", 0644);
    struct kiosk_data d;
    struct kiosk_file now;
    kiosk_data_init(&d, db);
    CHECK(!kiosk_data_stale(&d, &now));
    write_pin(next, "two", 0644);
    CHECK(rename(next, db) == 0);
    CHECK(kiosk_data_stale(&d, &now));
    kiosk_data_refused(&d, now);
    CHECK(!kiosk_data_stale(&d, &now)); /* refused: the old data stays, no retry */
    raise(SIGUSR1);                     /* nor when told of the same file again */
    CHECK(!kiosk_data_stale(&d, &now));
    write_pin(next, "three", 0644);
    CHECK(rename(next, db) == 0);
    CHECK(kiosk_data_stale(&d, &now)); /* another replacement is tried */
    kiosk_data_opened(&d, now);
    CHECK(!kiosk_data_stale(&d, &now));
    raise(SIGUSR1); /* told: reopened even when it looks the same */
    CHECK(kiosk_data_signalled());
    CHECK(kiosk_data_stale(&d, &now));
    CHECK(!kiosk_data_signalled());
    CHECK(!kiosk_data_stale(&d, &now));
    kiosk_data_init(&d, NULL);
    raise(SIGUSR1);
    CHECK(!kiosk_data_stale(&d, &now));
}

static void test_setup(void)
{
    CHECK(mkdtemp(dir) != NULL);
    kiosk_ignore_signals(); /* SIGUSR1 caught, as in a kiosk */
}

static void test_cleanup(void)
{
    const char *names[] = {"fifo", "good", "link", "md5", "bad", "data.db", "data.db.new"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(path_in(names[i]));
    CHECK(rmdir(dir) == 0);
}

UNIT_MAIN(CASE(test_setup), CASE(test_strong_hashes_taken), CASE(test_weak_and_malformed_refused),
          CASE(test_pin_waits_double), CASE(test_pin_file_fifo_never_blocks),
          CASE(test_pin_file_rules), CASE(test_replaced_data_noticed), CASE(test_cleanup))
