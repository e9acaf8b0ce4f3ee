// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "websocketendpoint.h"

#include "websocketsession.h"

#include <QtCore/qurl.h>
#include <QtWebSockets/qwebsocket.h>

using namespace Qt::StringLiterals;

WebSocketEndpoint::WebSocketEndpoint(GraphQLExecutor *executor, int connectionInitTimeoutMs,
                                     QObject *parent)
    : QObject(parent), m_server(u"qgraphql-demo-server"_s, QWebSocketServer::NonSecureMode),
      m_executor(executor), m_connectionInitTimeoutMs(connectionInitTimeoutMs)
{
    m_server.setSupportedSubprotocols({ QString::fromLatin1(WebSocketSession::Subprotocol) });
    connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server.nextPendingConnection())
            new WebSocketSession(socket, m_executor, m_connectionInitTimeoutMs, this);
    });
}

void WebSocketEndpoint::upgrade(HttpConnection *connection, const HttpRequest &request)
{
    if (request.method != "GET" || QUrl::fromEncoded(request.target).path() != "/graphql"_L1
        || !request.header("upgrade").toLower().contains("websocket")) {
        return; // answered as HTTP
    }
    m_server.handleConnection(connection->takeSocket());
}
