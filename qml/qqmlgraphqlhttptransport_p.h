// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLHTTPTRANSPORT_P_H
#define QQMLGRAPHQLHTTPTRANSPORT_P_H

#include <QGraphQL/qgraphqlhttptransport.h>

#include <QtCore/qobject.h>
#include <QtCore/qvariantmap.h>
#include <QtQml/qqml.h>

#include <functional>

// QML: HttpTransport { url; headers; cookies; timeout; heartbeatTimeout; maxPartSize }
// Wraps one QGraphQLHttpTransport. Requests go through the QML engine's network access
// manager, so cookies are shared with XMLHttpRequest and the application's
// QQmlNetworkAccessManagerFactory.
class QQmlGraphQLHttpTransport : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(HttpTransport)
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(QVariantMap headers READ headers WRITE setHeaders NOTIFY headersChanged)
    Q_PROPERTY(QVariantMap cookies READ cookies WRITE setCookies NOTIFY cookiesChanged)
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    Q_PROPERTY(int heartbeatTimeout READ heartbeatTimeout WRITE setHeartbeatTimeout NOTIFY
                       heartbeatTimeoutChanged)
    Q_PROPERTY(qint64 maxPartSize READ maxPartSize WRITE setMaxPartSize NOTIFY maxPartSizeChanged)
    Q_PROPERTY(SubscriptionProtocol subscriptionProtocol READ subscriptionProtocol WRITE
                       setSubscriptionProtocol NOTIFY subscriptionProtocolChanged)
    Q_PROPERTY(int retryAttempts READ retryAttempts WRITE setRetryAttempts NOTIFY retryChanged)
    Q_PROPERTY(int retryDelay READ retryDelay WRITE setRetryDelay NOTIFY retryChanged)
    Q_PROPERTY(int retryMaxDelay READ retryMaxDelay WRITE setRetryMaxDelay NOTIFY retryChanged)

public:
    //! As QGraphQLHttpTransport::SubscriptionProtocol.
    enum SubscriptionProtocol { Multipart, ServerSentEvents, Auto };
    Q_ENUM(SubscriptionProtocol)

    explicit QQmlGraphQLHttpTransport(QObject *parent = nullptr);

    QUrl url() const { return m_transport->url(); }
    void setUrl(const QUrl &url);
    QVariantMap headers() const { return m_headers; }
    void setHeaders(const QVariantMap &headers);
    QVariantMap cookies() const { return m_cookies; }
    void setCookies(const QVariantMap &cookies);
    int timeout() const { return m_transport->timeout(); }
    void setTimeout(int milliseconds);
    int heartbeatTimeout() const { return m_transport->heartbeatTimeout(); }
    void setHeartbeatTimeout(int milliseconds);
    qint64 maxPartSize() const { return m_transport->maxPartSize(); }
    void setMaxPartSize(qint64 bytes);

    SubscriptionProtocol subscriptionProtocol() const;
    void setSubscriptionProtocol(SubscriptionProtocol protocol);

    //! Subscriptions resubscribe up to retryAttempts times after a network failure (0, the
    //! default, turns it off), waiting retryDelay ms, doubling up to retryMaxDelay ms.
    int retryAttempts() const { return m_transport->retryPolicy().maxAttempts(); }
    void setRetryAttempts(int attempts);
    int retryDelay() const { return m_transport->retryPolicy().initialDelay(); }
    void setRetryDelay(int milliseconds);
    int retryMaxDelay() const { return m_transport->retryPolicy().maxDelay(); }
    void setRetryMaxDelay(int milliseconds);

    //! The C++ transport, with the QML engine's network access manager once there is one.
    QGraphQLHttpTransport *transport();

Q_SIGNALS:
    void urlChanged();
    void headersChanged();
    void cookiesChanged();
    void timeoutChanged();
    void heartbeatTimeoutChanged();
    void maxPartSizeChanged();
    void retryChanged();
    void subscriptionProtocolChanged();
    //! Any setting changed: running operations keep the settings they started with.
    void settingsChanged();

private:
    void updateRetryPolicy(const std::function<void(QGraphQLRetryPolicy &)> &change);

    QGraphQLHttpTransport *m_transport;
    QVariantMap m_headers;
    QVariantMap m_cookies;
    bool m_managerChosen = false;
};

#endif // QQMLGRAPHQLHTTPTRANSPORT_P_H
