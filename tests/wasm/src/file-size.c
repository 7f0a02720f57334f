/* file-size: prints the size in bytes of the file argv[1] (stat, following symlinks) as "<size>\n" and exits 0;
 * prints "file-size: PATH: ENAME" on stderr and exits 1 if stat fails, 2 without an argument. */
#include <sys/stat.h>

#include "common.h"

int main(int argc, char **argv) {
    struct stat st;
    if (argc < 2) {
        fprintf(stderr, "usage: file-size PATH\n");
        return 2;
    }
    if (stat(argv[1], &st) != 0) {
        fprintf(stderr, "file-size: %s: %s\n", argv[1], errno_name(errno));
        return 1;
    }
    printf("%lld\n", (long long)st.st_size);
    return 0;
}
