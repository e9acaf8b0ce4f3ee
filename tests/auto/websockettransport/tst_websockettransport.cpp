// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "testtlsserver.h"
#include "ws/qgraphqlwsconnection_p.h"
#include "ws/qgraphqlwsmessage_p.h"

#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlsubscription.h>
#include <QGraphQL/qgraphqlwebsockettransport.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtimer.h>
#include <QtNetwork/qnetworkcookiejar.h>
#include <QtNetwork/qsslkey.h>
#include <QtNetwork/qtcpserver.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>
#include <QtWebSockets/qwebsocket.h>
#include <QtWebSockets/qwebsocketserver.h>

#include <memory>

using namespace Qt::StringLiterals;
using Protocol = QGraphQLWsProtocol;
using Type = QGraphQLWsMessage::Type;

namespace {

constexpr int WaitMs = 10000;

// One client connection of the scripted server: what the client sent, and how it closed.
struct ServerClient
{
    QWebSocket *socket = nullptr;
    QNetworkRequest handshake;
    QList<QGraphQLWsMessage> received;
    QList<QByteArray> receivedText;
    bool disconnected = false;
    int closeCode = -1;
    int pings = 0; // WebSocket ping frames
};

// An in-process GraphQL-over-WebSocket server, scripted by the test: it records what clients
// send, acknowledges connection_init and answers pings unless told not to, and sends what the
// test tells it to.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedServer(Protocol protocol = Protocol::GraphQLTransportWs,
                            const QSslConfiguration *tls = nullptr)
        : m_server(u"test"_s, tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode),
          m_protocol(protocol), m_secure(tls)
    {
        if (tls)
            m_server.setSslConfiguration(*tls);
        m_server.setSupportedSubprotocols({ u"graphql-transport-ws"_s, u"graphql-ws"_s });
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
    }
    ~ScriptedServer() override
    {
        for (const auto &client : clients)
            delete client->socket;
    }

    QUrl url() const
    {
        return QUrl(u"%1://127.0.0.1:%2/graphql"_s.arg(m_secure ? u"wss"_s : u"ws"_s)
                            .arg(m_server.serverPort()));
    }

    bool autoAck = true;
    bool autoPong = true;
    QList<std::shared_ptr<ServerClient>> clients;

    ServerClient &client(int index = 0) { return *clients.at(index); }

    void send(const QByteArray &text, int index = 0)
    {
        client(index).socket->sendTextMessage(QString::fromUtf8(text));
    }
    void sendMessage(Type type, const QString &id = {}, const QByteArray &payload = {},
                     int index = 0)
    {
        send(QGraphQLWsCodec::encode(m_protocol, type, id, payload), index);
    }
    void sendNext(const QString &id, const QByteArray &payload, int index = 0)
    {
        sendMessage(Type::Next, id, payload, index);
    }
    void closeClient(int code, const QString &reason, int index = 0)
    {
        client(index).socket->close(QWebSocketProtocol::CloseCode(code), reason);
    }

    //! The messages of \a type the client \a index sent so far.
    QList<QGraphQLWsMessage> messagesOf(Type type, int index = 0) const
    {
        QList<QGraphQLWsMessage> found;
        if (index >= clients.size())
            return found;
        for (const QGraphQLWsMessage &m : clients.at(index)->received) {
            if (m.type == type)
                found.append(m);
        }
        return found;
    }
    bool waitForMessages(Type type, int count, int index = 0)
    {
        return QTest::qWaitFor([&] { return messagesOf(type, index).size() >= count; }, WaitMs);
    }
    bool waitForClients(int count)
    {
        return QTest::qWaitFor([&] { return clients.size() >= count; }, WaitMs);
    }
    bool waitForDisconnect(int index = 0)
    {
        return QTest::qWaitFor(
                [&] { return index < clients.size() && clients.at(index)->disconnected; }, WaitMs);
    }

private:
    void accept(QWebSocket *socket)
    {
        auto client = std::make_shared<ServerClient>();
        client->socket = socket;
        client->handshake = socket->request();
        ServerClient *raw = client.get();
        clients.append(client);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, raw](const QString &text) {
            const QByteArray bytes = text.toUtf8();
            raw->receivedText.append(bytes);
            const QGraphQLWsDecoded decoded = QGraphQLWsCodec::decode(bytes, m_protocol, 1 << 20);
            if (!decoded.isValid()) {
                qWarning() << "the client sent an invalid message:" << decoded.error << bytes;
                return;
            }
            raw->received.append(*decoded.message);
            if (decoded.message->type == Type::ConnectionInit && autoAck)
                raw->socket->sendTextMessage(QString::fromUtf8(
                        QGraphQLWsCodec::encode(m_protocol, Type::ConnectionAck)));
            if (decoded.message->type == Type::Ping && autoPong)
                raw->socket->sendTextMessage(
                        QString::fromUtf8(QGraphQLWsCodec::encode(m_protocol, Type::Pong)));
        });
        connect(socket, &QWebSocket::disconnected, this, [raw] {
            raw->disconnected = true;
            raw->closeCode = raw->socket->closeCode();
        });
        // The server's socket answers ping frames itself; count them.
        connect(socket, &QWebSocket::pong, this, [] {});
        socket->setParent(nullptr);
        Q_UNUSED(raw);
    }

    QWebSocketServer m_server;
    Protocol m_protocol;
    bool m_secure = false;
};

QByteArray subscriptionQuery()
{
    return "subscription { tick }";
}

} // namespace

class tst_WebSocketTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void subscription_data();
    void subscription();
    void query();
    void queryWithoutResult();
    void severalOperationsOneSocket();
    void cancelSendsComplete();
    void deleteSendsComplete();
    void errorFailsOneOperation();
    void closeCodes_data();
    void closeCodes();
    void closeFailureTable();
    void connectionAckTimeout();
    void keepAlive();
    void missingPong();
    void heartbeatTimeout();
    void malformedMessages_data();
    void malformedMessages();
    void nextAfterComplete();
    void tooLarge();
    void handshake();
    void lazyOpenAndLingerClose();
    void lingerReuse();
    void invalidUrl();
    void connectionRefused();
    void transportDestroyed();
    void legacyConnectionError();
    void incrementalDelivery();
    void retryResubscribes();
    void reconnectRefreshesParams();
    void tlsVerifiedByDefault();
    void tlsWithApplicationCa();

private:
    //! A TLS configuration for a server with a self-signed certificate for 127.0.0.1; false
    //! when openssl cannot make one.
    bool serverTls(QSslConfiguration *configuration);

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

void tst_WebSocketTransport::defaults()
{
    QGraphQLWebSocketTransport transport;
    QCOMPARE(transport.protocol(), QGraphQLWebSocketTransport::GraphQLTransportWs);
    QCOMPARE(transport.keepAliveInterval(), QGraphQLWebSocketTransport::DefaultKeepAliveInterval);
    QCOMPARE(transport.connectionAckTimeout(),
             QGraphQLWebSocketTransport::DefaultConnectionAckTimeout);
    QCOMPARE(transport.lingerTime(), 0);
    QVERIFY(transport.connectionParams().isEmpty());
    QVERIFY(!transport.cookieJar());

    QSignalSpy protocolSpy(&transport, &QGraphQLWebSocketTransport::protocolChanged);
    QSignalSpy paramsSpy(&transport, &QGraphQLWebSocketTransport::connectionParamsChanged);
    QSignalSpy keepAliveSpy(&transport, &QGraphQLWebSocketTransport::keepAliveIntervalChanged);
    QSignalSpy ackSpy(&transport, &QGraphQLWebSocketTransport::connectionAckTimeoutChanged);
    QSignalSpy lingerSpy(&transport, &QGraphQLWebSocketTransport::lingerTimeChanged);
    transport.setProtocol(QGraphQLWebSocketTransport::GraphQLWs);
    transport.setProtocol(QGraphQLWebSocketTransport::GraphQLWs);
    transport.setConnectionParams({ { u"token"_s, u"t"_s } });
    transport.setKeepAliveInterval(100);
    transport.setKeepAliveInterval(-5);
    transport.setConnectionAckTimeout(200);
    transport.setLingerTime(300);
    QCOMPARE(protocolSpy.size(), 1);
    QCOMPARE(paramsSpy.size(), 1);
    QCOMPARE(keepAliveSpy.size(), 2);
    QCOMPARE(transport.keepAliveInterval(), 0);
    QCOMPARE(ackSpy.size(), 1);
    QCOMPARE(lingerSpy.size(), 1);
}

void tst_WebSocketTransport::subscription_data()
{
    QTest::addColumn<QGraphQLWebSocketTransport::Protocol>("protocol");
    QTest::newRow("graphql-transport-ws") << QGraphQLWebSocketTransport::GraphQLTransportWs;
    QTest::newRow("graphql-ws") << QGraphQLWebSocketTransport::GraphQLWs;
}

void tst_WebSocketTransport::subscription()
{
    QFETCH(QGraphQLWebSocketTransport::Protocol, protocol);
    const Protocol wire = protocol == QGraphQLWebSocketTransport::GraphQLWs
            ? Protocol::GraphQLWs
            : Protocol::GraphQLTransportWs;
    ScriptedServer server(wire);
    QGraphQLWebSocketTransport transport(server.url());
    transport.setProtocol(protocol);

    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(QString::fromUtf8(subscriptionQuery()))));
    QSignalSpy results(sub.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QCOMPARE(sub->state(), QGraphQLOperation::Connecting);

    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    QCOMPARE(server.client().socket->subprotocol(),
             QString::fromLatin1(QGraphQLWsCodec::subprotocol(wire)));
    QCOMPARE(server.messagesOf(Type::ConnectionInit).size(), 1);
    const QGraphQLWsMessage subscribe = server.messagesOf(Type::Subscribe).first();
    QCOMPARE(subscribe.id, u"1"_s);
    QCOMPARE(subscribe.payload.member("query").toString(), QString::fromUtf8(subscriptionQuery()));
    QTRY_COMPARE(sub->state(), QGraphQLOperation::Active);

    server.sendNext(u"1"_s, R"({"data":{"tick":1.50,"b":2}})");
    server.sendNext(u"1"_s, R"({"data":{"tick":2}})");
    QTRY_COMPARE(results.size(), 2);
    QCOMPARE(sub->lastResult().rawJson(), R"({"data":{"tick":2}})"_ba);
    QCOMPARE(results.first().first().value<QGraphQLResult>().rawJson(),
             R"({"data":{"tick":1.50,"b":2}})"_ba);

    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(sub->state(), QGraphQLOperation::Finished);
    QVERIFY(!sub->error().isError());
    // The server completed it: the client sends nothing for it, and closes the idle socket.
    QVERIFY(server.waitForDisconnect());
    QCOMPARE(server.messagesOf(Type::Complete).size() + server.messagesOf(Type::Stop).size(), 0);
    if (wire == Protocol::GraphQLWs)
        QCOMPARE(server.messagesOf(Type::ConnectionTerminate).size(), 1);
    QCOMPARE(server.client().closeCode, 1000);
}

void tst_WebSocketTransport::query()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    QCOMPARE(server.messagesOf(Type::Subscribe).first().payload.member("query").toString(),
             u"{ a }"_s);
    server.sendNext(u"1"_s, R"({"data":{"a":"x"}})");
    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->state(), QGraphQLOperation::Finished);
    QCOMPARE(reply->resultCount(), 1);
    QCOMPARE(reply->lastResult().rawJson(), R"({"data":{"a":"x"}})"_ba);
}

void tst_WebSocketTransport::queryWithoutResult()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->state(), QGraphQLOperation::Failed);
    QCOMPARE(reply->error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(reply->error().message().contains(u"without a result"_s),
             qPrintable(reply->error().message()));
}

void tst_WebSocketTransport::severalOperationsOneSocket()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLSubscription> a(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    std::unique_ptr<QGraphQLSubscription> b(
            transport.subscribe(QGraphQLRequest(u"subscription { b }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 2));
    std::unique_ptr<QGraphQLReply> c(transport.execute(QGraphQLRequest(u"{ c }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 3));
    QCOMPARE(server.clients.size(), 1);
    QCOMPARE(server.messagesOf(Type::ConnectionInit).size(), 1);
    const QList<QGraphQLWsMessage> subscribes = server.messagesOf(Type::Subscribe);
    QCOMPARE(subscribes.at(0).id, u"1"_s);
    QCOMPARE(subscribes.at(0).payload.member("query").toString(), u"subscription { a }"_s);
    QCOMPARE(subscribes.at(1).id, u"2"_s);
    QCOMPARE(subscribes.at(2).id, u"3"_s);
    QCOMPARE(subscribes.at(2).payload.member("query").toString(), u"{ c }"_s);

    QSignalSpy aResults(a.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy bResults(b.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy cFinished(c.get(), &QGraphQLOperation::finished);
    server.sendNext(u"2"_s, R"({"data":{"b":1}})");
    server.sendNext(u"3"_s, R"({"data":{"c":1}})");
    server.sendNext(u"1"_s, R"({"data":{"a":1}})");
    server.sendNext(u"2"_s, R"({"data":{"b":2}})");
    server.sendMessage(Type::Complete, u"3"_s);
    QTRY_COMPARE(cFinished.size(), 1);
    QTRY_COMPARE(bResults.size(), 2);
    QCOMPARE(aResults.size(), 1);
    QCOMPARE(a->lastResult().rawJson(), R"({"data":{"a":1}})"_ba);
    QCOMPARE(b->lastResult().rawJson(), R"({"data":{"b":2}})"_ba);
    QCOMPARE(c->lastResult().rawJson(), R"({"data":{"c":1}})"_ba);
    QCOMPARE(a->state(), QGraphQLOperation::Active);
    QVERIFY(!server.client().disconnected);
}

void tst_WebSocketTransport::cancelSendsComplete()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setLingerTime(60 * 1000);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QTRY_COMPARE(sub->state(), QGraphQLOperation::Active);
    sub->cancel();
    QCOMPARE(sub->state(), QGraphQLOperation::Cancelled);
    QVERIFY(server.waitForMessages(Type::Complete, 1));
    QCOMPARE(server.messagesOf(Type::Complete).first().id, u"1"_s);
    // A late result for it is ignored.
    QSignalSpy results(sub.get(), &QGraphQLOperation::resultReceived);
    server.sendNext(u"1"_s, R"({"data":{}})");
    std::unique_ptr<QGraphQLReply> probe(transport.execute(QGraphQLRequest(u"{ p }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 2));
    QCOMPARE(results.size(), 0);
    QCOMPARE(server.clients.size(), 1); // lingering: the same socket
}

void tst_WebSocketTransport::deleteSendsComplete()
{
    ScriptedServer server(Protocol::GraphQLWs);
    QGraphQLWebSocketTransport transport(server.url());
    transport.setProtocol(QGraphQLWebSocketTransport::GraphQLWs);
    transport.setLingerTime(60 * 1000);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QTRY_COMPARE(sub->state(), QGraphQLOperation::Active);
    sub.reset();
    QVERIFY(server.waitForMessages(Type::Stop, 1));
    QCOMPARE(server.messagesOf(Type::Stop).first().id, u"1"_s);
}

void tst_WebSocketTransport::errorFailsOneOperation()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLSubscription> a(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    std::unique_ptr<QGraphQLSubscription> b(
            transport.subscribe(QGraphQLRequest(u"subscription { b }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 2));
    QSignalSpy aErrors(a.get(), &QGraphQLOperation::errorOccurred);
    QSignalSpy bResults(b.get(), &QGraphQLOperation::resultReceived);
    server.sendMessage(Type::Error, u"1"_s,
                       R"([{"message":"Cannot query field \"a\""},{"message":"second"}])");
    server.sendNext(u"2"_s, R"({"data":{"b":1}})");
    QTRY_COMPARE(bResults.size(), 1);
    QCOMPARE(aErrors.size(), 1);
    QCOMPARE(a->state(), QGraphQLOperation::Failed);
    QCOMPARE(a->error().kind(), QGraphQLTransportError::ServerError);
    QVERIFY2(a->error().message().contains(u"Cannot query field \"a\""_s),
             qPrintable(a->error().message()));
    QCOMPARE(a->error().result().errors().size(), 2);
    QCOMPARE(b->state(), QGraphQLOperation::Active);
    // The server ended it: no complete goes back.
    std::unique_ptr<QGraphQLReply> probe(transport.execute(QGraphQLRequest(u"{ p }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 3));
    QCOMPARE(server.messagesOf(Type::Complete).size(), 0);
}

void tst_WebSocketTransport::closeCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QGraphQLTransportError::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("4400") << 4400 << u"Invalid message received"_s
                          << QGraphQLTransportError::ProtocolError
                          << u"with code 4400 (bad request): Invalid message received"_s;
    QTest::newRow("4401") << 4401 << u"Unauthorized"_s << QGraphQLTransportError::ServerError
                          << u"with code 4401 (unauthorized): Unauthorized"_s;
    QTest::newRow("4403") << 4403 << u"Forbidden"_s << QGraphQLTransportError::ServerError
                          << u"with code 4403 (forbidden): Forbidden"_s;
    QTest::newRow("4406") << 4406 << u"Subprotocol not acceptable"_s
                          << QGraphQLTransportError::ProtocolError << u"with code 4406"_s;
    QTest::newRow("4408") << 4408 << u"Connection initialisation timeout"_s
                          << QGraphQLTransportError::Timeout << u"with code 4408"_s;
    QTest::newRow("4409") << 4409 << u"Subscriber for 1 already exists"_s
                          << QGraphQLTransportError::ProtocolError
                          << u"4409 (subscriber already exists): Subscriber for 1"_s;
    QTest::newRow("4429") << 4429 << u"Too many initialisation requests"_s
                          << QGraphQLTransportError::ProtocolError << u"with code 4429"_s;
    QTest::newRow("4499") << 4499 << u"Terminated"_s << QGraphQLTransportError::NetworkError
                          << u"with code 4499 (terminated)"_s;
    QTest::newRow("1011") << 1011 << u"Internal error"_s << QGraphQLTransportError::ServerError
                          << u"with code 1011 (internal server error): Internal error"_s;
    QTest::newRow("1000") << 1000 << QString() << QGraphQLTransportError::NetworkError
                          << u"with code 1000 (normal closure)"_s;
    QTest::newRow("1001") << 1001 << u"bye"_s << QGraphQLTransportError::NetworkError
                          << u"with code 1001 (going away): bye"_s;
    QTest::newRow("4000 application") << 4000 << u"Mine"_s << QGraphQLTransportError::ServerError
                                      << u"with code 4000: Mine"_s;
}

void tst_WebSocketTransport::closeCodes()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QGraphQLTransportError::Kind, kind);
    QFETCH(QString, message);

    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLSubscription> a(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    std::unique_ptr<QGraphQLReply> b(transport.execute(QGraphQLRequest(u"{ b }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 2));
    QSignalSpy aFinished(a.get(), &QGraphQLOperation::finished);
    QSignalSpy bFinished(b.get(), &QGraphQLOperation::finished);
    server.closeClient(code, reason);
    QTRY_COMPARE(aFinished.size(), 1);
    QTRY_COMPARE(bFinished.size(), 1);
    for (QGraphQLOperation *op :
         { static_cast<QGraphQLOperation *>(a.get()), static_cast<QGraphQLOperation *>(b.get()) }) {
        QCOMPARE(op->state(), QGraphQLOperation::Failed);
        QCOMPARE(op->error().kind(), kind);
        QVERIFY2(op->error().message().contains(message), qPrintable(op->error().message()));
    }
    // The next operation opens a new socket.
    std::unique_ptr<QGraphQLReply> again(transport.execute(QGraphQLRequest(u"{ c }"_s)));
    QVERIFY(server.waitForClients(2));
    QVERIFY(server.waitForMessages(Type::Subscribe, 1, 1));
}

void tst_WebSocketTransport::closeFailureTable()
{
    using Retry = QGraphQLOperationChannel::Retry;
    QCOMPARE(QGraphQLWsConnection::closeFailure(4403, u"x"_s).retry, Retry::Pointless);
    QCOMPARE(QGraphQLWsConnection::closeFailure(4401, {}).retry, Retry::Pointless);
    QCOMPARE(QGraphQLWsConnection::closeFailure(4400, {}).retry, Retry::Pointless);
    QCOMPARE(QGraphQLWsConnection::closeFailure(1006, {}).retry, Retry::Allowed);
    QCOMPARE(QGraphQLWsConnection::closeFailure(1006, {}).error.kind(),
             QGraphQLTransportError::NetworkError);
    QCOMPARE(QGraphQLWsConnection::closeFailure(4499, {}).retry, Retry::Allowed);
    QCOMPARE(QGraphQLWsConnection::closeFailure(1011, {}).retry, Retry::Allowed);
    QCOMPARE(QGraphQLWsConnection::closeFailure(4408, {}).retry, Retry::Allowed);
    QCOMPARE(QGraphQLWsConnection::closeFailure(3000, {}).error.kind(),
             QGraphQLTransportError::NetworkError);
    QCOMPARE(QGraphQLWsConnection::closeFailure(4999, u"r"_s).error.message(),
             u"The server closed the WebSocket connection with code 4999: r"_s);
}

void tst_WebSocketTransport::connectionAckTimeout()
{
    ScriptedServer server;
    server.autoAck = false;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setConnectionAckTimeout(100);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::Timeout);
    QVERIFY2(sub->error().message().contains(u"did not acknowledge the connection within 100 ms"_s),
             qPrintable(sub->error().message()));
    QCOMPARE(server.messagesOf(Type::Subscribe).size(), 0);
    QVERIFY(server.waitForDisconnect());
    QCOMPARE(server.client().closeCode, 4504);
}

void tst_WebSocketTransport::keepAlive()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    // Long enough for a loaded machine to answer (the pong may wait for a delayed TCP ACK).
    transport.setKeepAliveInterval(1000);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QVERIFY(server.waitForMessages(Type::Ping, 3));
    QCOMPARE(sub->state(), QGraphQLOperation::Active);
}

void tst_WebSocketTransport::missingPong()
{
    ScriptedServer server;
    server.autoPong = false;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setKeepAliveInterval(50);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->state(), QGraphQLOperation::Failed);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::Timeout);
    QVERIFY2(sub->error().message().contains(u"no answer to a keep-alive ping within 50 ms"_s),
             qPrintable(sub->error().message()));
    QCOMPARE(server.messagesOf(Type::Ping).size(), 1);
}

// heartbeatTimeout: a subscription fails when nothing at all arrives on the socket for that
// long; anything, also for another operation, restarts it. Queries do not use it.
void tst_WebSocketTransport::heartbeatTimeout()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setKeepAliveInterval(0);
    transport.setHeartbeatTimeout(1000);
    std::unique_ptr<QGraphQLSubscription> quiet(
            transport.subscribe(QGraphQLRequest(u"subscription { quiet }"_s)));
    std::unique_ptr<QGraphQLSubscription> busy(
            transport.subscribe(QGraphQLRequest(u"subscription { busy }"_s)));
    std::unique_ptr<QGraphQLReply> query(transport.execute(QGraphQLRequest(u"{ q }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 3));
    QSignalSpy quietFinished(quiet.get(), &QGraphQLOperation::finished);
    QSignalSpy busyFinished(busy.get(), &QGraphQLOperation::finished);
    // A result for "busy" every 100 ms for 2 s keeps both alive (the socket is).
    int sent = 0;
    QTimer ticker;
    ticker.setInterval(100);
    connect(&ticker, &QTimer::timeout, &server, [&] {
        server.sendNext(u"2"_s, R"({"data":{"busy":1}})");
        if (++sent == 20)
            ticker.stop();
    });
    ticker.start();
    QTRY_COMPARE_WITH_TIMEOUT(sent, 20, WaitMs);
    QCOMPARE(quietFinished.size(), 0);
    QCOMPARE(busyFinished.size(), 0);
    // Then silence: both fail, the query (its own 30 s timeout) goes on.
    QTRY_COMPARE_WITH_TIMEOUT(quietFinished.size(), 1, WaitMs);
    QCOMPARE(quiet->error().kind(), QGraphQLTransportError::Timeout);
    QCOMPARE(quiet->error().message(),
             u"Heartbeat timeout: nothing received from the server for 1000 ms"_s);
    QTRY_COMPARE(busyFinished.size(), 1);
    QCOMPARE(query->state(), QGraphQLOperation::Active);
}

void tst_WebSocketTransport::malformedMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "hello"_ba << u"The server sent an invalid message: Malformed"_s;
    QTest::newRow("unknown type") << R"({"type":"hello"})"_ba
                                  << u"Unknown message type \"hello\""_s;
    QTest::newRow("next without id")
            << R"({"type":"next","payload":{"data":{}}})"_ba << u"must be a non-empty string"_s;
    QTest::newRow("next payload array")
            << R"({"id":"1","type":"next","payload":[]})"_ba << u"has an object payload"_s;
    QTest::newRow("never used id") << R"({"id":"9","type":"next","payload":{"data":{}}})"_ba
                                   << u"for operation \"9\", which was never started"_s;
    QTest::newRow("id not ours") << R"({"id":"abc","type":"complete"})"_ba
                                 << u"for operation \"abc\", which was never started"_s;
    QTest::newRow("subscribe from server")
            << R"({"id":"1","type":"subscribe","payload":{"query":"q"}})"_ba
            << u"\"subscribe\" message, which only a client sends"_s;
    QTest::newRow("second ack") << R"({"type":"connection_ack"})"_ba
                                << u"acknowledged the connection twice"_s;
}

void tst_WebSocketTransport::malformedMessages()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.send(text);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(sub->state(), QGraphQLOperation::Failed);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(sub->error().message().contains(message), qPrintable(sub->error().message()));
    QVERIFY(server.waitForDisconnect());
    QCOMPARE(server.client().closeCode, 4400);
}

void tst_WebSocketTransport::nextAfterComplete()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLSubscription> a(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    std::unique_ptr<QGraphQLSubscription> b(
            transport.subscribe(QGraphQLRequest(u"subscription { b }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 2));
    QSignalSpy aResults(a.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy bResults(b.get(), &QGraphQLOperation::resultReceived);
    server.sendMessage(Type::Complete, u"1"_s);
    server.sendNext(u"1"_s, R"({"data":{"late":1}})");
    server.sendMessage(Type::Complete, u"1"_s);
    server.sendNext(u"2"_s, R"({"data":{"b":1}})");
    QTRY_COMPARE(bResults.size(), 1);
    QCOMPARE(aResults.size(), 0);
    QCOMPARE(a->state(), QGraphQLOperation::Finished);
    QCOMPARE(b->state(), QGraphQLOperation::Active);
}

void tst_WebSocketTransport::tooLarge()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setMaxPartSize(100);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy results(sub.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.sendNext(u"1"_s, R"({"data":{"small":1}})");
    server.sendNext(u"1"_s, R"({"data":{"big":")" + QByteArray(200, 'x') + R"("}})");
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(results.size(), 1);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(
            sub->error().message().startsWith(u"A message exceeds the maximum size of 100 bytes"_s),
            qPrintable(sub->error().message()));
}

void tst_WebSocketTransport::handshake()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setHeader("Authorization", "Bearer abc");
    transport.setHeader("Cookie", "static=1");
    transport.setConnectionParams({ { u"authToken"_s, u"t0k"_s }, { u"n"_s, 1 } });
    QNetworkCookieJar jar;
    QNetworkCookie session("session"_ba, "s1"_ba);
    session.setDomain(u"127.0.0.1"_s);
    session.setPath(u"/"_s);
    QVERIFY(jar.insertCookie(session));
    transport.setCookieJar(&jar);
    QCOMPARE(transport.cookieJar(), &jar);

    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QVERIFY(server.waitForMessages(Type::ConnectionInit, 1));
    const QNetworkRequest &request = server.client().handshake;
    QCOMPARE(request.rawHeader("Authorization"), "Bearer abc"_ba);
    QCOMPARE(request.rawHeader("Cookie"), "static=1; session=s1"_ba);
    QCOMPARE(request.rawHeader("Sec-WebSocket-Protocol"), "graphql-transport-ws"_ba);
    QCOMPARE(server.client().socket->subprotocol(), u"graphql-transport-ws"_s);
    QCOMPARE(server.messagesOf(Type::ConnectionInit).first().payload.toCompactJson(),
             QJsonDocument(transport.connectionParams()).toJson(QJsonDocument::Compact));
    QCOMPARE(server.client().receivedText.first(),
             R"({"type":"connection_init","payload":{"authToken":"t0k","n":1}})"_ba);
}

void tst_WebSocketTransport::lazyOpenAndLingerClose()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    QTest::qWait(0); // nothing is opened before the first operation
    QCOMPARE(server.clients.size(), 0);

    std::unique_ptr<QGraphQLReply> first(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.sendNext(u"1"_s, R"({"data":{"a":1}})");
    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_VERIFY(first->isFinished());
    QVERIFY(server.waitForDisconnect()); // linger 0: closed once idle
    QCOMPARE(server.client().closeCode, 1000);

    std::unique_ptr<QGraphQLReply> second(transport.execute(QGraphQLRequest(u"{ b }"_s)));
    QVERIFY(server.waitForClients(2));
    QVERIFY(server.waitForMessages(Type::ConnectionInit, 1, 1));
    QVERIFY(server.waitForMessages(Type::Subscribe, 1, 1));
    QCOMPARE(server.messagesOf(Type::Subscribe, 1).first().id, u"2"_s);
}

void tst_WebSocketTransport::lingerReuse()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setLingerTime(60 * 1000);
    std::unique_ptr<QGraphQLReply> first(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.sendNext(u"1"_s, R"({"data":{"a":1}})");
    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_VERIFY(first->isFinished());
    std::unique_ptr<QGraphQLReply> second(transport.execute(QGraphQLRequest(u"{ b }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 2));
    QCOMPARE(server.clients.size(), 1);
    QVERIFY(!server.client().disconnected);

    // A short linger closes the idle socket once it expires.
    transport.setLingerTime(20);
    server.sendNext(u"2"_s, R"({"data":{"b":1}})");
    server.sendMessage(Type::Complete, u"2"_s);
    QTRY_VERIFY(second->isFinished());
    QVERIFY(!server.client().disconnected); // settings apply to the next socket
}

void tst_WebSocketTransport::invalidUrl()
{
    QGraphQLWebSocketTransport transport(QUrl(u"http://127.0.0.1:1/graphql"_s));
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QCOMPARE(finished.size(), 0); // reported from the event loop
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(reply->error().message().contains(u"ws:// or wss://"_s),
             qPrintable(reply->error().message()));
}

void tst_WebSocketTransport::connectionRefused()
{
    QTcpServer probe; // a port nobody listens on
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QGraphQLWebSocketTransport transport(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)));
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(sub->error().message().startsWith(u"The WebSocket connection failed"_s),
             qPrintable(sub->error().message()));
    QCOMPARE(sub->error().networkError(), QNetworkReply::ConnectionRefusedError);
}

void tst_WebSocketTransport::transportDestroyed()
{
    ScriptedServer server;
    auto transport = std::make_unique<QGraphQLWebSocketTransport>(server.url());
    std::unique_ptr<QGraphQLSubscription> sub(
            transport->subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QTRY_COMPARE(sub->state(), QGraphQLOperation::Active);
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    transport.reset();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(sub->error().message().contains(u"transport was destroyed"_s),
             qPrintable(sub->error().message()));
}

void tst_WebSocketTransport::legacyConnectionError()
{
    ScriptedServer server(Protocol::GraphQLWs);
    server.autoAck = false;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setProtocol(QGraphQLWebSocketTransport::GraphQLWs);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::ConnectionInit, 1));
    QCOMPARE(server.messagesOf(Type::ConnectionInit).first().payload.toCompactJson(), "{}"_ba);
    server.sendMessage(Type::ConnectionError, {}, R"({"message":"bad token"})");
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::ServerError);
    QCOMPARE(sub->error().message(), u"The server refused the connection: bad token"_s);
}

void tst_WebSocketTransport::incrementalDelivery()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    std::unique_ptr<QGraphQLReply> reply(
            transport.execute(QGraphQLRequest(u"{ a ... @defer { b } }"_s)));
    QSignalSpy results(reply.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.sendNext(u"1"_s, R"({"data":{"a":1},"pending":[{"id":"0","path":[]}],"hasNext":true})");
    server.sendNext(
            u"1"_s,
            R"({"incremental":[{"id":"0","data":{"b":2}}],"completed":[{"id":"0"}],"hasNext":false})");
    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->state(), QGraphQLOperation::Finished);
    QCOMPARE(results.size(), 2);
    QCOMPARE(reply->lastResult().data().toObject().value(u"b"_s).toInt(), 2);
    QCOMPARE(reply->lastResult().data().toObject().value(u"a"_s).toInt(), 1);
}

// With a retry policy a subscription whose socket dropped subscribes again on a new socket.
void tst_WebSocketTransport::retryResubscribes()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    QGraphQLRetryPolicy policy;
    policy.setMaxAttempts(3);
    policy.setInitialDelay(10);
    transport.setRetryPolicy(policy);
    std::unique_ptr<QGraphQLSubscription> sub(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QSignalSpy reconnecting(sub.get(), &QGraphQLSubscription::reconnecting);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.closeClient(1001, u"restart"_s);
    QTRY_COMPARE(reconnecting.size(), 1);
    QVERIFY(server.waitForClients(2));
    QVERIFY(server.waitForMessages(Type::Subscribe, 1, 1));
    QSignalSpy results(sub.get(), &QGraphQLOperation::resultReceived);
    const QString id = server.messagesOf(Type::Subscribe, 1).first().id;
    server.sendNext(id, R"({"data":{"a":1}})", 1);
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(sub->state(), QGraphQLOperation::Active);
}

// The issue's reconnect: both subscriptions resubscribe on one new socket, whose
// connection_init carries the params a reconnecting() slot refreshed; the query in flight
// fails and is not sent again.
void tst_WebSocketTransport::reconnectRefreshesParams()
{
    ScriptedServer server;
    QGraphQLWebSocketTransport transport(server.url());
    transport.setConnectionParams({ { u"token"_s, u"old"_s } });
    QGraphQLRetryPolicy policy;
    policy.setMaxAttempts(3);
    policy.setInitialDelay(10);
    policy.setJitter(0);
    transport.setRetryPolicy(policy);
    std::unique_ptr<QGraphQLSubscription> a(
            transport.subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    std::unique_ptr<QGraphQLSubscription> b(
            transport.subscribe(QGraphQLRequest(u"subscription { b }"_s)));
    std::unique_ptr<QGraphQLReply> query(transport.execute(QGraphQLRequest(u"{ q }"_s)));
    QVERIFY(server.waitForMessages(Type::Subscribe, 3));
    connect(a.get(), &QGraphQLSubscription::reconnecting, &transport, [&transport] {
        transport.setConnectionParams({ { u"token"_s, u"new"_s } });
    });
    QSignalSpy queryFinished(query.get(), &QGraphQLOperation::finished);
    QSignalSpy bReconnecting(b.get(), &QGraphQLSubscription::reconnecting);

    server.closeClient(1001, u"Restarting"_s);
    QTRY_COMPARE(queryFinished.size(), 1);
    QCOMPARE(query->state(), QGraphQLOperation::Failed);
    QCOMPARE(query->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(query->error().message().contains(u"1001 (going away): Restarting"_s),
             qPrintable(query->error().message()));
    QCOMPARE(bReconnecting.size(), 1);

    QVERIFY(server.waitForMessages(Type::Subscribe, 2, 1));
    QCOMPARE(server.clients.size(), 2); // one new socket for both
    QCOMPARE(server.messagesOf(Type::ConnectionInit, 1).first().payload.toCompactJson(),
             R"({"token":"new"})"_ba);
    QStringList queries;
    for (const QGraphQLWsMessage &m : server.messagesOf(Type::Subscribe, 1))
        queries.append(m.payload.member("query").toString());
    queries.sort();
    QCOMPARE(queries, (QStringList { u"subscription { a }"_s, u"subscription { b }"_s }));
    QTRY_COMPARE(a->state(), QGraphQLOperation::Active);
    QTRY_COMPARE(b->state(), QGraphQLOperation::Active);
}

bool tst_WebSocketTransport::serverTls(QSslConfiguration *configuration)
{
    if (m_certificate.isNull() && !makeTestCertificate(m_dir, &m_certificate, &m_key))
        return false;
    *configuration = QSslConfiguration::defaultConfiguration();
    configuration->setLocalCertificate(m_certificate);
    configuration->setPrivateKey(m_key);
    configuration->setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}

// A server whose certificate the system does not trust is refused before anything is sent.
void tst_WebSocketTransport::tlsVerifiedByDefault()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
    QSslConfiguration tls;
    QVERIFY2(serverTls(&tls), "openssl is needed to make the test certificate");
    ScriptedServer server(Protocol::GraphQLTransportWs, &tls);
    QGraphQLWebSocketTransport transport(server.url());
    QVERIFY(transport.sslConfiguration().peerVerifyMode() != QSslSocket::VerifyNone);
    transport.setConnectionParams({ { u"token"_s, u"secret"_s } });
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(reply->state(), QGraphQLOperation::Failed);
    QCOMPARE(reply->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(reply->error().message().startsWith(u"The WebSocket connection failed"_s),
             qPrintable(reply->error().message()));
    QCOMPARE(reply->error().networkError(), QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(server.clients.size(), 0); // no handshake, no connection_init, no token
}

// The application's CA makes the same server trusted.
void tst_WebSocketTransport::tlsWithApplicationCa()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
    QSslConfiguration tls;
    QVERIFY2(serverTls(&tls), "openssl is needed to make the test certificate");
    ScriptedServer server(Protocol::GraphQLTransportWs, &tls);
    QGraphQLWebSocketTransport transport(server.url());
    QSslConfiguration client = transport.sslConfiguration();
    client.addCaCertificate(m_certificate);
    transport.setSslConfiguration(client);
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QVERIFY(server.waitForMessages(Type::Subscribe, 1));
    server.sendNext(u"1"_s, R"({"data":{"a":1}})");
    server.sendMessage(Type::Complete, u"1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(reply->state(), QGraphQLOperation::Finished);
    QCOMPARE(reply->lastResult().rawJson(), R"({"data":{"a":1}})"_ba);
}

QTEST_GUILESS_MAIN(tst_WebSocketTransport)
#include "tst_websockettransport.moc"
