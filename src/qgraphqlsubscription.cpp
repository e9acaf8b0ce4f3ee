// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlsubscription.h"

#include "qgraphqllogging_p.h"
#include "qgraphqloperation_p.h"

QGraphQLSubscription *
QGraphQLOperationPrivate::createSubscription(const QGraphQLRequest &request,
                                             QGraphQLOperationChannel *channel,
                                             const QGraphQLRetryPolicy &retryPolicy)
{
    auto *subscription = new QGraphQLSubscription(
            std::make_unique<QGraphQLSubscriptionPrivate>(request, channel, retryPolicy));
    subscription->d_func()->start();
    return subscription;
}

QGraphQLSubscriptionPrivate::QGraphQLSubscriptionPrivate(const QGraphQLRequest &operationRequest,
                                                         QGraphQLOperationChannel *wire,
                                                         const QGraphQLRetryPolicy &retryPolicy)
    : QGraphQLOperationPrivate(operationRequest, wire), m_retryPolicy(retryPolicy)
{
    m_retryTimer.setSingleShot(true);
    QObject::connect(&m_retryTimer, &QTimer::timeout, wire, [this] {
        if (!q_ptr->isFinished())
            channel->open();
    });
}

bool QGraphQLSubscriptionPrivate::recover(const QGraphQLTransportError &failure)
{
    if (m_attempt >= m_retryPolicy.maxAttempts() || !QGraphQLRetryPolicy::isRetryable(failure))
        return false;
    const int attempt = ++m_attempt;
    const int delay = m_retryPolicy.delayFor(attempt);
    qCDebug(lcGraphQLTransport) << "retry" << attempt << "in" << delay << "ms after" << failure;
    m_retryTimer.start(delay);
    if (!reconnect())
        return true;
    // Slots may refresh the transport's headers (a new token): the next attempt reads them.
    Q_EMIT static_cast<QGraphQLSubscription *>(q_ptr)->reconnecting(attempt, delay, failure);
    return true;
}

QGraphQLSubscription::QGraphQLSubscription(std::unique_ptr<QGraphQLOperationPrivate> d)
    : QGraphQLOperation(std::move(d))
{ }

QGraphQLSubscription::~QGraphQLSubscription() = default;
