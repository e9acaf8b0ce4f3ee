// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QML tests of WebSocketTransport against an in-process graphql-transport-ws server. The server
// answers by the operation's first field; QML reads what it saw through "wsServer".

#include "ws/qgraphqlwsmessage_p.h"

#include <QtCore/qjsondocument.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>
#include <QtQuickTest/quicktest.h>
#include <QtWebSockets/qwebsocket.h>
#include <QtWebSockets/qwebsocketserver.h>

#include <memory>

using namespace Qt::StringLiterals;
using Type = QGraphQLWsMessage::Type;

namespace {
constexpr QGraphQLWsProtocol Protocol = QGraphQLWsProtocol::GraphQLTransportWs;
} // namespace

// Acknowledges connection_init unless its payload has "reject" (then closes with 4403); answers
// "countdown" with 3, 2, 1, 0 and complete, "hello" with one result and complete, and leaves
// "ticks" running.
class WsServer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl url READ url CONSTANT)

public:
    WsServer() : m_server(u"qml"_s, QWebSocketServer::NonSecureMode)
    {
        m_server.setSupportedSubprotocols({ u"graphql-transport-ws"_s });
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
    }

    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/graphql"_s.arg(m_server.serverPort())); }

    Q_INVOKABLE int connectionCount() const { return m_connections; }
    //! The payloads of every connection_init so far.
    Q_INVOKABLE QStringList initPayloads() const { return m_initPayloads; }
    //! The \a name header of every handshake so far.
    Q_INVOKABLE QStringList handshakeHeaders(const QString &name) const
    {
        QStringList values;
        for (const QNetworkRequest &request : m_handshakes)
            values.append(QString::fromUtf8(request.rawHeader(name.toUtf8())));
        return values;
    }
    Q_INVOKABLE int completesReceived() const { return m_completes; }

private:
    void accept(QWebSocket *socket)
    {
        ++m_connections;
        m_handshakes.append(socket->request());
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { onMessage(socket, text.toUtf8()); });
    }

    void send(QWebSocket *socket, Type type, const QString &id = {}, const QByteArray &payload = {})
    {
        socket->sendTextMessage(
                QString::fromUtf8(QGraphQLWsCodec::encode(Protocol, type, id, payload)));
    }

    void onMessage(QWebSocket *socket, const QByteArray &text)
    {
        const QGraphQLWsDecoded decoded = QGraphQLWsCodec::decode(text, Protocol, 1 << 20);
        if (!decoded.isValid())
            return;
        const QGraphQLWsMessage &message = *decoded.message;
        switch (message.type) {
        case Type::ConnectionInit:
            m_initPayloads.append(QString::fromUtf8(message.payload.toCompactJson()));
            if (message.payload.contains("reject"))
                socket->close(QWebSocketProtocol::CloseCode(4403), u"Forbidden"_s);
            else
                send(socket, Type::ConnectionAck);
            return;
        case Type::Ping:
            send(socket, Type::Pong);
            return;
        case Type::Complete:
            ++m_completes;
            return;
        case Type::Subscribe:
            break;
        default:
            return;
        }
        const QString query = message.payload.member("query").toString();
        if (query.contains("countdown"_L1)) {
            for (int n = 3; n >= 0; --n)
                send(socket, Type::Next, message.id,
                     R"({"data":{"countdown":)" + QByteArray::number(n) + "}}");
            send(socket, Type::Complete, message.id);
        } else if (query.contains("hello"_L1)) {
            send(socket, Type::Next, message.id, R"({"data":{"hello":"ws","z":1,"a":2}})");
            send(socket, Type::Complete, message.id);
        } else if (query.contains("ticks"_L1)) {
            send(socket, Type::Next, message.id, R"({"data":{"ticks":1}})");
        } else {
            send(socket, Type::Error, message.id, R"([{"message":"unknown field"}])");
        }
    }

    QWebSocketServer m_server;
    int m_connections = 0;
    int m_completes = 0;
    QStringList m_initPayloads;
    QList<QNetworkRequest> m_handshakes;
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral(QGRAPHQL_QML_IMPORT_DIR));
        if (!m_server)
            m_server = std::make_unique<WsServer>();
        engine->rootContext()->setContextProperty(u"wsServer"_s, m_server.get());
    }

private:
    std::unique_ptr<WsServer> m_server;
};

QUICK_TEST_MAIN_WITH_SETUP(qgraphql_qmlwebsocket, Setup)
#include "tst_qmlwebsocket.moc"
