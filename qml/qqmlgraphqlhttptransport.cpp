// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlhttptransport_p.h"

#include <QtQml/qqmlengine.h>

QQmlGraphQLHttpTransport::QQmlGraphQLHttpTransport(QObject *parent)
    : QObject(parent), m_transport(new QGraphQLHttpTransport(this))
{
    for (auto signal :
         { &QQmlGraphQLHttpTransport::urlChanged, &QQmlGraphQLHttpTransport::headersChanged,
           &QQmlGraphQLHttpTransport::cookiesChanged, &QQmlGraphQLHttpTransport::timeoutChanged,
           &QQmlGraphQLHttpTransport::heartbeatTimeoutChanged,
           &QQmlGraphQLHttpTransport::maxPartSizeChanged })
        connect(this, signal, this, &QQmlGraphQLHttpTransport::settingsChanged);
}

void QQmlGraphQLHttpTransport::setUrl(const QUrl &url)
{
    if (url == m_transport->url())
        return;
    m_transport->setUrl(url);
    Q_EMIT urlChanged();
}

void QQmlGraphQLHttpTransport::setHeaders(const QVariantMap &headers)
{
    if (headers == m_headers)
        return;
    m_headers = headers;
    QHash<QByteArray, QByteArray> raw;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        raw.insert(it.key().toUtf8(), it.value().toString().toUtf8());
    m_transport->setHeaders(raw);
    Q_EMIT headersChanged();
}

void QQmlGraphQLHttpTransport::setCookies(const QVariantMap &cookies)
{
    if (cookies == m_cookies)
        return;
    m_cookies = cookies;
    QList<QNetworkCookie> list;
    for (auto it = cookies.cbegin(); it != cookies.cend(); ++it)
        list.append(QNetworkCookie(it.key().toUtf8(), it.value().toString().toUtf8()));
    m_transport->setCookies(list);
    Q_EMIT cookiesChanged();
}

void QQmlGraphQLHttpTransport::setTimeout(int milliseconds)
{
    if (milliseconds == m_transport->timeout())
        return;
    m_transport->setTimeout(milliseconds);
    Q_EMIT timeoutChanged();
}

void QQmlGraphQLHttpTransport::setHeartbeatTimeout(int milliseconds)
{
    if (milliseconds == m_transport->heartbeatTimeout())
        return;
    m_transport->setHeartbeatTimeout(milliseconds);
    Q_EMIT heartbeatTimeoutChanged();
}

void QQmlGraphQLHttpTransport::setMaxPartSize(qint64 bytes)
{
    if (bytes == m_transport->maxPartSize())
        return;
    m_transport->setMaxPartSize(bytes);
    Q_EMIT maxPartSizeChanged();
}

QQmlGraphQLHttpTransport::SubscriptionProtocol
QQmlGraphQLHttpTransport::subscriptionProtocol() const
{
    return SubscriptionProtocol(m_transport->subscriptionProtocol());
}

void QQmlGraphQLHttpTransport::setSubscriptionProtocol(SubscriptionProtocol protocol)
{
    if (protocol == subscriptionProtocol())
        return;
    m_transport->setSubscriptionProtocol(QGraphQLHttpTransport::SubscriptionProtocol(protocol));
    Q_EMIT subscriptionProtocolChanged();
}

void QQmlGraphQLHttpTransport::updateRetryPolicy(
        const std::function<void(QGraphQLRetryPolicy &)> &change)
{
    QGraphQLRetryPolicy policy = m_transport->retryPolicy();
    change(policy);
    if (policy == m_transport->retryPolicy())
        return;
    m_transport->setRetryPolicy(policy);
    Q_EMIT retryChanged();
}

void QQmlGraphQLHttpTransport::setRetryAttempts(int attempts)
{
    updateRetryPolicy([attempts](QGraphQLRetryPolicy &p) { p.setMaxAttempts(attempts); });
}

void QQmlGraphQLHttpTransport::setRetryDelay(int milliseconds)
{
    updateRetryPolicy([milliseconds](QGraphQLRetryPolicy &p) { p.setInitialDelay(milliseconds); });
}

void QQmlGraphQLHttpTransport::setRetryMaxDelay(int milliseconds)
{
    updateRetryPolicy([milliseconds](QGraphQLRetryPolicy &p) { p.setMaxDelay(milliseconds); });
}

QGraphQLHttpTransport *QQmlGraphQLHttpTransport::transport()
{
    if (!m_managerChosen) {
        if (QQmlEngine *engine = qmlEngine(this)) {
            m_transport->setNetworkAccessManager(engine->networkAccessManager());
            m_managerChosen = true;
        }
    }
    return m_transport;
}
