// build: -Wl,--max-memory=134217728
/* memgrow: grows linear memory by 1 MiB (16 pages, with memory.grow, which is what malloc does underneath) and
 * writes one byte per page of each new MiB, until growth fails or argv[1] MiB were added (default unlimited);
 * then prints "allocated N MiB" and exits 0. The module caps its memory at 128 MiB, so on a host without a lower
 * limit N is 128 minus the initial size (about 127). wasi-libc 2022's malloc does not return NULL reliably once
 * growth fails, hence memory.grow directly. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long max = argc > 1 ? atol(argv[1]) : -1;
    long n = 0;
    while (max < 0 || n < max) {
        long before = (long)__builtin_wasm_memory_grow(0, 16);
        if (before < 0) break;
        char *p = (char *)(before * 65536L);
        for (long i = 0; i < (1L << 20); i += 65536) p[i] = (char)n;
        n++;
    }
    printf("allocated %ld MiB\n", n);
    return 0;
}
