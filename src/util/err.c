/* err.c: recording a failure (err.h). */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, int code, const char *fmt, ...)
{
    if (!e)
        return code;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    if (n < 0) {
        e->msg[0] = '\0';
    } else if ((size_t)n >= sizeof e->msg) {
        /* vsnprintf cut at a byte: drop a character's leading bytes left without the rest. */
        size_t len = strlen(e->msg), start = len;
        while (start > 0 && ((unsigned char)e->msg[start - 1] & 0xC0) == 0x80)
            start--;
        if (start > 0 && (unsigned char)e->msg[start - 1] >= 0xC0) {
            unsigned char lead = (unsigned char)e->msg[start - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (len - (start - 1) < need)
                e->msg[start - 1] = '\0';
        }
    }
    e->code = code;
    return code;
}
