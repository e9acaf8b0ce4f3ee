// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlhttptransport.h"
#include "qgraphqlhttptransport_p.h"

#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtCore/qregularexpression.h>
#include <QtNetwork/qnetworkcookiejar.h>

using namespace Qt::StringLiterals;

namespace {
constexpr char ExecuteAccept[] = "application/graphql-response+json, application/json";
constexpr char ConnectionKeyPrefix[] = "qgraphql-stream-";
} // namespace

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

// @defer or @stream outside comments and strings, by a rough scan: a false positive only
// changes the Accept header.
bool QGraphQLHttpTransportPrivate::usesIncrementalDelivery(const QString &query)
{
    static const QRegularExpression directive(u"@(defer|stream)\\b"_s);
    return query.contains(directive);
}

QGraphQLOperationSettings
QGraphQLHttpTransportPrivate::settingsFor(QGraphQLOperationPrivate::Kind kind,
                                          const QGraphQLRequest &request)
{
    QGraphQLOperationSettings settings;
    settings.url = url;
    settings.headers = headers;
    settings.cookies = cookies;
    settings.timeout = timeout;
    settings.maxPartSize = maxPartSize;
    settings.http2Direct = http2Direct;
#ifndef QT_NO_SSL
    settings.sslConfiguration = sslConfiguration;
#endif
    if (kind == QGraphQLOperationPrivate::Kind::Subscribe) {
        settings.accept = q_func()->subscriptionAccept();
        settings.heartbeatTimeout = heartbeatTimeout;
        settings.retryPolicy = retryPolicy;
        // With HTTP/2 streams share one connection: no key of their own.
        if (url.scheme() == "http"_L1 && !http2Direct)
            settings.connectionKey = acquireConnectionKey();
    } else {
        settings.accept = usesIncrementalDelivery(request.query())
                ? QGraphQLHttpTransport::incrementalAccept()
                : QByteArray(ExecuteAccept);
    }
    return settings;
}

void QGraphQLHttpTransportPrivate::recordResponse(int statusCode,
                                                  const QList<QNetworkReply::RawHeaderPair> &h)
{
    lastStatusCode = statusCode;
    lastHeaders = h;
}

void QGraphQLHttpTransportPrivate::refreshCredentials(QGraphQLOperationSettings *settings) const
{
    settings->headers = headers;
    settings->cookies = cookies;
}

QByteArray QGraphQLHttpTransportPrivate::acquireConnectionKey()
{
    qsizetype slot = connectionKeysInUse.indexOf(false);
    if (slot < 0) {
        slot = connectionKeysInUse.size();
        connectionKeysInUse.append(true);
    } else {
        connectionKeysInUse[slot] = true;
    }
    return ConnectionKeyPrefix + QByteArray::number(slot);
}

void QGraphQLHttpTransportPrivate::releaseConnectionKey(const QByteArray &key)
{
    bool ok = false;
    const qsizetype slot = key.mid(qstrlen(ConnectionKeyPrefix)).toLongLong(&ok);
    if (ok && slot >= 0 && slot < connectionKeysInUse.size())
        connectionKeysInUse[slot] = false;
}

// For cleartext HTTP the peer verify name is never used to verify anything, but QNAM adds it
// to the key of its connection pool: requests with different names never share a connection.
void QGraphQLHttpTransportPrivate::applyConnectionKey(QNetworkRequest *request,
                                                      const QByteArray &key)
{
    request->setPeerVerifyName(QString::fromLatin1(key));
}

QByteArray QGraphQLHttpTransportPrivate::redactedHeaders(const QList<QByteArray> &names,
                                                         const QNetworkRequest &request)
{
    QByteArray out;
    for (const QByteArray &name : names) {
        const QByteArray lower = name.toLower();
        const bool secret = lower == "authorization" || lower == "cookie" || lower == "set-cookie"
                || lower == "proxy-authorization";
        out += name + ": " + (secret ? "<redacted>"_ba : request.rawHeader(name)) + "; ";
    }
    return out;
}

QGraphQLHttpTransport::QGraphQLHttpTransport(QObject *parent)
    : QObject(parent), d_ptr(std::make_unique<QGraphQLHttpTransportPrivate>(this))
{ }

QGraphQLHttpTransport::QGraphQLHttpTransport(const QUrl &url, QObject *parent)
    : QGraphQLHttpTransport(parent)
{
    d_ptr->url = url;
}

QGraphQLHttpTransport::~QGraphQLHttpTransport() = default;

QUrl QGraphQLHttpTransport::url() const
{
    return d_func()->url;
}

void QGraphQLHttpTransport::setUrl(const QUrl &url)
{
    Q_D(QGraphQLHttpTransport);
    if (d->url == url)
        return;
    d->url = url;
    Q_EMIT urlChanged();
}

QHash<QByteArray, QByteArray> QGraphQLHttpTransport::headers() const
{
    return d_func()->headers;
}

void QGraphQLHttpTransport::setHeaders(const QHash<QByteArray, QByteArray> &headers)
{
    d_func()->headers = headers;
}

void QGraphQLHttpTransport::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    d_func()->headers.insert(name, value);
}

void QGraphQLHttpTransport::removeHeader(const QByteArray &name)
{
    Q_D(QGraphQLHttpTransport);
    d->headers.removeIf(
            [&name](const auto &it) { return it.key().compare(name, Qt::CaseInsensitive) == 0; });
}

QList<QNetworkCookie> QGraphQLHttpTransport::cookies() const
{
    return d_func()->cookies;
}

void QGraphQLHttpTransport::setCookies(const QList<QNetworkCookie> &cookies)
{
    d_func()->cookies = cookies;
}

void QGraphQLHttpTransport::addCookie(const QByteArray &name, const QByteArray &value)
{
    Q_D(QGraphQLHttpTransport);
    d->cookies.removeIf([&name](const QNetworkCookie &c) { return c.name() == name; });
    d->cookies.append(QNetworkCookie(name, value));
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

int QGraphQLHttpTransport::timeout() const
{
    return d_func()->timeout;
}

void QGraphQLHttpTransport::setTimeout(int milliseconds)
{
    Q_D(QGraphQLHttpTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->timeout == milliseconds)
        return;
    d->timeout = milliseconds;
    Q_EMIT timeoutChanged();
}

int QGraphQLHttpTransport::heartbeatTimeout() const
{
    return d_func()->heartbeatTimeout;
}

void QGraphQLHttpTransport::setHeartbeatTimeout(int milliseconds)
{
    Q_D(QGraphQLHttpTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->heartbeatTimeout == milliseconds)
        return;
    d->heartbeatTimeout = milliseconds;
    Q_EMIT heartbeatTimeoutChanged();
}

qint64 QGraphQLHttpTransport::maxPartSize() const
{
    return d_func()->maxPartSize;
}

void QGraphQLHttpTransport::setMaxPartSize(qint64 bytes)
{
    Q_D(QGraphQLHttpTransport);
    bytes = bytes > 0 ? bytes : DefaultMaxPartSize;
    if (d->maxPartSize == bytes)
        return;
    d->maxPartSize = bytes;
    Q_EMIT maxPartSizeChanged();
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

QGraphQLRetryPolicy QGraphQLHttpTransport::retryPolicy() const
{
    return d_func()->retryPolicy;
}

void QGraphQLHttpTransport::setRetryPolicy(const QGraphQLRetryPolicy &policy)
{
    Q_D(QGraphQLHttpTransport);
    if (d->retryPolicy == policy)
        return;
    d->retryPolicy = policy;
    Q_EMIT retryPolicyChanged();
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
    using Kind = QGraphQLOperationPrivate::Kind;
    auto *reply = new QGraphQLReply(std::make_unique<QGraphQLOperationPrivate>(
            Kind::Execute, request, d->settingsFor(Kind::Execute, request), d->manager(), this));
    reply->d_func()->start();
    return reply;
}

QGraphQLSubscription *QGraphQLHttpTransport::subscribe(const QGraphQLRequest &request)
{
    Q_D(QGraphQLHttpTransport);
    using Kind = QGraphQLOperationPrivate::Kind;
    auto *subscription = new QGraphQLSubscription(std::make_unique<QGraphQLOperationPrivate>(
            Kind::Subscribe, request, d->settingsFor(Kind::Subscribe, request), d->manager(),
            this));
    subscription->d_func()->start();
    return subscription;
}
