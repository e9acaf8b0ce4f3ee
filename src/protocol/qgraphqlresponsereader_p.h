// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRESPONSEREADER_P_H
#define QGRAPHQLRESPONSEREADER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>
#include <QGraphQL/qgraphqltransporterror.h>

#include "qgraphqljsonnode_p.h"

#include <QtCore/qbytearrayview.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qstring.h>

#include <memory>
#include <optional>

class QGraphQLIncrementalMerger;

//! What an operation asks for: one response (a query or mutation, possibly delivered
//! incrementally) or a stream of them (a subscription).
enum class QGraphQLOperationKind { Execute, Subscribe };

//! One thing a response reader found in the bytes it was fed.
struct QGraphQLReaderEvent
{
    enum Kind {
        NeedMoreData, // feed more bytes, or call endOfInput()
        Result, // result is the next result for the user
        Heartbeat, // a keep-alive part: proves the stream alive, never reaches the user
        Skipped, // something the protocol says to ignore; message (may be empty) says what
        Complete, // the response is complete; nothing follows
        Failed, // error says why (a ProtocolError, or the server's ServerError); nothing follows
        Truncated, // the input ended before the response did; nothing follows
    };
    Kind kind = NeedMoreData;
    QGraphQLResult result; // Result
    QGraphQLTransportError error; // Failed
    //! Skipped: what was ignored. Truncated: what was missing ("The stream ended before its
    //! close delimiter"); empty when the body was simply cut short.
    QString message;
    bool incompletePartDropped = false; // Truncated: a part had begun and was lost

    bool isFinal() const { return kind == Complete || kind == Failed || kind == Truncated; }
};

//! How the input of a reader ended.
enum class QGraphQLInputEnd {
    Complete, // the transfer completed
    Interrupted, // the connection failed before the transfer completed
};

// Turns the body of one response into events. Pure: no QObject, no I/O, no event loop; tested
// at every split point of its input and fuzzed. Bytes go in with feed() as they arrive, events
// come out of next() until it says NeedMoreData. After a final event (Complete, Failed,
// Truncated) the reader is finished: next() returns NeedMoreData and feed() ignores its input.
//
// One reader per response, chosen once from the response's media type by create().
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLResponseReader
{
public:
    virtual ~QGraphQLResponseReader();

    //! The reader for a successful response of \a contentType: a JSON body
    //! (application/json, application/graphql-response+json), multipart/mixed (Apollo's
    //! subscription parts, or incremental delivery) or text/event-stream (GraphQL over SSE).
    //! Null when the type is none of these. \a maxPartSize bounds one part, event or body.
    static std::unique_ptr<QGraphQLResponseReader>
    create(QByteArrayView contentType, QGraphQLOperationKind kind, qint64 maxPartSize);

    //! The next bytes of the body, as they arrive; ignored once the reader is finished.
    void feed(QByteArrayView bytes);
    //! No more bytes follow: next() reports what is left and then a final event.
    void endOfInput(QGraphQLInputEnd end = QGraphQLInputEnd::Complete);
    QGraphQLReaderEvent next();

    bool isFinished() const { return m_finished; }
    bool hasEnded() const { return m_end.has_value(); }

protected:
    QGraphQLResponseReader() = default;
    virtual void append(QByteArrayView bytes) = 0;
    //! The next event from what was fed; NeedMoreData when the input holds no more.
    virtual QGraphQLReaderEvent read() = 0;
    //! The final event once the input ended and read() needs more data.
    virtual QGraphQLReaderEvent endedEvent(QGraphQLInputEnd end) = 0;

    static QGraphQLReaderEvent protocolError(const QString &message);
    //! Truncated: a stream ended before \a missing ("its close delimiter").
    static QGraphQLReaderEvent endedBefore(const QString &missing, bool incompletePartDropped);

private:
    std::optional<QGraphQLInputEnd> m_end;
    bool m_finished = false;
};

// Turns the payloads of one response stream into results that keep the server's text: a
// plain GraphQL response as it is, the steps of incremental delivery (@defer/@stream) merged
// into the data received so far. Used by the multipart and SSE readers.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLPayloadAssembler
{
public:
    enum class Validation {
        RequireResponse, // a plain payload needs "data" or "errors", or it is a ProtocolError
        AcceptAny, // Apollo subscription payloads: any object is a result
    };

    QGraphQLPayloadAssembler();
    ~QGraphQLPayloadAssembler();

    //! A Result event, or a Failed one when the payload is not valid.
    QGraphQLReaderEvent take(const QGraphQLJsonNode &payload,
                             Validation validation = Validation::RequireResponse);

private:
    std::unique_ptr<QGraphQLIncrementalMerger> m_merger; // while an incremental response runs
};

#endif // QGRAPHQLRESPONSEREADER_P_H
