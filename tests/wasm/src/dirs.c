/* dirs: directory semantics through wasi-libc, inside directory argv[1] (default "."). Works under "dirs.d",
 * which must not exist beforehand. Prints "ok NAME" / "FAIL NAME: DETAIL" per check, the sorted listing of
 * dirs.d (without "." and "..") as one line "listing: a b.txt c", and "PASSED: 0 failed" / "FAILED: N failed";
 * exits 1 if any check failed. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

static char dir[1024];
static char pbuf[4][1200];

static const char *at(const char *name) {
    static int next;
    char *p = pbuf[next++ % 4];
    snprintf(p, sizeof pbuf[0], "%s/%s", dir, name);
    return p;
}

static int touch(const char *path) {
    int fd = open(path, O_CREAT | O_WRONLY, 0644);
    if (fd < 0) return -1;
    return close(fd);
}

static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the sorted entries of path on one line; returns how many there were, or -1. */
static int listing(const char *path) {
    DIR *d = opendir(path);
    if (!d) return -1;
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp);
    printf("listing:");
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
    return n;
}

int main(int argc, char **argv) {
    struct stat st;
    snprintf(dir, sizeof dir, "%s", argc > 1 ? argv[1] : ".");

    check("mkdir", mkdir(at("dirs.d"), 0755) == 0 && is_dir(at("dirs.d")));
    check_errno("mkdir-existing EEXIST", mkdir(at("dirs.d"), 0755), EEXIST);
    check("mkdir-nested", mkdir(at("dirs.d/a"), 0755) == 0 && mkdir(at("dirs.d/a/b"), 0755) == 0 &&
                              is_dir(at("dirs.d/a/b")));
    check_errno("mkdir-missing-parent ENOENT", mkdir(at("dirs.d/x/y"), 0755), ENOENT);
    check("create-files", touch(at("dirs.d/c")) == 0 && touch(at("dirs.d/b.txt")) == 0);
    check_errno("mkdir-under-file ENOTDIR", mkdir(at("dirs.d/c/x"), 0755), ENOTDIR);
    check("readdir-count", listing(at("dirs.d")) == 3);

    check_errno("rmdir-nonempty ENOTEMPTY", rmdir(at("dirs.d/a")), ENOTEMPTY);
    check_errno("rmdir-file ENOTDIR", rmdir(at("dirs.d/c")), ENOTDIR);
    check_errno("rmdir-missing ENOENT", rmdir(at("dirs.d/nope")), ENOENT);
    check_errno2("unlink-dir EISDIR", unlink(at("dirs.d/a")), EISDIR, EPERM);

    check("rename-dir", rename(at("dirs.d/a"), at("dirs.d/z")) == 0);
    check("renamed-child-moved", is_dir(at("dirs.d/z/b")));
    check_errno("renamed-source-gone ENOENT", stat(at("dirs.d/a"), &st), ENOENT);
    check("rename-dir-over-empty-dir", mkdir(at("dirs.d/e"), 0755) == 0 && rename(at("dirs.d/z/b"), at("dirs.d/e")) == 0 &&
                                           !is_dir(at("dirs.d/z/b")) && is_dir(at("dirs.d/e")));
    check("setup-nonempty-target", mkdir(at("dirs.d/f"), 0755) == 0 && touch(at("dirs.d/f/g")) == 0);
    check_errno2("rename-dir-over-nonempty ENOTEMPTY", rename(at("dirs.d/e"), at("dirs.d/f")), ENOTEMPTY, EEXIST);
    check_errno("rename-dir-over-file ENOTDIR", rename(at("dirs.d/e"), at("dirs.d/c")), ENOTDIR);
    check_errno("rename-file-over-dir EISDIR", rename(at("dirs.d/c"), at("dirs.d/e")), EISDIR);
    check_errno("rename-dir-into-itself EINVAL", rename(at("dirs.d/z"), at("dirs.d/z/inner")), EINVAL);

    errno = 0;
    DIR *d = opendir(at("dirs.d/c"));
    check_errno("opendir-file ENOTDIR", d ? 0 : -1, ENOTDIR);
    if (d) closedir(d);
    check_errno("open-directory-flag-on-file ENOTDIR", open(at("dirs.d/c"), O_RDONLY | O_DIRECTORY), ENOTDIR);

    check("rmdir-empty", rmdir(at("dirs.d/e")) == 0);
    check_errno("rmdir-gone ENOENT", stat(at("dirs.d/e"), &st), ENOENT);
    check("stat-dir", stat(at("dirs.d"), &st) == 0 && S_ISDIR(st.st_mode));
    return checks_exit_status();
}
