// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRESPONSEPARSER_P_H
#define QGRAPHQLRESPONSEPARSER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>

#include "qgraphqljsonnode_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qhash.h>
#include <QtCore/qstring.h>

// Pure helpers that turn response bytes into payloads and results: media types, plain GraphQL
// responses, the parts of Apollo's multipart subscription protocol, and what a payload is. The
// readers (qgraphqlresponsereader_p.h) build on them; each rule exists here once.
namespace QGraphQLResponseParser {

struct MediaType
{
    QByteArray type; // lower-case "type/subtype"
    QHash<QByteArray, QByteArray> parameters; // lower-case names, unquoted values

    QGRAPHQL_AUTOTEST_EXPORT bool isJson() const; // application/json or any application/*+json
    bool isMultipartMixed() const { return type == "multipart/mixed"; }
};
QGRAPHQL_AUTOTEST_EXPORT MediaType parseMediaType(QByteArrayView contentType);

struct JsonText
{
    QGraphQLJsonNode object; // over the compact text; undefined on error
    QString error; // empty on success
};
//! Validates one JSON object (the verdicts of QJsonDocument::fromJson) and keeps it as compact
//! text: what the readers deliver results from. The error names what is wrong and the byte
//! offset (plus streamOffset, the position of these bytes in the response).
QGRAPHQL_AUTOTEST_EXPORT JsonText parseJsonText(QByteArrayView bytes, qint64 streamOffset = 0);

struct Response
{
    QGraphQLResult result;
    QString error; // empty when bytes held a GraphQL response
};
//! A plain GraphQL response body: a JSON object with "data" or "errors".
QGRAPHQL_AUTOTEST_EXPORT Response parseResponse(QByteArrayView bytes);

struct SubscriptionPart
{
    enum Kind {
        Heartbeat, // {} or an empty part: never shown to the user
        Result, // {"payload": {...}}
        FatalError, // top-level "errors" with no payload: the stream ends
        Ignored, // {"payload": null} alone, or an object with neither member
        Malformed, // invalid JSON/UTF-8 or the wrong shape
    };
    Kind kind = Heartbeat;
    QGraphQLJsonNode payload; // Result: the payload object, over the part's compact text
    QGraphQLResult result; // FatalError: the errors
    QString message; // FatalError, Ignored and Malformed: what and where
};
QGRAPHQL_AUTOTEST_EXPORT SubscriptionPart parseSubscriptionPart(QByteArrayView body,
                                                                qint64 streamOffset = 0);

//! True for a GraphQL response (it has data or errors) or a payload of incremental delivery
//! (@defer/@stream: it has hasNext, incremental, pending or completed). One pass over the text.
QGRAPHQL_AUTOTEST_EXPORT bool isResponseOrIncrementalPayload(const QGraphQLJsonNode &payload);

//! True when \a bytes hold nothing but JSON white space (an empty part, a keep-alive).
QGRAPHQL_AUTOTEST_EXPORT bool isBlank(QByteArrayView bytes);

//! "message one; message two" for error lists in failure messages.
QGRAPHQL_AUTOTEST_EXPORT QString joinMessages(const QList<QGraphQLError> &errors);

} // namespace QGraphQLResponseParser

#endif // QGRAPHQLRESPONSEPARSER_P_H
