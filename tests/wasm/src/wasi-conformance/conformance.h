/*
 * conformance.h: shared state and check helpers of the wasi-conformance program. Every check prints exactly one
 * line, "ok <call>: <what>" or "FAIL <call>: <what>: got <E..> want <E..>" (or ": <detail>" for non-errno
 * checks); <call> is the preview1 function's name so a host's failures map to its own wasi/ files.
 */
#ifndef BURROW_CONFORMANCE_H
#define BURROW_CONFORMANCE_H

#include <stdint.h>
#include <wasi/api.h>

#include "../common.h"

#define FILE_RIGHTS                                                                                          \
    (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL |         \
     __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | \
     __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_SYNC |  \
     __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | __WASI_RIGHTS_POLL_FD_READWRITE)

#define DIR_RIGHTS                                                                                           \
    (__WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES |          \
     __WASI_RIGHTS_PATH_CREATE_DIRECTORY | __WASI_RIGHTS_PATH_CREATE_FILE | __WASI_RIGHTS_PATH_LINK_SOURCE |   \
     __WASI_RIGHTS_PATH_LINK_TARGET | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_READLINK |                 \
     __WASI_RIGHTS_PATH_RENAME_SOURCE | __WASI_RIGHTS_PATH_RENAME_TARGET | __WASI_RIGHTS_PATH_FILESTAT_GET |   \
     __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES | __WASI_RIGHTS_PATH_SYMLINK | __WASI_RIGHTS_PATH_REMOVE_DIRECTORY | \
     __WASI_RIGHTS_PATH_UNLINK_FILE)

/* The preopened directory the checks work in, and its guest name. */
extern __wasi_fd_t root;
extern char root_name[256];

void conf_expect(const char *call, const char *what, int got, int want);
void conf_expect2(const char *call, const char *what, int got, int want1, int want2);
/* Reports "skip <call>: <what>" and returns 1 when the command line asked to skip that check (for checks that
 * hang on a host instead of failing). */
int conf_skip(const char *call, const char *what);
void conf_true(const char *call, const char *what, int cond, const char *detail);

/* Opens (creating when oflags say so) path under root with read+write rights; returns the fd or -1. */
__wasi_fd_t conf_open(const char *path, __wasi_oflags_t oflags, __wasi_fdflags_t fdflags);
/* Creates path under root holding text; returns 0 or the errno. */
int conf_write_file(const char *path, const char *text);

void check_args_env_clock(int argc, char **argv);
void check_misc(void);
void check_fd(void);
void check_fd_stdio(void);
void check_path(void);
void check_readdir(void);
void check_poll(void);
void check_sock(void);

#endif
