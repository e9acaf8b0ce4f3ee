// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The demo server's graphql-transport-ws endpoint, driven by a raw QWebSocket: the handshake on
// the HTTP port and path, the ack, subscriptions to their end, queries and mutations, a
// complete from the client, ping/pong, error messages, and every close code it uses.

#include "demoserverfixture.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtNetwork/qnetworkrequest.h>
#include <QtNetwork/qtcpsocket.h>
#include <QtTest/qtest.h>
#include <QtWebSockets/qwebsocket.h>
#include <QtWebSockets/qwebsockethandshakeoptions.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 30000;
constexpr char Subprotocol[] = "graphql-transport-ws";

QJsonObject message(const QString &type, const QString &id = {},
                    const QJsonValue &payload = QJsonValue::Undefined)
{
    QJsonObject object { { u"type"_s, type } };
    if (!id.isEmpty())
        object.insert(u"id"_s, id);
    if (!payload.isUndefined())
        object.insert(u"payload"_s, payload);
    return object;
}

QJsonObject subscribe(const QString &id, const QString &query, const QJsonObject &variables = {})
{
    QJsonObject payload { { u"query"_s, query } };
    if (!variables.isEmpty())
        payload.insert(u"variables"_s, variables);
    return message(u"subscribe"_s, id, payload);
}

QJsonObject next(const QString &id, const QJsonObject &result)
{
    return message(u"next"_s, id, result);
}

QJsonObject data(const QString &field, const QJsonValue &value)
{
    return { { u"data"_s, QJsonObject { { field, value } } } };
}

//! A raw client: every message the server sent, in order, and how the socket closed.
class Client : public QObject
{
public:
    explicit Client(const QUrl &httpUrl, const QString &subprotocol = QLatin1String(Subprotocol),
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QUrl url = httpUrl;
        url.setScheme(u"ws"_s);
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({ subprotocol });
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            received.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        connect(&socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError error) { errors.append(error); });
        connect(&socket, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = int(socket.closeCode());
            closeReason = socket.closeReason();
        });
        socket.open(request, options);
    }

    ~Client() override
    {
        // Closed before it is destroyed: Qt 6.4's ~QWebSocket() on an open socket leaks the
        // reason of the close it sends.
        if (socket.state() == QAbstractSocket::ConnectedState) {
            socket.close();
            waitForClosed();
        }
    }

    bool waitForConnected()
    {
        return QTest::qWaitFor(
                       [this] {
                           return socket.state() == QAbstractSocket::ConnectedState || closed;
                       },
                       WaitMs)
                && !closed;
    }
    void send(const QJsonObject &object)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(object).toJson()));
    }
    bool waitForMessages(qsizetype count)
    {
        return QTest::qWaitFor([this, count] { return received.size() >= count || closed; }, WaitMs)
                && received.size() >= count;
    }
    bool waitForClosed()
    {
        return QTest::qWaitFor([this] { return closed; }, WaitMs);
    }
    //! Connects and gets the ack.
    bool initialise(const QJsonObject &payload = {})
    {
        if (!waitForConnected())
            return false;
        send(payload.isEmpty() ? message(u"connection_init"_s)
                               : message(u"connection_init"_s, {}, payload));
        const qsizetype before = received.size();
        return waitForMessages(before + 1) && received.at(before) == message(u"connection_ack"_s);
    }
    //! Every message with the id, in order.
    QList<QJsonObject> messagesOf(const QString &id) const
    {
        QList<QJsonObject> messages;
        for (const QJsonObject &object : received) {
            if (object.value("id"_L1).toString() == id)
                messages.append(object);
        }
        return messages;
    }
    //! Waits for the operation's complete or error message.
    bool waitForEnd(const QString &id)
    {
        return QTest::qWaitFor(
                       [this, id] {
                           const QList<QJsonObject> messages = messagesOf(id);
                           const QString type = messages.isEmpty()
                                   ? QString()
                                   : messages.last().value("type"_L1).toString();
                           return closed || type == "complete"_L1 || type == "error"_L1;
                       },
                       WaitMs)
                && !closed;
    }

    QWebSocket socket;
    QList<QJsonObject> received;
    QList<QAbstractSocket::SocketError> errors;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;
};

} // namespace

class tst_DemoServerWs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void handshake();
    void countdownToComplete();
    void queryAndMutation();
    void operationErrors();
    void completeFromClient();
    void pingPong();
    void handshakeHeaders();
    void closeCodes_data();
    void closeCodes();
    void connectionInitTimeout();
    void httpOnTheSamePort();

private:
    DemoServerFixture m_server;
};

void tst_DemoServerWs::initTestCase()
{
    // A long init timeout: only connectionInitTimeout() waits for it.
    QVERIFY(m_server.start({ u"--connection-init-timeout"_s, u"600000"_s }));
}

void tst_DemoServerWs::handshake()
{
    Client client(m_server.url);
    QVERIFY(client.waitForConnected());
    QCOMPARE(client.socket.subprotocol(), QLatin1String(Subprotocol));
    QCOMPARE(client.socket.requestUrl().path(), u"/graphql"_s);
    client.send(message(u"connection_init"_s, {}, QJsonObject { { u"token"_s, u"good"_s } }));
    QVERIFY(client.waitForMessages(1));
    QCOMPARE(client.received, QList { message(u"connection_ack"_s) });
}

void tst_DemoServerWs::countdownToComplete()
{
    Client client(m_server.url);
    QVERIFY(client.initialise());
    client.send(subscribe(u"c"_s, u"subscription { countdown(from: 2, intervalMs: 10) }"_s));
    QVERIFY(client.waitForEnd(u"c"_s));
    const QList<QJsonObject> expected {
        next(u"c"_s, data(u"countdown"_s, 2)),
        next(u"c"_s, data(u"countdown"_s, 1)),
        next(u"c"_s, data(u"countdown"_s, 0)),
        message(u"complete"_s, u"c"_s),
    };
    QCOMPARE(client.messagesOf(u"c"_s), expected);
    // The id can be used again once its operation ended.
    client.send(subscribe(u"c"_s, u"subscription { n: countdown(from: 0, intervalMs: 10) }"_s));
    QVERIFY(client.waitForMessages(expected.size() + 3));
    QCOMPARE(client.messagesOf(u"c"_s).mid(expected.size()),
             (QList { next(u"c"_s, data(u"n"_s, 0)), message(u"complete"_s, u"c"_s) }));
    QVERIFY(!client.closed);
}

void tst_DemoServerWs::queryAndMutation()
{
    Client client(m_server.url);
    QVERIFY(client.initialise());
    // Two operations at once on one socket: a subscription that waits for messages, and a
    // mutation that posts one.
    client.send(subscribe(u"feed"_s, u"subscription { messageAdded { text author } }"_s));
    client.send(subscribe(u"q"_s, u"query Q($n: String!) { hello(name: $n) }"_s,
                          { { u"n"_s, u"ws"_s } }));
    QVERIFY(client.waitForEnd(u"q"_s));
    QCOMPARE(client.messagesOf(u"q"_s),
             (QList { next(u"q"_s, data(u"hello"_s, u"Hello, ws!"_s)),
                      message(u"complete"_s, u"q"_s) }));

    client.send(subscribe(u"m"_s, u"mutation { postMessage(text: \"over ws\") { text } }"_s));
    QVERIFY(client.waitForEnd(u"m"_s));
    QCOMPARE(client.messagesOf(u"m"_s),
             (QList { next(u"m"_s,
                           data(u"postMessage"_s, QJsonObject { { u"text"_s, u"over ws"_s } })),
                      message(u"complete"_s, u"m"_s) }));
    QTRY_COMPARE_WITH_TIMEOUT(client.messagesOf(u"feed"_s).size(), 1, WaitMs);
    QCOMPARE(client.messagesOf(u"feed"_s).first(),
             next(u"feed"_s,
                  data(u"messageAdded"_s,
                       QJsonObject { { u"text"_s, u"over ws"_s },
                                     { u"author"_s, u"anonymous"_s } })));
    QVERIFY(!client.closed);
}

void tst_DemoServerWs::operationErrors()
{
    Client client(m_server.url);
    QVERIFY(client.initialise());

    // A document that does not validate: one error message, and the socket stays open.
    client.send(subscribe(u"v"_s, u"{ nope }"_s));
    QVERIFY(client.waitForEnd(u"v"_s));
    QList<QJsonObject> messages = client.messagesOf(u"v"_s);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().value("type"_L1), u"error"_s);
    QJsonArray errors = messages.first().value("payload"_L1).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first()["extensions"_L1]["code"_L1], u"GRAPHQL_VALIDATION_FAILED"_s);

    client.send(subscribe(u"p"_s, u"{ hello("_s));
    QVERIFY(client.waitForEnd(u"p"_s));
    messages = client.messagesOf(u"p"_s);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().value("type"_L1), u"error"_s);
    QCOMPARE(messages.first()["payload"_L1][0]["extensions"_L1]["code"_L1],
             u"GRAPHQL_PARSE_FAILED"_s);

    // A source stream that cannot start: one result with the error, then complete.
    client.send(subscribe(u"s"_s, u"subscription { countdown(from: -1) }"_s));
    QVERIFY(client.waitForEnd(u"s"_s));
    messages = client.messagesOf(u"s"_s);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.first().value("type"_L1), u"next"_s);
    QCOMPARE(messages.first()["payload"_L1]["errors"_L1][0]["extensions"_L1]["code"_L1],
             u"BAD_USER_INPUT"_s);
    QCOMPARE(messages.last(), message(u"complete"_s, u"s"_s));

    // A stream that fails after an event: its events, then an error message.
    client.send(subscribe(u"f"_s, u"subscription { failing(after: 1, intervalMs: 10) }"_s));
    QVERIFY(client.waitForEnd(u"f"_s));
    messages = client.messagesOf(u"f"_s);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.first(), next(u"f"_s, data(u"failing"_s, 1)));
    QCOMPARE(messages.last().value("type"_L1), u"error"_s);
    QCOMPARE(messages.last()["payload"_L1][0]["extensions"_L1]["code"_L1], u"DEMO_STREAM_FAILED"_s);
    QVERIFY(!client.closed);
}

void tst_DemoServerWs::completeFromClient()
{
    Client client(m_server.url);
    QVERIFY(client.initialise());
    client.send(subscribe(u"clock"_s, u"subscription { clock(intervalMs: 10) }"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!client.messagesOf(u"clock"_s).isEmpty(), WaitMs);
    client.send(message(u"complete"_s, u"clock"_s));
    // The server reads in order: once the pong is here, the complete was handled. A running
    // operation with that id would make the new subscribe close the socket with 4409.
    client.send(message(u"ping"_s));
    client.send(subscribe(u"clock"_s, u"subscription { countdown(from: 0, intervalMs: 10) }"_s));
    QTRY_VERIFY_WITH_TIMEOUT(client.received.contains(message(u"pong"_s)) || client.closed, WaitMs);
    QVERIFY(!client.closed);
    const qsizetype pongAt = client.received.indexOf(message(u"pong"_s));
    QVERIFY(client.waitForEnd(u"clock"_s));
    // After the pong: only the new subscription's result and complete, no more clock ticks.
    QCOMPARE(client.received.mid(pongAt + 1),
             (QList { next(u"clock"_s, data(u"countdown"_s, 0)),
                      message(u"complete"_s, u"clock"_s) }));
    // Stopping an operation that already ended is no error.
    client.send(message(u"complete"_s, u"clock"_s));
    client.send(message(u"ping"_s));
    QVERIFY(client.waitForMessages(pongAt + 4));
    QCOMPARE(client.received.last(), message(u"pong"_s));
    QVERIFY(!client.closed);
}

void tst_DemoServerWs::pingPong()
{
    Client client(m_server.url);
    QVERIFY(client.waitForConnected());
    // Ping is answered before connection_init too.
    client.send(message(u"ping"_s));
    QVERIFY(client.waitForMessages(1));
    QCOMPARE(client.received.last(), message(u"pong"_s));
    QVERIFY(client.initialise());
    const QJsonObject payload { { u"n"_s, 1 } };
    client.send(message(u"ping"_s, {}, payload));
    client.send(message(u"pong"_s)); // an unsolicited pong is allowed and not answered
    client.send(message(u"ping"_s));
    QVERIFY(client.waitForMessages(4));
    QCOMPARE(client.received.mid(2),
             (QList { message(u"pong"_s, {}, payload), message(u"pong"_s) }));
    QVERIFY(!client.closed);
}

void tst_DemoServerWs::handshakeHeaders()
{
    // Operations see the handshake's headers, as HTTP requests see theirs.
    Client client(m_server.url, QLatin1String(Subprotocol), { { "X-Demo", "from the handshake" } });
    QVERIFY(client.initialise());
    client.send(subscribe(u"h"_s, u"{ requestHeader(name: \"x-demo\") }"_s));
    QVERIFY(client.waitForEnd(u"h"_s));
    QCOMPARE(client.messagesOf(u"h"_s).first(),
             next(u"h"_s, data(u"requestHeader"_s, u"from the handshake"_s)));
}

void tst_DemoServerWs::closeCodes_data()
{
    QTest::addColumn<QString>("subprotocol");
    QTest::addColumn<QByteArrayList>("messages");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");

    const QByteArray init = R"({"type":"connection_init"})";
    const QByteArray clock
            = R"({"type":"subscribe","id":"1","payload":{"query":"subscription { clock }"}})";
    const QString protocol = QLatin1String(Subprotocol);
    QTest::newRow("forbidden")
            << protocol
            << QByteArrayList { R"({"type":"connection_init","payload":{"token":"bad"}})" } << 4403
            << u"Forbidden"_s;
    QTest::newRow("subscribe before ack")
            << protocol << QByteArrayList { clock } << 4401 << u"Unauthorized"_s;
    QTest::newRow("duplicate id") << protocol << QByteArrayList { init, clock, clock } << 4409
                                  << u"Subscriber for 1 already exists"_s;
    QTest::newRow("second init") << protocol << QByteArrayList { init, init } << 4429
                                 << u"Too many initialisation requests"_s;
    QTest::newRow("not json") << protocol << QByteArrayList { "{type" } << 4400
                              << u"Invalid message received"_s;
    QTest::newRow("no type") << protocol << QByteArrayList { R"({"id":"1"})" } << 4400
                             << u"Invalid message received"_s;
    QTest::newRow("unknown type") << protocol << QByteArrayList { init, R"({"type":"hello"})" }
                                  << 4400 << u"Unexpected message of type hello received"_s;
    QTest::newRow("server's type")
            << protocol << QByteArrayList { init, R"({"type":"next","id":"1","payload":{}})" }
            << 4400 << u"Unexpected message of type next received"_s;
    QTest::newRow("subscribe without id")
            << protocol
            << QByteArrayList { init, R"({"type":"subscribe","payload":{"query":"{ hello }"}})" }
            << 4400 << u"Invalid message received"_s;
    QTest::newRow("query not a string")
            << protocol
            << QByteArrayList { init, R"({"type":"subscribe","id":"1","payload":{"query":1}})" }
            << 4400 << u"Invalid message received"_s;
    QTest::newRow("init payload not an object")
            << protocol << QByteArrayList { R"({"type":"connection_init","payload":[]})" } << 4400
            << u"Invalid message received"_s;
    // Larger than the HTTP endpoint's body limit (4 MiB): Qt's 1009, whatever its reason.
    QTest::newRow("too large") << protocol
                               << QByteArrayList { init, QByteArray(4 * 1024 * 1024 + 1, ' ') }
                               << 1009 << QString();
    QTest::newRow("other subprotocol")
            << u"graphql-ws"_s << QByteArrayList {} << 4406 << u"Subprotocol not acceptable"_s;
}

void tst_DemoServerWs::closeCodes()
{
    QFETCH(QString, subprotocol);
    QFETCH(QByteArrayList, messages);
    QFETCH(int, code);
    QFETCH(QString, reason);

    Client client(m_server.url, subprotocol);
    QTRY_VERIFY_WITH_TIMEOUT(
            client.socket.state() == QAbstractSocket::ConnectedState || client.closed, WaitMs);
    for (const QByteArray &text : std::as_const(messages))
        client.socket.sendTextMessage(QString::fromUtf8(text));
    QVERIFY(client.waitForClosed());
    QCOMPARE(client.closeCode, code);
    if (!reason.isNull())
        QCOMPARE(client.closeReason, reason);
}

void tst_DemoServerWs::connectionInitTimeout()
{
    DemoServerFixture server;
    QVERIFY(server.start({ u"--connection-init-timeout"_s, u"50"_s }));
    Client client(server.url);
    QVERIFY(client.waitForClosed());
    QCOMPARE(client.closeCode, 4408);
    QCOMPARE(client.closeReason, u"Connection initialisation timeout"_s);
    QVERIFY(client.received.isEmpty());
}

void tst_DemoServerWs::httpOnTheSamePort()
{
    // An upgrade to another path is answered as HTTP (404), and the WebSocket does not open.
    QUrl other = m_server.url;
    other.setPath(u"/nope"_s);
    Client client(other);
    QTRY_VERIFY_WITH_TIMEOUT(!client.errors.isEmpty(), WaitMs);
    QVERIFY2(client.socket.errorString().contains("404"_L1),
             qPrintable(client.socket.errorString()));
    QVERIFY(client.received.isEmpty());
    // The schema page names the WebSocket endpoint.
    QTcpSocket socket;
    socket.connectToHost(m_server.url.host(), quint16(m_server.url.port()));
    QVERIFY(socket.waitForConnected(WaitMs));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server.url.port())
                 + "\r\nConnection: close\r\n\r\n");
    QByteArray page;
    while (socket.waitForReadyRead(WaitMs))
        page += socket.readAll();
    QVERIFY2(page.contains("graphql-transport-ws): ws://127.0.0.1:"
                           + QByteArray::number(m_server.url.port()) + "/graphql\n"),
             page.left(400).constData());
}

QTEST_MAIN(tst_DemoServerWs)
#include "tst_demoserverws.moc"
