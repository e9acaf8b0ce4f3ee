// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlwschannel_p.h"

#include "qgraphqlresult_p.h"
#include "protocol/qgraphqlresponseparser_p.h"
#include "ws/qgraphqlwsconnection_p.h"

using namespace Qt::StringLiterals;

QGraphQLWsChannel::QGraphQLWsChannel(const QGraphQLRequest &request, QGraphQLOperationKind kind,
                                     int timeout, int heartbeatTimeout,
                                     QGraphQLWsConnection *connection, QObject *parent)
    : QGraphQLOperationChannel(parent), m_request(request), m_kind(kind), m_timeout(timeout),
      m_heartbeatTimeout(kind == QGraphQLOperationKind::Subscribe ? heartbeatTimeout : 0),
      m_connection(connection)
{
    m_heartbeatTimer.setSingleShot(true);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] {
        fail(QGraphQLTransportError(
                     QGraphQLTransportError::Timeout,
                     u"Heartbeat timeout: nothing received from the server for %1 ms"_s.arg(
                             m_heartbeatTimeout)),
             Retry::Allowed);
    });
    // Anything on the socket (a message for any operation, a pong) proves the stream alive.
    if (m_heartbeatTimeout > 0 && connection) {
        connect(connection, &QGraphQLWsConnection::activity, this, [this] {
            if (m_heartbeatTimer.isActive())
                m_heartbeatTimer.start();
        });
    }
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        fail(QGraphQLTransportError(
                     QGraphQLTransportError::Timeout,
                     m_kind == QGraphQLOperationKind::Subscribe
                             ? u"The server did not acknowledge the connection and start the "
                               "subscription within %1 ms"_s.arg(m_timeout)
                             : u"The request did not complete within %1 ms"_s.arg(m_timeout)),
             Retry::Allowed);
    });
}

QGraphQLWsChannel::~QGraphQLWsChannel()
{
    abort();
}

void QGraphQLWsChannel::open()
{
    abort();
    m_resultCount = 0;
    m_assembler = std::make_unique<QGraphQLPayloadAssembler>();
    if (!m_connection) {
        onConnectionDestroyed();
        return;
    }
    if (m_timeout > 0)
        m_timeoutTimer.start(m_timeout);
    if (m_heartbeatTimeout > 0)
        m_heartbeatTimer.start(m_heartbeatTimeout);
    m_running = true;
    m_connection->start(this);
}

void QGraphQLWsChannel::abort()
{
    m_timeoutTimer.stop();
    m_heartbeatTimer.stop();
    if (m_running) {
        m_running = false;
        if (m_connection)
            m_connection->stop(this);
    }
}

void QGraphQLWsChannel::close()
{
    abort();
    m_assembler.reset();
}

void QGraphQLWsChannel::onSubscribed()
{
    if (m_kind == QGraphQLOperationKind::Subscribe)
        m_timeoutTimer.stop(); // a subscription's timeout covers only its start
    Q_EMIT responseStarted(true);
}

void QGraphQLWsChannel::onNext(const QGraphQLJsonNode &payload)
{
    if (!m_assembler)
        return;
    const QGraphQLReaderEvent event = m_assembler->take(payload);
    if (event.kind == QGraphQLReaderEvent::Failed) {
        fail(event.error, Retry::Pointless);
        return;
    }
    ++m_resultCount;
    Q_EMIT resultReceived(event.result);
}

void QGraphQLWsChannel::onError(const QGraphQLJsonNode &payload)
{
    m_running = false; // the server ended the operation: no complete to send
    QGraphQLJsonNode errors = payload;
    if (errors.isObject()) { // the legacy protocol sends one error
        errors = QGraphQLJsonNode::array();
        errors.append(payload);
    }
    QGraphQLJsonNode response = QGraphQLJsonNode::object();
    response.insert("errors"_ba, errors);
    const QGraphQLResult result = qgraphqlResultFromJsonNode(response);
    QGraphQLTransportError error(QGraphQLTransportError::ServerError,
                                 u"The server failed the operation: "_s
                                         + QGraphQLResponseParser::joinMessages(result.errors()));
    error.setResult(result);
    fail(error, Retry::Pointless);
}

void QGraphQLWsChannel::onComplete()
{
    m_running = false;
    if (m_kind == QGraphQLOperationKind::Execute && m_resultCount == 0) {
        fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                    u"The server completed the operation without a result"_s),
             Retry::Pointless);
        return;
    }
    m_timeoutTimer.stop();
    m_heartbeatTimer.stop();
    m_assembler.reset();
    Q_EMIT completed();
}

void QGraphQLWsChannel::onConnectionFailed(const QGraphQLTransportError &error, Retry retry)
{
    m_running = false; // the connection has forgotten the operation
    fail(error, retry);
}

// Reported from the event loop, as the HTTP exchange reports a destroyed manager: this may run
// inside open(), before the caller connected.
void QGraphQLWsChannel::onConnectionDestroyed()
{
    m_running = false;
    m_connection = nullptr;
    QMetaObject::invokeMethod(
            this,
            [this] {
                fail(QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                            u"The WebSocket transport was destroyed"_s),
                     Retry::Pointless);
            },
            Qt::QueuedConnection);
}

void QGraphQLWsChannel::fail(const QGraphQLTransportError &error, Retry retry)
{
    abort();
    m_assembler.reset();
    Q_EMIT failed(error, retry);
}
