/* path.c: path_* checks under conf.d (directories, links, symlinks, rename, unlink, escapes). */
#include "conformance.h"

static int open_err(__wasi_lookupflags_t lookup, const char *path, __wasi_oflags_t oflags) {
    __wasi_fd_t fd;
    int e = __wasi_path_open(root, lookup, path, oflags, FILE_RIGHTS, 0, 0, &fd);
    if (e == 0) (void)__wasi_fd_close(fd);
    return e;
}

static int stat_type(__wasi_lookupflags_t lookup, const char *path, __wasi_filestat_t *st) {
    return __wasi_path_filestat_get(root, lookup, path, st);
}

static void check_dirs(void) {
    conf_expect("path_create_directory", "nested", __wasi_path_create_directory(root, "conf.d/d"), 0);
    conf_expect("path_create_directory", "existing EEXIST", __wasi_path_create_directory(root, "conf.d/d"),
                __WASI_ERRNO_EXIST);
    conf_expect("path_create_directory", "missing parent ENOENT",
                __wasi_path_create_directory(root, "conf.d/nope/x"), __WASI_ERRNO_NOENT);
    conf_expect("path_open", "create conf.d/d/f", conf_write_file("conf.d/d/f", "data"), 0);
    conf_expect("path_remove_directory", "non-empty ENOTEMPTY", __wasi_path_remove_directory(root, "conf.d/d"),
                __WASI_ERRNO_NOTEMPTY);
    conf_expect("path_remove_directory", "file ENOTDIR", __wasi_path_remove_directory(root, "conf.d/d/f"),
                __WASI_ERRNO_NOTDIR);
    conf_expect("path_remove_directory", "missing ENOENT", __wasi_path_remove_directory(root, "conf.d/missing"),
                __WASI_ERRNO_NOENT);
    conf_expect2("path_unlink_file", "directory EISDIR", __wasi_path_unlink_file(root, "conf.d/d"),
                 __WASI_ERRNO_ISDIR, __WASI_ERRNO_PERM);
    conf_expect("path_open", "O_DIRECTORY on a file ENOTDIR", open_err(0, "conf.d/d/f", __WASI_OFLAGS_DIRECTORY),
                __WASI_ERRNO_NOTDIR);
    conf_expect("path_open", "CREAT|EXCL existing EEXIST",
                open_err(0, "conf.d/d/f", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL), __WASI_ERRNO_EXIST);
    conf_expect("path_open", "missing ENOENT", open_err(0, "conf.d/missing", 0), __WASI_ERRNO_NOENT);
    conf_expect("path_open", "file as a directory component ENOTDIR", open_err(0, "conf.d/d/f/x", 0),
                __WASI_ERRNO_NOTDIR);
    conf_expect2("path_open", "'..' escaping the preopen ENOTCAPABLE", open_err(0, "../escape", 0),
                 __WASI_ERRNO_NOTCAPABLE, __WASI_ERRNO_PERM);
    conf_expect2("path_open", "'..' escaping through a subdir ENOTCAPABLE", open_err(0, "conf.d/../../escape", 0),
                 __WASI_ERRNO_NOTCAPABLE, __WASI_ERRNO_PERM);
    conf_expect2("path_open", "absolute path ENOTCAPABLE", open_err(0, "/etc/passwd", 0), __WASI_ERRNO_NOTCAPABLE,
                 __WASI_ERRNO_PERM);
    conf_expect("path_open", "'..' staying inside", open_err(0, "conf.d/d/../d/f", 0), 0);
    __wasi_fd_t file = conf_open("conf.d/d/f", 0, 0), sub;
    conf_expect("path_open", "file as dirfd ENOTDIR",
                __wasi_path_open(file, 0, "x", 0, FILE_RIGHTS, 0, 0, &sub), __WASI_ERRNO_NOTDIR);
    (void)__wasi_fd_close(file);
    conf_expect("path_open", "unopened dirfd EBADF", __wasi_path_open(999, 0, "x", 0, FILE_RIGHTS, 0, 0, &sub),
                __WASI_ERRNO_BADF);

    __wasi_filestat_t st;
    conf_expect("path_filestat_get", "file", stat_type(0, "conf.d/d/f", &st), 0);
    conf_true("path_filestat_get", "regular, size 4", st.filetype == __WASI_FILETYPE_REGULAR_FILE && st.size == 4,
              "wrong fields");
    conf_expect("path_filestat_get", "directory", stat_type(0, "conf.d/d", &st), 0);
    conf_true("path_filestat_get", "directory type", st.filetype == __WASI_FILETYPE_DIRECTORY, "wrong type");
    conf_expect("path_filestat_get", "missing ENOENT", stat_type(0, "conf.d/missing", &st), __WASI_ERRNO_NOENT);
    conf_expect("path_filestat_set_times", "mtim",
                __wasi_path_filestat_set_times(root, 0, "conf.d/d/f", 0, 1200000000ull * 1000000000ull,
                                               __WASI_FSTFLAGS_MTIM),
                0);
    conf_true("path_filestat_set_times", "applied",
              stat_type(0, "conf.d/d/f", &st) == 0 && st.mtim == 1200000000ull * 1000000000ull, "mtim differs");
    conf_expect("path_filestat_set_times", "missing ENOENT",
                __wasi_path_filestat_set_times(root, 0, "conf.d/missing", 0, 0, __WASI_FSTFLAGS_MTIM_NOW),
                __WASI_ERRNO_NOENT);
}

static void check_links(void) {
    __wasi_filestat_t st, st2;
    conf_expect("path_link", "hard link", __wasi_path_link(root, 0, "conf.d/d/f", root, "conf.d/d/g"), 0);
    conf_true("path_link", "nlink 2 and same inode",
              stat_type(0, "conf.d/d/f", &st) == 0 && stat_type(0, "conf.d/d/g", &st2) == 0 && st.nlink == 2 &&
                  st2.nlink == 2 && st.ino == st2.ino,
              "nlink or ino differ");
    conf_expect("path_link", "existing target EEXIST", __wasi_path_link(root, 0, "conf.d/d/f", root, "conf.d/d/g"),
                __WASI_ERRNO_EXIST);
    conf_expect("path_link", "missing source ENOENT", __wasi_path_link(root, 0, "conf.d/no", root, "conf.d/d/h"),
                __WASI_ERRNO_NOENT);
    conf_expect("path_unlink_file", "one link", __wasi_path_unlink_file(root, "conf.d/d/g"), 0);
    conf_true("path_unlink_file", "nlink back to 1", stat_type(0, "conf.d/d/f", &st) == 0 && st.nlink == 1,
              "nlink not 1");
    conf_expect("path_unlink_file", "missing ENOENT", __wasi_path_unlink_file(root, "conf.d/d/g"),
                __WASI_ERRNO_NOENT);

    conf_expect("path_symlink", "relative", __wasi_path_symlink("f", root, "conf.d/d/s"), 0);
    conf_expect("path_symlink", "existing EEXIST", __wasi_path_symlink("f", root, "conf.d/d/s"),
                __WASI_ERRNO_EXIST);
    char buf[64];
    __wasi_size_t n = 0;
    conf_expect("path_readlink", "symlink", __wasi_path_readlink(root, "conf.d/d/s", (uint8_t *)buf, sizeof buf, &n),
                0);
    conf_true("path_readlink", "target text", n == 1 && buf[0] == 'f', "wrong target");
    conf_expect("path_symlink", "longer target", __wasi_path_symlink("abcdefgh", root, "conf.d/d/long"), 0);
    conf_expect("path_readlink", "short buffer truncates",
                __wasi_path_readlink(root, "conf.d/d/long", (uint8_t *)buf, 3, &n), 0);
    conf_true("path_readlink", "truncated to 3", n == 3 && memcmp(buf, "abc", 3) == 0, "wrong bytes");
    conf_expect("path_readlink", "regular file EINVAL",
                __wasi_path_readlink(root, "conf.d/d/f", (uint8_t *)buf, sizeof buf, &n), __WASI_ERRNO_INVAL);
    conf_expect("path_readlink", "missing ENOENT",
                __wasi_path_readlink(root, "conf.d/d/none", (uint8_t *)buf, sizeof buf, &n), __WASI_ERRNO_NOENT);
    conf_expect("path_filestat_get", "symlink without follow", stat_type(0, "conf.d/d/s", &st), 0);
    conf_true("path_filestat_get", "symlink type", st.filetype == __WASI_FILETYPE_SYMBOLIC_LINK, "not a symlink");
    conf_expect("path_filestat_get", "symlink with follow",
                stat_type(__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "conf.d/d/s", &st), 0);
    conf_true("path_filestat_get", "followed type", st.filetype == __WASI_FILETYPE_REGULAR_FILE, "not a file");
    conf_expect("path_open", "through symlink with follow",
                open_err(__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "conf.d/d/s", 0), 0);
    conf_expect("path_open", "symlink without follow ELOOP", open_err(0, "conf.d/d/s", 0), __WASI_ERRNO_LOOP);
    conf_expect("path_symlink", "loop a->b", __wasi_path_symlink("lb", root, "conf.d/d/la"), 0);
    conf_expect("path_symlink", "loop b->a", __wasi_path_symlink("la", root, "conf.d/d/lb"), 0);
    conf_expect("path_open", "symlink loop ELOOP", open_err(__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "conf.d/d/la", 0),
                __WASI_ERRNO_LOOP);
    conf_expect("path_symlink", "dangling", __wasi_path_symlink("nowhere", root, "conf.d/d/dangle"), 0);
    conf_expect("path_filestat_get", "dangling with follow ENOENT",
                stat_type(__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "conf.d/d/dangle", &st), __WASI_ERRNO_NOENT);
    /* A host may refuse to create a symlink whose target leaves the preopen, or create it and refuse to
     * follow it; either way nothing outside is reached. */
    int made_abs = __wasi_path_symlink("/etc/passwd", root, "conf.d/d/abs") == 0;
    conf_expect2("path_open", "absolute symlink target ENOTCAPABLE",
                 made_abs ? open_err(__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "conf.d/d/abs", 0) : __WASI_ERRNO_PERM,
                 __WASI_ERRNO_NOTCAPABLE, __WASI_ERRNO_PERM);
    int made_up = __wasi_path_symlink("../../../escape", root, "conf.d/d/up") == 0;
    conf_expect2("path_open", "'..' symlink target escaping ENOTCAPABLE",
                 made_up ? open_err(__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "conf.d/d/up", 0) : __WASI_ERRNO_PERM,
                 __WASI_ERRNO_NOTCAPABLE, __WASI_ERRNO_PERM);
    const char *links[] = {"conf.d/d/s", "conf.d/d/long", "conf.d/d/la", "conf.d/d/lb", "conf.d/d/dangle"};
    int removed = 0;
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) removed += __wasi_path_unlink_file(root, links[i]) == 0;
    if (made_abs) (void)__wasi_path_unlink_file(root, "conf.d/d/abs");
    if (made_up) (void)__wasi_path_unlink_file(root, "conf.d/d/up");
    conf_true("path_unlink_file", "symlinks", removed == 5, "some symlink could not be removed");
}

static void check_rename(void) {
    __wasi_filestat_t st;
    conf_expect("path_open", "create conf.d/d/r", conf_write_file("conf.d/d/r", "RRR"), 0);
    conf_expect("path_rename", "over existing file", __wasi_path_rename(root, "conf.d/d/r", root, "conf.d/d/f"), 0);
    conf_true("path_rename", "target replaced", stat_type(0, "conf.d/d/f", &st) == 0 && st.size == 3, "size not 3");
    conf_expect("path_rename", "source gone", stat_type(0, "conf.d/d/r", &st), __WASI_ERRNO_NOENT);
    conf_expect("path_rename", "missing source ENOENT", __wasi_path_rename(root, "conf.d/d/r", root, "conf.d/d/x"),
                __WASI_ERRNO_NOENT);
    conf_expect("path_create_directory", "conf.d/e", __wasi_path_create_directory(root, "conf.d/e"), 0);
    conf_expect("path_rename", "directory", __wasi_path_rename(root, "conf.d/e", root, "conf.d/e2"), 0);
    conf_expect2("path_rename", "directory over non-empty ENOTEMPTY",
                 __wasi_path_rename(root, "conf.d/e2", root, "conf.d/d"), __WASI_ERRNO_NOTEMPTY, __WASI_ERRNO_EXIST);
    conf_expect("path_rename", "file over directory EISDIR",
                __wasi_path_rename(root, "conf.d/d/f", root, "conf.d/e2"), __WASI_ERRNO_ISDIR);
    conf_expect("path_rename", "directory over file ENOTDIR",
                __wasi_path_rename(root, "conf.d/e2", root, "conf.d/d/f"), __WASI_ERRNO_NOTDIR);
    conf_expect2("path_rename", "out of the preopen ENOTCAPABLE",
                 __wasi_path_rename(root, "conf.d/d/f", root, "../escaped"), __WASI_ERRNO_NOTCAPABLE,
                 __WASI_ERRNO_PERM);
    conf_expect("path_remove_directory", "empty", __wasi_path_remove_directory(root, "conf.d/e2"), 0);
}

void check_path(void) {
    check_dirs();
    check_links();
    check_rename();
}
