// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef WEBSOCKETENDPOINT_H
#define WEBSOCKETENDPOINT_H

#include "httpconnection.h"

#include <QtCore/qobject.h>
#include <QtWebSockets/qwebsocketserver.h>

class GraphQLExecutor;

//! GraphQL over WebSocket (graphql-transport-ws) on the HTTP server's port and path: a GET
//! /graphql with "Upgrade: websocket" leaves HttpConnection with its request unread and goes to
//! a QWebSocketServer (no listening socket of its own), which answers the handshake; each
//! connection is then a WebSocketSession.
class WebSocketEndpoint : public QObject
{
    Q_OBJECT
public:
    WebSocketEndpoint(GraphQLExecutor *executor, int connectionInitTimeoutMs,
                      QObject *parent = nullptr);

    //! Takes the connection's socket when \a request is a WebSocket upgrade to /graphql; for
    //! HttpConnection::upgradeRequested().
    void upgrade(HttpConnection *connection, const HttpRequest &request);

private:
    QWebSocketServer m_server;
    GraphQLExecutor *m_executor;
    int m_connectionInitTimeoutMs;
};

#endif // WEBSOCKETENDPOINT_H
