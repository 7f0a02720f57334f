/* stdout-stderr: writes "to stdout\n" to fd 1 and "to stderr\n" to fd 2, in that order, with raw writes, and
 * exits with status argv[1] (default 0). */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    (void)!write(1, "to stdout\n", 10);
    (void)!write(2, "to stderr\n", 10);
    return argc > 1 ? atoi(argv[1]) : 0;
}
