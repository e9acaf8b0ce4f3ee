// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef WEBSOCKETSESSION_H
#define WEBSOCKETSESSION_H

#include "httpconnection.h"

#include <QtCore/qhash.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>

class EventStream;
class GraphQLExecutor;
class QWebSocket;

//! One WebSocket connection speaking graphql-transport-ws (the graphql-ws library's
//! PROTOCOL.md), server side: connection_init within the timeout -> connection_ack (the
//! connection params {"token": "bad"} are refused with 4403), ping -> pong, subscribe -> next
//! messages and complete (an error message for a document that does not validate or a stream
//! that fails), complete from the client stops that operation. Protocol faults close the socket
//! with the protocol's codes: 4400 malformed or unexpected message, 4401 subscribe before the
//! ack, 4406 another subprotocol, 4408 no connection_init in time, 4409 an id already running,
//! 4429 a second connection_init. Operations run through the HTTP endpoint's executor, with the
//! handshake's headers (cookies) as their request.
class WebSocketSession : public QObject
{
    Q_OBJECT
public:
    static constexpr char Subprotocol[] = "graphql-transport-ws";

    WebSocketSession(QWebSocket *socket, GraphQLExecutor *executor, int connectionInitTimeoutMs,
                     QObject *parent = nullptr);

private:
    void receive(const QString &text);
    void initialise(const QJsonValue &payload);
    void subscribe(const QString &id, const QJsonObject &payload);
    void stop(const QString &id);
    void send(const QJsonObject &message);
    void close(int code, const QString &reason);

    QWebSocket *m_socket;
    GraphQLExecutor *m_executor;
    HttpRequest m_handshake;
    QTimer m_initTimeout;
    bool m_initReceived = false;
    bool m_acknowledged = false;
    QHash<QString, EventStream *> m_subscriptions; //!< running, by id
};

#endif // WEBSOCKETSESSION_H
