// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlwebsockettransport.h"

#include "qgraphqloperation_p.h"
#include "ws/qgraphqlwschannel_p.h"
#include "ws/qgraphqlwsconnection_p.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qpointer.h>
#include <QtNetwork/qnetworkcookiejar.h>

using namespace Qt::StringLiterals;

class QGraphQLWebSocketTransportPrivate
{
    Q_DECLARE_PUBLIC(QGraphQLWebSocketTransport)

public:
    explicit QGraphQLWebSocketTransportPrivate(QGraphQLWebSocketTransport *q) : q_ptr(q) { }

    QGraphQLWsConnectionSettings connectionSettings() const;
    QGraphQLWsConnection *connection();
    QGraphQLWsChannel *createChannel(QGraphQLOperationKind kind, const QGraphQLRequest &request);

    QGraphQLWebSocketTransport *q_ptr;
    QGraphQLWebSocketTransport::Protocol protocol = QGraphQLWebSocketTransport::GraphQLTransportWs;
    QJsonObject connectionParams;
    int keepAliveInterval = QGraphQLWebSocketTransport::DefaultKeepAliveInterval;
    int connectionAckTimeout = QGraphQLWebSocketTransport::DefaultConnectionAckTimeout;
    int lingerTime = 0;
    QPointer<QNetworkCookieJar> cookieJar;
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> sslConfiguration;
#endif
    std::unique_ptr<QGraphQLWsConnection> wsConnection; // created with the first operation
};

QGraphQLWsConnectionSettings QGraphQLWebSocketTransportPrivate::connectionSettings() const
{
    Q_Q(const QGraphQLWebSocketTransport);
    QGraphQLWsConnectionSettings settings;
    settings.url = q->url();
    settings.headers = q->headers();
    if (cookieJar) {
        QUrl lookup = settings.url;
        lookup.setScheme(lookup.scheme() == "wss"_L1 ? u"https"_s : u"http"_s);
        settings.cookies = cookieJar->cookiesForUrl(lookup);
    }
    settings.protocol = protocol == QGraphQLWebSocketTransport::GraphQLWs
            ? QGraphQLWsProtocol::GraphQLWs
            : QGraphQLWsProtocol::GraphQLTransportWs;
    if (!connectionParams.isEmpty())
        settings.connectionParams = QJsonDocument(connectionParams).toJson(QJsonDocument::Compact);
    settings.keepAliveInterval = keepAliveInterval;
    settings.connectionAckTimeout = connectionAckTimeout;
    settings.lingerTime = lingerTime;
    settings.maxMessageSize = q->maxPartSize();
#ifndef QT_NO_SSL
    settings.sslConfiguration = sslConfiguration;
#endif
    return settings;
}

QGraphQLWsConnection *QGraphQLWebSocketTransportPrivate::connection()
{
    if (!wsConnection) {
        wsConnection
                = std::make_unique<QGraphQLWsConnection>([this] { return connectionSettings(); });
    }
    return wsConnection.get();
}

QGraphQLWsChannel *QGraphQLWebSocketTransportPrivate::createChannel(QGraphQLOperationKind kind,
                                                                    const QGraphQLRequest &request)
{
    Q_Q(QGraphQLWebSocketTransport);
    return new QGraphQLWsChannel(request, kind, q->timeout(), q->heartbeatTimeout(), connection());
}

QGraphQLWebSocketTransport::QGraphQLWebSocketTransport(QObject *parent)
    : QGraphQLTransport(parent), d_ptr(std::make_unique<QGraphQLWebSocketTransportPrivate>(this))
{ }

QGraphQLWebSocketTransport::QGraphQLWebSocketTransport(const QUrl &url, QObject *parent)
    : QGraphQLWebSocketTransport(parent)
{
    setUrl(url);
}

QGraphQLWebSocketTransport::~QGraphQLWebSocketTransport() = default;

QGraphQLWebSocketTransport::Protocol QGraphQLWebSocketTransport::protocol() const
{
    return d_func()->protocol;
}

void QGraphQLWebSocketTransport::setProtocol(Protocol protocol)
{
    Q_D(QGraphQLWebSocketTransport);
    if (d->protocol == protocol)
        return;
    d->protocol = protocol;
    Q_EMIT protocolChanged();
}

QJsonObject QGraphQLWebSocketTransport::connectionParams() const
{
    return d_func()->connectionParams;
}

void QGraphQLWebSocketTransport::setConnectionParams(const QJsonObject &params)
{
    Q_D(QGraphQLWebSocketTransport);
    if (d->connectionParams == params)
        return;
    d->connectionParams = params;
    Q_EMIT connectionParamsChanged();
}

int QGraphQLWebSocketTransport::keepAliveInterval() const
{
    return d_func()->keepAliveInterval;
}

void QGraphQLWebSocketTransport::setKeepAliveInterval(int milliseconds)
{
    Q_D(QGraphQLWebSocketTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->keepAliveInterval == milliseconds)
        return;
    d->keepAliveInterval = milliseconds;
    Q_EMIT keepAliveIntervalChanged();
}

int QGraphQLWebSocketTransport::connectionAckTimeout() const
{
    return d_func()->connectionAckTimeout;
}

void QGraphQLWebSocketTransport::setConnectionAckTimeout(int milliseconds)
{
    Q_D(QGraphQLWebSocketTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->connectionAckTimeout == milliseconds)
        return;
    d->connectionAckTimeout = milliseconds;
    Q_EMIT connectionAckTimeoutChanged();
}

int QGraphQLWebSocketTransport::lingerTime() const
{
    return d_func()->lingerTime;
}

void QGraphQLWebSocketTransport::setLingerTime(int milliseconds)
{
    Q_D(QGraphQLWebSocketTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->lingerTime == milliseconds)
        return;
    d->lingerTime = milliseconds;
    Q_EMIT lingerTimeChanged();
}

QNetworkCookieJar *QGraphQLWebSocketTransport::cookieJar() const
{
    return d_func()->cookieJar;
}

void QGraphQLWebSocketTransport::setCookieJar(QNetworkCookieJar *jar)
{
    d_func()->cookieJar = jar;
}

#ifndef QT_NO_SSL
QSslConfiguration QGraphQLWebSocketTransport::sslConfiguration() const
{
    Q_D(const QGraphQLWebSocketTransport);
    return d->sslConfiguration.value_or(QSslConfiguration::defaultConfiguration());
}

void QGraphQLWebSocketTransport::setSslConfiguration(const QSslConfiguration &configuration)
{
    d_func()->sslConfiguration = configuration;
}
#endif

QGraphQLReply *QGraphQLWebSocketTransport::execute(const QGraphQLRequest &request)
{
    Q_D(QGraphQLWebSocketTransport);
    return QGraphQLOperationPrivate::createReply(
            request, d->createChannel(QGraphQLOperationKind::Execute, request));
}

QGraphQLSubscription *QGraphQLWebSocketTransport::subscribe(const QGraphQLRequest &request)
{
    Q_D(QGraphQLWebSocketTransport);
    return QGraphQLOperationPrivate::createSubscription(
            request, d->createChannel(QGraphQLOperationKind::Subscribe, request), retryPolicy());
}
