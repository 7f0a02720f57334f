/* fd-bomb: creates "<argv[1]>/fd-bomb.tmp" (argv[1] default ".") and opens it again and again without closing
 * until open fails or argv[2] opens succeeded (default unlimited). Prints "opened N files: ENAME" (the errno of
 * the failing open) or "opened N files: limit reached", and exits 0. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv) {
    char path[1100];
    long max = argc > 2 ? atol(argv[2]) : -1;
    snprintf(path, sizeof path, "%s/fd-bomb.tmp", argc > 1 ? argv[1] : ".");
    int fd = open(path, O_CREAT | O_WRONLY, 0644);
    if (fd < 0) {
        printf("cannot create %s: %s\n", path, errno_name(errno));
        return 1;
    }
    long n = 1;
    while (max < 0 || n < max) {
        if (open(path, O_RDONLY) < 0) {
            printf("opened %ld files: %s\n", n, errno_name(errno));
            return 0;
        }
        n++;
    }
    printf("opened %ld files: limit reached\n", n);
    return 0;
}
