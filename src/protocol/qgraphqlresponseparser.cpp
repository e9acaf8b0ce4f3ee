// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlresponseparser_p.h"

#include "qgraphqljsontext_p.h"
#include "qgraphqlresult_p.h"

#include <algorithm>

#include <QtCore/qjsonarray.h>
#include <QtCore/qstringlist.h>

using namespace Qt::StringLiterals;

namespace QGraphQLResponseParser {

bool MediaType::isJson() const
{
    return type == "application/json"
            || (type.startsWith("application/") && type.endsWith("+json"));
}

MediaType parseMediaType(QByteArrayView contentType)
{
    MediaType media;
    const QList<QByteArray> fields = contentType.toByteArray().split(';');
    media.type = fields.value(0).trimmed().toLower();
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const QByteArray field = fields.at(i).trimmed();
        const qsizetype eq = field.indexOf('=');
        if (eq <= 0)
            continue;
        QByteArray value = field.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
            value = value.mid(1, value.size() - 2);
            value.replace("\\\"", "\"");
            value.replace("\\\\", "\\");
        }
        media.parameters.insert(field.left(eq).trimmed().toLower(), value);
    }
    return media;
}

JsonText parseJsonText(QByteArrayView bytes, qint64 streamOffset)
{
    JsonText parsed;
    QByteArray text;
    QGraphQLJsonText::Error error;
    if (!QGraphQLJsonText::compact(bytes, &text, &error)) {
        parsed.error = u"Invalid JSON at byte %1: %2"_s.arg(streamOffset + error.offset)
                               .arg(error.message);
        return parsed;
    }
    if (text.startsWith('['))
        parsed.error = u"Expected a JSON object at byte %1"_s.arg(streamOffset);
    else
        parsed.object = QGraphQLJsonNode(text);
    return parsed;
}

Response parseResponse(QByteArrayView bytes)
{
    Response response;
    const JsonText parsed = parseJsonText(bytes);
    if (!parsed.error.isEmpty()) {
        response.error = u"The body is not a GraphQL response: "_s + parsed.error;
        return response;
    }
    response.result = qgraphqlResultFromJsonNode(parsed.object);
    if (!response.result.isValid())
        response.error
                = u"The body is not a GraphQL response: it has neither \"data\" nor \"errors\""_s;
    return response;
}

bool isResponseOrIncrementalPayload(const QGraphQLJsonNode &payload)
{
    const QList<QGraphQLJsonNode> found = payload.membersNamed(
            { "data", "errors", "hasNext", "incremental", "pending", "completed" });
    return std::any_of(found.cbegin(), found.cend(),
                       [](const QGraphQLJsonNode &member) { return !member.isUndefined(); });
}

bool isBlank(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

SubscriptionPart parseSubscriptionPart(QByteArrayView body, qint64 streamOffset)
{
    SubscriptionPart part;
    if (isBlank(body))
        return part; // Heartbeat

    const JsonText parsed = parseJsonText(body, streamOffset);
    if (!parsed.error.isEmpty()) {
        part.kind = SubscriptionPart::Malformed;
        part.message = parsed.error;
        return part;
    }
    // One pass over the members: the payload is most of the part.
    const QList<QGraphQLJsonNode> found = parsed.object.membersNamed({ "payload", "errors" });
    const QGraphQLJsonNode &payload = found.at(0);
    const QGraphQLJsonNode &errors = found.at(1);
    if (payload.isUndefined() && errors.isUndefined() && parsed.object.size() == 0)
        return part; // Heartbeat

    if (payload.isObject()) {
        part.kind = SubscriptionPart::Result;
        // Its own buffer (one copy, here): the result then hands out its text without copying
        // it for each consumer, and does not keep the part's wrapper.
        part.payload = QGraphQLJsonNode(payload.toCompactJson());
        return part;
    }
    if (!payload.isNull() && !payload.isUndefined()) {
        part.kind = SubscriptionPart::Malformed;
        part.message
                = u"The \"payload\" of the part at byte %1 is not an object"_s.arg(streamOffset);
        return part;
    }
    if (errors.isArray()) {
        part.kind = SubscriptionPart::FatalError;
        part.result.setErrors(QGraphQLError::listFromJson(errors.toJsonValue().toArray()));
        part.message
                = u"The server ended the subscription: "_s + joinMessages(part.result.errors());
        return part;
    }
    part.kind = SubscriptionPart::Ignored;
    if (payload.isUndefined())
        part.message
                = u"A part at byte %1 has neither \"payload\" nor \"errors\""_s.arg(streamOffset);
    return part;
}

QString joinMessages(const QList<QGraphQLError> &errors)
{
    QStringList messages;
    for (const QGraphQLError &error : errors)
        messages.append(error.message());
    if (messages.isEmpty())
        return u"(no message)"_s;
    return messages.join("; "_L1);
}

} // namespace QGraphQLResponseParser
