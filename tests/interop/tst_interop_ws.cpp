// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLWebSocketTransport against the WebSocket servers of tests/interop/ws, all from npm and
// all serving ws/schema.mjs: graphql-ws 6 on ws 8, Apollo Server 5 with graphql-ws and
// graphql-yoga 5 with graphql-ws (graphql-transport-ws), and subscriptions-transport-ws 0.11
// (the legacy graphql-ws protocol). For each: a subscription's results in order and its end, a
// query, a subscription whose source stream fails, a validation error, connection params
// reaching the resolvers, several operations on one socket, and the refusal of a connection in
// onConnect; for yoga also @defer/@stream over the socket. ws/smoke.mjs (interop_ws_servers)
// checks the same servers with clients from npm. They need `npm ci` in ws/; without it the test
// fails and says so.

#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlsubscription.h>
#include <QGraphQL/qgraphqlwebsockettransport.h>

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtimer.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 90000; // node start-up on a loaded 2-core CI machine
constexpr int OperationTimeoutMs = 60000;

// ws/schema.mjs: what Subscription.fail's source stream throws after its first event.
constexpr auto FailMessage = "the source stream broke"_L1;

struct ServerInfo
{
    QString name;
    QString script; // in tests/interop/ws
    QGraphQLWebSocketTransport::Protocol protocol;
};

const QList<ServerInfo> &serverInfos()
{
    static const QList<ServerInfo> infos {
        { u"graphql-ws"_s, u"graphql-ws.mjs"_s, QGraphQLWebSocketTransport::GraphQLTransportWs },
        { u"apollo-server"_s, u"apollo-server.mjs"_s,
          QGraphQLWebSocketTransport::GraphQLTransportWs },
        { u"yoga"_s, u"yoga.mjs"_s, QGraphQLWebSocketTransport::GraphQLTransportWs },
        { u"legacy"_s, u"legacy.mjs"_s, QGraphQLWebSocketTransport::GraphQLWs },
    };
    return infos;
}

// What `npm ci` in ws/ installs, for a clear message when it did not run.
const QStringList requiredModules { u"graphql-ws"_s, u"ws"_s, u"@apollo/server"_s,
                                    u"graphql-yoga"_s, u"subscriptions-transport-ws"_s };

//! What one operation delivered.
struct Run
{
    bool finished = false;
    QGraphQLOperation::State state = QGraphQLOperation::Connecting;
    QGraphQLTransportError error;
    QList<QGraphQLResult> results;

    QList<QByteArray> rawResults() const
    {
        QList<QByteArray> out;
        for (const QGraphQLResult &result : results)
            out.append(result.rawJson());
        return out;
    }

    QByteArray describe() const
    {
        QByteArray text = "state " + QByteArray::number(state) + ", error "
                + QByteArray::number(error.kind()) + " \"" + error.message().toUtf8() + "\", "
                + QByteArray::number(results.size()) + " result(s):";
        for (const QGraphQLResult &result : results)
            text += "\n  " + result.rawJson();
        return text;
    }
};

//! Records an operation's results from its start, so that several can run at once.
class Watch
{
public:
    explicit Watch(QGraphQLOperation *operation) : m_operation(operation)
    {
        QObject::connect(operation, &QGraphQLOperation::resultReceived, operation,
                         [this](const QGraphQLResult &result) { m_run.results.append(result); });
    }

    //! Waits until the operation finished (or OperationTimeoutMs passed); what it delivered.
    Run wait()
    {
        if (!m_operation->isFinished()) {
            QEventLoop loop;
            QObject::connect(m_operation.get(), &QGraphQLOperation::finished, &loop,
                             &QEventLoop::quit);
            QTimer::singleShot(OperationTimeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        m_run.finished = m_operation->isFinished();
        m_run.state = m_operation->state();
        m_run.error = m_operation->error();
        if (!m_run.finished)
            m_operation->cancel();
        return m_run;
    }

private:
    Q_DISABLE_COPY_MOVE(Watch) // the result slot holds this
    std::unique_ptr<QGraphQLOperation> m_operation;
    Run m_run;
};

Run waitFor(QGraphQLOperation *operation)
{
    return Watch(operation).wait();
}

QByteArray countdownResult(int value)
{
    return R"({"data":{"countdown":)" + QByteArray::number(value) + "}}";
}

} // namespace

class tst_InteropWs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void subscription_data() { addServers(); }
    void subscription();
    void query_data() { addServers(); }
    void query();
    void subscriptionError_data() { addServers(); }
    void subscriptionError();
    void validationError_data() { addServers(); }
    void validationError();
    void connectionParams_data() { addServers(); }
    void connectionParams();
    void severalOperationsOneSocket_data() { addServers(); }
    void severalOperationsOneSocket();
    void rejectedInOnConnect_data() { addServers(); }
    void rejectedInOnConnect();
    void yogaIncremental_data();
    void yogaIncremental();

private:
    static void addServers();
    //! A transport to the current row's server, in its protocol, with connectionParams.
    std::unique_ptr<QGraphQLWebSocketTransport> transport(const QJsonObject &params
                                                          = { { u"token"_s, u"secret"_s } });

    QHash<QString, QUrl> m_urls;
    std::vector<std::unique_ptr<QProcess>> m_servers;
};

void tst_InteropWs::addServers()
{
    QTest::addColumn<QString>("server");
    for (const ServerInfo &info : serverInfos())
        QTest::newRow(qPrintable(info.name)) << info.name;
}

std::unique_ptr<QGraphQLWebSocketTransport> tst_InteropWs::transport(const QJsonObject &params)
{
    const QString server = QString::fromUtf8(QTest::currentDataTag());
    const auto info = std::find_if(serverInfos().cbegin(), serverInfos().cend(),
                                   [&](const ServerInfo &i) { return i.name == server; });
    Q_ASSERT(info != serverInfos().cend());
    auto t = std::make_unique<QGraphQLWebSocketTransport>(m_urls.value(server));
    t->setProtocol(info->protocol);
    t->setConnectionParams(params);
    return t;
}

void tst_InteropWs::initTestCase()
{
    const QString node = QStringLiteral(QGRAPHQL_NODE_EXECUTABLE);
    QVERIFY2(!node.isEmpty(),
             "node (Node.js 20+) was not found when cmake configured this build; install it and "
             "re-run cmake");
    const QDir dir(QStringLiteral(QGRAPHQL_INTEROP_DIR "/ws"));
    for (const QString &module : requiredModules) {
        QVERIFY2(QFileInfo::exists(dir.filePath(u"node_modules/"_s + module)),
                 qPrintable(u"node_modules is missing: run \"npm ci --prefix %1\" (or "
                            "scripts/test.sh, which does it)"_s.arg(dir.path())));
    }

    // Started together, read one by one: node's start-up overlaps.
    for (const ServerInfo &info : serverInfos()) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(node);
        process->setArguments({ info.script });
        process->setWorkingDirectory(dir.path());
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start();
        m_servers.push_back(std::move(process));
    }
    for (qsizetype i = 0; i < serverInfos().size(); ++i) {
        const ServerInfo &info = serverInfos().at(i);
        QProcess *process = m_servers.at(i).get();
        QVERIFY2(process->waitForStarted(StartTimeoutMs),
                 qPrintable(u"%1: cannot start %2: %3"_s.arg(info.name, node,
                                                             process->errorString())));
        QElapsedTimer clock;
        clock.start();
        while (!process->canReadLine() && process->state() == QProcess::Running
               && clock.elapsed() < StartTimeoutMs)
            process->waitForReadyRead(1000);
        const QByteArray line = process->readLine().trimmed();
        const QUrl url(QString::fromUtf8(line));
        QVERIFY2(url.isValid() && url.scheme() == "ws"_L1,
                 qPrintable(u"%1 server did not print its URL within %2 s (state %3); its "
                            "stderr:\n%4"_s.arg(info.name)
                                    .arg(StartTimeoutMs / 1000)
                                    .arg(process->state())
                                    .arg(QString::fromUtf8(process->readAllStandardError()))));
        qInfo("%s server at %s", qPrintable(info.name), line.constData());
        m_urls.insert(info.name, url);
    }
}

void tst_InteropWs::cleanupTestCase()
{
    for (const auto &process : m_servers) {
        process->closeWriteChannel(); // the servers exit when stdin closes
        if (!process->waitForFinished(10000)) {
            process->kill();
            process->waitForFinished(10000);
        }
        const QByteArray stderrText = process->readAllStandardError();
        if (!stderrText.isEmpty())
            qInfo("server stderr: %s", stderrText.constData());
    }
    m_servers.clear();
}

// Every event in order, then the server's complete finishes the subscription.
void tst_InteropWs::subscription()
{
    const auto t = transport();
    const Run run = waitFor(t->subscribe(QGraphQLRequest(
            u"subscription Count($from: Int!) { countdown(from: $from, intervalMs: 5) }"_s,
            QJsonObject { { u"from"_s, 3 } }, u"Count"_s)));
    QVERIFY2(run.finished && run.state == QGraphQLOperation::Finished, run.describe());
    QVERIFY2(!run.error.isError(), run.describe());
    const QList<QByteArray> expected { countdownResult(3), countdownResult(2), countdownResult(1),
                                       countdownResult(0) };
    QCOMPARE(run.rawResults(), expected);
}

void tst_InteropWs::query()
{
    const auto t = transport();
    const Run run
            = waitFor(t->execute(QGraphQLRequest(u"query Q($n: String) { hello(name: $n) }"_s,
                                                 QJsonObject { { u"n"_s, u"ws"_s } }, u"Q"_s)));
    QVERIFY2(run.finished && run.state == QGraphQLOperation::Finished, run.describe());
    QCOMPARE(run.rawResults(), QList<QByteArray> { R"({"data":{"hello":"Hello, ws!"}})"_ba });
}

// The source stream throws after one event: every server sends the event, then an error
// message for the operation, which fails it with the server's message and errors.
void tst_InteropWs::subscriptionError()
{
    const auto t = transport();
    const Run run = waitFor(t->subscribe(QGraphQLRequest(u"subscription { fail }"_s)));
    QVERIFY2(run.finished && run.state == QGraphQLOperation::Failed, run.describe());
    QCOMPARE(run.rawResults(), QList<QByteArray> { R"({"data":{"fail":1}})"_ba });
    QCOMPARE(run.error.kind(), QGraphQLTransportError::ServerError);
    QCOMPARE(run.error.message(), u"The server failed the operation: "_s + FailMessage);
    const QList<QGraphQLError> errors = run.error.result().errors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().message(), FailMessage);
}

// graphql-transport-ws servers answer an invalid document with an error message, which fails
// the operation; subscriptions-transport-ws sends the errors as data, then complete.
void tst_InteropWs::validationError()
{
    QFETCH(QString, server);
    const auto t = transport();
    const Run run = waitFor(t->execute(QGraphQLRequest(u"{ nope }"_s)));
    QVERIFY2(run.finished, run.describe());
    const auto expected = u"Cannot query field \"nope\" on type \"Query\"."_s;
    if (server == "legacy"_L1) {
        QVERIFY2(run.state == QGraphQLOperation::Finished, run.describe());
        QCOMPARE(run.results.size(), 1);
        const QList<QGraphQLError> errors = run.results.constFirst().errors();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().message(), expected);
    } else {
        QVERIFY2(run.state == QGraphQLOperation::Failed, run.describe());
        QVERIFY2(run.results.isEmpty(), run.describe());
        QCOMPARE(run.error.kind(), QGraphQLTransportError::ServerError);
        QCOMPARE(run.error.message(), u"The server failed the operation: "_s + expected);
        const QList<QGraphQLError> errors = run.error.result().errors();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().message(), expected);
    }
}

// connection_init's payload reaches the server's context: echoParams returns it as JSON.
void tst_InteropWs::connectionParams()
{
    const QJsonObject params {
        { u"token"_s, u"secret"_s },
        { u"nested"_s, QJsonObject { { u"n"_s, 1 }, { u"text"_s, u"\u00e9\u20ac \"quoted\""_s } } },
        { u"list"_s, QJsonArray { 1, u"two"_s, true, QJsonValue::Null } },
    };
    const auto t = transport(params);
    const Run run = waitFor(t->execute(QGraphQLRequest(u"{ echoParams }"_s)));
    QVERIFY2(run.finished && run.state == QGraphQLOperation::Finished, run.describe());
    QCOMPARE(run.results.size(), 1);
    const QString echoed = run.results.constFirst().value("echoParams").toString();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(echoed.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(echoed));
    QCOMPARE(document.object(), params);
}

// A subscription, a query and a second subscription share the transport's one socket; each
// gets its own results.
void tst_InteropWs::severalOperationsOneSocket()
{
    const auto t = transport();
    Watch a(t->subscribe(
            QGraphQLRequest(u"subscription { countdown(from: 2, intervalMs: 10) }"_s)));
    Watch b(t->subscribe(QGraphQLRequest(u"subscription { countdown(from: 4, intervalMs: 2) }"_s)));
    Watch c(t->execute(QGraphQLRequest(u"{ hello }"_s)));
    const Run runC = c.wait();
    const Run runA = a.wait();
    const Run runB = b.wait();
    QVERIFY2(runA.state == QGraphQLOperation::Finished, runA.describe());
    QVERIFY2(runB.state == QGraphQLOperation::Finished, runB.describe());
    QVERIFY2(runC.state == QGraphQLOperation::Finished, runC.describe());
    QCOMPARE(runA.rawResults(),
             (QList<QByteArray> { countdownResult(2), countdownResult(1), countdownResult(0) }));
    QCOMPARE(runB.rawResults(),
             (QList<QByteArray> { countdownResult(4), countdownResult(3), countdownResult(2),
                                  countdownResult(1), countdownResult(0) }));
    QCOMPARE(runC.rawResults(), QList<QByteArray> { R"({"data":{"hello":"Hello, world!"}})"_ba });
}

// onConnect refuses {"token": "bad"}: graphql-ws closes with 4403 Forbidden, and the failure
// names the code and the reason; subscriptions-transport-ws answers connection_error.
void tst_InteropWs::rejectedInOnConnect()
{
    QFETCH(QString, server);
    const auto t = transport({ { u"token"_s, u"bad"_s } });
    const Run subscription
            = waitFor(t->subscribe(QGraphQLRequest(u"subscription { countdown(from: 1) }"_s)));
    QVERIFY2(subscription.finished && subscription.state == QGraphQLOperation::Failed,
             subscription.describe());
    QVERIFY2(subscription.results.isEmpty(), subscription.describe());
    QCOMPARE(subscription.error.kind(), QGraphQLTransportError::ServerError);
    if (server == "legacy"_L1) {
        QCOMPARE(subscription.error.message(),
                 u"The server refused the connection: Prohibited connection!"_s);
    } else {
        QCOMPARE(subscription.error.message(),
                 u"The server closed the WebSocket connection with code 4403 (forbidden): "
                 "Forbidden"_s);
    }

    // A query on a new socket is refused the same way; the params were not cached as good.
    const Run query = waitFor(t->execute(QGraphQLRequest(u"{ hello }"_s)));
    QVERIFY2(query.finished && query.state == QGraphQLOperation::Failed, query.describe());
    QCOMPARE(query.error.message(), subscription.error.message());
}

void tst_InteropWs::yogaIncremental_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("defer") << u"{ hello ... @defer { slowHello } }"_s
                           << R"({"hello":"Hello, world!","slowHello":"Hello, later!"})"_ba;
    QTest::newRow("stream") << u"{ numbers(count: 3) @stream(initialCount: 1) }"_s
                            << R"({"numbers":[1,2,3]})"_ba;
}

// graphql-yoga with its defer-stream plugin sends one next message per step over the socket
// (graphql-js 16 style: incremental[] with path): merged as over HTTP, hasNext until the last.
void tst_InteropWs::yogaIncremental()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, data);
    auto t = std::make_unique<QGraphQLWebSocketTransport>(m_urls.value(u"yoga"_s));
    const Run run = waitFor(t->execute(QGraphQLRequest(query)));
    QVERIFY2(run.finished && run.state == QGraphQLOperation::Finished, run.describe());
    QVERIFY2(run.results.size() > 1, run.describe());
    for (qsizetype i = 0; i < run.results.size(); ++i)
        QVERIFY2(run.results.at(i).hasNext() == (i + 1 < run.results.size()), run.describe());
    QCOMPARE(run.results.constLast().rawValue(""), data);
}

QTEST_GUILESS_MAIN(tst_InteropWs)
#include "tst_interop_ws.moc"
