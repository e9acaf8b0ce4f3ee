// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Throughput of QGraphQLMultipartDecoder on an Apollo Router stream, with and without
// parseSubscriptionPart() on every part, so that framing and JSON costs can be told apart.
//
//   bench_multipartdecoder [seconds-per-case]     (default 1)
//
// Every case feeds an endless router-framed stream ("\r\n--graphql" once, then
// "\r\ncontent-type: application/json\r\n\r\n<json>\r\n--graphql" per part) in reads of a fixed
// size until the time is up, and calls next() after every read, as the transport does.

#include "private/qgraphqlmultipartdecoder_p.h"
#include "private/qgraphqlresponseparser_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qstringlist.h>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype KiB = 1024;
constexpr qsizetype MiB = 1024 * KiB;

// A subscription event of exactly `size` bytes, shaped like real data: nested objects, numbers,
// strings with escaped quotes, and some plain text.
QByteArray payload(qsizetype size)
{
    const QByteArray head = R"({"payload":{"data":{"text":")";
    const QByteArray middle = R"(","items":[)";
    const QByteArray tail = "]}}}";
    QByteArray items;
    for (int i = 0;; ++i) {
        QByteArray item = (i ? "," : "") + "{\"id\":"_ba + QByteArray::number(i)
                + ",\"name\":\"item \\\"" + QByteArray::number(i)
                + "\\\"\",\"score\":" + QByteArray::number(i * 0.25) + '}';
        if (head.size() + middle.size() + tail.size() + items.size() + item.size() > size)
            break;
        items += item;
    }
    QByteArray text;
    while (text.size() < size)
        text += "hello, world ";
    text.truncate(size - head.size() - middle.size() - tail.size() - items.size());
    return head + text + middle + items + tail;
}

struct Case
{
    qsizetype payloadSize;
    qsizetype readSize;
    bool parseJson;
};

struct Result
{
    qint64 bytes = 0;
    qint64 parts = 0;
    double seconds = 0;
    qsizetype bodySize = 0;
    bool ok = true;
};

Result run(const Case &c, double minSeconds)
{
    const QByteArray body = payload(c.payloadSize);
    const QByteArray unit = "\r\ncontent-type: application/json\r\n\r\n" + body + "\r\n--graphql";
    QByteArray ring; // whole parts, fed over and over
    while (ring.size() < 4 * MiB)
        ring += unit;

    QGraphQLMultipartDecoder decoder("graphql");
    decoder.feed("\r\n--graphql");
    QByteArray scratch(c.readSize, Qt::Uninitialized);
    qsizetype ringPos = 0;
    Result result;
    result.bodySize = body.size();
    qint64 results = 0;
    qint64 bodyBytes = 0;

    const auto feedBytes = [&](qint64 total) {
        for (qint64 fed = 0; fed < total; fed += c.readSize) {
            if (ringPos + c.readSize <= ring.size()) {
                decoder.feed(QByteArrayView(ring).sliced(ringPos, c.readSize));
                ringPos += c.readSize;
            } else { // wrap around
                const qsizetype head = ring.size() - ringPos;
                std::memcpy(scratch.data(), ring.constData() + ringPos, size_t(head));
                std::memcpy(scratch.data() + head, ring.constData(), size_t(c.readSize - head));
                decoder.feed(scratch);
                ringPos = c.readSize - head;
            }
            QGraphQLMultipartDecoder::Event event;
            while ((event = decoder.next()) == QGraphQLMultipartDecoder::Event::Part) {
                ++result.parts;
                bodyBytes += decoder.partBody().size();
                if (c.parseJson) {
                    const auto part = QGraphQLResponseParser::parseSubscriptionPart(
                            decoder.partBody(), decoder.partOffset());
                    results += part.kind == QGraphQLResponseParser::SubscriptionPart::Result;
                }
            }
            if (event != QGraphQLMultipartDecoder::Event::NeedMoreData)
                result.ok = false;
        }
    };

    feedBytes(ring.size()); // warm-up
    result.parts = 0;
    results = 0;
    bodyBytes = 0;

    QElapsedTimer timer;
    timer.start();
    qint64 elapsed = 0;
    do {
        feedBytes(ring.size());
        result.bytes += (ring.size() + c.readSize - 1) / c.readSize * c.readSize;
        elapsed = timer.nsecsElapsed();
    } while (elapsed < qint64(minSeconds * 1e9));
    result.seconds = elapsed / 1e9;

    // Every fed byte belongs to a part; at most one part is still open.
    const qint64 expectedParts = result.bytes / unit.size();
    if (qAbs(result.parts - expectedParts) > 1 || bodyBytes != result.parts * body.size()
        || (c.parseJson && results != result.parts)) {
        result.ok = false;
    }
    return result;
}

QByteArray humanSize(qsizetype bytes)
{
    return bytes >= KiB && bytes % KiB == 0 ? QByteArray::number(bytes / KiB) + " KiB"
                                            : QByteArray::number(bytes) + " B";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    double minSeconds = 1.0;
    if (args.size() > 1)
        minSeconds = qMax(0.01, args.at(1).toDouble());

    const Case cases[] = {
        { 100, 1 * KiB, false },       { 100, 64 * KiB, false },     { 16 * KiB, 1 * KiB, false },
        { 16 * KiB, 64 * KiB, false }, { 100, 1 * KiB, true },       { 100, 64 * KiB, true },
        { 16 * KiB, 1 * KiB, true },   { 16 * KiB, 64 * KiB, true },
    };

#if defined(QT_NO_DEBUG) && defined(NDEBUG)
    const char *buildType = "release";
#else
    const char *buildType = "debug (figures not representative)";
#endif
    std::printf("QGraphQLMultipartDecoder throughput, Apollo Router framing, %.1f s per case, "
                "%s build, Qt %s\n",
                minSeconds, buildType, qVersion());
    std::printf("MB = 10^6 bytes of stream fed (framing included)\n\n");
    std::printf("| %-8s | %-6s | %-30s | %10s | %12s | %9s | %9s |\n", "part", "read", "work",
                "MB/s", "parts/s", "ns/part", "MB fed");
    std::printf("|%s|%s|%s|%s|%s|%s|%s|\n", "----------", "--------",
                "--------------------------------",
                "-----------:", "-------------:", "----------:", "----------:");
    bool allOk = true;
    for (const Case &c : cases) {
        const Result r = run(c, minSeconds);
        allOk = allOk && r.ok;
        const QByteArray part = humanSize(r.bodySize);
        std::printf("| %-8s | %-6s | %-30s | %10.1f | %12.0f | %9.0f | %9.0f |%s\n",
                    part.constData(), humanSize(c.readSize).constData(),
                    c.parseJson ? "decode + parseSubscriptionPart" : "decode",
                    r.bytes / 1e6 / r.seconds, r.parts / r.seconds,
                    r.seconds * 1e9 / qMax<qint64>(1, r.parts), r.bytes / 1e6,
                    r.ok ? "" : " CHECK FAILED");
    }
    return allOk ? 0 : 1;
}
