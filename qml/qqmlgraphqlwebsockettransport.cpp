// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlwebsockettransport_p.h"
#include "qqmlgraphqltransport_p.h"

#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtQml/qqmlengine.h>

QQmlGraphQLWebSocketTransport::QQmlGraphQLWebSocketTransport(QObject *parent)
    : QGraphQLWebSocketTransport(parent)
{
    QQmlGraphQLTransportSettings::forwardChangeSignals(this);
    for (auto signal : { &QGraphQLWebSocketTransport::protocolChanged,
                         &QGraphQLWebSocketTransport::connectionParamsChanged,
                         &QGraphQLWebSocketTransport::keepAliveIntervalChanged,
                         &QGraphQLWebSocketTransport::connectionAckTimeoutChanged,
                         &QGraphQLWebSocketTransport::lingerTimeChanged })
        connect(this, signal, this, &QQmlGraphQLWebSocketTransport::settingsChanged);
}

QVariantMap QQmlGraphQLWebSocketTransport::headerMap() const
{
    return QQmlGraphQLTransportSettings::headerMap(this);
}

void QQmlGraphQLWebSocketTransport::setHeaderMap(const QVariantMap &map)
{
    QQmlGraphQLTransportSettings::setHeaderMap(this, map);
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
    QQmlGraphQLTransportSettings::setRetry(this, &QGraphQLRetryPolicy::setMaxAttempts, attempts);
}

void QQmlGraphQLWebSocketTransport::setRetryDelay(int milliseconds)
{
    QQmlGraphQLTransportSettings::setRetry(this, &QGraphQLRetryPolicy::setInitialDelay,
                                           milliseconds);
}

void QQmlGraphQLWebSocketTransport::setRetryMaxDelay(int milliseconds)
{
    QQmlGraphQLTransportSettings::setRetry(this, &QGraphQLRetryPolicy::setMaxDelay, milliseconds);
}

void QQmlGraphQLWebSocketTransport::classBegin()
{
    if (QQmlEngine *engine = qmlEngine(this)) {
        if (QNetworkAccessManager *manager = engine->networkAccessManager())
            setCookieJar(manager->cookieJar());
    }
}
