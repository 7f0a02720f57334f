/* poll-stdin: one poll_oneoff call with two subscriptions, FD_READ on stdin and a relative monotonic clock of
 * argv[1] milliseconds (default 100). Prints "ready" if the stdin event came (and no error on it), "timeout" if
 * only the clock fired, or "error ENAME" (exit 1) if the call or the stdin event failed. */
#include <stdlib.h>
#include <wasi/api.h>

#include "common.h"

int main(int argc, char **argv) {
    long ms = argc > 1 ? atol(argv[1]) : 100;
    __wasi_subscription_t subs[2];
    __wasi_event_t ev[2];
    memset(subs, 0, sizeof subs);
    subs[0].userdata = 1;
    subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
    subs[0].u.u.fd_read.file_descriptor = 0;
    subs[1].userdata = 2;
    subs[1].u.tag = __WASI_EVENTTYPE_CLOCK;
    subs[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    subs[1].u.u.clock.timeout = (__wasi_timestamp_t)ms * 1000000ull;
    __wasi_size_t n = 0;
    int e = __wasi_poll_oneoff(subs, ev, 2, &n);
    if (e != 0) {
        printf("error %s\n", errno_name(e));
        return 1;
    }
    for (__wasi_size_t i = 0; i < n; i++) {
        if (ev[i].userdata != 1) continue;
        if (ev[i].error != 0) {
            printf("error %s\n", errno_name(ev[i].error));
            return 1;
        }
        printf("ready\n");
        return 0;
    }
    printf("timeout\n");
    return 0;
}
