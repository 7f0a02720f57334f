// build: -Wl,-z,stack-size=1048576
/* recurse: recurses argv[1] levels (default 1000), each frame keeping 64 bytes on the shadow stack, then prints
 * "depth N sum S" (S = sum of the levels, so the frames really ran) and exits 0. The shadow stack is 1 MiB and
 * placed first in memory, so overflowing it traps instead of corrupting data: about 10,000 levels fit; 1,000,000
 * levels trap (or exhaust the engine's native stack, which a host also reports as a trap). */
#include <stdlib.h>
#include <stdio.h>

static long long down(long level, long depth) {
    volatile char frame[64];
    frame[level % 64] = (char)level;
    if (level == depth) return level;
    return down(level + 1, depth) + frame[level % 64] * 0 + level;
}

int main(int argc, char **argv) {
    long depth = argc > 1 ? atol(argv[1]) : 1000;
    printf("depth %ld sum %lld\n", depth, down(1, depth));
    return 0;
}
