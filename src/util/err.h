/* err.h: the one way a failure is reported: an exit status and a message (dataset findings, which
 * have a place in the file, are diags instead: diag.h). */
#ifndef ITPNAV_ERR_H
#define ITPNAV_ERR_H

/* The program's exit statuses (sysexits.h values), for the model and the command line alike. */
enum {
    EXIT_USAGE = 64,     /* a usage error */
    EXIT_DATAERR = 65,   /* the dataset is invalid */
    EXIT_NOINPUT = 66,   /* a file can't be opened */
    EXIT_OSERR = 71,     /* the system refused: out of memory, too many open files */
    EXIT_CANTCREAT = 73, /* an output file can't be created (build-db --out not a regular file) */
    EXIT_IOERR = 74,     /* a read or write failed */
};

/* A failure: code is one of the exit statuses above (0 while nothing failed), msg says what
 * failed and why, in words for a person. */
struct err {
    int code;
    char msg[512];
};

/* Record a failure in e (NULL records nothing) and return code. A message longer than msg is cut
 * between characters, never inside one. */
int err_set(struct err *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
