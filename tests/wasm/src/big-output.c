/* big-output: writes argv[1] MiB (default 1) to stdout as repetitions of one 64-byte line (62 characters
 * "0-9a-zA-Z", '+', '\n'), with raw writes of 64 KiB retrying short writes. Exits 0, or 1 with
 * "big-output: ENAME" on stderr when a write fails. */
#include <stdlib.h>
#include <unistd.h>

#include "common.h"

static const char line[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+\n";

int main(int argc, char **argv) {
    static char block[65536];
    long mib = argc > 1 ? atol(argv[1]) : 1;
    for (size_t i = 0; i < sizeof block; i++) block[i] = line[i % 64];
    for (long b = 0; b < mib * 16; b++) {
        for (size_t off = 0; off < sizeof block;) {
            ssize_t w = write(1, block + off, sizeof block - off);
            if (w < 0) {
                fprintf(stderr, "big-output: %s\n", errno_name(errno));
                return 1;
            }
            off += (size_t)w;
        }
    }
    return 0;
}
