// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "websocketsession.h"

#include "demoservice.h"
#include "eventstream.h"
#include "graphqlexecutor.h"

#include <QtCore/qjsondocument.h>
#include <QtNetwork/qnetworkrequest.h>
#include <QtWebSockets/qwebsocket.h>

using namespace Qt::StringLiterals;

namespace {

QJsonObject message(const QString &type, const QString &id = {})
{
    QJsonObject object { { u"type"_s, type } };
    if (!id.isEmpty())
        object.insert(u"id"_s, id);
    return object;
}

// An optional member: absent or null, else of the given type.
bool isOptional(const QJsonValue &value, QJsonValue::Type type)
{
    return value.isUndefined() || value.isNull() || value.type() == type;
}

} // namespace

WebSocketSession::WebSocketSession(QWebSocket *socket, GraphQLExecutor *executor,
                                   int connectionInitTimeoutMs, QObject *parent)
    : QObject(parent), m_socket(socket), m_executor(executor)
{
    socket->setParent(this);
    // The HTTP endpoint's limit on a request body holds for a message too (1009 above it).
    socket->setMaxAllowedIncomingMessageSize(HttpConnection::MaxBodyBytes);
    const QNetworkRequest request = socket->request();
    m_handshake.method = "GET";
    m_handshake.target = request.url().path(QUrl::FullyEncoded).toUtf8();
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        m_handshake.headers.append({ name.toLower(), request.rawHeader(name) });

    connect(socket, &QWebSocket::textMessageReceived, this, &WebSocketSession::receive);
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this] { close(4400, u"Binary messages are not supported"_s); });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        const QList<QString> ids = m_subscriptions.keys();
        for (const QString &id : ids)
            stop(id);
        deleteLater();
    });

    if (socket->subprotocol() != QLatin1String(Subprotocol)) {
        close(4406, u"Subprotocol not acceptable"_s);
        return;
    }
    m_initTimeout.setSingleShot(true);
    connect(&m_initTimeout, &QTimer::timeout, this,
            [this] { close(4408, u"Connection initialisation timeout"_s); });
    m_initTimeout.start(connectionInitTimeoutMs);
}

void WebSocketSession::receive(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    const QJsonObject object = document.object();
    const QString type = object.value("type"_L1).toString();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || type.isEmpty())
        return close(4400, u"Invalid message received"_s);

    const QJsonValue payload = object.value("payload"_L1);
    if (type == "connection_init"_L1) {
        if (!isOptional(payload, QJsonValue::Object))
            return close(4400, u"Invalid message received"_s);
        return initialise(payload);
    }
    if (type == "ping"_L1 || type == "pong"_L1) {
        if (!isOptional(payload, QJsonValue::Object))
            return close(4400, u"Invalid message received"_s);
        if (type == "pong"_L1)
            return;
        QJsonObject pong = message(u"pong"_s);
        if (payload.isObject())
            pong.insert(u"payload"_s, payload);
        return send(pong);
    }
    const QString id = object.value("id"_L1).toString();
    if (type == "subscribe"_L1) {
        if (id.isEmpty() || !payload.isObject())
            return close(4400, u"Invalid message received"_s);
        if (!m_acknowledged)
            return close(4401, u"Unauthorized"_s);
        if (m_subscriptions.contains(id))
            return close(4409, u"Subscriber for %1 already exists"_s.arg(id));
        return subscribe(id, payload.toObject());
    }
    if (type == "complete"_L1) {
        if (id.isEmpty())
            return close(4400, u"Invalid message received"_s);
        return stop(id); // an id that already ended is not an error
    }
    close(4400, u"Unexpected message of type %1 received"_s.arg(type));
}

void WebSocketSession::initialise(const QJsonValue &payload)
{
    if (m_initReceived)
        return close(4429, u"Too many initialisation requests"_s);
    m_initReceived = true;
    m_initTimeout.stop();
    // The demo's rejection, for clients to show how they report a refused connection.
    if (payload.toObject().value("token"_L1).toString() == "bad"_L1)
        return close(4403, u"Forbidden"_s);
    m_acknowledged = true;
    send(message(u"connection_ack"_s));
}

void WebSocketSession::subscribe(const QString &id, const QJsonObject &payload)
{
    const QJsonValue query = payload.value("query"_L1);
    const QJsonValue operationName = payload.value("operationName"_L1);
    const QJsonValue variables = payload.value("variables"_L1);
    if (!query.isString() || !isOptional(operationName, QJsonValue::String)
        || !isOptional(variables, QJsonValue::Object)) {
        return close(4400, u"Invalid message received"_s);
    }
    const GraphQLExecutor::Request request { query.toString(), operationName.toString(),
                                             variables.toObject() };
    const auto next = [id](const QJsonObject &result) {
        QJsonObject object = message(u"next"_s, id);
        object.insert(u"payload"_s, result);
        return object;
    };
    const auto error = [id](const QJsonArray &errors) {
        QJsonObject object = message(u"error"_s, id);
        object.insert(u"payload"_s, errors);
        return object;
    };

    GraphQLExecutor::Operation operation;
    QJsonArray errors = m_executor->parse(request, &operation);
    if (errors.isEmpty())
        errors = m_executor->validate(request, &operation);
    if (!errors.isEmpty())
        return send(error(errors));

    RequestContext context { m_handshake, {}, {} };
    m_executor->service()->authenticate(&context);
    if (operation.definition.type != QGraphQLDocument::Subscription) {
        send(next(m_executor->execute(operation, &context)));
        return send(message(u"complete"_s, id));
    }
    QJsonObject errorResult;
    EventStream *events = m_executor->subscribe(operation, context, &errorResult);
    if (!events) {
        send(next(errorResult));
        return send(message(u"complete"_s, id));
    }
    events->setParent(this);
    m_subscriptions.insert(id, events);
    connect(events, &EventStream::next, this, [this, next, operation](const QJsonValue &value) {
        send(next(m_executor->eventResult(operation, value)));
    });
    connect(events, &EventStream::completed, this, [this, id] {
        stop(id);
        send(message(u"complete"_s, id));
    });
    connect(events, &EventStream::failed, this, [this, id, error](const QString &reason) {
        stop(id);
        send(error(GraphQLExecutor::streamFailure(reason)));
    });
    events->start();
}

void WebSocketSession::stop(const QString &id)
{
    EventStream *events = m_subscriptions.take(id);
    if (!events)
        return;
    events->disconnect(this);
    events->deleteLater(); // it may be emitting right now
}

void WebSocketSession::send(const QJsonObject &message)
{
    m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WebSocketSession::close(int code, const QString &reason)
{
    m_initTimeout.stop();
    const QList<QString> ids = m_subscriptions.keys();
    for (const QString &id : ids)
        stop(id);
    // The protocol's codes are 4400-4499, outside Qt's enumeration of RFC 6455 codes.
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}
