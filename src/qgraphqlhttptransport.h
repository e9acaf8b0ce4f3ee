// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLHTTPTRANSPORT_H
#define QGRAPHQLHTTPTRANSPORT_H

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlrequest.h>
#include <QGraphQL/qgraphqlretrypolicy.h>
#include <QGraphQL/qgraphqlsubscription.h>

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qnetworkcookie.h>
#include <QtNetwork/qnetworkreply.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslconfiguration.h>
#endif

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkCookieJar;
QT_END_NAMESPACE

class QGraphQLHttpTransportPrivate;

//! Talks GraphQL over HTTP to one endpoint: queries and mutations with execute(),
//! subscriptions over Apollo's multipart protocol with subscribe().
//!
//! Every operation is an HTTP POST of {query, variables, operationName, extensions}. The
//! transport holds the settings; each call hands out a new operation object owned by the
//! caller. Settings changed later apply to operations started later.
class QGRAPHQL_EXPORT QGraphQLHttpTransport : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    Q_PROPERTY(int heartbeatTimeout READ heartbeatTimeout WRITE setHeartbeatTimeout NOTIFY
                       heartbeatTimeoutChanged)
    Q_PROPERTY(qint64 maxPartSize READ maxPartSize WRITE setMaxPartSize NOTIFY maxPartSizeChanged)
    Q_PROPERTY(SubscriptionProtocol subscriptionProtocol READ subscriptionProtocol WRITE
                       setSubscriptionProtocol NOTIFY subscriptionProtocolChanged)
    Q_PROPERTY(QByteArray subscriptionAccept READ subscriptionAccept WRITE setSubscriptionAccept
                       NOTIFY subscriptionAcceptChanged)
    Q_PROPERTY(QGraphQLRetryPolicy retryPolicy READ retryPolicy WRITE setRetryPolicy NOTIFY
                       retryPolicyChanged)
    Q_PROPERTY(bool http2Direct READ http2Direct WRITE setHttp2Direct NOTIFY http2DirectChanged)

public:
    static constexpr qint64 DefaultMaxPartSize = 32 * 1024 * 1024;

    //! How subscriptions ask to be streamed. Whatever is asked, the transport follows what the
    //! server answers: multipart/mixed, text/event-stream or a single application/json result.
    enum SubscriptionProtocol {
        //! Apollo's multipart subscription protocol (Apollo Router, Hive Router, Cosmo, …)
        Multipart,
        //! GraphQL over Server-Sent Events, distinct connections mode (graphql-yoga, …)
        ServerSentEvents,
        //! Advertise both in Accept, multipart first
        Auto,
    };
    Q_ENUM(SubscriptionProtocol)

    explicit QGraphQLHttpTransport(QObject *parent = nullptr);
    explicit QGraphQLHttpTransport(const QUrl &url, QObject *parent = nullptr);
    ~QGraphQLHttpTransport() override;

    QUrl url() const;
    void setUrl(const QUrl &url);

    //! Headers sent with every request (for example Authorization). A request's own headers
    //! override these. Authorization and Cookie are never sent to another origin on a redirect.
    QHash<QByteArray, QByteArray> headers() const;
    void setHeaders(const QHash<QByteArray, QByteArray> &headers);
    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);

    //! Static cookies (name=value) sent with every request to the endpoint's origin, next to
    //! the cookies the cookie jar holds for the URL.
    QList<QNetworkCookie> cookies() const;
    void setCookies(const QList<QNetworkCookie> &cookies);
    void addCookie(const QByteArray &name, const QByteArray &value);

    //! The network access manager that carries every request. By default the transport owns
    //! one; set the application's own to share its cookie jar, proxy, cache and TLS settings
    //! (the transport does not take ownership).
    QNetworkAccessManager *networkAccessManager() const;
    void setNetworkAccessManager(QNetworkAccessManager *manager);

    //! The manager's cookie jar: cookies set by responses (a login's Set-Cookie) are kept here
    //! and sent with later requests. setCookieJar() installs it on the manager, which takes
    //! ownership as QNetworkAccessManager::setCookieJar() does.
    QNetworkCookieJar *cookieJar() const;
    void setCookieJar(QNetworkCookieJar *jar);

    //! Milliseconds; 0 (the default) means none. For execute(): the whole request. For
    //! subscribe(): until the response starts (a subscription itself has no time limit).
    int timeout() const;
    void setTimeout(int milliseconds);

    //! Milliseconds; 0 (the default) turns it off. A subscription that receives nothing for
    //! this long (no heartbeat, no payload) fails with a Timeout error.
    int heartbeatTimeout() const;
    void setHeartbeatTimeout(int milliseconds);

    //! The largest multipart part, or plain JSON body, accepted (default 32 MiB). A larger one
    //! is a ProtocolError; memory stays bounded by it.
    qint64 maxPartSize() const;
    void setMaxPartSize(qint64 bytes);

    //! Multipart (the default), ServerSentEvents or Auto; it chooses subscriptionAccept().
    SubscriptionProtocol subscriptionProtocol() const;
    void setSubscriptionProtocol(SubscriptionProtocol protocol);

    //! The Accept header of subscriptions. By default it follows subscriptionProtocol():
    //! Multipart: multipart/mixed;subscriptionSpec="1.0", application/json
    //! ServerSentEvents: text/event-stream, application/json
    //! Auto: multipart/mixed;subscriptionSpec="1.0", text/event-stream, application/json
    //! Setting a value overrides that (some servers want other forms); an empty one restores it.
    QByteArray subscriptionAccept() const;
    void setSubscriptionAccept(const QByteArray &accept);
    static QByteArray defaultSubscriptionAccept(SubscriptionProtocol protocol = Multipart);

    //! The Accept header of queries and mutations that use @defer or @stream:
    //! multipart/mixed;incrementalSpec=v0.2, multipart/mixed;deferSpec=20220824,
    //! application/graphql-response+json, application/json
    //! (Apollo Server 5 takes the first, graphql-yoga and Apollo Router the others). Other
    //! queries send application/graphql-response+json, application/json.
    static QByteArray incrementalAccept();

    //! Resubscribing after network failures; off by default. See QGraphQLRetryPolicy and
    //! QGraphQLSubscription::reconnecting(). Queries and mutations are never retried.
    QGraphQLRetryPolicy retryPolicy() const;
    void setRetryPolicy(const QGraphQLRetryPolicy &policy);

    //! HTTP/2 with prior knowledge (QNetworkRequest::Http2DirectAttribute); off by default.
    //! For cleartext http:// servers that speak HTTP/2 without an upgrade (h2c): every
    //! operation, subscriptions included, is then a stream on one shared connection. Over
    //! https:// HTTP/2 is negotiated by ALPN and this is not needed.
    bool http2Direct() const;
    void setHttp2Direct(bool enabled);

#ifndef QT_NO_SSL
    //! TLS settings for https URLs. Peers are verified by default; supply a configuration
    //! with your own CA certificates to trust a private CA.
    QSslConfiguration sslConfiguration() const;
    void setSslConfiguration(const QSslConfiguration &configuration);
#endif

    //! Status code and headers of the latest response any operation of this transport
    //! received (for rate-limit or authentication headers); 0 and empty before the first.
    int lastResponseStatusCode() const;
    QList<QNetworkReply::RawHeaderPair> lastResponseHeaders() const;

    //! Sends a query or mutation. The caller owns the reply; delete it with deleteLater()
    //! after finished().
    [[nodiscard]] QGraphQLReply *execute(const QGraphQLRequest &request);
    //! Starts a subscription. The caller owns it; cancel() or delete it to stop the stream.
    [[nodiscard]] QGraphQLSubscription *subscribe(const QGraphQLRequest &request);

Q_SIGNALS:
    void urlChanged();
    void timeoutChanged();
    void heartbeatTimeoutChanged();
    void maxPartSizeChanged();
    void subscriptionAcceptChanged();
    void subscriptionProtocolChanged();
    void retryPolicyChanged();
    void http2DirectChanged();

private:
    Q_DISABLE_COPY_MOVE(QGraphQLHttpTransport)
    Q_DECLARE_PRIVATE(QGraphQLHttpTransport)
    std::unique_ptr<QGraphQLHttpTransportPrivate> d_ptr;
    friend class QGraphQLOperationPrivate;
};

#endif // QGRAPHQLHTTPTRANSPORT_H
