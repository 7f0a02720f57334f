/*
 * abuse: raw preview1 imports called with hostile arguments: out-of-range pointers and lengths, forged fds, 1 MB
 * paths, a million iovecs, zero and huge subscription counts. argv[1] names one check to run, or "all" (default);
 * argv[2] names the preopen to use (default: the first). Each check prints one line, "ok <name>: <answer>" or
 * "FAIL <name>: got <answer> want <allowed>". Checks marked "or trap" may instead end the program with a trap (the
 * witx rules say a host traps on a bad pointer; EFAULT is the other sane answer), so a host that traps is tested
 * one check per run. Exits 1 if any check failed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <wasi/api.h>

#include "common.h"

#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))
int32_t raw_fd_write(int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nwritten) IMPORT(fd_write);
int32_t raw_fd_read(int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nread) IMPORT(fd_read);
int32_t raw_fd_close(int32_t fd) IMPORT(fd_close);
int32_t raw_fd_filestat_get(int32_t fd, int32_t buf) IMPORT(fd_filestat_get);
int32_t raw_fd_renumber(int32_t from, int32_t to) IMPORT(fd_renumber);
int32_t raw_fd_readdir(int32_t fd, int32_t buf, int32_t len, int64_t cookie, int32_t used) IMPORT(fd_readdir);
int32_t raw_fd_prestat_dir_name(int32_t fd, int32_t buf, int32_t len) IMPORT(fd_prestat_dir_name);
int32_t raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
                      int64_t rights, int64_t inheriting, int32_t fdflags, int32_t opened) IMPORT(path_open);
int32_t raw_poll_oneoff(int32_t in, int32_t out, int32_t nsubs, int32_t nevents) IMPORT(poll_oneoff);
int32_t raw_args_get(int32_t argv, int32_t buf) IMPORT(args_get);
int32_t raw_random_get(int32_t buf, int32_t len) IMPORT(random_get);
int32_t raw_clock_time_get(int32_t id, int64_t precision, int32_t out) IMPORT(clock_time_get);

#define P(x) ((int32_t)(uintptr_t)(x))
#define TRAP_OK 1000
#define SUCCESS_OK 1001

static int root = 3;
static int32_t mem_end;

/* want: up to three acceptable errnos, ESUCCESS via SUCCESS_OK, and TRAP_OK when a trap is also acceptable. */
static void expect(const char *name, int got, int w1, int w2, int w3) {
    int want[3] = {w1, w2, w3};
    for (int i = 0; i < 3; i++) {
        if (want[i] == got || (want[i] == SUCCESS_OK && got == 0)) {
            printf("ok %s: %s\n", name, errno_name(got));
            return;
        }
    }
    check_failures++;
    printf("FAIL %s: got %s want", name, errno_name(got));
    for (int i = 0; i < 3; i++) {
        if (want[i] == TRAP_OK) printf(" or trap");
        else if (want[i] == SUCCESS_OK) printf(" ESUCCESS");
        else if (want[i] >= 0) printf(" %s", errno_name(want[i]));
    }
    printf("\n");
}

static uint32_t scratch32;
static char small[16];

static void run(const char *only) {
#define CHECK(name) if (strcmp(only, "all") == 0 || strcmp(only, name) == 0)
    __wasi_ciovec_t iov = {(const uint8_t *)"x", 1};
    CHECK("forged-fds") {
        expect("fd_write fd 12345", raw_fd_write(12345, P(&iov), 1, P(&scratch32)), __WASI_ERRNO_BADF, -1, -1);
        expect("fd_write fd -1", raw_fd_write(-1, P(&iov), 1, P(&scratch32)), __WASI_ERRNO_BADF, -1, -1);
        expect("fd_close fd 0x7fffffff", raw_fd_close(0x7fffffff), __WASI_ERRNO_BADF, -1, -1);
        expect("fd_filestat_get fd 1<<30", raw_fd_filestat_get(1 << 30, P(small)), __WASI_ERRNO_BADF, -1, -1);
        expect("fd_renumber from unopened", raw_fd_renumber(4242, 1), __WASI_ERRNO_BADF, -1, -1);
    }
    CHECK("renumber-unopened") {
        __wasi_fd_t fd;
        int e = __wasi_path_open(root, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, 0, 0, &fd);
        int r = e ? e : raw_fd_renumber((int32_t)fd, 9999);
        /* The spec's "replace" implies an open target; wasmtime also accepts a free number. */
        expect("fd_renumber onto unopened fd", r, __WASI_ERRNO_BADF, SUCCESS_OK, -1);
        (void)raw_fd_close(r == 0 ? 9999 : (int32_t)fd);
    }
    CHECK("poll-zero") {
        char subs[48] = {0}, evs[32];
        expect("poll_oneoff 0 subscriptions", raw_poll_oneoff(P(subs), P(evs), 0, P(&scratch32)), __WASI_ERRNO_INVAL,
               -1, -1);
    }
    CHECK("path-1mb") {
        char *path = malloc(1 << 20);
        memset(path, 'a', 1 << 20);
        expect("path_open 1 MiB path", raw_path_open(root, 0, P(path), 1 << 20, 0, 2, 0, 0, P(&scratch32)),
               __WASI_ERRNO_NAMETOOLONG, -1, -1);
        free(path);
    }
    CHECK("iovs-1m-valid") {
        __wasi_ciovec_t *many = calloc(1000000, sizeof *many);
        int e = raw_fd_write(1, P(many), 1000000, P(&scratch32));
        expect("fd_write 1M empty iovecs", e, SUCCESS_OK, __WASI_ERRNO_INVAL, -1);
        free(many);
    }
    CHECK("iovs-1m-oob") expect("fd_write 1M iovecs past memory", raw_fd_write(1, mem_end - 64, 1000000, P(&scratch32)),
                                __WASI_ERRNO_FAULT, TRAP_OK, -1);
    CHECK("poll-huge") {
        char evs[32];
        expect("poll_oneoff 0x7fffffff subscriptions", raw_poll_oneoff(P(small), P(evs), 0x7fffffff, P(&scratch32)),
               __WASI_ERRNO_FAULT, __WASI_ERRNO_INVAL, TRAP_OK);
    }
    CHECK("write-iovs-oob") expect("fd_write iovs past memory", raw_fd_write(1, (int32_t)0xfffffff0, 1, P(&scratch32)),
                                   __WASI_ERRNO_FAULT, TRAP_OK, -1);
    CHECK("write-buf-oob") {
        static __wasi_ciovec_t bad;
        bad.buf = (const uint8_t *)(uintptr_t)(mem_end - 4);
        bad.buf_len = 100;
        expect("fd_write buffer past memory", raw_fd_write(1, P(&bad), 1, P(&scratch32)), __WASI_ERRNO_FAULT,
               TRAP_OK, -1);
    }
    CHECK("write-result-oob") expect("fd_write result pointer past memory", raw_fd_write(1, P(&iov), 1, mem_end - 2),
                                     __WASI_ERRNO_FAULT, TRAP_OK, -1);
    CHECK("read-buf-oob") {
        static __wasi_iovec_t bad;
        bad.buf = (uint8_t *)(uintptr_t)(mem_end - 8);
        bad.buf_len = 4096;
        expect("fd_read buffer past memory", raw_fd_read(0, P(&bad), 1, P(&scratch32)), __WASI_ERRNO_FAULT,
               TRAP_OK, -1);
    }
    CHECK("path-oob") expect("path_open path past memory",
                             raw_path_open(root, 0, mem_end - 4, 100, 0, 2, 0, 0, P(&scratch32)), __WASI_ERRNO_FAULT,
                             TRAP_OK, -1);
    CHECK("path-len-huge") expect("path_open path length 0xffffffff",
                                  raw_path_open(root, 0, P(small), -1, 0, 2, 0, 0, P(&scratch32)), __WASI_ERRNO_FAULT,
                                  TRAP_OK, -1);
    CHECK("args-oob") expect("args_get pointers past memory", raw_args_get((int32_t)0xfffffff0, (int32_t)0xfffffff0),
                             __WASI_ERRNO_FAULT, TRAP_OK, -1);
    CHECK("random-oob") expect("random_get buffer past memory", raw_random_get(mem_end - 10, 100), __WASI_ERRNO_FAULT,
                               TRAP_OK, -1);
    CHECK("random-huge") expect("random_get length 0xffffffff", raw_random_get(P(small), -1), __WASI_ERRNO_FAULT,
                                TRAP_OK, -1);
    CHECK("clock-oob") expect("clock_time_get result past memory", raw_clock_time_get(1, 1, mem_end - 4),
                              __WASI_ERRNO_FAULT, TRAP_OK, -1);
    CHECK("prestat-name-oob") expect("fd_prestat_dir_name buffer past memory",
                                     raw_fd_prestat_dir_name(root, mem_end - 1, 100), __WASI_ERRNO_FAULT, TRAP_OK, -1);
    CHECK("readdir-oob") expect("fd_readdir buffer past memory",
                                raw_fd_readdir(root, mem_end - 8, 4096, 0, P(&scratch32)), __WASI_ERRNO_FAULT, TRAP_OK,
                                -1);
#undef CHECK
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    mem_end = (int32_t)(__builtin_wasm_memory_size(0) * 65536u);
    for (int fd = 3; fd < 64; fd++) {
        __wasi_prestat_t ps;
        char name[256];
        if (__wasi_fd_prestat_get(fd, &ps) != 0 || ps.u.dir.pr_name_len >= sizeof name) continue;
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)name, ps.u.dir.pr_name_len) != 0) continue;
        name[ps.u.dir.pr_name_len] = '\0';
        if (argc < 3 || strcmp(name, argv[2]) == 0) {
            root = fd;
            break;
        }
    }
    run(argc > 1 ? argv[1] : "all");
    return checks_exit_status();
}
