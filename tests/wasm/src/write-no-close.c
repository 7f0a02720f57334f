/* write-no-close: creates (or truncates) file argv[1], writes argv[2] (default "unclosed\n") with one raw write,
 * and ends through proc_exit(0) without closing the fd or flushing anything, so a host must keep data written to
 * an fd that is still open when the process ends. Prints nothing; exits 1 with "write-no-close: ENAME" on stderr
 * if open or write fails, 2 without an argument. */
#include <fcntl.h>
#include <unistd.h>
#include <wasi/api.h>

#include "common.h"

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    const char *text = argc > 2 ? argv[2] : "unclosed\n";
    int fd = open(argv[1], O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        fprintf(stderr, "write-no-close: %s\n", errno_name(errno));
        return 1;
    }
    __wasi_proc_exit(0);
}
