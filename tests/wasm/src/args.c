/* args: prints "argc N", then "argv[i]=VALUE" for each argument, then "env NAME=VALUE" for each environment
 * variable in the order the host gives them. Exits 0. */
#include <stdio.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; e && *e; e++) printf("env %s\n", *e);
    return 0;
}
