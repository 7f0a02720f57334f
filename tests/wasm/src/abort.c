/* abort: prints "before abort" (flushed), then calls abort(), which in wasi-libc is a trap (unreachable). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    puts("before abort");
    fflush(stdout);
    abort();
}
