/* symlinks: symbolic-link semantics through wasi-libc, inside directory argv[1] (default "."). Works under
 * "symlinks.d", which must not exist beforehand. Prints "ok NAME" / "FAIL NAME: DETAIL" per check and
 * "PASSED: 0 failed" / "FAILED: N failed"; exits 1 if any check failed. Link targets are relative, so the
 * checks hold in any directory. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

static char dir[1024];
static char pbuf[4][1200];

static const char *at(const char *name) {
    static int next;
    char *p = pbuf[next++ % 4];
    snprintf(p, sizeof pbuf[0], "%s/symlinks.d/%s", dir, name);
    return p;
}

int main(int argc, char **argv) {
    struct stat st;
    char buf[256];
    snprintf(dir, sizeof dir, "%s", argc > 1 ? argv[1] : ".");
    char root[1100];
    snprintf(root, sizeof root, "%s/symlinks.d", dir);

    check("setup", mkdir(root, 0755) == 0 && mkdir(at("sub"), 0755) == 0);
    int fd = open(at("target.txt"), O_CREAT | O_WRONLY, 0644);
    check("setup-target", fd >= 0 && write(fd, "target!", 7) == 7);
    close(fd);

    check("symlink", symlink("target.txt", at("ln")) == 0);
    check_errno("symlink-existing EEXIST", symlink("target.txt", at("ln")), EEXIST);
    ssize_t n = readlink(at("ln"), buf, sizeof buf);
    check("readlink", n == 10 && memcmp(buf, "target.txt", 10) == 0);
    check("readlink-truncates", readlink(at("ln"), buf, 4) == 4 && memcmp(buf, "targ", 4) == 0);
    check("lstat-is-link", lstat(at("ln"), &st) == 0 && S_ISLNK(st.st_mode) && st.st_size == 10);
    check("stat-follows", stat(at("ln"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 7);
    fd = open(at("ln"), O_RDONLY);
    check("open-follows", fd >= 0 && read(fd, buf, sizeof buf) == 7 && memcmp(buf, "target!", 7) == 0);
    close(fd);
    check_errno("readlink-regular-file EINVAL", readlink(at("target.txt"), buf, sizeof buf), EINVAL);
    check_errno("readlink-missing ENOENT", readlink(at("missing"), buf, sizeof buf), ENOENT);

    check("dangling-symlink", symlink("nowhere", at("dangle")) == 0);
    check("dangling-lstat", lstat(at("dangle"), &st) == 0 && S_ISLNK(st.st_mode));
    check_errno("dangling-stat ENOENT", stat(at("dangle"), &st), ENOENT);
    check_errno("dangling-open ENOENT", open(at("dangle"), O_RDONLY), ENOENT);
    fd = open(at("dangle"), O_CREAT | O_WRONLY, 0644);
    check("dangling-open-creat-creates-target", fd >= 0 && stat(at("nowhere"), &st) == 0);
    if (fd >= 0) close(fd);

    check("loop-setup", symlink("loop2", at("loop1")) == 0 && symlink("loop1", at("loop2")) == 0);
    check_errno("loop-open ELOOP", open(at("loop1"), O_RDONLY), ELOOP);
    check_errno("loop-stat ELOOP", stat(at("loop1"), &st), ELOOP);
    check("loop-lstat", lstat(at("loop1"), &st) == 0 && S_ISLNK(st.st_mode));

    check_errno("nofollow-open ELOOP", open(at("ln"), O_RDONLY | O_NOFOLLOW), ELOOP);
    fd = open(at("target.txt"), O_RDONLY | O_NOFOLLOW);
    check("nofollow-regular-file", fd >= 0);
    if (fd >= 0) close(fd);

    check("dir-symlink", symlink("sub", at("dl")) == 0);
    check("dir-symlink-stat", stat(at("dl"), &st) == 0 && S_ISDIR(st.st_mode));
    check("trailing-slash-lstat-follows", lstat(at("dl/"), &st) == 0 && S_ISDIR(st.st_mode));
    fd = open(at("dl/inner"), O_CREAT | O_WRONLY, 0644);
    check("create-through-dir-symlink", fd >= 0 && stat(at("sub/inner"), &st) == 0);
    if (fd >= 0) close(fd);
    check_errno("trailing-slash-file-link ENOTDIR", open(at("ln/"), O_RDONLY), ENOTDIR);
    check_errno("trailing-slash-stat-file-link ENOTDIR", stat(at("ln/"), &st), ENOTDIR);

    check("unlink-symlink", unlink(at("ln")) == 0);
    check("unlink-keeps-target", stat(at("target.txt"), &st) == 0 && S_ISREG(st.st_mode));
    check_errno("unlinked-symlink-gone ENOENT", lstat(at("ln"), &st), ENOENT);
    check("rename-symlink", rename(at("dl"), at("dl2")) == 0 && lstat(at("dl2"), &st) == 0 && S_ISLNK(st.st_mode));
    return checks_exit_status();
}
