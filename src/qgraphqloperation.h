// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLOPERATION_H
#define QGRAPHQLOPERATION_H

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlrequest.h>
#include <QGraphQL/qgraphqlresult.h>
#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qobject.h>
#include <QtNetwork/qnetworkreply.h>

#include <memory>

class QGraphQLOperationPrivate;

//! One running GraphQL operation, one QObject, whatever transport carries it. Base of
//! QGraphQLReply and QGraphQLSubscription; transports create them (QGraphQLTransport::execute()
//! and subscribe()).
//!
//! Signals: resultReceived() once per result, then at most one errorOccurred(), then
//! stateChanged() to the final state, then finished() exactly once, always last. error() and
//! state() are already final inside those slots.
//!
//! The caller owns the object: call deleteLater() after finished(). Deleting a running
//! operation, or calling cancel(), aborts the HTTP request at once. cancel() ends in state
//! Cancelled with error().kind() == Cancelled and emits stateChanged() and finished(), but not
//! errorOccurred(); deleting emits nothing.
class QGRAPHQL_EXPORT QGraphQLOperation : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QGraphQLRequest request READ request CONSTANT)

public:
    enum State {
        Connecting, // the request is sent; no response yet
        Active, // the response has started
        Finished, // completed normally
        Failed, // ended with error()
        Cancelled, // cancelled by the application
    };
    Q_ENUM(State)

    ~QGraphQLOperation() override;

    QGraphQLRequest request() const;
    State state() const;
    bool isFinished() const;

    //! Why the operation failed or was cancelled; kind() is NoError otherwise.
    QGraphQLTransportError error() const;

    //! The most recent result delivered by resultReceived().
    QGraphQLResult lastResult() const;
    //! How many results resultReceived() has delivered.
    int resultCount() const;

    //! The HTTP status and headers of the response (of the last hop after redirects).
    int httpStatusCode() const;
    QList<QNetworkReply::RawHeaderPair> responseHeaders() const;

public Q_SLOTS:
    //! Aborts the request. Does nothing once finished.
    void cancel();

Q_SIGNALS:
    //! A result arrived: once for a query or mutation (once per part for incremental
    //! delivery), once per payload for a subscription. GraphQL errors inside it do not end
    //! the operation.
    void resultReceived(const QGraphQLResult &result);
    //! The operation failed; error() returns the same value. At most once, never for cancel().
    void errorOccurred(const QGraphQLTransportError &error);
    //! To Active when the response starts, to the final state just before finished().
    void stateChanged(QGraphQLOperation::State state);
    //! Exactly once, always last, however the operation ended (not when it is deleted).
    void finished();

protected:
    explicit QGraphQLOperation(std::unique_ptr<QGraphQLOperationPrivate> d);
    std::unique_ptr<QGraphQLOperationPrivate> d_ptr;

private:
    Q_DISABLE_COPY_MOVE(QGraphQLOperation)
    Q_DECLARE_PRIVATE(QGraphQLOperation)
};

#endif // QGRAPHQLOPERATION_H
