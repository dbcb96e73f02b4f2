/*
 * test_sigint.c — Ctrl-C reaches a running program as KeyboardInterrupt: a
 * busy loop is interrupted at its next eval-breaker check, the traceback is
 * printed, and the process ends by SIGINT as CPython's does.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 16);
    if (n < 0) return perror("readlink"), 1;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    strcpy(slash, "/../krait");  // build/ctest/test_sigint -> build/krait
    int out[2], err[2];
    if (pipe(out) || pipe(err)) return perror("pipe"), 1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        execl(exe, exe, "-c", "print('ready', flush=True)\nwhile True:\n    pass\n", (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    char buf[8192];
    ssize_t r = read(out[0], buf, sizeof buf - 1);
    if (r <= 0 || strncmp(buf, "ready", 5) != 0) return fprintf(stderr, "child did not start\n"), 1;
    usleep(200000);
    kill(pid, SIGINT);
    size_t total = 0;
    while ((r = read(err[0], buf + total, sizeof buf - 1 - total)) > 0) total += (size_t)r;
    buf[total] = 0;
    int status;
    waitpid(pid, &status, 0);
    if (!strstr(buf, "Traceback (most recent call last):") || !strstr(buf, "\nKeyboardInterrupt\n")) {
        fprintf(stderr, "unexpected stderr:\n%s\n", buf);
        return 1;
    }
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGINT) {
        fprintf(stderr, "expected death by SIGINT, status %d\n", status);
        return 1;
    }
    return 0;
}
