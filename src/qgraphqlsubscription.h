// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLSUBSCRIPTION_H
#define QGRAPHQLSUBSCRIPTION_H

#include <QGraphQL/qgraphqloperation.h>

//! A live subscription: one HTTP response streamed as multipart/mixed (Apollo's multipart
//! subscription protocol). Returned by QGraphQLHttpTransport::subscribe().
//!
//! resultReceived() fires once per payload as soon as it is complete. Heartbeats are never
//! delivered. GraphQL errors inside a payload come with its result and the stream goes on.
//! The stream ends with finished(): normally at the close delimiter (or after a single plain
//! JSON answer), or after errorOccurred() for a transport-level server error, a protocol
//! violation, a network failure (including a stream that ends before its close delimiter,
//! after every complete payload was delivered) or the heartbeat timeout. There is no overall
//! time limit.
class QGRAPHQL_EXPORT QGraphQLSubscription : public QGraphQLOperation
{
    Q_OBJECT

public:
    ~QGraphQLSubscription() override;

Q_SIGNALS:
    //! With a retry policy (QGraphQLHttpTransport::setRetryPolicy()): the stream failed with
    //! \a error, a retryable failure, and attempt number \a attempt starts in \a delay ms.
    //! The state is Connecting meanwhile. Slots may change the transport's headers or cookies
    //! (a refreshed token): the attempt sends them. Results keep coming through
    //! resultReceived(); finished() comes only once the retries succeed to the end or give up.
    void reconnecting(int attempt, int delay, const QGraphQLTransportError &error);

private:
    explicit QGraphQLSubscription(std::unique_ptr<QGraphQLOperationPrivate> d);
    friend class QGraphQLOperationPrivate;
};

#endif // QGRAPHQLSUBSCRIPTION_H
