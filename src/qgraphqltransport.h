// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLTRANSPORT_H
#define QGRAPHQLTRANSPORT_H

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlrequest.h>
#include <QGraphQL/qgraphqlretrypolicy.h>
#include <QGraphQL/qgraphqlsubscription.h>

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qurl.h>

#include <memory>

class QGraphQLTransportPrivate;

//! The interface every transport implements (QGraphQLHttpTransport today): it hands out
//! operations with execute() and subscribe() and holds the settings every transport has. QML
//! elements and the command-line client hold a transport through this class.
//!
//! Each call returns a new operation owned by the caller. Settings changed later apply to
//! operations started later.
class QGRAPHQL_EXPORT QGraphQLTransport : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    Q_PROPERTY(int heartbeatTimeout READ heartbeatTimeout WRITE setHeartbeatTimeout NOTIFY
                       heartbeatTimeoutChanged)
    Q_PROPERTY(qint64 maxPartSize READ maxPartSize WRITE setMaxPartSize NOTIFY maxPartSizeChanged)
    Q_PROPERTY(QGraphQLRetryPolicy retryPolicy READ retryPolicy WRITE setRetryPolicy NOTIFY
                       retryPolicyChanged)

public:
    static constexpr qint64 DefaultMaxPartSize = QGraphQL::DefaultMaxPartSize;
    //! The default timeout(): 30 seconds.
    static constexpr int DefaultTimeout = 30 * 1000;

    ~QGraphQLTransport() override;

    //! The endpoint.
    QUrl url() const;
    void setUrl(const QUrl &url);

    //! Headers sent with every operation (for example Authorization). A request's own headers
    //! override these. Names compare case-insensitively.
    QHash<QByteArray, QByteArray> headers() const;
    void setHeaders(const QHash<QByteArray, QByteArray> &headers);
    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);

    //! Milliseconds; DefaultTimeout (30 s) unless set, 0 means none. For execute(): the whole
    //! operation, so that a stalled response cannot hang it. For subscribe(): until the
    //! response starts (a subscription itself has no time limit; see heartbeatTimeout()).
    int timeout() const;
    void setTimeout(int milliseconds);

    //! Milliseconds; 0 (the default) turns it off. A subscription that receives nothing for
    //! this long (no heartbeat, no payload) fails with a Timeout error.
    int heartbeatTimeout() const;
    void setHeartbeatTimeout(int milliseconds);

    //! The largest message accepted: a multipart part, an event, a plain JSON body (default
    //! 32 MiB). A larger one is a ProtocolError; memory stays bounded by it. 0 or less
    //! restores the default.
    qint64 maxPartSize() const;
    void setMaxPartSize(qint64 bytes);

    //! Resubscribing after network failures; off by default. See QGraphQLRetryPolicy and
    //! QGraphQLSubscription::reconnecting(). Queries and mutations are never retried.
    QGraphQLRetryPolicy retryPolicy() const;
    void setRetryPolicy(const QGraphQLRetryPolicy &policy);

    //! Sends a query or mutation. The caller owns the reply; delete it with deleteLater()
    //! after finished().
    [[nodiscard]] virtual QGraphQLReply *execute(const QGraphQLRequest &request) = 0;
    //! Starts a subscription. The caller owns it; cancel() or delete it to stop the stream.
    [[nodiscard]] virtual QGraphQLSubscription *subscribe(const QGraphQLRequest &request) = 0;

Q_SIGNALS:
    void urlChanged();
    void headersChanged();
    void timeoutChanged();
    void heartbeatTimeoutChanged();
    void maxPartSizeChanged();
    void retryPolicyChanged();

protected:
    explicit QGraphQLTransport(QObject *parent = nullptr);

private:
    Q_DISABLE_COPY_MOVE(QGraphQLTransport)
    std::unique_ptr<QGraphQLTransportPrivate> d_ptr;
    Q_DECLARE_PRIVATE(QGraphQLTransport)
};

#endif // QGRAPHQLTRANSPORT_H
