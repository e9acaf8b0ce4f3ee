// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The reader of multipart/mixed responses (QGraphQLMultipartReader, made by
// QGraphQLResponseReader::create): the multipart decoder, Apollo's subscription parts for a
// subscription, incremental delivery (merged) for a query. Input: byte 0 picks the boundary,
// byte 1 the part cap, bytes 2-3 seed the read splits (the layout of fuzz_multipart), byte 4
// the operation (even: subscription, odd: query); the rest is the body. Invariants, beyond the
// ones every reader keeps (fuzzreader.h):
//  - the same events for one read, two reads split where the seed says, seeded reads and one
//    byte per read (but for the byte count in the message of a part over the cap);
//  - an interrupted transfer gives the same events as a complete one;
//  - heartbeats, skipped parts and the server's errors only for a subscription; failures are
//    ProtocolErrors or (subscription) ServerErrors; a Truncated says the close delimiter is
//    missing.

#include "fuzzreader.h"

using namespace FuzzReader;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    static const QByteArray boundaries[] = { "graphql", "-", "b" };
    static const qint64 caps[] = { 16, 64, 256, 1024, 4096, QGraphQL::DefaultMaxPartSize };
    const QByteArray contentType = "multipart/mixed; boundary=\"" + boundaries[data[0] % 3] + '"';
    const qint64 cap = caps[data[1] % 6];
    const uint32_t seed = data[2] | uint32_t(data[3]) << 8;
    const QGraphQLOperationKind kind
            = data[4] % 2 ? QGraphQLOperationKind::Execute : QGraphQLOperationKind::Subscribe;
    const bool subscription = kind == QGraphQLOperationKind::Subscribe;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 5), qsizetype(size - 5));
    const Factory make = [&] {
        return QGraphQLResponseReader::create(contentType, kind, cap);
    };

    const Outcome complete = readEverySplit(make, stream, seed);
    for (const Event &event : complete.events) {
        if (event.kind == Event::Heartbeat || event.kind == Event::Skipped)
            FUZZ_ASSERT(subscription);
        if (event.kind == Event::Failed) {
            const QGraphQLTransportError::Kind error = event.error.kind();
            FUZZ_ASSERT(error == QGraphQLTransportError::ProtocolError
                        || (subscription && error == QGraphQLTransportError::ServerError));
        }
        if (event.kind == Event::Truncated)
            FUZZ_ASSERT(event.message
                        == QStringLiteral("The stream ended before its close delimiter"));
    }
    const Outcome interrupted
            = read(make, stream, Fuzz::wholeRead(stream.size()), QGraphQLInputEnd::Interrupted);
    FUZZ_ASSERT(interrupted.texts == complete.texts);
    return 0;
}
