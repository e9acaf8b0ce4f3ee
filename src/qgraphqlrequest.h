// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLREQUEST_H
#define QGRAPHQLREQUEST_H

#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

class QGraphQLRequestPrivate;

//! One GraphQL operation to send: the document, its variables, the operation to run and
//! optional extensions, plus HTTP headers for this request only. Implicitly shared.
class QGRAPHQL_EXPORT QGraphQLRequest
{
    Q_GADGET
    Q_PROPERTY(QString query READ query WRITE setQuery)
    Q_PROPERTY(QJsonObject variables READ variables WRITE setVariables)
    Q_PROPERTY(QString operationName READ operationName WRITE setOperationName)
    Q_PROPERTY(QJsonObject extensions READ extensions WRITE setExtensions)

public:
    QGraphQLRequest();
    explicit QGraphQLRequest(const QString &query, const QJsonObject &variables = {},
                             const QString &operationName = {});
    QGraphQLRequest(const QGraphQLRequest &other);
    QGraphQLRequest &operator=(const QGraphQLRequest &other);
    QGraphQLRequest(QGraphQLRequest &&other) noexcept;
    QGraphQLRequest &operator=(QGraphQLRequest &&other) noexcept;
    ~QGraphQLRequest();

    void swap(QGraphQLRequest &other) noexcept { d.swap(other.d); }

    //! The GraphQL document.
    QString query() const;
    void setQuery(const QString &query);

    //! The variables; left out of the body when empty.
    QJsonObject variables() const;
    void setVariables(const QJsonObject &variables);

    //! Which operation of the document to run; left out of the body when empty.
    QString operationName() const;
    void setOperationName(const QString &operationName);

    //! Protocol extensions (for example persisted queries); left out of the body when empty.
    QJsonObject extensions() const;
    void setExtensions(const QJsonObject &extensions);

    //! Extra HTTP headers for this request; they override the transport's headers of the
    //! same name (names compare case-insensitively).
    QHash<QByteArray, QByteArray> headers() const;
    void setHeaders(const QHash<QByteArray, QByteArray> &headers);
    void setHeader(const QByteArray &name, const QByteArray &value);

    //! The JSON body sent in the POST: {"query", "variables"?, "operationName"?, "extensions"?}.
    QByteArray toJson() const;

    bool operator==(const QGraphQLRequest &other) const;
    bool operator!=(const QGraphQLRequest &other) const { return !(*this == other); }

private:
    QSharedDataPointer<QGraphQLRequestPrivate> d;
};

Q_DECLARE_SHARED(QGraphQLRequest)
Q_DECLARE_METATYPE(QGraphQLRequest)

QGRAPHQL_EXPORT QDebug operator<<(QDebug debug, const QGraphQLRequest &request);

#endif // QGRAPHQLREQUEST_H
