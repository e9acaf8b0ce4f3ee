// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "graphqlendpoint.h"

#include "acceptheader.h"
#include "demoservice.h"
#include "eventstream.h"
#include "multipartsubscriptionwriter.h"
#include "ssesubscriptionwriter.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qurl.h>
#include <QtCore/qurlquery.h>

using namespace Qt::StringLiterals;

namespace {

constexpr char JsonContentType[] = "application/json";
const auto BadRequest = u"BAD_REQUEST"_s;

const QString AcceptMessage
        = u"'accept' header must be one of: \"*/*\", \"application/json\", "
          "\"application/graphql-response+json\" or \"multipart/mixed;subscriptionSpec=1.0\""_s;

QJsonObject jsonObjectFromText(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"\"variables\" must be a JSON object"_s;
        return {};
    }
    return document.object();
}

} // namespace

GraphQLEndpoint::GraphQLEndpoint(GraphQLExecutor *executor, int heartbeatIntervalMs,
                                 QObject *parent)
    : QObject(parent), m_executor(executor), m_heartbeatIntervalMs(heartbeatIntervalMs)
{ }

void GraphQLEndpoint::respondErrors(HttpConnection *connection, int status,
                                    const QJsonArray &errors, const HttpHeaders &headers)
{
    connection->respond(
            status, JsonContentType,
            QJsonDocument(QJsonObject { { u"errors"_s, errors } }).toJson(QJsonDocument::Compact),
            headers);
}

void GraphQLEndpoint::respondError(HttpConnection *connection, int status, const QString &message,
                                   const QString &code)
{
    respondErrors(connection, status, QJsonArray { DemoSchema::error(message, {}, code) });
}

void GraphQLEndpoint::handle(HttpConnection *connection, const HttpRequest &request)
{
    const QUrl url = QUrl::fromEncoded(request.target);
    const QString path = url.path();
    if (path == "/"_L1 || path == "/schema.graphql"_L1) {
        if (request.method != "GET")
            return respondError(connection, 405, u"Use GET for %1"_s.arg(path), BadRequest);
        QString page = u"# QGraphQL demo server. Send GraphQL requests to /graphql.\n"
                       "# Subscriptions use Apollo's multipart protocol "
                       "(Accept: multipart/mixed;subscriptionSpec=1.0).\n"_s;
#ifdef QGRAPHQL_DEMO_WEBSOCKETS
        page += u"# GraphQL over WebSocket (subprotocol graphql-transport-ws): ws://%1/graphql\n"_s
                        .arg(QString::fromLatin1(request.header("host")));
#endif
        page += u"\n"_s + m_executor->schema().sdl();
        return connection->respond(200, "text/plain; charset=utf-8", page.toUtf8());
    }
    if (path != "/graphql"_L1) {
        return respondError(connection, 404,
                            u"Not found: %1 (the endpoint is /graphql)"_s.arg(path),
                            u"NOT_FOUND"_s);
    }

    GraphQLExecutor::Request parameters;
    if (request.method == "GET") {
        const QUrlQuery query(url);
        parameters.query = query.queryItemValue(u"query"_s, QUrl::FullyDecoded);
        parameters.operationName = query.queryItemValue(u"operationName"_s, QUrl::FullyDecoded);
        const QString variables = query.queryItemValue(u"variables"_s, QUrl::FullyDecoded);
        if (!variables.isEmpty()) {
            QString error;
            parameters.variables = jsonObjectFromText(variables, &error);
            if (!error.isEmpty())
                return respondError(connection, 400, error, BadRequest);
        }
    } else if (request.method == "POST") {
        const QByteArray contentType = request.header("content-type").toLower();
        if (!contentType.startsWith("application/json")) {
            return respondError(connection, 415,
                                u"'content-type' header must be one of: \"application/json\""_s,
                                u"INVALID_CONTENT_TYPE_HEADER"_s);
        }
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !body.isObject()) {
            return respondError(connection, 400,
                                parseError.error != QJsonParseError::NoError
                                        ? u"Invalid JSON in the request body: %1 at offset %2"_s
                                                  .arg(parseError.errorString())
                                                  .arg(parseError.offset)
                                        : u"The request body must be a JSON object"_s,
                                BadRequest);
        }
        const QJsonObject object = body.object();
        const QJsonValue variables = object.value("variables"_L1);
        if (!object.value("query"_L1).isString())
            return respondError(connection, 400, u"Must provide query string."_s, BadRequest);
        if (!variables.isUndefined() && !variables.isNull() && !variables.isObject())
            return respondError(connection, 400, u"\"variables\" must be a JSON object"_s,
                                BadRequest);
        const QJsonValue operationName = object.value("operationName"_L1);
        if (!operationName.isUndefined() && !operationName.isNull() && !operationName.isString())
            return respondError(connection, 400, u"\"operationName\" must be a string"_s,
                                BadRequest);
        parameters.query = object.value("query"_L1).toString();
        parameters.operationName = operationName.toString();
        parameters.variables = variables.toObject();
    } else {
        return respondError(connection, 405, u"Use POST (or GET for queries)"_s, BadRequest);
    }
    handleGraphQL(connection, request, parameters);
}

void GraphQLEndpoint::handleGraphQL(HttpConnection *connection, const HttpRequest &request,
                                    const GraphQLExecutor::Request &parameters)
{
    const AcceptHeader accept = AcceptHeader::parse(request.header("accept"));
    if (!accept.json && !accept.multipartSubscription && !accept.eventStream)
        return respondError(connection, 406, AcceptMessage, u"INVALID_ACCEPT_HEADER"_s);
    if (parameters.query.trimmed().isEmpty())
        return respondError(connection, 400, u"Must provide query string."_s, BadRequest);

    GraphQLExecutor::Operation operation;
    QJsonArray errors = m_executor->parse(parameters, &operation);
    if (!errors.isEmpty())
        return respondErrors(connection, 400, errors);
    const QGraphQLDocument::OperationType type = operation.definition.type;
    if (type == QGraphQLDocument::Mutation && request.method == "GET")
        return respondError(connection, 405, u"Mutations cannot be sent with GET; use POST"_s,
                            BadRequest);
    if (type == QGraphQLDocument::Subscription && !accept.multipartSubscription
        && !accept.eventStream) {
        return respondError(
                connection, 406,
                u"Subscriptions are answered with a multipart stream. To enable subscription "
                "support, add the HTTP header 'Accept: multipart/mixed;subscriptionSpec=1.0'"_s,
                u"INVALID_ACCEPT_HEADER"_s);
    }
    if (type != QGraphQLDocument::Subscription && !accept.json)
        return respondError(connection, 406, AcceptMessage, u"INVALID_ACCEPT_HEADER"_s);

    errors = m_executor->validate(parameters, &operation);
    if (!errors.isEmpty())
        return respondErrors(connection, 400, errors);

    RequestContext context { request, {}, {} };
    m_executor->service()->authenticate(&context);
    if (type == QGraphQLDocument::Subscription)
        return subscribe(connection, accept, context, operation);
    const QJsonObject response = m_executor->execute(operation, &context);
    // The media type the client asked for; plain JSON when it accepts that.
    const QByteArray contentType
            = accept.plainJson ? JsonContentType : "application/graphql-response+json";
    connection->respond(200, contentType, QJsonDocument(response).toJson(QJsonDocument::Compact),
                        context.responseHeaders);
}

namespace {

// Feeds a subscription's events to a writer (multipart or SSE: the same four calls).
template<typename Writer>
void stream(Writer *writer, EventStream *events,
            const std::function<QJsonObject(const QJsonValue &)> &shape)
{
    events->setParent(writer);
    QObject::connect(events, &EventStream::next, writer, [writer, shape](const QJsonValue &value) {
        writer->writePayload(shape(value));
    });
    QObject::connect(events, &EventStream::completed, writer, [writer] {
        writer->close();
        writer->deleteLater();
    });
    QObject::connect(events, &EventStream::failed, writer, [writer](const QString &message) {
        writer->writeFatalErrors(GraphQLExecutor::streamFailure(message));
        writer->deleteLater();
    });
    writer->begin();
    events->start();
}

} // namespace

void GraphQLEndpoint::subscribe(HttpConnection *connection, const AcceptHeader &accept,
                                const RequestContext &context,
                                const GraphQLExecutor::Operation &operation)
{
    QJsonObject errorResult;
    EventStream *events = m_executor->subscribe(operation, context, &errorResult);
    if (!events) {
        return connection->respond(200, JsonContentType,
                                   QJsonDocument(errorResult).toJson(QJsonDocument::Compact));
    }
    const auto shape = [executor = m_executor, operation](const QJsonValue &value) {
        return executor->eventResult(operation, value);
    };
    // The writer lives with the connection: a client that goes away ends the stream.
    if (accept.preferEventStream)
        stream(new SseSubscriptionWriter(connection, m_heartbeatIntervalMs, connection), events,
               shape);
    else
        stream(new MultipartSubscriptionWriter(connection, m_heartbeatIntervalMs, connection),
               events, shape);
}
