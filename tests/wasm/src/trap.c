/* trap: prints "before trap" (flushed), then executes the unreachable instruction. A host reports a trap
 * (Burrow: status 134 and a message on stderr). */
#include <stdio.h>

int main(void) {
    puts("before trap");
    fflush(stdout);
    __builtin_trap();
}
