/* fileio: file I/O semantics through wasi-libc, inside directory argv[1] (default "."). Prints "ok NAME" or
 * "FAIL NAME: DETAIL" per check and a last line "PASSED: 0 failed" / "FAILED: N failed"; exits 1 if any check
 * failed. Uses only names starting with "fileio." and removes them first, so it can run twice in one directory. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

static char dir[1024];
static char pbuf[4][1200];

/* Joins dir and name into one of four rotating buffers, so a call may use up to four paths at once. */
static const char *at(const char *name) {
    static int next;
    char *p = pbuf[next++ % 4];
    snprintf(p, sizeof pbuf[0], "%s/%s", dir, name);
    return p;
}

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Reads the whole file into buf (NUL-terminated); returns its length or -1. */
static ssize_t read_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, cap - 1);
    close(fd);
    if (n >= 0) buf[n] = '\0';
    return n;
}

static off_t fsize(int fd) {
    struct stat st;
    return fstat(fd, &st) == 0 ? st.st_size : -1;
}

static void basics(void) {
    char buf[256];
    check("create-write", write_file(at("fileio.a"), "hello world") == 0);
    check("read-back", read_file(at("fileio.a"), buf, sizeof buf) == 11 && strcmp(buf, "hello world") == 0);
    check_errno("open-missing ENOENT", open(at("fileio.missing"), O_RDONLY), ENOENT);

    int fd = open(at("fileio.a"), O_RDONLY);
    check("lseek-end", lseek(fd, 0, SEEK_END) == 11);
    check("lseek-cur", lseek(fd, -5, SEEK_CUR) == 6);
    check("lseek-set", lseek(fd, 2, SEEK_SET) == 2);
    check("read-after-seek", read(fd, buf, 3) == 3 && memcmp(buf, "llo", 3) == 0);
    check("lseek-cur-after-read", lseek(fd, 0, SEEK_CUR) == 5);
    check_errno("lseek-negative EINVAL", lseek(fd, -100, SEEK_SET), EINVAL);
    lseek(fd, 0, SEEK_END);
    check("read-at-eof", read(fd, buf, sizeof buf) == 0);
    check_errno("write-on-rdonly EBADF", write(fd, "x", 1), EBADF);
    check("fstat-regular", ({
              struct stat st;
              fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 11;
          }));
    close(fd);

    fd = open(at("fileio.a"), O_RDWR);
    check("seek-past-eof", lseek(fd, 20, SEEK_SET) == 20);
    check("size-unchanged-by-seek", fsize(fd) == 11);
    check("write-past-eof", write(fd, "X", 1) == 1 && fsize(fd) == 21);
    memset(buf, 'q', sizeof buf);
    int zeros = pread(fd, buf, 9, 11) == 9;
    for (int i = 0; i < 9; i++) zeros = zeros && buf[i] == 0;
    check("gap-reads-zero", zeros);
    close(fd);
}

static void flags(void) {
    char buf[256];
    write_file(at("fileio.b"), "abc");
    int fd = open(at("fileio.b"), O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    check("append-write", write(fd, "Z", 1) == 1);
    check("append-at-end", read_file(at("fileio.b"), buf, sizeof buf) == 4 && strcmp(buf, "abcZ") == 0);
    check("append-offset-at-end", lseek(fd, 0, SEEK_CUR) == 4);
    close(fd);

    fd = open(at("fileio.b"), O_WRONLY | O_TRUNC);
    check("trunc-size-0", fd >= 0 && fsize(fd) == 0);
    close(fd);

    check_errno("excl-existing EEXIST", open(at("fileio.b"), O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
    fd = open(at("fileio.c"), O_CREAT | O_EXCL | O_WRONLY, 0644);
    check("excl-new", fd >= 0);
    close(fd);

    fd = open(at("fileio.c"), O_RDWR);
    check("ftruncate-grow", ftruncate(fd, 100) == 0 && fsize(fd) == 100);
    int zeros = pread(fd, buf, 100, 0) == 100;
    for (int i = 0; i < 100; i++) zeros = zeros && buf[i] == 0;
    check("ftruncate-grow-zeros", zeros);
    write(fd, "0123456789", 10);
    check("ftruncate-shrink", ftruncate(fd, 3) == 0 && fsize(fd) == 3);
    check("ftruncate-keeps-offset", lseek(fd, 0, SEEK_CUR) == 10);
    check("pwrite", pwrite(fd, "abc", 3, 10) == 3 && fsize(fd) == 13);
    check("pwrite-keeps-offset", lseek(fd, 0, SEEK_CUR) == 10);
    check("pread", pread(fd, buf, 3, 10) == 3 && memcmp(buf, "abc", 3) == 0);
    check("pread-keeps-offset", lseek(fd, 0, SEEK_CUR) == 10);
    check("pread-past-eof", pread(fd, buf, 3, 1000) == 0);
    check_errno("ftruncate-negative EINVAL", ftruncate(fd, -1), EINVAL);
    close(fd);
}

static void names(void) {
    char buf[256];
    struct stat st, st2;
    write_file(at("fileio.ra"), "AAA");
    write_file(at("fileio.rb"), "BB");
    check("rename-over-existing", rename(at("fileio.ra"), at("fileio.rb")) == 0);
    check("rename-target-content", read_file(at("fileio.rb"), buf, sizeof buf) == 3 && strcmp(buf, "AAA") == 0);
    check_errno("rename-source-gone ENOENT", stat(at("fileio.ra"), &st), ENOENT);
    check_errno("rename-missing ENOENT", rename(at("fileio.nope"), at("fileio.rb")), ENOENT);

    write_file(at("fileio.u"), "still here");
    int fd = open(at("fileio.u"), O_RDONLY);
    check("unlink-open", unlink(at("fileio.u")) == 0);
    check_errno("unlinked-stat ENOENT", stat(at("fileio.u"), &st), ENOENT);
    check("unlinked-read", read(fd, buf, sizeof buf) == 10 && memcmp(buf, "still here", 10) == 0);
    check("unlinked-fstat-size", fstat(fd, &st) == 0 && st.st_size == 10);
    close(fd);

    write_file(at("fileio.l1"), "linked");
    check("link", link(at("fileio.l1"), at("fileio.l2")) == 0);
    check("link-nlink-2", stat(at("fileio.l1"), &st) == 0 && st.st_nlink == 2);
    check("link-same-ino", stat(at("fileio.l2"), &st2) == 0 && st.st_ino == st2.st_ino && st2.st_nlink == 2);
    check("link-content", read_file(at("fileio.l2"), buf, sizeof buf) == 6 && strcmp(buf, "linked") == 0);
    check_errno("link-existing EEXIST", link(at("fileio.l1"), at("fileio.l2")), EEXIST);
    check("unlink-one-link", unlink(at("fileio.l2")) == 0);
    check("link-nlink-1", stat(at("fileio.l1"), &st) == 0 && st.st_nlink == 1);
}

static void times(void) {
    struct stat st;
    write_file(at("fileio.t"), "t");
    int fd = open(at("fileio.t"), O_RDWR);
    struct timespec ts[2] = {{1000000000, 0}, {1100000000, 0}};
    check("futimens", futimens(fd, ts) == 0);
    check("futimens-applied",
          fstat(fd, &st) == 0 && st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1100000000);
    struct timespec omit[2] = {{0, UTIME_OMIT}, {1200000000, 0}};
    check("futimens-omit", futimens(fd, omit) == 0 && fstat(fd, &st) == 0 && st.st_atim.tv_sec == 1000000000 &&
                               st.st_mtim.tv_sec == 1200000000);
    struct timespec now[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
    check("futimens-now", futimens(fd, now) == 0 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec > 1200000000);
    close(fd);
    struct timespec ts2[2] = {{1500000000, 0}, {1600000000, 0}};
    check("utimensat", utimensat(AT_FDCWD, at("fileio.t"), ts2, 0) == 0);
    check("utimensat-applied",
          stat(at("fileio.t"), &st) == 0 && st.st_atim.tv_sec == 1500000000 && st.st_mtim.tv_sec == 1600000000);
    check("utimensat-now", utimensat(AT_FDCWD, at("fileio.t"), now, 0) == 0 && stat(at("fileio.t"), &st) == 0 &&
                               st.st_mtim.tv_sec > 1600000000);
}

int main(int argc, char **argv) {
    snprintf(dir, sizeof dir, "%s", argc > 1 ? argv[1] : ".");
    const char *old[] = {"fileio.a", "fileio.b", "fileio.c", "fileio.ra", "fileio.rb", "fileio.u",
                         "fileio.l1", "fileio.l2", "fileio.t"};
    for (size_t i = 0; i < sizeof old / sizeof old[0]; i++) unlink(at(old[i]));
    basics();
    flags();
    names();
    times();
    return checks_exit_status();
}
