// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqltransporterror.h"

#include <QtCore/qdebug.h>

class QGraphQLTransportErrorPrivate : public QSharedData
{
public:
    QGraphQLTransportError::Kind kind = QGraphQLTransportError::NoError;
    QString message;
    int httpStatusCode = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QGraphQLResult result;
};

QGraphQLTransportError::QGraphQLTransportError() : d(new QGraphQLTransportErrorPrivate) { }

QGraphQLTransportError::QGraphQLTransportError(Kind kind, const QString &message)
    : d(new QGraphQLTransportErrorPrivate)
{
    d->kind = kind;
    d->message = message;
}

QGraphQLTransportError::QGraphQLTransportError(const QGraphQLTransportError &other) = default;
QGraphQLTransportError &QGraphQLTransportError::operator=(const QGraphQLTransportError &other)
        = default;
QGraphQLTransportError::~QGraphQLTransportError() = default;
QGraphQLTransportError::QGraphQLTransportError(QGraphQLTransportError &&other) noexcept = default;
QGraphQLTransportError &
QGraphQLTransportError::operator=(QGraphQLTransportError &&other) noexcept = default;

QGraphQLTransportError::Kind QGraphQLTransportError::kind() const
{
    return d->kind;
}
QString QGraphQLTransportError::message() const
{
    return d->message;
}

int QGraphQLTransportError::httpStatusCode() const
{
    return d->httpStatusCode;
}
void QGraphQLTransportError::setHttpStatusCode(int code)
{
    d->httpStatusCode = code;
}

QNetworkReply::NetworkError QGraphQLTransportError::networkError() const
{
    return d->networkError;
}

void QGraphQLTransportError::setNetworkError(QNetworkReply::NetworkError error)
{
    d->networkError = error;
}

QGraphQLResult QGraphQLTransportError::result() const
{
    return d->result;
}
void QGraphQLTransportError::setResult(const QGraphQLResult &result)
{
    d->result = result;
}

bool QGraphQLTransportError::operator==(const QGraphQLTransportError &other) const
{
    return d == other.d
            || (d->kind == other.d->kind && d->message == other.d->message
                && d->httpStatusCode == other.d->httpStatusCode
                && d->networkError == other.d->networkError && d->result == other.d->result);
}

QDebug operator<<(QDebug debug, const QGraphQLTransportError &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "QGraphQLTransportError(" << error.kind() << ", " << error.message() << ')';
    return debug;
}
