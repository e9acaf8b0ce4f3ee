// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLOPERATION_P_H
#define QGRAPHQLOPERATION_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include "qgraphqloperation.h"
#include "qgraphqloperationchannel_p.h"
#include "qgraphqlretrypolicy.h"

#include <QtCore/qtimer.h>

#include <memory>

class QGraphQLReply;
class QGraphQLSubscription;

// The state machine and the signal contract of an operation, whatever carries it: results,
// then at most one errorOccurred(), then stateChanged() to the final state, then finished()
// exactly once. The wire is the channel's; the operation owns it and listens to its signals.
class QGraphQLOperationPrivate
{
    Q_DECLARE_PUBLIC(QGraphQLOperation)

public:
    //! A query or mutation carried by \a channel (the reply owns it), started.
    static QGraphQLReply *createReply(const QGraphQLRequest &request,
                                      QGraphQLOperationChannel *channel);
    //! A subscription carried by \a channel, resubscribing as \a retryPolicy says, started.
    static QGraphQLSubscription *createSubscription(const QGraphQLRequest &request,
                                                    QGraphQLOperationChannel *channel,
                                                    const QGraphQLRetryPolicy &retryPolicy);

    QGraphQLOperationPrivate(const QGraphQLRequest &operationRequest,
                             QGraphQLOperationChannel *wire);
    virtual ~QGraphQLOperationPrivate();

    void start();
    void cancel();

    QGraphQLOperation *q_ptr = nullptr;
    const QGraphQLRequest request;
    QGraphQLOperation::State state = QGraphQLOperation::Connecting;
    QGraphQLTransportError error;
    QGraphQLResult lastResult;
    int resultCount = 0;
    int httpStatusCode = 0;
    QList<QNetworkReply::RawHeaderPair> responseHeaders;

protected:
    //! A response that started well: a series of failed attempts is over.
    virtual void onAccepted() { }
    //! Tries to mend \a failure (a new attempt); true when the operation goes on.
    virtual bool recover(const QGraphQLTransportError &failure)
    {
        Q_UNUSED(failure);
        return false;
    }
    //! Back to Connecting for a new attempt; false when a slot deleted the operation.
    bool reconnect();

    const std::unique_ptr<QGraphQLOperationChannel> channel;

private:
    void onResponseStarted(bool accepted);
    void onResult(const QGraphQLResult &result);
    void onFailed(const QGraphQLTransportError &failure, QGraphQLOperationChannel::Retry retry);
    void finish(QGraphQLOperation::State finalState);
};

// A subscription resubscribes after a retryable failure, as its retry policy says.
class QGraphQLSubscriptionPrivate final : public QGraphQLOperationPrivate
{
public:
    QGraphQLSubscriptionPrivate(const QGraphQLRequest &operationRequest,
                                QGraphQLOperationChannel *wire,
                                const QGraphQLRetryPolicy &retryPolicy);

protected:
    void onAccepted() override { m_attempt = 0; }
    bool recover(const QGraphQLTransportError &failure) override;

private:
    const QGraphQLRetryPolicy m_retryPolicy;
    QTimer m_retryTimer;
    int m_attempt = 0; // attempts since the last response that started well
};

#endif // QGRAPHQLOPERATION_P_H
