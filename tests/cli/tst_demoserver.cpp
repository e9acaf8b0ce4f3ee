// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The demo server on the wire, with a raw socket: Apollo Router's exact multipart bytes,
// Accept negotiation, heartbeats, GraphQL errors for what it does not understand, cookies
// and keep-alive.

#include "demoserverfixture.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtNetwork/qtcpsocket.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 30000;

struct RawResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case
    QList<QByteArray> chunks; // for a chunked body, each chunk as sent
    QByteArray body; // the whole body
    bool complete = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

//! An HTTP/1.1 client that keeps the raw bytes: it sends a request and reads one response.
class RawClient
{
public:
    bool connectTo(const QUrl &url)
    {
        m_socket.connectToHost(url.host(), quint16(url.port()));
        return m_socket.waitForConnected(WaitMs);
    }

    RawResponse post(const QByteArray &body, const QByteArray &accept,
                     const QByteArray &contentType = "application/json",
                     const QByteArray &extraHeaders = {}, const QByteArray &path = "/graphql")
    {
        QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!contentType.isEmpty())
            request += "Content-Type: " + contentType + "\r\n";
        if (!accept.isNull())
            request += "Accept: " + accept + "\r\n";
        request += extraHeaders;
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return send(request);
    }

    RawResponse send(const QByteArray &request)
    {
        m_socket.write(request);
        m_socket.flush();
        return read();
    }

private:
    bool fill(qsizetype atLeast)
    {
        while (m_buffer.size() < atLeast) {
            if (!m_socket.waitForReadyRead(WaitMs))
                return false;
            m_buffer += m_socket.readAll();
        }
        return true;
    }

    bool fillUntil(const QByteArray &marker, qsizetype *at)
    {
        while ((*at = m_buffer.indexOf(marker)) < 0) {
            if (!m_socket.waitForReadyRead(WaitMs))
                return false;
            m_buffer += m_socket.readAll();
        }
        return true;
    }

    RawResponse read()
    {
        RawResponse response;
        qsizetype headEnd = -1;
        if (!fillUntil("\r\n\r\n", &headEnd))
            return response;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        response.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            response.headers.append({ lines.at(i).left(colon).trimmed().toLower(),
                                      lines.at(i).mid(colon + 1).trimmed() });
        }
        m_buffer.remove(0, headEnd + 4);
        if (response.header("transfer-encoding") == "chunked") {
            while (true) {
                qsizetype lineEnd = -1;
                if (!fillUntil("\r\n", &lineEnd))
                    return response;
                const qsizetype size = m_buffer.left(lineEnd).toLongLong(nullptr, 16);
                if (!fill(lineEnd + 2 + size + 2))
                    return response;
                const QByteArray chunk = m_buffer.mid(lineEnd + 2, size);
                m_buffer.remove(0, lineEnd + 2 + size + 2);
                if (size == 0)
                    break;
                response.chunks.append(chunk);
                response.body += chunk;
            }
        } else {
            const qsizetype length = response.header("content-length").toLongLong();
            if (!fill(length))
                return response;
            response.body = m_buffer.left(length);
            m_buffer.remove(0, length);
        }
        response.complete = true;
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray request(const QString &query, const QJsonObject &variables = {})
{
    QJsonObject body { { u"query"_s, query } };
    if (!variables.isEmpty())
        body.insert(u"variables"_s, variables);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

const QByteArray ApolloClientAccept = "multipart/mixed;boundary=graphql;subscriptionSpec=1.0,"
                                      "application/graphql-response+json,application/json;q=0.9";

} // namespace

class tst_DemoServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void routerBytes();
    void heartbeats();
    void acceptNegotiation_data();
    void acceptNegotiation();
    void requestErrors_data();
    void requestErrors();
    void fieldErrorKeepsData();
    void loginSetsSessionCookie();
    void keepAliveAndGet();
    void schemaPage();
    void sseSubscription();
    void introspection();

private:
    RawResponse post(const QByteArray &body, const QByteArray &accept = "application/json",
                     const QByteArray &contentType = "application/json",
                     const QByteArray &extraHeaders = {})
    {
        RawClient client;
        if (!client.connectTo(m_server.url))
            return {};
        return client.post(body, accept, contentType, extraHeaders);
    }

    DemoServerFixture m_server; // heartbeats off after the first: byte-exact streams
};

void tst_DemoServer::initTestCase()
{
    QVERIFY(m_server.start({ u"--heartbeat-interval"_s, u"0"_s }));
}

void tst_DemoServer::routerBytes()
{
    const RawResponse response
            = post(request(u"subscription { countdown(from: 1, intervalMs: 50) }"_s),
                   "multipart/mixed;subscriptionSpec=\"1.0\", application/json");
    QVERIFY(response.complete);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"),
             "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0"_ba);
    QCOMPARE(response.header("transfer-encoding"), "chunked"_ba);
    // Each chunk ends with the next delimiter, exactly as apollo-router's multipart.rs.
    const QList<QByteArray> expected {
        "\r\n--graphql\r\ncontent-type: application/json\r\n\r\n{}\r\n--graphql",
        "\r\ncontent-type: application/json\r\n\r\n{\"payload\":{\"data\":{\"countdown\":1}}}"
        "\r\n--graphql",
        "\r\ncontent-type: application/json\r\n\r\n{\"payload\":{\"data\":{\"countdown\":0}}}"
        "\r\n--graphql",
        "--\r\n",
    };
    QCOMPARE(response.chunks, expected);

    // A transport-level error ends the stream as the router does.
    const RawResponse failing
            = post(request(u"subscription { failing(after: 0) }"_s), ApolloClientAccept);
    QVERIFY(failing.complete);
    QCOMPARE(failing.chunks.size(), 3);
    QCOMPARE(failing.chunks.at(1),
             "\r\ncontent-type: "
             "application/json\r\n\r\n{\"payload\":null,\"errors\":[{\"extensions\":"
             "{\"code\":\"DEMO_STREAM_FAILED\"},\"message\":\"The failing subscription failed on "
             "purpose after 0 event(s)\"}]}\r\n--graphql"_ba);
    QCOMPARE(failing.chunks.at(2), "--\r\n"_ba);
}

void tst_DemoServer::heartbeats()
{
    DemoServerFixture server;
    QVERIFY(server.start({ u"--heartbeat-interval"_s, u"40"_s }));
    RawClient client;
    QVERIFY(client.connectTo(server.url));
    const RawResponse response = client.post(
            request(u"subscription { countdown(from: 1, intervalMs: 400) }"_s), ApolloClientAccept);
    QVERIFY(response.complete);
    const QByteArray heartbeat = "\r\ncontent-type: application/json\r\n\r\n{}\r\n--graphql";
    QVERIFY2(response.chunks.count(heartbeat) >= 3, response.body); // 1000 ms / 40 ms
    QVERIFY(response.body.contains("{\"payload\":{\"data\":{\"countdown\":0}}}"));
    QVERIFY(response.body.endsWith("\r\n--graphql--\r\n"));
}

void tst_DemoServer::acceptNegotiation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");

    const QString subscription = u"subscription { countdown(from: 0, intervalMs: 10) }"_s;
    const QByteArray multipart = "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0";
    QTest::addRow("router docs, quoted")
            << subscription << "multipart/mixed;subscriptionSpec=\"1.0\", application/json"_ba
            << 200 << multipart;
    QTest::addRow("unquoted") << subscription << "multipart/mixed;subscriptionSpec=1.0"_ba << 200
                              << multipart;
    QTest::addRow("Apollo Client 4") << subscription << ApolloClientAccept << 200 << multipart;
    QTest::addRow("spaces and boundary")
            << subscription
            << "application/json, multipart/mixed; boundary=\"graphql\"; subscriptionSpec=\"1.0\""_ba
            << 200 << multipart;
    QTest::addRow("subscription, JSON only")
            << subscription << "application/json"_ba << 406 << "application/json"_ba;
    QTest::addRow("subscription, no Accept")
            << subscription << QByteArray() << 406 << "application/json"_ba;
    QTest::addRow("multipart without spec")
            << subscription << "multipart/mixed"_ba << 406 << "application/json"_ba;
    QTest::addRow("other spec version") << subscription << "multipart/mixed;subscriptionSpec=2.0"_ba
                                        << 406 << "application/json"_ba;
    // GraphQL over SSE when text/event-stream ranks first (qgraphql --protocol sse sends the
    // second; --protocol auto the third, which stays multipart).
    QTest::addRow("SSE only") << subscription << "text/event-stream"_ba << 200
                              << "text/event-stream"_ba;
    QTest::addRow("SSE, then JSON") << subscription << "text/event-stream, application/json"_ba
                                    << 200 << "text/event-stream"_ba;
    QTest::addRow("multipart before SSE")
            << subscription
            << "multipart/mixed;subscriptionSpec=\"1.0\", text/event-stream, application/json"_ba
            << 200 << multipart;
    QTest::addRow("SSE with the higher q")
            << subscription << "multipart/mixed;subscriptionSpec=1.0;q=0.5, text/event-stream"_ba
            << 200 << "text/event-stream"_ba;
    QTest::addRow("SSE refused with q=0")
            << subscription << "text/event-stream;q=0, application/json"_ba << 406
            << "application/json"_ba;
    QTest::addRow("query, no Accept")
            << u"{ hello }"_s << QByteArray() << 200 << "application/json"_ba;
    QTest::addRow("query, */*") << u"{ hello }"_s << "*/*"_ba << 200 << "application/json"_ba;
    QTest::addRow("query, Apollo Client 4")
            << u"{ hello }"_s << ApolloClientAccept << 200 << "application/json"_ba;
    QTest::addRow("query, graphql-response+json only")
            << u"{ hello }"_s << "application/graphql-response+json"_ba << 200
            << "application/graphql-response+json"_ba;
    QTest::addRow("query, text/html")
            << u"{ hello }"_s << "text/html"_ba << 406 << "application/json"_ba;
}

void tst_DemoServer::acceptNegotiation()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, accept);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);

    const RawResponse response = post(request(query), accept);
    QVERIFY(response.complete);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("content-type"), contentType);
    if (status == 406) {
        const QJsonObject error = response.json()["errors"_L1][0].toObject();
        QCOMPARE(error["extensions"_L1]["code"_L1].toString(), u"INVALID_ACCEPT_HEADER"_s);
        QVERIFY(error["message"_L1].toString().contains("subscriptionSpec=1.0"_L1));
    }
}

void tst_DemoServer::requestErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const auto q = [](const QString &query) {
        return request(query);
    };
    QTest::addRow("syntax error") << q(u"{\n  hello("_s) << "application/json"_ba << 400
                                  << u"GRAPHQL_PARSE_FAILED"_s
                                  << u"Syntax Error: Expected Name, found <EOF>."_s;
    QTest::addRow("unknown field") << q(u"{ hello goodbye }"_s) << "application/json"_ba << 400
                                   << u"GRAPHQL_VALIDATION_FAILED"_s
                                   << u"Cannot query field \"goodbye\" on type \"Query\"."_s;
    QTest::addRow("unknown nested field") << q(u"{ me { email } }"_s) << "application/json"_ba
                                          << 400 << u"GRAPHQL_VALIDATION_FAILED"_s
                                          << u"Cannot query field \"email\" on type \"User\"."_s;
    QTest::addRow("missing subselection")
            << q(u"{ me }"_s) << "application/json"_ba << 400 << u"GRAPHQL_VALIDATION_FAILED"_s
            << u"must have a selection of subfields"_s;
    QTest::addRow("subselection on scalar")
            << q(u"{ hello { x } }"_s) << "application/json"_ba << 400
            << u"GRAPHQL_VALIDATION_FAILED"_s << u"must not have a selection"_s;
    QTest::addRow("missing required argument")
            << q(u"subscription { countdown }"_s) << "application/json"_ba << 400
            << u"GRAPHQL_VALIDATION_FAILED"_s
            << u"Field \"countdown\" argument \"from\" of type \"Int!\" is required"_s;
    QTest::addRow("unset variable for a required argument")
            << q(u"subscription ($n: Int) { countdown(from: $n) }"_s) << "application/json"_ba
            << 400 << u"GRAPHQL_VALIDATION_FAILED"_s << u"is required"_s;
    QTest::addRow("argument of the wrong type")
            << q(u"{ hello(name: 5) }"_s) << "application/json"_ba << 400
            << u"GRAPHQL_VALIDATION_FAILED"_s << u"String cannot represent a non string value"_s;
    QTest::addRow("unknown argument") << q(u"{ hello(nom: \"x\") }"_s) << "application/json"_ba
                                      << 400 << u"GRAPHQL_VALIDATION_FAILED"_s
                                      << u"Unknown argument \"nom\" on field \"Query.hello\"."_s;
    QTest::addRow("unknown fragment")
            << q(u"{ ...Nope }"_s) << "application/json"_ba << 400 << u"GRAPHQL_VALIDATION_FAILED"_s
            << u"Unknown fragment \"Nope\"."_s;
    QTest::addRow("two subscription fields")
            << q(u"subscription { clock messageAdded { id } }"_s) << "application/json"_ba << 400
            << u"GRAPHQL_VALIDATION_FAILED"_s
            << u"Anonymous Subscription must select only one top level field."_s;
    QTest::addRow("introspection outside the query type")
            << q(u"mutation { __schema { types { name } } }"_s) << "application/json"_ba << 400
            << u"GRAPHQL_VALIDATION_FAILED"_s
            << u"Cannot query field \"__schema\" on type \"Mutation\"."_s;
    QTest::addRow("__type without name")
            << q(u"{ __type { name } }"_s) << "application/json"_ba << 400
            << u"GRAPHQL_VALIDATION_FAILED"_s << u"argument \"name\" of type \"String!\""_s;
    QTest::addRow("operation name not found")
            << QByteArray(R"({"query":"query A { hello }","operationName":"B"})")
            << "application/json"_ba << 400 << u"GRAPHQL_VALIDATION_FAILED"_s
            << u"Unknown operation named \"B\""_s;
    QTest::addRow("no query") << QByteArray(R"({"variables":{}})") << "application/json"_ba << 400
                              << u"BAD_REQUEST"_s << u"Must provide query string."_s;
    QTest::addRow("body not JSON") << QByteArray("query=x") << "application/json"_ba << 400
                                   << u"BAD_REQUEST"_s << u"Invalid JSON"_s;
    QTest::addRow("variables not an object")
            << QByteArray(R"({"query":"{ hello }","variables":[1]})") << "application/json"_ba
            << 400 << u"BAD_REQUEST"_s << u"\"variables\" must be a JSON object"_s;
    QTest::addRow("wrong content type")
            << q(u"{ hello }"_s) << "text/plain"_ba << 415 << u"INVALID_CONTENT_TYPE_HEADER"_s
            << u"application/json"_s;
}

void tst_DemoServer::requestErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const RawResponse response = post(body, ApolloClientAccept, contentType);
    QVERIFY(response.complete);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("content-type"), "application/json"_ba);
    const QJsonObject object = response.json();
    QVERIFY2(!object.contains("data"_L1), response.body); // a request error: nothing ran
    const QJsonObject error = object["errors"_L1][0].toObject();
    QCOMPARE(error["extensions"_L1]["code"_L1].toString(), code);
    QVERIFY2(error["message"_L1].toString().contains(message), response.body);
    if (code == "GRAPHQL_PARSE_FAILED"_L1)
        QCOMPARE(error["locations"_L1][0].toObject(),
                 (QJsonObject { { u"line"_s, 2 }, { u"column"_s, 9 } }));
}

void tst_DemoServer::fieldErrorKeepsData()
{
    const RawResponse response = post(request(
            u"mutation { ok: logout bad: login(username: \"x\", password: \"no\") { id } }"_s));
    QCOMPARE(response.status, 200);
    const QJsonObject object = response.json();
    QCOMPARE(object["data"_L1].toObject(),
             (QJsonObject { { u"ok"_s, false }, { u"bad"_s, QJsonValue::Null } }));
    const QJsonObject error = object["errors"_L1][0].toObject();
    QCOMPARE(error["path"_L1].toArray(), QJsonArray { u"bad"_s });
    QCOMPARE(error["extensions"_L1]["code"_L1].toString(), u"UNAUTHENTICATED"_s);
}

void tst_DemoServer::loginSetsSessionCookie()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.url));
    const RawResponse login = client.post(
            request(u"mutation ($u: String!) { login(username: $u, password: \"secret\") { name } }"_s,
                    { { u"u"_s, u"grace"_s } }),
            "application/json");
    QCOMPARE(login.status, 200);
    const QByteArray setCookie = login.header("set-cookie");
    QVERIFY2(setCookie.startsWith("qgraphql_session="), setCookie);
    QVERIFY(setCookie.contains("HttpOnly"));
    const QByteArray cookie = setCookie.left(setCookie.indexOf(';'));

    // Same connection (keep-alive), with the cookie: logged in.
    const RawResponse me = client.post(request(u"{ me { name } }"_s), "application/json",
                                       "application/json", "Cookie: " + cookie + "\r\n");
    QCOMPARE(me.json()["data"_L1]["me"_L1]["name"_L1].toString(), u"grace"_s);
}

void tst_DemoServer::keepAliveAndGet()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.url));
    for (int i = 0; i < 3; ++i) {
        const RawResponse response = client.send(
                "GET /graphql?query=%7B%20hello(name%3A%20%22get%22)%20%7D HTTP/1.1\r\n"
                "Host: 127.0.0.1\r\n\r\n");
        QVERIFY(response.complete);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["data"_L1]["hello"_L1].toString(), u"Hello, get!"_s);
    }
    const RawResponse mutation = client.send(
            "GET /graphql?query=mutation%20%7B%20logout%20%7D HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(mutation.status, 405);
    // A streamed response, then another request on the same connection.
    const RawResponse stream = client.post(
            request(u"subscription { countdown(from: 0, intervalMs: 10) }"_s), ApolloClientAccept);
    QVERIFY(stream.complete);
    QVERIFY(stream.body.endsWith("--graphql--\r\n"));
    const RawResponse after = client.post(request(u"{ hello }"_s), "application/json");
    QCOMPARE(after.status, 200);
}

void tst_DemoServer::schemaPage()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.url));
    const RawResponse page = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("type Subscription {"));
    QVERIFY(page.body.contains("countdown(from: Int!, intervalMs: Int = 1000): Int!"));
    const RawResponse missing = client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(missing.status, 404);
}

// GraphQL over SSE, distinct connections mode: the exact bytes of a short stream.
void tst_DemoServer::sseSubscription()
{
    const RawResponse response = post(
            request(u"subscription { countdown(from: 1, intervalMs: 50) }"_s), "text/event-stream");
    QVERIFY(response.complete);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), "text/event-stream"_ba);
    QCOMPARE(response.body,
             ":\n\n"
             "event: next\ndata: {\"data\":{\"countdown\":1}}\n\n"
             "event: next\ndata: {\"data\":{\"countdown\":0}}\n\n"
             "event: complete\ndata:\n\n"_ba);
    // A stream that fails: its errors in a "next" event, then "complete".
    const RawResponse failing = post(
            request(u"subscription { failing(after: 0, intervalMs: 10) }"_s), "text/event-stream");
    QVERIFY(failing.complete);
    QVERIFY2(failing.body.contains("event: next\ndata: {\"errors\":[{"), failing.body);
    QVERIFY2(failing.body.endsWith("event: complete\ndata:\n\n"), failing.body);
}

void tst_DemoServer::introspection()
{
    const RawResponse response = post(request(
            u"{ __typename __schema { queryType { name } subscriptionType { name } types { name "
            "kind } directives { name } } message: __type(name: \"Message\") { __typename "
            "kind name fields { name type { kind ofType { kind name } } } } "
            "nope: __type(name: \"Nope\") { name } }"_s));
    QCOMPARE(response.status, 200);
    const QJsonObject data = response.json()["data"_L1].toObject();
    QCOMPARE(data["__typename"_L1].toString(), u"Query"_s);
    const QJsonObject schema = data["__schema"_L1].toObject();
    QCOMPARE(schema["queryType"_L1]["name"_L1].toString(), u"Query"_s);
    QCOMPARE(schema["subscriptionType"_L1]["name"_L1].toString(), u"Subscription"_s);
    QStringList types;
    for (const QJsonValue &type : schema["types"_L1].toArray())
        types.append(type["name"_L1].toString() + u':' + type["kind"_L1].toString());
    QCOMPARE(types,
             (QStringList { u"Query:OBJECT"_s, u"Mutation:OBJECT"_s, u"Subscription:OBJECT"_s,
                            u"User:OBJECT"_s, u"Message:OBJECT"_s, u"String:SCALAR"_s,
                            u"Int:SCALAR"_s, u"Boolean:SCALAR"_s, u"ID:SCALAR"_s }));
    QCOMPARE(schema["directives"_L1].toArray().size(), 4);
    const QJsonObject message = data["message"_L1].toObject();
    QCOMPARE(message["__typename"_L1].toString(), u"__Type"_s);
    QCOMPARE(message["kind"_L1].toString(), u"OBJECT"_s);
    QCOMPARE(message["fields"_L1][0].toObject(),
             (QJsonObject { { u"name"_s, u"id"_s },
                            { u"type"_s,
                              QJsonObject { { u"kind"_s, u"NON_NULL"_s },
                                            { u"ofType"_s,
                                              QJsonObject { { u"kind"_s, u"SCALAR"_s },
                                                            { u"name"_s, u"ID"_s } } } } } }));
    QVERIFY(data["nope"_L1].isNull());
}

QTEST_GUILESS_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
