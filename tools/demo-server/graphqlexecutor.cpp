// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "graphqlexecutor.h"

#include "demoservice.h"
#include "eventstream.h"

using namespace Qt::StringLiterals;

namespace {

const auto ParseFailed = u"GRAPHQL_PARSE_FAILED"_s;
const auto ValidationFailed = u"GRAPHQL_VALIDATION_FAILED"_s;

QJsonArray validationError(const QString &message)
{
    return { DemoSchema::error(message, {}, ValidationFailed) };
}

} // namespace

QString GraphQLExecutor::Operation::rootType() const
{
    switch (definition.type) {
    case QGraphQLDocument::Query:
        return u"Query"_s;
    case QGraphQLDocument::Mutation:
        return u"Mutation"_s;
    case QGraphQLDocument::Subscription:
        return u"Subscription"_s;
    }
    return {};
}

QJsonArray GraphQLExecutor::parse(const Request &request, Operation *operation) const
{
    operation->document = QGraphQLDocument::parse(request.query);
    const QGraphQLDocument &document = operation->document;
    if (!document.isValid()) {
        return { DemoSchema::error(document.errorString(), document.errorLocation(), ParseFailed) };
    }
    QString error;
    operation->index = document.findOperation(request.operationName, &error);
    if (operation->index < 0)
        return validationError(error);
    operation->definition = document.operations().at(operation->index);
    return {};
}

QJsonArray GraphQLExecutor::validate(const Request &request, Operation *operation) const
{
    QString error;
    operation->fields
            = operation->document.selectedFields(operation->index, request.variables, &error);
    if (!error.isEmpty())
        return validationError(error);
    QJsonArray errors = m_schema.validate(operation->rootType(), &operation->fields);
    const QGraphQLDocument::Operation &definition = operation->definition;
    if (definition.type == QGraphQLDocument::Subscription && operation->fields.size() != 1) {
        const QString subject = definition.name.isEmpty()
                ? u"Anonymous Subscription"_s
                : u"Subscription \"%1\""_s.arg(definition.name);
        errors.append(DemoSchema::error(subject + u" must select only one top level field."_s,
                                        definition.location, ValidationFailed));
    }
    return errors;
}

QJsonObject GraphQLExecutor::execute(const Operation &operation, RequestContext *context)
{
    const QString rootType = operation.rootType();
    QJsonObject data;
    QJsonArray errors;
    bool nullData = false; // a non-null root field failed: null propagates to data
    for (const QGraphQLDocument::Field &field : operation.fields) {
        const bool introspection = field.name == "__schema"_L1 || field.name == "__type"_L1;
        const DemoService::FieldResult result = field.name == "__schema"_L1
                ? DemoService::FieldResult::of(m_schema.introspection())
                : field.name == "__type"_L1 ? DemoService::FieldResult::of(
                          m_schema.introspectType(field.arguments.value("name"_L1).toString()))
                                            : m_service->resolve(rootType, field, context);
        const DemoSchema::FieldDefinition *definition = m_schema.field(rootType, field.name);
        // Introspection values carry their own __typename: no type name for project().
        const QString type = definition ? definition->type
                : introspection         ? QString()
                                        : u"String!"_s;
        if (!result.errorMessage.isEmpty()) {
            QJsonObject error
                    = DemoSchema::error(result.errorMessage, field.location, result.errorCode);
            error.insert(u"path"_s, QJsonArray { field.responseKey() });
            errors.append(error);
            nullData = nullData || DemoSchema::isNonNull(type);
        }
        data.insert(field.responseKey(), m_schema.project(result.value, type, field.selections));
    }
    QJsonObject response { { u"data"_s, nullData ? QJsonValue(QJsonValue::Null) : data } };
    if (!errors.isEmpty())
        response.insert(u"errors"_s, errors);
    return response;
}

EventStream *GraphQLExecutor::subscribe(const Operation &operation, const RequestContext &context,
                                        QJsonObject *errorResult)
{
    const QGraphQLDocument::Field &field = operation.fields.first();
    QString error;
    EventStream *events = m_service->subscribe(field, context, &error);
    if (!events) {
        // A source stream that cannot start is one result, as graphql-js subscribe() returns
        // it and servers forward it.
        QJsonObject fieldError = DemoSchema::error(error, field.location, u"BAD_USER_INPUT"_s);
        fieldError.insert(u"path"_s, QJsonArray { field.responseKey() });
        *errorResult = QJsonObject { { u"errors"_s, QJsonArray { fieldError } } };
    }
    return events;
}

QJsonObject GraphQLExecutor::eventResult(const Operation &operation, const QJsonValue &value) const
{
    const QGraphQLDocument::Field &field = operation.fields.first();
    const DemoSchema::FieldDefinition *definition = m_schema.field(u"Subscription"_s, field.name);
    const QString type = definition ? definition->type : QString();
    return QJsonObject {
        { u"data"_s,
          QJsonObject { { field.responseKey(), m_schema.project(value, type, field.selections) } } }
    };
}

QJsonArray GraphQLExecutor::streamFailure(const QString &message)
{
    return { QJsonObject {
            { u"message"_s, message },
            { u"extensions"_s, QJsonObject { { u"code"_s, u"DEMO_STREAM_FAILED"_s } } } } };
}
