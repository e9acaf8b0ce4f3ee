// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLERROR_H
#define QGRAPHQLERROR_H

#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

class QGraphQLErrorPrivate;

//! A GraphQL error as found in a response's "errors" list. It is part of a result and never
//! ends an operation by itself; failures of the exchange are QGraphQLTransportError.
class QGRAPHQL_EXPORT QGraphQLError
{
    Q_GADGET
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QJsonArray path READ path)
    Q_PROPERTY(QJsonObject extensions READ extensions)

public:
    struct Location
    {
        int line = 0;
        int column = 0;
        bool operator==(const Location &o) const { return line == o.line && column == o.column; }
    };

    QGraphQLError();
    explicit QGraphQLError(const QString &message);
    QGraphQLError(const QGraphQLError &other);
    QGraphQLError &operator=(const QGraphQLError &other);
    QGraphQLError(QGraphQLError &&other) noexcept;
    QGraphQLError &operator=(QGraphQLError &&other) noexcept;
    ~QGraphQLError();

    void swap(QGraphQLError &other) noexcept { d.swap(other.d); }

    QString message() const;
    void setMessage(const QString &message);

    QList<Location> locations() const;
    void setLocations(const QList<Location> &locations);

    //! Response path of the field that failed: strings for fields, numbers for list indexes.
    QJsonArray path() const;
    void setPath(const QJsonArray &path);

    QJsonObject extensions() const;
    void setExtensions(const QJsonObject &extensions);

    //! Builds an error from its JSON form; members of the wrong type are ignored.
    static QGraphQLError fromJson(const QJsonObject &object);
    static QList<QGraphQLError> listFromJson(const QJsonArray &array);
    QJsonObject toJson() const;

    bool operator==(const QGraphQLError &other) const;
    bool operator!=(const QGraphQLError &other) const { return !(*this == other); }

private:
    QSharedDataPointer<QGraphQLErrorPrivate> d;
};

Q_DECLARE_SHARED(QGraphQLError)
Q_DECLARE_METATYPE(QGraphQLError)

QGRAPHQL_EXPORT QDebug operator<<(QDebug debug, const QGraphQLError &error);

#endif // QGRAPHQLERROR_H
