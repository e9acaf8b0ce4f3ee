// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLSSEDECODER_P_H
#define QGRAPHQLSSEDECODER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>

#include "qgraphqljsonnode_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qstring.h>

//! One dispatched event of a text/event-stream.
struct QGraphQLSseEvent
{
    QByteArray type; // the "event" field; empty when the event had none (EventSource's "message")
    QByteArray data; // the "data" lines joined with '\n' (UTF-8, as sent)
    QByteArray id; // the last event ID at dispatch time: it persists across events, as specified
    qint64 offset = 0; // stream offset of the event's first field line (for error messages)

    bool operator==(const QGraphQLSseEvent &o) const
    {
        return type == o.type && data == o.data && id == o.id && offset == o.offset;
    }
    bool operator!=(const QGraphQLSseEvent &o) const { return !(*this == o); }
};

//! What an event means in GraphQL over SSE, distinct connections mode.
struct QGraphQLSseStep
{
    enum Kind {
        Ignored, // a keep-alive, an event of another type, or an unnamed event without data
        Next, // "event: next" (or an unnamed event with data): payload/result are valid
        Complete, // "event: complete": the operation is over
        Malformed, // a "next" whose data is not a JSON object of the right shape; see message
    };
    Kind kind = Ignored;
    //! Next: the parsed data. A GraphQL response, or a subsequent incremental-delivery payload
    //! (incremental/pending/completed/hasNext and no data), which QGraphQLIncrementalMerger takes.
    QGraphQLJsonNode payload; // an object over the event data's compact text
    QString message; // Malformed: what and where
};

// Incremental text/event-stream parser (HTML "Server-sent events", §9.2.6 "Interpreting an
// event stream") as GraphQL over SSE servers write it: fed bytes as they arrive, it hands back
// one event at a time. Pure: no QObject, no I/O.
//
// Lines end in CRLF, LF or CR, and may be cut anywhere across reads, also between CR and LF. A
// UTF-8 byte order mark at the start of the stream is skipped. Comment lines (":..."), unknown
// fields and blank lines that end no event are ignored. Linear in the bytes fed: every byte is
// looked at once. Memory is bounded by maxEventSize: the field lines of one event (comments
// excluded, they are skipped without being stored) may not exceed it, or next() gives Error.
//
// One deviation from the specification, in the lenient direction: an event with an "event"
// field but no "data" field is dispatched (with empty data) instead of being dropped, so that a
// bare "event: complete\n\n" still ends an operation. Events with neither are not dispatched.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLSseDecoder
{
public:
    enum class Status {
        NeedMoreData, // feed more bytes
        Event, // event() is valid until the next call
        Error, // errorString() says what and where; the decoder stays in error
    };

    explicit QGraphQLSseDecoder(qsizetype maxEventSize = QGraphQL::DefaultMaxPartSize);

    void feed(QByteArrayView data);
    Status next();

    const QGraphQLSseEvent &event() const { return m_event; }

    //! The last event ID seen so far (the "id" field), empty if none.
    QByteArray lastEventId() const { return m_lastEventId; }
    //! The last valid "retry" field in milliseconds, or -1 if none was sent.
    qint64 retry() const { return m_retry; }

    bool hasError() const { return m_failed; }
    QString errorString() const { return m_errorString; }

    //! True when field lines of an event were read but not the blank line that dispatches it:
    //! if the stream ends now, that event is lost (the specification discards it).
    bool isInsideEvent() const;
    qint64 bytesFed() const { return m_discarded + m_input.size(); }
    //! Bytes held: unparsed input plus the event being assembled.
    qsizetype bufferedBytes() const
    {
        return m_input.size() - m_pos + m_line.size() + m_data.size() + m_type.size();
    }

    //! Maps an event to its meaning in GraphQL over SSE (distinct connections mode).
    static QGraphQLSseStep graphqlStep(const QGraphQLSseEvent &event);

private:
    enum class Line { Start, Field, Comment };

    bool processLine(); // true: an event was dispatched into m_event
    void processField();
    Status fail(const QString &message);

    qsizetype m_maxEventSize;
    QByteArray m_input; // fed bytes; m_input[0] is at stream offset m_discarded
    qsizetype m_pos = 0; // next byte to parse
    qint64 m_discarded = 0;
    bool m_bomChecked = false;
    bool m_skipLf = false; // the last line ended in CR: an LF right after belongs to it

    Line m_lineState = Line::Start;
    QByteArray m_line; // the field line being read (without its end)

    // The event being assembled.
    QByteArray m_type;
    QByteArray m_data;
    bool m_hasType = false;
    bool m_hasData = false;
    qsizetype m_eventBytes = 0; // field line bytes of this event so far (line ends count 1)
    qint64 m_eventOffset = -1;

    QByteArray m_lastEventId;
    qint64 m_retry = -1;
    QGraphQLSseEvent m_event;

    bool m_failed = false;
    QString m_errorString;
};

#endif // QGRAPHQLSSEDECODER_P_H
