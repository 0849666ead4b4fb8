/* mono.h: a monotonic clock in seconds, for measuring how long something took or has lasted. */
#ifndef ITPNAV_MONO_H
#define ITPNAV_MONO_H

/* Seconds on CLOCK_MONOTONIC: only differences between two readings mean anything. */
double mono_now(void);

#endif
