// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqltransporterror.h"

#include <QtCore/qdebug.h>

using namespace Qt::StringLiterals;

class QGraphQLTransportErrorPrivate : public QSharedData
{
public:
    QGraphQLTransportError::Kind kind = QGraphQLTransportError::NoError;
    QString message;
    int httpStatusCode = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QGraphQLResult result;
};

// NoError values are made for every event that is not a failure: they share one private.
static const QSharedDataPointer<QGraphQLTransportErrorPrivate> &sharedNoError()
{
    static const QSharedDataPointer<QGraphQLTransportErrorPrivate> noError(
            new QGraphQLTransportErrorPrivate);
    return noError;
}

QGraphQLTransportError::QGraphQLTransportError() : d(sharedNoError()) { }

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

QString QGraphQLTransportError::httpReasonPhrase(int statusCode)
{
    switch (statusCode) {
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 204:
        return u"No Content"_s;
    case 301:
        return u"Moved Permanently"_s;
    case 302:
        return u"Found"_s;
    case 303:
        return u"See Other"_s;
    case 307:
        return u"Temporary Redirect"_s;
    case 308:
        return u"Permanent Redirect"_s;
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 406:
        return u"Not Acceptable"_s;
    case 408:
        return u"Request Timeout"_s;
    case 411:
        return u"Length Required"_s;
    case 413:
        return u"Payload Too Large"_s;
    case 415:
        return u"Unsupported Media Type"_s;
    case 422:
        return u"Unprocessable Content"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 431:
        return u"Request Header Fields Too Large"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 504:
        return u"Gateway Timeout"_s;
    default:
        return {};
    }
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
