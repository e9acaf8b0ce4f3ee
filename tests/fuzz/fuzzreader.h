// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQL_FUZZREADER_H
#define QGRAPHQL_FUZZREADER_H

// What the response reader targets (fuzz_json_reader, fuzz_multipart_reader, fuzz_sse_reader)
// share: reading a stream through a QGraphQLResponseReader with the invariants every reader
// keeps, and the comparison of the events for different read splits.

#include "fuzzcommon.h"

#include "protocol/qgraphqlresponsereader_p.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

#include <functional>
#include <memory>

namespace FuzzReader {

using Event = QGraphQLReaderEvent;
using Factory = std::function<std::unique_ptr<QGraphQLResponseReader>()>;

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
inline QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

//! Everything an event says, as comparable text.
inline QByteArray describe(const Event &event)
{
    return QByteArray::number(event.kind) + '|' + compact(event.result.toJson()) + '|'
            + compact(event.result.incremental()) + '|' + QByteArray::number(event.error.kind())
            + '|' + event.error.message().toUtf8() + '|' + compact(event.error.result().toJson())
            + '|' + event.message.toUtf8() + '|' + (event.incompletePartDropped ? '1' : '0');
}

struct Outcome
{
    QList<Event> events;
    QList<QByteArray> texts; // describe() of each event
};

// Feeds stream in reads of the given sizes, taking every event after each read, then ends the
// input and takes the rest. Invariants: next() reaches a final event within a bounded number of
// calls once the input ended, and only then; exactly one final event, the last one; no
// Truncated before the end; members that do not belong to an event's kind are empty; after the
// final event, more bytes and another end give nothing.
inline Outcome read(const Factory &make, QByteArrayView stream, const QList<qsizetype> &reads,
                    QGraphQLInputEnd end)
{
    const std::unique_ptr<QGraphQLResponseReader> reader = make();
    FUZZ_ASSERT(reader);
    Outcome outcome;
    bool final = false;
    bool ended = false;
    // Every event but the final one takes at least one byte of the stream.
    const qsizetype maxEvents = stream.size() + 2;
    const auto drain = [&] {
        for (;;) {
            const Event event = reader->next();
            if (event.kind == Event::NeedMoreData) {
                FUZZ_ASSERT(!ended || final); // once the input ended, next() gives a final event
                FUZZ_ASSERT(reader->isFinished() == final);
                return;
            }
            FUZZ_ASSERT(!final); // nothing after the final event (so no Result after Failed)
            FUZZ_ASSERT(outcome.events.size() < maxEvents);
            if (event.kind == Event::Truncated)
                FUZZ_ASSERT(ended);
            if (event.kind == Event::Failed)
                FUZZ_ASSERT(event.error.isError() && !event.error.message().isEmpty());
            else
                FUZZ_ASSERT(!event.error.isError());
            if (event.kind != Event::Result)
                FUZZ_ASSERT(event.result.toJson().isEmpty()
                            && event.result.incremental().isEmpty());
            if (event.kind != Event::Skipped && event.kind != Event::Truncated)
                FUZZ_ASSERT(event.message.isEmpty());
            if (event.kind != Event::Truncated)
                FUZZ_ASSERT(!event.incompletePartDropped);
            outcome.events.append(event);
            outcome.texts.append(describe(event));
            final = event.isFinal();
        }
    };

    qsizetype pos = 0;
    for (qsizetype length : reads) {
        reader->feed(stream.sliced(pos, length));
        pos += length;
        drain();
    }
    FUZZ_ASSERT(pos == stream.size());
    FUZZ_ASSERT(!reader->hasEnded());
    reader->endOfInput(end);
    ended = true;
    drain();
    FUZZ_ASSERT(final && reader->isFinished() && reader->hasEnded());
    for (const Event &event : std::as_const(outcome.events))
        FUZZ_ASSERT(event.isFinal() == (&event == &outcome.events.constLast()));

    reader->feed(stream);
    reader->endOfInput(QGraphQLInputEnd::Complete);
    FUZZ_ASSERT(reader->next().kind == Event::NeedMoreData);
    FUZZ_ASSERT(reader->next().kind == Event::NeedMoreData);
    return outcome;
}

// Reads stream with end at the end of the input in one read, in two reads split where seed
// says, in seeded reads and (up to 4 KiB) one byte per read: the events must be the same.
inline Outcome readEverySplit(const Factory &make, QByteArrayView stream, uint32_t seed,
                              QGraphQLInputEnd end = QGraphQLInputEnd::Complete)
{
    const qsizetype size = stream.size();
    const Outcome whole = read(make, stream, Fuzz::wholeRead(size), end);
    const qsizetype split = qsizetype(seed % uint32_t(size + 1));
    FUZZ_ASSERT(read(make, stream, { split, size - split }, end).texts == whole.texts);
    const QList<qsizetype> seeded = Fuzz::seededReads(size, seed, 1 + (seed >> 8) % 64);
    FUZZ_ASSERT(read(make, stream, seeded, end).texts == whole.texts);
    if (size <= 4096)
        FUZZ_ASSERT(read(make, stream, Fuzz::bytewiseReads(size), end).texts == whole.texts);
    return whole;
}

} // namespace FuzzReader

#endif // QGRAPHQL_FUZZREADER_H
