// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef GRAPHQLEXECUTOR_H
#define GRAPHQLEXECUTOR_H

#include "demoschema.h"

#include <QGraphQL/qgraphqldocument.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonobject.h>

class DemoService;
class EventStream;
struct RequestContext;

//! Parses, validates and runs GraphQL operations against the demo's schema and service. The
//! HTTP endpoint and the WebSocket sessions share it; each writes the results in its own
//! framing. Errors are GraphQL error objects, ready for an "errors" array.
class GraphQLExecutor
{
public:
    struct Request
    {
        QString query;
        QString operationName;
        QJsonObject variables;
    };

    struct Operation
    {
        QGraphQLDocument document;
        int index = -1;
        QGraphQLDocument::Operation definition;
        QList<QGraphQLDocument::Field> fields; //!< filled in by validate()

        QString rootType() const;
    };

    explicit GraphQLExecutor(DemoService *service) : m_service(service) { }

    const DemoSchema &schema() const { return m_schema; }
    DemoService *service() const { return m_service; }

    //! Parses the document and picks the operation (GRAPHQL_PARSE_FAILED or
    //! GRAPHQL_VALIDATION_FAILED errors when it cannot).
    QJsonArray parse(const Request &request, Operation *operation) const;
    //! Selects the operation's fields with the request's variables and checks them against the
    //! schema; a subscription selects exactly one root field.
    QJsonArray validate(const Request &request, Operation *operation) const;

    //! Runs a validated query or mutation: {"data": …, "errors": […]}.
    QJsonObject execute(const Operation &operation, RequestContext *context);
    //! The source stream of a validated subscription, or nullptr when it cannot start, with the
    //! result that says why in *errorResult.
    EventStream *subscribe(const Operation &operation, const RequestContext &context,
                           QJsonObject *errorResult);
    //! One event of a subscription as a result: {"data": {"field": …}}.
    QJsonObject eventResult(const Operation &operation, const QJsonValue &value) const;
    //! The errors of a source stream that failed after it started.
    static QJsonArray streamFailure(const QString &message);

private:
    DemoService *m_service;
    DemoSchema m_schema;
};

#endif // GRAPHQLEXECUTOR_H
