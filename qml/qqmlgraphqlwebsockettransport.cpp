// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlwebsockettransport_p.h"

#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtQml/qqmlengine.h>

QQmlGraphQLWebSocketTransport::QQmlGraphQLWebSocketTransport(QObject *parent)
    : QGraphQLWebSocketTransport(parent)
{
    connect(this, &QGraphQLTransport::retryPolicyChanged, this,
            &QQmlGraphQLWebSocketTransport::retryChanged);
    for (auto signal :
         { &QGraphQLTransport::urlChanged, &QGraphQLTransport::headersChanged,
           &QGraphQLTransport::timeoutChanged, &QGraphQLTransport::heartbeatTimeoutChanged,
           &QGraphQLTransport::maxPartSizeChanged, &QGraphQLTransport::retryPolicyChanged })
        connect(this, signal, this, &QQmlGraphQLWebSocketTransport::settingsChanged);
    for (auto signal : { &QGraphQLWebSocketTransport::protocolChanged,
                         &QGraphQLWebSocketTransport::connectionParamsChanged,
                         &QGraphQLWebSocketTransport::keepAliveIntervalChanged,
                         &QGraphQLWebSocketTransport::connectionAckTimeoutChanged,
                         &QGraphQLWebSocketTransport::lingerTimeChanged })
        connect(this, signal, this, &QQmlGraphQLWebSocketTransport::settingsChanged);
}

QVariantMap QQmlGraphQLWebSocketTransport::headerMap() const
{
    QVariantMap map;
    const QHash<QByteArray, QByteArray> raw = headers();
    for (auto it = raw.cbegin(); it != raw.cend(); ++it)
        map.insert(QString::fromUtf8(it.key()), QString::fromUtf8(it.value()));
    return map;
}

void QQmlGraphQLWebSocketTransport::setHeaderMap(const QVariantMap &map)
{
    QHash<QByteArray, QByteArray> raw;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        raw.insert(it.key().toUtf8(), it.value().toString().toUtf8());
    setHeaders(raw);
}

QVariantMap QQmlGraphQLWebSocketTransport::connectionParamsMap() const
{
    return connectionParams().toVariantMap();
}

void QQmlGraphQLWebSocketTransport::setConnectionParamsMap(const QVariantMap &map)
{
    setConnectionParams(QJsonObject::fromVariantMap(map));
}

void QQmlGraphQLWebSocketTransport::setRetryAttempts(int attempts)
{
    QGraphQLRetryPolicy policy = retryPolicy();
    policy.setMaxAttempts(attempts);
    setRetryPolicy(policy);
}

void QQmlGraphQLWebSocketTransport::setRetryDelay(int milliseconds)
{
    QGraphQLRetryPolicy policy = retryPolicy();
    policy.setInitialDelay(milliseconds);
    setRetryPolicy(policy);
}

void QQmlGraphQLWebSocketTransport::setRetryMaxDelay(int milliseconds)
{
    QGraphQLRetryPolicy policy = retryPolicy();
    policy.setMaxDelay(milliseconds);
    setRetryPolicy(policy);
}

void QQmlGraphQLWebSocketTransport::classBegin()
{
    if (QQmlEngine *engine = qmlEngine(this)) {
        if (QNetworkAccessManager *manager = engine->networkAccessManager())
            setCookieJar(manager->cookieJar());
    }
}
