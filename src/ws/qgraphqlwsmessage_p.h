// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLWSMESSAGE_P_H
#define QGRAPHQLWSMESSAGE_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>

#include "protocol/qgraphqljsonnode_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qstring.h>

#include <optional>

class QGraphQLRequest;

//! The two subprotocols of GraphQL over WebSocket.
enum class QGraphQLWsProtocol {
    GraphQLTransportWs, // "graphql-transport-ws", the graphql-ws library's PROTOCOL.md
    GraphQLWs, // "graphql-ws", the legacy protocol of subscriptions-transport-ws
};

//! One message of either protocol, whichever side sends it. Types that exist in one protocol
//! only: Ping, Pong (graphql-transport-ws); ConnectionError, KeepAlive ("ka"), Stop,
//! ConnectionTerminate (graphql-ws). Subscribe and Next are "start" and "data" in graphql-ws.
struct QGraphQLWsMessage
{
    enum class Type {
        ConnectionInit,
        ConnectionAck,
        ConnectionError,
        Ping,
        Pong,
        KeepAlive,
        Subscribe,
        Next,
        Error,
        Complete,
        Stop,
        ConnectionTerminate,
    };

    Type type = Type::ConnectionInit;
    QString id; // the operation's id; empty for connection-level messages
    QGraphQLJsonNode payload; // over the message's compact text; Undefined when absent or null
};

//! What decode() made of a text: a message, or why it is not one.
struct QGraphQLWsDecoded
{
    std::optional<QGraphQLWsMessage> message;
    QString error; // a sentence naming the fault; empty when message holds a value

    bool isValid() const { return message.has_value(); }
};

// The message codec of both GraphQL-over-WebSocket protocols. Pure: no QObject, no I/O. A
// message is validated once (QGraphQLJsonText::compact) and its payload kept as a node over that
// text, so that a result keeps the server's text. Unit-tested (tests/auto/wsmessage) and fuzzed
// (fuzz_ws_message).
//
// decode() follows the graphql-ws library's validation: a JSON object with a known "type"; an
// "id" (a non-empty string) exactly on the operation messages; a payload of the type's shape
// (a null payload counts as absent). Other members are ignored, as graphql-ws does.
namespace QGraphQLWsCodec {

//! The Sec-WebSocket-Protocol name: "graphql-transport-ws" or "graphql-ws".
QGRAPHQL_AUTOTEST_EXPORT QByteArray subprotocol(QGraphQLWsProtocol protocol);
//! The wire name of \a type in \a protocol ("start" for Subscribe in graphql-ws); empty when the
//! protocol has no such message.
QGRAPHQL_AUTOTEST_EXPORT QByteArray typeName(QGraphQLWsProtocol protocol,
                                             QGraphQLWsMessage::Type type);

//! Decodes one text message. Larger than \a maxSize bytes, malformed JSON, not an object, an
//! unknown type, a missing, extra or non-string id, a payload of the wrong shape: an error.
QGRAPHQL_AUTOTEST_EXPORT QGraphQLWsDecoded decode(QByteArrayView text, QGraphQLWsProtocol protocol,
                                                  qint64 maxSize);

//! The text of a message: {"id":…,"type":…,"payload":…}, without "id" when \a id is empty and
//! without "payload" when \a payloadJson is empty (it is inserted as given: compact JSON).
//! Empty when \a protocol has no message of \a type.
QGRAPHQL_AUTOTEST_EXPORT QByteArray encode(QGraphQLWsProtocol protocol,
                                           QGraphQLWsMessage::Type type, const QString &id = {},
                                           QByteArrayView payloadJson = {});
//! The message that starts \a request as operation \a id: "subscribe" or "start".
QGRAPHQL_AUTOTEST_EXPORT QByteArray encodeSubscribe(QGraphQLWsProtocol protocol, const QString &id,
                                                    const QGraphQLRequest &request);
//! The message that stops operation \a id: "complete" or "stop".
QGRAPHQL_AUTOTEST_EXPORT QByteArray encodeStop(QGraphQLWsProtocol protocol, const QString &id);

} // namespace QGraphQLWsCodec

#endif // QGRAPHQLWSMESSAGE_P_H
