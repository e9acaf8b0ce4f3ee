// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLWSCHANNEL_P_H
#define QGRAPHQLWSCHANNEL_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include "qgraphqloperationchannel_p.h"
#include "protocol/qgraphqlresponsereader_p.h"

#include <QGraphQL/qgraphqlrequest.h>

#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

#include <memory>

class QGraphQLWsConnection;

// One operation over the transport's WebSocket: the connection carries its messages, this
// channel turns them into results (incremental payloads merged), completion and failures, and
// runs the operation's timeout. open() starts the operation on the connection under a new id;
// abort() and close() stop it there (the server is told with complete or stop).
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLWsChannel final : public QGraphQLOperationChannel
{
    Q_OBJECT

public:
    QGraphQLWsChannel(const QGraphQLRequest &request, QGraphQLOperationKind kind, int timeout,
                      int heartbeatTimeout, QGraphQLWsConnection *connection,
                      QObject *parent = nullptr);
    ~QGraphQLWsChannel() override;

    void open() override;
    void abort() override;
    void close() override;

    const QGraphQLRequest &request() const { return m_request; }

    // From the connection. Each may delete this channel.
    void onSubscribed();
    void onNext(const QGraphQLJsonNode &payload);
    //! The server's "error" message for this operation: its GraphQL errors.
    void onError(const QGraphQLJsonNode &payload);
    void onComplete();
    void onConnectionFailed(const QGraphQLTransportError &error, Retry retry);
    void onConnectionDestroyed();

private:
    void fail(const QGraphQLTransportError &error, Retry retry);

    const QGraphQLRequest m_request;
    const QGraphQLOperationKind m_kind;
    const int m_timeout;
    const int m_heartbeatTimeout; // subscriptions: nothing on the socket for this long fails
    QPointer<QGraphQLWsConnection> m_connection;
    bool m_running = false; // started on the connection and not ended there
    int m_resultCount = 0;
    std::unique_ptr<QGraphQLPayloadAssembler> m_assembler; // per attempt
    QTimer m_timeoutTimer;
    QTimer m_heartbeatTimer;
};

#endif // QGRAPHQLWSCHANNEL_P_H
