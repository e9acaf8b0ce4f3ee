// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLWebSocketTransport against a server nobody here wrote: graphql-ws 6 on ws 8
// (ws/library-schema-server.mjs, pinned by ws/package-lock.json), over graphql-transport-ws.

#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlsubscription.h>
#include <QGraphQL/qgraphqlwebsockettransport.h>

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporaryfile.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int StartTimeoutMs = 60 * 1000;
constexpr int WaitMs = 30 * 1000;
} // namespace

class tst_InteropWebSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void subscription();
    void queryAndMutation();
    void severalOperationsOneSocket();
    void validationError();
    void rejectedInOnConnect();
    void serviceRestart();
    void cancel();
    void keepAlive();
    void cliSubscription();
    void cliQueryWithParamsFile();
    void cliRejected();
    void cliOperationError();
    void cliUsage_data();
    void cliUsage();

private:
    struct CliRun
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static CliRun runCli(const QStringList &arguments);

    std::unique_ptr<QGraphQLWebSocketTransport> transport() const;

    QProcess m_server;
    QUrl m_url;
};

void tst_InteropWebSocket::initTestCase()
{
    const QString node = QStringLiteral(QGRAPHQL_NODE_EXECUTABLE);
    QVERIFY2(!node.isEmpty(),
             "node (Node.js 20+) was not found when cmake configured this build; install it and "
             "re-run cmake");
    const QDir dir(QStringLiteral(QGRAPHQL_INTEROP_DIR "/ws"));
    QVERIFY2(QFileInfo::exists(dir.filePath(u"node_modules/graphql-ws"_s)),
             qPrintable(u"node_modules is missing: run \"npm ci --prefix %1\" (or "
                        "scripts/test.sh, which does it)"_s.arg(dir.path())));
    m_server.setProgram(node);
    m_server.setArguments({ u"library-schema-server.mjs"_s });
    m_server.setWorkingDirectory(dir.path());
    m_server.setProcessChannelMode(QProcess::SeparateChannels);
    m_server.start();
    QVERIFY2(m_server.waitForStarted(StartTimeoutMs), qPrintable(m_server.errorString()));
    QElapsedTimer clock;
    clock.start();
    while (!m_server.canReadLine() && m_server.state() == QProcess::Running
           && clock.elapsed() < StartTimeoutMs)
        m_server.waitForReadyRead(1000);
    const QByteArray line = m_server.readLine().trimmed();
    m_url = QUrl(QString::fromUtf8(line));
    QVERIFY2(m_url.isValid() && m_url.scheme() == "ws"_L1,
             qPrintable(u"graphql-ws server did not print its URL; its stderr:\n"_s
                        + QString::fromUtf8(m_server.readAllStandardError())));
}

void tst_InteropWebSocket::cleanupTestCase()
{
    m_server.closeWriteChannel(); // the server exits when stdin closes
    if (!m_server.waitForFinished(10000))
        m_server.kill();
}

std::unique_ptr<QGraphQLWebSocketTransport> tst_InteropWebSocket::transport() const
{
    auto t = std::make_unique<QGraphQLWebSocketTransport>(m_url);
    t->setConnectionParams({ { u"token"_s, u"secret"_s } });
    return t;
}

void tst_InteropWebSocket::subscription()
{
    const auto t = transport();
    std::unique_ptr<QGraphQLSubscription> sub(t->subscribe(
            QGraphQLRequest(u"subscription { countdown(from: 3, intervalMs: 10) }"_s)));
    QSignalSpy results(sub.get(), &QGraphQLOperation::resultReceived);
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->state(), QGraphQLOperation::Finished);
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).at(0).value<QGraphQLResult>().rawJson(),
             R"({"data":{"countdown":3}})"_ba);
    QCOMPARE(sub->lastResult().rawJson(), R"({"data":{"countdown":0}})"_ba);
}

void tst_InteropWebSocket::queryAndMutation()
{
    const auto t = transport();
    std::unique_ptr<QGraphQLReply> query(
            t->execute(QGraphQLRequest(u"query Q($n: String) { hello(name: $n) }"_s,
                                       QJsonObject { { u"n"_s, u"ws"_s } }, u"Q"_s)));
    QSignalSpy queryFinished(query.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(queryFinished.size(), 1, WaitMs);
    QCOMPARE(query->state(), QGraphQLOperation::Finished);
    QCOMPARE(query->lastResult().rawJson(), R"({"data":{"hello":"Hello, ws!"}})"_ba);

    std::unique_ptr<QGraphQLReply> mutation(t->execute(QGraphQLRequest(
            u"mutation { addReview(bookId: \"1\", stars: 5, text: \"over ws\") { stars text } }"_s)));
    QSignalSpy mutationFinished(mutation.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(mutationFinished.size(), 1, WaitMs);
    QCOMPARE(mutation->lastResult().rawJson(),
             R"({"data":{"addReview":{"stars":5,"text":"over ws"}}})"_ba);
}

void tst_InteropWebSocket::severalOperationsOneSocket()
{
    const auto t = transport();
    std::unique_ptr<QGraphQLSubscription> a(t->subscribe(
            QGraphQLRequest(u"subscription { countdown(from: 2, intervalMs: 20) }"_s)));
    std::unique_ptr<QGraphQLSubscription> b(
            t->subscribe(QGraphQLRequest(u"subscription { countdown(from: 4, intervalMs: 5) }"_s)));
    std::unique_ptr<QGraphQLReply> c(t->execute(QGraphQLRequest(u"{ library { name } }"_s)));
    QSignalSpy aFinished(a.get(), &QGraphQLOperation::finished);
    QSignalSpy bFinished(b.get(), &QGraphQLOperation::finished);
    QSignalSpy cFinished(c.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(aFinished.size() + bFinished.size() + cFinished.size(), 3, WaitMs);
    QCOMPARE(a->resultCount(), 3);
    QCOMPARE(b->resultCount(), 5);
    QCOMPARE(c->lastResult().rawJson(),
             R"({"data":{"library":{"name":"Loopback Public Library"}}})"_ba);
}

// graphql-ws answers an invalid document with an "error" message: that operation fails.
void tst_InteropWebSocket::validationError()
{
    const auto t = transport();
    std::unique_ptr<QGraphQLReply> reply(t->execute(QGraphQLRequest(u"{ nope }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(reply->state(), QGraphQLOperation::Failed);
    QCOMPARE(reply->error().kind(), QGraphQLTransportError::ServerError);
    QVERIFY2(reply->error().message().contains(u"Cannot query field \"nope\""_s),
             qPrintable(reply->error().message()));
    QCOMPARE(reply->error().result().errors().size(), 1);
}

// onConnect returning false: graphql-ws closes with 4403 Forbidden.
void tst_InteropWebSocket::rejectedInOnConnect()
{
    QGraphQLWebSocketTransport t(m_url);
    t.setConnectionParams({ { u"token"_s, u"wrong"_s } });
    std::unique_ptr<QGraphQLSubscription> sub(
            t.subscribe(QGraphQLRequest(u"subscription { countdown(from: 1) }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->state(), QGraphQLOperation::Failed);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::ServerError);
    QCOMPARE(sub->error().message(),
             u"The server closed the WebSocket connection with code 4403 (forbidden): Forbidden"_s);
}

// 1012 (service restart), a code Qt 6.4 does not accept: still a network failure that a retry
// policy may mend, not a protocol error.
void tst_InteropWebSocket::serviceRestart()
{
    QGraphQLWebSocketTransport t(m_url);
    t.setConnectionParams({ { u"token"_s, u"restart"_s } });
    std::unique_ptr<QGraphQLSubscription> sub(
            t.subscribe(QGraphQLRequest(u"subscription { countdown(from: 1) }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->state(), QGraphQLOperation::Failed);
    QCOMPARE(sub->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(sub->error().message().startsWith(
                     u"The server closed the WebSocket connection with a close code Qt "
                     "WebSockets does not accept"_s),
             qPrintable(sub->error().message()));
}

void tst_InteropWebSocket::cancel()
{
    const auto t = transport();
    t->setLingerTime(60 * 1000);
    std::unique_ptr<QGraphQLSubscription> sub(t->subscribe(
            QGraphQLRequest(u"subscription { countdown(from: 1000, intervalMs: 5) }"_s)));
    QSignalSpy results(sub.get(), &QGraphQLOperation::resultReceived);
    QTRY_VERIFY_WITH_TIMEOUT(results.size() >= 2, WaitMs);
    sub->cancel();
    QCOMPARE(sub->state(), QGraphQLOperation::Cancelled);
    // The socket goes on: the server took the complete, not a broken connection.
    std::unique_ptr<QGraphQLReply> reply(t->execute(QGraphQLRequest(u"{ hello }"_s)));
    QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(reply->lastResult().rawJson(), R"({"data":{"hello":"Hello, world!"}})"_ba);
}

// graphql-ws answers the client's pings: a subscription outlives many keep-alive intervals.
void tst_InteropWebSocket::keepAlive()
{
    const auto t = transport();
    t->setKeepAliveInterval(500);
    std::unique_ptr<QGraphQLSubscription> sub(t->subscribe(
            QGraphQLRequest(u"subscription { countdown(from: 6, intervalMs: 300) }"_s)));
    QSignalSpy finished(sub.get(), &QGraphQLOperation::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(sub->state(), QGraphQLOperation::Finished);
    QCOMPARE(sub->resultCount(), 7);
}

tst_InteropWebSocket::CliRun tst_InteropWebSocket::runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(QGRAPHQL_CLI_PATH), arguments);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(WaitMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void tst_InteropWebSocket::cliSubscription()
{
    const CliRun run
            = runCli({ u"--connection-params"_s, uR"({"token":"secret"})"_s, m_url.toString(),
                       u"subscription { countdown(from: 2, intervalMs: 5) }"_s });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out,
             "{\"data\":{\"countdown\":2}}\n{\"data\":{\"countdown\":1}}\n"
             "{\"data\":{\"countdown\":0}}\n"_ba);
}

void tst_InteropWebSocket::cliQueryWithParamsFile()
{
    QTemporaryFile params;
    QVERIFY(params.open());
    params.write(R"({"token":"secret"})");
    params.close();
    const CliRun run = runCli({ u"--connection-params"_s, u"@"_s + params.fileName(),
                                u"--protocol"_s, u"graphql-transport-ws"_s, m_url.toString(),
                                u"{ hello(name: \"cli\") }"_s });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, "{\"data\":{\"hello\":\"Hello, cli!\"}}\n"_ba);
}

// A connection refused in onConnect: exit 1, the close code and reason on stderr.
void tst_InteropWebSocket::cliRejected()
{
    const CliRun run = runCli({ m_url.toString(), u"{ hello }"_s });
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err,
             "qgraphql: The server closed the WebSocket connection with code 4403 (forbidden): "
             "Forbidden\n"_ba);
}

// graphql-ws refuses an invalid document with an error message: its errors go to stdout as a
// result, as an HTTP server's 400 does, and the run fails.
void tst_InteropWebSocket::cliOperationError()
{
    const CliRun run = runCli({ u"--connection-params"_s, uR"({"token":"secret"})"_s,
                                m_url.toString(), u"{ nope }"_s });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith(R"({"errors":[{"message":"Cannot query field \"nope\")"),
             run.out.constData());
    QVERIFY2(run.err.contains("Cannot query field"), run.err.constData());
}

void tst_InteropWebSocket::cliUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("http protocol for ws")
            << QStringList { u"--protocol"_s, u"sse"_s, u"ws://127.0.0.1:1/"_s, u"{ a }"_s }
            << "--protocol for a ws:// or wss:// URL expects graphql-transport-ws or graphql-ws"_ba;
    QTest::newRow("ws protocol for http")
            << QStringList { u"--protocol"_s, u"graphql-ws"_s, u"http://127.0.0.1:1/"_s,
                             u"{ a }"_s }
            << "--protocol graphql-ws is for ws:// and wss:// URLs"_ba;
    QTest::newRow("params for http") << QStringList { u"--connection-params"_s, u"{}"_s,
                                                      u"http://127.0.0.1:1/"_s, u"{ a }"_s }
                                     << "--connection-params is for ws:// and wss:// URLs"_ba;
    QTest::newRow("params not an object") << QStringList { u"--connection-params"_s, u"[1]"_s,
                                                           u"ws://127.0.0.1:1/"_s, u"{ a }"_s }
                                          << "--connection-params must be a JSON object"_ba;
    QTest::newRow("params not json")
            << QStringList { u"--connection-params"_s, u"{"_s, u"ws://127.0.0.1:1/"_s, u"{ a }"_s }
            << "--connection-params is not valid JSON"_ba;
}

void tst_InteropWebSocket::cliUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(error), run.err.constData());
}

QTEST_GUILESS_MAIN(tst_InteropWebSocket)
#include "tst_interop_websocket.moc"
