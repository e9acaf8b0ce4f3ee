// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlrequest.h"

#include <QtCore/qdebug.h>
#include <QtCore/qjsondocument.h>

class QGraphQLRequestPrivate : public QSharedData
{
public:
    QString query;
    QJsonObject variables;
    QString operationName;
    QJsonObject extensions;
    QHash<QByteArray, QByteArray> headers;
};

QGraphQLRequest::QGraphQLRequest() : d(new QGraphQLRequestPrivate) { }

QGraphQLRequest::QGraphQLRequest(const QString &query, const QJsonObject &variables,
                                 const QString &operationName)
    : d(new QGraphQLRequestPrivate)
{
    d->query = query;
    d->variables = variables;
    d->operationName = operationName;
}

QGraphQLRequest::QGraphQLRequest(const QGraphQLRequest &other) = default;
QGraphQLRequest &QGraphQLRequest::operator=(const QGraphQLRequest &other) = default;
QGraphQLRequest::~QGraphQLRequest() = default;
QGraphQLRequest::QGraphQLRequest(QGraphQLRequest &&other) noexcept = default;
QGraphQLRequest &QGraphQLRequest::operator=(QGraphQLRequest &&other) noexcept = default;

QString QGraphQLRequest::query() const
{
    return d->query;
}
void QGraphQLRequest::setQuery(const QString &query)
{
    d->query = query;
}

QJsonObject QGraphQLRequest::variables() const
{
    return d->variables;
}
void QGraphQLRequest::setVariables(const QJsonObject &variables)
{
    d->variables = variables;
}

QString QGraphQLRequest::operationName() const
{
    return d->operationName;
}
void QGraphQLRequest::setOperationName(const QString &name)
{
    d->operationName = name;
}

QJsonObject QGraphQLRequest::extensions() const
{
    return d->extensions;
}
void QGraphQLRequest::setExtensions(const QJsonObject &extensions)
{
    d->extensions = extensions;
}

QHash<QByteArray, QByteArray> QGraphQLRequest::headers() const
{
    return d->headers;
}

void QGraphQLRequest::setHeaders(const QHash<QByteArray, QByteArray> &headers)
{
    d->headers = headers;
}

void QGraphQLRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    d->headers.insert(name, value);
}

QByteArray QGraphQLRequest::toJson() const
{
    QJsonObject body { { QStringLiteral("query"), d->query } };
    if (!d->variables.isEmpty())
        body.insert(QStringLiteral("variables"), d->variables);
    if (!d->operationName.isEmpty())
        body.insert(QStringLiteral("operationName"), d->operationName);
    if (!d->extensions.isEmpty())
        body.insert(QStringLiteral("extensions"), d->extensions);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool QGraphQLRequest::operator==(const QGraphQLRequest &other) const
{
    return d == other.d
            || (d->query == other.d->query && d->variables == other.d->variables
                && d->operationName == other.d->operationName
                && d->extensions == other.d->extensions && d->headers == other.d->headers);
}

QDebug operator<<(QDebug debug, const QGraphQLRequest &request)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "QGraphQLRequest(" << request.operationName() << ", "
                    << request.query().left(60) << ')';
    return debug;
}
