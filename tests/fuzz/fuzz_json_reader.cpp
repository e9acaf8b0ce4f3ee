// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The reader of a plain JSON body (QGraphQLJsonBodyReader, made by QGraphQLResponseReader::create
// for application/json). Input: byte 0 picks the maximum body size, bytes 1-2 seed the read
// splits; the rest is the body. Invariants, beyond the ones every reader keeps (fuzzreader.h):
//  - the same events for one read, two reads split where the seed says, seeded reads and one
//    byte per read;
//  - a transfer that completes gives a Result and Complete exactly when the body fits and is a
//    JSON object with "data" or "errors" (then the result is that object's), else one Failed
//    ProtocolError;
//  - an interrupted transfer gives one Truncated without a message, or the same Failed when the
//    body was too large.

#include "fuzzreader.h"

using namespace FuzzReader;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const qint64 sizes[] = { 16, 256, 4096, QGraphQL::DefaultMaxPartSize };
    const qint64 maxSize = sizes[data[0] % 4];
    const uint32_t seed = data[1] | uint32_t(data[2]) << 8;
    const QByteArrayView body(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    const Factory make = [&] {
        return QGraphQLResponseReader::create("application/json", QGraphQLOperationKind::Execute,
                                              maxSize);
    };

    const Outcome complete = readEverySplit(make, body, seed);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &error);
    const QGraphQLResult expected = QGraphQLResult::fromJson(document.object());
    const bool valid = body.size() <= maxSize && error.error == QJsonParseError::NoError
            && document.isObject() && expected.isValid();
    if (valid) {
        FUZZ_ASSERT(complete.events.size() == 2);
        FUZZ_ASSERT(complete.events.at(0).kind == Event::Result);
        FUZZ_ASSERT(compact(complete.events.at(0).result.toJson()) == compact(expected.toJson()));
        FUZZ_ASSERT(complete.events.at(1).kind == Event::Complete);
    } else {
        FUZZ_ASSERT(complete.events.size() == 1);
        FUZZ_ASSERT(complete.events.at(0).kind == Event::Failed);
        FUZZ_ASSERT(complete.events.at(0).error.kind() == QGraphQLTransportError::ProtocolError);
    }

    const Outcome interrupted = readEverySplit(make, body, seed, QGraphQLInputEnd::Interrupted);
    FUZZ_ASSERT(interrupted.events.size() == 1);
    if (body.size() > maxSize) {
        FUZZ_ASSERT(interrupted.texts == complete.texts);
    } else {
        const Event &truncated = interrupted.events.at(0);
        FUZZ_ASSERT(truncated.kind == Event::Truncated);
        FUZZ_ASSERT(truncated.message.isEmpty() && !truncated.incompletePartDropped);
    }
    return 0;
}
