// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlhttptransport.h"

#include "qgraphqloperation_p.h"
#include "document/qgraphqlparser_p.h"
#include "http/qgraphqlconnectionkeypool_p.h"
#include "http/qgraphqlhttpexchange_p.h"

#include <QGraphQL/qgraphqldocument.h>

#include <QtCore/qcache.h>
#include <QtCore/qcryptographichash.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkcookiejar.h>

using namespace Qt::StringLiterals;

namespace {
constexpr char ExecuteAccept[] = "application/graphql-response+json, application/json";
constexpr int DefaultMaxGetUrlLength = 2048;
constexpr int PersistedQueryHashCacheSize = 256; // documents
} // namespace

class QGraphQLHttpTransportPrivate
{
    Q_DECLARE_PUBLIC(QGraphQLHttpTransport)

public:
    explicit QGraphQLHttpTransportPrivate(QGraphQLHttpTransport *q) : q_ptr(q) { }

    QNetworkAccessManager *manager() const;
    QGraphQLHttpExchange *createExchange(QGraphQLOperationKind kind,
                                         const QGraphQLRequest &request);

    QGraphQLHttpTransport *q_ptr;
    QList<QNetworkCookie> cookies;
    QPointer<QNetworkAccessManager> injectedManager;
    mutable QNetworkAccessManager *ownManager = nullptr;
    QGraphQLHttpTransport::SubscriptionProtocol subscriptionProtocol
            = QGraphQLHttpTransport::Multipart;
    QByteArray subscriptionAcceptOverride; // empty: follow subscriptionProtocol
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> sslConfiguration;
#endif
    bool http2Direct = false;
    bool persistedQueries = false;
    bool useGetForQueries = false;
    int maxGetUrlLength = DefaultMaxGetUrlLength;
    QCache<QString, QByteArray> persistedQueryHashes { PersistedQueryHashCacheSize };
    int lastStatusCode = 0;
    QList<QNetworkReply::RawHeaderPair> lastHeaders;
    std::shared_ptr<QGraphQLConnectionKeyPool> connectionKeys = QGraphQLConnectionKeyPool::create();
};

QNetworkAccessManager *QGraphQLHttpTransportPrivate::manager() const
{
    if (injectedManager)
        return injectedManager;
    if (!ownManager) {
        auto *self = const_cast<QGraphQLHttpTransport *>(q_func());
        ownManager = new QNetworkAccessManager(self);
    }
    return ownManager;
}

QGraphQLHttpExchange *QGraphQLHttpTransportPrivate::createExchange(QGraphQLOperationKind kind,
                                                                   const QGraphQLRequest &request)
{
    Q_Q(QGraphQLHttpTransport);
    QGraphQLHttpExchangeSettings settings;
    settings.kind = kind;
    settings.url = q->url();
    settings.headers = q->headers();
    settings.cookies = cookies;
    settings.timeout = q->timeout();
    settings.maxPartSize = q->maxPartSize();
    settings.http2Direct = http2Direct;
#ifndef QT_NO_SSL
    settings.sslConfiguration = sslConfiguration;
#endif
    std::unique_ptr<QGraphQLConnectionKeyPool::Lease> connectionKey;
    if (kind == QGraphQLOperationKind::Subscribe) {
        settings.accept = q->subscriptionAccept();
        settings.heartbeatTimeout = q->heartbeatTimeout();
        // With HTTP/2 streams share one connection: no key of their own.
        if (settings.url.scheme() == "http"_L1 && !http2Direct)
            connectionKey = connectionKeys->acquire();
    } else {
        settings.accept = qgraphqlUsesIncrementalDelivery(request.query())
                ? QGraphQLHttpTransport::incrementalAccept()
                : QByteArray(ExecuteAccept);
        if (persistedQueries) {
            if (const QByteArray *hash = persistedQueryHashes.object(request.query())) {
                settings.persistedQueryHash = *hash;
            } else {
                settings.persistedQueryHash
                        = QGraphQLHttpTransport::persistedQueryHash(request.query());
                persistedQueryHashes.insert(request.query(),
                                            new QByteArray(settings.persistedQueryHash));
            }
        }
        if (useGetForQueries) {
            // The document decides: never a mutation, whatever execute() was asked to run.
            const QGraphQLDocument document = QGraphQLDocument::parse(request.query());
            const int index = document.findOperation(request.operationName());
            settings.useGet
                    = index >= 0 && document.operations().at(index).type == QGraphQLDocument::Query;
            settings.maxGetUrlLength = maxGetUrlLength;
        }
    }
    auto *exchange
            = new QGraphQLHttpExchange(request, settings, manager(), q, std::move(connectionKey));
    QObject::connect(exchange, &QGraphQLOperationChannel::responseReceived, q,
                     [this](int statusCode, const QList<QNetworkReply::RawHeaderPair> &headers) {
                         lastStatusCode = statusCode;
                         lastHeaders = headers;
                     });
    return exchange;
}

QGraphQLHttpTransport::QGraphQLHttpTransport(QObject *parent)
    : QGraphQLTransport(parent), d_ptr(std::make_unique<QGraphQLHttpTransportPrivate>(this))
{ }

QGraphQLHttpTransport::QGraphQLHttpTransport(const QUrl &url, QObject *parent)
    : QGraphQLHttpTransport(parent)
{
    setUrl(url);
}

QGraphQLHttpTransport::~QGraphQLHttpTransport() = default;

QList<QNetworkCookie> QGraphQLHttpTransport::cookies() const
{
    return d_func()->cookies;
}

void QGraphQLHttpTransport::setCookies(const QList<QNetworkCookie> &cookies)
{
    Q_D(QGraphQLHttpTransport);
    if (d->cookies == cookies)
        return;
    d->cookies = cookies;
    Q_EMIT cookiesChanged();
}

void QGraphQLHttpTransport::addCookie(const QByteArray &name, const QByteArray &value)
{
    QList<QNetworkCookie> list = cookies();
    list.removeIf([&name](const QNetworkCookie &c) { return c.name() == name; });
    list.append(QNetworkCookie(name, value));
    setCookies(list);
}

QNetworkAccessManager *QGraphQLHttpTransport::networkAccessManager() const
{
    return d_func()->manager();
}

void QGraphQLHttpTransport::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    d_func()->injectedManager = manager;
}

QNetworkCookieJar *QGraphQLHttpTransport::cookieJar() const
{
    return networkAccessManager()->cookieJar();
}

void QGraphQLHttpTransport::setCookieJar(QNetworkCookieJar *jar)
{
    networkAccessManager()->setCookieJar(jar);
}

QGraphQLHttpTransport::SubscriptionProtocol QGraphQLHttpTransport::subscriptionProtocol() const
{
    return d_func()->subscriptionProtocol;
}

void QGraphQLHttpTransport::setSubscriptionProtocol(SubscriptionProtocol protocol)
{
    Q_D(QGraphQLHttpTransport);
    if (d->subscriptionProtocol == protocol)
        return;
    const QByteArray accept = subscriptionAccept();
    d->subscriptionProtocol = protocol;
    Q_EMIT subscriptionProtocolChanged();
    if (subscriptionAccept() != accept)
        Q_EMIT subscriptionAcceptChanged();
}

QByteArray QGraphQLHttpTransport::subscriptionAccept() const
{
    Q_D(const QGraphQLHttpTransport);
    return d->subscriptionAcceptOverride.isEmpty()
            ? defaultSubscriptionAccept(d->subscriptionProtocol)
            : d->subscriptionAcceptOverride;
}

void QGraphQLHttpTransport::setSubscriptionAccept(const QByteArray &accept)
{
    Q_D(QGraphQLHttpTransport);
    if (d->subscriptionAcceptOverride == accept)
        return;
    const QByteArray before = subscriptionAccept();
    d->subscriptionAcceptOverride = accept;
    if (subscriptionAccept() != before)
        Q_EMIT subscriptionAcceptChanged();
}

QByteArray QGraphQLHttpTransport::defaultSubscriptionAccept(SubscriptionProtocol protocol)
{
    switch (protocol) {
    case ServerSentEvents:
        return "text/event-stream, application/json"_ba;
    case Auto:
        return "multipart/mixed;subscriptionSpec=\"1.0\", text/event-stream, application/json"_ba;
    case Multipart:
        break;
    }
    return "multipart/mixed;subscriptionSpec=\"1.0\", application/json"_ba;
}

QByteArray QGraphQLHttpTransport::incrementalAccept()
{
    return "multipart/mixed;incrementalSpec=v0.2, multipart/mixed;deferSpec=20220824, "
           "application/graphql-response+json, application/json"_ba;
}

bool QGraphQLHttpTransport::http2Direct() const
{
    return d_func()->http2Direct;
}

void QGraphQLHttpTransport::setHttp2Direct(bool enabled)
{
    Q_D(QGraphQLHttpTransport);
    if (d->http2Direct == enabled)
        return;
    d->http2Direct = enabled;
    Q_EMIT http2DirectChanged();
}

bool QGraphQLHttpTransport::persistedQueries() const
{
    return d_func()->persistedQueries;
}

void QGraphQLHttpTransport::setPersistedQueries(bool enabled)
{
    Q_D(QGraphQLHttpTransport);
    if (d->persistedQueries == enabled)
        return;
    d->persistedQueries = enabled;
    Q_EMIT persistedQueriesChanged();
}

QByteArray QGraphQLHttpTransport::persistedQueryHash(const QString &query)
{
    return QCryptographicHash::hash(query.toUtf8(), QCryptographicHash::Sha256).toHex();
}

bool QGraphQLHttpTransport::useGetForQueries() const
{
    return d_func()->useGetForQueries;
}

void QGraphQLHttpTransport::setUseGetForQueries(bool enabled)
{
    Q_D(QGraphQLHttpTransport);
    if (d->useGetForQueries == enabled)
        return;
    d->useGetForQueries = enabled;
    Q_EMIT useGetForQueriesChanged();
}

int QGraphQLHttpTransport::maxGetUrlLength() const
{
    return d_func()->maxGetUrlLength;
}

void QGraphQLHttpTransport::setMaxGetUrlLength(int length)
{
    Q_D(QGraphQLHttpTransport);
    if (d->maxGetUrlLength == length)
        return;
    d->maxGetUrlLength = length;
    Q_EMIT maxGetUrlLengthChanged();
}

#ifndef QT_NO_SSL
QSslConfiguration QGraphQLHttpTransport::sslConfiguration() const
{
    Q_D(const QGraphQLHttpTransport);
    return d->sslConfiguration.value_or(QSslConfiguration::defaultConfiguration());
}

void QGraphQLHttpTransport::setSslConfiguration(const QSslConfiguration &configuration)
{
    d_func()->sslConfiguration = configuration;
}
#endif

int QGraphQLHttpTransport::lastResponseStatusCode() const
{
    return d_func()->lastStatusCode;
}

QList<QNetworkReply::RawHeaderPair> QGraphQLHttpTransport::lastResponseHeaders() const
{
    return d_func()->lastHeaders;
}

QGraphQLReply *QGraphQLHttpTransport::execute(const QGraphQLRequest &request)
{
    Q_D(QGraphQLHttpTransport);
    return QGraphQLOperationPrivate::createReply(
            request, d->createExchange(QGraphQLOperationKind::Execute, request));
}

QGraphQLSubscription *QGraphQLHttpTransport::subscribe(const QGraphQLRequest &request)
{
    Q_D(QGraphQLHttpTransport);
    return QGraphQLOperationPrivate::createSubscription(
            request, d->createExchange(QGraphQLOperationKind::Subscribe, request), retryPolicy());
}
