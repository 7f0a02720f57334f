// Prints "hello world": the spawn benchmark's program.
#include <stdio.h>
int main(void) { puts("hello world"); return 0; }
