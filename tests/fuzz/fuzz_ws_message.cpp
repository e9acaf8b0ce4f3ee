// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The GraphQL-over-WebSocket message codec (QGraphQLWsCodec). Input: byte 0 picks the protocol
// (bit 0: graphql-transport-ws or graphql-ws) and the maximum message size (the other bits);
// the rest is one message. Invariants: deterministic; a decoded message is a JSON object that
// QJsonDocument reads too, of a type the protocol has, with an id exactly where the type has
// one; it encodes back to a message that decodes to the same type, id and payload text; a
// rejection has a message; anything larger than the limit or invalid JSON is rejected.

#include "fuzzcommon.h"

#include "ws/qgraphqlwsmessage_p.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

namespace {

constexpr qint64 MaxSizes[] = { 8, 16, 64, 256, 1024, 4096, 65536, QGraphQL::DefaultMaxPartSize };

bool hasId(QGraphQLWsMessage::Type type)
{
    using Type = QGraphQLWsMessage::Type;
    return type == Type::Subscribe || type == Type::Next || type == Type::Error
            || type == Type::Complete || type == Type::Stop;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QGraphQLWsProtocol protocol = (data[0] & 1) ? QGraphQLWsProtocol::GraphQLWs
                                                      : QGraphQLWsProtocol::GraphQLTransportWs;
    const qint64 maxSize = MaxSizes[(data[0] >> 1) % std::size(MaxSizes)];
    const QByteArrayView text(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    const QGraphQLWsDecoded decoded = QGraphQLWsCodec::decode(text, protocol, maxSize);
    const QGraphQLWsDecoded again = QGraphQLWsCodec::decode(text, protocol, maxSize);
    FUZZ_ASSERT(decoded.isValid() == again.isValid() && decoded.error == again.error);
    FUZZ_ASSERT(decoded.isValid() == decoded.error.isEmpty());

    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray());
    if (text.size() > maxSize || !document.isObject()) {
        FUZZ_ASSERT(!decoded.isValid());
        return 0;
    }
    if (!decoded.isValid())
        return 0;

    const QGraphQLWsMessage &message = *decoded.message;
    FUZZ_ASSERT(message.type == again.message->type && message.id == again.message->id);
    const QByteArray name = QGraphQLWsCodec::typeName(protocol, message.type);
    FUZZ_ASSERT(!name.isEmpty());
    FUZZ_ASSERT(document.object().value(QLatin1StringView("type")).toString().toUtf8() == name);
    if (hasId(message.type)
        && !(protocol == QGraphQLWsProtocol::GraphQLWs
             && message.type == QGraphQLWsMessage::Type::Error))
        FUZZ_ASSERT(!message.id.isEmpty());
    if (!hasId(message.type))
        FUZZ_ASSERT(message.id.isEmpty() && !document.object().contains(QLatin1StringView("id")));
    FUZZ_ASSERT(!message.payload.isNull());

    // Encoded again, it decodes to the same message.
    const QByteArray payload = message.payload.toCompactJson();
    const QByteArray encoded = QGraphQLWsCodec::encode(protocol, message.type, message.id, payload);
    const QGraphQLWsDecoded round
            = QGraphQLWsCodec::decode(encoded, protocol, QGraphQL::DefaultMaxPartSize);
    FUZZ_ASSERT(round.isValid());
    FUZZ_ASSERT(round.message->type == message.type && round.message->id == message.id);
    FUZZ_ASSERT(round.message->payload.toCompactJson() == payload);
    return 0;
}
