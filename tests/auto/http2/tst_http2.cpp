// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include <QGraphQL/qgraphqlhttptransport.h>

#include <QtCore/qprocess.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

class tst_Http2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void property();
    void subscriptionsShareOneConnection();
    void httpErrorNamesTheStatus();

private:
    QUrl endpoint(const QString &path, const QString &query = {}) const;

    QProcess m_server;
    QUrl m_base;
};

void tst_Http2::initTestCase()
{
    const QString node = QStringLiteral(NODE_EXECUTABLE);
    if (node.isEmpty() || node.endsWith("-NOTFOUND"_L1))
        QSKIP("node is not installed");
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(node, { QStringLiteral(HTTP2_SERVER_SCRIPT) });
    QVERIFY(m_server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine(), 10000);
    const int port = m_server.readLine().trimmed().toInt();
    QVERIFY(port > 0);
    m_base = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

void tst_Http2::cleanupTestCase()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.kill();
        m_server.waitForFinished();
    }
}

QUrl tst_Http2::endpoint(const QString &path, const QString &query) const
{
    QUrl url = m_base;
    url.setPath(path);
    url.setQuery(query);
    return url;
}

void tst_Http2::property()
{
    QGraphQLHttpTransport transport;
    QCOMPARE(transport.http2Direct(), false);
    QSignalSpy changed(&transport, &QGraphQLHttpTransport::http2DirectChanged);
    transport.setHttp2Direct(true);
    transport.setHttp2Direct(true);
    QCOMPARE(transport.http2Direct(), true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(transport.property("http2Direct").toBool(), true);
}

void tst_Http2::subscriptionsShareOneConnection()
{
    QGraphQLHttpTransport transport(endpoint(u"/sub"_s, u"count=3"_s));
    transport.setHttp2Direct(true);

    constexpr int Streams = 8; // more than QNAM's 6 connections per host
    std::vector<std::unique_ptr<QGraphQLSubscription>> subs;
    for (int i = 0; i < Streams; ++i)
        subs.emplace_back(transport.subscribe(QGraphQLRequest(u"subscription { n }"_s)));
    for (const auto &sub : subs) {
        QTRY_VERIFY_WITH_TIMEOUT(sub->isFinished(), 10000);
        QCOMPARE(sub->state(), QGraphQLOperation::Finished);
        QCOMPARE(sub->resultCount(), 3);
        QCOMPARE(sub->lastResult().data()["n"_L1].toInt(), 2);
    }

    // The server refuses HTTP/1, so every stream above was HTTP/2; and they shared one
    // connection (the query below reuses it too).
    transport.setUrl(endpoint(u"/sessions"_s));
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ sessions }"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->state(), QGraphQLOperation::Finished);
    QCOMPARE(reply->result().data()["sessions"_L1].toInt(), 1);
}

void tst_Http2::httpErrorNamesTheStatus()
{
    // HTTP/2 has no reason phrase on the wire: the message takes the standard one.
    QGraphQLHttpTransport transport(endpoint(u"/status"_s, u"code=404"_s));
    transport.setHttp2Direct(true);
    std::unique_ptr<QGraphQLReply> reply(transport.execute(QGraphQLRequest(u"{ a }"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->error().kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(reply->error().httpStatusCode(), 404);
    QCOMPARE(reply->error().message(), u"HTTP 404 Not Found: no such path"_s);
}

QTEST_GUILESS_MAIN(tst_Http2)
#include "tst_http2.moc"
