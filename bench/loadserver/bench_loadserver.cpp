// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Load server for the end-to-end benchmarks: plain POSIX sockets, one thread per connection,
// no Qt, so that it stays out of the client's way. It answers every POST with a multipart
// subscription stream (HTTP/1.1, chunked, Connection: close); the request path picks the
// workload:
//
//   /stream?size=<bytes>&count=<n>
//       n payloads of `size` bytes, Apollo Router framing, written from a pre-built block as
//       fast as the client reads (blocking write() of ~256 KiB HTTP chunks).
//   /latency?count=<n>&interval=<ms>&framing=router|leading
//       one payload every `interval` ms, each written as its own HTTP chunk, carrying the
//       server's CLOCK_MONOTONIC time (ns) taken just before write(): "t":"<ns>".
//       router: delimiter after the part; leading: delimiter before the part.
//
//   bench_loadserver <port-file>     listens on 127.0.0.1, an ephemeral port, written to the file

#include "../common/benchpayload.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <thread>

namespace {

const std::string Delimiter = "\r\n--graphql";
const std::string PartHeader = "\r\ncontent-type: application/json\r\n\r\n";

std::string chunk(const std::string &data)
{
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx\r\n", data.size());
    return hex + data + "\r\n";
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}
bool writeAll(int fd, const std::string &s)
{
    return writeAll(fd, s.data(), s.size());
}

long long monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

std::map<std::string, std::string> queryOf(const std::string &target)
{
    std::map<std::string, std::string> q;
    const size_t qm = target.find('?');
    if (qm == std::string::npos)
        return q;
    size_t pos = qm + 1;
    while (pos < target.size()) {
        size_t amp = target.find('&', pos);
        if (amp == std::string::npos)
            amp = target.size();
        const std::string kv = target.substr(pos, amp - pos);
        const size_t eq = kv.find('=');
        if (eq != std::string::npos)
            q[kv.substr(0, eq)] = kv.substr(eq + 1);
        pos = amp + 1;
    }
    return q;
}

long long number(const std::map<std::string, std::string> &q, const char *key, long long def)
{
    const auto it = q.find(key);
    return it == q.end() ? def : std::atoll(it->second.c_str());
}

const char ResponseHead[] = "HTTP/1.1 200 OK\r\n"
                            "Content-Type: multipart/mixed;boundary=\"graphql\";"
                            "subscriptionSpec=\"1.0\"\r\n"
                            "Transfer-Encoding: chunked\r\n"
                            "Connection: close\r\n\r\n";

void serveStream(int fd, const std::map<std::string, std::string> &q)
{
    const size_t size = size_t(number(q, "size", 100));
    const long long count = number(q, "count", 100000);
    std::string unit0 = PartHeader + benchSubscriptionEvent(size, 0) + Delimiter;
    const long long perBlock = std::max<long long>(1, (256 * 1024) / (long long)unit0.size());
    std::string block;
    for (long long i = 0; i < perBlock; ++i)
        block += PartHeader + benchSubscriptionEvent(size, int(i)) + Delimiter;
    const std::string blockChunk = chunk(block);
    std::string out = ResponseHead + chunk(Delimiter);
    if (!writeAll(fd, out))
        return;
    long long left = count;
    while (left >= perBlock) {
        if (!writeAll(fd, blockChunk))
            return;
        left -= perBlock;
    }
    std::string rest;
    for (long long i = 0; i < left; ++i)
        rest += PartHeader + benchSubscriptionEvent(size, int(i)) + Delimiter;
    if (!rest.empty())
        out = chunk(rest);
    else
        out.clear();
    out += chunk("--\r\n") + "0\r\n\r\n";
    writeAll(fd, out);
}

void serveLatency(int fd, const std::map<std::string, std::string> &q)
{
    const long long count = number(q, "count", 1000);
    const long long intervalNs = number(q, "interval", 10) * 1000000LL;
    const auto f = q.find("framing");
    const bool router = f == q.end() || f->second != "leading";
    std::string out = ResponseHead;
    if (router)
        out += chunk(Delimiter);
    if (!writeAll(fd, out))
        return;
    timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (long long i = 0; i < count; ++i) {
        next.tv_nsec += intervalNs;
        while (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            ++next.tv_sec;
        }
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr) == EINTR) { }
        const std::string json = R"({"payload":{"data":{"tick":{"seq":)" + std::to_string(i)
                + R"(,"t":")" + std::to_string(monotonicNs()) + R"("}}}})";
        const std::string part
                = router ? PartHeader + json + Delimiter : Delimiter + PartHeader + json;
        if (!writeAll(fd, chunk(part)))
            return;
    }
    writeAll(fd, chunk(router ? "--\r\n" : "\r\n--graphql--\r\n") + "0\r\n\r\n");
}

void serve(int fd)
{
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::string request;
    char buf[8192];
    size_t headerEnd = std::string::npos;
    while ((headerEnd = request.find("\r\n\r\n")) == std::string::npos) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            ::close(fd);
            return;
        }
        request.append(buf, size_t(n));
    }
    // Read the body (Content-Length) so that closing does not reset the connection.
    size_t contentLength = 0;
    std::string lower = request.substr(0, headerEnd);
    for (char &c : lower)
        c = char(std::tolower((unsigned char)c));
    const size_t cl = lower.find("content-length:");
    if (cl != std::string::npos)
        contentLength = size_t(std::atoll(lower.c_str() + cl + 15));
    while (request.size() < headerEnd + 4 + contentLength) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        request.append(buf, size_t(n));
    }
    const size_t sp1 = request.find(' ');
    const size_t sp2 = request.find(' ', sp1 + 1);
    const std::string target = request.substr(sp1 + 1, sp2 - sp1 - 1);
    const auto q = queryOf(target);
    if (target.rfind("/latency", 0) == 0)
        serveLatency(fd, q);
    else
        serveStream(fd, q);
    ::shutdown(fd, SHUT_WR);
    // Drain until the client closes, so that the last bytes are not lost to a reset.
    while (::recv(fd, buf, sizeof buf, 0) > 0) { }
    ::close(fd);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <port-file>\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::listen(listener, 1024) != 0) {
        std::perror("bind/listen");
        return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len);
    const std::string portFile = argv[1];
    const std::string tmp = portFile + ".tmp";
    if (FILE *f = std::fopen(tmp.c_str(), "w")) {
        std::fprintf(f, "%d\n", ntohs(addr.sin_port));
        std::fclose(f);
        std::rename(tmp.c_str(), portFile.c_str());
    }
    for (;;) {
        const int fd = ::accept(listener, nullptr, nullptr);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            std::perror("accept");
            return 1;
        }
        std::thread(serve, fd).detach();
    }
}
