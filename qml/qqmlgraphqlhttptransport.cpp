// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlhttptransport_p.h"
#include "qqmlgraphqltransport_p.h"

#include <QtQml/qqmlengine.h>

QQmlGraphQLHttpTransport::QQmlGraphQLHttpTransport(QObject *parent)
    : QGraphQLHttpTransport(parent), m_subscriptionAccept(subscriptionAccept())
{
    QQmlGraphQLTransportSettings::forwardChangeSignals(this);

    for (auto signal :
         { &QGraphQLHttpTransport::cookiesChanged, &QGraphQLHttpTransport::http2DirectChanged,
           &QGraphQLHttpTransport::persistedQueriesChanged,
           &QGraphQLHttpTransport::useGetForQueriesChanged,
           &QGraphQLHttpTransport::maxGetUrlLengthChanged })
        connect(this, signal, this, &QQmlGraphQLHttpTransport::settingsChanged);

    // A new subscriptionProtocol may also change subscriptionAccept (its default follows the
    // protocol): one settingsChanged() for both.
    connect(this, &QGraphQLHttpTransport::subscriptionProtocolChanged, this, [this] {
        m_subscriptionAccept = subscriptionAccept();
        Q_EMIT settingsChanged();
    });
    connect(this, &QGraphQLHttpTransport::subscriptionAcceptChanged, this, [this] {
        if (subscriptionAccept() == m_subscriptionAccept)
            return;
        m_subscriptionAccept = subscriptionAccept();
        Q_EMIT settingsChanged();
    });
}

QVariantMap QQmlGraphQLHttpTransport::headerMap() const
{
    return QQmlGraphQLTransportSettings::headerMap(this);
}

void QQmlGraphQLHttpTransport::setHeaderMap(const QVariantMap &map)
{
    QQmlGraphQLTransportSettings::setHeaderMap(this, map);
}

QVariantMap QQmlGraphQLHttpTransport::cookieMap() const
{
    QVariantMap map;
    for (const QNetworkCookie &cookie : cookies())
        map.insert(QString::fromUtf8(cookie.name()), QString::fromUtf8(cookie.value()));
    return map;
}

void QQmlGraphQLHttpTransport::setCookieMap(const QVariantMap &map)
{
    QList<QNetworkCookie> list;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        list.append(QNetworkCookie(it.key().toUtf8(), it.value().toString().toUtf8()));
    setCookies(list);
}

QString QQmlGraphQLHttpTransport::subscriptionAcceptString() const
{
    return QString::fromLatin1(subscriptionAccept());
}

void QQmlGraphQLHttpTransport::setSubscriptionAcceptString(const QString &accept)
{
    setSubscriptionAccept(accept.toLatin1());
}

void QQmlGraphQLHttpTransport::setRetryAttempts(int attempts)
{
    QQmlGraphQLTransportSettings::setRetry(this, &QGraphQLRetryPolicy::setMaxAttempts, attempts);
}

void QQmlGraphQLHttpTransport::setRetryDelay(int milliseconds)
{
    QQmlGraphQLTransportSettings::setRetry(this, &QGraphQLRetryPolicy::setInitialDelay,
                                           milliseconds);
}

void QQmlGraphQLHttpTransport::setRetryMaxDelay(int milliseconds)
{
    QQmlGraphQLTransportSettings::setRetry(this, &QGraphQLRetryPolicy::setMaxDelay, milliseconds);
}

void QQmlGraphQLHttpTransport::classBegin()
{
    if (QQmlEngine *engine = qmlEngine(this))
        setNetworkAccessManager(engine->networkAccessManager());
}
