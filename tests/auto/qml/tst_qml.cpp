// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QML tests of the QGraphQL module against an in-process scripted server. The server answers
// by the operation's first field; QML reads its state through the "testServer" object.

#include "testhttpserver.h"

#include <QGraphQL/qgraphqlhttptransport.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qmetaobject.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>
#include <QtQuickTest/quicktest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QByteArray part(const QByteArray &json)
{
    return "\r\ncontent-type: application/json\r\n\r\n" + json + "\r\n--graphql";
}

QByteArray payload(const QJsonObject &data)
{
    return R"({"payload":{"data":)" + QJsonDocument(data).toJson(QJsonDocument::Compact) + "}}";
}

TestHttpScript answer(const TestHttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString query = body.value("query"_L1).toString();
    const QJsonObject variables = body.value("variables"_L1).toObject();
    const QByteArray multipart = R"(multipart/mixed;boundary="graphql";subscriptionSpec="1.0")";

    if (query.contains("countdown"_L1)) {
        TestHttpScript script;
        script.head(200, multipart).chunk("\r\n--graphql" + part("{}"));
        for (int n = variables.value("from"_L1).toInt(3); n >= 0; --n)
            script.wait(30).chunk(part(payload({ { "countdown"_L1, n } })));
        return script.chunk("--\r\n").endChunks().close();
    }
    if (query.contains("ordered"_L1)) { // members not in alphabetical order, a big number
        return TestHttpScript()
                .head(200, multipart)
                .chunk("\r\n--graphql"
                       + part(R"({"payload":{"data":{"ordered":{"zeta":1,"alpha":2,"mid":3,)"
                              R"("big":12345678901234567890}},"errors":[{"message":"m",)"
                              R"("path":["ordered"],"extensions":{"code":"X"}}]}})")
                       + "--\r\n")
                .endChunks()
                .close();
    }
    if (query.contains("ticks"_L1)) { // never ends by itself
        TestHttpScript script;
        script.head(200, multipart).chunk("\r\n--graphql");
        for (int n = 1; n <= 600; ++n)
            script.wait(50).chunk(part(
                    payload({ { "ticks"_L1, n }, { "room"_L1, variables.value("room"_L1) } })));
        return script.stall();
    }
    if (query.contains("shapes"_L1)) {
        return TestHttpScript()
                .head(200, multipart)
                .chunk("\r\n--graphql"
                       + part(R"({"payload":{"data":{"shapes":{"i":7,"f":2.5,"nothing":null,"nested":[[1,2],[],[{"a":"b"}]],"ok":true}},"errors":[{"message":"partial","path":["shapes","x"]}]}})"))
                .chunk("--\r\n")
                .endChunks()
                .close();
    }
    if (query.contains("doomed"_L1)) {
        return TestHttpScript()
                .head(200, multipart)
                .chunk("\r\n--graphql" + part(payload({ { "doomed"_L1, 1 } }))
                       + part(R"({"payload":null,"errors":[{"message":"subscription ended by server"}]})"))
                .stall();
    }
    if (query.contains("whoami"_L1)) {
        const QJsonObject who { { "authorization"_L1,
                                  QString::fromLatin1(request.header("Authorization")) },
                                { "cookie"_L1, QString::fromLatin1(request.header("Cookie")) } };
        return TestHttpScript().respond(
                200, "application/json",
                QJsonDocument(QJsonObject { { "data"_L1, QJsonObject { { "whoami"_L1, who } } } })
                        .toJson(QJsonDocument::Compact));
    }
    if (query.contains("echo"_L1)) {
        return TestHttpScript().wait(30).respond(
                200, "application/json",
                QJsonDocument(
                        QJsonObject { { "data"_L1, QJsonObject { { "echo"_L1, variables } } } })
                        .toJson(QJsonDocument::Compact));
    }
    if (query.contains("flaky"_L1)) { // 503 once per connection key, then a short stream
        static int calls = 0;
        if (++calls % 2 == 1)
            return TestHttpScript().respond(503, "text/plain", "warming up");
        return TestHttpScript()
                .head(200, multipart)
                .chunk("\r\n--graphql" + part(payload({ { "flaky"_L1, calls } })) + "--\r\n")
                .endChunks()
                .close();
    }
    if (query.contains("messageAdded"_L1)) { // ResultListModel: {id, author, text} objects
        const int count = variables.value("count"_L1).toInt(5);
        const int ids = variables.value("ids"_L1).toInt(count);
        const int extraAt = variables.value("extraAt"_L1).toInt(0); // "edited" from there on
        TestHttpScript script;
        script.head(200, multipart).chunk("\r\n--graphql");
        for (int n = 1; n <= count; ++n) {
            QJsonObject message { { "id"_L1, u"m%1"_s.arg((n - 1) % ids + 1) },
                                  { "author"_L1, u"a%1"_s.arg(n) },
                                  { "text"_L1, u"t%1"_s.arg(n) } };
            if (extraAt > 0 && n >= extraAt)
                message.insert("edited"_L1, true);
            script.wait(20).chunk(part(payload({ { "messageAdded"_L1, message } })));
        }
        return script.chunk("--\r\n").endChunks().close();
    }
    if (query.contains("@stream"_L1)) { // graphql-js 16 @stream steps, 50 ms apart
        return TestHttpScript()
                .head(200, R"(multipart/mixed; boundary="-")")
                .chunk("\r\n---\r\nContent-Type: application/json\r\n\r\n"
                       R"({"data":{"feed":[{"id":1,"name":"a"}]},"hasNext":true})"
                       "\r\n---")
                .wait(50)
                .chunk("\r\nContent-Type: application/json\r\n\r\n"
                       R"({"incremental":[{"items":[{"id":2,"name":"b"},{"id":3,"name":"c"}],"path":["feed",1]}],"hasNext":true})"
                       "\r\n---")
                .wait(50)
                .chunk("\r\nContent-Type: application/json\r\n\r\n"
                       R"({"incremental":[{"items":[{"id":4,"name":"d"}],"path":["feed",3]}],"hasNext":false})"
                       "\r\n-----\r\n")
                .endChunks()
                .close();
    }
    if (query.contains("deferredOrder"_L1)) { // deferred members come after the initial ones
        return TestHttpScript()
                .head(200, R"(multipart/mixed; boundary="-")")
                .chunk("\r\n---\r\nContent-Type: application/json\r\n\r\n"
                       R"({"data":{"zeta":1,"deferredOrder":{"y":1}},"hasNext":true})"
                       "\r\n---\r\nContent-Type: application/json\r\n\r\n"
                       R"({"incremental":[{"data":{"b":2,"a":3},"path":["deferredOrder"]},)"
                       R"({"data":{"alpha":4},"path":[]}],"hasNext":false})"
                       "\r\n-----\r\n")
                .endChunks()
                .close();
    }
    if (query.contains("@defer"_L1)) { // graphql-yoga's bytes, the deferred part 300 ms later
        return TestHttpScript()
                .head(200, R"(multipart/mixed; boundary="-")")
                .chunk("\r\n---\r\nContent-Type: application/json\r\n\r\n"
                       R"({"data":{"hello":"world"},"hasNext":true})"
                       "\r\n---")
                .wait(300)
                .chunk("\r\nContent-Type: application/json\r\n\r\n"
                       R"({"incremental":[{"data":{"slow":"late"},"path":[]}],"hasNext":false})"
                       "\r\n-----\r\n")
                .endChunks()
                .close();
    }
    if (query.contains("sleepy"_L1)) { // after variables.delay ms, variables.status (200)
        const int status = variables.value("status"_L1).toInt(200);
        const QJsonObject body = status >= 400
                ? QJsonObject { { "errors"_L1,
                                  QJsonArray {
                                          QJsonObject { { "message"_L1, "not allowed"_L1 } } } } }
                : QJsonObject { { "data"_L1, QJsonObject { { "sleepy"_L1, variables } } } };
        return TestHttpScript()
                .wait(variables.value("delay"_L1).toInt(0))
                .respond(status, "application/json",
                         QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    if (query.contains("forbidden"_L1))
        return TestHttpScript().respond(401, "application/json",
                                        R"({"errors":[{"message":"log in first"}]})");
    if (query.contains("broken"_L1))
        return TestHttpScript().respond(500, "text/plain", "database on fire");
    return TestHttpScript().respond(200, "application/json",
                                    R"({"errors":[{"message":"Cannot query this field"}]})");
}

} // namespace

// A transport that is not an HttpTransport: it counts the operations it hands out and lets an
// HTTP transport carry them. Query, Mutation and Subscription must work with any
// QGraphQLTransport.
class CountingTransport : public QGraphQLTransport
{
    Q_OBJECT
    Q_PROPERTY(int operations READ operations NOTIFY operationsChanged)
public:
    int operations() const { return m_operations; }

    QGraphQLReply *execute(const QGraphQLRequest &request) override
    {
        count();
        return carrier().execute(request);
    }
    QGraphQLSubscription *subscribe(const QGraphQLRequest &request) override
    {
        count();
        return carrier().subscribe(request);
    }

Q_SIGNALS:
    void operationsChanged();

private:
    QGraphQLHttpTransport &carrier()
    {
        m_http.setUrl(url());
        m_http.setHeaders(headers());
        m_http.setTimeout(timeout());
        return m_http;
    }
    void count()
    {
        ++m_operations;
        Q_EMIT operationsChanged();
    }

    QGraphQLHttpTransport m_http;
    int m_operations = 0;
};

// What QML tests may ask the server (and the C++ side of a transport).
class TestServerProbe : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl url READ url CONSTANT)
    Q_PROPERTY(int disconnections READ disconnections NOTIFY clientDisconnected)
public:
    TestServerProbe() : m_server(&answer)
    {
        connect(&m_server, &TestHttpServer::clientDisconnected, this,
                &TestServerProbe::clientDisconnected);
    }
    QUrl url() const { return m_server.url(); }
    Q_INVOKABLE int requestCount() const { return int(m_server.requests.size()); }
    int disconnections() const { return m_server.disconnections(); }
    Q_INVOKABLE int openConnections() const { return m_server.openConnections(); }
    Q_INVOKABLE QString lastBody() const
    {
        return m_server.requests.isEmpty() ? QString()
                                           : QString::fromUtf8(m_server.requests.last().body);
    }
    //! The bodies of the requests received from number \a first on.
    Q_INVOKABLE QStringList bodiesSince(int first) const
    {
        QStringList bodies;
        for (qsizetype i = first; i < m_server.requests.size(); ++i)
            bodies.append(QString::fromUtf8(m_server.requests.at(i).body));
        return bodies;
    }
    //! A header of the last request.
    Q_INVOKABLE QString lastHeader(const QString &name) const
    {
        return m_server.requests.isEmpty()
                ? QString()
                : QString::fromLatin1(m_server.requests.last().header(name.toLatin1()));
    }
    //! The URL of a local port that nothing listens on: connections are refused.
    Q_INVOKABLE QUrl closedPortUrl() const
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        QUrl url(u"http://127.0.0.1/graphql"_s);
        url.setPort(probe.serverPort());
        return url; // closed when probe goes
    }
    //! QGraphQLTransportError::Kind as name: value, to compare with QML's TransportError.
    Q_INVOKABLE QVariantMap transportErrorKinds() const
    {
        const QMetaEnum kinds = QMetaEnum::fromType<QGraphQLTransportError::Kind>();
        QVariantMap map;
        for (int i = 0; i < kinds.keyCount(); ++i)
            map.insert(QString::fromLatin1(kinds.key(i)), kinds.value(i));
        return map;
    }
    //! Whether \a transport (an HttpTransport) sends through its QML engine's network access
    //! manager.
    Q_INVOKABLE bool usesEngineManager(QObject *transport) const
    {
        auto *http = qobject_cast<QGraphQLHttpTransport *>(transport);
        QQmlEngine *engine = qmlEngine(transport);
        return http && engine && http->networkAccessManager() == engine->networkAccessManager();
    }

Q_SIGNALS:
    void clientDisconnected();

private:
    TestHttpServer m_server;
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral(QGRAPHQL_QML_IMPORT_DIR));
        // Created here, not in the constructor: the application object must exist first.
        if (!m_probe)
            m_probe = std::make_unique<TestServerProbe>();
        engine->rootContext()->setContextProperty(u"testServer"_s, m_probe.get());
        // One per engine (each test file gets its own engine), owned by it.
        auto *counting = new CountingTransport;
        counting->setUrl(m_probe->url());
        counting->setParent(engine);
        engine->rootContext()->setContextProperty(u"countingTransport"_s, counting);
        // A plain QGraphQLHttpTransport made in C++, with its own network access manager.
        auto *cppTransport = new QGraphQLHttpTransport(m_probe->url(), engine);
        engine->rootContext()->setContextProperty(u"cppTransport"_s, cppTransport);
    }

private:
    std::unique_ptr<TestServerProbe> m_probe;
};

QUICK_TEST_MAIN_WITH_SETUP(qgraphql_qml, Setup)
#include "tst_qml.moc"
