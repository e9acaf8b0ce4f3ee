// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLHTTPTRANSPORT_P_H
#define QQMLGRAPHQLHTTPTRANSPORT_P_H

#include <QGraphQL/qgraphqlhttptransport.h>

#include <QtCore/qvariantmap.h>
#include <QtQml/qqml.h>
#include <QtQml/qqmlparserstatus.h>

// QML: HttpTransport { url; headers; cookies; timeout; heartbeatTimeout; maxPartSize;
// subscriptionProtocol; subscriptionAccept; http2Direct; retryAttempts; retryDelay;
// retryMaxDelay }
//
// A QGraphQLHttpTransport: url, timeout, heartbeatTimeout, maxPartSize, subscriptionProtocol
// (with its enum) and http2Direct are the C++ properties and signals. This class adds what QML
// needs: headers and cookies as JS objects, subscriptionAccept as a string (it shadows the C++
// QByteArray property, which QML would see as an ArrayBuffer), the retry policy as three ints,
// settingsChanged, and the QML engine's network access manager, so that cookies are shared with
// XMLHttpRequest and the application's QQmlNetworkAccessManagerFactory.
class QQmlGraphQLHttpTransport : public QGraphQLHttpTransport, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(HttpTransport)
    Q_PROPERTY(QVariantMap headers READ headerMap WRITE setHeaderMap NOTIFY headersChanged)
    Q_PROPERTY(QVariantMap cookies READ cookieMap WRITE setCookieMap NOTIFY cookiesChanged)
    Q_PROPERTY(QString subscriptionAccept READ subscriptionAcceptString WRITE
                       setSubscriptionAcceptString NOTIFY subscriptionAcceptChanged)
    Q_PROPERTY(int retryAttempts READ retryAttempts WRITE setRetryAttempts NOTIFY retryChanged)
    Q_PROPERTY(int retryDelay READ retryDelay WRITE setRetryDelay NOTIFY retryChanged)
    Q_PROPERTY(int retryMaxDelay READ retryMaxDelay WRITE setRetryMaxDelay NOTIFY retryChanged)

public:
    explicit QQmlGraphQLHttpTransport(QObject *parent = nullptr);

    //! headers() as name: value strings.
    QVariantMap headerMap() const;
    void setHeaderMap(const QVariantMap &map);
    //! cookies() as name: value strings.
    QVariantMap cookieMap() const;
    void setCookieMap(const QVariantMap &map);
    //! subscriptionAccept() as a string (Latin-1: an HTTP header value).
    QString subscriptionAcceptString() const;
    void setSubscriptionAcceptString(const QString &accept);

    //! retryPolicy(): subscriptions resubscribe up to retryAttempts times after a network
    //! failure (0, the default, turns it off), waiting retryDelay ms, doubling up to
    //! retryMaxDelay ms.
    int retryAttempts() const { return retryPolicy().maxAttempts(); }
    void setRetryAttempts(int attempts);
    int retryDelay() const { return retryPolicy().initialDelay(); }
    void setRetryDelay(int milliseconds);
    int retryMaxDelay() const { return retryPolicy().maxDelay(); }
    void setRetryMaxDelay(int milliseconds);

    //! Takes the QML engine's network access manager; one the application sets later replaces
    //! it.
    void classBegin() override;
    void componentComplete() override { }

Q_SIGNALS:
    //! retryPolicyChanged(): one of the retry properties changed.
    void retryChanged();
    //! After the change signal of any setting: url, headers, cookies, timeout,
    //! heartbeatTimeout, maxPartSize, subscriptionProtocol, subscriptionAccept, http2Direct,
    //! persistedQueries, useGetForQueries, maxGetUrlLength and the retry properties. Running
    //! operations keep the settings they started with.
    void settingsChanged();

private:
    QByteArray m_subscriptionAccept;
};

#endif // QQMLGRAPHQLHTTPTRANSPORT_P_H
