// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qqmlgraphqlsubscription_p.h"

#include <QGraphQL/qgraphqlsubscription.h>

QQmlGraphQLSubscription::QQmlGraphQLSubscription(QObject *parent) : QQmlGraphQLOperationBase(parent)
{ }

void QQmlGraphQLSubscription::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (!isComplete())
        return;
    if (active) {
        subscribe();
    } else if (operation()) {
        const bool wasRunning = !operation()->isFinished();
        dropOperation();
        setStatus(Idle);
        if (wasRunning)
            Q_EMIT finished();
    } else {
        setStatus(Idle);
    }
}

void QQmlGraphQLSubscription::componentComplete()
{
    QQmlGraphQLOperationBase::componentComplete();
    if (m_active)
        subscribe();
}

void QQmlGraphQLSubscription::restart()
{
    // Before componentComplete(), an active subscription starts then anyway.
    if (m_active && isComplete())
        subscribe();
}

void QQmlGraphQLSubscription::requestChanged()
{
    if (m_active)
        subscribe();
}

void QQmlGraphQLSubscription::subscribe()
{
    clearFailure();
    QGraphQLSubscription *subscription = startSubscription();
    if (!subscription) {
        setStatus(Error);
        Q_EMIT finished();
        return;
    }
    setStatus(Connecting);
    connect(subscription, &QGraphQLOperation::stateChanged, this,
            [this](QGraphQLOperation::State state) {
                if (state == QGraphQLOperation::Active)
                    setStatus(Active);
                else if (state == QGraphQLOperation::Connecting)
                    setStatus(Connecting);
            });
    connect(subscription, &QGraphQLSubscription::reconnecting, this,
            [this](int attempt, int delay, const QGraphQLTransportError &error) {
                Q_EMIT reconnecting(attempt, delay, error.message());
            });
    connect(subscription, &QGraphQLOperation::resultReceived, this,
            [this](const QGraphQLResult &result) {
                setResult(result);
                Q_EMIT resultReceived(data(), errors());
            });
    connect(subscription, &QGraphQLOperation::finished, this, [this, subscription] {
        setStatus(takeFailure(subscription) ? Error : Finished);
        Q_EMIT finished();
    });
}

void QQmlGraphQLSubscription::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}
