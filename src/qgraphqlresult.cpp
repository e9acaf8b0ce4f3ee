// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlresult.h"

#include <QtCore/qdebug.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

using namespace Qt::StringLiterals;

class QGraphQLResultPrivate : public QSharedData
{
public:
    QJsonValue data = QJsonValue::Undefined;
    QList<QGraphQLError> errors;
    QJsonObject extensions;
    bool hasErrorsMember = false; // "errors" was present, even if empty
    bool hasNext = false;
    bool hasNextMember = false; // an incremental-delivery result: toJson() writes hasNext
    QJsonArray incremental;
};

// A default-constructed result shares one empty private: results are made per payload, and
// most are assigned over right away. Writing to it detaches, as for any shared copy.
static const QSharedDataPointer<QGraphQLResultPrivate> &sharedEmptyResult()
{
    static const QSharedDataPointer<QGraphQLResultPrivate> empty(new QGraphQLResultPrivate);
    return empty;
}

QGraphQLResult::QGraphQLResult() : d(sharedEmptyResult()) { }
QGraphQLResult::QGraphQLResult(const QGraphQLResult &other) = default;
QGraphQLResult &QGraphQLResult::operator=(const QGraphQLResult &other) = default;
QGraphQLResult::~QGraphQLResult() = default;
QGraphQLResult::QGraphQLResult(QGraphQLResult &&other) noexcept = default;
QGraphQLResult &QGraphQLResult::operator=(QGraphQLResult &&other) noexcept = default;

QJsonValue QGraphQLResult::data() const
{
    return d->data;
}
void QGraphQLResult::setData(const QJsonValue &data)
{
    d->data = data;
}

QList<QGraphQLError> QGraphQLResult::errors() const
{
    return d->errors;
}

void QGraphQLResult::setErrors(const QList<QGraphQLError> &errors)
{
    d->errors = errors;
    d->hasErrorsMember = !errors.isEmpty();
}

bool QGraphQLResult::hasErrors() const
{
    return !d->errors.isEmpty();
}

QJsonObject QGraphQLResult::extensions() const
{
    return d->extensions;
}
void QGraphQLResult::setExtensions(const QJsonObject &extensions)
{
    d->extensions = extensions;
}

bool QGraphQLResult::hasNext() const
{
    return d->hasNext;
}
void QGraphQLResult::setHasNext(bool hasNext)
{
    d->hasNext = hasNext;
    d->hasNextMember = true;
}

QJsonArray QGraphQLResult::incremental() const
{
    return d->incremental;
}

void QGraphQLResult::setIncremental(const QJsonArray &items)
{
    d->incremental = items;
}

bool QGraphQLResult::isValid() const
{
    return !d->data.isUndefined() || d->hasErrorsMember;
}

// Provisional: navigates data(); replaced by navigation over the kept text.
QJsonValue QGraphQLResult::value(QAnyStringView path) const
{
    QJsonValue at = d->data;
    if (path.isEmpty())
        return at;
    const QStringList segments = path.toString().split(u'.');
    for (const QString &segment : segments) {
        if (at.isObject()) {
            at = at.toObject().value(segment);
        } else if (at.isArray()) {
            bool ok = false;
            const qsizetype index = segment.toLongLong(&ok);
            const QJsonArray array = at.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue::Undefined;
            at = array.at(index);
        } else {
            return QJsonValue::Undefined;
        }
    }
    return at;
}

QByteArray QGraphQLResult::rawValue(QAnyStringView path) const
{
    const QJsonValue at = value(path);
    if (at.isUndefined())
        return {};
    return QJsonDocument(QJsonArray { at }).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

QByteArray QGraphQLResult::rawJson(QJsonDocument::JsonFormat format) const
{
    return QJsonDocument(toJson()).toJson(format);
}

QGraphQLResult QGraphQLResult::fromRawJson(QByteArrayView json, QString *errorString)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (!document.isObject()) {
        if (errorString)
            *errorString = error.error != QJsonParseError::NoError ? error.errorString()
                                                                   : u"not a JSON object"_s;
        return {};
    }
    return fromJson(document.object());
}

QGraphQLResult QGraphQLResult::fromJson(const QJsonObject &object)
{
    QGraphQLResult result;
    const auto data = object.constFind("data"_L1);
    if (data != object.constEnd())
        result.d->data = *data;
    const auto errors = object.constFind("errors"_L1);
    if (errors != object.constEnd() && errors->isArray()) {
        result.d->errors = QGraphQLError::listFromJson(errors->toArray());
        result.d->hasErrorsMember = true;
    }
    result.d->extensions = object.value("extensions"_L1).toObject();
    const auto hasNext = object.constFind("hasNext"_L1);
    if (hasNext != object.constEnd()) {
        result.d->hasNext = hasNext->toBool();
        result.d->hasNextMember = true;
    }
    return result;
}

QJsonObject QGraphQLResult::toJson() const
{
    QJsonObject object;
    if (!d->data.isUndefined())
        object.insert("data"_L1, d->data);
    if (d->hasErrorsMember) {
        QJsonArray errors;
        for (const QGraphQLError &error : d->errors)
            errors.append(error.toJson());
        object.insert("errors"_L1, errors);
    }
    if (!d->extensions.isEmpty())
        object.insert("extensions"_L1, d->extensions);
    if (d->hasNextMember)
        object.insert("hasNext"_L1, d->hasNext);
    return object;
}

bool QGraphQLResult::operator==(const QGraphQLResult &other) const
{
    return d == other.d
            || (d->data == other.d->data && d->errors == other.d->errors
                && d->extensions == other.d->extensions && d->hasNext == other.d->hasNext);
}

QDebug operator<<(QDebug debug, const QGraphQLResult &result)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "QGraphQLResult("
                    << QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact) << ')';
    return debug;
}
