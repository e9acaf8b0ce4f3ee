// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Queries and mutations, headers, cookies, redirects and the transport's settings, against a
// scripted in-process HTTP server.

#include <QGraphQL/qgraphqlhttptransport.h>

#include "testhttpserver.h"
#include "testprobe.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkcookiejar.h>
#include <QtNetwork/qnetworkdiskcache.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qurlquery.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

TestHttpScript json(const QByteArray &body, int status = 200,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    return TestHttpScript().respond(status, "application/graphql-response+json; charset=utf-8",
                                    body, headers);
}

QJsonObject bodyOf(const TestHttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

// The URL parameters of a GET, decoded as a server does ('+' is a space in a query string).
QUrlQuery paramsOf(const TestHttpRequest &request)
{
    const QUrl url = QUrl::fromEncoded("http://x" + request.path);
    QString query = url.query(QUrl::FullyEncoded);
    return QUrlQuery(query.replace(u'+', u"%20"_s));
}

QJsonObject persistedQuery(const QString &query)
{
    return QJsonObject {
        { "version"_L1, 1 },
        { "sha256Hash"_L1, QString::fromLatin1(QGraphQLHttpTransport::persistedQueryHash(query)) }
    };
}

constexpr char NotFound[]
        = R"({"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]})";

} // namespace

class tst_QGraphQLHttpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void queryIsJsonPost();
    void resultCarriesDataErrorsExtensions();
    void graphqlErrorsAreNotAFailure();
    void httpErrorWithGraphQLBody();
    void httpErrorWithTextBody();
    void httpErrorWithoutReasonPhrase();
    void httpReasonPhrase();
    void bodyThatIsNotAGraphQLResponse_data();
    void bodyThatIsNotAGraphQLResponse();
    void unexpectedContentType();
    void connectionRefused();
    void invalidUrl();
    void queryTimeoutCoversWholeRequest();
    void cancelReply();
    void deleteReplyWhileRunning();
    void headersTransportAndRequest();
    void staticCookies();
    void loginCookieIsSentWithLaterSubscription();
    void sharedCookieJarBothDirections();
    void lastResponseHeaders();
    void redirectSameOriginKeepsCredentials();
    void redirectToOtherOriginDropsCredentials();
    void settingsAreSnapshottedPerOperation();
    void bodyLargerThanLimit();

    void persistedQueryHash();
    void persistedQueryHitSendsOnlyTheHash();
    void persistedQueryNotFoundResendsOnceWithQuery();
    void persistedQueryNotFoundTwiceIsTheResult();
    void persistedQueryNotFoundInHttpError();
    void persistedQueryNotSupportedTurnsItOff();
    void persistedQueriesNotForSubscriptions();
    void getForQueries();
    void getWithPersistedQueryCarriesOnlyTheHash();
    void getFallsBackToPostWhenTooLong();
    void mutationIsNeverGet();
    void getIsServedFromDiskCache();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QGraphQLHttpTransport> m_transport;
};

void tst_QGraphQLHttpTransport::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_transport = std::make_unique<QGraphQLHttpTransport>(m_server->url());
}

void tst_QGraphQLHttpTransport::cleanup()
{
    m_transport.reset();
    m_server.reset();
}

void tst_QGraphQLHttpTransport::queryIsJsonPost()
{
    m_server->setHandler(
            [](const TestHttpRequest &) { return json(R"({"data":{"hello":"world"}})"); });
    QGraphQLRequest request(u"query Hello($who: String) { hello(who: $who) }"_s,
                            { { "who"_L1, u"you"_s } }, u"Hello"_s);
    Probe run(m_transport->execute(request));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.errors.size(), 0);
    const TestHttpRequest &sent = m_server->requests.first();
    QCOMPARE(sent.method, "POST");
    QCOMPARE(sent.header("Content-Type"), "application/json");
    QCOMPARE(sent.header("Accept"), "application/graphql-response+json, application/json");
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(body,
             (QJsonObject { { "query"_L1, request.query() },
                            { "variables"_L1, QJsonObject { { "who"_L1, u"you"_s } } },
                            { "operationName"_L1, u"Hello"_s } }));
    QCOMPARE(qobject_cast<QGraphQLReply *>(run.operation.get())
                     ->result()
                     .data()["hello"_L1]
                     .toString(),
             u"world"_s);
}

void tst_QGraphQLHttpTransport::resultCarriesDataErrorsExtensions()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return json(R"({"data":{"a":[1,null,{"b":2.5}]},"extensions":{"trace":"x"}})");
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    const QGraphQLResult result = run.lastResult();
    QCOMPARE(result.data()["a"_L1].toArray(),
             (QJsonArray { 1, QJsonValue::Null, QJsonObject { { "b"_L1, 2.5 } } }));
    QCOMPARE(result.extensions().value("trace"_L1).toString(), u"x"_s);
    QVERIFY(!result.hasErrors());
    QCOMPARE(result.toJson(),
             QJsonDocument::fromJson(
                     R"({"data":{"a":[1,null,{"b":2.5}]},"extensions":{"trace":"x"}})")
                     .object());
}

void tst_QGraphQLHttpTransport::graphqlErrorsAreNotAFailure()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return json(
                R"({"data":null,"errors":[{"message":"denied","path":["me"],"extensions":{"code":"FORBIDDEN"}}]})");
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ me }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(run.errors.size(), 0);
    QCOMPARE(run.error().kind(), QGraphQLTransportError::NoError);
    QVERIFY(run.lastResult().data().isNull());
    QCOMPARE(run.lastResult().errors().first().extensions().value("code"_L1).toString(),
             u"FORBIDDEN"_s);
}

void tst_QGraphQLHttpTransport::httpErrorWithGraphQLBody()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return json(R"({"errors":[{"message":"Syntax Error: Unexpected Name \"quer\"."}]})", 400);
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"quer { x }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(run.errors.size(), 1);
    QCOMPARE(run.results.size(), 0);
    QCOMPARE(run.error().kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(run.error().httpStatusCode(), 400);
    QVERIFY2(run.error().message().startsWith("HTTP 400 Bad Request"_L1),
             qPrintable(run.error().message()));
    QVERIFY2(run.error().message().contains("Syntax Error"_L1), qPrintable(run.error().message()));
    QCOMPARE(run.error().result().errors().size(), 1);
    QCOMPARE(run.operation->httpStatusCode(), 400);
}

void tst_QGraphQLHttpTransport::httpErrorWithTextBody()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(503, "text/plain", "upstream unavailable");
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(run.error().httpStatusCode(), 503);
    QCOMPARE(run.error().message(), u"HTTP 503 Service Unavailable: upstream unavailable"_s);
    QVERIFY(!run.error().result().isValid());
}

void tst_QGraphQLHttpTransport::httpErrorWithoutReasonPhrase()
{
    // RFC 9112 lets the reason phrase be empty; the message names the status all the same.
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .raw("HTTP/1.1 404 \r\nContent-Type: text/plain\r\nContent-Length: 7\r\n"
                     "Connection: close\r\n\r\nmissing")
                .close();
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(run.error().httpStatusCode(), 404);
    QCOMPARE(run.error().message(), u"HTTP 404 Not Found: missing"_s);
}

void tst_QGraphQLHttpTransport::httpReasonPhrase()
{
    QCOMPARE(QGraphQLTransportError::httpReasonPhrase(200), u"OK"_s);
    QCOMPARE(QGraphQLTransportError::httpReasonPhrase(404), u"Not Found"_s);
    QCOMPARE(QGraphQLTransportError::httpReasonPhrase(504), u"Gateway Timeout"_s);
    QCOMPARE(QGraphQLTransportError::httpReasonPhrase(299), QString());
    QCOMPARE(QGraphQLTransportError::httpReasonPhrase(0), QString());
}

void tst_QGraphQLHttpTransport::bodyThatIsNotAGraphQLResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("array") << QByteArray("[1]") << u"Expected a JSON object"_s;
    QTest::addRow("no data nor errors")
            << QByteArray(R"({"foo":1})") << u"neither \"data\" nor \"errors\""_s;
    QTest::addRow("broken") << QByteArray(R"({"data":)") << u"Invalid JSON at byte"_s;
    QTest::addRow("empty") << QByteArray() << u"Invalid JSON"_s;
}

void tst_QGraphQLHttpTransport::bodyThatIsNotAGraphQLResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    m_server->setHandler([&](const TestHttpRequest &) { return json(body); });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(run.error().message().contains(expected), qPrintable(run.error().message()));
    QCOMPARE(run.results.size(), 0);
}

void tst_QGraphQLHttpTransport::unexpectedContentType()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "text/html", "<h1>login</h1>");
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(run.error().message().contains("\"text/html\""_L1), qPrintable(run.error().message()));
}

void tst_QGraphQLHttpTransport::connectionRefused()
{
    const QUrl url = m_server->url();
    m_server.reset(); // nothing listens on the port any more
    QGraphQLHttpTransport transport(url);
    Probe run(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::NetworkError);
    QCOMPARE(run.error().networkError(), QNetworkReply::ConnectionRefusedError);
    QVERIFY2(run.error().message().contains("refused"_L1, Qt::CaseInsensitive),
             qPrintable(run.error().message()));
}

void tst_QGraphQLHttpTransport::invalidUrl()
{
    QGraphQLHttpTransport transport;
    Probe run(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QCOMPARE(run.finished.size(), 0); // reported from the event loop, after connect() calls
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(run.error().message().contains("Invalid endpoint URL"_L1),
             qPrintable(run.error().message()));
}

void tst_QGraphQLHttpTransport::queryTimeoutCoversWholeRequest()
{
    // Headers arrive at once, the body never completes: the whole request times out.
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().head(200, "application/json").chunk(R"({"data":)").stall();
    });
    m_transport->setTimeout(300);
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::Timeout);
    QCOMPARE(run.error().message(), u"The request did not complete within 300 ms"_s);
    QTRY_COMPARE(m_server->disconnections(), 1);
}

void tst_QGraphQLHttpTransport::cancelReply()
{
    m_server->setHandler([](const TestHttpRequest &) { return TestHttpScript().stall(); });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QTRY_COMPARE(m_server->requests.size(), 1);
    qobject_cast<QGraphQLReply *>(run.operation.get())->abort();
    QCOMPARE(run.finished.size(), 1);
    QCOMPARE(run.errors.size(), 0);
    QCOMPARE(run.error().kind(), QGraphQLTransportError::Cancelled);
    QTRY_COMPARE(m_server->disconnections(), 1);
}

void tst_QGraphQLHttpTransport::deleteReplyWhileRunning()
{
    m_server->setHandler([](const TestHttpRequest &) { return TestHttpScript().stall(); });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QTRY_COMPARE(m_server->requests.size(), 1);
    run.operation.reset();
    QTRY_COMPARE(m_server->disconnections(), 1);
    QCOMPARE(run.finished.size(), 0);
}

void tst_QGraphQLHttpTransport::headersTransportAndRequest()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{}})"); });
    m_transport->setHeader("Authorization", "Bearer transport");
    m_transport->setHeader("X-Client", "qgraphql");
    QGraphQLRequest request(u"{ a }"_s);
    request.setHeader("authorization", "Bearer request"); // overrides, whatever the case
    request.setHeader("X-Trace", "42");
    Probe run(m_transport->execute(request));
    QVERIFY(run.waitFinished());
    const TestHttpRequest &sent = m_server->requests.first();
    QCOMPARE(sent.header("Authorization"), "Bearer request");
    QCOMPARE(sent.header("X-Client"), "qgraphql");
    QCOMPARE(sent.header("X-Trace"), "42");
    int authorizations = 0;
    for (const auto &header : sent.headers)
        authorizations += header.first.compare("authorization", Qt::CaseInsensitive) == 0;
    QCOMPARE(authorizations, 1);
}

void tst_QGraphQLHttpTransport::staticCookies()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{}})"); });
    m_transport->addCookie("session", "abc");
    m_transport->addCookie("theme", "dark");
    m_transport->addCookie("session", "xyz"); // replaces
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(m_server->requests.first().header("Cookie"), "theme=dark; session=xyz");
}

void tst_QGraphQLHttpTransport::loginCookieIsSentWithLaterSubscription()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        if (request.body.contains("login"))
            return json(R"({"data":{"login":true}})", 200,
                        { { "Set-Cookie", "sid=s3cr3t; Path=/; HttpOnly" } });
        return TestHttpScript().respond(200, "application/json", R"({"data":{"n":1}})");
    });
    m_transport->addCookie("static", "1");
    Probe login(m_transport->execute(QGraphQLRequest(u"mutation { login }"_s)));
    QVERIFY(login.waitFinished());
    QCOMPARE(m_server->requests.at(0).header("Cookie"), "static=1");
    Probe subscription(m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s)));
    QVERIFY(subscription.waitFinished());
    QCOMPARE(m_server->requests.at(1).header("Cookie"), "static=1; sid=s3cr3t");
}

void tst_QGraphQLHttpTransport::sharedCookieJarBothDirections()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        if (request.path.startsWith("/app-login"))
            return TestHttpScript().respond(200, "text/plain", "ok",
                                            { { "Set-Cookie", "app=1; Path=/" } });
        if (request.body.contains("login"))
            return json(R"({"data":{"login":true}})", 200, { { "Set-Cookie", "sid=42; Path=/" } });
        return TestHttpScript().respond(200, "text/plain", "ok");
    });
    QNetworkAccessManager appManager;
    m_transport->setNetworkAccessManager(&appManager);
    QCOMPARE(m_transport->networkAccessManager(), &appManager);
    QCOMPARE(m_transport->cookieJar(), appManager.cookieJar());

    // The transport's login sets a cookie the application's own requests then send...
    Probe login(m_transport->execute(QGraphQLRequest(u"mutation { login }"_s)));
    QVERIFY(login.waitFinished());
    std::unique_ptr<QNetworkReply> get(
            appManager.get(QNetworkRequest(m_server->url(u"/profile"_s))));
    QTRY_VERIFY(get->isFinished());
    QCOMPARE(m_server->requests.at(1).header("Cookie"), "sid=42");

    // ...and a cookie set by the application's request goes out with the transport's next one.
    std::unique_ptr<QNetworkReply> appLogin(
            appManager.get(QNetworkRequest(m_server->url(u"/app-login"_s))));
    QTRY_VERIFY(appLogin->isFinished());
    Probe query(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(query.waitFinished());
    const QByteArray cookies = m_server->requests.at(3).header("Cookie");
    QVERIFY2(cookies.contains("sid=42") && cookies.contains("app=1"), cookies.constData());
}

void tst_QGraphQLHttpTransport::lastResponseHeaders()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return json(R"({"data":{}})", 200, { { "X-RateLimit-Remaining", "41" } });
    });
    QCOMPARE(m_transport->lastResponseStatusCode(), 0);
    Probe run(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(m_transport->lastResponseStatusCode(), 200);
    bool found = false;
    for (const auto &[name, value] : m_transport->lastResponseHeaders())
        found |= name.compare("x-ratelimit-remaining", Qt::CaseInsensitive) == 0 && value == "41";
    QVERIFY(found);
    QCOMPARE(run.operation->responseHeaders(), m_transport->lastResponseHeaders());
}

void tst_QGraphQLHttpTransport::redirectSameOriginKeepsCredentials()
{
    m_server->setHandler([this](const TestHttpRequest &request) {
        if (request.path == "/old")
            return TestHttpScript().respond(307, "text/plain", "moved",
                                            { { "Location", "/graphql" } });
        return json(R"({"data":{"ok":true}})");
    });
    m_transport->setUrl(m_server->url(u"/old"_s));
    m_transport->setHeader("Authorization", "Bearer t");
    m_transport->addCookie("sid", "1");
    Probe run(m_transport->execute(QGraphQLRequest(u"{ ok }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests.at(1).method, "POST");
    QCOMPARE(m_server->requests.at(1).body, m_server->requests.at(0).body);
    QCOMPARE(m_server->requests.at(1).header("Authorization"), "Bearer t");
    QCOMPARE(m_server->requests.at(1).header("Cookie"), "sid=1");
}

void tst_QGraphQLHttpTransport::redirectToOtherOriginDropsCredentials()
{
    TestHttpServer other([](const TestHttpRequest &) { return json(R"({"data":{"ok":true}})"); },
                         QHostAddress(u"127.0.0.2"_s));
    if (!other.isListening())
        QSKIP("127.0.0.2 is not available on this machine");
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript().respond(308, "text/plain", "moved",
                                        { { "Location", other.url().toEncoded() } });
    });
    m_transport->setHeader("Authorization", "Bearer secret");
    m_transport->setHeader("X-Client", "qgraphql");
    m_transport->addCookie("sid", "secret");
    Probe run(m_transport->execute(QGraphQLRequest(u"{ ok }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(other.requests.size(), 1);
    const TestHttpRequest &redirected = other.requests.first();
    QVERIFY(!redirected.hasHeader("Authorization"));
    QVERIFY(!redirected.hasHeader("Cookie"));
    QCOMPARE(redirected.header("X-Client"), "qgraphql");
    QCOMPARE(redirected.method, "POST");
}

void tst_QGraphQLHttpTransport::settingsAreSnapshottedPerOperation()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().wait(200).respond(200, "application/json", R"({"data":{}})");
    });
    m_transport->setHeader("X-Version", "1");
    Probe first(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    m_transport->setHeader("X-Version", "2");
    Probe second(m_transport->execute(QGraphQLRequest(u"{ a }"_s)));
    QVERIFY(first.waitFinished());
    QVERIFY(second.waitFinished());
    QStringList versions;
    for (const TestHttpRequest &request : m_server->requests)
        versions.append(QString::fromLatin1(request.header("X-Version")));
    versions.sort();
    QCOMPARE(versions, (QStringList { u"1"_s, u"2"_s }));
}

void tst_QGraphQLHttpTransport::bodyLargerThanLimit()
{
    m_transport->setMaxPartSize(1024);
    m_server->setHandler([](const TestHttpRequest &) {
        return json(R"({"data":{"s":")" + QByteArray(4096, 'x') + "\"}}");
    });
    Probe run(m_transport->execute(QGraphQLRequest(u"{ s }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(run.error().message().contains("1024 bytes"_L1), qPrintable(run.error().message()));
}

QTEST_GUILESS_MAIN(tst_QGraphQLHttpTransport)
#include "tst_qgraphqlhttptransport.moc"

void tst_QGraphQLHttpTransport::persistedQueryHash()
{
    // printf '{ hello }' | sha256sum
    QCOMPARE(QGraphQLHttpTransport::persistedQueryHash(u"{ hello }"_s),
             "001c3174e099bd72b729d0c0a529ba9f5a740c446e2a6e1d71b283cb84ec3065");
    QCOMPARE(QGraphQLHttpTransport::persistedQueryHash(u"{ é }"_s),
             QCryptographicHash::hash("{ \xc3\xa9 }", QCryptographicHash::Sha256).toHex());
}

void tst_QGraphQLHttpTransport::persistedQueryHitSendsOnlyTheHash()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{"hello":1}})"); });
    QSignalSpy changed(m_transport.get(), &QGraphQLHttpTransport::persistedQueriesChanged);
    m_transport->setPersistedQueries(true);
    QCOMPARE(changed.size(), 1);
    const QString query = u"query Hello($n: Int) { hello(n: $n) }"_s;
    QGraphQLRequest request(query, { { "n"_L1, 1 } }, u"Hello"_s);
    request.setExtensions({ { "trace"_L1, true } });
    Probe run(m_transport->execute(request));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(m_server->requests.size(), 1);
    const TestHttpRequest &sent = m_server->requests.first();
    QCOMPARE(sent.method, "POST");
    QCOMPARE(bodyOf(sent),
             (QJsonObject { { "variables"_L1, QJsonObject { { "n"_L1, 1 } } },
                            { "operationName"_L1, u"Hello"_s },
                            { "extensions"_L1,
                              QJsonObject { { "trace"_L1, true },
                                            { "persistedQuery"_L1, persistedQuery(query) } } } }));
}

void tst_QGraphQLHttpTransport::persistedQueryNotFoundResendsOnceWithQuery()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        return bodyOf(request).contains("query"_L1) ? json(R"({"data":{"hello":2}})")
                                                    : json(NotFound);
    });
    m_transport->setPersistedQueries(true);
    const QString query = u"{ hello }"_s;
    Probe run(m_transport->execute(QGraphQLRequest(query)));
    QSignalSpy states(run.operation.get(), &QGraphQLOperation::stateChanged);
    QVERIFY(run.waitFinished());
    // The miss is invisible: one result, the operation active once.
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.lastResult().data()["hello"_L1].toInt(), 2);
    QCOMPARE(run.errors.size(), 0);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<QGraphQLOperation::State>(), QGraphQLOperation::Active);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(bodyOf(m_server->requests.at(0)),
             (QJsonObject { { "extensions"_L1,
                              QJsonObject { { "persistedQuery"_L1, persistedQuery(query) } } } }));
    QCOMPARE(bodyOf(m_server->requests.at(1)),
             (QJsonObject { { "query"_L1, query },
                            { "extensions"_L1,
                              QJsonObject { { "persistedQuery"_L1, persistedQuery(query) } } } }));
    QVERIFY(m_transport->persistedQueries());
}

void tst_QGraphQLHttpTransport::persistedQueryNotFoundTwiceIsTheResult()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(NotFound); });
    m_transport->setPersistedQueries(true);
    Probe run(m_transport->execute(QGraphQLRequest(u"{ hello }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.lastResult().errors().first().message(), u"PersistedQueryNotFound"_s);
}

void tst_QGraphQLHttpTransport::persistedQueryNotFoundInHttpError()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        return bodyOf(request).contains("query"_L1) ? json(R"({"data":{"hello":3}})")
                                                    : json(NotFound, 400);
    });
    m_transport->setPersistedQueries(true);
    Probe run(m_transport->execute(QGraphQLRequest(u"{ hello }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(run.lastResult().data()["hello"_L1].toInt(), 3);
    QCOMPARE(qobject_cast<QGraphQLReply *>(run.operation.get())->httpStatusCode(), 200);
    QCOMPARE(m_server->requests.size(), 2);
}

void tst_QGraphQLHttpTransport::persistedQueryNotSupportedTurnsItOff()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        if (bodyOf(request).contains("extensions"_L1))
            return json(
                    R"({"errors":[{"message":"no APQ here","extensions":{"code":"PERSISTED_QUERY_NOT_SUPPORTED"}}]})");
        return json(R"({"data":{"hello":4}})");
    });
    m_transport->setPersistedQueries(true);
    QSignalSpy changed(m_transport.get(), &QGraphQLHttpTransport::persistedQueriesChanged);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"does not support persisted queries"_s));
    Probe run(m_transport->execute(QGraphQLRequest(u"{ hello }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.lastResult().data()["hello"_L1].toInt(), 4);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!m_transport->persistedQueries());
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(bodyOf(m_server->requests.at(1)), (QJsonObject { { "query"_L1, u"{ hello }"_s } }));

    Probe next(m_transport->execute(QGraphQLRequest(u"{ hello }"_s)));
    QVERIFY(next.waitFinished());
    QCOMPARE(m_server->requests.size(), 3);
    QCOMPARE(bodyOf(m_server->requests.at(2)), (QJsonObject { { "query"_L1, u"{ hello }"_s } }));
}

void tst_QGraphQLHttpTransport::persistedQueriesNotForSubscriptions()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{"tick":1}})"); });
    m_transport->setPersistedQueries(true);
    Probe run(m_transport->subscribe(QGraphQLRequest(u"subscription { tick }"_s)));
    QVERIFY(run.waitFinished());
    QCOMPARE(bodyOf(m_server->requests.first()),
             (QJsonObject { { "query"_L1, u"subscription { tick }"_s } }));
}

void tst_QGraphQLHttpTransport::getForQueries()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{"hello":5}})"); });
    QSignalSpy changed(m_transport.get(), &QGraphQLHttpTransport::useGetForQueriesChanged);
    m_transport->setUseGetForQueries(true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_transport->maxGetUrlLength(), 2048);
    QUrl endpoint = m_server->url();
    endpoint.setQuery(u"tenant=a"_s);
    m_transport->setUrl(endpoint);
    // '+', '&', '=' and '#' in values must survive the URL.
    const QString query = u"query Q($s: String) { echo(s: $s) } # a+b&c=d"_s;
    const QJsonObject variables { { "s"_L1, u"1 + 1 & 2 = é#"_s } };
    QGraphQLRequest request(query, variables, u"Q"_s);
    request.setExtensions({ { "x"_L1, 1 } });
    Probe run(m_transport->execute(request));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.lastResult().data()["hello"_L1].toInt(), 5);
    const TestHttpRequest &sent = m_server->requests.first();
    QCOMPARE(sent.method, "GET");
    QVERIFY(sent.body.isEmpty());
    QVERIFY(!sent.hasHeader("Content-Type"));
    QCOMPARE(sent.header("Apollo-Require-Preflight"), "true");
    QCOMPARE(sent.header("Accept"), "application/graphql-response+json, application/json");
    QVERIFY(sent.path.startsWith("/graphql?tenant=a&query="));
    const QUrlQuery params = paramsOf(sent);
    QCOMPARE(params.queryItemValue(u"tenant"_s), u"a"_s);
    QCOMPARE(params.queryItemValue(u"query"_s, QUrl::FullyDecoded), query);
    QCOMPARE(QJsonDocument::fromJson(
                     params.queryItemValue(u"variables"_s, QUrl::FullyDecoded).toUtf8())
                     .object(),
             variables);
    QCOMPARE(params.queryItemValue(u"operationName"_s), u"Q"_s);
    QCOMPARE(QJsonDocument::fromJson(
                     params.queryItemValue(u"extensions"_s, QUrl::FullyDecoded).toUtf8())
                     .object(),
             (QJsonObject { { "x"_L1, 1 } }));
}

void tst_QGraphQLHttpTransport::getWithPersistedQueryCarriesOnlyTheHash()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        return paramsOf(request).hasQueryItem(u"query"_s) ? json(R"({"data":{"hello":6}})")
                                                          : json(NotFound);
    });
    m_transport->setUseGetForQueries(true);
    m_transport->setPersistedQueries(true);
    const QString query = u"{ hello }"_s;
    Probe run(m_transport->execute(QGraphQLRequest(query)));
    QVERIFY(run.waitFinished());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.lastResult().data()["hello"_L1].toInt(), 6);
    QCOMPARE(m_server->requests.size(), 2);
    for (const TestHttpRequest &sent : std::as_const(m_server->requests)) {
        QCOMPARE(sent.method, "GET");
        QCOMPARE(
                QJsonDocument::fromJson(
                        paramsOf(sent).queryItemValue(u"extensions"_s, QUrl::FullyDecoded).toUtf8())
                        .object(),
                (QJsonObject { { "persistedQuery"_L1, persistedQuery(query) } }));
    }
    QCOMPARE(paramsOf(m_server->requests.at(0)).queryItems().size(), 1);
    QCOMPARE(paramsOf(m_server->requests.at(1)).queryItemValue(u"query"_s, QUrl::FullyDecoded),
             query);
}

void tst_QGraphQLHttpTransport::getFallsBackToPostWhenTooLong()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{"a":1}})"); });
    m_transport->setUseGetForQueries(true);
    const QString shortQuery = u"{ a }"_s;
    const QUrl shortUrl = QUrl(m_server->url().toString() + u"?query=%7B%20a%20%7D"_s);
    QSignalSpy changed(m_transport.get(), &QGraphQLHttpTransport::maxGetUrlLengthChanged);
    m_transport->setMaxGetUrlLength(int(shortUrl.toEncoded().size()));
    QCOMPARE(changed.size(), 1);
    Probe fits(m_transport->execute(QGraphQLRequest(shortQuery)));
    QVERIFY(fits.waitFinished());
    QCOMPARE(m_server->requests.at(0).method, "GET");
    m_transport->setMaxGetUrlLength(int(shortUrl.toEncoded().size()) - 1);
    Probe tooLong(m_transport->execute(QGraphQLRequest(shortQuery)));
    QVERIFY(tooLong.waitFinished());
    QCOMPARE(tooLong.results.size(), 1);
    QCOMPARE(m_server->requests.at(1).method, "POST");
    QCOMPARE(m_server->requests.at(1).header("Content-Type"), "application/json");
    QVERIFY(!m_server->requests.at(1).hasHeader("Apollo-Require-Preflight"));
    QCOMPARE(bodyOf(m_server->requests.at(1)), (QJsonObject { { "query"_L1, shortQuery } }));
}

void tst_QGraphQLHttpTransport::mutationIsNeverGet()
{
    m_server->setHandler([](const TestHttpRequest &) { return json(R"({"data":{"a":1}})"); });
    m_transport->setUseGetForQueries(true);
    Probe mutation(m_transport->execute(QGraphQLRequest(u"mutation { a }"_s)));
    QVERIFY(mutation.waitFinished());
    // The operation named decides, not the first one of the document.
    const QString document = u"query Q { a } mutation M { a }"_s;
    Probe named(m_transport->execute(QGraphQLRequest(document, {}, u"M"_s)));
    QVERIFY(named.waitFinished());
    Probe query(m_transport->execute(QGraphQLRequest(document, {}, u"Q"_s)));
    QVERIFY(query.waitFinished());
    Probe subscription(m_transport->subscribe(QGraphQLRequest(u"subscription { a }"_s)));
    QVERIFY(subscription.waitFinished());
    QCOMPARE(m_server->requests.size(), 4);
    QCOMPARE(m_server->requests.at(0).method, "POST");
    QCOMPARE(m_server->requests.at(1).method, "POST");
    QCOMPARE(m_server->requests.at(2).method, "GET");
    QCOMPARE(m_server->requests.at(3).method, "POST");
}

void tst_QGraphQLHttpTransport::getIsServedFromDiskCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QNetworkAccessManager manager;
    auto *cache = new QNetworkDiskCache(&manager);
    cache->setCacheDirectory(dir.path());
    manager.setCache(cache);
    m_transport->setNetworkAccessManager(&manager);
    m_transport->setUseGetForQueries(true);
    m_transport->setPersistedQueries(true);
    // The server knows the hash: it answers the hash-only GET, cacheable.
    m_server->setHandler([](const TestHttpRequest &request) {
        if (paramsOf(request).hasQueryItem(u"query"_s))
            return json(R"({"data":{"n":0}})");
        return json(R"({"data":{"n":7}})", 200, { { "Cache-Control", "public, max-age=600" } });
    });
    const QGraphQLRequest request(u"{ n }"_s);
    Probe first(m_transport->execute(request));
    QVERIFY(first.waitFinished());
    QCOMPARE(first.lastResult().data()["n"_L1].toInt(), 7);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(paramsOf(m_server->requests.first()).queryItems().size(), 1);

    // The same query again: the disk cache answers, nothing reaches the server.
    Probe second(m_transport->execute(request));
    QVERIFY(second.waitFinished());
    QCOMPARE(second.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(second.lastResult().data()["n"_L1].toInt(), 7);
    QCOMPARE(m_server->requests.size(), 1);
    m_transport->setNetworkAccessManager(nullptr);
}
