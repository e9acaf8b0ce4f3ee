// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The text/event-stream decoder (QGraphQLSseDecoder) and the GraphQL meaning of its events
// (graphqlStep). Input: byte 0 picks the maximum event size, bytes 1-2 seed the read sizes;
// the rest is the stream. Invariants: the same events, steps, last event ID, retry and error
// whatever the read splits; event offsets strictly increase (no event twice); bufferedBytes()
// bounded by the maximum event size once the fed bytes are parsed.

#include "fuzzcommon.h"

#include "protocol/qgraphqlssedecoder_p.h"

#include <QtCore/qjsondocument.h>

namespace {

struct Outcome
{
    QList<QGraphQLSseEvent> events;
    QList<int> stepKinds;
    QList<QByteArray> payloads;
    QStringList messages;
    QByteArray lastEventId;
    qint64 retry = -1;
    bool insideEvent = false;
    bool failed = false;
    QString error;

    bool operator==(const Outcome &o) const
    {
        return events == o.events && stepKinds == o.stepKinds && payloads == o.payloads
                && messages == o.messages && lastEventId == o.lastEventId && retry == o.retry
                && insideEvent == o.insideEvent && failed == o.failed && error == o.error;
    }
};

Outcome decode(qsizetype maxEventSize, QByteArrayView stream, const QList<qsizetype> &reads)
{
    QGraphQLSseDecoder decoder(maxEventSize);
    Outcome outcome;
    qint64 lastOffset = -1;
    qsizetype pos = 0;
    for (qsizetype length : reads) {
        decoder.feed(stream.sliced(pos, length));
        pos += length;
        while (true) {
            const QGraphQLSseDecoder::Status status = decoder.next();
            if (status == QGraphQLSseDecoder::Status::NeedMoreData)
                break;
            if (status == QGraphQLSseDecoder::Status::Error) {
                FUZZ_ASSERT(decoder.hasError() && !decoder.errorString().isEmpty());
                FUZZ_ASSERT(decoder.bufferedBytes() == 0);
                break;
            }
            const QGraphQLSseEvent &event = decoder.event();
            FUZZ_ASSERT(event.offset > lastOffset);
            FUZZ_ASSERT(event.offset < pos);
            FUZZ_ASSERT(event.data.size() <= maxEventSize && event.type.size() <= maxEventSize);
            lastOffset = event.offset;
            outcome.events.append(event);
            const QGraphQLSseStep step = QGraphQLSseDecoder::graphqlStep(event);
            outcome.stepKinds.append(step.kind);
            outcome.payloads.append(step.payload.toCompactJson());
            outcome.messages.append(step.message);
            if (step.kind == QGraphQLSseStep::Malformed)
                FUZZ_ASSERT(!step.message.isEmpty());
        }
        FUZZ_ASSERT(decoder.bufferedBytes() <= maxEventSize + 8);
    }
    FUZZ_ASSERT(decoder.bytesFed() == stream.size() || decoder.hasError());
    outcome.lastEventId = decoder.lastEventId();
    outcome.retry = decoder.retry();
    outcome.insideEvent = decoder.isInsideEvent();
    outcome.failed = decoder.hasError();
    outcome.error = decoder.errorString();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const qsizetype sizes[] = { 16, 256, 4096, QGraphQL::DefaultMaxPartSize };
    const qsizetype maxEventSize = sizes[data[0] % 4];
    const uint32_t seed = data[1] | uint32_t(data[2]) << 8;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));

    const Outcome whole = decode(maxEventSize, stream, Fuzz::wholeRead(stream.size()));
    const Outcome seeded = decode(maxEventSize, stream,
                                  Fuzz::seededReads(stream.size(), seed, 1 + (seed >> 8) % 64));
    FUZZ_ASSERT(seeded == whole);
    if (stream.size() <= 4096)
        FUZZ_ASSERT(decode(maxEventSize, stream, Fuzz::bytewiseReads(stream.size())) == whole);
    return 0;
}
