// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqloperationbase_p.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonobject.h>
#include <QtQml/qjsengine.h>

using namespace Qt::StringLiterals;

namespace {
// deleteLater: the operation may be dropped from inside one of its own signals.
void deleteOperation(QGraphQLOperation *operation)
{
    if (!operation)
        return;
    QObject::disconnect(operation, nullptr, nullptr, nullptr);
    operation->deleteLater();
    operation->cancel();
}
} // namespace

QQmlGraphQLOperationBase::QQmlGraphQLOperationBase(QObject *parent) : QObject(parent) { }

QQmlGraphQLOperationBase::~QQmlGraphQLOperationBase() = default;

void QQmlGraphQLOperationBase::setTransport(QGraphQLTransport *transport)
{
    if (m_transport == transport)
        return;
    m_transport = transport;
    Q_EMIT transportChanged();
    if (m_complete)
        requestChanged();
}

void QQmlGraphQLOperationBase::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    if (m_complete)
        requestChanged();
}

void QQmlGraphQLOperationBase::setVariables(const QVariantMap &variables)
{
    if (m_variables == variables)
        return;
    m_variables = variables;
    Q_EMIT variablesChanged();
    if (m_complete)
        requestChanged();
}

void QQmlGraphQLOperationBase::setOperationName(const QString &name)
{
    if (m_operationName == name)
        return;
    m_operationName = name;
    Q_EMIT operationNameChanged();
    if (m_complete)
        requestChanged();
}

void QQmlGraphQLOperationBase::componentComplete()
{
    m_complete = true;
}

std::optional<QGraphQLRequest> QQmlGraphQLOperationBase::prepareRequest()
{
    if (!m_transport) {
        setErrorString(u"No transport: set the transport property to an HttpTransport"_s);
        return std::nullopt;
    }
    if (m_query.trimmed().isEmpty()) {
        setErrorString(u"No query: set the query property"_s);
        return std::nullopt;
    }
    return QGraphQLRequest(m_query, QJsonObject::fromVariantMap(m_variables), m_operationName);
}

QGraphQLReply *QQmlGraphQLOperationBase::startReply()
{
    const std::optional<QGraphQLRequest> request = prepareRequest();
    if (!request)
        return nullptr;
    QGraphQLReply *reply = m_transport->execute(*request);
    m_operations.emplace_back(reply, &deleteOperation);
    return reply;
}

QGraphQLSubscription *QQmlGraphQLOperationBase::startSubscription()
{
    dropOperation();
    const std::optional<QGraphQLRequest> request = prepareRequest();
    if (!request)
        return nullptr;
    QGraphQLSubscription *subscription = m_transport->subscribe(*request);
    m_operations.emplace_back(subscription, &deleteOperation);
    return subscription;
}

QList<QGraphQLOperation *> QQmlGraphQLOperationBase::runningOperations() const
{
    QList<QGraphQLOperation *> running;
    for (const OperationPtr &operation : m_operations) {
        if (!operation->isFinished())
            running.append(operation.get());
    }
    return running;
}

void QQmlGraphQLOperationBase::dropOperation()
{
    // Moved out first: deleting must not meet a half-cleared vector.
    std::vector<OperationPtr> dropped;
    dropped.swap(m_operations);
}

void QQmlGraphQLOperationBase::releaseOperation(QGraphQLOperation *operation)
{
    for (auto it = m_operations.begin(); it != m_operations.end(); ++it) {
        if (it->get() == operation) {
            OperationPtr released = std::move(*it);
            m_operations.erase(it);
            return;
        }
    }
}

void QQmlGraphQLOperationBase::setResult(const QGraphQLResult &result)
{
    // One conversion, by the engine, from the server's text: objects keep the server's member
    // order (Object.keys() follows the selection set) and numbers are JS numbers, as with
    // JSON.parse in a browser.
    QJSEngine *engine = qjsEngine(this);
    const QByteArray text = result.rawJson();
    if (engine && !text.isEmpty()) {
        if (m_jsonParse.isUndefined())
            m_jsonParse = engine->globalObject().property(u"JSON"_s).property(u"parse"_s);
        const QJSValue response = m_jsonParse.call({ QJSValue(QString::fromUtf8(text)) });
        const QJSValue errors = response.property(u"errors"_s);
        m_data = QVariant::fromValue(response.property(u"data"_s));
        m_errors = QVariant::fromValue(errors.isArray() ? errors : engine->newArray());
    } else {
        // Not created by an engine (C++ use): Qt values, with QJsonObject's sorted keys.
        m_data = result.data().toVariant();
        QVariantList errors;
        for (const QGraphQLError &error : result.errors())
            errors.append(error.toJson().toVariantMap());
        m_errors = errors;
    }
    Q_EMIT dataChanged();
    Q_EMIT errorsChanged();
    Q_EMIT resultArrived(result);
}

void QQmlGraphQLOperationBase::setErrorString(const QString &errorString)
{
    if (m_errorString == errorString)
        return;
    m_errorString = errorString;
    Q_EMIT errorStringChanged();
}

void QQmlGraphQLOperationBase::setFailure(QGraphQLTransportError::Kind kind, int httpStatusCode)
{
    if (m_errorKind != kind) {
        m_errorKind = kind;
        Q_EMIT errorKindChanged();
    }
    if (m_httpStatusCode != httpStatusCode) {
        m_httpStatusCode = httpStatusCode;
        Q_EMIT httpStatusCodeChanged();
    }
}

void QQmlGraphQLOperationBase::clearFailure()
{
    setErrorString({});
    setFailure(QGraphQLTransportError::NoError, 0);
}

bool QQmlGraphQLOperationBase::takeFailure(const QGraphQLOperation *operation)
{
    const QGraphQLOperation::State state = operation->state();
    if (state != QGraphQLOperation::Failed && state != QGraphQLOperation::Cancelled)
        return false;
    const QGraphQLTransportError error = operation->error();
    // The error carries the status for HttpStatusError; the operation knows it for the other
    // kinds (a ServerError arrives in a 200 response).
    setErrorString(error.message());
    setFailure(error.kind(),
               error.httpStatusCode() ? error.httpStatusCode() : operation->httpStatusCode());
    return true;
}
