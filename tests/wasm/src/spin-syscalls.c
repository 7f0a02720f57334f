/* spin-syscalls: prints "spinning" (flushed), then loops forever calling clock_time_get (a cheap syscall). */
#include <stdio.h>
#include <wasi/api.h>

int main(void) {
    __wasi_timestamp_t t;
    puts("spinning");
    fflush(stdout);
    for (;;) (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t);
}
