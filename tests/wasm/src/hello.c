/* hello: prints "hello world\n" and exits 0. The smallest program a host must run. */
#include <stdio.h>

int main(void) {
    fputs("hello world\n", stdout);
    return 0;
}
