// Writes a file of argv[2] MiB at path argv[1] in 64 KiB writes, then reads it back, argv[3] times.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static char buf[65536];
int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "/tmp/bench.bin";
  long mib = argc > 2 ? atol(argv[2]) : 1;
  long rounds = argc > 3 ? atol(argv[3]) : 1;
  memset(buf, 'x', sizeof buf);
  long total = 0;
  for (long r = 0; r < rounds; r++) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    for (long i = 0; i < mib * 16; i++) if (write(fd, buf, sizeof buf) != sizeof buf) { perror("write"); return 1; }
    close(fd);
    fd = open(path, O_RDONLY);
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) total += n;
    close(fd);
  }
  printf("%ld\n", total);
  return 0;
}
