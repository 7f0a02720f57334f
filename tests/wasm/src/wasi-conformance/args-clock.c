/* args-clock.c: args_*, environ_*, clock_*, random_get, sched_yield, proc_raise and fd_prestat_* checks. */
#include <stdlib.h>

#include "conformance.h"

/* wasi-libc no longer declares proc_raise; the import is still part of preview1. */
int32_t raw_proc_raise(int32_t sig) __attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")));

static void check_args(int argc, char **argv) {
    __wasi_size_t count = 0, size = 0;
    conf_expect("args_sizes_get", "succeeds", __wasi_args_sizes_get(&count, &size), 0);
    conf_true("args_sizes_get", "count matches argc", (int)count == argc, "count differs from argc");
    uint8_t **ptrs = calloc(count + 1, sizeof *ptrs);
    uint8_t *buf = malloc(size + 1);
    conf_expect("args_get", "succeeds", __wasi_args_get(ptrs, buf), 0);
    size_t total = 0;
    int same = 1;
    for (__wasi_size_t i = 0; i < count; i++) {
        total += strlen((char *)ptrs[i]) + 1;
        same = same && (int)i < argc && strcmp((char *)ptrs[i], argv[i]) == 0;
    }
    conf_true("args_get", "strings match argv", same, "an argument differs");
    conf_true("args_get", "NUL-terminated strings fill the size", total == size, "sizes differ");
    free(ptrs);
    free(buf);
}

static void check_environ(void) {
    __wasi_size_t count = 0, size = 0;
    conf_expect("environ_sizes_get", "succeeds", __wasi_environ_sizes_get(&count, &size), 0);
    uint8_t **ptrs = calloc(count + 1, sizeof *ptrs);
    uint8_t *buf = malloc(size + 1);
    conf_expect("environ_get", "succeeds", __wasi_environ_get(ptrs, buf), 0);
    size_t total = 0;
    int shaped = 1, found = 0;
    for (__wasi_size_t i = 0; i < count; i++) {
        total += strlen((char *)ptrs[i]) + 1;
        shaped = shaped && strchr((char *)ptrs[i], '=') != NULL;
        found = found || strcmp((char *)ptrs[i], "CONFORMANCE=yes") == 0;
    }
    conf_true("environ_get", "entries are NAME=VALUE", shaped, "an entry has no '='");
    conf_true("environ_get", "NUL-terminated strings fill the size", total == size, "sizes differ");
    conf_true("environ_get", "CONFORMANCE=yes present", found, "the host did not pass CONFORMANCE=yes");
    free(ptrs);
    free(buf);
}

static void check_clocks(void) {
    __wasi_timestamp_t res = 0, t0 = 0, t1 = 0, now = 0;
    conf_expect("clock_res_get", "realtime", __wasi_clock_res_get(__WASI_CLOCKID_REALTIME, &res), 0);
    conf_true("clock_res_get", "realtime in (0, 1s]", res > 0 && res <= 1000000000ull, "out of range");
    conf_expect("clock_res_get", "monotonic", __wasi_clock_res_get(__WASI_CLOCKID_MONOTONIC, &res), 0);
    conf_true("clock_res_get", "monotonic in (0, 1s]", res > 0 && res <= 1000000000ull, "out of range");
    conf_expect("clock_res_get", "unknown clock EINVAL", __wasi_clock_res_get(99, &res), __WASI_ERRNO_INVAL);
    conf_expect("clock_time_get", "realtime", __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &now), 0);
    conf_true("clock_time_get", "realtime after 2020", now > 1577836800ull * 1000000000ull, "before 2020");
    conf_expect("clock_time_get", "monotonic", __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0), 0);
    int ordered = 1;
    for (int i = 0; i < 1000; i++) {
        (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1);
        ordered = ordered && t1 >= t0;
        t0 = t1;
    }
    conf_true("clock_time_get", "monotonic never decreases", ordered, "went backwards");
    conf_expect("clock_time_get", "unknown clock EINVAL", __wasi_clock_time_get(99, 1, &now), __WASI_ERRNO_INVAL);
}

void check_args_env_clock(int argc, char **argv) {
    check_args(argc, argv);
    check_environ();
    check_clocks();
}

void check_misc(void) {
    uint8_t a[64], b[64];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    conf_expect("random_get", "64 bytes", __wasi_random_get(a, sizeof a), 0);
    conf_expect("random_get", "64 more bytes", __wasi_random_get(b, sizeof b), 0);
    int nonzero = 0;
    for (size_t i = 0; i < sizeof a; i++) nonzero |= a[i];
    conf_true("random_get", "not all zero", nonzero != 0, "all zero");
    conf_true("random_get", "two calls differ", memcmp(a, b, sizeof a) != 0, "identical");
    conf_expect("random_get", "zero bytes", __wasi_random_get(a, 0), 0);
    conf_expect("sched_yield", "succeeds", __wasi_sched_yield(), 0);
    /* Signal 0 (NONE) is the only number that cannot end the caller; wasmtime answers every signal ENOTSUP. */
    conf_expect("proc_raise", "signal 0 ENOTSUP", raw_proc_raise(0), __WASI_ERRNO_NOTSUP);

    __wasi_prestat_t ps;
    conf_expect("fd_prestat_get", "preopen", __wasi_fd_prestat_get(root, &ps), 0);
    conf_true("fd_prestat_get", "tag dir and name length", ps.tag == __WASI_PREOPENTYPE_DIR &&
                                                                ps.u.dir.pr_name_len == strlen(root_name),
              "wrong tag or length");
    conf_expect("fd_prestat_get", "stdout EBADF", __wasi_fd_prestat_get(1, &ps), __WASI_ERRNO_BADF);
    conf_expect("fd_prestat_get", "unopened fd EBADF", __wasi_fd_prestat_get(999, &ps), __WASI_ERRNO_BADF);
    char name[256];
    if (strlen(root_name) > 0)
        conf_expect("fd_prestat_dir_name", "short buffer ENAMETOOLONG",
                    __wasi_fd_prestat_dir_name(root, (uint8_t *)name, strlen(root_name) - 1),
                    __WASI_ERRNO_NAMETOOLONG);
    conf_expect2("fd_prestat_dir_name", "unopened fd EBADF",
                 __wasi_fd_prestat_dir_name(999, (uint8_t *)name, sizeof name), __WASI_ERRNO_BADF,
                 __WASI_ERRNO_NOTDIR);
}
