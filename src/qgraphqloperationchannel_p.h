// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLOPERATIONCHANNEL_P_H
#define QGRAPHQLOPERATIONCHANNEL_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>
#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qobject.h>
#include <QtNetwork/qnetworkreply.h>

// How one operation travels over a transport: the transport creates it, the operation owns it,
// drives it with open()/abort()/close() and listens to its signals. Nothing else passes
// between the two: the operation is the state machine and the signal contract, the channel is
// the wire (one HTTP exchange, or later one WebSocket subscription).
//
// Every signal may delete the channel (its operation's slots may delete the operation): after
// emitting, an implementation checks a QPointer to itself before touching its members.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLOperationChannel : public QObject
{
    Q_OBJECT

public:
    //! Whether another attempt could mend a failure (the retry policy still decides).
    enum class Retry { Allowed, Pointless };

    ~QGraphQLOperationChannel() override;

    //! Sends the operation; again after a failure, for a retry. Failures to send are reported
    //! from the event loop, so that the caller can connect first.
    virtual void open() = 0;
    //! Stops the running attempt at once; emits nothing. open() may follow.
    virtual void abort() = 0;
    //! Ends for good and releases what the channel holds (a connection of its own).
    virtual void close() = 0;

Q_SIGNALS:
    //! The head of a response (also of a redirect): status and headers, for the operation's
    //! httpStatusCode() and responseHeaders().
    void responseReceived(int httpStatusCode, const QList<QNetworkReply::RawHeaderPair> &headers);
    //! The response the operation gets has begun. \a accepted is false for an error status
    //! (its body explains the failure that follows).
    void responseStarted(bool accepted);
    void resultReceived(const QGraphQLResult &result);
    //! The operation completed normally.
    void completed();
    //! The attempt failed; the channel has already stopped it.
    void failed(const QGraphQLTransportError &error, QGraphQLOperationChannel::Retry retry);

protected:
    explicit QGraphQLOperationChannel(QObject *parent = nullptr);
};

#endif // QGRAPHQLOPERATIONCHANNEL_P_H
