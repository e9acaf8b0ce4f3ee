// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The reader of GraphQL over Server-Sent Events (QGraphQLSseReader, made by
// QGraphQLResponseReader::create for text/event-stream): the SSE decoder, the GraphQL meaning of
// its events and the merging of incremental payloads. Input: byte 0 picks the maximum event
// size, bytes 1-2 seed the read splits; the rest is the stream (the layout of fuzz_sse, so the
// corpora are interchangeable). Invariants, beyond the ones every reader keeps (fuzzreader.h):
//  - the same events for one read, two reads split where the seed says, seeded reads and one
//    byte per read;
//  - an interrupted transfer gives the same events as a complete one;
//  - no heartbeats, skipped events without a message, failures that are ProtocolErrors, and a
//    Truncated that says the complete event is missing.

#include "fuzzreader.h"

using namespace FuzzReader;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const qint64 sizes[] = { 16, 256, 4096, QGraphQL::DefaultMaxPartSize };
    const qint64 maxEventSize = sizes[data[0] % 4];
    const uint32_t seed = data[1] | uint32_t(data[2]) << 8;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    const Factory make = [&] {
        return QGraphQLResponseReader::create("text/event-stream", QGraphQLOperationKind::Subscribe,
                                              maxEventSize);
    };

    const Outcome complete = readEverySplit(make, stream, seed);
    for (const Event &event : complete.events) {
        FUZZ_ASSERT(event.kind != Event::Heartbeat);
        if (event.kind == Event::Skipped)
            FUZZ_ASSERT(event.message.isEmpty());
        if (event.kind == Event::Failed)
            FUZZ_ASSERT(event.error.kind() == QGraphQLTransportError::ProtocolError);
        if (event.kind == Event::Truncated)
            FUZZ_ASSERT(event.message
                        == QStringLiteral("The stream ended before its complete event"));
    }
    const Outcome interrupted
            = read(make, stream, Fuzz::wholeRead(stream.size()), QGraphQLInputEnd::Interrupted);
    FUZZ_ASSERT(interrupted.texts == complete.texts);
    return 0;
}
