// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef GRAPHQLENDPOINT_H
#define GRAPHQLENDPOINT_H

#include "graphqlexecutor.h"
#include "httpconnection.h"

#include <QtCore/qobject.h>

struct AcceptHeader;

//! Answers HTTP requests as a GraphQL-over-HTTP server with Apollo Router's behaviour:
//! POST /graphql with a JSON body (GET with query parameters for queries), Accept
//! negotiation, 4xx with GraphQL errors for requests it cannot run, plain JSON for queries
//! and mutations, and multipart streams for subscriptions (GraphQL over SSE when Accept prefers
//! text/event-stream). Introspection (__schema, __type) is answered. GET / describes the schema.
//! The operations run through the GraphQLExecutor that the WebSocket sessions share.
class GraphQLEndpoint : public QObject
{
    Q_OBJECT
public:
    GraphQLEndpoint(GraphQLExecutor *executor, int heartbeatIntervalMs, QObject *parent = nullptr);

    void handle(HttpConnection *connection, const HttpRequest &request);

private:
    void handleGraphQL(HttpConnection *connection, const HttpRequest &request,
                       const GraphQLExecutor::Request &parameters);
    void subscribe(HttpConnection *connection, const AcceptHeader &accept,
                   const RequestContext &context, const GraphQLExecutor::Operation &operation);
    static void respondErrors(HttpConnection *connection, int status, const QJsonArray &errors,
                              const HttpHeaders &headers = {});
    static void respondError(HttpConnection *connection, int status, const QString &message,
                             const QString &code);

    GraphQLExecutor *m_executor;
    int m_heartbeatIntervalMs;
};

#endif // GRAPHQLENDPOINT_H
