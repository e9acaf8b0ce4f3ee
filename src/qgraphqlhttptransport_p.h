// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLHTTPTRANSPORT_P_H
#define QGRAPHQLHTTPTRANSPORT_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include "qgraphqlhttptransport.h"
#include "qgraphqloperation_p.h"

#include <QtCore/qpointer.h>

class QGraphQLHttpTransportPrivate
{
    Q_DECLARE_PUBLIC(QGraphQLHttpTransport)

public:
    explicit QGraphQLHttpTransportPrivate(QGraphQLHttpTransport *q) : q_ptr(q) { }

    QNetworkAccessManager *manager() const;
    QGraphQLOperationSettings settingsFor(QGraphQLOperationPrivate::Kind kind,
                                          const QGraphQLRequest &request);
    static bool usesIncrementalDelivery(const QString &query);
    void recordResponse(int statusCode, const QList<QNetworkReply::RawHeaderPair> &headers);
    //! Headers and cookies as they are now, for a retry.
    void refreshCredentials(QGraphQLOperationSettings *settings) const;

    // QNAM keeps at most six connections per host and queues the rest, so long-lived streams
    // would starve queries and each other. Each running subscription gets a key of its own
    // that QNAM folds into its connection-pool key; keys are reused when subscriptions end.
    QByteArray acquireConnectionKey();
    void releaseConnectionKey(const QByteArray &key);
    static void applyConnectionKey(QNetworkRequest *request, const QByteArray &key);

    //! Header list for debug logs, with credential values replaced by "<redacted>".
    static QByteArray redactedHeaders(const QList<QByteArray> &names,
                                      const QNetworkRequest &request);

    QGraphQLHttpTransport *q_ptr;
    QUrl url;
    QHash<QByteArray, QByteArray> headers;
    QList<QNetworkCookie> cookies;
    QPointer<QNetworkAccessManager> injectedManager;
    mutable QNetworkAccessManager *ownManager = nullptr;
    int timeout = 0;
    int heartbeatTimeout = 0;
    qint64 maxPartSize = QGraphQLHttpTransport::DefaultMaxPartSize;
    QGraphQLHttpTransport::SubscriptionProtocol subscriptionProtocol =
            QGraphQLHttpTransport::Multipart;
    QByteArray subscriptionAcceptOverride; // empty: follow subscriptionProtocol
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> sslConfiguration;
#endif
    QGraphQLRetryPolicy retryPolicy;
    bool http2Direct = false;
    int lastStatusCode = 0;
    QList<QNetworkReply::RawHeaderPair> lastHeaders;
    QList<bool> connectionKeysInUse;
};

#endif // QGRAPHQLHTTPTRANSPORT_P_H
