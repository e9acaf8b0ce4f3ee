// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Runs one client process with its stdout into a pipe, reads the pipe to the end (counting
// lines and bytes, as a consumer of the client's output would), and reports the child's CPU
// from wait4(): user + system of the child alone, its whole life, start-up included. Plain
// C++ and POSIX, no Qt, so that the reader costs almost nothing next to the client.
//
//   bench_piperun <expected-lines> <program> [args...]
//
// Prints one JSON object on stdout: lines, bytes, seconds (spawn to exit), firstSeconds (spawn
// to the first byte), cpu/user/sys (s), hwmKiB (the child's ru_maxrss), exit, and the first
// line (up to 300 bytes). Exits 1 when the child fails or the line count differs from
// <expected-lines> (-1: any count).

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

extern char **environ;

namespace {

double monotonicSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

double seconds(const timeval &tv)
{
    return tv.tv_sec + tv.tv_usec / 1e6;
}

// The first line as a JSON string (it is JSON itself: quotes and backslashes need escaping).
std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (const unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + '"';
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_piperun <expected-lines> <program> [args...]\n");
        return 2;
    }
    const long long expected = std::atoll(argv[1]);
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        return 1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    const double t0 = monotonicSeconds();
    pid_t pid = 0;
    const int err = posix_spawnp(&pid, argv[2], &actions, nullptr, argv + 2, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (err != 0) {
        std::fprintf(stderr, "bench_piperun: cannot start %s: %s\n", argv[2], std::strerror(err));
        return 1;
    }

    static char buf[1 << 16];
    long long lines = 0;
    long long bytes = 0;
    double first = -1;
    std::string firstLine;
    bool firstDone = false;
    for (;;) {
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (first < 0)
            first = monotonicSeconds() - t0;
        bytes += n;
        const char *p = buf;
        const char *end = buf + n;
        while (const void *nl = std::memchr(p, '\n', size_t(end - p))) {
            const char *q = static_cast<const char *>(nl);
            if (!firstDone) {
                firstLine.append(p, size_t(q - p));
                firstDone = true;
            }
            ++lines;
            p = q + 1;
        }
        if (!firstDone)
            firstLine.append(p, size_t(end - p));
    }
    close(fds[0]);

    int status = 0;
    rusage ru {};
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) { }
    const double wall = monotonicSeconds() - t0;
    const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (firstLine.size() > 300)
        firstLine.resize(300);

    std::printf("{\"lines\":%lld,\"bytes\":%lld,\"seconds\":%.6f,\"firstSeconds\":%.6f,"
                "\"cpu\":%.6f,\"user\":%.6f,\"sys\":%.6f,\"hwmKiB\":%ld,\"exit\":%d,"
                "\"firstLine\":%s}\n",
                lines, bytes, wall, first, seconds(ru.ru_utime) + seconds(ru.ru_stime),
                seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss, exitCode,
                jsonString(firstLine).c_str());
    if (exitCode != 0) {
        std::fprintf(stderr, "bench_piperun: %s exited with %d\n", argv[2], exitCode);
        return 1;
    }
    if (expected >= 0 && lines != expected) {
        std::fprintf(stderr, "bench_piperun: %lld lines, expected %lld\n", lines, expected);
        return 1;
    }
    return 0;
}
