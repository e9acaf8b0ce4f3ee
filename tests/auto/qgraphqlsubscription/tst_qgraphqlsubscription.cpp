// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The wire behaviour of subscriptions over Apollo's multipart protocol, against a scripted
// in-process HTTP server. Test names carry the number of the behaviour they show.

#include <QGraphQL/qgraphqlhttptransport.h>

#include "testhttpserver.h"
#include "testprobe.h"
#include "testwire.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qregularexpression.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TestWire;

class tst_QGraphQLSubscription : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void b01_requestIsPostWithMultipartAccept();
    void b01_acceptIsConfigurable();
    void b02_plainJsonAnswerIsOneResult();
    void b02_otherContentTypeIsProtocolError();
    void b02_httpErrorStatus();
    void b02_notAcceptableNamesWhatTheServerOffers();
    void b03_boundaryFromContentType_data();
    void b03_boundaryFromContentType();
    void b03_preambleAndEpilogueIgnored();
    void b03_lfOnlyLineBreaks();
    void b04_splitAtEveryByteOnTheWire();
    void b04_utf8SplitAcrossReads();
    void b04_boundaryInsideJsonString();
    void b04_partHeadersHonoured();
    void b04_nonJsonPartIsProtocolError();
    void b05_heartbeatsNeverDelivered();
    void b05_graphqlErrorsInPayloadKeepStreamOpen();
    void b06_topLevelErrorsAreFatal_data();
    void b06_topLevelErrorsAreFatal();
    void b07_unknownPartIsSkippedWithWarning();
    void b08_malformedJsonIsProtocolError_data();
    void b08_malformedJsonIsProtocolError();
    void b09_earlyEndDeliversEverythingThenFails_data();
    void b09_earlyEndDeliversEverythingThenFails();
    void b10_firstPayloadWhileServerIsSilent_data();
    void b10_firstPayloadWhileServerIsSilent();
    void b11_noOverallTimeLimit();
    void b11_timeoutUntilResponseStarts();
    void b11_heartbeatTimeout();
    void b12_partTooLargeFails();
    void b12_eightMegabytePayloadGoesThrough();
    void b13_gzipStreamsIncrementally();
    void b14_cancelAbortsAtOnce();
    void b14_deleteAbortsSilently();
    void b14_cancelFromResultSlot();
    void b14_deleteLaterFromResultSlot();
    void b15_queryNotDelayedByOpenSubscriptions();
    void transportDestroyedWhileRunning();
    void retryAfterNetworkFailuresWithFreshHeaders();
    void retryGivesUpAfterMaxAttempts();
    void noRetryForProtocolErrors();
    void cancelDuringRetryDelay();
    void retryPolicyDelays();
    void sseAcceptFollowsProtocol_data();
    void sseAcceptFollowsProtocol();
    void sseSubscriptionSplitAtEveryByte();
    void sseEndedEarly();
    void sseMalformedEvent();
    void deferOverMultipart_data();
    void deferOverMultipart();
    void deferOverEventStream();
    void deferredEventInMultipartSubscription();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QGraphQLHttpTransport> m_transport;
    Probe *subscribe(const QString &query = u"subscription { n }"_s);
    std::unique_ptr<Probe> m_probe;
};

void tst_QGraphQLSubscription::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_transport = std::make_unique<QGraphQLHttpTransport>(m_server->url());
}

void tst_QGraphQLSubscription::cleanup()
{
    m_probe.reset();
    m_transport.reset();
    m_server.reset();
}

Probe *tst_QGraphQLSubscription::subscribe(const QString &query)
{
    m_probe = std::make_unique<Probe>(m_transport->subscribe(QGraphQLRequest(query)));
    return m_probe.get();
}

void tst_QGraphQLSubscription::b01_requestIsPostWithMultipartAccept()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerEnd())
                .endChunks()
                .close();
    });
    QGraphQLRequest request(u"subscription($x: Int) { n(x: $x) }"_s, { { "x"_L1, 5 } }, u"Op"_s);
    request.setExtensions({ { "e"_L1, true } });
    Probe probe(m_transport->subscribe(request));
    QVERIFY(probe.waitFinished());
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe.numbers(), QList<int> { 1 });

    QCOMPARE(m_server->requests.size(), 1);
    const TestHttpRequest &sent = m_server->requests.first();
    QCOMPARE(sent.method, "POST");
    QCOMPARE(sent.path, "/graphql");
    QCOMPARE(sent.header("Content-Type"), "application/json");
    QCOMPARE(sent.header("Accept"), R"(multipart/mixed;subscriptionSpec="1.0", application/json)");
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(body.value("query"_L1).toString(), request.query());
    QCOMPARE(body.value("variables"_L1).toObject(), request.variables());
    QCOMPARE(body.value("operationName"_L1).toString(), u"Op"_s);
    QCOMPARE(body.value("extensions"_L1).toObject(), request.extensions());
}

void tst_QGraphQLSubscription::b01_acceptIsConfigurable()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", R"({"data":{"n":1}})");
    });
    m_transport->setSubscriptionAccept("multipart/mixed;subscriptionSpec=1.0,application/json");
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(m_server->requests.first().header("Accept"),
             "multipart/mixed;subscriptionSpec=1.0,application/json");
    // The request has no variables: the member is left out.
    QVERIFY(!QJsonDocument::fromJson(m_server->requests.first().body)
                     .object()
                     .contains("variables"_L1));
}

void tst_QGraphQLSubscription::b02_plainJsonAnswerIsOneResult()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(
                200, "application/json; charset=utf-8",
                R"({"errors":[{"message":"Unknown field \"x\"","locations":[{"line":1,"column":16}]}]})");
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->errors.size(), 0);
    QCOMPARE(probe->results.size(), 1);
    const QGraphQLResult result = probe->result(0);
    QVERIFY(result.data().isUndefined());
    QCOMPARE(result.errors().size(), 1);
    QCOMPARE(result.errors().first().message(), u"Unknown field \"x\""_s);
    QCOMPARE(result.errors().first().locations().first().column, 16);
}

void tst_QGraphQLSubscription::b02_otherContentTypeIsProtocolError()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "text/html; charset=utf-8", "<html>proxy</html>");
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->errors.size(), 1);
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(error.message().contains("text/html"_L1), qPrintable(error.message()));
    QCOMPARE(probe->results.size(), 0);
}

void tst_QGraphQLSubscription::b02_httpErrorStatus()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(
                406, "application/json",
                R"({"errors":[{"message":"'accept' header must be one of: multipart/mixed"}]})");
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(error.httpStatusCode(), 406);
    QVERIFY2(error.message().contains("406 Not Acceptable"_L1), qPrintable(error.message()));
    QVERIFY2(error.message().contains("'accept' header"_L1), qPrintable(error.message()));
    QCOMPARE(error.result().errors().size(), 1);
    QCOMPARE(probe->results.size(), 0);
}

// graphql-yoga 5's answer to a multipart subscription request: 406, an "accept" response
// header and an empty chunked body. The error says what to switch to.
void tst_QGraphQLSubscription::b02_notAcceptableNamesWhatTheServerOffers()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(406, QByteArray(), true,
                      { { "accept", "text/event-stream; charset=utf-8, text/event-stream" } })
                .endChunks();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(error.httpStatusCode(), 406);
    QVERIFY2(error.message().startsWith("HTTP 406 Not Acceptable (the server offers: "
                                        "text/event-stream; charset=utf-8, text/event-stream)"_L1),
             qPrintable(error.message()));
    QVERIFY2(error.message().contains("ServerSentEvents or Auto subscription protocol"_L1),
             qPrintable(error.message()));
    QCOMPARE(probe->results.size(), 0);
}

void tst_QGraphQLSubscription::b03_boundaryFromContentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("boundary");
    QTest::addRow("quoted") << QByteArray(
            R"(multipart/mixed;boundary="graphql";subscriptionSpec="1.0")")
                            << QByteArray("graphql");
    QTest::addRow("unquoted") << QByteArray(
            "multipart/mixed; boundary=graphql; subscriptionSpec=1.0")
                              << QByteArray("graphql");
    QTest::addRow("order and case")
            << QByteArray(R"(Multipart/Mixed; subscriptionSpec="1.0"; BOUNDARY="abc")")
            << QByteArray("abc");
    QTest::addRow("absent means -") << QByteArray("multipart/mixed") << QByteArray("-");
    QTest::addRow("dash") << QByteArray(R"(multipart/mixed; boundary="-")") << QByteArray("-");
}

void tst_QGraphQLSubscription::b03_boundaryFromContentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, boundary);
    const QByteArray delimiter = "--" + boundary;
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, contentType)
                .chunk("\r\n" + delimiter + "\r\nContent-Type: application/json\r\n\r\n"
                       + payload(1))
                .chunk("\r\n" + delimiter + "\r\nContent-Type: application/json\r\n\r\n"
                       + payload(2))
                .chunk("\r\n" + delimiter + "--\r\n")
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
}

void tst_QGraphQLSubscription::b03_preambleAndEpilogueIgnored()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("This is a preamble {\"payload\":{\"data\":{\"n\":99}}}\r\n--graphql\r\n\r\n"
                       + payload(1))
                .chunk("\r\n--graphql--\r\nepilogue " + payload(98))
                .wait(100)
                .chunk(leadingPart(payload(97)))
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), QList<int> { 1 });
}

void tst_QGraphQLSubscription::b03_lfOnlyLineBreaks()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("--graphql\nContent-Type: application/json\n\n" + payload(1) + "\n")
                .chunk("--graphql\ncontent-type: application/json\n\n{}\n--graphql\n\n"
                       + payload(2))
                .chunk("\n--graphql--\n")
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
}

void tst_QGraphQLSubscription::b04_splitAtEveryByteOnTheWire()
{
    const QByteArray stream = routerStart() + routerPart("{}") + routerPart(payload(1))
            + routerPart(R"({"payload":{"data":{"n":2,"s":"héllo ✓"}}})") + routerPart(payload(3))
            + routerEnd();
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript().head(200, MultipartType).bytewise(stream, 0).endChunks().close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished(30000));
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2, 3 }));
    QCOMPARE(probe->result(1).data()["s"_L1].toString(), u"héllo ✓"_s);
}

void tst_QGraphQLSubscription::b04_utf8SplitAcrossReads()
{
    const QByteArray json = R"({"payload":{"data":{"n":1,"s":"€𝄞"}}})";
    const qsizetype euro = json.indexOf("\xe2\x82\xac");
    m_server->setHandler([&](const TestHttpRequest &) {
        const QByteArray all = routerStart() + routerPart(json) + routerEnd();
        const qsizetype split = all.indexOf("\xe2\x82\xac") + 1; // inside the euro sign
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(all.left(split))
                .wait(50)
                .chunk(all.mid(split, 6)) // ends inside the 4-byte G clef
                .wait(50)
                .chunk(all.mid(split + 6))
                .endChunks()
                .close();
    });
    QVERIFY(euro > 0);
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->results.size(), 1);
    QCOMPARE(probe->result(0).data()["s"_L1].toString(), u"€𝄞"_s);
}

void tst_QGraphQLSubscription::b04_boundaryInsideJsonString()
{
    const QByteArray tricky = R"({"payload":{"data":{"n":1,"s":"\r\n--graphql\r\n--graphql--"}}})";
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(tricky) + routerPart(payload(2)) + routerEnd())
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
    QCOMPARE(probe->result(0).data()["s"_L1].toString(), u"\r\n--graphql\r\n--graphql--"_s);
}

void tst_QGraphQLSubscription::b04_partHeadersHonoured()
{
    // Content-Length framed parts (as graphql-yoga writes them) and a charset parameter.
    const QByteArray p1 = payload(1);
    const QByteArray p2 = payload(2);
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, R"(multipart/mixed; boundary="-")")
                .chunk("\r\n---\r\nContent-Type: application/json; "
                       "charset=utf-8\r\nContent-Length: "
                       + QByteArray::number(p1.size()) + "\r\n\r\n" + p1 + "\r\n---")
                .chunk("\r\nCONTENT-TYPE: application/graphql-response+json\r\nContent-Length: "
                       + QByteArray::number(p2.size()) + "\r\n\r\n" + p2 + "\r\n---")
                .chunk("--\r\n")
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
}

void tst_QGraphQLSubscription::b04_nonJsonPartIsProtocolError()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1))
                       + "\r\ncontent-type: text/plain\r\n\r\nhello\r\n--graphql")
                .wait(20)
                .chunk(routerPart(payload(2)))
                .stall();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(probe->operation->error().message().contains("text/plain"_L1),
             qPrintable(probe->operation->error().message()));
}

void tst_QGraphQLSubscription::b05_heartbeatsNeverDelivered()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart("{}") + routerPart(payload(1)))
                .chunk(routerPart("") + routerPart("  \r\n ") + routerPart(R"({"payload":null})"))
                .chunk(routerPart(" {} ") + routerPart(payload(2)) + "\r\n--graphql--\r\n")
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
    QCOMPARE(probe->operation->resultCount(), 2);
}

void tst_QGraphQLSubscription::b05_graphqlErrorsInPayloadKeepStreamOpen()
{
    const QByteArray withErrors
            = R"({"payload":{"data":{"n":null},"errors":[{"message":"boom","path":["n"]}],"extensions":{"cost":3}}})";
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(withErrors))
                .wait(20)
                .chunk(routerPart(payload(2)) + routerEnd())
                .endChunks()
                .close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->results.size(), 2);
    const QGraphQLResult first = probe->result(0);
    QVERIFY(first.data().toObject().value("n"_L1).isNull());
    QCOMPARE(first.errors().size(), 1);
    QCOMPARE(first.errors().first().message(), u"boom"_s);
    QCOMPARE(first.errors().first().path(), QJsonArray { u"n"_s });
    QCOMPARE(first.extensions().value("cost"_L1).toInt(), 3);
    QCOMPARE(probe->result(1).data()["n"_L1].toInt(), 2);
}

void tst_QGraphQLSubscription::b06_topLevelErrorsAreFatal_data()
{
    QTest::addColumn<QByteArray>("part");
    QTest::addRow("payload null") << QByteArray(
            R"({"payload":null,"errors":[{"message":"subgraph gone","extensions":{"code":"SUBSCRIPTION_SCHEMA_RELOAD"}},{"message":"second"}]})");
    QTest::addRow("no payload") << QByteArray(
            R"({"errors":[{"message":"subgraph gone"},{"message":"second"}]})");
}

void tst_QGraphQLSubscription::b06_topLevelErrorsAreFatal()
{
    QFETCH(QByteArray, part);
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerPart(part))
                .wait(50)
                .chunk(routerPart(payload(2)))
                .stall();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->errors.size(), 1);
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::ServerError);
    QVERIFY2(error.message().contains("subgraph gone"_L1) && error.message().contains("second"_L1),
             qPrintable(error.message()));
    QCOMPARE(error.result().errors().size(), 2);
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Failed);
}

void tst_QGraphQLSubscription::b07_unknownPartIsSkippedWithWarning()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(R"({"hello":"world"})") + routerPart(payload(1))
                       + routerEnd())
                .endChunks()
                .close();
    });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"neither \"payload\" nor \"errors\""_s));
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), QList<int> { 1 });
}

void tst_QGraphQLSubscription::b08_malformedJsonIsProtocolError_data()
{
    QTest::addColumn<QByteArray>("part");
    QTest::addColumn<QString>("expected");
    QTest::addRow("truncated object")
            << QByteArray(R"({"payload":{"data":{"n":2})") << u"Invalid JSON"_s;
    QTest::addRow("garbage") << QByteArray("not json at all") << u"Invalid JSON"_s;
    QTest::addRow("invalid utf-8")
            << QByteArray("{\"payload\":{\"data\":{\"s\":\"\xc3\x28\"}}}") << u"Invalid JSON"_s;
    QTest::addRow("array") << QByteArray("[1,2]") << u"Expected a JSON object"_s;
    QTest::addRow("payload not an object")
            << QByteArray(R"({"payload":"x"})") << u"not an object"_s;
}

void tst_QGraphQLSubscription::b08_malformedJsonIsProtocolError()
{
    QFETCH(QByteArray, part);
    QFETCH(QString, expected);
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerPart(part)
                       + routerPart(payload(3)))
                .stall();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
    QVERIFY2(error.message().contains("byte"_L1), qPrintable(error.message()));
}

void tst_QGraphQLSubscription::b09_earlyEndDeliversEverythingThenFails_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("reset");
    QTest::addColumn<QList<int>>("expected");
    const QByteArray two = routerStart() + routerPart(payload(1)) + routerPart(payload(2));
    QTest::addRow("clean end after a delimiter") << two << false << QList<int> { 1, 2 };
    QTest::addRow("reset after a delimiter") << two << true << QList<int> { 1, 2 };
    QTest::addRow("reset inside a part")
            << two + "\r\ncontent-type: application/json\r\n\r\n{\"payload\":{\"da" << true
            << QList<int> { 1, 2 };
    QTest::addRow("final part complete without delimiter")
            << leadingPart(payload(1)) + leadingPart(payload(2)) << false << QList<int> { 1, 2 };
    QTest::addRow("final part complete, reset") << leadingPart(payload(1)) + leadingPart(payload(2))
                    + "\r\n" << true << QList<int> { 1, 2 };
    QTest::addRow("reset inside the headers") << routerStart() + routerPart(payload(1))
                    + "\r\ncontent-ty" << true << QList<int> { 1 };
    QTest::addRow("nothing but headers") << QByteArray() << false << QList<int> {};
}

void tst_QGraphQLSubscription::b09_earlyEndDeliversEverythingThenFails()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, reset);
    QFETCH(QList<int>, expected);
    m_server->setHandler([&](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, MultipartType).chunk(body).wait(50);
        if (reset)
            return script.abort();
        return script.endChunks().close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), expected);
    QCOMPARE(probe->errors.size(), 1);
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(error.message().contains("ended before its close delimiter"_L1),
             qPrintable(error.message()));
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Failed);
}

void tst_QGraphQLSubscription::b10_firstPayloadWhileServerIsSilent_data()
{
    QTest::addColumn<QByteArray>("firstChunk");
    QTest::addRow("router framing") << routerStart() + routerPart(payload(1));
    QTest::addRow("delimiter first") << leadingPart(payload(1));
    QTest::addRow("delimiter first, CRLF after") << leadingPart(payload(1)) + "\r\n";
    QTest::addRow("content-length")
            << "\r\n--graphql\r\ncontent-type: application/json\r\ncontent-length: "
                    + QByteArray::number(payload(1).size()) + "\r\n\r\n" + payload(1);
}

void tst_QGraphQLSubscription::b10_firstPayloadWhileServerIsSilent()
{
    QFETCH(QByteArray, firstChunk);
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript().head(200, MultipartType).chunk(firstChunk).stall();
    });
    Probe *probe = subscribe();
    // The server says nothing more after the first part: it must surface anyway.
    QTRY_COMPARE_WITH_TIMEOUT(probe->results.size(), 1, 10000);
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->finished.size(), 0);
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Active);
}

void tst_QGraphQLSubscription::b11_noOverallTimeLimit()
{
    m_transport->setTimeout(300);
    m_server->setHandler([](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, MultipartType).chunk(routerStart());
        for (int i = 1; i <= 6; ++i)
            script.wait(150).chunk(routerPart(payload(i)));
        return script.chunk(routerEnd()).endChunks().close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2, 3, 4, 5, 6 }));
}

void tst_QGraphQLSubscription::b11_timeoutUntilResponseStarts()
{
    m_transport->setTimeout(300);
    m_server->setHandler([](const TestHttpRequest &) { return TestHttpScript().stall(); });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::Timeout);
    QVERIFY2(probe->operation->error().message().contains("300 ms"_L1),
             qPrintable(probe->operation->error().message()));
    QTRY_COMPARE(m_server->disconnections(), 1); // the request was aborted
}

void tst_QGraphQLSubscription::b11_heartbeatTimeout()
{
    m_transport->setHeartbeatTimeout(400);
    m_server->setHandler([](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, MultipartType).chunk(routerStart());
        for (int i = 0; i < 4; ++i) // heartbeats keep it alive past the timeout...
            script.wait(150).chunk(routerPart("{}"));
        return script.chunk(routerPart(payload(1))).stall(); // ...then silence
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::Timeout);
    QVERIFY2(error.message().contains("Heartbeat"_L1), qPrintable(error.message()));
}

void tst_QGraphQLSubscription::b12_partTooLargeFails()
{
    m_transport->setMaxPartSize(1024 * 1024);
    m_server->setHandler([](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1))
                       + "\r\ncontent-type: application/json\r\n\r\n");
        const QByteArray flood(64 * 1024, 'x');
        for (int i = 0; i < 64; ++i) // 4 MiB without a delimiter
            script.chunk(flood);
        return script.stall();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    const QGraphQLTransportError error = probe->operation->error();
    QCOMPARE(error.kind(), QGraphQLTransportError::ProtocolError);
    QVERIFY2(error.message().contains("maximum part size"_L1), qPrintable(error.message()));
}

void tst_QGraphQLSubscription::b12_eightMegabytePayloadGoesThrough()
{
    const QByteArray big(8 * 1024 * 1024, 'a');
    const QByteArray json = R"({"payload":{"data":{"n":1,"big":")" + big + "\"}}}";
    m_server->setHandler([&](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, MultipartType).chunk(routerStart());
        const QByteArray part = routerPart(json);
        for (qsizetype i = 0; i < part.size(); i += 256 * 1024)
            script.chunk(part.mid(i, 256 * 1024));
        return script.chunk(routerPart(payload(2)) + routerEnd()).endChunks().close();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished(60000));
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
    QCOMPARE(probe->result(0).data()["big"_L1].toString().size(), big.size());
}

void tst_QGraphQLSubscription::b13_gzipStreamsIncrementally()
{
    auto gzip = std::make_shared<TestGzipStream>();
    m_server->setHandler([gzip](const TestHttpRequest &request) {
        Q_ASSERT(request.header("Accept-Encoding").contains("gzip"));
        return TestHttpScript()
                .head(200, MultipartType, true, { { "Content-Encoding", "gzip" } })
                .chunk(gzip->compress(routerStart() + routerPart("{}") + routerPart(payload(1))))
                .stall();
    });
    Probe *probe = subscribe();
    QTRY_COMPARE_WITH_TIMEOUT(probe->results.size(), 1, 10000); // while the server is silent
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->finished.size(), 0);
}

void tst_QGraphQLSubscription::b14_cancelAbortsAtOnce()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)))
                .stall();
    });
    Probe *probe = subscribe();
    QSignalSpy states(probe->operation.get(), &QGraphQLOperation::stateChanged);
    QTRY_COMPARE(probe->results.size(), 1);
    probe->operation->cancel();
    // Synchronous: every signal has been emitted when cancel() returns.
    QCOMPARE(probe->finished.size(), 1);
    QCOMPARE(probe->errors.size(), 0);
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Cancelled);
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::Cancelled);
    QCOMPARE(states.last().at(0).value<QGraphQLOperation::State>(), QGraphQLOperation::Cancelled);
    QTRY_COMPARE(m_server->disconnections(), 1);
    probe->operation->cancel(); // idempotent
    QCOMPARE(probe->finished.size(), 1);
}

void tst_QGraphQLSubscription::b14_deleteAbortsSilently()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)))
                .stall();
    });
    Probe *probe = subscribe();
    QTRY_COMPARE(probe->results.size(), 1);
    QSignalSpy destroyed(probe->operation.get(), &QObject::destroyed);
    probe->operation.reset();
    QCOMPARE(destroyed.size(), 1);
    QCOMPARE(probe->finished.size(), 0);
    QTRY_COMPARE(m_server->disconnections(), 1);
}

void tst_QGraphQLSubscription::b14_cancelFromResultSlot()
{
    m_server->setHandler([](const TestHttpRequest &) {
        // Two results in one read: cancelling on the first must drop the second.
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerPart(payload(2)))
                .stall();
    });
    Probe *probe = subscribe();
    connect(probe->operation.get(), &QGraphQLOperation::resultReceived, probe->operation.get(),
            &QGraphQLOperation::cancel);
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Cancelled);
    QTRY_COMPARE(m_server->disconnections(), 1);
}

void tst_QGraphQLSubscription::b14_deleteLaterFromResultSlot()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerPart(payload(2)))
                .stall();
    });
    QGraphQLSubscription *subscription
            = m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s));
    int results = 0;
    connect(subscription, &QGraphQLOperation::resultReceived, subscription, [&] {
        ++results;
        subscription->deleteLater();
    });
    QSignalSpy destroyed(subscription, &QObject::destroyed);
    QTRY_COMPARE(destroyed.size(), 1);
    QVERIFY(results >= 1);
    QTRY_COMPARE(m_server->disconnections(), 1);
}

void tst_QGraphQLSubscription::b15_queryNotDelayedByOpenSubscriptions()
{
    m_server->setHandler([](const TestHttpRequest &request) {
        if (request.body.contains("subscription"))
            return TestHttpScript()
                    .head(200, MultipartType)
                    .chunk(routerStart() + routerPart(payload(1)))
                    .stall();
        return TestHttpScript().respond(200, "application/json", R"({"data":{"q":1}})");
    });
    std::vector<std::unique_ptr<Probe>> subscriptions;
    for (int i = 0; i < 8; ++i)
        subscriptions.push_back(std::make_unique<Probe>(
                m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s))));
    for (const auto &probe : subscriptions) // all eight are live at once
        QTRY_COMPARE_WITH_TIMEOUT(probe->results.size(), 1, 10000);

    QElapsedTimer timer;
    timer.start();
    Probe query(m_transport->execute(QGraphQLRequest(u"{ q }"_s)));
    QVERIFY(query.waitFinished(5000));
    QCOMPARE(query.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(query.result(0).data()["q"_L1].toInt(), 1);
    qDebug() << "query answered in" << timer.elapsed() << "ms with 8 subscriptions open";
    for (const auto &probe : subscriptions)
        QCOMPARE(probe->finished.size(), 0);
}

void tst_QGraphQLSubscription::transportDestroyedWhileRunning()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)))
                .stall();
    });
    Probe *probe = subscribe();
    QTRY_COMPARE(probe->results.size(), 1);
    m_transport.reset(); // destroys its network access manager and, with it, the reply
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(probe->operation->error().message().contains("destroyed"_L1),
             qPrintable(probe->operation->error().message()));
    QTRY_COMPARE(m_server->disconnections(), 1);
}

static QGraphQLRetryPolicy fastRetries(int attempts)
{
    QGraphQLRetryPolicy policy(attempts);
    policy.setInitialDelay(50);
    policy.setJitter(0);
    return policy;
}

void tst_QGraphQLSubscription::retryAfterNetworkFailuresWithFreshHeaders()
{
    m_server->setHandler([this](const TestHttpRequest &) {
        switch (m_server->requests.size()) {
        case 1: // streams, then the connection drops
            return TestHttpScript()
                    .head(200, MultipartType)
                    .chunk(routerStart() + routerPart(payload(1)))
                    .wait(50)
                    .abort();
        case 2: // a gateway that is briefly unavailable
            return TestHttpScript().respond(503, "text/plain", "try again");
        default:
            return TestHttpScript()
                    .head(200, MultipartType)
                    .chunk(routerStart() + routerPart(payload(2)) + routerEnd())
                    .endChunks()
                    .close();
        }
    });
    m_transport->setRetryPolicy(fastRetries(2));
    m_transport->setHeader("Authorization", "Bearer 0");
    Probe *probe = subscribe();
    auto *subscription = qobject_cast<QGraphQLSubscription *>(probe->operation.get());
    QSignalSpy reconnecting(subscription, &QGraphQLSubscription::reconnecting);
    connect(subscription, &QGraphQLSubscription::reconnecting, this,
            [this](int attempt, int delay, const QGraphQLTransportError &error) {
                QCOMPARE(delay, 50 * (attempt == 1 ? 1 : 2));
                QCOMPARE(error.kind(),
                         attempt == 1 ? QGraphQLTransportError::NetworkError
                                      : QGraphQLTransportError::HttpStatusError);
                m_transport->setHeader("Authorization", "Bearer " + QByteArray::number(attempt));
            });
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
    QCOMPARE(probe->errors.size(), 0);
    QCOMPARE(reconnecting.size(), 2);
    QCOMPARE(reconnecting.at(0).at(0).toInt(), 1); // a good start resets the count...
    QCOMPARE(reconnecting.at(1).at(0).toInt(), 2); // ...a failed attempt does not
    QCOMPARE(m_server->requests.size(), 3);
    QCOMPARE(m_server->requests.at(0).header("Authorization"), "Bearer 0");
    QCOMPARE(m_server->requests.at(1).header("Authorization"), "Bearer 1");
    QCOMPARE(m_server->requests.at(2).header("Authorization"), "Bearer 2");
}

void tst_QGraphQLSubscription::retryGivesUpAfterMaxAttempts()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(503, "text/plain", "down");
    });
    m_transport->setRetryPolicy(fastRetries(2));
    Probe *probe = subscribe();
    QSignalSpy reconnecting(qobject_cast<QGraphQLSubscription *>(probe->operation.get()),
                            &QGraphQLSubscription::reconnecting);
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::HttpStatusError);
    QCOMPARE(probe->operation->error().httpStatusCode(), 503);
    QCOMPARE(probe->errors.size(), 1);
    QCOMPARE(reconnecting.size(), 2);
    QCOMPARE(m_server->requests.size(), 3);
}

void tst_QGraphQLSubscription::noRetryForProtocolErrors()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart("{broken") + routerPart(payload(2)))
                .stall();
    });
    m_transport->setRetryPolicy(fastRetries(3));
    Probe *probe = subscribe();
    QSignalSpy reconnecting(qobject_cast<QGraphQLSubscription *>(probe->operation.get()),
                            &QGraphQLSubscription::reconnecting);
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::ProtocolError);
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(m_server->requests.size(), 1);
}

void tst_QGraphQLSubscription::cancelDuringRetryDelay()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(503, "text/plain", "down");
    });
    QGraphQLRetryPolicy policy(5);
    policy.setInitialDelay(60000);
    m_transport->setRetryPolicy(policy);
    Probe *probe = subscribe();
    QSignalSpy reconnecting(qobject_cast<QGraphQLSubscription *>(probe->operation.get()),
                            &QGraphQLSubscription::reconnecting);
    QTRY_COMPARE(reconnecting.size(), 1);
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Connecting);
    probe->operation->cancel();
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Cancelled);
    QCOMPARE(probe->finished.size(), 1);
    QTest::qWait(100);
    QCOMPARE(m_server->requests.size(), 1);
}

void tst_QGraphQLSubscription::retryPolicyDelays()
{
    QGraphQLRetryPolicy policy(10);
    policy.setInitialDelay(100);
    policy.setMaxDelay(1000);
    policy.setJitter(0);
    QCOMPARE(policy.delayFor(1), 100);
    QCOMPARE(policy.delayFor(2), 200);
    QCOMPARE(policy.delayFor(4), 800);
    QCOMPARE(policy.delayFor(5), 1000);
    policy.setJitter(0.5);
    for (int i = 0; i < 100; ++i) {
        const int delay = policy.delayFor(2);
        QVERIFY2(delay >= 100 && delay <= 300, qPrintable(QString::number(delay)));
    }
    QVERIFY(!QGraphQLRetryPolicy().isEnabled());
    QGraphQLTransportError http(QGraphQLTransportError::HttpStatusError, u"HTTP 503"_s);
    http.setHttpStatusCode(503);
    QVERIFY(QGraphQLRetryPolicy::isRetryable(http));
    http.setHttpStatusCode(400);
    QVERIFY(!QGraphQLRetryPolicy::isRetryable(http));
    QVERIFY(!QGraphQLRetryPolicy::isRetryable(
            QGraphQLTransportError(QGraphQLTransportError::ServerError, u"x"_s)));
    QVERIFY(!QGraphQLRetryPolicy::isRetryable(
            QGraphQLTransportError(QGraphQLTransportError::Cancelled, u"x"_s)));
}

// graphql-yoga's bytes for a subscription over SSE (shared/notes/environment.md §4.1).
static QByteArray yogaEvents()
{
    return ":\n\nevent: next\ndata: {\"data\":{\"n\":1}}\n\n"
           "event: next\ndata: {\"data\":{\"n\":2}}\n\nevent: complete\ndata:\n\n";
}

void tst_QGraphQLSubscription::sseAcceptFollowsProtocol_data()
{
    QTest::addColumn<QGraphQLHttpTransport::SubscriptionProtocol>("protocol");
    QTest::addColumn<QByteArray>("accept");
    QTest::addRow("multipart")
            << QGraphQLHttpTransport::Multipart
            << QByteArray(R"(multipart/mixed;subscriptionSpec="1.0", application/json)");
    QTest::addRow("sse") << QGraphQLHttpTransport::ServerSentEvents
                         << QByteArray("text/event-stream, application/json");
    QTest::addRow("auto")
            << QGraphQLHttpTransport::Auto
            << QByteArray(
                       R"(multipart/mixed;subscriptionSpec="1.0", text/event-stream, application/json)");
}

void tst_QGraphQLSubscription::sseAcceptFollowsProtocol()
{
    QFETCH(QGraphQLHttpTransport::SubscriptionProtocol, protocol);
    QFETCH(QByteArray, accept);
    m_server->setHandler([](const TestHttpRequest &request) {
        if (request.header("Accept").contains("text/event-stream"))
            return TestHttpScript().respond(200, "text/event-stream", yogaEvents());
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(payload(1)) + routerPart(payload(2))
                       + routerEnd())
                .endChunks()
                .close();
    });
    m_transport->setSubscriptionProtocol(protocol);
    QCOMPARE(m_transport->subscriptionAccept(), accept);
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
    QCOMPARE(m_server->requests.first().header("Accept"), accept);

    m_transport->setSubscriptionAccept("text/event-stream"); // an override wins
    QCOMPARE(m_transport->subscriptionAccept(), "text/event-stream");
    m_transport->setSubscriptionAccept({});
    QCOMPARE(m_transport->subscriptionAccept(), accept);
}

void tst_QGraphQLSubscription::sseSubscriptionSplitAtEveryByte()
{
    const QByteArray stream
            = ":\r\n\r\nevent: next\r\ndata: {\"data\":{\"n\":1,\"s\":\"é€\"}}\r\n\r\n"
              ": keep-alive\n\nevent: next\ndata: {\"data\":\ndata: {\"n\":2}}\n\n"
              "event: complete\n\n";
    m_server->setHandler([&](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, "text/event-stream")
                .bytewise(stream, 0)
                .endChunks()
                .close();
    });
    m_transport->setSubscriptionProtocol(QGraphQLHttpTransport::ServerSentEvents);
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished(30000));
    QCOMPARE(probe->operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe->numbers(), (QList<int> { 1, 2 }));
    QCOMPARE(probe->result(0).data()["s"_L1].toString(), u"é€"_s);
}

void tst_QGraphQLSubscription::sseEndedEarly()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, "text/event-stream")
                .chunk("event: next\ndata: {\"data\":{\"n\":1}}\n\n")
                .wait(20)
                .abort();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(probe->operation->error().message().contains("before its complete event"_L1),
             qPrintable(probe->operation->error().message()));
}

void tst_QGraphQLSubscription::sseMalformedEvent()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, "text/event-stream")
                .chunk("event: next\ndata: {\"data\":{\"n\":1}}\n\nevent: next\ndata: {oops\n\n")
                .stall();
    });
    Probe *probe = subscribe();
    QVERIFY(probe->waitFinished());
    QCOMPARE(probe->numbers(), QList<int> { 1 });
    QCOMPARE(probe->operation->error().kind(), QGraphQLTransportError::ProtocolError);
}

void tst_QGraphQLSubscription::deferOverMultipart_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QList<QByteArray>>("chunks");
    // graphql-yoga 5 with its defer-stream plugin (graphql-js 16 format), byte for byte.
    QTest::addRow("graphql-yoga")
            << QByteArray(R"(multipart/mixed; boundary="-")")
            << QList<QByteArray> {
                   "\r\n---\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                   "41\r\n\r\n{\"data\":{\"hello\":\"world\"},\"hasNext\":true}\r\n---",
                   "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                   "68\r\n\r\n{\"incremental\":[{\"data\":{\"slow\":\"late\"},\"path\":[]}],"
                   "\"hasNext\":false}\r\n---",
                   "--\r\n"
               };
    // Apollo Server 5 with graphql 17.0.0-alpha.9 (incrementalSpec=v0.2), byte for byte.
    QTest::addRow("apollo server")
            << QByteArray(R"(multipart/mixed; boundary="-"; incrementalSpec=v0.2)")
            << QList<QByteArray> {
                   "\r\n---\r\ncontent-type: application/json; "
                   "charset=utf-8\r\n\r\n{\"data\":{\"hello\":\"world\"},\"pending\":[{\"id\":"
                   "\"0\",\"path\":[]}],\"hasNext\":true}\r\n---\r\n",
                   "content-type: application/json; "
                   "charset=utf-8\r\n\r\n{\"hasNext\":false,\"incremental\":[{\"data\":{\"slow\":"
                   "\"late\"},\"id\":\"0\"}],\"completed\":[{\"id\":\"0\"}]}\r\n-----\r\n"
               };
}

void tst_QGraphQLSubscription::deferOverMultipart()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QList<QByteArray>, chunks);
    m_server->setHandler([&](const TestHttpRequest &) {
        TestHttpScript script;
        script.head(200, contentType);
        for (const QByteArray &chunk : chunks)
            script.chunk(chunk).wait(100);
        return script.endChunks().close();
    });
    Probe query(m_transport->execute(QGraphQLRequest(u"{ hello ... @defer { slow } }"_s)));
    // The first step surfaces before the server sends the deferred part.
    QTRY_COMPARE_WITH_TIMEOUT(query.results.size(), 1, 10000);
    QCOMPARE(query.finished.size(), 0);
    const QGraphQLResult first = query.result(0);
    QVERIFY(first.hasNext());
    QCOMPARE(first.data().toObject(), (QJsonObject { { "hello"_L1, u"world"_s } }));
    QVERIFY(query.waitFinished());
    QCOMPARE(query.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(query.results.size(), 2);
    const QGraphQLResult last = query.result(1);
    QVERIFY(!last.hasNext());
    // The final result is what the server answers without @defer.
    QCOMPARE(last.data().toObject(),
             (QJsonObject { { "hello"_L1, u"world"_s }, { "slow"_L1, u"late"_s } }));
    QCOMPARE(last.incremental().size(), 1);
    QCOMPARE(last.incremental().first()["data"_L1]["slow"_L1].toString(), u"late"_s);
    QCOMPARE(QJsonDocument(last.toJson()).toJson(QJsonDocument::Compact),
             R"({"data":{"hello":"world","slow":"late"},"hasNext":false})");
    QCOMPARE(qobject_cast<QGraphQLReply *>(query.operation.get())->result(), last);
    QCOMPARE(m_server->requests.first().header("Accept"),
             QGraphQLHttpTransport::incrementalAccept());
}

void tst_QGraphQLSubscription::deferOverEventStream()
{
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, "text/event-stream")
                .chunk(":\n\nevent: next\ndata: {\"data\":{\"list\":[1]},\"hasNext\":true}\n\n")
                .wait(30)
                .chunk("event: next\ndata: "
                       "{\"incremental\":[{\"items\":[2,3],\"path\":[\"list\",1]}],\"hasNext\":"
                       "true}\n\n")
                .chunk("event: next\ndata: {\"hasNext\":false}\n\nevent: complete\ndata:\n\n")
                .endChunks()
                .close();
    });
    Probe query(m_transport->execute(QGraphQLRequest(u"{ list @stream(initialCount: 1) }"_s)));
    QVERIFY(query.waitFinished());
    QCOMPARE(query.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(query.results.size(), 3);
    QCOMPARE(query.result(1).data()["list"_L1].toArray(), (QJsonArray { 1, 2, 3 }));
    QVERIFY(!query.result(2).hasNext());
    QCOMPARE(query.result(2).data()["list"_L1].toArray(), (QJsonArray { 1, 2, 3 }));
}

void tst_QGraphQLSubscription::deferredEventInMultipartSubscription()
{
    // A subscription event delivered incrementally (incrementalSpec v0.2 inside the multipart
    // subscription's payload wrapper) is merged; the events around it go out as they are.
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk(routerStart() + routerPart(R"({"payload":{"data":{"n":1}}})"))
                .chunk(routerPart(R"({"payload":{"data":{"n":2},"pending":[{"id":"0","path":[]}],)"
                                  R"("hasNext":true}})"))
                .wait(30)
                .chunk(routerPart(R"({"payload":{"incremental":[{"id":"0","data":{"late":true}}],)"
                                  R"("completed":[{"id":"0"}],"hasNext":false}})"))
                .chunk(routerPart(R"({"payload":{"data":{"n":3}}})") + routerEnd())
                .endChunks()
                .close();
    });
    Probe probe(
            m_transport->subscribe(QGraphQLRequest(u"subscription { n ... @defer { late } }"_s)));
    QVERIFY(probe.waitFinished());
    QCOMPARE(probe.operation->state(), QGraphQLOperation::Finished);
    QCOMPARE(probe.results.size(), 4);
    QCOMPARE(probe.result(0).data().toObject(), (QJsonObject { { "n"_L1, 1 } }));
    QVERIFY(probe.result(1).hasNext());
    QCOMPARE(probe.result(1).data().toObject(), (QJsonObject { { "n"_L1, 2 } }));
    QVERIFY(!probe.result(2).hasNext());
    QCOMPARE(probe.result(2).data().toObject(),
             (QJsonObject { { "n"_L1, 2 }, { "late"_L1, true } }));
    QCOMPARE(probe.result(2).incremental().size(), 1);
    QCOMPARE(probe.result(3).data().toObject(), (QJsonObject { { "n"_L1, 3 } }));
    QVERIFY(probe.result(3).incremental().isEmpty());
    QCOMPARE(QJsonDocument(probe.result(3).toJson()).toJson(QJsonDocument::Compact),
             R"({"data":{"n":3}})");
}

QTEST_GUILESS_MAIN(tst_QGraphQLSubscription)
#include "tst_qgraphqlsubscription.moc"
