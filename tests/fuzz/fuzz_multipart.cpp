// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Multipart framing (QGraphQLMultipartDecoder) and the classification of subscription parts
// (QGraphQLResponseParser::parseSubscriptionPart), as the operation chains them.
//
// Input: byte 0 picks the boundary, byte 1 the part cap, bytes 2-3 seed the read sizes; the
// rest is the response body. Invariants, beyond "no crash, no sanitizer report":
//  - the same events (parts with their bytes, content type and offset, their classification,
//    close, error kind) whatever the read splits: one read, seeded reads, one byte at a time;
//  - every part's bytes are the stream's bytes at partOffset(), and offsets strictly increase:
//    no part is handed out twice;
//  - bufferedBytes() stays bounded by the part cap (twice, for the amortised compaction, plus
//    its 4 KiB floor and a delimiter) plus the current read;
//  - the JSON completeness scanner the decoder relies on agrees with its byte-by-byte
//    definition after every read, from the stream's first '{' or '[', in one read or seeded reads.

#include "fuzzcommon.h"

#include "protocol/qgraphqlmultipartdecoder_p.h"
#include "protocol/qgraphqlresponseparser_p.h"

#include "../auto/jsonscanner/jsonscannerreference.h"

#include <QtCore/qjsondocument.h>

using namespace QGraphQLResponseParser;

namespace {

struct Event
{
    enum Kind { Part, Closed, Error } kind;
    QByteArray body;
    QByteArray contentType;
    qint64 offset = 0;
    int partKind = -1; // SubscriptionPart::Kind
    QByteArray result; // the classified result as compact JSON
    QString message;
    int errorKind = 0;

    bool operator==(const Event &o) const
    {
        return kind == o.kind && body == o.body && contentType == o.contentType
                && offset == o.offset && partKind == o.partKind && result == o.result
                && message == o.message && errorKind == o.errorKind;
    }
};

struct Outcome
{
    QList<Event> events;
    bool closed = false;
    bool failed = false;
    bool insidePart = false;
    qint64 bytesFed = 0;

    bool operator==(const Outcome &o) const
    {
        return events == o.events && closed == o.closed && failed == o.failed
                && insidePart == o.insidePart && bytesFed == o.bytesFed;
    }
};

Outcome decode(const QByteArray &boundary, qsizetype cap, QByteArrayView stream,
               const QList<qsizetype> &reads)
{
    QGraphQLMultipartDecoder decoder(boundary, cap);
    Outcome outcome;
    qint64 lastOffset = -1;
    bool done = false;
    qsizetype pos = 0;
    // A possible delimiter line still being read: "--", the boundary, up to 256 bytes of
    // transport padding (the decoder's limit), a line break, and the byte before it.
    const qsizetype slack = boundary.size() + 256 + 8;
    for (qsizetype length : reads) {
        decoder.feed(stream.sliced(pos, length));
        pos += length;
        if (done) {
            FUZZ_ASSERT(decoder.bufferedBytes() == 0); // after the end, nothing is kept
            continue;
        }
        while (!done) {
            const QGraphQLMultipartDecoder::Event event = decoder.next();
            if (event == QGraphQLMultipartDecoder::Event::NeedMoreData)
                break;
            if (event == QGraphQLMultipartDecoder::Event::Closed) {
                outcome.events.append({ Event::Closed });
                done = true;
                break;
            }
            if (event == QGraphQLMultipartDecoder::Event::Error) {
                Event e { Event::Error };
                e.errorKind = int(decoder.errorKind());
                FUZZ_ASSERT(e.errorKind != 0);
                FUZZ_ASSERT(!decoder.errorString().isEmpty());
                outcome.events.append(e);
                done = true;
                break;
            }
            Event e { Event::Part };
            e.body = decoder.partBody().toByteArray();
            e.contentType = decoder.partContentType();
            e.offset = decoder.partOffset();
            FUZZ_ASSERT(e.offset > lastOffset);
            lastOffset = e.offset;
            FUZZ_ASSERT(e.offset + e.body.size() <= pos);
            FUZZ_ASSERT(stream.sliced(e.offset, e.body.size()) == QByteArrayView(e.body));
            FUZZ_ASSERT(e.body.size() <= cap);
            const SubscriptionPart part = parseSubscriptionPart(e.body, e.offset);
            e.partKind = part.kind;
            e.message = part.message;
            if (part.kind == SubscriptionPart::Result)
                e.result = part.payload.toCompactJson();
            else if (part.kind == SubscriptionPart::FatalError)
                e.result = QJsonDocument(part.result.toJson()).toJson(QJsonDocument::Compact);
            outcome.events.append(e);
        }
        FUZZ_ASSERT(decoder.bufferedBytes() <= 2 * (cap + slack) + 4097 + length);
    }
    outcome.closed = decoder.isClosed();
    outcome.failed = decoder.hasError();
    outcome.insidePart = decoder.isInsidePart();
    outcome.bytesFed = decoder.bytesFed();
    FUZZ_ASSERT(outcome.bytesFed == stream.size());
    return outcome;
}

void dump(const char *what, const Outcome &outcome)
{
    std::fprintf(stderr, "%s: closed %d failed %d insidePart %d fed %lld\n", what, outcome.closed,
                 outcome.failed, outcome.insidePart, qint64(outcome.bytesFed));
    for (const Event &e : outcome.events) {
        std::fprintf(stderr, "  %s offset %lld kind %d error %d body \"%s\" type \"%s\" %s\n",
                     e.kind == Event::Part             ? "part"
                             : e.kind == Event::Closed ? "closed"
                                                       : "error",
                     qint64(e.offset), e.partKind, e.errorKind,
                     e.body.toPercentEncoding().constData(), e.contentType.constData(),
                     qPrintable(e.message));
    }
}

void expectSame(const Outcome &whole, const Outcome &split, const char *how)
{
    if (split == whole)
        return;
    dump("one read", whole);
    dump(how, split);
    FUZZ_ASSERT(split == whole);
}

void checkJsonScanner(QByteArrayView stream, uint32_t seed)
{
    qsizetype start = 0;
    while (start < stream.size() && stream[start] != '{' && stream[start] != '[')
        ++start;
    const QByteArrayView bytes = stream.sliced(qMin(start, stream.size()));
    const QList<qsizetype> readLists[] = {
        Fuzz::wholeRead(bytes.size()),
        Fuzz::seededReads(bytes.size(), seed, 1 + (seed >> 8) % 160),
    };
    for (const QList<qsizetype> &reads : readLists) {
        const QByteArray difference = compareWithReference(bytes, reads);
        if (!difference.isEmpty())
            std::fprintf(stderr, "%s\n", difference.constData());
        FUZZ_ASSERT(difference.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    static const QByteArray boundaries[] = { "graphql", "-", "b" };
    static const qsizetype caps[] = { 16, 64, 256, 1024, 4096, QGraphQL::DefaultMaxPartSize };
    const QByteArray &boundary = boundaries[data[0] % 3];
    const qsizetype cap = caps[data[1] % 6];
    const uint32_t seed = data[2] | uint32_t(data[3]) << 8;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 4), qsizetype(size - 4));

    const Outcome whole = decode(boundary, cap, stream, Fuzz::wholeRead(stream.size()));
    const Outcome seeded = decode(boundary, cap, stream,
                                  Fuzz::seededReads(stream.size(), seed, 1 + (seed >> 8) % 64));
    expectSame(whole, seeded, "seeded reads");
    checkJsonScanner(stream, seed);
    if (stream.size() <= 4096) {
        const Outcome bytewise = decode(boundary, cap, stream, Fuzz::bytewiseReads(stream.size()));
        expectSame(whole, bytewise, "byte by byte");
    }
    return 0;
}
