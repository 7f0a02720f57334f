/* exit: exits with status argv[1] (decimal, default 0) through exit(), printing nothing. */
#include <stdlib.h>

int main(int argc, char **argv) {
    exit(argc > 1 ? atoi(argv[1]) : 0);
}
