/* random: getentropy fills 64 bytes that are not all zero, two calls differ, and a request over 256 bytes fails
 * with EIO (wasi-libc's getentropy limit, before any host call). Prints "ok NAME" / "FAIL NAME: DETAIL" and
 * "PASSED: 0 failed" / "FAILED: N failed"; exits 1 on failure. */
#include <unistd.h>

#include "common.h"

int main(void) {
    unsigned char a[64] = {0}, b[64] = {0}, big[257];
    check("getentropy-64", getentropy(a, sizeof a) == 0);
    int nonzero = 0;
    for (size_t i = 0; i < sizeof a; i++) nonzero |= a[i];
    check("not-all-zero", nonzero != 0);
    check("getentropy-again", getentropy(b, sizeof b) == 0);
    check("calls-differ", memcmp(a, b, sizeof a) != 0);
    check_errno("getentropy-257 EIO", getentropy(big, sizeof big), EIO);
    return checks_exit_status();
}
