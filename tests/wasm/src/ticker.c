/* ticker: argv[1] ticks (default 5), argv[2] ms apart (default 100). Each tick rewrites a 1 MiB buffer from a
 * running checksum, sleeps (nanosleep), then prints "tick I SUM" (I from 1) and flushes; at the end prints
 * "done SUM". The output depends only on the arguments, so a run resumed from a checkpoint must print exactly what
 * an uninterrupted run prints: memory, globals and the stack all feed the checksum. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "common.h"

static uint32_t buf[1 << 18];

int main(int argc, char **argv) {
    long ticks = argc > 1 ? atol(argv[1]) : 5;
    long ms = argc > 2 ? atol(argv[2]) : 100;
    uint32_t sum = 2166136261u;
    for (long i = 1; i <= ticks; i++) {
        for (size_t k = 0; k < sizeof buf / sizeof buf[0]; k++) {
            buf[k] = buf[k] * 31u + sum + (uint32_t)k;
            sum = (sum ^ buf[k]) * 16777619u;
        }
        struct timespec req = {ms / 1000, (ms % 1000) * 1000000L};
        nanosleep(&req, NULL);
        printf("tick %ld %08x\n", i, sum);
        fflush(stdout);
    }
    printf("done %08x\n", sum);
    return 0;
}
