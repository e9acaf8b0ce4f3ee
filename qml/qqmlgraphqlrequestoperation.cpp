// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlrequestoperation_p.h"

QQmlGraphQLRequestOperation::QQmlGraphQLRequestOperation(QObject *parent)
    : QQmlGraphQLOperationBase(parent)
{ }

void QQmlGraphQLRequestOperation::run()
{
    setErrorString({});
    QGraphQLReply *reply = startReply();
    if (!reply) {
        setStatus(Error);
        Q_EMIT finished();
        return;
    }
    setStatus(Loading);
    connect(reply, &QGraphQLOperation::resultReceived, this,
            [this](const QGraphQLResult &result) { setResult(result); });
    connect(reply, &QGraphQLOperation::finished, this, [this, reply] {
        setStatus(takeFailure(reply) ? Error : Ready);
        Q_EMIT finished();
    });
}

void QQmlGraphQLRequestOperation::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

QQmlGraphQLQuery::QQmlGraphQLQuery(QObject *parent) : QQmlGraphQLRequestOperation(parent) { }

void QQmlGraphQLQuery::setAutoRun(bool autoRun)
{
    if (m_autoRun == autoRun)
        return;
    m_autoRun = autoRun;
    Q_EMIT autoRunChanged();
    if (autoRun && isComplete())
        run();
}

void QQmlGraphQLQuery::componentComplete()
{
    QQmlGraphQLRequestOperation::componentComplete();
    if (m_autoRun)
        run();
}

void QQmlGraphQLQuery::requestChanged()
{
    if (m_autoRun)
        run();
}

QQmlGraphQLMutation::QQmlGraphQLMutation(QObject *parent) : QQmlGraphQLRequestOperation(parent) { }

void QQmlGraphQLMutation::run(const QVariant &variables)
{
    if (variables.isValid())
        setVariables(variables.toMap());
    QQmlGraphQLRequestOperation::run();
}
