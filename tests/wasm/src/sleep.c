/* sleep: sleeps argv[1] milliseconds (default 100) with nanosleep, then prints "slept <ms> ms" where <ms> is the
 * elapsed time measured with CLOCK_MONOTONIC, rounded down. Exits 0, or 1 if nanosleep fails. */
#include <stdlib.h>
#include <time.h>

#include "common.h"

int main(int argc, char **argv) {
    long ms = argc > 1 ? atol(argv[1]) : 100;
    struct timespec req = {ms / 1000, (ms % 1000) * 1000000L}, t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (nanosleep(&req, NULL) != 0) {
        printf("nanosleep failed: %s\n", errno_name(errno));
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long elapsed = (long long)(t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("slept %lld ms\n", elapsed);
    return 0;
}
