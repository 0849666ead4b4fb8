/* mono.c: a monotonic clock in seconds. */
#include "mono.h"

#include <time.h>

double mono_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}
