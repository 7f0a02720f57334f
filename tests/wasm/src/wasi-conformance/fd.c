/* fd.c: fd_* checks on a regular file under conf.d, and on stdio (stdin is a pipe). */
#include "conformance.h"

static __wasi_size_t write_str(__wasi_fd_t fd, const char *s, int *err) {
    __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
    __wasi_size_t n = 0;
    *err = __wasi_fd_write(fd, &iov, 1, &n);
    return n;
}

static __wasi_filesize_t size_of(__wasi_fd_t fd) {
    __wasi_filestat_t st;
    return __wasi_fd_filestat_get(fd, &st) == 0 ? st.size : (__wasi_filesize_t)-1;
}

static void check_rw(__wasi_fd_t fd) {
    int e;
    __wasi_ciovec_t out[2] = {{(const uint8_t *)"hello ", 6}, {(const uint8_t *)"world", 5}};
    __wasi_size_t n = 0;
    conf_expect("fd_write", "gather two iovecs", __wasi_fd_write(fd, out, 2, &n), 0);
    conf_true("fd_write", "wrote 11 bytes", n == 11, "short write");
    __wasi_filesize_t pos = 0;
    conf_expect("fd_tell", "after write", __wasi_fd_tell(fd, &pos), 0);
    conf_true("fd_tell", "offset 11", pos == 11, "wrong offset");
    conf_expect("fd_seek", "SET 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0);
    char a[4] = {0}, b[16] = {0};
    __wasi_iovec_t in[2] = {{(uint8_t *)a, 4}, {(uint8_t *)b, sizeof b}};
    conf_expect("fd_read", "scatter two iovecs", __wasi_fd_read(fd, in, 2, &n), 0);
    conf_true("fd_read", "content", n == 11 && memcmp(a, "hell", 4) == 0 && memcmp(b, "o world", 7) == 0,
              "wrong bytes");
    conf_expect("fd_read", "at EOF", __wasi_fd_read(fd, in, 2, &n), 0);
    conf_true("fd_read", "EOF reads 0", n == 0, "nonzero");
    conf_expect("fd_seek", "END -5", __wasi_fd_seek(fd, -5, __WASI_WHENCE_END, &pos), 0);
    conf_true("fd_seek", "END -5 is 6", pos == 6, "wrong offset");
    conf_expect("fd_seek", "CUR +2", __wasi_fd_seek(fd, 2, __WASI_WHENCE_CUR, &pos), 0);
    conf_true("fd_seek", "CUR +2 is 8", pos == 8, "wrong offset");
    conf_expect("fd_seek", "negative result EINVAL", __wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos),
                __WASI_ERRNO_INVAL);
    conf_expect("fd_seek", "bad whence EINVAL", __wasi_fd_seek(fd, 0, 7, &pos), __WASI_ERRNO_INVAL);
    conf_expect("fd_seek", "past EOF", __wasi_fd_seek(fd, 20, __WASI_WHENCE_SET, &pos), 0);
    write_str(fd, "!", &e);
    conf_true("fd_write", "past EOF extends to 21", e == 0 && size_of(fd) == 21, "wrong size");

    char z[9];
    __wasi_iovec_t zi = {(uint8_t *)z, sizeof z};
    conf_expect("fd_pread", "gap", __wasi_fd_pread(fd, &zi, 1, 11, &n), 0);
    int zeros = n == 9;
    for (int i = 0; i < 9; i++) zeros = zeros && z[i] == 0;
    conf_true("fd_pread", "gap reads zeros", zeros, "nonzero gap");
    __wasi_ciovec_t pw = {(const uint8_t *)"XY", 2};
    conf_expect("fd_pwrite", "at 0", __wasi_fd_pwrite(fd, &pw, 1, 0, &n), 0);
    conf_expect("fd_tell", "after pwrite", __wasi_fd_tell(fd, &pos), 0);
    conf_true("fd_pwrite", "offset unchanged", pos == 21, "offset moved");
    conf_expect("fd_pread", "at 0", __wasi_fd_pread(fd, &zi, 1, 0, &n), 0);
    conf_true("fd_pread", "sees pwrite", n == 9 && memcmp(z, "XYllo wor", 9) == 0, "wrong bytes");
    conf_expect("fd_pread", "past EOF", __wasi_fd_pread(fd, &zi, 1, 1000, &n), 0);
    conf_true("fd_pread", "past EOF reads 0", n == 0, "nonzero");
}

static void check_meta(__wasi_fd_t fd) {
    __wasi_filestat_t st;
    conf_expect("fd_filestat_get", "file", __wasi_fd_filestat_get(fd, &st), 0);
    conf_true("fd_filestat_get", "regular, size 21, nlink 1",
              st.filetype == __WASI_FILETYPE_REGULAR_FILE && st.size == 21 && st.nlink == 1, "wrong fields");
    conf_expect("fd_filestat_set_size", "grow to 100", __wasi_fd_filestat_set_size(fd, 100), 0);
    conf_true("fd_filestat_set_size", "size 100", size_of(fd) == 100, "wrong size");
    conf_expect("fd_filestat_set_size", "shrink to 5", __wasi_fd_filestat_set_size(fd, 5), 0);
    conf_true("fd_filestat_set_size", "size 5", size_of(fd) == 5, "wrong size");
    conf_expect("fd_filestat_set_times", "atim and mtim",
                __wasi_fd_filestat_set_times(fd, 1000000000ull * 1000000000ull, 1100000000ull * 1000000000ull,
                                             __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM),
                0);
    conf_true("fd_filestat_set_times", "applied",
              __wasi_fd_filestat_get(fd, &st) == 0 && st.atim == 1000000000ull * 1000000000ull &&
                  st.mtim == 1100000000ull * 1000000000ull,
              "times differ");
    conf_expect("fd_filestat_set_times", "MTIM_NOW", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW),
                0);
    conf_true("fd_filestat_set_times", "MTIM_NOW applied",
              __wasi_fd_filestat_get(fd, &st) == 0 && st.mtim > 1577836800ull * 1000000000ull &&
                  st.atim == 1000000000ull * 1000000000ull,
              "mtim not now or atim changed");
    conf_expect("fd_filestat_set_times", "ATIM with ATIM_NOW EINVAL",
                __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW),
                __WASI_ERRNO_INVAL);

    __wasi_fdstat_t fs;
    conf_expect("fd_fdstat_get", "file", __wasi_fd_fdstat_get(fd, &fs), 0);
    conf_true("fd_fdstat_get", "regular file, no flags, can read+write",
              fs.fs_filetype == __WASI_FILETYPE_REGULAR_FILE && fs.fs_flags == 0 &&
                  (fs.fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE)) ==
                      (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE),
              "wrong fields");
    conf_expect("fd_fdstat_set_rights", "keep same rights",
                __wasi_fd_fdstat_set_rights(fd, fs.fs_rights_base, fs.fs_rights_inheriting), 0);
    conf_expect("fd_fdstat_set_rights", "unopened fd EBADF", __wasi_fd_fdstat_set_rights(999, 0, 0),
                __WASI_ERRNO_BADF);
    conf_expect("fd_fdstat_set_flags", "APPEND", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND), 0);
    conf_true("fd_fdstat_set_flags", "APPEND visible",
              __wasi_fd_fdstat_get(fd, &fs) == 0 && (fs.fs_flags & __WASI_FDFLAGS_APPEND), "flag missing");
    __wasi_filesize_t pos;
    (void)__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos);
    int e;
    write_str(fd, "+", &e);
    conf_true("fd_fdstat_set_flags", "APPEND writes at end", e == 0 && size_of(fd) == 6, "did not append");
    conf_expect("fd_fdstat_set_flags", "clear", __wasi_fd_fdstat_set_flags(fd, 0), 0);
    conf_expect("fd_fdstat_set_flags", "unopened fd EBADF", __wasi_fd_fdstat_set_flags(999, 0), __WASI_ERRNO_BADF);

    conf_expect("fd_advise", "SEQUENTIAL", __wasi_fd_advise(fd, 0, 5, __WASI_ADVICE_SEQUENTIAL), 0);
    conf_expect("fd_advise", "bad advice EINVAL", __wasi_fd_advise(fd, 0, 5, 99), __WASI_ERRNO_INVAL);
    int a = __wasi_fd_allocate(fd, 0, 64);
    conf_expect2("fd_allocate", "succeeds or ENOTSUP", a, 0, __WASI_ERRNO_NOTSUP);
    if (a == 0) conf_true("fd_allocate", "size at least 64", size_of(fd) >= 64, "file not grown");
    conf_expect("fd_datasync", "file", __wasi_fd_datasync(fd), 0);
    conf_expect("fd_sync", "file", __wasi_fd_sync(fd), 0);
}

void check_fd(void) {
    __wasi_fd_t fd = conf_open("conf.d/file", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, 0);
    conf_true("path_open", "create conf.d/file", fd != (__wasi_fd_t)-1, "open failed");
    check_rw(fd);
    check_meta(fd);

    __wasi_fd_t fd2 = conf_open("conf.d/file", 0, 0);
    conf_expect("fd_renumber", "onto an open fd", __wasi_fd_renumber(fd2, fd), 0);
    __wasi_filestat_t st;
    conf_expect("fd_filestat_get", "renumbered fd", __wasi_fd_filestat_get(fd, &st), 0);
    conf_expect("fd_close", "old number is closed", __wasi_fd_close(fd2), __WASI_ERRNO_BADF);
    conf_expect("fd_renumber", "from unopened fd EBADF", __wasi_fd_renumber(999, fd), __WASI_ERRNO_BADF);
    conf_expect("fd_close", "file", __wasi_fd_close(fd), 0);
    conf_expect("fd_close", "twice EBADF", __wasi_fd_close(fd), __WASI_ERRNO_BADF);
    __wasi_size_t n;
    __wasi_ciovec_t iov = {(const uint8_t *)"x", 1};
    conf_expect("fd_write", "closed fd EBADF", __wasi_fd_write(fd, &iov, 1, &n), __WASI_ERRNO_BADF);

    __wasi_fd_t ro;
    conf_expect("path_open", "read-only",
                __wasi_path_open(root, 0, "conf.d/file", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK, 0, 0, &ro),
                0);
    conf_expect2("fd_write", "read-only fd EBADF", __wasi_fd_write(ro, &iov, 1, &n), __WASI_ERRNO_BADF,
                 __WASI_ERRNO_NOTCAPABLE);
    (void)__wasi_fd_close(ro);

    __wasi_fd_t dir;
    conf_expect("path_open", "directory", __wasi_path_open(root, 0, "conf.d", __WASI_OFLAGS_DIRECTORY,
                                                           DIR_RIGHTS, DIR_RIGHTS | FILE_RIGHTS, 0, &dir),
                0);
    conf_expect2("fd_write", "directory EBADF or EISDIR", __wasi_fd_write(dir, &iov, 1, &n), __WASI_ERRNO_BADF,
                 __WASI_ERRNO_ISDIR);
    char buf[8];
    __wasi_iovec_t in = {(uint8_t *)buf, sizeof buf};
    conf_expect2("fd_read", "directory EBADF or EISDIR", __wasi_fd_read(dir, &in, 1, &n), __WASI_ERRNO_BADF,
                 __WASI_ERRNO_ISDIR);
    __wasi_fdstat_t fs;
    conf_true("fd_fdstat_get", "directory filetype",
              __wasi_fd_fdstat_get(dir, &fs) == 0 && fs.fs_filetype == __WASI_FILETYPE_DIRECTORY, "not a dir");
    conf_true("fd_fdstat_get", "preopen filetype",
              __wasi_fd_fdstat_get(root, &fs) == 0 && fs.fs_filetype == __WASI_FILETYPE_DIRECTORY, "not a dir");
    conf_expect("fd_close", "directory", __wasi_fd_close(dir), 0);
    conf_expect("fd_read", "unopened fd EBADF", __wasi_fd_read(999, &in, 1, &n), __WASI_ERRNO_BADF);
}

void check_fd_stdio(void) {
    __wasi_filesize_t pos;
    __wasi_size_t n;
    char buf[4];
    __wasi_iovec_t in = {(uint8_t *)buf, sizeof buf};
    __wasi_ciovec_t out = {(const uint8_t *)"", 0};
    conf_expect("fd_seek", "stdin pipe ESPIPE", __wasi_fd_seek(0, 0, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_SPIPE);
    conf_expect("fd_tell", "stdin pipe ESPIPE", __wasi_fd_tell(0, &pos), __WASI_ERRNO_SPIPE);
    conf_expect("fd_pread", "stdin pipe ESPIPE", __wasi_fd_pread(0, &in, 1, 0, &n), __WASI_ERRNO_SPIPE);
    conf_expect("fd_pwrite", "stdout ESPIPE", __wasi_fd_pwrite(1, &out, 1, 0, &n), __WASI_ERRNO_SPIPE);
    conf_expect("fd_write", "stdout zero bytes", __wasi_fd_write(1, &out, 1, &n), 0);
    __wasi_fdstat_t fs;
    conf_true("fd_fdstat_get", "stdout can write",
              __wasi_fd_fdstat_get(1, &fs) == 0 && (fs.fs_rights_base & __WASI_RIGHTS_FD_WRITE),
              "no FD_WRITE right");
}
