/* output-flood: writes 64 KiB blocks of 'y' lines ("y\n") to stdout forever. When a write fails it prints
 * "output-flood: ENAME after N bytes" on stderr and exits 2, so a host that closes the pipe sees a clean end. */
#include <unistd.h>

#include "common.h"

int main(void) {
    static char block[65536];
    for (size_t i = 0; i < sizeof block; i += 2) {
        block[i] = 'y';
        block[i + 1] = '\n';
    }
    unsigned long long total = 0;
    for (;;) {
        ssize_t w = write(1, block, sizeof block);
        if (w < 0) {
            fprintf(stderr, "output-flood: %s after %llu bytes\n", errno_name(errno), total);
            return 2;
        }
        total += (unsigned long long)w;
    }
}
