/* fuzz.h: the libFuzzer entry points each target defines, and a check that aborts on failure. */
#ifndef ITPNAV_FUZZ_H
#define ITPNAV_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Called once before the first input (argc and argv may be ignored). */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Run one input; return 0. A broken invariant aborts, which the fuzzer reports as a crash. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its place: the fuzzer keeps the input as a crash. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
