/*
 * wasi-conformance: calls every WASI preview1 function through the raw __wasi_* wrappers and checks results and
 * errno values against the spec, and where the spec is silent against wasmtime (see tests/wasm/README.md).
 * argv[1] names the preopened directory to work in (default: the first preopen); each further argument names one
 * check to skip, as "<call>: <what>". stdin must be a pipe (or a FIFO), stdout and stderr anything writable. Everything it creates lives under "<preopen>/conf.d", which must
 * not exist and is removed at the end. Exits 1 if any check failed.
 */
#include "conformance.h"

__wasi_fd_t root = (__wasi_fd_t)-1;
char root_name[256];

static char **skips;
static int skip_count;

int conf_skip(const char *call, const char *what) {
    char key[256];
    snprintf(key, sizeof key, "%s: %s", call, what);
    for (int i = 0; i < skip_count; i++) {
        if (strcmp(skips[i], key) == 0) {
            printf("skip %s\n", key);
            return 1;
        }
    }
    return 0;
}

void conf_expect(const char *call, const char *what, int got, int want) {
    if (got == want) {
        printf("ok %s: %s\n", call, what);
        return;
    }
    check_failures++;
    printf("FAIL %s: %s: got %s want %s\n", call, what, errno_name(got), errno_name(want));
}

void conf_expect2(const char *call, const char *what, int got, int want1, int want2) {
    if (got == want1 || got == want2) {
        printf("ok %s: %s\n", call, what);
        return;
    }
    check_failures++;
    printf("FAIL %s: %s: got %s want %s or %s\n", call, what, errno_name(got), errno_name(want1),
           errno_name(want2));
}

void conf_true(const char *call, const char *what, int cond, const char *detail) {
    if (cond) {
        printf("ok %s: %s\n", call, what);
        return;
    }
    check_failures++;
    printf("FAIL %s: %s: %s\n", call, what, detail);
}

__wasi_fd_t conf_open(const char *path, __wasi_oflags_t oflags, __wasi_fdflags_t fdflags) {
    __wasi_fd_t fd;
    int e = __wasi_path_open(root, 0, path, oflags, FILE_RIGHTS, 0, fdflags, &fd);
    return e == 0 ? fd : (__wasi_fd_t)-1;
}

int conf_write_file(const char *path, const char *text) {
    __wasi_fd_t fd = conf_open(path, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, 0);
    if (fd == (__wasi_fd_t)-1) return __WASI_ERRNO_IO;
    __wasi_ciovec_t iov = {(const uint8_t *)text, strlen(text)};
    __wasi_size_t n;
    int e = __wasi_fd_write(fd, &iov, 1, &n);
    (void)__wasi_fd_close(fd);
    return e;
}

/* Finds the preopen named want (or the first one when want is NULL) by walking fds from 3 upward. */
static int find_root(const char *want) {
    for (__wasi_fd_t fd = 3; fd < 64; fd++) {
        __wasi_prestat_t ps;
        if (__wasi_fd_prestat_get(fd, &ps) != 0) continue;
        if (ps.tag != __WASI_PREOPENTYPE_DIR || ps.u.dir.pr_name_len >= sizeof root_name) continue;
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)root_name, ps.u.dir.pr_name_len) != 0) continue;
        root_name[ps.u.dir.pr_name_len] = '\0';
        if (!want || strcmp(root_name, want) == 0) {
            root = fd;
            return 0;
        }
    }
    return -1;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    skips = argv + 2;
    skip_count = argc > 2 ? argc - 2 : 0;
    if (find_root(argc > 1 ? argv[1] : NULL) != 0) {
        printf("FAIL fd_prestat_dir_name: preopen %s not found\n", argc > 1 ? argv[1] : "(any)");
        return 1;
    }
    printf("ok fd_prestat_dir_name: found preopen %s\n", root_name);
    conf_expect("path_create_directory", "conf.d", __wasi_path_create_directory(root, "conf.d"), 0);
    check_args_env_clock(argc, argv);
    check_misc();
    check_fd();
    check_fd_stdio();
    check_path();
    check_readdir();
    check_poll();
    check_sock();
    conf_expect("path_remove_directory", "conf.d at the end", __wasi_path_remove_directory(root, "conf.d"), 0);
    return checks_exit_status();
}
