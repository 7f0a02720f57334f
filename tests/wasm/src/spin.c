/* spin: prints "spinning" (flushed), then loops forever without any syscall. Only a CPU or wall-time limit, or a
 * kill, ends it. */
#include <stdio.h>

int main(void) {
    volatile unsigned long n = 0;
    puts("spinning");
    fflush(stdout);
    for (;;) n++;
}
