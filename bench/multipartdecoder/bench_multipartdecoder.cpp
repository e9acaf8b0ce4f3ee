// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Throughput of the stream decoders, so that framing and JSON costs can be told apart:
//  - multipart: QGraphQLMultipartDecoder on an Apollo Router stream ("\r\n--graphql" once,
//    then "\r\ncontent-type: application/json\r\n\r\n<json>\r\n--graphql" per part), alone
//    and with parseSubscriptionPart() on every part;
//  - SSE: QGraphQLSseDecoder on "event: next\ndata: <json>\n\n" events, alone and with
//    graphqlStep() (the JSON parse) on every event;
//  - incremental: an @defer response over multipart (a small initial part with "pending", then
//    one subsequent part of the given size with "incremental" and "completed"), each part
//    parsed and merged by QGraphQLIncrementalMerger, a new merger per response, as the
//    transport does.
//
//   bench_multipartdecoder [seconds-per-case]     (default 1)
//
// Every case feeds an endless stream in reads of a fixed size until the time is up, and pulls
// every event after every read, as the transport does.

#include "../common/benchpayload.h"
#include "protocol/qgraphqlincrementalmerger_p.h"
#include "protocol/qgraphqlmultipartdecoder_p.h"
#include "protocol/qgraphqlssedecoder_p.h"
#include "protocol/qgraphqlresponseparser_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qstringlist.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype KiB = 1024;
constexpr qsizetype MiB = 1024 * KiB;

enum class Format { Multipart, Sse, Incremental };

struct Case
{
    Format format;
    qsizetype payloadSize;
    qsizetype readSize;
    bool parseJson;
};

const char *workName(const Case &c)
{
    switch (c.format) {
    case Format::Multipart:
        return c.parseJson ? "decode + parseSubscriptionPart" : "decode";
    case Format::Sse:
        return c.parseJson ? "SSE: decode + graphqlStep" : "SSE: decode";
    case Format::Incremental:
        return "incremental: decode + parse + merge";
    }
    return "";
}

// The bytes that open the stream, and one unit of it (repeated forever).
struct Stream
{
    QByteArray prologue;
    QByteArray unit;
    qsizetype partsPerUnit = 1;
    qsizetype bodyBytesPerUnit = 0;
};

Stream stream(const Case &c)
{
    const QByteArray partHead = "\r\ncontent-type: application/json\r\n\r\n";
    switch (c.format) {
    case Format::Multipart: {
        const QByteArray body = QByteArray::fromStdString(benchSubscriptionEvent(c.payloadSize));
        return { "\r\n--graphql", partHead + body + "\r\n--graphql", 1, body.size() };
    }
    case Format::Sse: {
        const QByteArray body = QByteArray::fromStdString(
                benchJson(c.payloadSize, R"({"data":{"seq":0,"text":")", "]}}"));
        return { {}, "event: next\ndata: " + body + "\n\n", 1, body.size() };
    }
    case Format::Incremental: {
        const QByteArray initial = R"({"data":{"seq":1},"pending":[{"id":"0","path":[]}],)"
                                   R"("hasNext":true})";
        const QByteArray subsequent = QByteArray::fromStdString(
                benchJson(c.payloadSize, R"({"incremental":[{"id":"0","data":{"text":")",
                          R"(]}}],"completed":[{"id":"0"}],"hasNext":false})"));
        return { "\r\n--graphql",
                 partHead + initial + "\r\n--graphql" + partHead + subsequent + "\r\n--graphql", 2,
                 initial.size() + subsequent.size() };
    }
    }
    return {};
}

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
    const Stream st = stream(c);
    QByteArray ring; // whole units, fed over and over
    while (ring.size() < 4 * MiB)
        ring += st.unit;

    QGraphQLMultipartDecoder multipart("graphql");
    QGraphQLSseDecoder sse;
    std::optional<QGraphQLIncrementalMerger> merger;
    QByteArray scratch(c.readSize, Qt::Uninitialized);
    qsizetype ringPos = 0;
    Result result;
    result.bodySize = c.payloadSize;
    qint64 results = 0;
    qint64 bodyBytes = 0;

    // One read: feed it and pull every event, as the transport does on readyRead.
    const auto consume = [&](QByteArrayView bytes) {
        if (c.format == Format::Sse) {
            sse.feed(bytes);
            QGraphQLSseDecoder::Status status;
            while ((status = sse.next()) == QGraphQLSseDecoder::Status::Event) {
                ++result.parts;
                bodyBytes += sse.event().data.size();
                if (c.parseJson)
                    results += QGraphQLSseDecoder::graphqlStep(sse.event()).kind
                            == QGraphQLSseStep::Next;
            }
            if (status != QGraphQLSseDecoder::Status::NeedMoreData)
                result.ok = false;
            return;
        }
        multipart.feed(bytes);
        QGraphQLMultipartDecoder::Event event;
        while ((event = multipart.next()) == QGraphQLMultipartDecoder::Event::Part) {
            ++result.parts;
            bodyBytes += multipart.partBody().size();
            if (c.format == Format::Incremental) {
                const auto parsed = QGraphQLResponseParser::parseJsonText(multipart.partBody(),
                                                                          multipart.partOffset());
                if (!merger || merger->isFinished())
                    merger.emplace(); // a new response begins
                results += parsed.error.isEmpty() && merger->merge(parsed.object).isValid();
            } else if (c.parseJson) {
                const auto part = QGraphQLResponseParser::parseSubscriptionPart(
                        multipart.partBody(), multipart.partOffset());
                results += part.kind == QGraphQLResponseParser::SubscriptionPart::Result;
            }
        }
        if (event != QGraphQLMultipartDecoder::Event::NeedMoreData)
            result.ok = false;
    };
    if (!st.prologue.isEmpty())
        consume(st.prologue);

    const auto feedBytes = [&](qint64 total) {
        for (qint64 fed = 0; fed < total; fed += c.readSize) {
            if (ringPos + c.readSize <= ring.size()) {
                consume(QByteArrayView(ring).sliced(ringPos, c.readSize));
                ringPos += c.readSize;
            } else { // wrap around
                const qsizetype head = ring.size() - ringPos;
                std::memcpy(scratch.data(), ring.constData() + ringPos, size_t(head));
                std::memcpy(scratch.data() + head, ring.constData(), size_t(c.readSize - head));
                consume(scratch);
                ringPos = c.readSize - head;
            }
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

    // Every fed byte belongs to a part; at most a unit's parts are still open.
    const qint64 expectedParts = result.bytes / st.unit.size() * st.partsPerUnit;
    const qint64 units = result.parts / st.partsPerUnit;
    if (qAbs(result.parts - expectedParts) > st.partsPerUnit
        || qAbs(bodyBytes - units * st.bodyBytesPerUnit) > st.bodyBytesPerUnit
        || ((c.parseJson || c.format == Format::Incremental) && results != result.parts)) {
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

    QList<Case> cases;
    for (Format format : { Format::Multipart, Format::Sse, Format::Incremental }) {
        for (bool parseJson : { false, true }) {
            if (format == Format::Incremental && !parseJson)
                continue; // the merge needs the parse
            for (qsizetype size : { qsizetype(100), 16 * KiB }) {
                for (qsizetype read : { 1 * KiB, 64 * KiB })
                    cases.append({ format, size, read, parseJson });
            }
        }
    }

#if defined(QT_NO_DEBUG) && defined(NDEBUG)
    const char *buildType = "release";
#else
    const char *buildType = "debug (figures not representative)";
#endif
    std::printf("Decoder throughput (multipart: Apollo Router framing; SSE; incremental: @defer "
                "over multipart), %.1f s per case, %s build, Qt %s\n",
                minSeconds, buildType, qVersion());
    std::printf("MB = 10^6 bytes of stream fed (framing included)\n\n");
    std::printf("| %-8s | %-6s | %-35s | %10s | %12s | %9s | %9s |\n", "part", "read", "work",
                "MB/s", "parts/s", "ns/part", "MB fed");
    std::printf("|%s|%s|%s|%s|%s|%s|%s|\n", "----------", "--------",
                "-------------------------------------",
                "-----------:", "-------------:", "----------:", "----------:");
    bool allOk = true;
    for (const Case &c : cases) {
        const Result r = run(c, minSeconds);
        allOk = allOk && r.ok;
        const QByteArray part = humanSize(r.bodySize);
        std::printf("| %-8s | %-6s | %-35s | %10.1f | %12.0f | %9.0f | %9.0f |%s\n",
                    part.constData(), humanSize(c.readSize).constData(), workName(c),
                    r.bytes / 1e6 / r.seconds, r.parts / r.seconds,
                    r.seconds * 1e9 / qMax<qint64>(1, r.parts), r.bytes / 1e6,
                    r.ok ? "" : " CHECK FAILED");
    }
    return allOk ? 0 : 1;
}
