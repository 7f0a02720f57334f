// Makes N cheap kernel round trips (fd_fdstat_get on stdout), for the syscall round-trip benchmark.
#include <stdlib.h>
#include <wasi/api.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  __wasi_fdstat_t st;
  for (long i = 0; i < n; i++) __wasi_fd_fdstat_get(1, &st);
  return 0;
}
