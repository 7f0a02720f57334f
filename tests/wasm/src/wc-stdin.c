/* wc-stdin: reads stdin to EOF and prints "<bytes> <lines>\n" (lines = number of '\n' bytes). Exits 0, or 1 with
 * "wc-stdin: ENAME" on stderr if a read fails. */
#include <unistd.h>

#include "common.h"

int main(void) {
    char buf[8192];
    unsigned long long bytes = 0, lines = 0;
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            fprintf(stderr, "wc-stdin: %s\n", errno_name(errno));
            return 1;
        }
        bytes += (unsigned long long)n;
        for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
    }
    printf("%llu %llu\n", bytes, lines);
    return 0;
}
