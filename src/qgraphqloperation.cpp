// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqloperation.h"
#include "qgraphqloperation_p.h"

#include "qgraphqlhttptransport.h"
#include "qgraphqlhttptransport_p.h"
#include "qgraphqllogging_p.h"
#include "qgraphqlreply.h"
#include "qgraphqlsubscription.h"
#include "private/qgraphqlresponseparser_p.h"

#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkcookiejar.h>

using namespace Qt::StringLiterals;
using namespace QGraphQLResponseParser;

namespace {

constexpr int MaxRedirects = 10;
constexpr qsizetype MaxBodySnippet = 200;
// What QNAM may read ahead of a subscription. Unlimited, its HTTP thread reads a stream that
// outpaces our parsing into memory as fast as the network allows; limited, it stops reading the
// socket and TCP flow control holds the server back. 256 KiB keeps the throughput (bench/run.sh,
// RSS table). Queries keep Qt's default: their whole body is held anyway.
constexpr qint64 ReadAheadLimit = 256 * 1024;

// A payload of incremental delivery: a step of a response that @defer or @stream split.
bool isIncrementalPayload(const QJsonObject &payload)
{
    return payload.contains("hasNext"_L1) || payload.contains("incremental"_L1)
            || payload.contains("pending"_L1) || payload.contains("completed"_L1);
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
            && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
            && a.port(a.scheme() == "https"_L1 ? 443 : 80)
            == b.port(b.scheme() == "https"_L1 ? 443 : 80);
}

bool isCredentialHeader(const QByteArray &name)
{
    return name.compare("authorization", Qt::CaseInsensitive) == 0
            || name.compare("cookie", Qt::CaseInsensitive) == 0;
}

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

QGraphQLOperationPrivate::QGraphQLOperationPrivate(Kind kind, const QGraphQLRequest &request,
                                                   const QGraphQLOperationSettings &settings,
                                                   QNetworkAccessManager *manager,
                                                   QGraphQLHttpTransport *transport)
    : kind(kind), request(request), settings(settings), m_manager(manager), m_transport(transport)
{
    m_timeoutTimer.setSingleShot(true);
    m_heartbeatTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
}

QGraphQLOperationPrivate::~QGraphQLOperationPrivate()
{
    detachReply();
    releaseConnectionKey();
}

void QGraphQLOperationPrivate::releaseConnectionKey()
{
    if (m_transport && !settings.connectionKey.isEmpty() && !m_connectionKeyReleased)
        m_transport->d_func()->releaseConnectionKey(settings.connectionKey);
    m_connectionKeyReleased = true;
}

void QGraphQLOperationPrivate::start()
{
    Q_Q(QGraphQLOperation);
    QObject::connect(&m_timeoutTimer, &QTimer::timeout, q, [this] {
        fail(QGraphQLTransportError(
                QGraphQLTransportError::Timeout,
                kind == Kind::Subscribe
                        ? u"The server did not start the response within %1 ms"_s.arg(
                                settings.timeout)
                        : u"The request did not complete within %1 ms"_s.arg(settings.timeout)));
    });
    QObject::connect(&m_heartbeatTimer, &QTimer::timeout, q, [this] {
        fail(QGraphQLTransportError(
                QGraphQLTransportError::Timeout,
                u"Heartbeat timeout: nothing received from the server for %1 ms"_s.arg(
                        settings.heartbeatTimeout)));
    });
    QObject::connect(&m_retryTimer, &QTimer::timeout, q, [this] { retry(); });
    startTimers();

    if (!settings.url.isValid() || settings.url.isRelative()) {
        // Report asynchronously: the caller has not connected to the signals yet.
        QMetaObject::invokeMethod(
                q,
                [this] {
                    failWithoutRetry(QGraphQLTransportError(
                            QGraphQLTransportError::NetworkError,
                            u"Invalid endpoint URL \"%1\""_s.arg(
                                    settings.url.toString(QUrl::RemovePassword))));
                },
                Qt::QueuedConnection);
        return;
    }
    send(settings.url);
}

void QGraphQLOperationPrivate::startTimers()
{
    if (settings.timeout > 0)
        m_timeoutTimer.start(settings.timeout);
    if (kind == Kind::Subscribe && settings.heartbeatTimeout > 0)
        m_heartbeatTimer.start(settings.heartbeatTimeout);
}

QNetworkRequest QGraphQLOperationPrivate::buildRequest(const QUrl &url) const
{
    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    networkRequest.setRawHeader("Accept", settings.accept);

    // Request headers override the transport's, case-insensitively.
    QHash<QByteArray, QByteArray> headers;
    const auto merge = [&headers](const QHash<QByteArray, QByteArray> &from) {
        for (auto it = from.begin(); it != from.end(); ++it)
            headers.insert(it.key().toLower(), it.value());
    };
    merge(settings.headers);
    merge(request.headers());

    QByteArray cookieHeader;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (isCredentialHeader(it.key()) && !m_credentialsAllowed)
            continue;
        if (it.key() == "cookie")
            cookieHeader = it.value();
        else
            networkRequest.setRawHeader(it.key(), it.value());
    }

    // Cookies are composed here, not by QNAM, so that static cookies and the jar's cookies
    // both go out in one header, and static ones only to the endpoint's origin.
    QList<QNetworkCookie> cookies
            = m_credentialsAllowed ? settings.cookies : QList<QNetworkCookie>();
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
    if (settings.sslConfiguration)
        networkRequest.setSslConfiguration(*settings.sslConfiguration);
#endif
    if (settings.http2Direct)
        networkRequest.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    if (!settings.connectionKey.isEmpty())
        QGraphQLHttpTransportPrivate::applyConnectionKey(&networkRequest, settings.connectionKey);
    return networkRequest;
}

void QGraphQLOperationPrivate::send(const QUrl &url)
{
    Q_Q(QGraphQLOperation);
    if (!m_manager) {
        QMetaObject::invokeMethod(
                q,
                [this] {
                    failWithoutRetry(
                            QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                                   u"The network access manager was destroyed"_s));
                },
                Qt::QueuedConnection);
        return;
    }
    const QNetworkRequest networkRequest = buildRequest(url);
    if (lcGraphQLTransport().isDebugEnabled()) {
        qCDebug(lcGraphQLTransport).noquote()
                << "POST" << url.toString(QUrl::RemovePassword) << "headers"
                << QGraphQLHttpTransportPrivate::redactedHeaders(networkRequest.rawHeaderList(),
                                                                 networkRequest);
    }
    m_bodyMode = BodyMode::None;
    m_body.clear();
    m_decoder.reset();
    m_events.reset();
    m_merger.reset();
    m_reply = m_manager->post(networkRequest, request.toJson());
    QNetworkReply *reply = m_reply;
    // Qt 6.4 forwards the limit to its HTTP thread only once that thread has the request, which
    // it gets from the event loop after post() returns: queue the call behind it. The same call
    // at the headers covers a request started later (e.g. after a proxy lookup).
    if (kind == Kind::Subscribe) {
        QMetaObject::invokeMethod(
                reply, [reply] { reply->setReadBufferSize(ReadAheadLimit); }, Qt::QueuedConnection);
    }
    QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this] { onMetaDataChanged(); });
    QObject::connect(reply, &QNetworkReply::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(reply, &QNetworkReply::finished, q, [this] { onReplyFinished(); });
    // The manager deletes its replies when it is destroyed. Report it from the event loop:
    // now, the objects connected to this operation may be half destroyed themselves.
    QObject::connect(reply, &QObject::destroyed, q, [this] {
        QMetaObject::invokeMethod(
                q_func(),
                [this] {
                    failWithoutRetry(
                            QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                                   u"The network access manager was destroyed"_s));
                },
                Qt::QueuedConnection);
    });
}

void QGraphQLOperationPrivate::onMetaDataChanged()
{
    Q_Q(QGraphQLOperation);
    if (!m_reply || m_bodyMode != BodyMode::None)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    httpStatusCode = status.toInt();
    if (kind == Kind::Subscribe)
        m_reply->setReadBufferSize(ReadAheadLimit);
    responseHeaders = m_reply->rawHeaderPairs();
    if (m_transport)
        m_transport->d_func()->recordResponse(httpStatusCode, responseHeaders);

    if (httpStatusCode >= 300 && httpStatusCode < 400 && m_reply->hasRawHeader("Location")) {
        const QUrl location
                = m_reply->url().resolved(QUrl::fromEncoded(m_reply->rawHeader("Location")));
        followRedirect(location);
        return;
    }

    if (kind == Kind::Subscribe)
        m_timeoutTimer.stop(); // the subscription's timeout covers only the wait for a response

    const QByteArray contentType
            = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const MediaType media = parseMediaType(contentType);
    if (httpStatusCode >= 400) {
        m_bodyMode = BodyMode::HttpError;
    } else if (media.type == "text/event-stream") {
        m_bodyMode = BodyMode::EventStream;
        m_events.emplace(settings.maxPartSize);
    } else if (media.isMultipartMixed()) {
        m_bodyMode = BodyMode::Multipart;
        m_decoder.emplace(media.parameters.value("boundary", "-"_ba), settings.maxPartSize);
    } else if (media.isJson()) {
        m_bodyMode = BodyMode::Json;
    } else {
        fail(QGraphQLTransportError(
                QGraphQLTransportError::ProtocolError,
                contentType.isEmpty()
                        ? u"The response (HTTP %1) has no Content-Type"_s.arg(httpStatusCode)
                        : u"Unexpected response content type \"%1\" (HTTP %2); expected "
                          "multipart/mixed, text/event-stream or application/json"_s
                                  .arg(QString::fromLatin1(contentType))
                                  .arg(httpStatusCode)));
        return;
    }
    if (m_bodyMode != BodyMode::HttpError)
        m_retryAttempt = 0; // a response that starts well ends a series of retries
    state = QGraphQLOperation::Active;
    QPointer<QGraphQLOperation> guard(q);
    Q_EMIT q->stateChanged(state);
    if (guard && m_reply && m_reply->bytesAvailable() > 0)
        onReadyRead();
}

bool QGraphQLOperationPrivate::followRedirect(const QUrl &location)
{
    if (++m_redirects > MaxRedirects) {
        failWithoutRetry(
                QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                       u"Too many redirects (more than %1)"_s.arg(MaxRedirects)));
        return false;
    }
    if (!location.isValid()
        || (location.scheme() != "http"_L1 && location.scheme() != "https"_L1)) {
        failWithoutRetry(QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                                u"Invalid redirect location \"%1\""_s.arg(
                                                        location.toString(QUrl::RemovePassword))));
        return false;
    }
    if (m_reply->url().scheme() == "https"_L1 && location.scheme() == "http"_L1) {
        failWithoutRetry(
                QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                       u"Refused an insecure redirect from https to \"%1\""_s.arg(
                                               location.toString(QUrl::RemovePassword))));
        return false;
    }
    if (!isSameOrigin(location, settings.url))
        m_credentialsAllowed = false;
    qCDebug(lcGraphQLTransport) << "Redirect" << httpStatusCode << "to" << location
                                << (m_credentialsAllowed ? "" : "without credentials");
    detachReply();
    send(location);
    return true;
}

void QGraphQLOperationPrivate::onReadyRead()
{
    if (!m_reply || m_bodyMode == BodyMode::None)
        return;
    consume(m_reply->readAll());
}

void QGraphQLOperationPrivate::consume(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_heartbeatTimer.isActive())
        m_heartbeatTimer.start(); // any byte proves the stream alive
    switch (m_bodyMode) {
    case BodyMode::None:
        break;
    case BodyMode::Multipart:
        m_decoder->feed(bytes);
        drainMultipart();
        break;
    case BodyMode::EventStream:
        m_events->feed(bytes);
        drainEventStream();
        break;
    case BodyMode::Json:
    case BodyMode::HttpError:
        if (m_body.size() + bytes.size() > settings.maxPartSize) {
            fail(QGraphQLTransportError(
                    QGraphQLTransportError::ProtocolError,
                    u"The response body exceeds the maximum size of %1 bytes"_s.arg(
                            settings.maxPartSize)));
            return;
        }
        m_body += bytes;
        break;
    }
}

void QGraphQLOperationPrivate::drainMultipart()
{
    Q_Q(QGraphQLOperation);
    QPointer<QGraphQLOperation> guard(q);
    while (guard && !q->isFinished()) {
        switch (m_decoder->next()) {
        case QGraphQLMultipartDecoder::Event::NeedMoreData:
            return;
        case QGraphQLMultipartDecoder::Event::Closed:
            complete();
            return;
        case QGraphQLMultipartDecoder::Event::Error:
            fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                        m_decoder->errorString()));
            return;
        case QGraphQLMultipartDecoder::Event::Part:
            break;
        }
        const QByteArray partType = m_decoder->partContentType();
        if (!partType.isEmpty() && partType != m_jsonPartType) {
            if (!parseMediaType(partType).isJson()) {
                fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                            u"Unexpected part content type \"%1\" at byte %2"_s
                                                    .arg(QString::fromLatin1(partType))
                                                    .arg(m_decoder->partOffset())));
                return;
            }
            m_jsonPartType = partType; // the parts of a stream repeat one type: parse it once
        }
        if (kind == Kind::Execute) {
            // Incremental delivery: every part is a GraphQL response of its own. Some servers
            // end with an empty part right before the close delimiter.
            if (m_decoder->partBody().trimmed().isEmpty())
                continue;
            const ParsedJson parsed
                    = parseJsonObject(m_decoder->partBody(), m_decoder->partOffset());
            if (!parsed.error.isEmpty()) {
                fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError, parsed.error));
                return;
            }
            deliverPayload(parsed.object);
            continue;
        }
        const SubscriptionPart part
                = parseSubscriptionPart(m_decoder->partBody(), m_decoder->partOffset());
        switch (part.kind) {
        case SubscriptionPart::Heartbeat:
            qCDebug(lcGraphQLStream) << "heartbeat";
            break;
        case SubscriptionPart::Result:
            // An event delivered incrementally (@defer/@stream in a subscription) is merged
            // like the same payloads of a query; any other payload goes out as it is.
            if (isIncrementalPayload(part.payload) || (m_merger && !m_merger->isFinished()))
                deliverPayload(part.payload);
            else
                deliver(part.result);
            break;
        case SubscriptionPart::Ignored:
            if (!part.message.isEmpty())
                qCWarning(lcGraphQLStream).noquote() << part.message << "- ignored";
            break;
        case SubscriptionPart::FatalError: {
            QGraphQLTransportError error(QGraphQLTransportError::ServerError, part.message);
            error.setHttpStatusCode(httpStatusCode);
            error.setResult(part.result);
            fail(error);
            return;
        }
        case SubscriptionPart::Malformed:
            fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError, part.message));
            return;
        }
    }
}

// GraphQL over SSE, distinct connections mode: "next" events carry results, "complete" ends.
void QGraphQLOperationPrivate::drainEventStream()
{
    Q_Q(QGraphQLOperation);
    QPointer<QGraphQLOperation> guard(q);
    while (guard && !q->isFinished()) {
        switch (m_events->next()) {
        case QGraphQLSseDecoder::Status::NeedMoreData:
            return;
        case QGraphQLSseDecoder::Status::Error:
            fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                        m_events->errorString()));
            return;
        case QGraphQLSseDecoder::Status::Event:
            break;
        }
        const QGraphQLSseStep step = QGraphQLSseDecoder::graphqlStep(m_events->event());
        switch (step.kind) {
        case QGraphQLSseStep::Ignored:
            qCDebug(lcGraphQLStream) << "event ignored:" << m_events->event().type;
            break;
        case QGraphQLSseStep::Next:
            deliverPayload(step.payload);
            break;
        case QGraphQLSseStep::Complete:
            complete();
            return;
        case QGraphQLSseStep::Malformed:
            fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError, step.message));
            return;
        }
    }
}

// One GraphQL response of a stream: a plain result, or a step of incremental delivery
// (@defer/@stream), which is merged into the data received so far.
bool QGraphQLOperationPrivate::deliverPayload(const QJsonObject &payload)
{
    if (!isIncrementalPayload(payload) && !m_merger) {
        const QGraphQLResult result = QGraphQLResult::fromJson(payload);
        if (!result.isValid()) {
            fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                        u"A payload is not a GraphQL response: it has neither "
                                        "\"data\" nor \"errors\""_s));
            return false;
        }
        return deliver(result);
    }
    if (!m_merger || m_merger->isFinished())
        m_merger.emplace(); // a new incremental response (a subscription event) begins
    const QGraphQLIncrementalMerger::Step step = m_merger->merge(payload);
    if (!step.error.isEmpty()) {
        fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                    u"Invalid incremental delivery payload: "_s + step.error));
        return false;
    }
    QGraphQLResult result = step.result;
    result.setIncremental(m_merger->lastIncremental());
    return deliver(result);
}

bool QGraphQLOperationPrivate::deliver(const QGraphQLResult &result)
{
    Q_Q(QGraphQLOperation);
    lastResult = result;
    ++resultCount;
    QPointer<QGraphQLOperation> guard(q);
    Q_EMIT q->resultReceived(result);
    return guard && !q->isFinished();
}

void QGraphQLOperationPrivate::onReplyFinished()
{
    Q_Q(QGraphQLOperation);
    if (!m_reply || q->isFinished())
        return;
    if (m_bodyMode != BodyMode::None) {
        QPointer<QGraphQLOperation> guard(q);
        consume(m_reply->readAll());
        if (!guard || q->isFinished())
            return;
    }
    switch (m_bodyMode) {
    case BodyMode::HttpError:
        finishHttpError();
        return;
    case BodyMode::Multipart:
    case BodyMode::EventStream:
        finishStreamEarly();
        return;
    case BodyMode::Json:
        if (m_reply->error() == QNetworkReply::NoError) {
            finishJsonBody();
            return;
        }
        break;
    case BodyMode::None:
        break;
    }
    QGraphQLTransportError error(QGraphQLTransportError::NetworkError, m_reply->errorString());
    error.setNetworkError(m_reply->error());
    error.setHttpStatusCode(httpStatusCode);
    fail(error);
}

void QGraphQLOperationPrivate::finishJsonBody()
{
    Q_Q(QGraphQLOperation);
    const Response response = parseResponse(m_body);
    if (!response.error.isEmpty()) {
        fail(QGraphQLTransportError(QGraphQLTransportError::ProtocolError, response.error));
        return;
    }
    QPointer<QGraphQLOperation> guard(q);
    if (deliver(response.result))
        complete();
}

void QGraphQLOperationPrivate::finishHttpError()
{
    // HTTP/2 responses carry no reason phrase, and HTTP/1.1 servers may leave it empty.
    QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (reason.isEmpty())
        reason = QGraphQLTransportError::httpReasonPhrase(httpStatusCode);
    const Response response = parseResponse(m_body);
    QString message = u"HTTP %1 %2"_s.arg(httpStatusCode).arg(reason).trimmed();
    if (response.error.isEmpty())
        message += u": "_s + joinMessages(response.result.errors());
    else
        message += bodySnippet(m_body);
    // A 406 may name what the server can send instead: graphql-yoga answers a multipart
    // subscription request with "accept: text/event-stream" and an empty body.
    const QByteArray offered = m_reply->rawHeader("Accept");
    if (httpStatusCode == 406 && !offered.isEmpty()) {
        message += u" (the server offers: %1)"_s.arg(QString::fromLatin1(offered).simplified());
        if (kind == Kind::Subscribe && offered.contains("text/event-stream")
            && !settings.accept.contains("text/event-stream"))
            message += u"; it streams subscriptions over Server-Sent Events: use the "
                       "ServerSentEvents or Auto subscription protocol"_s;
    }
    QGraphQLTransportError error(QGraphQLTransportError::HttpStatusError, message);
    error.setHttpStatusCode(httpStatusCode);
    error.setNetworkError(m_reply->error());
    if (response.error.isEmpty())
        error.setResult(response.result);
    fail(error);
}

void QGraphQLOperationPrivate::finishStreamEarly()
{
    // Every complete part was delivered by consume(); what is left is an unfinished stream.
    const bool events = m_bodyMode == BodyMode::EventStream;
    QString message = events ? u"The stream ended before its complete event"_s
                             : u"The stream ended before its close delimiter"_s;
    if (m_reply->error() != QNetworkReply::NoError)
        message += u" (%1)"_s.arg(m_reply->errorString());
    message += u" after %1 result(s)"_s.arg(resultCount);
    if (events ? m_events->isInsideEvent() : m_decoder->isInsidePart())
        message += u"; an incomplete part was dropped"_s;
    QGraphQLTransportError error(QGraphQLTransportError::NetworkError, message);
    error.setNetworkError(m_reply->error() != QNetworkReply::NoError
                                  ? m_reply->error()
                                  : QNetworkReply::RemoteHostClosedError);
    error.setHttpStatusCode(httpStatusCode);
    fail(error);
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

void QGraphQLOperationPrivate::fail(QGraphQLTransportError failure)
{
    Q_Q(QGraphQLOperation);
    if (q->isFinished())
        return;
    if (failure.httpStatusCode() == 0)
        failure.setHttpStatusCode(httpStatusCode);
    if (scheduleRetry(failure))
        return;
    error = failure;
    qCDebug(lcGraphQLTransport) << "failed:" << error;
    finish(QGraphQLOperation::Failed);
}

// For failures that another attempt cannot mend: a bad URL or redirect, a destroyed manager.
void QGraphQLOperationPrivate::failWithoutRetry(const QGraphQLTransportError &failure)
{
    m_retryAllowed = false;
    fail(failure);
}

bool QGraphQLOperationPrivate::scheduleRetry(const QGraphQLTransportError &failure)
{
    Q_Q(QGraphQLOperation);
    const QGraphQLRetryPolicy &policy = settings.retryPolicy;
    if (kind != Kind::Subscribe || !m_retryAllowed || m_retryAttempt >= policy.maxAttempts()
        || !QGraphQLRetryPolicy::isRetryable(failure))
        return false;
    m_timeoutTimer.stop();
    m_heartbeatTimer.stop();
    detachReply();
    const int attempt = ++m_retryAttempt;
    const int delay = policy.delayFor(attempt);
    qCDebug(lcGraphQLTransport) << "retry" << attempt << "in" << delay << "ms after" << failure;
    m_retryTimer.start(delay);
    QPointer<QGraphQLOperation> guard(q);
    if (state != QGraphQLOperation::Connecting) {
        state = QGraphQLOperation::Connecting;
        Q_EMIT q->stateChanged(state);
        if (!guard)
            return true;
    }
    // Slots may refresh the transport's headers (a new token): retry() reads them again.
    Q_EMIT static_cast<QGraphQLSubscription *>(q)->reconnecting(attempt, delay, failure);
    return true;
}

void QGraphQLOperationPrivate::retry()
{
    if (m_transport)
        m_transport->d_func()->refreshCredentials(&settings);
    m_credentialsAllowed = true;
    m_redirects = 0;
    httpStatusCode = 0;
    responseHeaders.clear();
    startTimers();
    send(settings.url);
}

void QGraphQLOperationPrivate::complete()
{
    finish(QGraphQLOperation::Finished);
}

void QGraphQLOperationPrivate::finish(QGraphQLOperation::State finalState)
{
    Q_Q(QGraphQLOperation);
    state = finalState;
    m_timeoutTimer.stop();
    m_heartbeatTimer.stop();
    m_retryTimer.stop();
    detachReply(); // before anything is emitted: no reply signal can re-enter from here on
    releaseConnectionKey();

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

// Disconnects first: QNetworkReply::abort() emits finished() synchronously.
void QGraphQLOperationPrivate::detachReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    QObject::disconnect(reply, nullptr, q_ptr, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
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

QGraphQLReply::QGraphQLReply(std::unique_ptr<QGraphQLOperationPrivate> d)
    : QGraphQLOperation(std::move(d))
{ }

QGraphQLReply::~QGraphQLReply() = default;

QGraphQLSubscription::QGraphQLSubscription(std::unique_ptr<QGraphQLOperationPrivate> d)
    : QGraphQLOperation(std::move(d))
{ }

QGraphQLSubscription::~QGraphQLSubscription() = default;
