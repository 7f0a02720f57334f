/* cat: copies each file named in argv (or stdin when there is none; "-" also means stdin) to stdout in 4 KiB
 * chunks with raw read/write, retrying short writes. Exits 1 with "cat: PATH: ENAME" on stderr if a file cannot be
 * opened or read, or if a write fails. */
#include <fcntl.h>
#include <unistd.h>

#include "common.h"

static int copy(int fd) {
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n == 0) return 0;
        if (n < 0) return -1;
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, (size_t)(n - off));
            if (w < 0) return -1;
            off += w;
        }
    }
}

int main(int argc, char **argv) {
    int status = 0;
    if (argc < 2) return copy(0) == 0 ? 0 : 1;
    for (int i = 1; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0 || copy(fd) != 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], errno_name(errno));
            status = 1;
        }
        if (fd > 0) close(fd);
    }
    return status;
}
