/* echo-stdin-lines: for each line read from stdin prints "line N: TEXT" (N from 1, TEXT without its newline) and
 * flushes at once, so a host can check that output streams while input is still open. A last line without a
 * newline counts. At EOF prints "lines N". Exits 0. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[4096];
    int n = 0;
    while (fgets(buf, sizeof buf, stdin)) {
        size_t len = strlen(buf);
        if (len > 0 && buf[len - 1] == '\n') buf[len - 1] = '\0';
        printf("line %d: %s\n", ++n, buf);
        fflush(stdout);
    }
    printf("lines %d\n", n);
    return 0;
}
