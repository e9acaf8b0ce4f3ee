// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqltransport.h"

class QGraphQLTransportPrivate
{
public:
    QUrl url;
    QHash<QByteArray, QByteArray> headers;
    int timeout = QGraphQLTransport::DefaultTimeout;
    int heartbeatTimeout = 0;
    qint64 maxPartSize = QGraphQLTransport::DefaultMaxPartSize;
    QGraphQLRetryPolicy retryPolicy;
};

QGraphQLTransport::QGraphQLTransport(QObject *parent)
    : QObject(parent), d_ptr(std::make_unique<QGraphQLTransportPrivate>())
{ }

QGraphQLTransport::~QGraphQLTransport() = default;

QUrl QGraphQLTransport::url() const
{
    return d_func()->url;
}

void QGraphQLTransport::setUrl(const QUrl &url)
{
    Q_D(QGraphQLTransport);
    if (d->url == url)
        return;
    d->url = url;
    Q_EMIT urlChanged();
}

QHash<QByteArray, QByteArray> QGraphQLTransport::headers() const
{
    return d_func()->headers;
}

void QGraphQLTransport::setHeaders(const QHash<QByteArray, QByteArray> &headers)
{
    Q_D(QGraphQLTransport);
    if (d->headers == headers)
        return;
    d->headers = headers;
    Q_EMIT headersChanged();
}

void QGraphQLTransport::setHeader(const QByteArray &name, const QByteArray &value)
{
    Q_D(QGraphQLTransport);
    QHash<QByteArray, QByteArray> headers = d->headers;
    headers.removeIf(
            [&name](const auto &it) { return it.key().compare(name, Qt::CaseInsensitive) == 0; });
    headers.insert(name, value);
    setHeaders(headers);
}

void QGraphQLTransport::removeHeader(const QByteArray &name)
{
    Q_D(QGraphQLTransport);
    QHash<QByteArray, QByteArray> headers = d->headers;
    headers.removeIf(
            [&name](const auto &it) { return it.key().compare(name, Qt::CaseInsensitive) == 0; });
    setHeaders(headers);
}

int QGraphQLTransport::timeout() const
{
    return d_func()->timeout;
}

void QGraphQLTransport::setTimeout(int milliseconds)
{
    Q_D(QGraphQLTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->timeout == milliseconds)
        return;
    d->timeout = milliseconds;
    Q_EMIT timeoutChanged();
}

int QGraphQLTransport::heartbeatTimeout() const
{
    return d_func()->heartbeatTimeout;
}

void QGraphQLTransport::setHeartbeatTimeout(int milliseconds)
{
    Q_D(QGraphQLTransport);
    milliseconds = qMax(0, milliseconds);
    if (d->heartbeatTimeout == milliseconds)
        return;
    d->heartbeatTimeout = milliseconds;
    Q_EMIT heartbeatTimeoutChanged();
}

qint64 QGraphQLTransport::maxPartSize() const
{
    return d_func()->maxPartSize;
}

void QGraphQLTransport::setMaxPartSize(qint64 bytes)
{
    Q_D(QGraphQLTransport);
    bytes = bytes > 0 ? bytes : DefaultMaxPartSize;
    if (d->maxPartSize == bytes)
        return;
    d->maxPartSize = bytes;
    Q_EMIT maxPartSizeChanged();
}

QGraphQLRetryPolicy QGraphQLTransport::retryPolicy() const
{
    return d_func()->retryPolicy;
}

void QGraphQLTransport::setRetryPolicy(const QGraphQLRetryPolicy &policy)
{
    Q_D(QGraphQLTransport);
    if (d->retryPolicy == policy)
        return;
    d->retryPolicy = policy;
    Q_EMIT retryPolicyChanged();
}
