/* test_util.c: util's files and its end of memory: replacing a file atomically (a new temporary
 * name each time, never through a link, the mode kept), the paths no library reads as anything
 * else, and out_of_memory's message and status. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "handout.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/itpnav-unit-util.XXXXXX";

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The file's text (up to 255 bytes) in a static buffer; "" when it cannot be read. */
static const char *text_of(const char *path)
{
    static char buf[256];
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (unsigned)(st.st_mode & 07777) : 0;
}

static bool is_link(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* How many names in dir contain ".tmp-". */
static int temp_files(void)
{
    char *cmd = xasprintf("ls -A '%s' | grep -c '\\.tmp-'", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p && fscanf(p, "%d", &n) != 1)
        n = -1;
    if (p)
        pclose(p);
    free(cmd);
    return n;
}

static void test_setup(void)
{
    CHECK(mkdtemp(dir) != NULL);
}

static void test_new_file_mode(void)
{
    char *f = path_in("new.txt");
    mode_t old = umask(022);
    CHECK_INT(write_file_atomic(f, "a\n", 2), 0);
    CHECK_STR(text_of(f), "a\n");
    CHECK_INT(mode_of(f), 0644);
    unlink(f);
    umask(077);
    CHECK_INT(write_file_atomic(f, "b\n", 2), 0);
    CHECK_INT(mode_of(f), 0600);
    umask(old);
    CHECK_INT(temp_files(), 0);
    unlink(f);
    free(f);
}

/* D14e: a replaced file kept 0600, the temporary file's mode. */
static void test_replace_keeps_mode(void)
{
    char *f = path_in("keep.txt");
    static const unsigned modes[] = {0644, 0640, 0600, 0664};
    mode_t old = umask(077); /* the umask does not take bits from a replaced file */
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
        put(f, "old\n");
        chmod(f, modes[i]);
        CHECK_INT(write_file_atomic(f, "new\n", 4), 0);
        CHECK_STR(text_of(f), "new\n");
        CHECK_INT(mode_of(f), modes[i]);
    }
    umask(old);
    CHECK_INT(temp_files(), 0);
    unlink(f);
    free(f);
}

/* D5: a link planted at the name the temporary file had (PATH.tmp-PID) is never written
 * through; the file is replaced, the link's target untouched. */
static void test_planted_temp_link(void)
{
    char *f = path_in("handout.txt"), *victim = path_in("victim");
    char *old_tmp = xasprintf("%s.tmp-%ld", f, (long)getpid());
    put(victim, "precious\n");
    put(f, "old\n");
    CHECK(symlink(victim, old_tmp) == 0);
    CHECK_INT(write_file_atomic(f, "handout\n", 8), 0);
    CHECK_STR(text_of(victim), "precious\n");
    CHECK_STR(text_of(f), "handout\n");
    CHECK(!is_link(f));
    /* And through handout_save's replace, as the screen does it. */
    CHECK_INT(handout_save(f, "again\n", true), 0);
    CHECK_STR(text_of(victim), "precious\n");
    CHECK_STR(text_of(f), "again\n");
    unlink(old_tmp);
    unlink(victim);
    unlink(f);
    free(old_tmp);
    free(victim);
    free(f);
}

/* A link at the target itself is refused, neither followed nor replaced. */
static void test_link_target_refused(void)
{
    char *f = path_in("link.txt"), *victim = path_in("victim2");
    put(victim, "precious\n");
    CHECK(symlink(victim, f) == 0);
    CHECK_INT(write_file_atomic(f, "x\n", 2), ELOOP);
    CHECK(is_link(f));
    CHECK_STR(text_of(victim), "precious\n");
    CHECK(strstr(file_error_words(ELOOP), "symbolic link") != NULL);
    /* handout_save: not over it unasked (it exists), and refused when asked. */
    CHECK_INT(handout_save(f, "x\n", false), EEXIST);
    CHECK_INT(handout_save(f, "x\n", true), ELOOP);
    CHECK_STR(text_of(victim), "precious\n");
    CHECK_INT(temp_files(), 0);
    unlink(f);
    unlink(victim);
    free(f);
    free(victim);
}

/* Not a regular file (a FIFO, a directory): refused, left as it is. */
static void test_special_target_refused(void)
{
    char *fifo = path_in("fifo"), *sub = path_in("sub");
    CHECK(mkfifo(fifo, 0644) == 0);
    CHECK(mkdir(sub, 0755) == 0);
    CHECK_INT(write_file_atomic(fifo, "x\n", 2), EINVAL);
    CHECK_INT(write_file_atomic(sub, "x\n", 2), EINVAL);
    struct stat st;
    CHECK(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode));
    CHECK(lstat(sub, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(strstr(file_error_words(EINVAL), "not a regular file") != NULL);
    unsigned mode;
    CHECK_INT(replace_check(fifo, &mode), EINVAL);
    char *none = path_in("none");
    CHECK_INT(replace_check(none, &mode), 0);
    CHECK_INT(mode, 0);
    CHECK_INT(temp_files(), 0);
    unlink(fifo);
    rmdir(sub);
    free(none);
    free(fifo);
    free(sub);
}

static void test_temp_names(void)
{
    char *f = path_in("t.db"), *a = NULL, *b = NULL;
    int fa = tmp_create_beside(f, 0644, &a), fb = tmp_create_beside(f, 0644, &b);
    CHECK(fa >= 0 && fb >= 0);
    char *prefix = xasprintf("%s.tmp-%ld-", f, (long)getpid());
    CHECK(a && strncmp(a, prefix, strlen(prefix)) == 0);
    CHECK(a && b && strcmp(a, b) != 0); /* unpredictable: not the same name twice */
    CHECK(a && strlen(a) == strlen(prefix) + 8);
    if (fa >= 0)
        close(fa);
    if (fb >= 0)
        close(fb);
    if (a)
        unlink(a);
    if (b)
        unlink(b);
    char *bad = path_in("no/such/dir/t.db"), *c = NULL;
    CHECK_INT(tmp_create_beside(bad, 0644, &c), -1);
    CHECK_INT(errno, ENOENT);
    free(bad);
    free(prefix);
    free(a);
    free(b);
    free(f);
}

static void test_plain_path(void)
{
    static const char *const cases[][2] = {
            {"file:x.db", "./file:x.db"},         {"FILE:x.db", "./FILE:x.db"},
            {":memory:", "./:memory:"},           {"x.db", "x.db"},
            {"/tmp/file:x.db", "/tmp/file:x.db"}, {"dir/file:x.db", "dir/file:x.db"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *p = plain_path(cases[i][0]);
        CHECK_STR(p, cases[i][1]);
        free(p);
    }
}

/* D11: out of memory ends the program with status 71 and one line, never abort (134). */
static void test_out_of_memory(void)
{
#if defined(__SANITIZE_ADDRESS__)
    puts("  (skipped: AddressSanitizer aborts on a failed allocation itself)");
#else
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        volatile size_t huge = (size_t)-1 / 2;
        void *p = xmalloc(huge);
        free(p);
        _exit(0);
    }
    close(fds[1]);
    char buf[128] = "";
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    close(fds[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    CHECK(WIFEXITED(st));
    CHECK_INT(WEXITSTATUS(st), EXIT_OSERR);
    CHECK_STR(buf, "itpnav: out of memory\n");
#endif
}

static void test_finish(void)
{
    CHECK(rmdir(dir) == 0); /* every case removed what it made */
}

UNIT_MAIN(CASE(test_setup), CASE(test_new_file_mode), CASE(test_replace_keeps_mode),
          CASE(test_planted_temp_link), CASE(test_link_target_refused),
          CASE(test_special_target_refused), CASE(test_temp_names), CASE(test_plain_path),
          CASE(test_out_of_memory), CASE(test_finish))
