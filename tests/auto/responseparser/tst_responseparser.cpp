// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "protocol/qgraphqlresponseparser_p.h"
#include "qgraphqlresult_p.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qregularexpression.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace QGraphQLResponseParser;

namespace {

// A marker for "this parameter is not checked".
const QByteArray AnyValue = "(any)";
// A marker for "this parameter must be absent".
const QByteArray Absent = "(absent)";

QJsonValue json(const QByteArray &text)
{
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

QStringList messages(const QList<QGraphQLError> &errors)
{
    QStringList list;
    for (const QGraphQLError &error : errors)
        list.append(error.message());
    return list;
}

// The offset a message names as "byte N", or -1.
qint64 namedOffset(const QString &message)
{
    const QRegularExpressionMatch match = QRegularExpression(u"byte (\\d+)"_s).match(message);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

class tst_ResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseMediaType_data();
    void parseMediaType();
    void heartbeat_data();
    void heartbeat();
    void result_data();
    void result();
    void ignored_data();
    void ignored();
    void fatalError_data();
    void fatalError();
    void malformed_data();
    void malformed();
    void parseResponse_data();
    void parseResponse();
    void parseJsonText();
    void joinMessages();
};

void tst_ResponseParser::parseMediaType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("boundary");
    QTest::addColumn<QByteArray>("subscriptionSpec");
    QTest::addColumn<bool>("isMultipartMixed");
    QTest::addColumn<bool>("isJson");

    // Apollo Router (apollo-router/src/services/mod.rs).
    QTest::addRow("router subscription")
            << "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0"_ba
            << "multipart/mixed"_ba
            << "graphql"_ba
            << "1.0"_ba << true << false;
    QTest::addRow("router defer") << "multipart/mixed;boundary=\"graphql\";deferSpec=20220824"_ba
                                  << "multipart/mixed"_ba
                                  << "graphql"_ba << Absent << true << false;
    QTest::addRow("unquoted") << "multipart/mixed;boundary=graphql;subscriptionSpec=1.0"_ba
                              << "multipart/mixed"_ba
                              << "graphql"_ba
                              << "1.0"_ba << true << false;
    QTest::addRow("quoted subscriptionSpec")
            << "multipart/mixed;boundary=graphql;subscriptionSpec=\"1.0\""_ba
            << "multipart/mixed"_ba
            << "graphql"_ba
            << "1.0"_ba << true << false;
    QTest::addRow("parameter order")
            << "multipart/mixed;subscriptionSpec=1.0;boundary=\"graphql\""_ba
            << "multipart/mixed"_ba
            << "graphql"_ba
            << "1.0"_ba << true << false;
    QTest::addRow("spaces")
            << "  multipart/mixed ;  subscriptionSpec = \"1.0\" ;boundary =  \"graphql\"  "_ba
            << "multipart/mixed"_ba
            << "graphql"_ba
            << "1.0"_ba << true << false;
    QTest::addRow("tabs") << "multipart/mixed;\tboundary=graphql\t"_ba
                          << "multipart/mixed"_ba
                          << "graphql"_ba << Absent << true << false;
    QTest::addRow("case: names and type fold, values keep their case")
            << "Multipart/MIXED; BOUNDARY=\"GraphQL\"; SubscriptionSpec=1.0"_ba
            << "multipart/mixed"_ba
            << "GraphQL"_ba
            << "1.0"_ba << true << false;
    QTest::addRow("graphql-yoga") << "multipart/mixed; boundary=\"-\""_ba
                                  << "multipart/mixed"_ba
                                  << "-"_ba << Absent << true << false;
    QTest::addRow("apollo server") << "multipart/mixed; boundary=\"-\"; incrementalSpec=v0.2"_ba
                                   << "multipart/mixed"_ba
                                   << "-"_ba << Absent << true << false;
    QTest::addRow("strawberry (accept list appended)")
            << "multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json"_ba
            << "multipart/mixed"_ba
            << "graphql"_ba << AnyValue << true << false;
    QTest::addRow("no boundary") << "multipart/mixed"_ba
                                 << "multipart/mixed"_ba << Absent << Absent << true << false;
    QTest::addRow("empty and valueless parameters")
            << "multipart/mixed;; charset ;boundary=graphql;"_ba
            << "multipart/mixed"_ba
            << "graphql"_ba << Absent << true << false;
    QTest::addRow("boundary with = and space") << "multipart/mixed; boundary=\"a=b c\""_ba
                                               << "multipart/mixed"_ba
                                               << "a=b c"_ba << Absent << true << false;
    QTest::addRow("quoted-pair in the boundary") << "multipart/mixed; boundary=\"a\\\"b\\\\c\""_ba
                                                 << "multipart/mixed"_ba
                                                 << "a\"b\\c"_ba << Absent << true << false;
    QTest::addRow("empty quoted boundary") << "multipart/mixed; boundary=\"\""_ba
                                           << "multipart/mixed"_ba
                                           << ""_ba << Absent << true << false;
    QTest::addRow("application/json") << "application/json"_ba
                                      << "application/json"_ba << Absent << Absent << false << true;
    QTest::addRow("application/json with charset")
            << "application/json; charset=utf-8"_ba
            << "application/json"_ba << Absent << Absent << false << true;
    QTest::addRow("JSON in upper case")
            << "Application/JSON;Charset=UTF-8"_ba
            << "application/json"_ba << Absent << Absent << false << true;
    QTest::addRow("graphql-response+json")
            << "application/graphql-response+json; charset=utf-8"_ba
            << "application/graphql-response+json"_ba << Absent << Absent << false << true;
    QTest::addRow("text/plain") << "text/plain"_ba
                                << "text/plain"_ba << Absent << Absent << false << false;
    QTest::addRow("text/json") << "text/json"_ba
                               << "text/json"_ba << Absent << Absent << false << false;
    QTest::addRow("application/jsonx")
            << "application/jsonx"_ba
            << "application/jsonx"_ba << Absent << Absent << false << false;
    QTest::addRow("multipart/related") << "multipart/related; boundary=x"_ba
                                       << "multipart/related"_ba
                                       << "x"_ba << Absent << false << false;
    QTest::addRow("empty") << QByteArray() << QByteArray() << Absent << Absent << false << false;
}

void tst_ResponseParser::parseMediaType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, subscriptionSpec);
    QFETCH(bool, isMultipartMixed);
    QFETCH(bool, isJson);

    const MediaType media = QGraphQLResponseParser::parseMediaType(contentType);
    QCOMPARE(media.type, type);
    QCOMPARE(media.isMultipartMixed(), isMultipartMixed);
    QCOMPARE(media.isJson(), isJson);
    const auto check = [&](const QByteArray &name, const QByteArray &expected) {
        if (expected == AnyValue)
            return;
        if (expected == Absent) {
            QVERIFY2(!media.parameters.contains(name), name.constData());
        } else {
            QVERIFY2(media.parameters.contains(name), name.constData());
            QCOMPARE(media.parameters.value(name), expected);
        }
    };
    check("boundary", boundary);
    if (QTest::currentTestFailed())
        return;
    check("subscriptionspec", subscriptionSpec);
    for (auto it = media.parameters.cbegin(); it != media.parameters.cend(); ++it)
        QCOMPARE(it.key(), it.key().toLower());
}

// Heartbeats are {} (Apollo Router, Strawberry) or an empty part (the part before the close
// delimiter that Strawberry and graphql-yoga send).
void tst_ResponseParser::heartbeat_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("{}") << "{}"_ba;
    QTest::addRow("{ } with white space") << " \r\n{ \t}\r\n"_ba;
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("white space") << " \t\r\n\n"_ba;
}

void tst_ResponseParser::heartbeat()
{
    QFETCH(QByteArray, body);
    const SubscriptionPart part = parseSubscriptionPart(body, 42);
    QCOMPARE(part.kind, SubscriptionPart::Heartbeat);
    QVERIFY(part.message.isEmpty());
    QVERIFY(!part.result.isValid());
}

void tst_ResponseParser::result_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QJsonObject>("extensions");

    QTest::addRow("data") << R"({"payload":{"data":{"newPost":{"id":123,"title":"Hello!"}}}})"_ba
                          << json(R"({"newPost":{"id":123,"title":"Hello!"}})") << QStringList()
                          << QJsonObject();
    QTest::addRow("documentation example with spaces")
            << R"({"payload": {"data": { "newPost": { "id": 123, "title": "Hello!"}}}})"_ba
            << json(R"({"newPost":{"id":123,"title":"Hello!"}})") << QStringList() << QJsonObject();
    QTest::addRow("partial data with errors")
            << R"({"payload":{"data":{"a":null,"b":2},"errors":[{"message":"a failed","path":["a"]}]}})"_ba
            << json(R"({"a":null,"b":2})") << QStringList { u"a failed"_s } << QJsonObject();
    QTest::addRow("data, errors and extensions")
            << R"({"payload":{"data":null,"errors":[{"message":"one"},{"message":"two"}],"extensions":{"cost":3}}})"_ba
            << QJsonValue(QJsonValue::Null) << QStringList { u"one"_s, u"two"_s }
            << json(R"({"cost":3})").toObject();
    QTest::addRow("websocket error inside the payload")
            << R"({"payload":{"errors":[{"message":"cannot read message from websocket","extensions":{"code":"WEBSOCKET_MESSAGE_ERROR"}}]}})"_ba
            << QJsonValue(QJsonValue::Undefined)
            << QStringList { u"cannot read message from websocket"_s } << QJsonObject();
    QTest::addRow("unicode")
            << "{\"payload\":{\"data\":{\"s\":\"h\xC3\xA9llo \xF0\x9F\x98\x80\"}}}"_ba
            << QJsonValue(QJsonObject { { u"s"_s, u"h\u00e9llo \U0001F600"_s } }) << QStringList()
            << QJsonObject();
    QTest::addRow("surrounding white space")
            << "\r\n {\"payload\":{\"data\":{}}} \r\n"_ba << QJsonValue(QJsonObject())
            << QStringList() << QJsonObject();
}

void tst_ResponseParser::result()
{
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, data);
    QFETCH(QStringList, errors);
    QFETCH(QJsonObject, extensions);

    const SubscriptionPart part = parseSubscriptionPart(body, 100);
    QCOMPARE(part.kind, SubscriptionPart::Result);
    QVERIFY2(part.message.isEmpty(), qPrintable(part.message));
    QVERIFY(!part.result.isValid()); // the reader converts the payload, once
    const QGraphQLResult result = qgraphqlResultFromJsonNode(part.payload);
    QVERIFY(result.isValid());
    QCOMPARE(result.data(), data);
    QCOMPARE(messages(result.errors()), errors);
    QCOMPARE(result.hasErrors(), !errors.isEmpty());
    QCOMPARE(result.extensions(), extensions);
}

void tst_ResponseParser::ignored_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasMessage");

    // A graceful end of the router↔subgraph stream (apollographql/router#4640): not an error.
    QTest::addRow("payload null") << R"({"payload":null})"_ba << false;
    QTest::addRow("payload null with white space") << " { \"payload\" : null }\r\n"_ba << false;
    QTest::addRow("neither payload nor errors") << R"({"foo":1})"_ba << true;
    QTest::addRow("hasNext only") << R"({"hasNext":false})"_ba << true;
}

void tst_ResponseParser::ignored()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, hasMessage);

    const SubscriptionPart part = parseSubscriptionPart(body, 1234);
    QCOMPARE(part.kind, SubscriptionPart::Ignored);
    QVERIFY(!part.result.isValid());
    if (hasMessage) {
        QVERIFY(!part.message.isEmpty());
        QVERIFY2(part.message.contains("payload"_L1), qPrintable(part.message));
        QCOMPARE(namedOffset(part.message), qint64(1234));
    } else {
        QVERIFY2(part.message.isEmpty(), qPrintable(part.message));
    }
}

// Top-level errors without a payload end the subscription (router multipart-protocol.mdx).
void tst_ResponseParser::fatalError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QString>("code"); // extensions.code of the first error

    QTest::addRow("payload null with errors")
            << R"({"payload":null,"errors":[{"message":"subgraph went away"},{"message":"try later"}]})"_ba
            << QStringList { u"subgraph went away"_s, u"try later"_s } << QString();
    QTest::addRow("errors only")
            << R"({"errors":[{"message":"schema reloaded","extensions":{"code":"SUBSCRIPTION_SCHEMA_RELOAD"}}]})"_ba
            << QStringList { u"schema reloaded"_s } << u"SUBSCRIPTION_SCHEMA_RELOAD"_s;
    QTest::addRow("errors first, then payload null")
            << R"({"errors":[{"message":"x"}],"payload":null})"_ba << QStringList { u"x"_s }
            << QString();
    QTest::addRow("unicode message") << "{\"errors\":[{\"message\":\"\xC3\xA9"
                                        "chec\"}]}"_ba
                                     << QStringList { u"\u00e9chec"_s } << QString();
}

void tst_ResponseParser::fatalError()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errors);
    QFETCH(QString, code);

    const SubscriptionPart part = parseSubscriptionPart(body, 7);
    QCOMPARE(part.kind, SubscriptionPart::FatalError);
    QCOMPARE(messages(part.result.errors()), errors);
    for (const QString &error : errors)
        QVERIFY2(part.message.contains(error), qPrintable(part.message));
    if (!code.isEmpty())
        QCOMPARE(part.result.errors().first().extensions().value("code"_L1).toString(), code);
    QVERIFY(part.result.hasErrors());
}

void tst_ResponseParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<qint64>("offset"); // in the body; -1: not checked

    const QByteArray invalidUtf8 = "{\"payload\":{\"data\":{\"s\":\"ab\xC3\x28\"}}}";
    QTest::addRow("invalid UTF-8 in a string")
            << invalidUtf8 << u"Invalid JSON"_s << qint64(invalidUtf8.indexOf('\xC3'));
    QTest::addRow("lone continuation byte")
            << "{\"payload\":{\"data\":{\"s\":\"\x80\"}}}"_ba << u"Invalid JSON"_s << qint64(-1);
    QTest::addRow("truncated") << R"({"payload":{"data":)"_ba << u"Invalid JSON"_s << qint64(-1);
    QTest::addRow("missing value") << R"({"payload":})"_ba << u"Invalid JSON"_s << qint64(11);
    QTest::addRow("not JSON") << "hello"_ba << u"Invalid JSON"_s << qint64(0);
    QTest::addRow("trailing data") << R"({"payload":null} x)"_ba << u"Invalid JSON"_s << qint64(-1);
    QTest::addRow("array") << R"([{"payload":{}}])"_ba << u"object"_s << qint64(0);
    QTest::addRow("payload is an array")
            << R"({"payload":[{"data":{}}]})"_ba << u"payload"_s << qint64(0);
    QTest::addRow("payload is a string")
            << R"({"payload":"{\"data\":{}}"})"_ba << u"payload"_s << qint64(0);
    QTest::addRow("payload is a number") << R"({"payload":1})"_ba << u"payload"_s << qint64(0);
    QTest::addRow("payload is false")
            << R"({"payload":false,"errors":[{"message":"x"}]})"_ba << u"payload"_s << qint64(0);
}

void tst_ResponseParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    QFETCH(qint64, offset);

    const qint64 streamOffset = 5000;
    const SubscriptionPart part = parseSubscriptionPart(body, streamOffset);
    QCOMPARE(part.kind, SubscriptionPart::Malformed);
    QVERIFY2(part.message.contains(messagePart), qPrintable(part.message));
    const qint64 named = namedOffset(part.message);
    QVERIFY2(named >= streamOffset && named <= streamOffset + body.size(),
             qPrintable(part.message));
    // QJsonParseError::offset is at the offending byte or just past it (Qt 6.4 reports syntax
    // errors one byte late, UTF-8 errors on the byte).
    if (offset >= 0) {
        QVERIFY2(named == streamOffset + offset || named == streamOffset + offset + 1,
                 qPrintable(part.message));
    }
}

void tst_ResponseParser::parseResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error"); // a part of the error message; empty: valid
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QStringList>("errors");

    QTest::addRow("data") << R"({"data":{"hello":"world"}})"_ba << QString()
                          << json(R"({"hello":"world"})") << QStringList();
    QTest::addRow("errors") << R"({"errors":[{"message":"Cannot query field"}]})"_ba << QString()
                            << QJsonValue(QJsonValue::Undefined)
                            << QStringList { u"Cannot query field"_s };
    QTest::addRow("data null and errors")
            << R"({"data":null,"errors":[{"message":"boom","path":["a"]}],"extensions":{}})"_ba
            << QString() << QJsonValue(QJsonValue::Null) << QStringList { u"boom"_s };
    QTest::addRow("white space") << "\r\n{\"data\":{}}\n"_ba << QString()
                                 << QJsonValue(QJsonObject()) << QStringList();
    QTest::addRow("not an object: array")
            << R"([{"data":{}}])"_ba << u"object"_s << QJsonValue() << QStringList();
    // Qt 6.4 rejects top-level scalars as invalid JSON; either way it is no response.
    QTest::addRow("not an object: string")
            << R"("data")"_ba << u"at byte"_s << QJsonValue() << QStringList();
    QTest::addRow("not an object: number")
            << "42"_ba << u"at byte"_s << QJsonValue() << QStringList();
    QTest::addRow("neither data nor errors")
            << R"({"foo":1})"_ba << u"neither"_s << QJsonValue() << QStringList();
    QTest::addRow("empty object") << "{}"_ba << u"neither"_s << QJsonValue() << QStringList();
    QTest::addRow("subscription part")
            << R"({"payload":{"data":{}}})"_ba << u"neither"_s << QJsonValue() << QStringList();
    QTest::addRow("empty body") << QByteArray() << u"Invalid JSON"_s << QJsonValue()
                                << QStringList();
    QTest::addRow("invalid JSON") << R"({"data":{)"_ba << u"Invalid JSON"_s << QJsonValue()
                                  << QStringList();
    QTest::addRow("HTML error page") << "<html><body>502 Bad Gateway</body></html>"_ba
                                     << u"Invalid JSON at byte"_s << QJsonValue() << QStringList();
    QTest::addRow("invalid UTF-8") << "{\"data\":{\"s\":\"\xC3\x28\"}}"_ba << u"Invalid JSON"_s
                                   << QJsonValue() << QStringList();
}

void tst_ResponseParser::parseResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(QJsonValue, data);
    QFETCH(QStringList, errors);

    const Response response = QGraphQLResponseParser::parseResponse(body);
    if (error.isEmpty()) {
        QVERIFY2(response.error.isEmpty(), qPrintable(response.error));
        QVERIFY(response.result.isValid());
        QCOMPARE(response.result.data(), data);
        QCOMPARE(messages(response.result.errors()), errors);
    } else {
        QVERIFY2(response.error.contains(error), qPrintable(response.error));
        QVERIFY2(response.error.contains("not a GraphQL response"_L1), qPrintable(response.error));
    }
}

void tst_ResponseParser::parseJsonText()
{
    using QGraphQLResponseParser::JsonText;
    {
        const JsonText parsed = QGraphQLResponseParser::parseJsonText(R"( {"a": [1, 2]} )");
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.object.member("a").toJsonValue(), json("[1,2]"));
        QCOMPARE(parsed.object.toCompactJson(), R"({"a":[1,2]})"_ba);
    }
    {
        // The input need not be null-terminated.
        const QByteArray text = R"({"a":1}{"b":2})";
        const JsonText parsed
                = QGraphQLResponseParser::parseJsonText(QByteArrayView(text).first(7));
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.object.member("a").toJsonValue(), QJsonValue(1));
    }
    {
        const JsonText parsed = QGraphQLResponseParser::parseJsonText("[]", 77);
        QVERIFY(parsed.object.isUndefined());
        QVERIFY2(parsed.error.contains("byte 77"_L1), qPrintable(parsed.error));
    }
    {
        const JsonText parsed = QGraphQLResponseParser::parseJsonText(R"({"a":x})", 1000);
        QVERIFY(parsed.object.isUndefined());
        QVERIFY2(parsed.error.startsWith("Invalid JSON at byte 100"_L1), qPrintable(parsed.error));
        QVERIFY2(namedOffset(parsed.error) == 1005 || namedOffset(parsed.error) == 1006,
                 qPrintable(parsed.error));
    }
}

void tst_ResponseParser::joinMessages()
{
    QCOMPARE(QGraphQLResponseParser::joinMessages({}), u"(no message)"_s);
    QCOMPARE(QGraphQLResponseParser::joinMessages({ QGraphQLError(u"a"_s) }), u"a"_s);
    QCOMPARE(QGraphQLResponseParser::joinMessages({ QGraphQLError(u"a"_s), QGraphQLError(u"b"_s) }),
             u"a; b"_s);
}

QTEST_GUILESS_MAIN(tst_ResponseParser)

#include "tst_responseparser.moc"
