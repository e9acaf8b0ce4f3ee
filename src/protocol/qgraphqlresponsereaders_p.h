// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRESPONSEREADERS_P_H
#define QGRAPHQLRESPONSEREADERS_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include "qgraphqlmultipartdecoder_p.h"
#include "qgraphqlresponsereader_p.h"
#include "qgraphqlssedecoder_p.h"

#include <QtCore/qbytearray.h>

// A plain JSON body (application/json, application/graphql-response+json): held until the
// transfer completes, then one result and Complete.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLJsonBodyReader final : public QGraphQLResponseReader
{
public:
    explicit QGraphQLJsonBodyReader(qint64 maxBodySize = QGraphQL::DefaultMaxPartSize);

protected:
    void append(QByteArrayView bytes) override;
    QGraphQLReaderEvent read() override;
    QGraphQLReaderEvent endedEvent(QGraphQLInputEnd end) override;

private:
    qint64 m_maxBodySize;
    QByteArray m_body;
    bool m_tooLarge = false;
    bool m_delivered = false;
};

// multipart/mixed. For a subscription, the parts of Apollo's multipart subscription protocol:
// {"payload": …} results, {} heartbeats, a top-level "errors" that ends the stream. For a query
// or mutation, incremental delivery: every part is a GraphQL response (initial or subsequent).
// Every part must have a JSON content type (or none); the close delimiter completes.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLMultipartReader final : public QGraphQLResponseReader
{
public:
    QGraphQLMultipartReader(const QByteArray &boundary, QGraphQLOperationKind kind,
                            qint64 maxPartSize = QGraphQL::DefaultMaxPartSize);

protected:
    void append(QByteArrayView bytes) override;
    QGraphQLReaderEvent read() override;
    QGraphQLReaderEvent endedEvent(QGraphQLInputEnd end) override;

private:
    QGraphQLReaderEvent readPart();
    QGraphQLReaderEvent readSubscriptionPart();

    QGraphQLOperationKind m_kind;
    QGraphQLMultipartDecoder m_decoder;
    QByteArray m_jsonPartType; // a part content type already known to be JSON
    QGraphQLPayloadAssembler m_payloads;
};

// text/event-stream: GraphQL over Server-Sent Events, distinct connections mode. "next"
// events carry results (merged when incremental), "complete" completes.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLSseReader final : public QGraphQLResponseReader
{
public:
    explicit QGraphQLSseReader(qint64 maxEventSize = QGraphQL::DefaultMaxPartSize);

protected:
    void append(QByteArrayView bytes) override;
    QGraphQLReaderEvent read() override;
    QGraphQLReaderEvent endedEvent(QGraphQLInputEnd end) override;

private:
    QGraphQLSseDecoder m_decoder;
    QGraphQLPayloadAssembler m_payloads;
};

#endif // QGRAPHQLRESPONSEREADERS_P_H
