// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Fault injection: broken networks, broken proxies and hostile servers, scripted with the
// in-process TestHttpServer. Every case must end with the documented error (or success), never
// a crash, a hang or a leak. Wire behaviour already covered by tst_qgraphqlsubscription (b09
// resets after a delimiter or inside a part, b11 timeouts, b12 part cap) is not repeated here.

#include <QGraphQL/qgraphqldocument.h>
#include <QGraphQL/qgraphqlhttptransport.h>

#include "testhttpserver.h"
#include "testwire.h"
#include "testprobe.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qthread.h>
#include <QtCore/qtimer.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qtcpserver.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <memory>

#if defined(__SANITIZE_ADDRESS__)
#define QGRAPHQL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QGRAPHQL_ASAN 1
#endif
#endif

#ifdef QGRAPHQL_ASAN
// From the sanitizer runtime (<sanitizer/allocator_interface.h>, which gcc does not install).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using namespace TestWire;

namespace {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Twice Probe's default wait: these cases also run under the sanitizers, several times slower.
constexpr int FinishTimeout = 20000;

// Bytes of heap in use right now (malloc and new, the whole process). Under AddressSanitizer
// glibc's counters see nothing, so ask the sanitizer's allocator; freed blocks waiting in its
// quarantine are not counted there either.
qint64 liveHeapBytes()
{
#ifdef QGRAPHQL_ASAN
    return qint64(__sanitizer_get_current_allocated_bytes());
#elif defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return 0;
#endif
}

// Resident set size, for the log only: glibc keeps freed pages, so it is no exact measure.
qint64 residentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

// Samples liveHeapBytes() every millisecond while it exists and keeps the peak.
struct PeakSampler
{
    PeakSampler() : baseline(liveHeapBytes()), peak(baseline)
    {
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] { sample(); });
        timer.start(1);
    }
    void sample() { peak = qMax(peak, liveHeapBytes()); }
    qint64 growth() const { return peak - baseline; }

    QTimer timer;
    qint64 baseline;
    qint64 peak;
};

// Counts live operations: every one created must be destroyed.
struct InstanceCounter
{
    void track(QObject *object)
    {
        ++created;
        QObject::connect(object, &QObject::destroyed, [this] { ++destroyed; });
    }
    int created = 0;
    int destroyed = 0;
};

} // namespace

class tst_FaultInjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void connectionRefused_data();
    void connectionRefused();
    void dnsFailure_data();
    void dnsFailure();
    void acceptsButNeverAnswers_data();
    void acceptsButNeverAnswers();
    void reset_data();
    void reset();
    void invalidChunkedFramingThenClose_data();
    void invalidChunkedFramingThenClose();
    void queriesHaveAFiniteDefaultTimeout();
    void stallAfterHeaders_data();
    void stallAfterHeaders();
    void slowButAlive();
    void hundredThousandPayloadsInConstantMemory();
    void serverFasterThanClientInBoundedMemory();
    void floodWithoutDelimiter_data();
    void floodWithoutDelimiter();
    void hugeResponseHeaders_data();
    void hugeResponseHeaders();
    void deeplyNestedJson_data();
    void deeplyNestedJson();
    void deeplyNestedDocument_data();
    void deeplyNestedDocument();
    void fragmentsThatExpandExponentially_data();
    void fragmentsThatExpandExponentially();
    void endedByConnectionClose_data();
    void endedByConnectionClose();
    void cancelAndRestartInATightLoop();
    void deleteLaterFromOwnFinished_data();
    void deleteLaterFromOwnFinished();
    void cancelFromErrorOccurred();

private:
    QGraphQLOperation *start(bool execute)
    {
        return execute ? static_cast<QGraphQLOperation *>(
                       m_transport->execute(QGraphQLRequest(u"{ n }"_s)))
                       : m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s));
    }

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QGraphQLHttpTransport> m_transport;
};

void tst_FaultInjection::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_transport = std::make_unique<QGraphQLHttpTransport>(m_server->url());
}

void tst_FaultInjection::cleanup()
{
    m_transport.reset();
    m_server.reset();
}

void tst_FaultInjection::connectionRefused_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addRow("subscribe") << false;
    QTest::addRow("execute") << true;
}

void tst_FaultInjection::connectionRefused()
{
    QFETCH(bool, execute);
    const QUrl url = m_server->url();
    m_server.reset(); // nothing listens on the port any more
    m_transport->setUrl(url);
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(FinishTimeout));
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(probe.error().kind(), QGraphQLTransportError::NetworkError);
    QCOMPARE(probe.error().networkError(), QNetworkReply::ConnectionRefusedError);
    QVERIFY2(probe.error().message().contains("refused"_L1, Qt::CaseInsensitive),
             qPrintable(probe.error().message()));
    QCOMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.results.size(), 0);
}

void tst_FaultInjection::dnsFailure_data()
{
    connectionRefused_data();
}

void tst_FaultInjection::dnsFailure()
{
    QFETCH(bool, execute);
    // RFC 6761: names under .invalid never resolve.
    m_transport->setUrl(QUrl(u"http://qgraphql-fault-injection.invalid/graphql"_s));
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(60000));
    QCOMPARE(probe.error().kind(), QGraphQLTransportError::NetworkError);
    QCOMPARE(probe.error().networkError(), QNetworkReply::HostNotFoundError);
    QVERIFY2(probe.error().message().contains("qgraphql-fault-injection.invalid"_L1),
             qPrintable(probe.error().message()));
    QCOMPARE(probe.results.size(), 0);
}

void tst_FaultInjection::acceptsButNeverAnswers_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addColumn<QString>("expected");
    QTest::addRow("subscribe") << false << u"did not start the response within 400 ms"_s;
    QTest::addRow("execute") << true << u"did not complete within 400 ms"_s;
}

void tst_FaultInjection::acceptsButNeverAnswers()
{
    QFETCH(bool, execute);
    QFETCH(QString, expected);
    // Not even the request is read: a black hole behind a load balancer.
    QTcpServer blackHole;
    QVERIFY(blackHole.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    connect(&blackHole, &QTcpServer::newConnection, &blackHole, [&] {
        while (QTcpSocket *socket = blackHole.nextPendingConnection())
            accepted.append(socket);
    });
    m_transport->setUrl(QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(blackHole.serverPort())));
    m_transport->setTimeout(400);
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(FinishTimeout));
    QCOMPARE(probe.error().kind(), QGraphQLTransportError::Timeout);
    QVERIFY2(probe.error().message().contains(expected), qPrintable(probe.error().message()));
    QCOMPARE(accepted.size(), 1);
    // The client closed its end: the server's socket sees the connection go away.
    QTRY_COMPARE_WITH_TIMEOUT(accepted.first()->state(), QAbstractSocket::UnconnectedState, 10000);
}

void tst_FaultInjection::reset_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addColumn<QByteArray>("wire"); // everything the server writes before the reset
    QTest::addColumn<QList<int>>("expected");
    QTest::addColumn<QString>("message");

    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + MultipartType
            + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QByteArray one = routerStart() + routerPart(payload(1));
    QTest::addRow("before the status line") << false << QByteArray() << QList<int> {} << QString();
    QTest::addRow("inside the status line")
            << false << QByteArray("HTTP/1.1 20") << QList<int> {} << QString();
    QTest::addRow("inside the headers")
            << false << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: multipart/mixed;bound")
            << QList<int> {} << QString();
    QTest::addRow("headers complete, no body")
            << false << head << QList<int> {} << u"ended before its close delimiter"_s;
    QTest::addRow("inside an HTTP chunk")
            << false << head + "200\r\n" + one + "\r\ncontent-type: app" << QList<int> { 1 }
            << u"after 1 result(s)"_s;
    QTest::addRow("inside a chunk-size line")
            << false << head + chunked(one) + "1" << QList<int> { 1 }
            << u"ended before its close delimiter"_s;
    QTest::addRow("inside a Content-Length part")
            << false
            << head
                    + chunked(one
                              + "\r\ncontent-type: application/json\r\ncontent-length: "
                                "40\r\n\r\n{\"payload\":")
            << QList<int> { 1 } << u"an incomplete part was dropped"_s;
    QTest::addRow("between parts, inside a delimiter")
            << false << head + chunked(one + "\r\n--grap") << QList<int> { 1 }
            << u"ended before its close delimiter"_s;
    QTest::addRow("between parts, inside the close delimiter")
            << false << head + chunked(one + routerPart(payload(2)) + "-") << QList<int> { 1, 2 }
            << u"after 2 result(s)"_s;
    QTest::addRow("execute, inside a Content-Length body")
            << true
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 40\r\n\r\n{\"data\":{")
            << QList<int> {} << QString();
    QTest::addRow("execute, inside the headers")
            << true << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << QList<int> {} << QString();
    // A query's chunked JSON body cut by a reset, after a whole HTTP chunk and inside one.
    QTest::addRow("execute, inside a chunked body")
            << true
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
                    + chunked(R"({"data":{"n":1,"list":[)")
            << QList<int> {} << QString();
    QTest::addRow("execute, inside an HTTP chunk")
            << true
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"data\":{\"n\":1,")
            << QList<int> {} << QString();
}

void tst_FaultInjection::reset()
{
    QFETCH(bool, execute);
    QFETCH(QByteArray, wire);
    QFETCH(QList<int>, expected);
    QFETCH(QString, message);
    m_server->setHandler([&](const TestHttpRequest &) {
        TestHttpScript script;
        if (!wire.isEmpty())
            script.raw(wire).wait(50);
        return script.abort();
    });
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(FinishTimeout));
    QCOMPARE(probe.numbers(), expected);
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(probe.errors.size(), 1);
    QCOMPARE(probe.error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(probe.error().networkError() != QNetworkReply::NoError,
             qPrintable(probe.error().message()));
    QVERIFY2(probe.error().message().contains(message), qPrintable(probe.error().message()));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void tst_FaultInjection::invalidChunkedFramingThenClose_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addColumn<QByteArray>("framing");
    QTest::addColumn<bool>("reset");
    QTest::addRow("subscribe, reset") << false << QByteArray("garbage") << true;
    QTest::addRow("subscribe, close") << false << QByteArray("zz\r\n") << false;
    QTest::addRow("execute, reset") << true << QByteArray("garbage") << true;
    QTest::addRow("execute, close") << true << QByteArray("zz\r\n") << false;
    QTest::addRow("execute, chunk of a JSON body, then close") << true << QByteArray("4\r\n{\"da\r\n") << false;
}

void tst_FaultInjection::invalidChunkedFramingThenClose()
{
    // Qt 6.4's QNetworkReply never finishes when an invalid chunk-size line and the end of the
    // connection arrive together: only the timeouts end such an operation. They must.
    QFETCH(bool, execute);
    QFETCH(QByteArray, framing);
    QFETCH(bool, reset);
    m_server->setHandler([&](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, execute ? QByteArray("application/json") : MultipartType).raw(framing);
        return reset ? script.abort() : script.close();
    });
    m_transport->setTimeout(1500);
    m_transport->setHeartbeatTimeout(1500);
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(FinishTimeout));
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(probe.results.size(), 0);
    const QGraphQLTransportError::Kind kind = probe.error().kind();
    QVERIFY2(kind == QGraphQLTransportError::NetworkError
                     || kind == QGraphQLTransportError::Timeout,
             qPrintable(probe.error().message()));
    if (kind == QGraphQLTransportError::Timeout)
        qDebug() << "ended by the timeout:" << probe.error().message();
}

// Without a limit, the invalid-chunk case above would hang a query for ever: queries and
// mutations get one by default.
void tst_FaultInjection::queriesHaveAFiniteDefaultTimeout()
{
    QGraphQLHttpTransport transport;
    QCOMPARE(transport.timeout(), QGraphQLTransport::DefaultTimeout);
    QVERIFY(QGraphQLTransport::DefaultTimeout > 0);
    transport.setTimeout(0);
    QCOMPARE(transport.timeout(), 0); // 0 still means none
}

void tst_FaultInjection::stallAfterHeaders_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("no body byte") << QByteArray();
    QTest::addRow("inside a chunk-size line") << QByteArray("1");
    QTest::addRow("inside the first part")
            << chunked(routerStart() + "\r\ncontent-type: application/json\r\n\r\n{\"pay");
}

void tst_FaultInjection::stallAfterHeaders()
{
    QFETCH(QByteArray, body);
    m_transport->setTimeout(300); // for the response to start: it does
    m_transport->setHeartbeatTimeout(700);
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript().head(200, MultipartType).raw(body).stall();
    });
    QElapsedTimer timer;
    timer.start();
    Probe probe(start(false));
    QTRY_COMPARE(probe.operation->state(), QGraphQLOperation::Active);
    QVERIFY(probe.waitFinished(FinishTimeout));
    QVERIFY2(timer.elapsed() >= 650, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(probe.error().kind(), QGraphQLTransportError::Timeout);
    QVERIFY2(probe.error().message().contains("Heartbeat timeout"_L1)
                     && probe.error().message().contains("700 ms"_L1),
             qPrintable(probe.error().message()));
    QCOMPARE(probe.results.size(), 0);
    QTRY_COMPARE(m_server->openConnections(), 0); // the stream was aborted
}

void tst_FaultInjection::slowButAlive()
{
    // One byte every 100 ms for about a minute, on a response without chunking that ends with
    // the connection: slow, but alive, so neither timeout may fire and nothing may be lost.
    const int byteInterval = qEnvironmentVariableIntValue("QGRAPHQL_SLOW_BYTE_MS") > 0
            ? qEnvironmentVariableIntValue("QGRAPHQL_SLOW_BYTE_MS")
            : 100;
    QByteArray body = routerStart() + routerPart("{}");
    QList<int> sent;
    while (body.size() < 520) {
        sent.append(sent.size() + 1);
        body += routerPart(payload(sent.last()));
    }
    body += routerEnd();
    m_transport->setTimeout(1000);
    m_transport->setHeartbeatTimeout(10 * byteInterval + 1000);
    m_server->setHandler([&](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, MultipartType, false);
        for (char c : std::as_const(body))
            script.wait(byteInterval).raw(QByteArray(1, c));
        return script.close();
    });
    QElapsedTimer timer;
    timer.start();
    Probe probe(start(false));
    QList<qint64> arrivals;
    connect(probe.operation.get(), &QGraphQLOperation::resultReceived, this,
            [&] { arrivals.append(timer.elapsed()); });
    QVERIFY(probe.waitFinished(body.size() * byteInterval * 3 + 30000));
    const qint64 total = timer.elapsed();
    qDebug() << body.size() << "bytes in" << total << "ms; results at" << arrivals;
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe.errors.size(), 0);
    QCOMPARE(probe.numbers(), sent);
    QVERIFY(total >= (body.size() - 1) * byteInterval);
    // Each result surfaced when its last byte came, not at the end of the stream.
    QVERIFY2(arrivals.first() < total / 4,
             qPrintable(u"first at %1 of %2"_s.arg(arrivals.first()).arg(total)));
    for (qsizetype i = 1; i < arrivals.size(); ++i)
        QVERIFY(arrivals.at(i) - arrivals.at(i - 1) > 40 * byteInterval);
}

void tst_FaultInjection::hundredThousandPayloadsInConstantMemory()
{
    constexpr int Count = 100000;
    constexpr int PerChunk = 500;
    int produced = 0;
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .raw(chunked(routerStart()))
                .generate([&produced]() -> QByteArray {
                    if (produced >= Count)
                        return {};
                    QByteArray bytes;
                    for (int i = 0; i < PerChunk && produced < Count; ++i) {
                        bytes += routerPart(++produced % 1000 == 0 ? "{}" : payload(produced));
                    }
                    return chunked(bytes);
                })
                .raw(chunked(routerEnd()))
                .endChunks()
                .close();
    });

    QGraphQLSubscription *subscription
            = m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s));
    std::unique_ptr<QGraphQLOperation> owner(subscription);
    QSignalSpy finished(subscription, &QGraphQLOperation::finished);
    int received = 0;
    int next = 1;
    bool inOrder = true;
    qint64 warm = 0;
    qint64 peak = 0;
    const qint64 rssBefore = residentBytes();
    QElapsedTimer timer;
    timer.start();
    connect(subscription, &QGraphQLOperation::resultReceived, this,
            [&](const QGraphQLResult &result) {
                if (next % 1000 == 0)
                    ++next; // the heartbeats
                inOrder = inOrder && result.data()["n"_L1].toInt() == next;
                ++next;
                ++received;
                if (received % 5000 == 0) {
                    const qint64 live = liveHeapBytes();
                    if (received == 10000)
                        warm = live;
                    else if (received > 10000)
                        peak = qMax(peak, live);
                }
            });
    QVERIFY(QTest::qWaitFor([&] { return finished.size() > 0; }, 300000));
    const qint64 elapsed = qMax<qint64>(1, timer.elapsed());
    qDebug("%d payloads in %lld ms (%lld/s); live heap after 10000: %lld, peak after: %lld "
           "(growth %lld bytes); RSS %lld -> %lld",
           received, elapsed, received * 1000 / elapsed, warm, peak, peak - warm, rssBefore,
           residentBytes());
    QCOMPARE(subscription->state(), QGraphQLOperation::Finished);
    QCOMPARE(received, Count - Count / 1000);
    QVERIFY(inOrder); // none lost, none twice
    // 90000 more payloads after the warm-up: a leak of even 40 bytes each would be 3.6 MB.
    QVERIFY2(peak - warm < 2 * 1024 * 1024, QByteArray::number(peak - warm).constData());
}

void tst_FaultInjection::serverFasterThanClientInBoundedMemory()
{
    // The server runs in its own thread and writes as fast as the socket takes bytes, while the
    // client is stalled in its first slot. Qt must not read the stream into memory meanwhile:
    // what it reads ahead is bounded and TCP flow control holds the server back.
    constexpr int Count = 200000; // about 26 MB of stream
    constexpr int PerChunk = 500;
    std::atomic<int> produced = 0;
    QThread serverThread;
    serverThread.start();
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    TestHttpServer *server = nullptr;
    QMetaObject::invokeMethod(
            &serverContext,
            [&] {
                server = new TestHttpServer;
                server->setHandler([&](const TestHttpRequest &) {
                    return TestHttpScript()
                            .head(200, MultipartType)
                            .raw(chunked(routerStart()))
                            .generate([&produced]() -> QByteArray {
                                QByteArray bytes;
                                for (int i = 0; i < PerChunk && produced < Count; ++i)
                                    bytes += routerPart(payload(++produced));
                                return bytes.isEmpty() ? bytes : chunked(bytes);
                            })
                            .raw(chunked(routerEnd()))
                            .endChunks()
                            .close();
                });
            },
            Qt::BlockingQueuedConnection);
    const auto stopServer = qScopeGuard([&] {
        QMetaObject::invokeMethod(
                &serverContext, [&] { delete server; }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    });
    m_transport->setUrl(server->url());

    QGraphQLSubscription *subscription
            = m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s));
    std::unique_ptr<QGraphQLOperation> owner(subscription);
    QSignalSpy finished(subscription, &QGraphQLOperation::finished);
    int received = 0;
    int producedWhileStalled = 0;
    const qint64 baseline = liveHeapBytes();
    qint64 peak = baseline;
    connect(subscription, &QGraphQLOperation::resultReceived, this, [&](const QGraphQLResult &) {
        if (++received == 1) {
            QThread::msleep(500);
            producedWhileStalled = produced;
        }
        if (received % 1000 == 1)
            peak = qMax(peak, liveHeapBytes());
    });
    QVERIFY(QTest::qWaitFor([&] { return finished.size() > 0; }, 300000));
    qDebug("%d payloads; the server produced %d while the client stalled; live heap grew by at "
           "most %lld bytes",
           received, producedWhileStalled, peak - baseline);
    QCOMPARE(subscription->state(), QGraphQLOperation::Finished);
    QCOMPARE(received, Count);
    // Unbounded, the heap grows by the whole stream (about 26 MB); the kernel's socket buffers
    // hold what the server wrote ahead, outside our heap.
    QVERIFY2(peak - baseline < 6 * 1024 * 1024, QByteArray::number(peak - baseline));
}

void tst_FaultInjection::floodWithoutDelimiter_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("prefix"); // then the flood
    QTest::addColumn<QByteArray>("unit"); // repeated
    QTest::addColumn<QByteArray>("suffix"); // after the flood, if it was all read
    QTest::addColumn<QString>("message"); // empty: success
    QTest::addColumn<QList<int>>("expected");

    const QByteArray partHead = "\r\ncontent-type: application/json\r\n\r\n";
    const QByteArray one = routerStart() + routerPart(payload(1));
    QTest::addRow("part body") << false << MultipartType << one + partHead << QByteArray(4096, 'x')
                               << QByteArray() << u"maximum part size"_s << QList<int> { 1 };
    QTest::addRow("part body, inside a JSON string")
            << false << MultipartType << one + partHead + "{\"payload\":{\"data\":{\"s\":\""
            << QByteArray(4096, 'x') << QByteArray() << u"maximum part size"_s << QList<int> { 1 };
    QTest::addRow("part header line without a line break")
            << false << MultipartType << one + "\r\ncontent-type: " << QByteArray(4096, 'a')
            << QByteArray() << u"maximum part size"_s << QList<int> { 1 };
    QTest::addRow("endless part header lines")
            << false << MultipartType << one + "\r\n"
            << QByteArray("X-Pad: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n").repeated(100)
            << QByteArray() << u"maximum part size"_s << QList<int> { 1 };
    QTest::addRow("white space after a complete part")
            << false << MultipartType << one + partHead + payload(2) << QByteArray(4096, ' ')
            << QByteArray() << u"maximum part size"_s << QList<int> { 1, 2 };
    QTest::addRow("execute, JSON body")
            << true << QByteArray("application/json") << QByteArray("{\"data\":{\"s\":\"")
            << QByteArray(4096, 'x') << QByteArray() << u"exceeds the maximum size"_s
            << QList<int> {};
    QTest::addRow("endless transport padding after a delimiter")
            << false << MultipartType << one << QByteArray(4096, ' ') << QByteArray()
            << u"Unexpected data after the JSON value"_s << QList<int> { 1 };
    QTest::addRow("endless transport padding in the preamble")
            << false << MultipartType << QByteArray("\r\n--graphql") << QByteArray(4096, '\t')
            << routerStart() + routerPart(payload(7)) + routerEnd() << QString()
            << QList<int> { 7 };
    // A preamble is ignored however long it is: memory must stay bounded all the same.
    QTest::addRow("preamble, then a part")
            << false << MultipartType << QByteArray("preamble")
            << QByteArray("junk line of a preamble that never ends {\"payload\":{}}\r\n")
                       .repeated(64)
            << routerStart() + routerPart(payload(7)) + routerEnd() << QString()
            << QList<int> { 7 };
}

void tst_FaultInjection::floodWithoutDelimiter()
{
    QFETCH(bool, execute);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, unit);
    QFETCH(QByteArray, suffix);
    QFETCH(QString, message);
    QFETCH(QList<int>, expected);

    constexpr qint64 Cap = 1024 * 1024;
    const qint64 floodSize = message.isEmpty() ? 24 * Cap : 64 * Cap;
    m_transport->setMaxPartSize(Cap);
    qint64 flooded = 0;
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, contentType)
                .raw(chunked(prefix))
                .generate([&]() -> QByteArray {
                    if (flooded >= floodSize)
                        return {};
                    const QByteArray bytes = unit.repeated(16);
                    flooded += bytes.size();
                    return chunked(bytes);
                })
                .raw(chunked(suffix))
                .endChunks()
                .close();
    });
    std::optional<PeakSampler> sampler;
    sampler.emplace();
    Probe probe(start(execute));
    connect(probe.operation.get(), &QGraphQLOperation::errorOccurred, this,
            [&] { sampler->sample(); }); // the decoder still holds its buffer here
    QVERIFY(probe.waitFinished(120000));
    sampler->sample();
    qDebug("flooded %lld bytes; live heap grew by at most %lld bytes (part cap %lld)", flooded,
           sampler->growth(), Cap);
    QCOMPARE(probe.numbers(), expected);
    if (message.isEmpty()) {
        QCOMPARE(probe.operation->state(), QGraphQLOperation::Finished);
        QVERIFY(flooded >= floodSize);
    } else {
        QCOMPARE(probe.operation->state(), QGraphQLOperation::Failed);
        QCOMPARE(probe.error().kind(), QGraphQLTransportError::ProtocolError);
        QVERIFY2(probe.error().message().contains(message), qPrintable(probe.error().message()));
        QVERIFY2(flooded < floodSize / 2, QByteArray::number(flooded).constData());
    }
    // At most one part (plus the bytes before it the decoder has not compacted yet, and one
    // read): far below the flood.
    QVERIFY2(sampler->growth() < 2 * Cap + 6 * 1024 * 1024,
             QByteArray::number(sampler->growth()).constData());
}

void tst_FaultInjection::hugeResponseHeaders_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addColumn<HeaderList>("headers");
    HeaderList many;
    for (int i = 0; i < 1024; ++i)
        many.append({ "X-Pad-" + QByteArray::number(i), QByteArray(1000, 'h') });
    const HeaderList one { { "X-Pad", QByteArray(1 << 20, 'h') } };
    QTest::addRow("1 MiB in 1024 headers, subscribe") << false << many;
    QTest::addRow("1 MiB in 1024 headers, execute") << true << many;
    QTest::addRow("one header of 1 MiB, subscribe") << false << one;
    QTest::addRow("one header of 1 MiB, execute") << true << one;
}

void tst_FaultInjection::hugeResponseHeaders()
{
    QFETCH(bool, execute);
    QFETCH(HeaderList, headers);
    m_server->setHandler([&](const TestHttpRequest &) {
        if (execute)
            return TestHttpScript().respond(200, "application/json", R"({"data":{"n":1}})",
                                            headers);
        return TestHttpScript()
                .head(200, MultipartType, true, headers)
                .chunk(routerStart() + routerPart(payload(1)) + routerEnd())
                .endChunks()
                .close();
    });
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(60000));
    // Qt's HTTP parser drops a header block beyond its limits (Qt 6.4: more than 100 fields
    // or one field over 8 KiB) and reports the response without any header: no Content-Type,
    // so a documented ProtocolError, never a crash or a hang. A Qt that keeps them all must
    // deliver the result.
    if (probe.operation->state() == QGraphQLOperation::Failed) {
        QCOMPARE(probe.error().kind(), QGraphQLTransportError::ProtocolError);
        QVERIFY2(probe.error().message().contains("has no Content-Type"_L1),
                 qPrintable(probe.error().message()));
        QVERIFY(probe.operation->responseHeaders().isEmpty());
        QCOMPARE(probe.results.size(), 0);
    } else {
        QCOMPARE(probe.operation->state(), QGraphQLOperation::Finished);
        QCOMPARE(probe.numbers(), QList<int> { 1 });
    }
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void tst_FaultInjection::deeplyNestedJson_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addColumn<bool>("closed");
    QTest::addRow("subscription payload") << false << true;
    QTest::addRow("subscription payload, never closed") << false << false;
    QTest::addRow("execute body") << true << true;
}

void tst_FaultInjection::deeplyNestedJson()
{
    QFETCH(bool, execute);
    QFETCH(bool, closed);
    constexpr int Depth = 100000;
    QByteArray json = "{\"payload\":{\"data\":{\"n\":" + QByteArray(Depth, '[');
    if (closed)
        json += QByteArray(Depth, ']') + "}}}";
    if (execute)
        json = json.mid(11, json.size() - 12); // {"data":…}
    m_server->setHandler([&](const TestHttpRequest &) {
        if (execute)
            return TestHttpScript().respond(200, "application/json", json);
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)))
                .chunk("\r\ncontent-type: application/json\r\n\r\n" + json)
                .wait(50)
                .endChunks()
                .close();
    });
    Probe probe(start(execute));
    QVERIFY(probe.waitFinished(60000));
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(probe.numbers(), execute ? QList<int> {} : QList<int> { 1 });
    if (closed) {
        // QJsonDocument stops at a depth of 1024.
        QCOMPARE(probe.error().kind(), QGraphQLTransportError::ProtocolError);
        QVERIFY2(probe.error().message().contains("too deeply nested"_L1),
                 qPrintable(probe.error().message()));
    } else {
        QCOMPARE(probe.error().kind(), QGraphQLTransportError::NetworkError);
        QVERIFY2(probe.error().message().contains("an incomplete part was dropped"_L1),
                 qPrintable(probe.error().message()));
    }
}

void tst_FaultInjection::deeplyNestedDocument_data()
{
    QTest::addColumn<QString>("text");
    constexpr int Depth = 100000;
    QTest::addRow("selection sets")
            << u"subscription "_s + u"{ a "_s.repeated(Depth) + u"}"_s.repeated(Depth);
    QTest::addRow("list value") << u"{ a(x: "_s + u"["_s.repeated(Depth) + u"]"_s.repeated(Depth)
                    + u") }"_s;
    QTest::addRow("object value") << u"{ a(x: "_s + u"{ k: "_s.repeated(Depth) + u"1"_s
                    + u"}"_s.repeated(Depth) + u") }"_s;
    QTest::addRow("list type") << u"query($v: "_s + u"["_s.repeated(Depth) + u"Int"_s
                    + u"]"_s.repeated(Depth) + u") { a }"_s;
    QTest::addRow("inline fragments")
            << u"{ "_s + u"... { "_s.repeated(Depth) + u"a"_s + u" }"_s.repeated(Depth) + u" }"_s;
    QTest::addRow("unclosed") << u"{ a "_s.repeated(Depth);
}

void tst_FaultInjection::deeplyNestedDocument()
{
    // A client checks documents before it sends them, and the demo server parses what clients
    // send: deep nesting must be a syntax error, not a stack overflow.
    QFETCH(QString, text);
    const QGraphQLDocument document = QGraphQLDocument::parse(text);
    QVERIFY(!document.isValid());
    QVERIFY2(document.errorString().startsWith("Syntax Error"_L1),
             qPrintable(document.errorString()));
}

void tst_FaultInjection::fragmentsThatExpandExponentially_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    // 40 fragments, each spreading the next twice: 2^40 selections once expanded.
    QString fanOut = u"{ ...F0 }\n"_s;
    for (int i = 0; i < 40; ++i)
        fanOut += u"fragment F%1 on T { a%1 ...F%2 ...F%2 }\n"_s.arg(i).arg(i + 1);
    fanOut += u"fragment F40 on T { z }"_s;
    QTest::addRow("fan-out") << fanOut << u"more than 100000 fields"_s;
    // A chain of 5000 fragments, each one level deeper than the last.
    QString chain = u"{ ...F0 }\n"_s;
    for (int i = 0; i < 5000; ++i)
        chain += u"fragment F%1 on T { a { ...F%2 } }\n"_s.arg(i).arg(i + 1);
    chain += u"fragment F5000 on T { z }"_s;
    QTest::addRow("deep chain") << chain << u"nest deeper than"_s;
}

void tst_FaultInjection::fragmentsThatExpandExponentially()
{
    // The demo server resolves the fields of what clients send: a small hostile document must
    // neither hang it nor overflow its stack.
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QGraphQLDocument document = QGraphQLDocument::parse(text);
    QVERIFY2(document.isValid(), qPrintable(document.errorString()));
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(document.selectedFields(0, {}, &error).isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(timer.elapsed() < 20000, QByteArray::number(timer.elapsed()).constData());
}

void tst_FaultInjection::endedByConnectionClose_data()
{
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<bool>("closeDelimiter");
    QTest::addRow("HTTP/1.0, close delimiter") << QByteArray("HTTP/1.0 200 OK") << true;
    QTest::addRow("HTTP/1.0, no close delimiter") << QByteArray("HTTP/1.0 200 OK") << false;
    QTest::addRow("HTTP/1.1 without length, close delimiter")
            << QByteArray("HTTP/1.1 200 OK") << true;
    QTest::addRow("HTTP/1.1 without length, no close delimiter")
            << QByteArray("HTTP/1.1 200 OK") << false;
}

void tst_FaultInjection::endedByConnectionClose()
{
    QFETCH(QByteArray, statusLine);
    QFETCH(bool, closeDelimiter);
    // No Transfer-Encoding, no Content-Length: the body ends when the server closes.
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .raw(statusLine + "\r\nContent-Type: " + MultipartType + "\r\n\r\n")
                .raw(routerStart() + routerPart("{}") + routerPart(payload(1)))
                .wait(30)
                .raw(routerPart(payload(2)) + (closeDelimiter ? routerEnd() : QByteArray()))
                .wait(30)
                .close();
    });
    Probe probe(start(false));
    QVERIFY(probe.waitFinished(FinishTimeout));
    QCOMPARE(probe.numbers(), (QList<int> { 1, 2 }));
    if (closeDelimiter) {
        QCOMPARE(probe.operation->state(), QGraphQLOperation::Finished);
        QCOMPARE(probe.errors.size(), 0);
    } else {
        QCOMPARE(probe.operation->state(), QGraphQLOperation::Failed);
        QCOMPARE(probe.error().kind(), QGraphQLTransportError::NetworkError);
        QCOMPARE(probe.error().networkError(), QNetworkReply::RemoteHostClosedError);
        QVERIFY2(probe.error().message().contains("ended before its close delimiter"_L1)
                         && probe.error().message().contains("after 2 result(s)"_L1),
                 qPrintable(probe.error().message()));
    }

    // A query answered the HTTP/1.0 way works too.
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .raw(statusLine + "\r\nContent-Type: application/json\r\n\r\n{\"data\":")
                .wait(30)
                .raw("{\"n\":3}}")
                .close();
    });
    Probe query(start(true));
    QVERIFY(query.waitFinished(FinishTimeout));
    QCOMPARE(query.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(query.numbers(), QList<int> { 3 });
}

void tst_FaultInjection::cancelAndRestartInATightLoop()
{
    constexpr int Rounds = 500;
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)))
                .stall();
    });
    InstanceCounter operations;
    int cancelledFromSlot = 0;
    for (int i = 0; i < Rounds; ++i) {
        QGraphQLSubscription *subscription
                = m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s));
        operations.track(subscription);
        connect(subscription, &QGraphQLOperation::finished, subscription, &QObject::deleteLater);
        switch (i % 4) {
        case 0: // before anything reached the server
            subscription->cancel();
            break;
        case 1: { // once the request is in
            const qsizetype before = m_server->requests.size();
            QVERIFY(QTest::qWaitFor([&] { return m_server->requests.size() > before; }, 10000));
            subscription->cancel();
            break;
        }
        case 2: { // from inside the first result
            QPointer<QGraphQLSubscription> guard(subscription);
            connect(subscription, &QGraphQLOperation::resultReceived, subscription,
                    [&cancelledFromSlot, subscription] {
                        ++cancelledFromSlot;
                        subscription->cancel();
                    });
            QVERIFY(QTest::qWaitFor([&] { return !guard; }, 10000));
            break;
        }
        case 3: // deleted while running, without cancel()
            QCoreApplication::processEvents();
            delete subscription;
            break;
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(operations.destroyed, operations.created, 30000);
    QCOMPARE(operations.created, Rounds);
    QCOMPARE(cancelledFromSlot, Rounds / 4);
    QNetworkAccessManager *manager = m_transport->networkAccessManager();
    QTRY_COMPARE_WITH_TIMEOUT(manager->findChildren<QNetworkReply *>().size(), qsizetype(0), 30000);
    qDebug() << m_server->requests.size() << "requests reached the server,"
             << m_server->disconnections() << "connections closed," << m_server->openConnections()
             << "still open";

    // Every operation and reply is gone. What may still be open is an idle connection that
    // QNetworkAccessManager opened for a request cancelled before it was sent, and keeps in its
    // cache for reuse (at most its six per host and key); dropping the cache closes it.
    QVERIFY(m_server->openConnections() <= 6);
    manager->clearConnectionCache();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 30000);

    // The transport still works afterwards.
    Probe probe(start(false));
    QTRY_COMPARE_WITH_TIMEOUT(probe.results.size(), 1, 10000);
    probe.operation->cancel();
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void tst_FaultInjection::deleteLaterFromOwnFinished_data()
{
    QTest::addColumn<int>("ending"); // 0 finished, 1 failed, 2 cancelled
    QTest::addColumn<bool>("execute");
    for (bool execute : { false, true }) {
        const QByteArray suffix = execute ? ", execute" : ", subscribe";
        QTest::addRow("%s", ("finished" + suffix).constData()) << 0 << execute;
        QTest::addRow("%s", ("failed" + suffix).constData()) << 1 << execute;
        QTest::addRow("%s", ("cancelled" + suffix).constData()) << 2 << execute;
    }
}

void tst_FaultInjection::deleteLaterFromOwnFinished()
{
    QFETCH(int, ending);
    QFETCH(bool, execute);
    m_server->setHandler([&](const TestHttpRequest &) {
        if (ending == 2)
            return TestHttpScript().stall();
        if (execute)
            return TestHttpScript().respond(200, "application/json",
                                            ending == 1 ? "not json" : R"({"data":{"n":1}})");
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(ending == 1 ? "[1]" : payload(1)) + routerEnd())
                .endChunks()
                .close();
    });
    QGraphQLOperation *operation = start(execute);
    QSignalSpy destroyed(operation, &QObject::destroyed);
    QSignalSpy finished(operation, &QGraphQLOperation::finished);
    connect(operation, &QGraphQLOperation::finished, operation, [operation] {
        operation->deleteLater();
        // Still usable until control returns to the event loop.
        QVERIFY(operation->isFinished());
    });
    if (ending == 2) {
        QTRY_COMPARE(m_server->requests.size(), 1);
        operation->cancel();
        QCOMPARE(finished.size(), 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(destroyed.size(), 1, 20000);
    QCOMPARE(finished.size(), 1);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void tst_FaultInjection::cancelFromErrorOccurred()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerPart("not json")
                       + routerPart(payload(2)))
                .stall();
    });
    QGraphQLOperation *operation = start(false);
    QSignalSpy destroyed(operation, &QObject::destroyed);
    QSignalSpy finished(operation, &QGraphQLOperation::finished);
    QSignalSpy states(operation, &QGraphQLOperation::stateChanged);
    QSignalSpy errors(operation, &QGraphQLOperation::errorOccurred);
    connect(operation, &QGraphQLOperation::errorOccurred, operation, [operation] {
        operation->cancel(); // too late to cancel: the failure stands
        operation->deleteLater();
    });
    QTRY_COMPARE_WITH_TIMEOUT(destroyed.size(), 1, 20000);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<QGraphQLTransportError>().kind(),
             QGraphQLTransportError::ProtocolError);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(states.last().at(0).value<QGraphQLOperation::State>(), QGraphQLOperation::Failed);
    int cancelledStates = 0;
    for (const auto &args : states)
        cancelledStates
                += args.at(0).value<QGraphQLOperation::State>() == QGraphQLOperation::Cancelled;
    QCOMPARE(cancelledStates, 0);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

QTEST_GUILESS_MAIN(tst_FaultInjection)
#include "tst_faultinjection.moc"
