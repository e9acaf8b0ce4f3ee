// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlerror.h"

#include <QtCore/qdebug.h>

using namespace Qt::StringLiterals;

class QGraphQLErrorPrivate : public QSharedData
{
public:
    QString message;
    QList<QGraphQLError::Location> locations;
    QJsonArray path;
    QJsonObject extensions;
    QJsonObject other; // members beyond the spec's, kept so toJson() round-trips
};

QGraphQLError::QGraphQLError() : d(new QGraphQLErrorPrivate) { }

QGraphQLError::QGraphQLError(const QString &message) : d(new QGraphQLErrorPrivate)
{
    d->message = message;
}

QGraphQLError::QGraphQLError(const QGraphQLError &other) = default;
QGraphQLError &QGraphQLError::operator=(const QGraphQLError &other) = default;
QGraphQLError::~QGraphQLError() = default;
QGraphQLError::QGraphQLError(QGraphQLError &&other) noexcept = default;
QGraphQLError &QGraphQLError::operator=(QGraphQLError &&other) noexcept = default;

QString QGraphQLError::message() const
{
    return d->message;
}
void QGraphQLError::setMessage(const QString &message)
{
    d->message = message;
}

QList<QGraphQLError::Location> QGraphQLError::locations() const
{
    return d->locations;
}
void QGraphQLError::setLocations(const QList<Location> &locations)
{
    d->locations = locations;
}

QJsonArray QGraphQLError::path() const
{
    return d->path;
}
void QGraphQLError::setPath(const QJsonArray &path)
{
    d->path = path;
}

QJsonObject QGraphQLError::extensions() const
{
    return d->extensions;
}
void QGraphQLError::setExtensions(const QJsonObject &extensions)
{
    d->extensions = extensions;
}

QGraphQLError QGraphQLError::fromJson(const QJsonObject &object)
{
    QGraphQLError error;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == "message"_L1) {
            error.d->message = value.toString();
        } else if (key == "locations"_L1 && value.isArray()) {
            for (const QJsonValue &location : value.toArray()) {
                const QJsonObject l = location.toObject();
                error.d->locations.append(
                        { l.value("line"_L1).toInt(), l.value("column"_L1).toInt() });
            }
        } else if (key == "path"_L1 && value.isArray()) {
            error.d->path = value.toArray();
        } else if (key == "extensions"_L1 && value.isObject()) {
            error.d->extensions = value.toObject();
        } else {
            error.d->other.insert(key, value);
        }
    }
    return error;
}

QList<QGraphQLError> QGraphQLError::listFromJson(const QJsonArray &array)
{
    QList<QGraphQLError> errors;
    errors.reserve(array.size());
    for (const QJsonValue &value : array)
        errors.append(fromJson(value.toObject()));
    return errors;
}

QJsonObject QGraphQLError::toJson() const
{
    QJsonObject object = d->other;
    object.insert("message"_L1, d->message);
    if (!d->locations.isEmpty()) {
        QJsonArray locations;
        for (const Location &l : d->locations)
            locations.append(QJsonObject { { "line"_L1, l.line }, { "column"_L1, l.column } });
        object.insert("locations"_L1, locations);
    }
    if (!d->path.isEmpty())
        object.insert("path"_L1, d->path);
    if (!d->extensions.isEmpty())
        object.insert("extensions"_L1, d->extensions);
    return object;
}

bool QGraphQLError::operator==(const QGraphQLError &other) const
{
    return d == other.d
            || (d->message == other.d->message && d->locations == other.d->locations
                && d->path == other.d->path && d->extensions == other.d->extensions
                && d->other == other.d->other);
}

QDebug operator<<(QDebug debug, const QGraphQLError &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "QGraphQLError(" << error.message();
    if (!error.path().isEmpty())
        debug << ", path=" << error.path();
    debug << ')';
    return debug;
}
