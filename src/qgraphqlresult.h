// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRESULT_H
#define QGRAPHQLRESULT_H

#include <QGraphQL/qgraphqlerror.h>
#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qanystringview.h>
#include <QtCore/qbytearray.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qjsonvalue.h>
#include <QtCore/qlist.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qshareddata.h>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

class QGraphQLResultPrivate;

//! One GraphQL response: data, GraphQL errors and extensions. A subscription delivers one per
//! payload. GraphQL errors are part of a result, never a failure of the operation.
//!
//! A result received from a server keeps the JSON text the server sent (validated, without
//! insignificant white space), shared between copies: rawJson() and rawValue() give it with
//! the server's member order and every number as written. data(), errors() and extensions()
//! build Qt values from that text on first use, once per result (also when copies are read on
//! several threads).
class QGRAPHQL_EXPORT QGraphQLResult
{
    Q_GADGET
    Q_PROPERTY(QJsonValue data READ data)
    Q_PROPERTY(QList<QGraphQLError> errors READ errors)
    Q_PROPERTY(QJsonObject extensions READ extensions)
    Q_PROPERTY(bool hasNext READ hasNext)

public:
    QGraphQLResult();
    QGraphQLResult(const QGraphQLResult &other);
    QGraphQLResult &operator=(const QGraphQLResult &other);
    QGraphQLResult(QGraphQLResult &&other) noexcept;
    QGraphQLResult &operator=(QGraphQLResult &&other) noexcept;
    ~QGraphQLResult();

    void swap(QGraphQLResult &other) noexcept { d.swap(other.d); }

    //! The "data" member: an object, null, or undefined when the response had none.
    QJsonValue data() const;
    void setData(const QJsonValue &data);

    //! The GraphQL errors of the response; empty when there were none.
    QList<QGraphQLError> errors() const;
    void setErrors(const QList<QGraphQLError> &errors);
    bool hasErrors() const;

    //! The "extensions" member of the response.
    QJsonObject extensions() const;
    void setExtensions(const QJsonObject &extensions);

    //! True when more results of the same operation follow (incremental delivery).
    bool hasNext() const;
    void setHasNext(bool hasNext);

    //! Incremental delivery (@defer/@stream): the raw "incremental" items of the step that
    //! produced this result; data() already has them merged in. Empty otherwise.
    QJsonArray incremental() const;
    void setIncremental(const QJsonArray &items);

    //! True for a result that holds data or errors, as every well-formed response does.
    bool isValid() const;

    //! The value at \a path in data(), without building data(): member names and list indexes
    //! separated by dots ("book.author.name", "items.0.id"); an empty path is data() itself.
    //! Undefined when the path leads nowhere.
    QJsonValue value(QAnyStringView path) const;
    //! The JSON text of the value at \a path (as in value()) exactly as the server sent it:
    //! numbers with every digit, objects in the server's member order. Empty when the path leads
    //! nowhere.
    QByteArray rawValue(QAnyStringView path) const;

    //! The response as compact JSON text. For a result received from a server: the response
    //! (a subscription event's "payload") as sent, in the server's member order and with every
    //! number as written; for an incremental-delivery step: the merged response with "hasNext".
    //! For a result built with the setters: toJson() as text. QJsonDocument::Indented indents
    //! the same text (4 spaces, as QJsonDocument does) without changing order or numbers.
    QByteArray rawJson(QJsonDocument::JsonFormat format = QJsonDocument::Compact) const;

    //! Reads a GraphQL response object; an object with neither "data" nor "errors" gives an
    //! invalid result.
    static QGraphQLResult fromJson(const QJsonObject &object);
    //! Reads a GraphQL response from JSON text, which the result keeps (see rawJson()). Text
    //! that is not a JSON object gives an invalid result and, if \a errorString is given, says
    //! why.
    static QGraphQLResult fromRawJson(QByteArrayView json, QString *errorString = nullptr);
    //! {"data":…,"errors":[…],"extensions":{…}} with absent members left out, plus "hasNext"
    //! for the results of incremental delivery.
    QJsonObject toJson() const;

    bool operator==(const QGraphQLResult &other) const;
    bool operator!=(const QGraphQLResult &other) const { return !(*this == other); }

private:
    friend class QGraphQLResultPrivate;
    QSharedDataPointer<QGraphQLResultPrivate> d;
};

Q_DECLARE_SHARED(QGraphQLResult)
Q_DECLARE_METATYPE(QGraphQLResult)

QGRAPHQL_EXPORT QDebug operator<<(QDebug debug, const QGraphQLResult &result);

#endif // QGRAPHQLRESULT_H
