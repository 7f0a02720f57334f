/* clocks: realtime is after 2020-01-01, monotonic never decreases over 10000 reads, clock_getres of both clocks is
 * in (0, 1s]. Prints "ok NAME" / "FAIL NAME: DETAIL" and "PASSED: 0 failed" / "FAILED: N failed"; exits 1 on
 * failure. */
#include <time.h>

#include "common.h"

int main(void) {
    struct timespec ts, res, prev, cur;
    check("realtime-after-2020", clock_gettime(CLOCK_REALTIME, &ts) == 0 && ts.tv_sec > 1577836800);
    check("realtime-nsec-range", ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
    check("time-after-2020", time(NULL) > 1577836800);
    int ordered = clock_gettime(CLOCK_MONOTONIC, &prev) == 0;
    for (int i = 0; i < 10000 && ordered; i++) {
        clock_gettime(CLOCK_MONOTONIC, &cur);
        ordered = cur.tv_sec > prev.tv_sec || (cur.tv_sec == prev.tv_sec && cur.tv_nsec >= prev.tv_nsec);
        prev = cur;
    }
    check("monotonic-non-decreasing", ordered);
    check("getres-realtime", clock_getres(CLOCK_REALTIME, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0) &&
                                 (res.tv_sec == 0 || (res.tv_sec == 1 && res.tv_nsec == 0)));
    check("getres-monotonic", clock_getres(CLOCK_MONOTONIC, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0) &&
                                  (res.tv_sec == 0 || (res.tv_sec == 1 && res.tv_nsec == 0)));
    return checks_exit_status();
}
