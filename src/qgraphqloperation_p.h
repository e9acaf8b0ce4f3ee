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
#include "qgraphqlretrypolicy.h"
#include "private/qgraphqlincrementalmerger_p.h"
#include "private/qgraphqlmultipartdecoder_p.h"
#include "private/qgraphqlssedecoder_p.h"

#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qnetworkcookie.h>
#include <QtNetwork/qnetworkrequest.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslconfiguration.h>
#endif

#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

class QGraphQLHttpTransport;

// Everything an operation needs from its transport, copied when it starts, so that later
// changes to the transport only affect later operations.
struct QGraphQLOperationSettings
{
    QUrl url;
    QHash<QByteArray, QByteArray> headers;
    QList<QNetworkCookie> cookies;
    QByteArray accept;
    int timeout = 0;
    int heartbeatTimeout = 0;
    qint64 maxPartSize = 0;
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> sslConfiguration;
#endif
    bool http2Direct = false; // QNetworkRequest::Http2DirectAttribute
    QByteArray connectionKey; // separates subscriptions' connections from the shared pool
    QGraphQLRetryPolicy retryPolicy;
};

// One HTTP exchange: sends the POST, follows redirects, reads the response as it arrives,
// turns it into results and ends in exactly one final state.
class QGraphQLOperationPrivate
{
    Q_DECLARE_PUBLIC(QGraphQLOperation)

public:
    enum class Kind { Execute, Subscribe };

    QGraphQLOperationPrivate(Kind kind, const QGraphQLRequest &request,
                             const QGraphQLOperationSettings &settings,
                             QNetworkAccessManager *manager, QGraphQLHttpTransport *transport);
    ~QGraphQLOperationPrivate();

    void start();
    void cancel();

    QGraphQLOperation *q_ptr = nullptr;
    const Kind kind;
    const QGraphQLRequest request;
    QGraphQLOperationSettings settings; // headers and cookies are refreshed before a retry

    QGraphQLOperation::State state = QGraphQLOperation::Connecting;
    QGraphQLTransportError error;
    QGraphQLResult lastResult;
    int resultCount = 0;
    int httpStatusCode = 0;
    QList<QNetworkReply::RawHeaderPair> responseHeaders;

private:
    enum class BodyMode { None, Json, Multipart, EventStream, HttpError };

    QNetworkRequest buildRequest(const QUrl &url) const;
    void send(const QUrl &url);
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    bool followRedirect(const QUrl &location);
    void consume(const QByteArray &bytes);
    void drainMultipart();
    void drainEventStream();
    bool deliverPayload(const QJsonObject &payload);
    bool deliver(const QGraphQLResult &result); // false when the operation ended meanwhile
    void finishJsonBody();
    void finishHttpError();
    void finishStreamEarly();
    void fail(QGraphQLTransportError error);
    void failWithoutRetry(const QGraphQLTransportError &error);
    bool scheduleRetry(const QGraphQLTransportError &error);
    void retry();
    void startTimers();
    void complete();
    void finish(QGraphQLOperation::State finalState);
    void detachReply();
    void releaseConnectionKey();

    QPointer<QNetworkAccessManager> m_manager;
    QPointer<QGraphQLHttpTransport> m_transport;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_heartbeatTimer;
    QTimer m_retryTimer;
    bool m_retryAllowed = true;
    int m_retryAttempt = 0; // attempts since the last response that started well
    BodyMode m_bodyMode = BodyMode::None;
    QByteArray m_body;
    std::optional<QGraphQLMultipartDecoder> m_decoder;
    QByteArray m_jsonPartType; // a part content type already known to be JSON
    std::optional<QGraphQLSseDecoder> m_events;
    std::optional<QGraphQLIncrementalMerger> m_merger; // once a payload is incremental
    bool m_credentialsAllowed = true; // false once a redirect left the original origin
    int m_redirects = 0;
    bool m_connectionKeyReleased = false;
};

#endif // QGRAPHQLOPERATION_P_H
