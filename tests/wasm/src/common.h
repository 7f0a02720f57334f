/*
 * common.h: helpers shared by the test programs (header-only; every program is one translation unit or one
 * directory of them). Errno names are WASI preview1's, which wasi-libc uses as its errno values, so one table
 * serves both libc-level and raw __wasi_* checks. Check lines have a fixed shape that the test tables parse:
 *   "ok <name>" / "FAIL <name>: <detail>"
 */
#ifndef BURROW_TEST_COMMON_H
#define BURROW_TEST_COMMON_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const errno_names[] = {
    "ESUCCESS", "E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EAFNOSUPPORT", "EAGAIN", "EALREADY",
    "EBADF", "EBADMSG", "EBUSY", "ECANCELED", "ECHILD", "ECONNABORTED", "ECONNREFUSED", "ECONNRESET",
    "EDEADLK", "EDESTADDRREQ", "EDOM", "EDQUOT", "EEXIST", "EFAULT", "EFBIG", "EHOSTUNREACH",
    "EIDRM", "EILSEQ", "EINPROGRESS", "EINTR", "EINVAL", "EIO", "EISCONN", "EISDIR",
    "ELOOP", "EMFILE", "EMLINK", "EMSGSIZE", "EMULTIHOP", "ENAMETOOLONG", "ENETDOWN", "ENETRESET",
    "ENETUNREACH", "ENFILE", "ENOBUFS", "ENODEV", "ENOENT", "ENOEXEC", "ENOLCK", "ENOLINK",
    "ENOMEM", "ENOMSG", "ENOPROTOOPT", "ENOSPC", "ENOSYS", "ENOTCONN", "ENOTDIR", "ENOTEMPTY",
    "ENOTRECOVERABLE", "ENOTSOCK", "ENOTSUP", "ENOTTY", "ENXIO", "EOVERFLOW", "EOWNERDEAD", "EPERM",
    "EPIPE", "EPROTO", "EPROTONOSUPPORT", "EPROTOTYPE", "ERANGE", "EROFS", "ESPIPE", "ESRCH",
    "ESTALE", "ETIMEDOUT", "ETXTBSY", "EXDEV", "ENOTCAPABLE",
};

static inline const char *errno_name(int e) {
    static char unknown[24];
    if (e >= 0 && (unsigned)e < sizeof errno_names / sizeof errno_names[0]) return errno_names[e];
    snprintf(unknown, sizeof unknown, "E#%d", e);
    return unknown;
}

static int check_failures;

static inline void check_ok(const char *name) {
    printf("ok %s\n", name);
}

static inline void check_fail(const char *name, const char *fmt, ...) {
    va_list ap;
    check_failures++;
    printf("FAIL %s: ", name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

/* Passes when cond holds; otherwise reports errno, which is the usual reason a libc call went wrong. */
static inline int check(const char *name, int cond) {
    if (cond) check_ok(name);
    else check_fail(name, "condition false (errno %s)", errno_name(errno));
    return cond;
}

/* Passes when a libc call returned -1 and errno is want. */
static inline int check_errno(const char *name, long ret, int want) {
    if (ret == -1 && errno == want) {
        check_ok(name);
        return 1;
    }
    if (ret != -1) check_fail(name, "succeeded (%ld), want %s", ret, errno_name(want));
    else check_fail(name, "got %s want %s", errno_name(errno), errno_name(want));
    return 0;
}

/* As check_errno, with two acceptable errno values (POSIX allows either). */
static inline int check_errno2(const char *name, long ret, int want1, int want2) {
    if (ret == -1 && (errno == want1 || errno == want2)) {
        check_ok(name);
        return 1;
    }
    if (ret != -1) check_fail(name, "succeeded (%ld), want %s or %s", ret, errno_name(want1), errno_name(want2));
    else check_fail(name, "got %s want %s or %s", errno_name(errno), errno_name(want1), errno_name(want2));
    return 0;
}

static inline int checks_exit_status(void) {
    printf("%s: %d failed\n", check_failures ? "FAILED" : "PASSED", check_failures);
    return check_failures ? 1 : 0;
}

#endif
