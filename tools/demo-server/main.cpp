// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// qgraphql-demo-server: a small GraphQL server on loopback for the demo, the examples and the
// tests. Usage: qgraphql-demo-server [--port N] [--heartbeat-interval MS]
//                                    [--connection-init-timeout MS] [--verbose]
// The first line on stdout is the endpoint URL, e.g. http://127.0.0.1:4000/graphql; built with
// Qt WebSockets, the same URL with ws:// speaks graphql-transport-ws.

#include "demoservice.h"
#include "graphqlendpoint.h"
#include "graphqlexecutor.h"
#include "httpconnection.h"
#ifdef QGRAPHQL_DEMO_WEBSOCKETS
#include "websocketendpoint.h"
#endif

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtNetwork/qtcpserver.h>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qgraphql-demo-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"The QGraphQL demo server: queries, a login mutation with a session cookie, and "
            "subscriptions over Apollo's multipart protocol, GraphQL over SSE"
#ifdef QGRAPHQL_DEMO_WEBSOCKETS
            " and graphql-transport-ws (ws://…/graphql)"
#endif
            ", on 127.0.0.1. Prints its URL on the first line of stdout. GET / shows the "
            "schema."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"TCP port; 0 picks a free one (default 4000)."_s,
                                  u"N"_s, u"4000"_s);
    const QCommandLineOption heartbeat(
            u"heartbeat-interval"_s,
            u"Milliseconds between subscription heartbeats; 0 sends only the first (default "
            "5000, as Apollo Router)."_s,
            u"MS"_s, u"5000"_s);
    const QCommandLineOption initTimeout(
            u"connection-init-timeout"_s,
            u"Milliseconds a WebSocket client has to send connection_init before it is closed "
            "with 4408 (default 3000, as graphql-ws)."_s,
            u"MS"_s, u"3000"_s);
    const QCommandLineOption verbose(u"verbose"_s, u"Log every request to stderr."_s);
    parser.addOptions({ port, heartbeat, initTimeout, verbose });
    parser.process(app);

    bool portOk = false;
    bool heartbeatOk = false;
    bool initTimeoutOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const int heartbeatMs = parser.value(heartbeat).toInt(&heartbeatOk);
    const int initTimeoutMs = parser.value(initTimeout).toInt(&initTimeoutOk);
    if (!portOk || portNumber > 65535 || !heartbeatOk || heartbeatMs < 0 || !initTimeoutOk
        || initTimeoutMs < 0) {
        std::fprintf(stderr,
                     "qgraphql-demo-server: invalid --port, --heartbeat-interval or "
                     "--connection-init-timeout\n");
        return 2;
    }

    DemoService service;
    GraphQLExecutor executor(&service);
    GraphQLEndpoint endpoint(&executor, heartbeatMs);
#ifdef QGRAPHQL_DEMO_WEBSOCKETS
    WebSocketEndpoint webSocketEndpoint(&executor, initTimeoutMs);
#endif
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, quint16(portNumber))) {
        std::fprintf(stderr, "qgraphql-demo-server: cannot listen on 127.0.0.1:%u: %s\n",
                     portNumber, qPrintable(server.errorString()));
        return 1;
    }
    const bool logRequests = parser.isSet(verbose);
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            auto *connection = new HttpConnection(socket, &server);
            QObject::connect(connection, &HttpConnection::requestReceived, &endpoint,
                             [&endpoint, connection, logRequests](const HttpRequest &request) {
                                 if (logRequests) {
                                     std::fprintf(stderr, "%s %s accept=%s\n",
                                                  request.method.constData(),
                                                  request.target.constData(),
                                                  request.header("accept").constData());
                                 }
                                 endpoint.handle(connection, request);
                             });
#ifdef QGRAPHQL_DEMO_WEBSOCKETS
            QObject::connect(
                    connection, &HttpConnection::upgradeRequested, &webSocketEndpoint,
                    [&webSocketEndpoint, connection, logRequests](const HttpRequest &request) {
                        if (logRequests) {
                            std::fprintf(stderr, "%s %s upgrade=%s\n", request.method.constData(),
                                         request.target.constData(),
                                         request.header("upgrade").constData());
                        }
                        webSocketEndpoint.upgrade(connection, request);
                    });
#endif
        }
    });

    std::printf("http://127.0.0.1:%u/graphql\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
