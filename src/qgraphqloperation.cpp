// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqloperation.h"
#include "qgraphqloperation_p.h"

#include "qgraphqllogging_p.h"

#include <QtCore/qpointer.h>

using namespace Qt::StringLiterals;

QGraphQLOperationPrivate::QGraphQLOperationPrivate(const QGraphQLRequest &operationRequest,
                                                   QGraphQLOperationChannel *wire)
    : request(operationRequest), channel(wire)
{ }

QGraphQLOperationPrivate::~QGraphQLOperationPrivate()
{
    QObject::disconnect(channel.get(), nullptr, nullptr, nullptr);
    channel->close();
}

void QGraphQLOperationPrivate::start()
{
    Q_Q(QGraphQLOperation);
    using Channel = QGraphQLOperationChannel;
    QObject::connect(channel.get(), &Channel::responseReceived, q,
                     [this](int statusCode, const QList<QNetworkReply::RawHeaderPair> &headers) {
                         httpStatusCode = statusCode;
                         responseHeaders = headers;
                     });
    QObject::connect(channel.get(), &Channel::responseStarted, q,
                     [this](bool accepted) { onResponseStarted(accepted); });
    QObject::connect(channel.get(), &Channel::resultReceived, q,
                     [this](const QGraphQLResult &result) { onResult(result); });
    QObject::connect(channel.get(), &Channel::completed, q,
                     [this] { finish(QGraphQLOperation::Finished); });
    QObject::connect(channel.get(), &Channel::failed, q,
                     [this](const QGraphQLTransportError &failure, Channel::Retry retry) {
                         onFailed(failure, retry);
                     });
    channel->open();
}

void QGraphQLOperationPrivate::onResponseStarted(bool accepted)
{
    Q_Q(QGraphQLOperation);
    if (accepted)
        onAccepted();
    state = QGraphQLOperation::Active;
    Q_EMIT q->stateChanged(state);
}

void QGraphQLOperationPrivate::onResult(const QGraphQLResult &result)
{
    Q_Q(QGraphQLOperation);
    lastResult = result;
    ++resultCount;
    Q_EMIT q->resultReceived(result);
}

void QGraphQLOperationPrivate::onFailed(const QGraphQLTransportError &failure,
                                        QGraphQLOperationChannel::Retry retry)
{
    Q_Q(QGraphQLOperation);
    if (q->isFinished())
        return;
    if (retry == QGraphQLOperationChannel::Retry::Allowed && recover(failure))
        return;
    error = failure;
    qCDebug(lcGraphQLTransport) << "failed:" << error;
    finish(QGraphQLOperation::Failed);
}

void QGraphQLOperationPrivate::cancel()
{
    Q_Q(QGraphQLOperation);
    if (q->isFinished())
        return;
    error = QGraphQLTransportError(QGraphQLTransportError::Cancelled,
                                   u"The operation was cancelled"_s);
    finish(QGraphQLOperation::Cancelled);
}

bool QGraphQLOperationPrivate::reconnect()
{
    Q_Q(QGraphQLOperation);
    httpStatusCode = 0;
    responseHeaders.clear();
    if (state == QGraphQLOperation::Connecting)
        return true;
    state = QGraphQLOperation::Connecting;
    QPointer<QGraphQLOperation> guard(q);
    Q_EMIT q->stateChanged(state);
    return !guard.isNull();
}

void QGraphQLOperationPrivate::finish(QGraphQLOperation::State finalState)
{
    Q_Q(QGraphQLOperation);
    state = finalState;
    channel->close(); // before anything is emitted: nothing from the wire re-enters from here on

    QPointer<QGraphQLOperation> guard(q);
    if (finalState == QGraphQLOperation::Failed) {
        Q_EMIT q->errorOccurred(error);
        if (!guard)
            return;
    }
    Q_EMIT q->stateChanged(finalState);
    if (!guard)
        return;
    Q_EMIT q->finished();
}

// QGraphQLOperation

QGraphQLOperation::QGraphQLOperation(std::unique_ptr<QGraphQLOperationPrivate> d)
    : d_ptr(std::move(d))
{
    d_ptr->q_ptr = this;
}

QGraphQLOperation::~QGraphQLOperation() = default;

QGraphQLRequest QGraphQLOperation::request() const
{
    return d_func()->request;
}

QGraphQLOperation::State QGraphQLOperation::state() const
{
    return d_func()->state;
}

bool QGraphQLOperation::isFinished() const
{
    const State s = d_func()->state;
    return s == Finished || s == Failed || s == Cancelled;
}

QGraphQLTransportError QGraphQLOperation::error() const
{
    return d_func()->error;
}

QGraphQLResult QGraphQLOperation::lastResult() const
{
    return d_func()->lastResult;
}

int QGraphQLOperation::resultCount() const
{
    return d_func()->resultCount;
}

int QGraphQLOperation::httpStatusCode() const
{
    return d_func()->httpStatusCode;
}

QList<QNetworkReply::RawHeaderPair> QGraphQLOperation::responseHeaders() const
{
    return d_func()->responseHeaders;
}

void QGraphQLOperation::cancel()
{
    Q_D(QGraphQLOperation);
    d->cancel();
}
