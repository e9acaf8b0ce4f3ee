// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLHTTPTRANSPORT_H
#define QGRAPHQLHTTPTRANSPORT_H

#include <QGraphQL/qgraphqltransport.h>

#include <QtNetwork/qnetworkcookie.h>
#include <QtNetwork/qnetworkreply.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslconfiguration.h>
#endif

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkCookieJar;
QT_END_NAMESPACE

class QGraphQLHttpTransportPrivate;

//! Talks GraphQL over HTTP to one endpoint: queries and mutations with execute(),
//! subscriptions over Apollo's multipart protocol (or GraphQL over Server-Sent Events) with
//! subscribe().
//!
//! Every operation is an HTTP POST of {query, variables, operationName, extensions} (queries
//! may go as GET: useGetForQueries()). The settings every transport has (url, headers,
//! timeouts, limits, retry) are QGraphQLTransport's; this class adds cookies, the network access
//! manager, the subscription protocol, HTTP/2, TLS, persisted queries and GET.
class QGRAPHQL_EXPORT QGraphQLHttpTransport : public QGraphQLTransport
{
    Q_OBJECT
    Q_PROPERTY(SubscriptionProtocol subscriptionProtocol READ subscriptionProtocol WRITE
                       setSubscriptionProtocol NOTIFY subscriptionProtocolChanged)
    Q_PROPERTY(QByteArray subscriptionAccept READ subscriptionAccept WRITE setSubscriptionAccept
                       NOTIFY subscriptionAcceptChanged)
    Q_PROPERTY(bool http2Direct READ http2Direct WRITE setHttp2Direct NOTIFY http2DirectChanged)
    Q_PROPERTY(bool persistedQueries READ persistedQueries WRITE setPersistedQueries NOTIFY
                       persistedQueriesChanged)
    Q_PROPERTY(bool useGetForQueries READ useGetForQueries WRITE setUseGetForQueries NOTIFY
                       useGetForQueriesChanged)
    Q_PROPERTY(int maxGetUrlLength READ maxGetUrlLength WRITE setMaxGetUrlLength NOTIFY
                       maxGetUrlLengthChanged)

public:
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

    //! Static cookies (name=value) sent with every request to the endpoint's origin, next to
    //! the cookies the cookie jar holds for the URL. Authorization and Cookie are never sent to
    //! another origin on a redirect.
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

    //! HTTP/2 with prior knowledge (QNetworkRequest::Http2DirectAttribute); off by default.
    //! For cleartext http:// servers that speak HTTP/2 without an upgrade (h2c): every
    //! operation, subscriptions included, is then a stream on one shared connection. Over
    //! https:// HTTP/2 is negotiated by ALPN and this is not needed.
    bool http2Direct() const;
    void setHttp2Direct(bool enabled);

    //! Automatic persisted queries (Apollo's APQ); off by default. Queries and mutations are
    //! first sent with only the SHA-256 of their document in
    //! extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}; when the server
    //! answers PersistedQueryNotFound they are sent once more with the document, which the
    //! server then keeps. A server that answers PersistedQueryNotSupported turns this off
    //! (with a warning, and persistedQueriesChanged()). Either way the operation sees only the
    //! final response. Subscriptions always send their document: a stream that has begun
    //! cannot be re-sent unseen.
    bool persistedQueries() const;
    void setPersistedQueries(bool enabled);

    //! The hex SHA-256 of the UTF-8 document, as persistedQueries() sends it.
    static QByteArray persistedQueryHash(const QString &query);

    //! Queries go as HTTP GET with the URL parameters query, variables, operationName and
    //! extensions (GraphQL over HTTP), so that HTTP caches (a QNetworkDiskCache on the
    //! manager, a CDN) can keep them; off by default. Mutations and subscriptions always go as
    //! POST, and so does a query whose URL would be longer than maxGetUrlLength(). A GET has no
    //! Content-Type and carries Apollo-Require-Preflight: true, which Apollo Server's CSRF
    //! prevention accepts. With persistedQueries() the GET carries only the hash.
    bool useGetForQueries() const;
    void setUseGetForQueries(bool enabled);

    //! The longest URL, in bytes, that useGetForQueries() sends as GET (default 2048).
    int maxGetUrlLength() const;
    void setMaxGetUrlLength(int length);

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

    [[nodiscard]] QGraphQLReply *execute(const QGraphQLRequest &request) override;
    [[nodiscard]] QGraphQLSubscription *subscribe(const QGraphQLRequest &request) override;

Q_SIGNALS:
    void cookiesChanged();
    void subscriptionAcceptChanged();
    void subscriptionProtocolChanged();
    void http2DirectChanged();
    void persistedQueriesChanged();
    void useGetForQueriesChanged();
    void maxGetUrlLengthChanged();

private:
    Q_DISABLE_COPY_MOVE(QGraphQLHttpTransport)
    std::unique_ptr<QGraphQLHttpTransportPrivate> d_ptr;
    Q_DECLARE_PRIVATE(QGraphQLHttpTransport)
};

#endif // QGRAPHQLHTTPTRANSPORT_H
