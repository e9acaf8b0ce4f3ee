// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The body of one multipart part (or a whole JSON response): parseSubscriptionPart,
// parseResponse and parseJsonText, plus parseMediaType on the same bytes. Invariants: the
// classification is deterministic and consistent with the JSON it was made from.

#include "fuzzcommon.h"

#include "protocol/qgraphqlresponseparser_p.h"

#include <QtCore/qjsondocument.h>

using namespace QGraphQLResponseParser;

static bool onlyWhiteSpace(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char *>(data), qsizetype(size));

    const SubscriptionPart part = parseSubscriptionPart(body, 7);
    const SubscriptionPart again = parseSubscriptionPart(body, 7);
    FUZZ_ASSERT(part.kind == again.kind && part.message == again.message);
    FUZZ_ASSERT(part.result.toJson() == again.result.toJson());
    FUZZ_ASSERT(part.payload == again.payload);

    const JsonText json = parseJsonText(body);
    // The validator's verdict is Qt's.
    QJsonParseError qtError;
    const QJsonDocument qt = QJsonDocument::fromJson(body.toByteArray(), &qtError);
    FUZZ_ASSERT(json.error.isEmpty()
                == (qtError.error == QJsonParseError::NoError && qt.isObject()));
    if (json.error.isEmpty())
        FUZZ_ASSERT(json.object.toJsonValue() == QJsonValue(qt.object()));
    switch (part.kind) {
    case SubscriptionPart::Heartbeat:
        FUZZ_ASSERT(onlyWhiteSpace(body) || (json.error.isEmpty() && json.object.size() == 0));
        break;
    case SubscriptionPart::Result:
        FUZZ_ASSERT(json.error.isEmpty());
        FUZZ_ASSERT(json.object.member("payload").isObject());
        break;
    case SubscriptionPart::FatalError:
        FUZZ_ASSERT(json.error.isEmpty() && !part.message.isEmpty());
        FUZZ_ASSERT(json.object.member("errors").isArray());
        break;
    case SubscriptionPart::Ignored:
        FUZZ_ASSERT(json.error.isEmpty());
        break;
    case SubscriptionPart::Malformed:
        FUZZ_ASSERT(!part.message.isEmpty());
        break;
    }

    const Response response = parseResponse(body);
    FUZZ_ASSERT(response.error.isEmpty() == (json.error.isEmpty() && response.result.isValid()));
    if (response.error.isEmpty()) // a result survives a round trip through its JSON
        FUZZ_ASSERT(QGraphQLResult::fromJson(response.result.toJson()).toJson()
                    == response.result.toJson());

    const MediaType media = parseMediaType(body);
    FUZZ_ASSERT(media.type == media.type.toLower());
    for (auto it = media.parameters.cbegin(); it != media.parameters.cend(); ++it)
        FUZZ_ASSERT(it.key() == it.key().toLower());
    return 0;
}
