// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "protocol/qgraphqlresponsereader_p.h"
#include "protocol/qgraphqlresponseparser_p.h"
#include "protocol/qgraphqlresponsereaders_p.h"

#include "../shared/testwire.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qregularexpression.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

using Event = QGraphQLReaderEvent;
using Kind = QGraphQLOperationKind;
using End = QGraphQLInputEnd;

Q_DECLARE_METATYPE(QGraphQLOperationKind)
Q_DECLARE_METATYPE(QGraphQLInputEnd)

namespace {

constexpr qint64 DefaultMax = QGraphQL::DefaultMaxPartSize;

const QByteArray Json = "application/json";
const QByteArray EventStream = "text/event-stream";
const QByteArray DeferType = R"(multipart/mixed; boundary="-"; deferSpec=20220824)";

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString errorKindName(QGraphQLTransportError::Kind kind)
{
    return QString::fromLatin1(
            QMetaEnum::fromType<QGraphQLTransportError::Kind>().valueToKey(kind));
}

// One event as text, so that QCOMPARE shows what differs. Members that do not belong to the
// event's kind must be empty; when they are not, the text says so.
QString describe(const Event &event)
{
    QString text;
    switch (event.kind) {
    case Event::NeedMoreData:
        text = u"need more data"_s;
        break;
    case Event::Result:
        text = u"result "_s + compact(event.result.toJson());
        if (!event.result.incremental().isEmpty())
            text += u" incremental "_s + compact(event.result.incremental());
        break;
    case Event::Heartbeat:
        text = u"heartbeat"_s;
        break;
    case Event::Skipped:
        text = event.message.isEmpty() ? u"skipped"_s : u"skipped: "_s + event.message;
        break;
    case Event::Complete:
        text = u"complete"_s;
        break;
    case Event::Failed:
        text = u"failed "_s + errorKindName(event.error.kind()) + u": "_s + event.error.message();
        if (!event.error.result().toJson().isEmpty())
            text += u" "_s + compact(event.error.result().toJson());
        break;
    case Event::Truncated:
        text = u"truncated"_s;
        if (!event.message.isEmpty())
            text += u": "_s + event.message;
        if (event.incompletePartDropped)
            text += u" (part dropped)"_s;
        break;
    }
    if (event.kind != Event::Result
        && (!event.result.toJson().isEmpty() || !event.result.incremental().isEmpty()))
        text += u" UNEXPECTED RESULT "_s + compact(event.result.toJson());
    if (event.kind != Event::Failed && event.error.isError())
        text += u" UNEXPECTED ERROR "_s + event.error.message();
    if (event.kind != Event::Skipped && event.kind != Event::Truncated && !event.message.isEmpty())
        text += u" UNEXPECTED MESSAGE "_s + event.message;
    if (event.kind != Event::Truncated && event.incompletePartDropped)
        text += u" UNEXPECTED incompletePartDropped"_s;
    return text;
}

// Creates the reader for contentType, feeds input in reads that end at cuts, then ends the
// input and collects every event until the final one. Afterwards it checks that nothing
// follows the final event: more bytes and another end give nothing.
QStringList readEvents(const QByteArray &contentType, Kind kind, qint64 maxSize,
                       const QByteArray &input, const QList<qsizetype> &cuts, End end)
{
    const std::unique_ptr<QGraphQLResponseReader> reader
            = QGraphQLResponseReader::create(contentType, kind, maxSize);
    if (!reader)
        return { u"no reader"_s };
    QStringList events;
    bool finished = false;
    const auto drain = [&] {
        for (int i = 0; i < 10000; ++i) {
            const Event event = reader->next();
            if (event.kind == Event::NeedMoreData)
                return;
            events.append((finished ? u"AFTER THE FINAL EVENT: "_s : QString()) + describe(event));
            finished = finished || event.isFinal();
        }
        events.append(u"next() never says NeedMoreData"_s);
    };

    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        reader->feed(QByteArrayView(input).sliced(from, cut - from));
        from = cut;
        drain();
    }
    reader->feed(QByteArrayView(input).sliced(from));
    drain();
    if (reader->hasEnded())
        events.append(u"hasEnded() before endOfInput()"_s);
    reader->endOfInput(end);
    drain();
    if (!finished)
        events.append(u"no final event"_s);
    if (!reader->isFinished() || !reader->hasEnded())
        events.append(u"isFinished() or hasEnded() is false at the end"_s);

    reader->feed(input);
    reader->endOfInput(End::Complete);
    drain();
    return events;
}

QList<qsizetype> bytewise(qsizetype size)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < size; ++i)
        cuts.append(i);
    return cuts;
}

// The data-driven check of every reader test: the expected events for the input fed in one
// read, in two reads split at every byte, and one byte per read.
void verifyEvents()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QGraphQLOperationKind, kind);
    QFETCH(qint64, maxSize);
    QFETCH(QByteArray, input);
    QFETCH(QGraphQLInputEnd, end);
    QFETCH(QStringList, expected);

    const auto check = [&](const QList<qsizetype> &cuts, const char *how) {
        const QStringList events = readEvents(contentType, kind, maxSize, input, cuts, end);
        if (events != expected) {
            qWarning("Fed %s; the events:\n  %s", how, qPrintable(events.join(u"\n  "_s)));
        }
        return events;
    };
    QCOMPARE(check({}, "in one read"), expected);
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const QByteArray how = "in two reads, the first " + QByteArray::number(cut) + " bytes";
        QCOMPARE(check({ cut }, how.constData()), expected);
    }
    QCOMPARE(check(bytewise(input.size()), "one byte per read"), expected);
}

void addColumns()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QGraphQLOperationKind>("kind");
    QTest::addColumn<qint64>("maxSize");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QGraphQLInputEnd>("end");
    QTest::addColumn<QStringList>("expected");
}

//! Stream offset of needle in input (the first occurrence), for messages that name it.
qint64 at(const QByteArray &input, const QByteArray &needle)
{
    const qsizetype offset = input.indexOf(needle);
    if (offset < 0)
        qFatal("Bad test data: \"%s\" is not in the input", needle.constData());
    return offset;
}

QByteArray lf(QByteArray bytes)
{
    return bytes.replace("\r\n", "\n");
}

// Apollo's multipart subscriptions with the delimiter before each part (TestWire::leadingPart)
// and a part content type of our choice; empty: no Content-Type header.
QByteArray typedPart(const QByteArray &contentType, const QByteArray &body)
{
    QByteArray part = "\r\n--graphql\r\n";
    if (!contentType.isEmpty())
        part += "Content-Type: " + contentType + "\r\n";
    return part + "\r\n" + body;
}

// Incremental delivery as graphql-js and graphql-yoga write it (boundary "-").
QByteArray deferPart(const QByteArray &json)
{
    return "\r\n---\r\nContent-Type: application/json; charset=utf-8\r\n\r\n" + json;
}
const QByteArray DeferEnd = "\r\n-----\r\n";

QByteArray sseEvent(const QByteArray &type, const QByteArray &data)
{
    return "event: " + type + "\ndata: " + data + "\n\n";
}
const QByteArray SseComplete = "event: complete\ndata:\n\n";

// Payloads of an incremental response (graphql-js 16 form) and what the reader makes of them.
const QByteArray Initial = R"({"data":{"user":{"id":"1"}},"hasNext":true})";
const QByteArray Subsequent
        = R"({"incremental":[{"data":{"name":"Ann"},"path":["user"]}],"hasNext":false})";
const QString InitialResult = uR"(result {"data":{"user":{"id":"1"}},"hasNext":true})"_s;
const QString SubsequentResult
        = uR"(result {"data":{"user":{"id":"1","name":"Ann"}},"hasNext":false} incremental [{"data":{"name":"Ann"},"path":["user"]}])"_s;
const QByteArray BadSubsequent
        = R"({"incremental":[{"data":{"x":1},"path":["nope"]}],"hasNext":false})";
const QString BadSubsequentFailure
        = uR"(failed ProtocolError: Invalid incremental delivery payload: Malformed incremental payload 2: the incremental item at ["nope"] cannot be merged: the object at [] has no field "nope")"_s;

QString result(int n)
{
    return uR"(result {"data":{"n":%1}})"_s.arg(n);
}

const QString Complete = u"complete"_s;
const QString Heartbeat = u"heartbeat"_s;
const QString NoCloseDelimiter = u"truncated: The stream ended before its close delimiter"_s;
const QString NoCloseDelimiterDropped = NoCloseDelimiter + u" (part dropped)"_s;
const QString NoCompleteEvent = u"truncated: The stream ended before its complete event"_s;
const QString NoCompleteEventDropped = NoCompleteEvent + u" (part dropped)"_s;

} // namespace

class tst_ResponseReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_data();
    void create();
    void multipartBoundary_data();
    void multipartBoundary();
    void jsonBody_data();
    void jsonBody();
    void subscriptionParts_data();
    void subscriptionParts();
    void multipartPartTooLarge();
    void incrementalMultipart_data();
    void incrementalMultipart();
    void sse_data();
    void sse();
    void eventsBeforeEnd_data();
    void eventsBeforeEnd();
    void nothingAfterFinal_data();
    void nothingAfterFinal();
    void firstEndWins();
    void payloadAssembler();
    void resultsKeepTheServersText_data();
    void resultsKeepTheServersText();
};

void tst_ResponseReader::create_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QGraphQLOperationKind>("kind");
    QTest::addColumn<QString>("reader");

    QTest::newRow("application/json") << "application/json"_ba << Kind::Execute << u"json"_s;
    QTest::newRow("json, charset, subscription")
            << "application/json; charset=utf-8"_ba << Kind::Subscribe << u"json"_s;
    QTest::newRow("JSON in upper case") << "Application/JSON"_ba << Kind::Execute << u"json"_s;
    QTest::newRow("graphql-response+json")
            << "application/graphql-response+json; charset=utf-8"_ba << Kind::Execute << u"json"_s;
    QTest::newRow("multipart subscription")
            << TestWire::MultipartType << Kind::Subscribe << u"multipart"_s;
    QTest::newRow("multipart defer") << DeferType << Kind::Execute << u"multipart"_s;
    QTest::newRow("multipart without boundary")
            << "multipart/mixed"_ba << Kind::Subscribe << u"multipart"_s;
    QTest::newRow("event-stream") << EventStream << Kind::Subscribe << u"sse"_s;
    QTest::newRow("event-stream, charset, execute")
            << "text/event-stream; charset=utf-8"_ba << Kind::Execute << u"sse"_s;
    QTest::newRow("text/html") << "text/html"_ba << Kind::Execute << u"none"_s;
    QTest::newRow("text/html, subscription")
            << "text/html; charset=utf-8"_ba << Kind::Subscribe << u"none"_s;
    QTest::newRow("text/plain") << "text/plain"_ba << Kind::Execute << u"none"_s;
    QTest::newRow("no type") << QByteArray() << Kind::Execute << u"none"_s;
    QTest::newRow("multipart/form-data")
            << "multipart/form-data; boundary=x"_ba << Kind::Execute << u"none"_s;
    QTest::newRow("application/xml") << "application/xml"_ba << Kind::Execute << u"none"_s;
}

void tst_ResponseReader::create()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QGraphQLOperationKind, kind);
    QFETCH(QString, reader);

    const std::unique_ptr<QGraphQLResponseReader> created
            = QGraphQLResponseReader::create(contentType, kind, DefaultMax);
    QString actual = u"none"_s;
    if (dynamic_cast<QGraphQLJsonBodyReader *>(created.get()))
        actual = u"json"_s;
    else if (dynamic_cast<QGraphQLMultipartReader *>(created.get()))
        actual = u"multipart"_s;
    else if (dynamic_cast<QGraphQLSseReader *>(created.get()))
        actual = u"sse"_s;
    else if (created)
        actual = u"unknown"_s;
    QCOMPARE(actual, reader);
    if (created) {
        QVERIFY(!created->isFinished());
        QVERIFY(!created->hasEnded());
        QCOMPARE(created->next().kind, Event::NeedMoreData);
    }
}

// The boundary comes from the media type's parameter, "-" when there is none.
void tst_ResponseReader::multipartBoundary_data()
{
    addColumns();
    const QByteArray graphql = TestWire::leadingPart(TestWire::payload(1)) + TestWire::leadingEnd();
    const QByteArray dash = "\r\n---\r\nContent-Type: application/json\r\n\r\n"
            + TestWire::payload(1) + "\r\n-----\r\n";

    QTest::newRow("quoted graphql")
            << R"(multipart/mixed; boundary="graphql")"_ba << Kind::Subscribe << DefaultMax
            << graphql << End::Complete << QStringList { result(1), Complete };
    QTest::newRow("unquoted graphql")
            << "multipart/mixed;boundary=graphql"_ba << Kind::Subscribe << DefaultMax << graphql
            << End::Complete << QStringList { result(1), Complete };
    QTest::newRow("no parameter: -")
            << "multipart/mixed"_ba << Kind::Subscribe << DefaultMax << dash << End::Complete
            << QStringList { result(1), Complete };
    QTest::newRow("other parameters only: -")
            << R"(multipart/mixed;subscriptionSpec="1.0")"_ba << Kind::Subscribe << DefaultMax
            << dash << End::Complete << QStringList { result(1), Complete };
    // Without the parameter, --graphql is no delimiter: the whole stream is preamble.
    QTest::newRow("no parameter, graphql framing")
            << "multipart/mixed"_ba << Kind::Subscribe << DefaultMax << graphql << End::Complete
            << QStringList { NoCloseDelimiter };
    QTest::newRow("parameter graphql, - framing")
            << TestWire::MultipartType << Kind::Subscribe << DefaultMax << dash << End::Complete
            << QStringList { NoCloseDelimiter };
    QTest::newRow("no parameter, execute")
            << "multipart/mixed"_ba << Kind::Execute << DefaultMax
            << "\r\n---\r\n\r\n" + Initial + "\r\n---\r\n\r\n" + Subsequent + "\r\n-----\r\n"
            << End::Complete << QStringList { InitialResult, SubsequentResult, Complete };
}

void tst_ResponseReader::multipartBoundary()
{
    verifyEvents();
}

void tst_ResponseReader::jsonBody_data()
{
    addColumns();
    const auto row = [](const char *name, const QByteArray &input, End end,
                        const QStringList &expected, qint64 maxSize = DefaultMax,
                        const QByteArray &contentType = Json, Kind kind = Kind::Execute) {
        QTest::newRow(name) << contentType << kind << maxSize << input << end << expected;
    };
    const QByteArray hero = R"({"data":{"hero":{"name":"R2-D2"}}})";
    const QString heroResult = uR"(result {"data":{"hero":{"name":"R2-D2"}}})"_s;
    const QString notResponse = u"failed ProtocolError: The body is not a GraphQL response: "_s;

    row("data", hero, End::Complete, { heroResult, Complete });
    row("graphql-response+json", hero, End::Complete, { heroResult, Complete }, DefaultMax,
        "application/graphql-response+json; charset=utf-8");
    row("subscription kind", hero, End::Complete, { heroResult, Complete }, DefaultMax, Json,
        Kind::Subscribe);
    row("data and errors",
        R"({"errors":[{"message":"not found","path":["hero"]}],"data":{"hero":null}})",
        End::Complete,
        { uR"(result {"data":{"hero":null},"errors":[{"message":"not found","path":["hero"]}]})"_s,
          Complete });
    row("errors only", R"({"errors":[{"message":"Syntax Error"}]})", End::Complete,
        { uR"(result {"errors":[{"message":"Syntax Error"}]})"_s, Complete });
    row("data null, extensions", "\r\n {\"data\":null,\"extensions\":{\"cost\":1}} \n",
        End::Complete, { uR"(result {"data":null,"extensions":{"cost":1}})"_s, Complete });
    row("empty body", "", End::Complete,
        { notResponse + u"Invalid JSON at byte 0: illegal value"_s });
    row("HTML", "<html>oops</html>", End::Complete,
        { notResponse + u"Invalid JSON at byte 0: illegal value"_s });
    row("cut JSON, transfer complete", R"({"data":{"a":1})", End::Complete,
        { notResponse + u"Invalid JSON at byte 15: unterminated object"_s });
    row("array", R"([{"data":1}])", End::Complete,
        { notResponse + u"Expected a JSON object at byte 0"_s });
    row("neither data nor errors", R"({"result":1})", End::Complete,
        { notResponse + u"it has neither \"data\" nor \"errors\""_s });
    // Interrupted: no result, whatever arrived; the network error says why.
    row("interrupted, whole body", hero, End::Interrupted, { u"truncated"_s });
    row("interrupted, half a body", hero.left(10), End::Interrupted, { u"truncated"_s });
    row("interrupted, nothing", "", End::Interrupted, { u"truncated"_s });
    row("exactly the maximum size", hero, End::Complete, { heroResult, Complete }, hero.size());
    const QString tooLarge
            = u"failed ProtocolError: The response body exceeds the maximum size of %1 bytes"_s;
    row("one byte over the maximum", hero, End::Complete, { tooLarge.arg(hero.size() - 1) },
        hero.size() - 1);
    row("over the maximum, interrupted", hero, End::Interrupted, { tooLarge.arg(20) }, 20);
    row("over the maximum, not JSON", QByteArray(100, 'x'), End::Complete, { tooLarge.arg(64) },
        64);
}

void tst_ResponseReader::jsonBody()
{
    verifyEvents();
}

// Apollo's multipart subscription protocol.
void tst_ResponseReader::subscriptionParts_data()
{
    using namespace TestWire;
    addColumns();
    const auto row = [](const char *name, const QByteArray &input, End end,
                        const QStringList &expected, qint64 maxSize = DefaultMax) {
        QTest::newRow(name) << MultipartType << Kind::Subscribe << maxSize << input << end
                            << expected;
    };

    const QByteArray documented = leadingPart("{}") + leadingPart(payload(1)) + leadingPart("{}")
            + leadingPart(payload(2)) + leadingEnd();
    const QStringList documentedEvents { Heartbeat, result(1), Heartbeat, result(2), Complete };
    row("documented example, CRLF", documented, End::Complete, documentedEvents);
    row("documented example, LF", lf(documented), End::Complete, documentedEvents);
    const QByteArray router = routerStart() + routerPart("{}") + routerPart(payload(1))
            + routerPart(payload(2)) + routerEnd();
    row("router framing, CRLF", router, End::Complete,
        { Heartbeat, result(1), result(2), Complete });
    row("router framing, LF", lf(router), End::Complete,
        { Heartbeat, result(1), result(2), Complete });

    row("empty part is a heartbeat", leadingPart("") + leadingPart(payload(1)) + leadingEnd(),
        End::Complete, { Heartbeat, result(1), Complete });
    row("blank part is a heartbeat", leadingPart(" \r\n ") + leadingPart(payload(1)) + leadingEnd(),
        End::Complete, { Heartbeat, result(1), Complete });
    row("{ } with white space is a heartbeat", leadingPart(" { }\n") + leadingEnd(), End::Complete,
        { Heartbeat, Complete });
    row("only heartbeats", leadingPart("{}") + leadingPart("{}") + leadingEnd(), End::Complete,
        { Heartbeat, Heartbeat, Complete });
    row("no parts", routerStart() + routerEnd(), End::Complete, { Complete });

    row("GraphQL errors in the payload are a result",
        leadingPart(R"({"payload":{"data":null,"errors":[{"message":"resolver failed"}]}})")
                + leadingPart(payload(2)) + leadingEnd(),
        End::Complete,
        { uR"(result {"data":null,"errors":[{"message":"resolver failed"}]})"_s, result(2),
          Complete });
    row("payload with extensions",
        leadingPart(R"({"payload":{"data":{"n":1},"extensions":{"cost":3}}})") + leadingEnd(),
        End::Complete, { uR"(result {"data":{"n":1},"extensions":{"cost":3}})"_s, Complete });
    row("empty payload object is a result", leadingPart(R"({"payload":{}})") + leadingEnd(),
        End::Complete, { u"result {}"_s, Complete });

    // A top-level "errors" without a payload ends the stream; nothing after it counts.
    row("fatal errors, payload null",
        leadingPart(payload(1))
                + leadingPart(R"({"payload":null,"errors":[{"message":"Subscription stopped"}]})")
                + leadingPart(payload(2)) + leadingEnd(),
        End::Complete,
        { result(1),
          uR"(failed ServerError: The server ended the subscription: Subscription stopped {"errors":[{"message":"Subscription stopped"}]})"_s });
    row("fatal errors, no payload, LF, stream cut after",
        lf(leadingPart(R"({"errors":[{"message":"a"},{"message":"b","extensions":{"code":"X"}}]})")
           + leadingPart(payload(2))),
        End::Interrupted,
        { uR"(failed ServerError: The server ended the subscription: a; b {"errors":[{"message":"a"},{"extensions":{"code":"X"},"message":"b"}]})"_s });
    row("fatal errors, empty list", leadingPart(R"({"errors":[]})") + leadingEnd(), End::Complete,
        { u"failed ServerError: The server ended the subscription: (no message)"_s });

    row("payload null alone is skipped silently",
        leadingPart(payload(1)) + leadingPart(R"({"payload":null})") + leadingPart(payload(2))
                + leadingEnd(),
        End::Complete, { result(1), u"skipped"_s, result(2), Complete });
    {
        const QByteArray input
                = leadingPart(R"({"type":"keepalive"})") + leadingPart(payload(1)) + leadingEnd();
        row("neither payload nor errors is skipped", input, End::Complete,
            { u"skipped: A part at byte %1 has neither \"payload\" nor \"errors\""_s.arg(
                      at(input, R"({"type")")),
              result(1), Complete });
    }
    {
        const QByteArray input = leadingPart(payload(1)) + leadingPart(R"({"payload":[1]})")
                + leadingPart(payload(2)) + leadingEnd();
        row("payload not an object", input, End::Complete,
            { result(1),
              u"failed ProtocolError: The \"payload\" of the part at byte %1 is not an object"_s
                      .arg(at(input, R"({"payload":[)")) });
    }
    {
        const QByteArray input = leadingPart(R"({"payload":{"data":)") + leadingEnd();
        row("invalid JSON", input, End::Complete,
            { u"failed ProtocolError: Invalid JSON at byte %1: unterminated object"_s.arg(
                    at(input, R"({"payload")") + 19) });
    }
    {
        const QByteArray input = leadingPart(R"([{"payload":{}}])") + leadingEnd();
        row("JSON array", input, End::Complete,
            { u"failed ProtocolError: Expected a JSON object at byte %1"_s.arg(at(input, "[{")) });
    }

    // Part content types.
    row("JSON with charset",
        typedPart("application/json; charset=utf-8", payload(1)) + leadingEnd(), End::Complete,
        { result(1), Complete });
    row("graphql-response+json",
        typedPart("application/graphql-response+json", payload(1)) + leadingEnd(), End::Complete,
        { result(1), Complete });
    row("no part content type", typedPart("", payload(1)) + typedPart("", "{}") + leadingEnd(),
        End::Complete, { result(1), Heartbeat, Complete });
    {
        const QByteArray input = typedPart("text/plain", "hello") + leadingEnd();
        row("text/plain part", input, End::Complete,
            { u"failed ProtocolError: Unexpected part content type \"text/plain\" at byte %1"_s.arg(
                    at(input, "hello")) });
    }
    {
        const QByteArray input = leadingPart(payload(1))
                + typedPart("text/html; charset=utf-8", "<p>{}</p>") + leadingPart(payload(2))
                + leadingEnd();
        row("JSON part then an HTML part", input, End::Complete,
            { result(1),
              u"failed ProtocolError: Unexpected part content type \"text/html; charset=utf-8\" "
              "at byte %1"_s.arg(at(input, "<p>")) });
    }

    // The end of the stream.
    row("epilogue after the close delimiter is ignored",
        leadingPart(payload(1)) + leadingEnd() + leadingPart(payload(2)) + "garbage", End::Complete,
        { result(1), Complete });
    row("interrupted after the close delimiter", leadingPart(payload(1)) + leadingEnd(),
        End::Interrupted, { result(1), Complete });
    row("ends after a part", leadingPart(payload(1)) + leadingPart("{}"), End::Complete,
        { result(1), Heartbeat, NoCloseDelimiter });
    row("ends after a router part", routerStart() + routerPart(payload(1)), End::Complete,
        { result(1), NoCloseDelimiter });
    row("ends inside a part", leadingPart(payload(1)) + leadingPart(payload(2)).chopped(3),
        End::Complete, { result(1), NoCloseDelimiterDropped });
    row("ends inside part headers", leadingPart(payload(1)) + "\r\n--graphql\r\nContent-Ty",
        End::Complete, { result(1), NoCloseDelimiterDropped });
    row("interrupted inside a part", leadingPart(payload(1)) + leadingPart(payload(2)).chopped(3),
        End::Interrupted, { result(1), NoCloseDelimiterDropped });
    row("interrupted between parts", lf(leadingPart(payload(1))), End::Interrupted,
        { result(1), NoCloseDelimiter });
    row("empty stream", "", End::Complete, { NoCloseDelimiter });
    row("empty stream, interrupted", "", End::Interrupted, { NoCloseDelimiter });
    // Incremental delivery inside the payloads of a subscription.
    const QByteArray initial = R"({"payload":)" + Initial + "}";
    const QByteArray subsequent = R"({"payload":)" + Subsequent + "}";
    row("incremental payloads",
        leadingPart(initial) + leadingPart("{}") + leadingPart(subsequent) + leadingPart(payload(3))
                + leadingEnd(),
        End::Complete, { InitialResult, Heartbeat, SubsequentResult, result(3), Complete });
    row("two incremental runs, LF",
        lf(leadingPart(initial) + leadingPart(subsequent) + leadingPart(initial)
           + leadingPart(subsequent) + leadingEnd()),
        End::Complete,
        { InitialResult, SubsequentResult, InitialResult, SubsequentResult, Complete });
    row("invalid incremental payload",
        leadingPart(initial) + leadingPart(R"({"payload":)" + BadSubsequent + "}")
                + leadingPart(payload(3)) + leadingEnd(),
        End::Complete, { InitialResult, BadSubsequentFailure });
    row("stream ends while incremental", leadingPart(initial), End::Complete,
        { InitialResult, NoCloseDelimiter });
}

void tst_ResponseReader::subscriptionParts()
{
    verifyEvents();
}

// A part over the cap fails the stream, after the parts before it, however the input is cut;
// the message names where the part starts (its headers, after the delimiter line).
void tst_ResponseReader::multipartPartTooLarge()
{
    const QByteArray first = TestWire::leadingPart(TestWire::payload(1));
    const QByteArray input = first
            + TestWire::leadingPart(R"({"payload":{"data":{"s":")" + QByteArray(100, 'x') + "\"}}}")
            + TestWire::leadingPart(TestWire::payload(2)) + TestWire::leadingEnd();
    const auto read = [&](const QList<qsizetype> &cuts) {
        return readEvents(TestWire::MultipartType, Kind::Subscribe, 64, input, cuts, End::Complete);
    };
    const qsizetype secondPartHeaders = first.size() + qsizetype(strlen("\r\n--graphql\r\n"));
    const QStringList whole = read({});
    QCOMPARE(whole,
             QStringList({ result(1),
                           u"failed ProtocolError: The part at byte %1 exceeds the maximum part "
                           "size of 64 bytes"_s.arg(secondPartHeaders) }));
    for (qsizetype cut = 0; cut <= input.size(); ++cut)
        QCOMPARE(read({ cut }), whole);
    QCOMPARE(read(bytewise(input.size())), whole);
}

// Incremental delivery (@defer, @stream) of a query over multipart/mixed.
void tst_ResponseReader::incrementalMultipart_data()
{
    addColumns();
    const auto row = [](const char *name, const QByteArray &input, End end,
                        const QStringList &expected, qint64 maxSize = DefaultMax) {
        QTest::newRow(name) << DeferType << Kind::Execute << maxSize << input << end << expected;
    };

    const QByteArray defer = deferPart(Initial) + deferPart(Subsequent) + DeferEnd;
    row("defer, CRLF", defer, End::Complete, { InitialResult, SubsequentResult, Complete });
    row("defer, LF", lf(defer), End::Complete, { InitialResult, SubsequentResult, Complete });
    row("defer, interrupted after the close delimiter", defer, End::Interrupted,
        { InitialResult, SubsequentResult, Complete });
    row("pending and completed (incrementalSpec v0.2)",
        deferPart(
                R"({"data":{"user":{"id":"1"}},"pending":[{"id":"0","path":["user"],"label":"D"}],"hasNext":true})")
                + deferPart(
                        R"({"incremental":[{"id":"0","data":{"name":"Ann"}}],"completed":[{"id":"0"}],"hasNext":false})")
                + DeferEnd,
        End::Complete,
        { InitialResult,
          uR"(result {"data":{"user":{"id":"1","name":"Ann"}},"hasNext":false} incremental [{"data":{"name":"Ann"},"id":"0"}])"_s,
          Complete });
    row("stream items",
        deferPart(R"({"data":{"list":["a"]},"hasNext":true})")
                + deferPart(
                        R"({"incremental":[{"items":["b","c"],"path":["list",1]}],"hasNext":true})")
                + deferPart(R"({"hasNext":false})") + DeferEnd,
        End::Complete,
        { uR"(result {"data":{"list":["a"]},"hasNext":true})"_s,
          uR"(result {"data":{"list":["a","b","c"]},"hasNext":true} incremental [{"items":["b","c"],"path":["list",1]}])"_s,
          uR"(result {"data":{"list":["a","b","c"]},"hasNext":false})"_s, Complete });
    row("errors of an incremental item",
        deferPart(Initial)
                + deferPart(
                        R"({"incremental":[{"data":null,"path":["user"],"errors":[{"message":"no name"}]}],"hasNext":false})")
                + DeferEnd,
        End::Complete,
        { InitialResult,
          uR"(result {"data":{"user":{"id":"1"}},"errors":[{"message":"no name"}],"hasNext":false} incremental [{"data":null,"errors":[{"message":"no name"}],"path":["user"]}])"_s,
          Complete });
    row("plain response in one part", deferPart(R"({"data":{"a":1}})") + DeferEnd, End::Complete,
        { uR"(result {"data":{"a":1}})"_s, Complete });
    row("blank parts are passed over",
        deferPart("") + deferPart(Initial) + deferPart(" \r\n") + deferPart(Subsequent)
                + deferPart("") + DeferEnd,
        End::Complete, { InitialResult, SubsequentResult, Complete });
    row("a part that is no response", deferPart(R"({"foo":1})") + deferPart(Initial) + DeferEnd,
        End::Complete,
        { u"failed ProtocolError: A payload is not a GraphQL response: it has neither \"data\" "
          "nor \"errors\""_s });
    row("an Apollo subscription part is no response",
        deferPart(R"({"payload":{"data":{"n":1}}})") + DeferEnd, End::Complete,
        { u"failed ProtocolError: A payload is not a GraphQL response: it has neither \"data\" "
          "nor \"errors\""_s });
    row("invalid incremental payload: bad path",
        deferPart(Initial) + deferPart(BadSubsequent) + deferPart(Subsequent) + DeferEnd,
        End::Complete, { InitialResult, BadSubsequentFailure });
    row("invalid incremental payload: unknown id",
        deferPart(
                R"({"data":{"user":{"id":"1"}},"pending":[{"id":"0","path":["user"]}],"hasNext":true})")
                + deferPart(R"({"incremental":[{"id":"7","data":{"x":1}}],"hasNext":false})")
                + DeferEnd,
        End::Complete,
        { InitialResult,
          uR"(failed ProtocolError: Invalid incremental delivery payload: Malformed incremental payload 2: the incremental item for id "7": the id is not pending)"_s });
    row("invalid incremental payload: subsequent first", deferPart(Subsequent) + DeferEnd,
        End::Complete,
        { uR"(failed ProtocolError: Invalid incremental delivery payload: Malformed incremental payload 1: The initial payload has neither "data" nor "errors"; the incremental item at ["user"] cannot be merged: the value at [] is not an object)"_s });
    {
        const QByteArray input = deferPart(R"({"data":)") + DeferEnd;
        row("invalid JSON", input, End::Complete,
            { u"failed ProtocolError: Invalid JSON at byte %1: unterminated object"_s.arg(
                    at(input, R"({"data")") + 8) });
    }
    {
        const QByteArray input = deferPart(Initial)
                + "\r\n---\r\nContent-Type: text/plain\r\n\r\nhello" + DeferEnd;
        row("text/plain part", input, End::Complete,
            { InitialResult,
              u"failed ProtocolError: Unexpected part content type \"text/plain\" at byte %1"_s.arg(
                      at(input, "hello")) });
    }
    row("ends after the initial part", deferPart(Initial), End::Complete,
        { InitialResult, NoCloseDelimiter });
    row("ends inside a part", deferPart(Initial) + deferPart(Subsequent).chopped(10), End::Complete,
        { InitialResult, NoCloseDelimiterDropped });
    row("interrupted inside a part", lf(deferPart(Initial) + deferPart(Subsequent).chopped(10)),
        End::Interrupted, { InitialResult, NoCloseDelimiterDropped });
}

void tst_ResponseReader::incrementalMultipart()
{
    verifyEvents();
}

// GraphQL over Server-Sent Events, distinct connections mode.
void tst_ResponseReader::sse_data()
{
    addColumns();
    const auto row
            = [](const char *name, const QByteArray &input, End end, const QStringList &expected,
                 qint64 maxSize = DefaultMax, Kind kind = Kind::Subscribe) {
                  QTest::newRow(name) << EventStream << kind << maxSize << input << end << expected;
              };
    const auto next = [](int n) {
        return sseEvent("next", R"({"data":{"n":)" + QByteArray::number(n) + "}}");
    };

    // graphql-yoga 5 answering a countdown subscription.
    const QByteArray yoga = ":\n\n" + next(2) + next(1) + next(0) + SseComplete;
    const QStringList yogaEvents { result(2), result(1), result(0), Complete };
    row("graphql-yoga", yoga, End::Complete, yogaEvents);
    row("CRLF", QByteArray(yoga).replace("\n", "\r\n"), End::Complete, yogaEvents);
    row("CR", QByteArray(yoga).replace("\n", "\r"), End::Complete, yogaEvents);
    row("byte order mark", "\xEF\xBB\xBF" + yoga, End::Complete, yogaEvents);
    row("query", next(1) + SseComplete, End::Complete, { result(1), Complete }, DefaultMax,
        Kind::Execute);
    row("interrupted after complete", next(1) + SseComplete, End::Interrupted,
        { result(1), Complete });
    row("complete without data", next(1) + "event: complete\n\n", End::Complete,
        { result(1), Complete });
    row("events after complete are ignored", SseComplete + next(1) + "event: ping\n\n",
        End::Complete, { Complete });

    row("unnamed event with data", "data: {\"data\":{\"n\":1}}\n\n" + SseComplete, End::Complete,
        { result(1), Complete });
    row("other event types are skipped",
        sseEvent("ping", "{}") + next(1) + "event: progress\ndata: 50\nid: 7\n\n" + SseComplete,
        End::Complete, { u"skipped"_s, result(1), u"skipped"_s, Complete });
    row("unnamed event without data is skipped", "data:\n\n" + next(1) + SseComplete, End::Complete,
        { u"skipped"_s, result(1), Complete });
    row("comments are no events", ": ping\n\n" + next(1) + ":\n\n" + SseComplete, End::Complete,
        { result(1), Complete });
    row("multi-line data", "event: next\ndata: {\"data\":\ndata: {\"n\":1}}\n\n" + SseComplete,
        End::Complete, { result(1), Complete });
    row("GraphQL errors are a result",
        sseEvent("next", R"({"errors":[{"message":"denied"}],"data":null})") + SseComplete,
        End::Complete, { uR"(result {"data":null,"errors":[{"message":"denied"}]})"_s, Complete });

    row("next without data", next(1) + "event: next\n\n" + next(2), End::Complete,
        { result(1),
          u"failed ProtocolError: The \"next\" event at byte %1 has no data"_s.arg(
                  next(1).size()) });
    row("next with invalid JSON", sseEvent("next", "{oops}") + SseComplete, End::Complete,
        { u"failed ProtocolError: The data of the event at byte 0 is not a GraphQL response: "
          "Invalid JSON at byte 1: unterminated object"_s });
    row("next with neither data nor errors", next(1) + sseEvent("next", R"({"foo":1})"),
        End::Complete,
        { result(1),
          u"failed ProtocolError: The data of the event at byte %1 is not a GraphQL response: "
          "it has neither \"data\" nor \"errors\""_s.arg(next(1).size()) });

    row("incremental delivery",
        sseEvent("next", Initial) + sseEvent("ping", "") + sseEvent("next", Subsequent)
                + SseComplete,
        End::Complete, { InitialResult, u"skipped"_s, SubsequentResult, Complete }, DefaultMax,
        Kind::Execute);
    row("incremental delivery, CRLF",
        QByteArray(sseEvent("next", Initial) + sseEvent("next", Subsequent) + SseComplete)
                .replace("\n", "\r\n"),
        End::Complete, { InitialResult, SubsequentResult, Complete });
    row("invalid incremental payload",
        sseEvent("next", Initial) + sseEvent("next", BadSubsequent) + SseComplete, End::Complete,
        { InitialResult, BadSubsequentFailure });
    row("subsequent payload first", sseEvent("next", R"({"hasNext":false})") + SseComplete,
        End::Complete,
        { uR"(failed ProtocolError: Invalid incremental delivery payload: Malformed incremental payload 1: The initial payload has neither "data" nor "errors")"_s });

    row("ends after an event", next(1), End::Complete, { result(1), NoCompleteEvent });
    row("ends after a comment", next(1) + ": ping\n", End::Complete,
        { result(1), NoCompleteEvent });
    row("ends before the blank line", next(1) + next(2).chopped(1), End::Complete,
        { result(1), NoCompleteEventDropped });
    row("ends inside a line", next(1) + next(2).left(20), End::Complete,
        { result(1), NoCompleteEventDropped });
    row("interrupted inside an event", next(1) + next(2).left(20), End::Interrupted,
        { result(1), NoCompleteEventDropped });
    row("interrupted between events", next(1), End::Interrupted, { result(1), NoCompleteEvent });
    row("empty stream", "", End::Complete, { NoCompleteEvent });
    row("event too large", next(1) + next(1234567890), End::Complete,
        { result(1),
          u"failed ProtocolError: An event of the event stream (at byte %1) exceeds the maximum "
          "event size of 40 bytes"_s.arg(next(1).size()) },
        40);
}

void tst_ResponseReader::sse()
{
    verifyEvents();
}

// Results come out as soon as their part or event is complete, before the input ends; a JSON
// body only when it ends.
void tst_ResponseReader::eventsBeforeEnd_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QGraphQLOperationKind>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("JSON body") << Json << Kind::Execute << R"({"data":{"n":1}})"_ba
                               << QStringList {};
    QTest::newRow("subscription part")
            << TestWire::MultipartType << Kind::Subscribe
            << TestWire::leadingPart("{}") + TestWire::leadingPart(TestWire::payload(1))
            << QStringList { Heartbeat, result(1) };
    QTest::newRow("router part") << TestWire::MultipartType << Kind::Subscribe
                                 << TestWire::routerStart()
                    + TestWire::routerPart(TestWire::payload(1))
                                 << QStringList { result(1) };
    QTest::newRow("incremental part")
            << DeferType << Kind::Execute << deferPart(Initial) << QStringList { InitialResult };
    QTest::newRow("SSE event") << EventStream << Kind::Subscribe
                               << sseEvent("next", R"({"data":{"n":1}})")
                               << QStringList { result(1) };
    QTest::newRow("SSE event without its blank line")
            << EventStream << Kind::Subscribe << "event: next\ndata: {\"data\":{\"n\":1}}\n"_ba
            << QStringList {};
}

void tst_ResponseReader::eventsBeforeEnd()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QGraphQLOperationKind, kind);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    const std::unique_ptr<QGraphQLResponseReader> reader
            = QGraphQLResponseReader::create(contentType, kind, DefaultMax);
    QVERIFY(reader);
    reader->feed(input);
    QStringList events;
    for (Event event = reader->next(); event.kind != Event::NeedMoreData && events.size() < 100;
         event = reader->next())
        events.append(describe(event));
    QCOMPARE(events, expected);
    QVERIFY(!reader->isFinished());
    QVERIFY(!reader->hasEnded());
}

// After a final event the reader is finished: next() says NeedMoreData however often it is
// called, more bytes and another end change nothing. This holds also when the final event came
// before the input ended (a close delimiter, a failure): the end then adds no Truncated.
void tst_ResponseReader::nothingAfterFinal_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QGraphQLOperationKind>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("endBeforeFinal"); // call endOfInput() before draining
    QTest::addColumn<QGraphQLInputEnd>("end");
    QTest::addColumn<QString>("final");

    const QByteArray json = R"({"data":{"n":1}})";
    const QByteArray multipart = TestWire::leadingPart(TestWire::payload(1));
    const QByteArray sse = sseEvent("next", json);

    QTest::newRow("json complete")
            << Json << Kind::Execute << json << true << End::Complete << Complete;
    QTest::newRow("json failed") << Json << Kind::Execute << "{"_ba << true << End::Complete
                                 << u"failed ProtocolError: The body is not a GraphQL response: "
                                    "Invalid JSON at byte 1: unterminated object"_s;
    QTest::newRow("json truncated")
            << Json << Kind::Execute << json << true << End::Interrupted << u"truncated"_s;
    QTest::newRow("multipart complete")
            << TestWire::MultipartType << Kind::Subscribe << multipart + TestWire::leadingEnd()
            << false << End::Interrupted << Complete;
    QTest::newRow("multipart failed")
            << TestWire::MultipartType << Kind::Subscribe
            << multipart + TestWire::leadingPart(R"({"errors":[{"message":"x"}]})") << false
            << End::Interrupted
            << uR"(failed ServerError: The server ended the subscription: x {"errors":[{"message":"x"}]})"_s;
    QTest::newRow("multipart truncated")
            << TestWire::MultipartType << Kind::Execute << deferPart(json) << true << End::Complete
            << NoCloseDelimiter;
    QTest::newRow("sse complete") << EventStream << Kind::Subscribe << sse + SseComplete << false
                                  << End::Interrupted << Complete;
    QTest::newRow("sse failed") << EventStream << Kind::Subscribe << sse + "event: next\n\n"
                                << false << End::Complete
                                << u"failed ProtocolError: The \"next\" event at byte %1 has no "
                                   "data"_s.arg(sse.size());
    QTest::newRow("sse truncated") << EventStream << Kind::Subscribe << sse + "data: {" << true
                                   << End::Complete << NoCompleteEventDropped;
}

void tst_ResponseReader::nothingAfterFinal()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QGraphQLOperationKind, kind);
    QFETCH(QByteArray, input);
    QFETCH(bool, endBeforeFinal);
    QFETCH(QGraphQLInputEnd, end);
    QFETCH(QString, final);

    const std::unique_ptr<QGraphQLResponseReader> reader
            = QGraphQLResponseReader::create(contentType, kind, DefaultMax);
    QVERIFY(reader);
    reader->feed(input);
    if (endBeforeFinal)
        reader->endOfInput(end);
    Event event;
    int calls = 0;
    do {
        QVERIFY2(++calls < 10, "no final event");
        event = reader->next();
        if (!endBeforeFinal)
            QVERIFY(event.kind != Event::NeedMoreData);
    } while (!event.isFinal());
    QCOMPARE(describe(event), final);
    QVERIFY(reader->isFinished());
    QCOMPARE(reader->hasEnded(), endBeforeFinal);

    for (int i = 0; i < 3; ++i)
        QCOMPARE(describe(reader->next()), u"need more data"_s);
    reader->feed(input);
    reader->feed(TestWire::leadingPart(TestWire::payload(2))
                 + sseEvent("next", R"({"data":{"n":2}})"));
    QCOMPARE(describe(reader->next()), u"need more data"_s);
    reader->endOfInput(end);
    QVERIFY(reader->hasEnded());
    QCOMPARE(describe(reader->next()), u"need more data"_s);
    reader->endOfInput(End::Complete);
    QCOMPARE(describe(reader->next()), u"need more data"_s);
    QVERIFY(reader->isFinished());
}

// The first endOfInput() counts.
void tst_ResponseReader::firstEndWins()
{
    const QByteArray json = R"({"data":{"n":1}})";
    {
        QGraphQLJsonBodyReader reader;
        reader.feed(json);
        reader.endOfInput(End::Interrupted);
        reader.endOfInput(End::Complete);
        QCOMPARE(describe(reader.next()), u"truncated"_s);
        QCOMPARE(describe(reader.next()), u"need more data"_s);
    }
    {
        QGraphQLJsonBodyReader reader;
        reader.feed(json);
        reader.endOfInput(End::Complete);
        reader.endOfInput(End::Interrupted);
        QCOMPARE(describe(reader.next()), result(1));
        QCOMPARE(describe(reader.next()), Complete);
        QCOMPARE(describe(reader.next()), u"need more data"_s);
    }
}

void tst_ResponseReader::payloadAssembler()
{
    using Validation = QGraphQLPayloadAssembler::Validation;
    const auto object = [](const QByteArray &text) {
        return QGraphQLResponseParser::parseJsonText(text).object;
    };
    QGraphQLPayloadAssembler assembler;
    const QGraphQLJsonNode empty = QGraphQLJsonNode::object();
    QCOMPARE(describe(assembler.take(empty, Validation::AcceptAny)), u"result {}"_s);
    QCOMPARE(describe(assembler.take(empty)),
             u"failed ProtocolError: A payload is not a GraphQL response: it has neither "
             "\"data\" nor \"errors\""_s);
    QCOMPARE(describe(assembler.take(object(R"({"data":{"n":1}})"))), result(1));
    // An incremental run, then a plain payload, then a new run: each run merges on its own.
    QCOMPARE(describe(assembler.take(object(Initial))), InitialResult);
    QCOMPARE(describe(assembler.take(object(Subsequent))), SubsequentResult);
    QCOMPARE(describe(assembler.take(object(R"({"data":{"n":2}})"))), result(2));
    QCOMPARE(describe(assembler.take(object(Initial), Validation::AcceptAny)), InitialResult);
    // While a run is open every payload belongs to it, even one that looks plain.
    QCOMPARE(
            describe(assembler.take(object(R"({"data":{"n":3}})"))),
            uR"(failed ProtocolError: Invalid incremental delivery payload: Malformed incremental payload 2: A subsequent payload has "data" or "items" but no "path")"_s);
}

// Every reader delivers results over the server's text: member order and number text survive
// any cut of the input into reads, also through @defer/@stream merging.
void tst_ResponseReader::resultsKeepTheServersText_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("texts");

    const QByteArray response = R"({"data": {"zeta": 1, "alpha": {"y": 2.50, "b": -0}, )"
                                R"("big": 12345678901234567890}, "extensions": {"z": 1, "a": 2}})";
    const QByteArray text = R"({"data":{"zeta":1,"alpha":{"y":2.50,"b":-0},)"
                            R"("big":12345678901234567890},"extensions":{"z":1,"a":2}})";
    QTest::addRow("JSON body") << "application/json"_ba << Kind::Execute << response
                               << QByteArrayList { text };
    QTest::addRow("Apollo multipart")
            << "multipart/mixed; boundary=graphql"_ba << Kind::Subscribe
            << "--graphql\r\nContent-Type: application/json\r\n\r\n{\"payload\": " + response
                    + "}\r\n--graphql\r\n\r\n{}\r\n--graphql--\r\n"
            << QByteArrayList { text };
    QTest::addRow("SSE") << "text/event-stream"_ba << Kind::Subscribe
                         << "event: next\ndata: " + response + "\n\nevent: complete\n\n"
                         << QByteArrayList { text };
    QTest::addRow("@defer and @stream merged in order")
            << "multipart/mixed; boundary=\"-\""_ba << Kind::Execute
            << "---\r\nContent-Type: application/json\r\n\r\n"
               R"({"data":{"z":{"y":1},"list":[3,1]},"pending":[{"id":"0","path":["z"]},)"
               R"({"id":"1","path":["list"]}],"hasNext":true})"
               "\r\n---\r\nContent-Type: application/json\r\n\r\n"
               R"({"incremental":[{"id":"0","data":{"n":1.0e2,"b":true}},)"
               R"({"id":"1","items":[12345678901234567890]}],"completed":[{"id":"0"}],)"
               R"("hasNext":true})"
               "\r\n---\r\nContent-Type: application/json\r\n\r\n"
               R"({"completed":[{"id":"1"}],"hasNext":false})"
               "\r\n-----\r\n"_ba
            << QByteArrayList {
                   R"({"data":{"z":{"y":1},"list":[3,1]},"hasNext":true})",
                   R"({"data":{"z":{"y":1,"n":1.0e2,"b":true},"list":[3,1,12345678901234567890]},"hasNext":true})",
                   R"({"data":{"z":{"y":1,"n":1.0e2,"b":true},"list":[3,1,12345678901234567890]},"hasNext":false})"
               };
}

void tst_ResponseReader::resultsKeepTheServersText()
{
    QFETCH(QByteArray, contentType);
    QFETCH(Kind, kind);
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, texts);

    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const std::unique_ptr<QGraphQLResponseReader> reader
                = QGraphQLResponseReader::create(contentType, kind, DefaultMax);
        QVERIFY(reader);
        QByteArrayList seen;
        const auto drain = [&] {
            for (Event event = reader->next(); event.kind != Event::NeedMoreData;
                 event = reader->next()) {
                if (event.kind == Event::Result)
                    seen.append(event.result.rawJson());
                if (event.isFinal())
                    break;
            }
        };
        reader->feed(QByteArrayView(input).first(cut));
        drain();
        reader->feed(QByteArrayView(input).sliced(cut));
        drain();
        reader->endOfInput(QGraphQLInputEnd::Complete);
        drain();
        QVERIFY2(seen == texts,
                 qPrintable(u"cut at %1: "_s.arg(cut) + QString::fromUtf8(seen.join('\n'))));
    }
}

QTEST_GUILESS_MAIN(tst_ResponseReader)

#include "tst_responsereader.moc"
