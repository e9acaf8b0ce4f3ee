// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "demoschema.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

#include <cmath>

using namespace Qt::StringLiterals;

DemoSchema::DemoSchema()
{
    m_types = {
        { u"Query"_s,
          {
                  { u"hello"_s,
                    u"String!"_s,
                    { { u"name"_s, u"String"_s, u"world"_s } },
                    u"A greeting."_s },
                  { u"serverTime"_s, u"String!"_s, {}, u"The server's clock, ISO 8601 UTC."_s },
                  { u"me"_s, u"User"_s, {}, u"The logged-in user (session cookie), or null."_s },
                  { u"messages"_s,
                    u"[Message!]!"_s,
                    { { u"last"_s, u"Int"_s, 10 } },
                    u"The latest messages posted."_s },
                  { u"requestHeader"_s,
                    u"String"_s,
                    { { u"name"_s, u"String!"_s } },
                    u"The value of one of the request's HTTP headers, or null."_s },
          } },
        { u"Mutation"_s,
          {
                  { u"login"_s,
                    u"User"_s,
                    { { u"username"_s, u"String!"_s }, { u"password"_s, u"String!"_s } },
                    u"Password \"secret\" for any user; sets the qgraphql_session cookie."_s },
                  { u"logout"_s, u"Boolean!"_s, {}, u"Ends the session."_s },
                  { u"postMessage"_s,
                    u"Message!"_s,
                    { { u"text"_s, u"String!"_s } },
                    u"Posts to the feed of the messageAdded subscription."_s },
          } },
        { u"Subscription"_s,
          {
                  { u"clock"_s,
                    u"String!"_s,
                    { { u"intervalMs"_s, u"Int"_s, 1000 } },
                    u"The server time, every intervalMs, until cancelled."_s },
                  { u"countdown"_s,
                    u"Int!"_s,
                    { { u"from"_s, u"Int!"_s }, { u"intervalMs"_s, u"Int"_s, 1000 } },
                    u"from, from-1, ... 0, one every intervalMs, then the stream completes."_s },
                  { u"messageAdded"_s,
                    u"Message!"_s,
                    {},
                    u"Every message postMessage posts, until cancelled."_s },
                  { u"failing"_s,
                    u"Int"_s,
                    { { u"after"_s, u"Int"_s, 1 }, { u"intervalMs"_s, u"Int"_s, 200 } },
                    u"Counts 1..after, then ends with a transport-level error "
                    "{\"payload\":null,\"errors\":[...]}."_s },
          } },
        { u"User"_s, { { u"id"_s, u"ID!"_s, {}, {} }, { u"name"_s, u"String!"_s, {}, {} } } },
        { u"Message"_s,
          { { u"id"_s, u"ID!"_s, {}, {} },
            { u"text"_s, u"String!"_s, {}, {} },
            { u"author"_s, u"String!"_s, {}, {} },
            { u"postedAt"_s, u"String!"_s, {}, {} } } },
    };
}

const DemoSchema::ObjectType *DemoSchema::objectType(const QString &name) const
{
    for (const ObjectType &type : m_types) {
        if (type.name == name)
            return &type;
    }
    return nullptr;
}

const DemoSchema::FieldDefinition *DemoSchema::field(const QString &typeName,
                                                     const QString &fieldName) const
{
    const ObjectType *type = objectType(typeName);
    if (!type)
        return nullptr;
    for (const FieldDefinition &definition : type->fields) {
        if (definition.name == fieldName)
            return &definition;
    }
    return nullptr;
}

QString DemoSchema::namedType(const QString &typeReference)
{
    QString name = typeReference;
    name.remove(u'[').remove(u']').remove(u'!');
    return name;
}

QJsonObject DemoSchema::error(const QString &message, const QGraphQLError::Location &location,
                              const QString &code)
{
    QJsonObject error { { u"message"_s, message } };
    if (location.line > 0) {
        error.insert(u"locations"_s,
                     QJsonArray { QJsonObject { { u"line"_s, location.line },
                                                { u"column"_s, location.column } } });
    }
    error.insert(u"extensions"_s, QJsonObject { { u"code"_s, code } });
    return error;
}

QString DemoSchema::checkArgumentValue(const Argument &argument, const QJsonValue &value) const
{
    const QString type = namedType(argument.type);
    const QString shown = QString::fromUtf8(
            QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    if (value.isNull())
        return isNonNull(argument.type)
                ? u"Expected value of type \"%1\", found null."_s.arg(argument.type)
                : QString();
    if (type == "Int"_L1) {
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number || std::abs(number) > 2147483647.0)
            return u"Int cannot represent non-integer value: %1"_s.arg(shown);
    } else if (type == "String"_L1) {
        if (!value.isString())
            return u"String cannot represent a non string value: %1"_s.arg(shown);
    } else if (type == "ID"_L1) {
        if (!value.isString() && !value.isDouble())
            return u"ID cannot represent value: %1"_s.arg(shown);
    } else if (type == "Boolean"_L1) {
        if (!value.isBool())
            return u"Boolean cannot represent a non boolean value: %1"_s.arg(shown);
    }
    return {};
}

QJsonArray DemoSchema::validate(const QString &typeName,
                                QList<QGraphQLDocument::Field> *fields) const
{
    QJsonArray errors;
    const auto fail = [&errors](const QString &message, const QGraphQLError::Location &at) {
        errors.append(error(message, at, u"GRAPHQL_VALIDATION_FAILED"_s));
    };
    for (QGraphQLDocument::Field &field : *fields) {
        if (field.name == "__typename"_L1) {
            if (!field.selections.isEmpty() || !field.arguments.isEmpty())
                fail(u"Field \"__typename\" takes no arguments and no selection."_s,
                     field.location);
            continue;
        }
        // Introspection: __schema and __type(name:) on the query type; what they select is
        // not checked against the introspection types, only shaped.
        if (typeName == "Query"_L1 && (field.name == "__schema"_L1 || field.name == "__type"_L1)) {
            if (field.selections.isEmpty())
                fail(u"Field \"%1\" of type \"%2\" must have a selection of subfields."_s.arg(
                             field.name,
                             field.name == "__schema"_L1 ? u"__Schema!"_s : u"__Type"_s),
                     field.location);
            if (field.name == "__type"_L1 && !field.arguments.value("name"_L1).isString())
                fail(u"Field \"__type\" argument \"name\" of type \"String!\" is required, but "
                     "it was not provided."_s,
                     field.location);
            continue;
        }
        const FieldDefinition *definition = this->field(typeName, field.name);
        if (!definition) {
            fail(u"Cannot query field \"%1\" on type \"%2\"."_s.arg(field.name, typeName),
                 field.location);
            continue;
        }
        for (auto it = field.arguments.constBegin(); it != field.arguments.constEnd(); ++it) {
            const auto known = std::find_if(
                    definition->arguments.cbegin(), definition->arguments.cend(),
                    [&it](const Argument &argument) { return argument.name == it.key(); });
            if (known == definition->arguments.cend()) {
                fail(u"Unknown argument \"%1\" on field \"%2.%3\"."_s.arg(it.key(), typeName,
                                                                          field.name),
                     field.location);
            } else if (const QString problem = checkArgumentValue(*known, it.value());
                       !problem.isEmpty()) {
                fail(u"Argument \"%1\" has invalid value: %2"_s.arg(it.key(), problem),
                     field.location);
            }
        }
        for (const Argument &argument : definition->arguments) {
            if (field.arguments.contains(argument.name))
                continue;
            if (!argument.defaultValue.isUndefined())
                field.arguments.insert(argument.name, argument.defaultValue);
            else if (isNonNull(argument.type))
                fail(u"Field \"%1\" argument \"%2\" of type \"%3\" is required, but it was not "
                     "provided."_s.arg(field.name, argument.name, argument.type),
                     field.location);
        }
        const QString fieldType = namedType(definition->type);
        if (objectType(fieldType)) {
            if (field.selections.isEmpty())
                fail(u"Field \"%1\" of type \"%2\" must have a selection of subfields. Did you "
                     "mean \"%1 { ... }\"?"_s.arg(field.name, definition->type),
                     field.location);
            else
                for (const QJsonValue &nested : validate(fieldType, &field.selections))
                    errors.append(nested);
        } else if (!field.selections.isEmpty()) {
            fail(u"Field \"%1\" must not have a selection since type \"%2\" has no subfields."_s
                         .arg(field.name, definition->type),
                 field.location);
        }
    }
    return errors;
}

QJsonValue DemoSchema::project(const QJsonValue &value, const QString &typeReference,
                               const QList<QGraphQLDocument::Field> &selections) const
{
    if (value.isNull() || value.isUndefined() || selections.isEmpty())
        return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
    if (value.isArray()) {
        QJsonArray items;
        for (const QJsonValue &item : value.toArray())
            items.append(project(item, typeReference, selections));
        return items;
    }
    const QString typeName = namedType(typeReference);
    const QJsonObject object = value.toObject();
    QJsonObject shaped;
    for (const QGraphQLDocument::Field &selection : selections) {
        if (selection.name == "__typename"_L1) {
            // Introspection objects carry their type's name (they have no FieldDefinition).
            shaped.insert(selection.responseKey(),
                          typeName.isEmpty() ? object.value("__typename"_L1).toString() : typeName);
            continue;
        }
        const FieldDefinition *definition = field(typeName, selection.name);
        shaped.insert(selection.responseKey(),
                      project(object.value(selection.name),
                              definition ? definition->type : QString(), selection.selections));
    }
    return shaped;
}

QString DemoSchema::sdl() const
{
    QString text;
    for (const ObjectType &type : m_types) {
        text += u"type %1 {\n"_s.arg(type.name);
        for (const FieldDefinition &field : type.fields) {
            if (!field.description.isEmpty())
                text += u"  \"%1\"\n"_s.arg(QString(field.description).replace(u"\""_s, u"\\\""_s));
            text += u"  "_s + field.name;
            if (!field.arguments.isEmpty()) {
                QStringList arguments;
                for (const Argument &argument : field.arguments) {
                    QString declaration = argument.name + u": "_s + argument.type;
                    if (!argument.defaultValue.isUndefined()) {
                        declaration += u" = "_s
                                + QString::fromUtf8(
                                               QJsonDocument(QJsonArray { argument.defaultValue })
                                                       .toJson(QJsonDocument::Compact)
                                                       .mid(1)
                                                       .chopped(1));
                    }
                    arguments.append(declaration);
                }
                text += u"("_s + arguments.join(u", "_s) + u")"_s;
            }
            text += u": "_s + field.type + u"\n"_s;
        }
        text += u"}\n\n"_s;
    }
    return text;
}

namespace {

const QStringList BuiltInScalars { u"String"_s, u"Int"_s, u"Boolean"_s, u"ID"_s };

// A default value in GraphQL syntax, as introspection's defaultValue gives it.
QString graphQLLiteral(const QJsonValue &value)
{
    // JSON's strings, numbers, booleans and null are GraphQL literals too.
    return QString::fromUtf8(
            QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

QJsonObject builtInScalar(const QString &name)
{
    return { { u"__typename"_s, u"__Type"_s },
             { u"kind"_s, u"SCALAR"_s },
             { u"name"_s, name },
             { u"description"_s, QJsonValue::Null },
             { u"specifiedByURL"_s, QJsonValue::Null },
             { u"fields"_s, QJsonValue::Null },
             { u"inputFields"_s, QJsonValue::Null },
             { u"interfaces"_s, QJsonValue::Null },
             { u"enumValues"_s, QJsonValue::Null },
             { u"possibleTypes"_s, QJsonValue::Null },
             { u"isOneOf"_s, QJsonValue::Null },
             { u"ofType"_s, QJsonValue::Null } };
}

} // namespace

QJsonObject DemoSchema::typeReference(const QString &reference) const
{
    if (reference.endsWith(u'!'))
        return { { u"__typename"_s, u"__Type"_s },
                 { u"kind"_s, u"NON_NULL"_s },
                 { u"name"_s, QJsonValue::Null },
                 { u"ofType"_s, typeReference(reference.chopped(1)) } };
    if (reference.startsWith(u'['))
        return { { u"__typename"_s, u"__Type"_s },
                 { u"kind"_s, u"LIST"_s },
                 { u"name"_s, QJsonValue::Null },
                 { u"ofType"_s, typeReference(reference.mid(1).chopped(1)) } };
    return objectType(reference) ? introspectType(reference).toObject() : builtInScalar(reference);
}

QJsonObject DemoSchema::inputValue(const Argument &argument) const
{
    return { { u"__typename"_s, u"__InputValue"_s },
             { u"name"_s, argument.name },
             { u"description"_s, QJsonValue::Null },
             { u"type"_s, typeReference(argument.type) },
             { u"defaultValue"_s,
               argument.defaultValue.isUndefined()
                       ? QJsonValue(QJsonValue::Null)
                       : QJsonValue(graphQLLiteral(argument.defaultValue)) },
             { u"isDeprecated"_s, false },
             { u"deprecationReason"_s, QJsonValue::Null } };
}

QJsonValue DemoSchema::introspectType(const QString &name) const
{
    if (BuiltInScalars.contains(name))
        return builtInScalar(name);
    const ObjectType *type = objectType(name);
    if (!type)
        return QJsonValue::Null;
    QJsonArray fields;
    for (const FieldDefinition &field : type->fields) {
        QJsonArray arguments;
        for (const Argument &argument : field.arguments)
            arguments.append(inputValue(argument));
        // The demo's types do not refer to each other in cycles: full type objects are finite.
        const QJsonObject fieldType = typeReference(field.type);
        fields.append(QJsonObject { { u"__typename"_s, u"__Field"_s },
                                    { u"name"_s, field.name },
                                    { u"description"_s,
                                      field.description.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                  : QJsonValue(field.description) },
                                    { u"args"_s, arguments },
                                    { u"type"_s, fieldType },
                                    { u"isDeprecated"_s, false },
                                    { u"deprecationReason"_s, QJsonValue::Null } });
    }
    QJsonObject object = builtInScalar(name);
    object.insert(u"kind"_s, u"OBJECT"_s);
    object.insert(u"fields"_s, fields);
    object.insert(u"interfaces"_s, QJsonArray());
    return object;
}

QJsonObject DemoSchema::introspection() const
{
    QJsonArray types;
    for (const ObjectType &type : m_types)
        types.append(introspectType(type.name));
    for (const QString &scalar : BuiltInScalars)
        types.append(builtInScalar(scalar));

    const auto argument = [this](const QString &name, const QString &type,
                                 const QJsonValue &defaultValue = QJsonValue::Undefined) {
        return inputValue(Argument { name, type, defaultValue });
    };
    const auto directive = [](const QString &name, const QString &description,
                              const QStringList &locations, const QJsonArray &args) {
        return QJsonObject { { u"__typename"_s, u"__Directive"_s },
                             { u"name"_s, name },
                             { u"description"_s, description },
                             { u"isRepeatable"_s, false },
                             { u"locations"_s, QJsonArray::fromStringList(locations) },
                             { u"args"_s, args } };
    };
    const QStringList fieldLocations { u"FIELD"_s, u"FRAGMENT_SPREAD"_s, u"INLINE_FRAGMENT"_s };
    const QJsonArray directives {
        directive(u"include"_s,
                  u"Directs the executor to include this field or fragment only when the `if` "
                  "argument is true."_s,
                  fieldLocations, { argument(u"if"_s, u"Boolean!"_s) }),
        directive(u"skip"_s,
                  u"Directs the executor to skip this field or fragment when the `if` argument "
                  "is true."_s,
                  fieldLocations, { argument(u"if"_s, u"Boolean!"_s) }),
        directive(u"deprecated"_s,
                  u"Marks an element of a GraphQL schema as no longer supported."_s,
                  { u"FIELD_DEFINITION"_s, u"ARGUMENT_DEFINITION"_s, u"INPUT_FIELD_DEFINITION"_s,
                    u"ENUM_VALUE"_s },
                  { argument(u"reason"_s, u"String"_s, u"No longer supported"_s) }),
        directive(u"specifiedBy"_s, u"Exposes a URL that specifies the behavior of this scalar."_s,
                  { u"SCALAR"_s }, { argument(u"url"_s, u"String!"_s) }),
    };
    const auto root = [](const QString &name) {
        return QJsonObject { { u"__typename"_s, u"__Type"_s },
                             { u"kind"_s, u"OBJECT"_s },
                             { u"name"_s, name } };
    };
    return { { u"__typename"_s, u"__Schema"_s },
             { u"description"_s, QJsonValue::Null },
             { u"queryType"_s, root(u"Query"_s) },
             { u"mutationType"_s, root(u"Mutation"_s) },
             { u"subscriptionType"_s, root(u"Subscription"_s) },
             { u"types"_s, types },
             { u"directives"_s, directives } };
}
