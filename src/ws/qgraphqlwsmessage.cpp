// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlwsmessage_p.h"

#include "protocol/qgraphqljsontext_p.h"

#include <QGraphQL/qgraphqlrequest.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using Type = QGraphQLWsMessage::Type;

namespace {

enum class IdRule { Forbidden, Required, Optional };
enum class Shape {
    None, // no payload (null allowed)
    OptionalObject, // an object, null or absent
    Object, // an object (an execution result)
    Request, // {query, operationName?, variables?, extensions?}
    ErrorList, // a non-empty array of GraphQL errors
    LegacyError, // an error object, or an array of them
    Any, // any value, or none
};

struct Rule
{
    Type type;
    const char *name;
    IdRule id;
    Shape shape;
};

// graphql-transport-ws: the graphql-ws library's PROTOCOL.md.
constexpr Rule TransportWsRules[] = {
    { Type::ConnectionInit, "connection_init", IdRule::Forbidden, Shape::OptionalObject },
    { Type::ConnectionAck, "connection_ack", IdRule::Forbidden, Shape::OptionalObject },
    { Type::Ping, "ping", IdRule::Forbidden, Shape::OptionalObject },
    { Type::Pong, "pong", IdRule::Forbidden, Shape::OptionalObject },
    { Type::Subscribe, "subscribe", IdRule::Required, Shape::Request },
    { Type::Next, "next", IdRule::Required, Shape::Object },
    { Type::Error, "error", IdRule::Required, Shape::ErrorList },
    { Type::Complete, "complete", IdRule::Required, Shape::None },
};

// graphql-ws: the protocol of subscriptions-transport-ws. Its server sends "error" without an
// id for a message it could not read: a connection-level error.
constexpr Rule LegacyRules[] = {
    { Type::ConnectionInit, "connection_init", IdRule::Forbidden, Shape::OptionalObject },
    { Type::ConnectionAck, "connection_ack", IdRule::Forbidden, Shape::OptionalObject },
    { Type::ConnectionError, "connection_error", IdRule::Forbidden, Shape::Any },
    { Type::KeepAlive, "ka", IdRule::Forbidden, Shape::None },
    { Type::Subscribe, "start", IdRule::Required, Shape::Request },
    { Type::Next, "data", IdRule::Required, Shape::Object },
    { Type::Error, "error", IdRule::Optional, Shape::LegacyError },
    { Type::Complete, "complete", IdRule::Required, Shape::None },
    { Type::Stop, "stop", IdRule::Required, Shape::None },
    { Type::ConnectionTerminate, "connection_terminate", IdRule::Forbidden, Shape::None },
};

template<typename Fn> const Rule *findRule(QGraphQLWsProtocol protocol, Fn matches)
{
    const auto search = [&](const auto &rules) -> const Rule * {
        for (const Rule &rule : rules) {
            if (matches(rule))
                return &rule;
        }
        return nullptr;
    };
    return protocol == QGraphQLWsProtocol::GraphQLTransportWs ? search(TransportWsRules)
                                                              : search(LegacyRules);
}

bool isObjectOrNull(const QGraphQLJsonNode &node)
{
    return node.isUndefined() || node.isNull() || node.isObject();
}

bool isGraphQLError(const QGraphQLJsonNode &node)
{
    return node.isObject() && node.contains("message");
}

// Why the payload does not have the shape; empty when it does.
QString checkPayload(Shape shape, const QGraphQLJsonNode &payload)
{
    switch (shape) {
    case Shape::None:
        if (!payload.isUndefined() && !payload.isNull())
            return u"has no payload"_s;
        return {};
    case Shape::OptionalObject:
        return isObjectOrNull(payload) ? QString() : u"has an object or no payload"_s;
    case Shape::Object:
        return payload.isObject() ? QString() : u"has an object payload"_s;
    case Shape::Request: {
        if (!payload.isObject())
            return u"has an object payload"_s;
        const QList<QGraphQLJsonNode> members
                = payload.membersNamed({ "query", "operationName", "variables", "extensions" });
        if (!members.at(0).isString())
            return u"has a payload whose \"query\" is a string"_s;
        if (!members.at(1).isUndefined() && !members.at(1).isNull() && !members.at(1).isString())
            return u"has a payload whose \"operationName\" is a string or null"_s;
        if (!isObjectOrNull(members.at(2)))
            return u"has a payload whose \"variables\" is an object or null"_s;
        if (!isObjectOrNull(members.at(3)))
            return u"has a payload whose \"extensions\" is an object or null"_s;
        return {};
    }
    case Shape::ErrorList: {
        const QList<QGraphQLJsonNode> items = payload.items();
        if (!payload.isArray() || items.isEmpty()
            || !std::all_of(items.cbegin(), items.cend(), isGraphQLError))
            return u"has a non-empty array of GraphQL errors as its payload"_s;
        return {};
    }
    case Shape::LegacyError: {
        if (isGraphQLError(payload))
            return {};
        const QList<QGraphQLJsonNode> items = payload.items();
        if (!payload.isArray() || items.isEmpty()
            || !std::all_of(items.cbegin(), items.cend(), isGraphQLError))
            return u"has a GraphQL error or an array of them as its payload"_s;
        return {};
    }
    case Shape::Any:
        return {};
    }
    return {};
}

QGraphQLWsDecoded failure(const QString &message)
{
    QGraphQLWsDecoded decoded;
    decoded.error = message;
    return decoded;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QByteArray QGraphQLWsCodec::subprotocol(QGraphQLWsProtocol protocol)
{
    return protocol == QGraphQLWsProtocol::GraphQLTransportWs ? "graphql-transport-ws"_ba
                                                              : "graphql-ws"_ba;
}

QByteArray QGraphQLWsCodec::typeName(QGraphQLWsProtocol protocol, Type type)
{
    const Rule *rule = findRule(protocol, [type](const Rule &r) { return r.type == type; });
    return rule ? QByteArray(rule->name) : QByteArray();
}

QGraphQLWsDecoded QGraphQLWsCodec::decode(QByteArrayView text, QGraphQLWsProtocol protocol,
                                          qint64 maxSize)
{
    if (text.size() > maxSize) {
        return failure(
                u"The message (%1 bytes) exceeds the maximum size of %2 bytes"_s.arg(text.size())
                        .arg(maxSize));
    }
    QByteArray compact;
    QGraphQLJsonText::Error jsonError;
    if (!QGraphQLJsonText::compact(text, &compact, &jsonError)) {
        return failure(u"Malformed message: %1 at offset %2"_s.arg(jsonError.message)
                               .arg(jsonError.offset));
    }
    const QGraphQLJsonNode node(compact);
    if (!node.isObject())
        return failure(u"Malformed message: a JSON object was expected"_s);

    const QList<QGraphQLJsonNode> members = node.membersNamed({ "type", "id", "payload" });
    const QGraphQLJsonNode &typeNode = members.at(0);
    const QGraphQLJsonNode &idNode = members.at(1);
    QGraphQLJsonNode payload = members.at(2);
    if (!typeNode.isString())
        return failure(u"Malformed message: no \"type\" string"_s);
    const QByteArray name = typeNode.toString().toUtf8();
    const Rule *rule = findRule(protocol, [&name](const Rule &r) { return name == r.name; });
    if (!rule) {
        return failure(u"Unknown message type \"%1\" in the %2 protocol"_s.arg(
                QString::fromUtf8(name), QString::fromLatin1(subprotocol(protocol))));
    }
    const QString quotedName = u"\""_s + QString::fromLatin1(rule->name) + u"\""_s;

    QGraphQLWsMessage message;
    message.type = rule->type;
    switch (rule->id) {
    case IdRule::Forbidden:
        if (!idNode.isUndefined())
            return failure(u"A %1 message has no \"id\""_s.arg(quotedName));
        break;
    case IdRule::Required:
        if (!idNode.isString() || idNode.toString().isEmpty())
            return failure(
                    u"The \"id\" of a %1 message must be a non-empty string"_s.arg(quotedName));
        message.id = idNode.toString();
        break;
    case IdRule::Optional:
        if (!idNode.isUndefined() && !idNode.isString())
            return failure(u"The \"id\" of a %1 message must be a string"_s.arg(quotedName));
        message.id = idNode.toString();
        break;
    }
    const QString payloadError = checkPayload(rule->shape, payload);
    if (!payloadError.isEmpty())
        return failure(u"A %1 message %2"_s.arg(quotedName, payloadError));
    if (!payload.isNull())
        message.payload = std::move(payload);

    QGraphQLWsDecoded decoded;
    decoded.message = std::move(message);
    return decoded;
}

QByteArray QGraphQLWsCodec::encode(QGraphQLWsProtocol protocol, Type type, const QString &id,
                                   QByteArrayView payloadJson)
{
    const QByteArray name = typeName(protocol, type);
    if (name.isEmpty())
        return {};
    QByteArray text = "{"_ba;
    if (!id.isEmpty())
        text += "\"id\":" + jsonString(id) + ',';
    text += "\"type\":\"" + name + '"';
    if (!payloadJson.isEmpty()) {
        text += ",\"payload\":";
        text += payloadJson;
    }
    text += '}';
    return text;
}

QByteArray QGraphQLWsCodec::encodeSubscribe(QGraphQLWsProtocol protocol, const QString &id,
                                            const QGraphQLRequest &request)
{
    return encode(protocol, Type::Subscribe, id, request.toJson());
}

QByteArray QGraphQLWsCodec::encodeStop(QGraphQLWsProtocol protocol, const QString &id)
{
    return encode(protocol,
                  protocol == QGraphQLWsProtocol::GraphQLTransportWs ? Type::Complete : Type::Stop,
                  id);
}
