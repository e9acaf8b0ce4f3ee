// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "acceptheader.h"

#include <QtCore/qlist.h>

AcceptHeader AcceptHeader::parse(const QByteArray &value)
{
    AcceptHeader accept;
    if (value.trimmed().isEmpty()) {
        accept.json = accept.plainJson = true;
        return accept;
    }
    const QList<QByteArray> ranges = value.split(',');
    double multipartQ = -1, eventStreamQ = -1;
    qsizetype multipartAt = -1, eventStreamAt = -1;
    for (qsizetype at = 0; at < ranges.size(); ++at) {
        const QByteArray &range = ranges.at(at);
        QList<QByteArray> parts = range.split(';');
        const QByteArray mediaType = parts.takeFirst().trimmed().toLower();
        QByteArray subscriptionSpec;
        double q = 1; // q=0 means "not acceptable"
        for (const QByteArray &parameter : std::as_const(parts)) {
            const qsizetype equals = parameter.indexOf('=');
            const QByteArray name = parameter.left(equals).trimmed().toLower();
            QByteArray parameterValue = parameter.mid(equals + 1).trimmed();
            if (parameterValue.size() >= 2 && parameterValue.startsWith('"')
                && parameterValue.endsWith('"'))
                parameterValue = parameterValue.mid(1, parameterValue.size() - 2);
            if (name == "subscriptionspec")
                subscriptionSpec = parameterValue;
            else if (name == "q")
                q = parameterValue.toDouble();
        }
        if (q <= 0)
            continue;
        if (mediaType == "multipart/mixed" && subscriptionSpec == "1.0" && q > multipartQ) {
            accept.multipartSubscription = true;
            multipartQ = q;
            multipartAt = at;
        }
        if (mediaType == "text/event-stream" && q > eventStreamQ) {
            accept.eventStream = true;
            eventStreamQ = q;
            eventStreamAt = at;
        }
        if (mediaType == "*/*" || mediaType == "application/*" || mediaType == "application/json")
            accept.json = accept.plainJson = true;
        if (mediaType == "application/graphql-response+json")
            accept.json = true;
    }
    accept.preferEventStream = accept.eventStream
            && (!accept.multipartSubscription || eventStreamQ > multipartQ
                || (eventStreamQ == multipartQ && eventStreamAt < multipartAt));
    return accept;
}
