// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlrequestoperation_p.h"

#include <QtCore/qpointer.h>

QQmlGraphQLRequestOperation::QQmlGraphQLRequestOperation(QObject *parent)
    : QQmlGraphQLOperationBase(parent)
{ }

void QQmlGraphQLRequestOperation::run()
{
    dropOperation(); // a new run replaces the running one silently
    startRun();
}

void QQmlGraphQLRequestOperation::startRun()
{
    clearFailure();
    QGraphQLReply *reply = startReply();
    if (!reply) {
        // A run that cannot start ends at once; runs in flight (Mutation) keep it Loading.
        setStatus(runningOperations().isEmpty() ? Error : Loading);
        Q_EMIT finished();
        return;
    }
    setStatus(Loading);
    connect(reply, &QGraphQLOperation::resultReceived, this,
            [this](const QGraphQLResult &result) { setResult(result); });
    connect(reply, &QGraphQLOperation::finished, this, [this, reply] {
        const bool failed = takeFailure(reply);
        if (!failed)
            clearFailure(); // an earlier run of a Mutation may have failed
        releaseOperation(reply);
        if (!runningOperations().isEmpty())
            setStatus(Loading);
        else
            setStatus(failed ? Error : Ready);
        Q_EMIT finished();
    });
}

void QQmlGraphQLRequestOperation::cancel()
{
    // Each cancel() emits finished() at once, whose slot may start or drop runs.
    QList<QPointer<QGraphQLOperation>> running;
    for (QGraphQLOperation *operation : runningOperations())
        running.append(operation);
    for (const QPointer<QGraphQLOperation> &operation : std::as_const(running)) {
        if (operation && !operation->isFinished())
            operation->cancel();
    }
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
    startRun(); // runs in flight go on: the server may already have applied them
}
