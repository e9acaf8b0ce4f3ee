// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLHTTPEXCHANGE_P_H
#define QGRAPHQLHTTPEXCHANGE_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include "qgraphqloperationchannel_p.h"
#include "http/qgraphqlconnectionkeypool_p.h"
#include "protocol/qgraphqlresponsereader_p.h"

#include <QGraphQL/qgraphqlrequest.h>

#include <QtCore/qhash.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qnetworkcookie.h>
#include <QtNetwork/qnetworkrequest.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslconfiguration.h>
#endif

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

class QGraphQLHttpTransport;

// What one exchange needs from its transport, copied when the operation starts, so that later
// changes to the transport only affect later operations (a retry re-reads headers and cookies).
struct QGraphQLHttpExchangeSettings
{
    QGraphQLOperationKind kind = QGraphQLOperationKind::Execute;
    QUrl url;
    QHash<QByteArray, QByteArray> headers;
    QList<QNetworkCookie> cookies;
    QByteArray accept;
    int timeout = 0;
    int heartbeatTimeout = 0;
    qint64 maxPartSize = QGraphQL::DefaultMaxPartSize;
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> sslConfiguration;
#endif
    bool http2Direct = false; // QNetworkRequest::Http2DirectAttribute
    // Automatic persisted queries: the hex SHA-256 of the query; empty when off.
    QByteArray persistedQueryHash;
    bool useGet = false; // a query that may go as GET
    int maxGetUrlLength = 0;
};

// One operation over HTTP: builds and POSTs the request, composes cookies, follows redirects
// (withholding credentials from other origins), runs the timeout and heartbeat timers, limits
// what QNAM reads ahead of a stream, and feeds the response body to the reader chosen from its
// media type. Each attempt has one QNetworkReply at a time.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLHttpExchange final : public QGraphQLOperationChannel
{
    Q_OBJECT

public:
    QGraphQLHttpExchange(const QGraphQLRequest &request,
                         const QGraphQLHttpExchangeSettings &settings,
                         QNetworkAccessManager *manager, QGraphQLHttpTransport *transport,
                         std::unique_ptr<QGraphQLConnectionKeyPool::Lease> connectionKey);
    ~QGraphQLHttpExchange() override;

    void open() override;
    void abort() override;
    void close() override;

    // The request's members as sent: the query only when withQuery, and the persisted-query
    // extension next to the request's own extensions when hash is not empty.
    static QJsonObject requestFields(const QGraphQLRequest &request, bool withQuery,
                                     const QByteArray &hash);
    // The GraphQL-over-HTTP GET URL: the fields as URL parameters (objects as JSON), appended
    // to the endpoint's own query.
    static QUrl getUrl(const QUrl &endpoint, const QJsonObject &fields);
    // Whether a result says the server lacks the persisted query, or persisted queries at all.
    enum class PersistedQueryError { None, NotFound, NotSupported };
    static PersistedQueryError persistedQueryError(const QGraphQLResult &result);

private:
    // What the current attempt sends of a persisted query.
    enum class Apq { Off, HashOnly, WithQuery };

    QNetworkRequest buildRequest(const QUrl &url) const;
    void startAttempt();
    void send(const QUrl &url);
    bool retryPersistedQuery(const QGraphQLResult &result);
    bool releaseStart();
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void followRedirect(const QUrl &location);
    void startReading(const QByteArray &contentType);
    void consume(QByteArrayView bytes);
    void drain();
    void failHttpStatus();
    void failTruncated(const QGraphQLReaderEvent &event);
    void fail(const QGraphQLTransportError &error,
              QGraphQLOperationChannel::Retry retry = QGraphQLOperationChannel::Retry::Allowed);
    void failLater(const QString &message);
    void detachReply();

    const QGraphQLRequest m_request;
    QGraphQLHttpExchangeSettings m_settings;
    QPointer<QNetworkAccessManager> m_manager;
    QPointer<QGraphQLHttpTransport> m_transport; // public API only: headers and cookies to retry
    std::unique_ptr<QGraphQLConnectionKeyPool::Lease> m_connectionKey;

    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_heartbeatTimer;
    bool m_opened = false; // open() was called before: a retry
    bool m_credentialsAllowed = true; // false once a redirect left the original origin
    int m_redirects = 0;
    int m_httpStatusCode = 0;
    int m_resultCount = 0;
    bool m_responseStarted = false;
    Apq m_apq = Apq::Off;
    bool m_get = false; // the current attempt is a GET
    QByteArray m_body; // the current attempt's POST body
    // A hash-only attempt holds back responseStarted until its first result was checked, so
    // that a re-send with the query is invisible to the operation.
    std::optional<bool> m_heldStart;
    std::unique_ptr<QGraphQLResponseReader> m_reader; // the body of a successful response
    std::optional<QByteArray> m_errorBody; // the body of an HTTP error status
};

#endif // QGRAPHQLHTTPEXCHANGE_P_H
