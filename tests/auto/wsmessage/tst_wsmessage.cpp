// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "ws/qgraphqlwsmessage_p.h"

#include <QGraphQL/qgraphqlrequest.h>

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

using Protocol = QGraphQLWsProtocol;
using Type = QGraphQLWsMessage::Type;
namespace Codec = QGraphQLWsCodec;

Q_DECLARE_METATYPE(QGraphQLWsProtocol)
Q_DECLARE_METATYPE(QGraphQLWsMessage::Type)

namespace {
constexpr qint64 DefaultMax = QGraphQL::DefaultMaxPartSize;
constexpr Protocol Modern = Protocol::GraphQLTransportWs;
constexpr Protocol Legacy = Protocol::GraphQLWs;
} // namespace

class tst_WsMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void decodeValid_data();
    void decodeValid();
    void decodeInvalid_data();
    void decodeInvalid();
    void payloadKeepsText();
    void encode_data();
    void encode();
    void encodeSubscribe();
    void encodeStop();
    void encodeEscapesId();
    void sizeLimitIsInclusive();
};

void tst_WsMessage::names()
{
    QCOMPARE(Codec::subprotocol(Modern), "graphql-transport-ws"_ba);
    QCOMPARE(Codec::subprotocol(Legacy), "graphql-ws"_ba);
    QCOMPARE(Codec::typeName(Modern, Type::Subscribe), "subscribe"_ba);
    QCOMPARE(Codec::typeName(Legacy, Type::Subscribe), "start"_ba);
    QCOMPARE(Codec::typeName(Modern, Type::Next), "next"_ba);
    QCOMPARE(Codec::typeName(Legacy, Type::Next), "data"_ba);
    QCOMPARE(Codec::typeName(Legacy, Type::KeepAlive), "ka"_ba);
    // Types of the other protocol only.
    QVERIFY(Codec::typeName(Modern, Type::KeepAlive).isEmpty());
    QVERIFY(Codec::typeName(Modern, Type::Stop).isEmpty());
    QVERIFY(Codec::typeName(Modern, Type::ConnectionError).isEmpty());
    QVERIFY(Codec::typeName(Modern, Type::ConnectionTerminate).isEmpty());
    QVERIFY(Codec::typeName(Legacy, Type::Ping).isEmpty());
    QVERIFY(Codec::typeName(Legacy, Type::Pong).isEmpty());
}

void tst_WsMessage::decodeValid_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("payload"); // compact text; empty: none

    const auto row = [](const char *name, Protocol p, const QByteArray &text, Type type,
                        const QString &id, const QByteArray &payload) {
        QTest::newRow(name) << p << text << type << id << payload;
    };
    // graphql-transport-ws, every type.
    row("init", Modern, R"({"type":"connection_init"})", Type::ConnectionInit, {}, {});
    row("init payload", Modern, R"({"type":"connection_init","payload":{"token":"t"}})",
        Type::ConnectionInit, {}, R"({"token":"t"})");
    row("init null payload", Modern, R"({"type":"connection_init","payload":null})",
        Type::ConnectionInit, {}, {});
    row("ack", Modern, R"({"type":"connection_ack"})", Type::ConnectionAck, {}, {});
    row("ack payload", Modern, R"({ "type" : "connection_ack", "payload" : { "a" : 1 } })",
        Type::ConnectionAck, {}, R"({"a":1})");
    row("ping", Modern, R"({"type":"ping"})", Type::Ping, {}, {});
    row("ping payload", Modern, R"({"type":"ping","payload":{"x":[]}})", Type::Ping, {},
        R"({"x":[]})");
    row("pong", Modern, R"({"type":"pong"})", Type::Pong, {}, {});
    row("subscribe", Modern, R"({"id":"1","type":"subscribe","payload":{"query":"{a}"}})",
        Type::Subscribe, u"1"_s, R"({"query":"{a}"})");
    row("subscribe full", Modern,
        R"({"id":"x","type":"subscribe","payload":{"query":"q","operationName":null,)"
        R"("variables":{"v":1},"extensions":null}})",
        Type::Subscribe, u"x"_s,
        R"({"query":"q","operationName":null,"variables":{"v":1},"extensions":null})");
    row("next", Modern, R"({"id":"1","type":"next","payload":{"data":{"n":1.50}}})", Type::Next,
        u"1"_s, R"({"data":{"n":1.50}})");
    row("next other order", Modern, R"({"payload":{"data":null},"type":"next","id":"7"})",
        Type::Next, u"7"_s, R"({"data":null})");
    row("error", Modern, R"({"id":"1","type":"error","payload":[{"message":"bad"}]})", Type::Error,
        u"1"_s, R"([{"message":"bad"}])");
    row("complete", Modern, R"({"id":"1","type":"complete"})", Type::Complete, u"1"_s, {});
    row("complete null payload", Modern, R"({"id":"1","type":"complete","payload":null})",
        Type::Complete, u"1"_s, {});
    row("unknown members ignored", Modern, R"({"type":"pong","extra":true})", Type::Pong, {}, {});
    row("unicode id", Modern, R"({"id":"\u00e9","type":"complete"})", Type::Complete, u"é"_s, {});

    // graphql-ws (subscriptions-transport-ws), every type.
    row("legacy init", Legacy, R"({"type":"connection_init","payload":{}})", Type::ConnectionInit,
        {}, "{}");
    row("legacy ack", Legacy, R"({"type":"connection_ack"})", Type::ConnectionAck, {}, {});
    row("legacy connection_error", Legacy,
        R"({"type":"connection_error","payload":{"message":"no"}})", Type::ConnectionError, {},
        R"({"message":"no"})");
    row("legacy connection_error string", Legacy, R"({"type":"connection_error","payload":"no"})",
        Type::ConnectionError, {}, R"("no")");
    row("legacy ka", Legacy, R"({"type":"ka"})", Type::KeepAlive, {}, {});
    row("legacy start", Legacy, R"({"id":"1","type":"start","payload":{"query":"{a}"}})",
        Type::Subscribe, u"1"_s, R"({"query":"{a}"})");
    row("legacy data", Legacy, R"({"id":"1","type":"data","payload":{"data":{"a":1}}})", Type::Next,
        u"1"_s, R"({"data":{"a":1}})");
    row("legacy error object", Legacy, R"({"id":"1","type":"error","payload":{"message":"m"}})",
        Type::Error, u"1"_s, R"({"message":"m"})");
    row("legacy error array", Legacy, R"({"id":"1","type":"error","payload":[{"message":"m"}]})",
        Type::Error, u"1"_s, R"([{"message":"m"}])");
    row("legacy error without id", Legacy, R"({"type":"error","payload":{"message":"m"}})",
        Type::Error, {}, R"({"message":"m"})");
    row("legacy complete", Legacy, R"({"id":"1","type":"complete"})", Type::Complete, u"1"_s, {});
    row("legacy stop", Legacy, R"({"id":"1","type":"stop"})", Type::Stop, u"1"_s, {});
    row("legacy terminate", Legacy, R"({"type":"connection_terminate"})", Type::ConnectionTerminate,
        {}, {});
}

void tst_WsMessage::decodeValid()
{
    QFETCH(Protocol, protocol);
    QFETCH(QByteArray, text);
    QFETCH(Type, type);
    QFETCH(QString, id);
    QFETCH(QByteArray, payload);

    const QGraphQLWsDecoded decoded = Codec::decode(text, protocol, DefaultMax);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QVERIFY(decoded.error.isEmpty());
    QCOMPARE(decoded.message->type, type);
    QCOMPARE(decoded.message->id, id);
    if (payload.isEmpty())
        QVERIFY(decoded.message->payload.isUndefined());
    else
        QCOMPARE(decoded.message->payload.toCompactJson(), payload);
}

void tst_WsMessage::decodeInvalid_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("maxSize");
    QTest::addColumn<QString>("error"); // a part of the message

    const auto row = [](const char *name, Protocol p, const QByteArray &text, const QString &error,
                        qint64 max = DefaultMax) {
        QTest::newRow(name) << p << text << max << error;
    };
    // Not a JSON object.
    row("empty", Modern, "", u"Malformed message"_s);
    row("not json", Modern, "hello", u"Malformed message"_s);
    row("truncated", Modern, R"({"type":"ping")", u"Malformed message"_s);
    row("trailing garbage", Modern, R"({"type":"ping"}x)", u"Malformed message"_s);
    row("array", Modern, R"([{"type":"ping"}])", u"a JSON object was expected"_s);
    row("bad utf-8", Modern, "{\"type\":\"p\xff\"}", u"Malformed message"_s);
    // type
    row("no type", Modern, R"({"id":"1"})", u"no \"type\" string"_s);
    row("type number", Modern, R"({"type":1})", u"no \"type\" string"_s);
    row("type null", Modern, R"({"type":null})", u"no \"type\" string"_s);
    row("unknown type", Modern, R"({"type":"hello"})", u"Unknown message type \"hello\""_s);
    row("legacy type in modern", Modern, R"({"type":"ka"})",
        u"Unknown message type \"ka\" in the graphql-transport-ws protocol"_s);
    row("modern type in legacy", Legacy, R"({"type":"ping"})",
        u"Unknown message type \"ping\" in the graphql-ws protocol"_s);
    row("start in modern", Modern, R"({"id":"1","type":"start","payload":{"query":"q"}})",
        u"Unknown message type \"start\""_s);
    row("next in legacy", Legacy, R"({"id":"1","type":"next","payload":{}})",
        u"Unknown message type \"next\""_s);
    row("case matters", Modern, R"({"type":"PING"})", u"Unknown message type"_s);
    // id
    row("next without id", Modern, R"({"type":"next","payload":{}})",
        u"The \"id\" of a \"next\" message must be a non-empty string"_s);
    row("next id number", Modern, R"({"id":1,"type":"next","payload":{}})",
        u"The \"id\" of a \"next\" message must be a non-empty string"_s);
    row("next id empty", Modern, R"({"id":"","type":"next","payload":{}})",
        u"must be a non-empty string"_s);
    row("next id null", Modern, R"({"id":null,"type":"next","payload":{}})",
        u"must be a non-empty string"_s);
    row("complete id object", Modern, R"({"id":{},"type":"complete"})",
        u"must be a non-empty string"_s);
    row("error without id", Modern, R"({"type":"error","payload":[{"message":"m"}]})",
        u"must be a non-empty string"_s);
    row("ack with id", Modern, R"({"id":"1","type":"connection_ack"})",
        u"A \"connection_ack\" message has no \"id\""_s);
    row("ping with id", Modern, R"({"id":"1","type":"ping"})", u"has no \"id\""_s);
    row("legacy ka with id", Legacy, R"({"id":"1","type":"ka"})", u"has no \"id\""_s);
    row("legacy data without id", Legacy, R"({"type":"data","payload":{}})",
        u"The \"id\" of a \"data\" message"_s);
    row("legacy error id number", Legacy, R"({"id":2,"type":"error","payload":{"message":"m"}})",
        u"The \"id\" of a \"error\" message must be a string"_s);
    // payload
    row("next without payload", Modern, R"({"id":"1","type":"next"})",
        u"A \"next\" message has an object payload"_s);
    row("next array payload", Modern, R"({"id":"1","type":"next","payload":[]})",
        u"has an object payload"_s);
    row("next null payload", Modern, R"({"id":"1","type":"next","payload":null})",
        u"has an object payload"_s);
    row("ack string payload", Modern, R"({"type":"connection_ack","payload":"x"})",
        u"A \"connection_ack\" message has an object or no payload"_s);
    row("ping array payload", Modern, R"({"type":"ping","payload":[1]})",
        u"has an object or no payload"_s);
    row("complete with payload", Modern, R"({"id":"1","type":"complete","payload":{}})",
        u"A \"complete\" message has no payload"_s);
    row("error empty array", Modern, R"({"id":"1","type":"error","payload":[]})",
        u"non-empty array of GraphQL errors"_s);
    row("error object", Modern, R"({"id":"1","type":"error","payload":{"message":"m"}})",
        u"non-empty array of GraphQL errors"_s);
    row("error item without message", Modern, R"({"id":"1","type":"error","payload":[{}]})",
        u"non-empty array of GraphQL errors"_s);
    row("error item not object", Modern, R"({"id":"1","type":"error","payload":["m"]})",
        u"non-empty array of GraphQL errors"_s);
    row("subscribe without payload", Modern, R"({"id":"1","type":"subscribe"})",
        u"has an object payload"_s);
    row("subscribe without query", Modern, R"({"id":"1","type":"subscribe","payload":{}})",
        u"\"query\" is a string"_s);
    row("subscribe query number", Modern, R"({"id":"1","type":"subscribe","payload":{"query":1}})",
        u"\"query\" is a string"_s);
    row("subscribe bad operationName", Modern,
        R"({"id":"1","type":"subscribe","payload":{"query":"q","operationName":1}})",
        u"\"operationName\" is a string or null"_s);
    row("subscribe bad variables", Modern,
        R"({"id":"1","type":"subscribe","payload":{"query":"q","variables":[]}})",
        u"\"variables\" is an object or null"_s);
    row("subscribe bad extensions", Modern,
        R"({"id":"1","type":"subscribe","payload":{"query":"q","extensions":"e"}})",
        u"\"extensions\" is an object or null"_s);
    row("legacy ka with payload", Legacy, R"({"type":"ka","payload":{}})",
        u"A \"ka\" message has no payload"_s);
    row("legacy error no payload", Legacy, R"({"id":"1","type":"error"})",
        u"a GraphQL error or an array of them"_s);
    row("legacy error string", Legacy, R"({"id":"1","type":"error","payload":"m"})",
        u"a GraphQL error or an array of them"_s);
    row("legacy start no query", Legacy, R"({"id":"1","type":"start","payload":{"q":1}})",
        u"\"query\" is a string"_s);
    row("legacy stop payload", Legacy, R"({"id":"1","type":"stop","payload":1})",
        u"has no payload"_s);
    // size
    row("too large", Modern, R"({"type":"ping"})",
        u"The message (15 bytes) exceeds the maximum size of 14 bytes"_s, 14);
}

void tst_WsMessage::decodeInvalid()
{
    QFETCH(Protocol, protocol);
    QFETCH(QByteArray, text);
    QFETCH(qint64, maxSize);
    QFETCH(QString, error);

    const QGraphQLWsDecoded decoded = Codec::decode(text, protocol, maxSize);
    QVERIFY(!decoded.isValid());
    QVERIFY2(decoded.error.contains(error), qPrintable(decoded.error));
}

// The payload is a node over the message's compact text: member order and number text survive.
void tst_WsMessage::payloadKeepsText()
{
    const QByteArray text
            = R"({"id":"1","type":"next","payload":{ "data" : {"z":1.0e2,"a":[1, 2]}}})";
    const QGraphQLWsDecoded decoded = Codec::decode(text, Modern, DefaultMax);
    QVERIFY(decoded.isValid());
    QCOMPARE(decoded.message->payload.toCompactJson(), R"({"data":{"z":1.0e2,"a":[1,2]}})"_ba);
    QCOMPARE(decoded.message->payload.member("data").keys(), (QList<QByteArray> { "z", "a" }));
}

void tst_WsMessage::encode_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expected");

    const auto row = [](const char *name, Protocol p, Type type, const QString &id,
                        const QByteArray &payload, const QByteArray &expected) {
        QTest::newRow(name) << p << type << id << payload << expected;
    };
    row("init", Modern, Type::ConnectionInit, {}, {}, R"({"type":"connection_init"})");
    row("init payload", Modern, Type::ConnectionInit, {}, R"({"t":1})",
        R"({"type":"connection_init","payload":{"t":1}})");
    row("ack", Modern, Type::ConnectionAck, {}, {}, R"({"type":"connection_ack"})");
    row("ping", Modern, Type::Ping, {}, {}, R"({"type":"ping"})");
    row("pong", Modern, Type::Pong, {}, {}, R"({"type":"pong"})");
    row("subscribe", Modern, Type::Subscribe, u"1"_s, R"({"query":"q"})",
        R"({"id":"1","type":"subscribe","payload":{"query":"q"}})");
    row("next", Modern, Type::Next, u"1"_s, R"({"data":{}})",
        R"({"id":"1","type":"next","payload":{"data":{}}})");
    row("error", Modern, Type::Error, u"1"_s, R"([{"message":"m"}])",
        R"({"id":"1","type":"error","payload":[{"message":"m"}]})");
    row("complete", Modern, Type::Complete, u"2"_s, {}, R"({"id":"2","type":"complete"})");
    row("no ka in modern", Modern, Type::KeepAlive, {}, {}, {});
    row("no stop in modern", Modern, Type::Stop, u"1"_s, {}, {});

    row("legacy init", Legacy, Type::ConnectionInit, {}, "{}",
        R"({"type":"connection_init","payload":{}})");
    row("legacy ack", Legacy, Type::ConnectionAck, {}, {}, R"({"type":"connection_ack"})");
    row("legacy connection_error", Legacy, Type::ConnectionError, {}, R"({"message":"m"})",
        R"({"type":"connection_error","payload":{"message":"m"}})");
    row("legacy ka", Legacy, Type::KeepAlive, {}, {}, R"({"type":"ka"})");
    row("legacy start", Legacy, Type::Subscribe, u"1"_s, R"({"query":"q"})",
        R"({"id":"1","type":"start","payload":{"query":"q"}})");
    row("legacy data", Legacy, Type::Next, u"1"_s, R"({"data":{}})",
        R"({"id":"1","type":"data","payload":{"data":{}}})");
    row("legacy error", Legacy, Type::Error, u"1"_s, R"({"message":"m"})",
        R"({"id":"1","type":"error","payload":{"message":"m"}})");
    row("legacy complete", Legacy, Type::Complete, u"1"_s, {}, R"({"id":"1","type":"complete"})");
    row("legacy stop", Legacy, Type::Stop, u"1"_s, {}, R"({"id":"1","type":"stop"})");
    row("legacy terminate", Legacy, Type::ConnectionTerminate, {}, {},
        R"({"type":"connection_terminate"})");
    row("no ping in legacy", Legacy, Type::Ping, {}, {}, {});
    row("no pong in legacy", Legacy, Type::Pong, {}, {}, {});
}

// Every encoded message decodes back to itself.
void tst_WsMessage::encode()
{
    QFETCH(Protocol, protocol);
    QFETCH(Type, type);
    QFETCH(QString, id);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expected);

    const QByteArray text = Codec::encode(protocol, type, id, payload);
    QCOMPARE(text, expected);
    if (expected.isEmpty())
        return;
    const QGraphQLWsDecoded decoded = Codec::decode(text, protocol, DefaultMax);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QCOMPARE(decoded.message->type, type);
    QCOMPARE(decoded.message->id, id);
    QCOMPARE(decoded.message->payload.toCompactJson(), payload);
}

void tst_WsMessage::encodeSubscribe()
{
    QGraphQLRequest request(u"subscription S($n: Int) { tick(n: $n) }"_s,
                            QJsonObject { { u"n"_s, 3 } }, u"S"_s);
    for (Protocol p : { Modern, Legacy }) {
        const QByteArray text = Codec::encodeSubscribe(p, u"5"_s, request);
        const QGraphQLWsDecoded decoded = Codec::decode(text, p, DefaultMax);
        QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
        QCOMPARE(decoded.message->type, Type::Subscribe);
        QCOMPARE(decoded.message->id, u"5"_s);
        QCOMPARE(decoded.message->payload.toJsonValue().toObject(),
                 QJsonDocument::fromJson(request.toJson()).object());
    }
    QVERIFY(Codec::encodeSubscribe(Legacy, u"1"_s, request).contains("\"type\":\"start\""));
}

void tst_WsMessage::encodeStop()
{
    QCOMPARE(Codec::encodeStop(Modern, u"3"_s), R"({"id":"3","type":"complete"})"_ba);
    QCOMPARE(Codec::encodeStop(Legacy, u"3"_s), R"({"id":"3","type":"stop"})"_ba);
}

void tst_WsMessage::encodeEscapesId()
{
    const QString id = u"a\"b\\c\n"_s;
    const QByteArray text = Codec::encode(Modern, Type::Complete, id);
    const QGraphQLWsDecoded decoded = Codec::decode(text, Modern, DefaultMax);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QCOMPARE(decoded.message->id, id);
}

void tst_WsMessage::sizeLimitIsInclusive()
{
    const QByteArray text = R"({"type":"ping"})";
    QVERIFY(Codec::decode(text, Modern, text.size()).isValid());
    QVERIFY(!Codec::decode(text, Modern, text.size() - 1).isValid());
}

QTEST_GUILESS_MAIN(tst_WsMessage)
#include "tst_wsmessage.moc"
