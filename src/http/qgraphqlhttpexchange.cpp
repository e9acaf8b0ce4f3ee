// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlhttpexchange_p.h"

#include "qgraphqlhttptransport.h"
#include "qgraphqllogging_p.h"
#include "http/qgraphqlhttpcredentials_p.h"
#include "protocol/qgraphqlresponseparser_p.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkcookiejar.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxRedirects = 10;
constexpr qsizetype MaxBodySnippet = 200;
// What QNAM may read ahead of a subscription. Unlimited, its HTTP thread reads a stream that
// outpaces our parsing into memory as fast as the network allows; limited, it stops reading the
// socket and TCP flow control holds the server back. 256 KiB keeps the throughput (bench/run.sh,
// RSS table). Queries keep Qt's default: their whole body is held anyway.
constexpr qint64 ReadAheadLimit = 256 * 1024;

QString bodySnippet(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    QString text = QString::fromUtf8(trimmed.left(MaxBodySnippet)).simplified();
    if (trimmed.size() > MaxBodySnippet)
        text += u"…"_s;
    return u": "_s + text;
}

} // namespace

QGraphQLOperationChannel::QGraphQLOperationChannel(QObject *parent) : QObject(parent) { }
QGraphQLOperationChannel::~QGraphQLOperationChannel() = default;

QGraphQLHttpExchange::QGraphQLHttpExchange(
        const QGraphQLRequest &request, const QGraphQLHttpExchangeSettings &settings,
        QNetworkAccessManager *manager, QGraphQLHttpTransport *transport,
        std::unique_ptr<QGraphQLConnectionKeyPool::Lease> connectionKey)
    : m_request(request), m_settings(settings), m_manager(manager), m_transport(transport),
      m_connectionKey(std::move(connectionKey))
{
    m_timeoutTimer.setSingleShot(true);
    m_heartbeatTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        fail(QGraphQLTransportError(
                QGraphQLTransportError::Timeout,
                m_settings.kind == QGraphQLOperationKind::Subscribe
                        ? u"The server did not start the response within %1 ms"_s.arg(
                                m_settings.timeout)
                        : u"The request did not complete within %1 ms"_s.arg(m_settings.timeout)));
    });
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] {
        fail(QGraphQLTransportError(
                QGraphQLTransportError::Timeout,
                u"Heartbeat timeout: nothing received from the server for %1 ms"_s.arg(
                        m_settings.heartbeatTimeout)));
    });
}

QGraphQLHttpExchange::~QGraphQLHttpExchange()
{
    detachReply();
}

void QGraphQLHttpExchange::open()
{
    if (m_opened && m_transport) {
        // A retry sends the transport's headers and cookies as they are now (a new token).
        m_settings.headers = m_transport->headers();
        m_settings.cookies = m_transport->cookies();
    }
    m_opened = true;
    m_credentialsAllowed = true;
    m_redirects = 0;
    m_httpStatusCode = 0;
    if (m_settings.timeout > 0)
        m_timeoutTimer.start(m_settings.timeout);
    if (m_settings.kind == QGraphQLOperationKind::Subscribe && m_settings.heartbeatTimeout > 0)
        m_heartbeatTimer.start(m_settings.heartbeatTimeout);

    if (!m_settings.url.isValid() || m_settings.url.isRelative()) {
        failLater(u"Invalid endpoint URL \"%1\""_s.arg(
                m_settings.url.toString(QUrl::RemovePassword)));
        return;
    }
    m_apq = m_settings.persistedQueryHash.isEmpty() ? Apq::Off : Apq::HashOnly;
    startAttempt();
}

// One request: a GET when the operation may go as one and its URL is short enough, else a POST.
void QGraphQLHttpExchange::startAttempt()
{
    m_credentialsAllowed = true;
    m_redirects = 0;
    m_httpStatusCode = 0;
    m_heldStart.reset();
    const QJsonObject fields
            = requestFields(m_request, m_apq != Apq::HashOnly,
                            m_apq == Apq::Off ? QByteArray() : m_settings.persistedQueryHash);
    if (m_settings.useGet) {
        const QUrl url = getUrl(m_settings.url, fields);
        if (url.toEncoded().size() <= m_settings.maxGetUrlLength) {
            m_get = true;
            m_body.clear();
            send(url);
            return;
        }
        qCDebug(lcGraphQLTransport) << "The GET URL would be longer than"
                                    << m_settings.maxGetUrlLength << "bytes: POST";
    }
    m_get = false;
    m_body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    send(m_settings.url);
}

QJsonObject QGraphQLHttpExchange::requestFields(const QGraphQLRequest &request, bool withQuery,
                                                const QByteArray &hash)
{
    QJsonObject fields;
    if (withQuery)
        fields.insert("query"_L1, request.query());
    if (!request.variables().isEmpty())
        fields.insert("variables"_L1, request.variables());
    if (!request.operationName().isEmpty())
        fields.insert("operationName"_L1, request.operationName());
    QJsonObject extensions = request.extensions();
    if (!hash.isEmpty()) {
        extensions.insert("persistedQuery"_L1,
                          QJsonObject { { "version"_L1, 1 },
                                        { "sha256Hash"_L1, QString::fromLatin1(hash) } });
    }
    if (!extensions.isEmpty())
        fields.insert("extensions"_L1, extensions);
    return fields;
}

QUrl QGraphQLHttpExchange::getUrl(const QUrl &endpoint, const QJsonObject &fields)
{
    // Percent-encoded by hand: QUrlQuery leaves '+' and '&' in values as they are, which a
    // server would read as a space or a separator.
    QByteArray query = endpoint.query(QUrl::FullyEncoded).toLatin1();
    for (const char *name : { "query", "variables", "operationName", "extensions" }) {
        const QJsonValue value = fields.value(QLatin1StringView(name));
        if (value.isUndefined())
            continue;
        const QByteArray text = value.isObject()
                ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                : value.toString().toUtf8();
        if (!query.isEmpty())
            query += '&';
        query += name;
        query += '=';
        query += text.toPercentEncoding();
    }
    QUrl url = endpoint;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QGraphQLHttpExchange::PersistedQueryError
QGraphQLHttpExchange::persistedQueryError(const QGraphQLResult &result)
{
    const QList<QGraphQLError> errors = result.errors();
    for (const QGraphQLError &error : errors) {
        const QString code = error.extensions().value("code"_L1).toString();
        if (error.message() == "PersistedQueryNotFound"_L1
            || code == "PERSISTED_QUERY_NOT_FOUND"_L1)
            return PersistedQueryError::NotFound;
        if (error.message() == "PersistedQueryNotSupported"_L1
            || code == "PERSISTED_QUERY_NOT_SUPPORTED"_L1)
            return PersistedQueryError::NotSupported;
    }
    return PersistedQueryError::None;
}

// After a hash-only attempt: re-sends with the query when the server lacks the hash (once), or
// without the extension when it has no persisted queries. False when the result stands.
bool QGraphQLHttpExchange::retryPersistedQuery(const QGraphQLResult &result)
{
    if (m_apq != Apq::HashOnly)
        return false;
    const PersistedQueryError error = persistedQueryError(result);
    if (error == PersistedQueryError::None)
        return false;
    detachReply();
    if (error == PersistedQueryError::NotFound) {
        qCDebug(lcGraphQLTransport) << "Persisted query not found: sending the query";
        m_apq = Apq::WithQuery;
    } else {
        qCWarning(lcGraphQLTransport) << "The server does not support persisted queries: "
                                         "turned off for this transport";
        m_apq = Apq::Off;
        if (m_transport) {
            QPointer<QGraphQLHttpExchange> guard(this);
            m_transport->setPersistedQueries(false);
            if (!guard)
                return true;
        }
    }
    startAttempt();
    return true;
}

// Emits the responseStarted a hash-only attempt held back. False when that deleted this.
bool QGraphQLHttpExchange::releaseStart()
{
    if (!m_heldStart)
        return true;
    const bool accepted = *m_heldStart;
    m_heldStart.reset();
    QPointer<QGraphQLHttpExchange> guard(this);
    Q_EMIT responseStarted(accepted);
    return !guard.isNull();
}

void QGraphQLHttpExchange::abort()
{
    m_timeoutTimer.stop();
    m_heartbeatTimer.stop();
    detachReply();
}

void QGraphQLHttpExchange::close()
{
    abort();
    m_connectionKey.reset();
}

// Reported from the event loop: the caller has not connected to the signals yet, or objects
// connected to the operation may be half destroyed (a manager deleting its replies).
void QGraphQLHttpExchange::failLater(const QString &message)
{
    QMetaObject::invokeMethod(
            this,
            [this, message] {
                fail(QGraphQLTransportError(QGraphQLTransportError::NetworkError, message),
                     Retry::Pointless);
            },
            Qt::QueuedConnection);
}

QNetworkRequest QGraphQLHttpExchange::buildRequest(const QUrl &url) const
{
    QNetworkRequest networkRequest(url);
    // A GET has no body, and Apollo Server refuses other content types on it.
    if (!m_get)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    networkRequest.setRawHeader("Accept", m_settings.accept);

    // Request headers override the transport's, case-insensitively.
    QHash<QByteArray, QByteArray> headers;
    // A GET is a "simple" request to CSRF protections (Apollo Server's among them): a
    // non-simple header shows that a browser would have sent a preflight.
    if (m_get)
        headers.insert("apollo-require-preflight"_ba, "true"_ba);
    const auto merge = [&headers](const QHash<QByteArray, QByteArray> &from) {
        for (auto it = from.begin(); it != from.end(); ++it)
            headers.insert(it.key().toLower(), it.value());
    };
    merge(m_settings.headers);
    merge(m_request.headers());

    QByteArray cookieHeader;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (!m_credentialsAllowed && QGraphQLHttpCredentials::isCredentialHeader(it.key()))
            continue;
        if (it.key() == "cookie")
            cookieHeader = it.value();
        else
            networkRequest.setRawHeader(it.key(), it.value());
    }

    // Cookies are composed here, not by QNAM, so that static cookies and the jar's cookies
    // both go out in one header, and static ones only to the endpoint's origin.
    QList<QNetworkCookie> cookies
            = m_credentialsAllowed ? m_settings.cookies : QList<QNetworkCookie>();
    if (m_manager && m_manager->cookieJar())
        cookies += m_manager->cookieJar()->cookiesForUrl(url);
    for (const QNetworkCookie &cookie : std::as_const(cookies)) {
        if (!cookieHeader.isEmpty())
            cookieHeader += "; ";
        cookieHeader += cookie.toRawForm(QNetworkCookie::NameAndValueOnly);
    }
    if (!cookieHeader.isEmpty())
        networkRequest.setRawHeader("Cookie", cookieHeader);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
#ifndef QT_NO_SSL
    if (m_settings.sslConfiguration)
        networkRequest.setSslConfiguration(*m_settings.sslConfiguration);
#endif
    if (m_settings.http2Direct)
        networkRequest.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    if (m_connectionKey)
        m_connectionKey->apply(&networkRequest);
    return networkRequest;
}

void QGraphQLHttpExchange::send(const QUrl &url)
{
    if (!m_manager) {
        failLater(u"The network access manager was destroyed"_s);
        return;
    }
    const QNetworkRequest networkRequest = buildRequest(url);
    qCDebug(lcGraphQLTransport).noquote()
            << (m_get ? "GET" : "POST") << url.toString(QUrl::RemovePassword) << "headers"
            << QGraphQLHttpCredentials::redactedHeaders(networkRequest);
    m_responseStarted = false;
    m_reader.reset();
    m_errorBody.reset();
    m_reply = m_get ? m_manager->get(networkRequest) : m_manager->post(networkRequest, m_body);
    QNetworkReply *reply = m_reply;
    // Qt 6.4 forwards the limit to its HTTP thread only once that thread has the request, which
    // it gets from the event loop after post() returns: queue the call behind it. The same call
    // at the headers covers a request started later (e.g. after a proxy lookup).
    if (m_settings.kind == QGraphQLOperationKind::Subscribe) {
        QMetaObject::invokeMethod(
                reply, [reply] { reply->setReadBufferSize(ReadAheadLimit); }, Qt::QueuedConnection);
    }
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] { onMetaDataChanged(); });
    connect(reply, &QNetworkReply::readyRead, this, [this] { onReadyRead(); });
    connect(reply, &QNetworkReply::finished, this, [this] { onReplyFinished(); });
    // The manager deletes its replies when it is destroyed.
    connect(reply, &QObject::destroyed, this,
            [this] { failLater(u"The network access manager was destroyed"_s); });
}

void QGraphQLHttpExchange::onMetaDataChanged()
{
    if (!m_reply || m_responseStarted)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_httpStatusCode = status.toInt();
    if (m_settings.kind == QGraphQLOperationKind::Subscribe)
        m_reply->setReadBufferSize(ReadAheadLimit);
    QPointer<QGraphQLHttpExchange> guard(this);
    Q_EMIT responseReceived(m_httpStatusCode, m_reply->rawHeaderPairs());
    if (!guard || !m_reply)
        return;

    if (m_httpStatusCode >= 300 && m_httpStatusCode < 400 && m_reply->hasRawHeader("Location")) {
        followRedirect(m_reply->url().resolved(QUrl::fromEncoded(m_reply->rawHeader("Location"))));
        return;
    }
    if (m_settings.kind == QGraphQLOperationKind::Subscribe)
        m_timeoutTimer.stop(); // the subscription's timeout covers only the wait for a response

    const QByteArray contentType
            = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const bool accepted = m_httpStatusCode < 400;
    if (accepted) {
        m_reader = QGraphQLResponseReader::create(contentType, m_settings.kind,
                                                  m_settings.maxPartSize);
        if (!m_reader) {
            fail(QGraphQLTransportError(
                    QGraphQLTransportError::ProtocolError,
                    contentType.isEmpty()
                            ? u"The response (HTTP %1) has no Content-Type"_s.arg(m_httpStatusCode)
                            : u"Unexpected response content type \"%1\" (HTTP %2); expected "
                              "multipart/mixed, text/event-stream or application/json"_s
                                      .arg(QString::fromLatin1(contentType))
                                      .arg(m_httpStatusCode)));
            return;
        }
    } else {
        m_errorBody.emplace();
    }
    m_responseStarted = true;
    if (m_apq == Apq::HashOnly)
        m_heldStart = accepted;
    else
        Q_EMIT responseStarted(accepted);
    // Not for a reply from the cache: Qt 6.4 queues its readyRead, and finishes the reply only
    // if that readyRead still finds the cached bytes unread.
    if (guard && m_reply && m_reply->bytesAvailable() > 0
        && !m_reply->attribute(QNetworkRequest::SourceIsFromCacheAttribute).toBool())
        onReadyRead();
}

void QGraphQLHttpExchange::followRedirect(const QUrl &location)
{
    if (++m_redirects > MaxRedirects) {
        fail(QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                    u"Too many redirects (more than %1)"_s.arg(MaxRedirects)),
             Retry::Pointless);
        return;
    }
    if (!location.isValid()
        || (location.scheme() != "http"_L1 && location.scheme() != "https"_L1)) {
        fail(QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                    u"Invalid redirect location \"%1\""_s.arg(
                                            location.toString(QUrl::RemovePassword))),
             Retry::Pointless);
        return;
    }
    if (m_reply->url().scheme() == "https"_L1 && location.scheme() == "http"_L1) {
        fail(QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                    u"Refused an insecure redirect from https to \"%1\""_s.arg(
                                            location.toString(QUrl::RemovePassword))),
             Retry::Pointless);
        return;
    }
    if (!QGraphQLHttpCredentials::isSameOrigin(location, m_settings.url))
        m_credentialsAllowed = false;
    qCDebug(lcGraphQLTransport) << "Redirect" << m_httpStatusCode << "to" << location
                                << (m_credentialsAllowed ? "" : "without credentials");
    detachReply();
    send(location);
}

void QGraphQLHttpExchange::onReadyRead()
{
    if (m_reply && m_responseStarted)
        consume(m_reply->readAll());
}

void QGraphQLHttpExchange::consume(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_heartbeatTimer.isActive())
        m_heartbeatTimer.start(); // any byte proves the stream alive
    if (m_errorBody) {
        if (m_errorBody->size() + bytes.size() > m_settings.maxPartSize) {
            fail(QGraphQLTransportError(
                    QGraphQLTransportError::ProtocolError,
                    u"The response body exceeds the maximum size of %1 bytes"_s.arg(
                            m_settings.maxPartSize)));
            return;
        }
        m_errorBody->append(bytes);
        return;
    }
    m_reader->feed(bytes);
    drain();
}

// Hands on what the reader found; any emission may end or delete this exchange.
void QGraphQLHttpExchange::drain()
{
    QPointer<QGraphQLHttpExchange> guard(this);
    while (guard && m_reader) {
        const QGraphQLReaderEvent event = m_reader->next();
        switch (event.kind) {
        case QGraphQLReaderEvent::NeedMoreData:
            return;
        case QGraphQLReaderEvent::Result:
            if (retryPersistedQuery(event.result) || !releaseStart())
                return;
            ++m_resultCount;
            Q_EMIT resultReceived(event.result);
            break;
        case QGraphQLReaderEvent::Heartbeat:
            qCDebug(lcGraphQLStream) << "heartbeat";
            break;
        case QGraphQLReaderEvent::Skipped:
            if (!event.message.isEmpty())
                qCWarning(lcGraphQLStream).noquote() << event.message << "- ignored";
            break;
        case QGraphQLReaderEvent::Complete:
            if (!releaseStart())
                return;
            abort();
            Q_EMIT completed();
            return;
        case QGraphQLReaderEvent::Failed:
            fail(event.error);
            return;
        case QGraphQLReaderEvent::Truncated:
            failTruncated(event);
            return;
        }
    }
}

void QGraphQLHttpExchange::onReplyFinished()
{
    if (!m_reply)
        return;
    if (m_responseStarted) {
        QPointer<QGraphQLHttpExchange> guard(this);
        consume(m_reply->readAll());
        if (!guard || !m_reply)
            return;
        if (m_errorBody) {
            failHttpStatus();
            return;
        }
        m_reader->endOfInput(m_reply->error() == QNetworkReply::NoError
                                     ? QGraphQLInputEnd::Complete
                                     : QGraphQLInputEnd::Interrupted);
        drain();
        return;
    }
    QGraphQLTransportError error(QGraphQLTransportError::NetworkError, m_reply->errorString());
    error.setNetworkError(m_reply->error());
    error.setHttpStatusCode(m_httpStatusCode);
    fail(error);
}

// The input ended before the response did: a cut JSON body, or a stream without its end.
void QGraphQLHttpExchange::failTruncated(const QGraphQLReaderEvent &event)
{
    const QNetworkReply::NetworkError networkError = m_reply->error();
    QString message = event.message;
    if (message.isEmpty()) {
        message = m_reply->errorString();
    } else {
        if (networkError != QNetworkReply::NoError)
            message += u" (%1)"_s.arg(m_reply->errorString());
        message += u" after %1 result(s)"_s.arg(m_resultCount);
        if (event.incompletePartDropped)
            message += u"; an incomplete part was dropped"_s;
    }
    QGraphQLTransportError error(QGraphQLTransportError::NetworkError, message);
    error.setNetworkError(networkError != QNetworkReply::NoError
                                  ? networkError
                                  : QNetworkReply::RemoteHostClosedError);
    error.setHttpStatusCode(m_httpStatusCode);
    fail(error);
}

void QGraphQLHttpExchange::failHttpStatus()
{
    using namespace QGraphQLResponseParser;
    // HTTP/2 responses carry no reason phrase, and HTTP/1.1 servers may leave it empty.
    QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (reason.isEmpty())
        reason = QGraphQLTransportError::httpReasonPhrase(m_httpStatusCode);
    const Response response = parseResponse(*m_errorBody);
    if (response.error.isEmpty() && retryPersistedQuery(response.result))
        return;
    QString message = u"HTTP %1 %2"_s.arg(m_httpStatusCode).arg(reason).trimmed();
    if (response.error.isEmpty())
        message += u": "_s + joinMessages(response.result.errors());
    else
        message += bodySnippet(*m_errorBody);
    // A 406 may name what the server can send instead: graphql-yoga answers a multipart
    // subscription request with "accept: text/event-stream" and an empty body.
    const QByteArray offered = m_reply->rawHeader("Accept");
    if (m_httpStatusCode == 406 && !offered.isEmpty()) {
        message += u" (the server offers: %1)"_s.arg(QString::fromLatin1(offered).simplified());
        if (m_settings.kind == QGraphQLOperationKind::Subscribe
            && offered.contains("text/event-stream")
            && !m_settings.accept.contains("text/event-stream"))
            message += u"; it streams subscriptions over Server-Sent Events: use the "
                       "ServerSentEvents or Auto subscription protocol"_s;
    }
    QGraphQLTransportError error(QGraphQLTransportError::HttpStatusError, message);
    error.setHttpStatusCode(m_httpStatusCode);
    error.setNetworkError(m_reply->error());
    if (response.error.isEmpty())
        error.setResult(response.result);
    fail(error);
}

void QGraphQLHttpExchange::fail(const QGraphQLTransportError &error, Retry retry)
{
    QGraphQLTransportError failure = error;
    if (failure.httpStatusCode() == 0)
        failure.setHttpStatusCode(m_httpStatusCode);
    if (!releaseStart())
        return;
    abort();
    Q_EMIT failed(failure, retry);
}

// Disconnects first: QNetworkReply::abort() emits finished() synchronously.
void QGraphQLHttpExchange::detachReply()
{
    m_reader.reset();
    m_errorBody.reset();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}
