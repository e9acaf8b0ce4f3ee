// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef GRAPHQLENDPOINT_H
#define GRAPHQLENDPOINT_H

#include "demoschema.h"
#include "httpconnection.h"

#include <QtCore/qobject.h>

class DemoService;
struct AcceptHeader;
struct RequestContext;

//! Answers HTTP requests as a GraphQL-over-HTTP server with Apollo Router's behaviour:
//! POST /graphql with a JSON body (GET with query parameters for queries), Accept
//! negotiation, 4xx with GraphQL errors for requests it cannot run, plain JSON for queries
//! and mutations, and multipart streams for subscriptions (GraphQL over SSE when Accept prefers
//! text/event-stream). Introspection (__schema, __type) is answered. GET / describes the schema.
class GraphQLEndpoint : public QObject
{
    Q_OBJECT
public:
    GraphQLEndpoint(DemoService *service, int heartbeatIntervalMs, QObject *parent = nullptr);

    void handle(HttpConnection *connection, const HttpRequest &request);

    const DemoSchema &schema() const { return m_schema; }

private:
    struct GraphQLParameters
    {
        QString query;
        QString operationName;
        QJsonObject variables;
    };

    void handleGraphQL(HttpConnection *connection, const HttpRequest &request,
                       const GraphQLParameters &parameters);
    void execute(HttpConnection *connection, const AcceptHeader &accept, RequestContext *context,
                 const QString &rootType, QList<QGraphQLDocument::Field> fields);
    void subscribe(HttpConnection *connection, const AcceptHeader &accept, RequestContext *context,
                   const QGraphQLDocument::Field &field);
    static void respondErrors(HttpConnection *connection, int status, const QJsonArray &errors,
                              const HttpHeaders &headers = {});
    static void respondError(HttpConnection *connection, int status, const QString &message,
                             const QString &code);

    DemoService *m_service;
    DemoSchema m_schema;
    int m_heartbeatIntervalMs;
};

#endif // GRAPHQLENDPOINT_H
