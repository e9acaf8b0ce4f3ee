// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef DEMOSCHEMA_H
#define DEMOSCHEMA_H

#include <QGraphQL/qgraphqldocument.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonvalue.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

//! The demo server's schema as a table of object types. It validates the fields a request
//! selects (names, arguments and their types, subselections) the way a GraphQL server
//! would, and shapes resolved values to the selection, including aliases and __typename.
//! It is enough for an example server, not a GraphQL engine.
class DemoSchema
{
public:
    struct Argument
    {
        QString name;
        QString type; //!< a type reference such as "Int!"
        QJsonValue defaultValue = QJsonValue::Undefined;
    };
    struct FieldDefinition
    {
        QString name;
        QString type; //!< "String!", "[Message!]!", "User"
        QList<Argument> arguments;
        QString description;
    };
    struct ObjectType
    {
        QString name;
        QList<FieldDefinition> fields;
    };

    DemoSchema();

    const FieldDefinition *field(const QString &typeName, const QString &fieldName) const;
    //! "[Message!]!" -> "Message"
    static QString namedType(const QString &typeReference);
    static bool isNonNull(const QString &typeReference) { return typeReference.endsWith(u'!'); }

    //! GraphQL errors for everything in \a fields that the type does not have; on success the
    //! fields' arguments are completed with their defaults.
    QJsonArray validate(const QString &typeName, QList<QGraphQLDocument::Field> *fields) const;

    //! \a value (as a resolver built it, with every field) reduced to \a selections.
    QJsonValue project(const QJsonValue &value, const QString &typeReference,
                       const QList<QGraphQLDocument::Field> &selections) const;

    //! The schema in SDL, for people.
    QString sdl() const;

    //! The value of the introspection field __schema, with every field of __Schema, __Type,
    //! __Field, __InputValue, __EnumValue and __Directive filled in; project() shapes it.
    QJsonObject introspection() const;
    //! The value of __type(name:): the type's full __Type object, or null.
    QJsonValue introspectType(const QString &name) const;

    static QJsonObject error(const QString &message, const QGraphQLError::Location &location,
                             const QString &code);

private:
    const ObjectType *objectType(const QString &name) const;
    QString checkArgumentValue(const Argument &argument, const QJsonValue &value) const;
    QJsonObject typeReference(const QString &typeReference) const;
    QJsonObject inputValue(const Argument &argument) const;

    QList<ObjectType> m_types;
};

#endif // DEMOSCHEMA_H
