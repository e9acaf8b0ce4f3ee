// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "operationrunner.h"

#include "netscapecookiejar.h"
#include "schemaprinter.h"

#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qjsondocument.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslerror.h>
#include <QtNetwork/qsslsocket.h>
#endif

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitGraphQLErrors = 3; // --fail-on-errors
constexpr int ExitSignalBase = 128; // the shell's convention: 130 for SIGINT, 143 for SIGTERM

void printError(const QString &message)
{
    const QByteArray line = "qgraphql: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

OperationRunner::OperationRunner(const CliOptions &options, QGraphQLDocument::OperationType type,
                                 QObject *parent)
    : QObject(parent), m_options(options), m_type(type), m_manager(options.verbose)
{
    m_httpTransport.setNetworkAccessManager(&m_manager);
    m_maxTimer.setSingleShot(true);
    connect(&m_maxTimer, &QTimer::timeout, this, &OperationRunner::onMaxTime);
#ifndef QT_NO_SSL
    // Only recorded, never ignored: the handshake still fails, and the message names why.
    connect(&m_manager, &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *, const QList<QSslError> &errors) {
                m_sslErrors.clear();
                for (const QSslError &error : errors)
                    m_sslErrors.append(error.errorString());
            });
#endif
}

// A subscription refused for what it asked to be streamed as (406, or 415 from servers that
// answer so): name the --protocol that would work. The server's Accept header, when it sends
// one, says what it offers; without it the other protocol is the one left to try.
QString OperationRunner::protocolHint(const QGraphQLTransportError &error) const
{
    const int status = error.httpStatusCode();
    if (m_type != QGraphQLDocument::Subscription || (status != 406 && status != 415)
        || m_options.protocol == QGraphQLHttpTransport::Auto || !m_operation)
        return {};
    QByteArray offered;
    const auto headers = m_operation->responseHeaders();
    for (const auto &[name, value] : headers) {
        if (name.compare("accept", Qt::CaseInsensitive) == 0)
            offered = value.toLower();
    }
    const bool askedSse = m_options.protocol == QGraphQLHttpTransport::ServerSentEvents;
    const bool offersSse = offered.contains("text/event-stream");
    const bool offersMultipart = offered.contains("multipart/mixed");
    if (!offered.isEmpty() && !(askedSse ? offersMultipart : offersSse))
        return {};
    return askedSse
            ? u"; the server streams subscriptions as multipart: try --protocol multipart"_s
            : u"; the server streams subscriptions over Server-Sent Events: try --protocol sse"_s;
}

QString OperationRunner::describe(const QGraphQLTransportError &error) const
{
    if (error.kind() == QGraphQLTransportError::HttpStatusError) {
        const QString hint = protocolHint(error);
        if (hint.isEmpty())
            return error.message();
        // The library's own hint names its C++ enum; the command line has --protocol.
        QString message = error.message();
        const qsizetype libraryHint = message.indexOf(u"; it streams subscriptions over"_s);
        if (libraryHint >= 0)
            message.truncate(libraryHint);
        return message + hint;
    }
    if (error.kind() != QGraphQLTransportError::NetworkError)
        return error.message();
    const QUrl url = m_transport ? m_transport->url() : m_httpTransport.url();
    const QString host = url.host();
    const bool secure = url.scheme() == "https"_L1 || url.scheme() == "wss"_L1;
    const QString where = u"%1:%2"_s.arg(host).arg(url.port(secure ? 443 : 80));
    switch (error.networkError()) {
    case QNetworkReply::ConnectionRefusedError:
        return u"cannot connect to %1 (%2)"_s.arg(where, error.message());
    case QNetworkReply::HostNotFoundError:
        return u"cannot resolve the host \"%1\" (%2)"_s.arg(host, error.message());
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS handshake with %1 failed: %2"_s.arg(
                where, m_sslErrors.isEmpty() ? error.message() : m_sslErrors.join(u"; "_s));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return u"cannot reach %1 (%2)"_s.arg(where, error.message());
    default:
        return error.message();
    }
}

OperationRunner::~OperationRunner()
{
    delete m_operation; // aborts a request still running
}

void OperationRunner::start()
{
    if (m_options.maxTimeMs > 0)
        m_maxTimer.start(m_options.maxTimeMs); // the demo server's start counts too
    if (!m_options.demo) {
        send(m_options.url);
        return;
    }
    m_demoServer = new DemoServerProcess(this);
    connect(m_demoServer, &DemoServerProcess::ready, this, [this](const QUrl &url) {
        send(m_options.urlPath.isEmpty() ? url : url.resolved(QUrl(m_options.urlPath)));
    });
    connect(m_demoServer, &DemoServerProcess::failed, this, [this](const QString &message) {
        printError(message);
        finish(ExitFailure);
    });
    m_demoServer->start();
}

void OperationRunner::interrupt(int signalNumber)
{
    m_signalNumber = signalNumber;
    if (m_operation && !m_operation->isFinished()) {
        m_stop = Stop::Interrupted;
        m_operation->cancel(); // ends in onFinished() with state Cancelled
        return;
    }
    printError(signalNumber == SIGTERM ? u"terminated"_s : u"interrupted"_s);
    finish(ExitSignalBase + signalNumber);
}

void OperationRunner::onMaxTime()
{
    const QString message = u"the operation did not finish within --max-time %1 s"_s.arg(
            m_options.maxTimeMs / 1000.0);
    if (m_operation && !m_operation->isFinished()) {
        m_stop = Stop::MaxTime;
        m_operation->cancel();
        return;
    }
    printError(message);
    finish(ExitFailure);
}

// The settings every transport has; then what only HTTP (or only WebSocket) has.
void OperationRunner::configureTransport(const QUrl &url)
{
#ifdef QGRAPHQL_HAS_WEBSOCKETS
    QGraphQLTransport &transport = m_options.webSocket
            ? static_cast<QGraphQLTransport &>(m_webSocketTransport)
            : m_httpTransport;
#else
    QGraphQLTransport &transport = m_httpTransport;
#endif
    transport.setUrl(url);
    for (const auto &[name, value] : m_options.headers)
        transport.setHeader(name, value);
    transport.setTimeout(m_options.timeoutMs);
    transport.setHeartbeatTimeout(m_options.heartbeatTimeoutMs);
    if (m_options.maxPartSize > 0)
        transport.setMaxPartSize(m_options.maxPartSize);
    transport.setRetryPolicy(QGraphQLRetryPolicy(m_options.retries));

    for (const auto &[name, value] : m_options.cookies)
        m_httpTransport.addCookie(name, value);
    m_httpTransport.setSubscriptionProtocol(m_options.protocol);
    m_httpTransport.setPersistedQueries(m_options.persisted);
    m_httpTransport.setUseGetForQueries(m_options.get);
#ifndef QT_NO_SSL
    if (!m_options.caCertificates.isEmpty() || m_options.insecure) {
        QSslConfiguration ssl = m_httpTransport.sslConfiguration();
        ssl.addCaCertificates(m_options.caCertificates);
        if (m_options.insecure) {
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
            printError(u"warning: --insecure: the server's TLS certificate is not verified"_s);
        }
        m_httpTransport.setSslConfiguration(ssl);
#ifdef QGRAPHQL_HAS_WEBSOCKETS
        m_webSocketTransport.setSslConfiguration(ssl);
#endif
    }
#endif
    m_transport = &transport;
    if (m_options.webSocket)
        configureWebSocketTransport();
}

// The handshake carries the static cookies in its Cookie header (the jar's are added by the
// transport); one socket carries the operation, closed when it ends.
void OperationRunner::configureWebSocketTransport()
{
#ifdef QGRAPHQL_HAS_WEBSOCKETS
    m_webSocketTransport.setProtocol(m_options.legacyWebSocketProtocol
                                             ? QGraphQLWebSocketTransport::GraphQLWs
                                             : QGraphQLWebSocketTransport::GraphQLTransportWs);
    m_webSocketTransport.setConnectionParams(m_options.connectionParams);
    QByteArray cookieHeader;
    const QHash<QByteArray, QByteArray> headers = m_webSocketTransport.headers();
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (it.key().compare("cookie", Qt::CaseInsensitive) == 0) {
            cookieHeader = it.value();
            m_webSocketTransport.removeHeader(it.key());
        }
    }
    for (const auto &[name, value] : m_options.cookies) {
        if (!cookieHeader.isEmpty())
            cookieHeader += "; ";
        cookieHeader += name + '=' + value;
    }
    if (!cookieHeader.isEmpty())
        m_webSocketTransport.setHeader("Cookie", cookieHeader);
#endif
}

void OperationRunner::send(const QUrl &url)
{
    configureTransport(url);
    if (!m_options.cookieJarPath.isEmpty()) {
        m_cookieJar = new NetscapeCookieJar;
        m_httpTransport.setCookieJar(m_cookieJar);
#ifdef QGRAPHQL_HAS_WEBSOCKETS
        m_webSocketTransport.setCookieJar(m_cookieJar); // owned by the HTTP transport's manager
#endif
        QString error;
        if (!m_cookieJar->load(m_options.cookieJarPath, &error)) {
            m_cookieJar = nullptr; // an unreadable jar is not overwritten at exit
            printError(error);
            finish(ExitFailure);
            return;
        }
    }

    const QGraphQLRequest request(m_options.document, m_options.variables, m_options.operationName);
    if (m_type == QGraphQLDocument::Subscription) {
        auto *subscription = m_transport->subscribe(request);
        connect(subscription, &QGraphQLSubscription::reconnecting, this,
                [this](int attempt, int delay, const QGraphQLTransportError &error) {
                    printError(
                            u"%1; reconnecting in %2 ms (attempt %3 of %4)"_s.arg(describe(error))
                                    .arg(delay)
                                    .arg(attempt)
                                    .arg(m_options.retries));
                    m_headPrinted = false; // --include shows the next response's head too
                });
        m_operation = subscription;
    } else {
        m_operation = m_transport->execute(request);
    }
    connect(m_operation, &QGraphQLOperation::resultReceived, this, &OperationRunner::printResult);
    connect(m_operation, &QGraphQLOperation::stateChanged, this,
            [this](QGraphQLOperation::State state) {
                if (state == QGraphQLOperation::Active && m_options.include)
                    printResponseHead();
            });
    connect(m_operation, &QGraphQLOperation::finished, this, &OperationRunner::onFinished);
}

void OperationRunner::printResult(const QGraphQLResult &result)
{
    if (m_options.printSchema)
        return printSchema(result);
    if (m_stdoutFailed || m_stop != Stop::None)
        return;
    if (result.hasErrors())
        m_sawGraphQLErrors = true;
    ++m_resultCount;
    // The server's text: its member order, every number as sent. Compact: one line per
    // result. --pretty: indented, each result a whole JSON document ending with a newline (a
    // stream that jq reads as it is).
    const QByteArray line
            = m_options.pretty ? result.rawJson(QJsonDocument::Indented) : result.rawJson() + '\n';
    if (std::fwrite(line.constData(), 1, size_t(line.size()), stdout) != size_t(line.size())) {
        failStdout();
        return;
    }
    // Flushed once the results that arrived together are written: a pipe still sees every
    // event live, with one write() per network read instead of one per result.
    if (!m_flushPending) {
        m_flushPending = true;
        QTimer::singleShot(0, this, &OperationRunner::flushStdout);
    }
    if (m_type == QGraphQLDocument::Subscription && m_options.count > 0
        && m_resultCount >= m_options.count && m_operation && !m_operation->isFinished()) {
        m_stop = Stop::CountReached;
        m_operation->cancel(); // closes the connection; onFinished() ends with 0
    }
}

void OperationRunner::flushStdout()
{
    m_flushPending = false;
    if (!m_stdoutFailed && std::fflush(stdout) != 0)
        failStdout();
}

void OperationRunner::failStdout()
{
    m_stdoutFailed = true;
    if (m_operation && !m_operation->isFinished())
        m_operation->cancel();
}

void OperationRunner::printResponseHead()
{
    if (m_headPrinted || !m_operation || m_operation->httpStatusCode() == 0)
        return;
    m_headPrinted = true;
    const int status = m_operation->httpStatusCode();
    QByteArray head = "HTTP " + QByteArray::number(status) + ' '
            + QGraphQLTransportError::httpReasonPhrase(status).toLatin1();
    head = head.trimmed() + '\n';
    const auto headers = m_operation->responseHeaders();
    for (const auto &[name, value] : headers)
        head += name + ": " + value + '\n';
    std::fwrite(head.constData(), 1, size_t(head.size()), stderr);
    std::fflush(stderr);
}

void OperationRunner::onFinished()
{
    if (m_options.include)
        printResponseHead();
    switch (m_operation->state()) {
    case QGraphQLOperation::Finished:
        finish(m_schemaFailed ? ExitFailure : ExitOk);
        return;
    case QGraphQLOperation::Cancelled:
        if (m_stdoutFailed) {
            printError(u"cannot write to stdout"_s);
            finish(ExitFailure);
        } else if (m_stop == Stop::CountReached) {
            finish(ExitOk);
        } else if (m_stop == Stop::MaxTime) {
            printError(u"the operation did not finish within --max-time %1 s"_s.arg(
                    m_options.maxTimeMs / 1000.0));
            finish(ExitFailure);
        } else {
            const int signalNumber = m_signalNumber ? m_signalNumber : SIGINT;
            printError(signalNumber == SIGTERM ? u"terminated; the request was cancelled"_s
                                               : u"interrupted; the request was cancelled"_s);
            finish(ExitSignalBase + signalNumber);
        }
        return;
    default: {
        const QGraphQLTransportError error = m_operation->error();
        // A GraphQL response with a 4xx status (a request the server refused, with its
        // errors) is a result like any other on stdout; the status still fails the run.
        const int status = error.httpStatusCode();
        if (error.kind() == QGraphQLTransportError::HttpStatusError && status >= 400 && status < 500
            && error.result().isValid())
            printResult(error.result());
        // Over WebSocket the server refuses an operation with an error message: its errors.
        else if (m_options.webSocket && error.kind() == QGraphQLTransportError::ServerError
                 && error.result().isValid())
            printResult(error.result());
        printError(describe(error));
        finish(ExitFailure);
        return;
    }
    }
}

void OperationRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    flushStdout();
    if (m_stdoutFailed && exitCode == ExitOk) {
        printError(u"cannot write to stdout"_s);
        exitCode = ExitFailure;
    }
    m_finished = true;
    m_maxTimer.stop();
    if (exitCode == ExitOk && m_options.failOnErrors && m_sawGraphQLErrors)
        exitCode = ExitGraphQLErrors;
    if (m_operation)
        m_operation->deleteLater();
    if (m_cookieJar) {
        QString error;
        if (!m_cookieJar->save(m_options.cookieJarPath, &error)) {
            printError(error);
            if (exitCode == ExitOk)
                exitCode = ExitFailure;
        }
    }
    if (m_demoServer)
        m_demoServer->stop();
    Q_EMIT done(exitCode);
}

// --print-schema: the introspection result as SDL on stdout; its GraphQL errors on stderr,
// and the run fails.
void OperationRunner::printSchema(const QGraphQLResult &result)
{
    QString error;
    const QList<QGraphQLError> errors = result.errors();
    for (const QGraphQLError &graphQLError : errors)
        printError(u"introspection failed: %1"_s.arg(graphQLError.message()));
    const QString sdl
            = errors.isEmpty() ? SchemaPrinter::print(result.data().toObject(), &error) : QString();
    if (sdl.isEmpty()) {
        if (errors.isEmpty())
            printError(error.isEmpty() ? u"the schema is empty"_s : error);
        m_schemaFailed = true;
        return;
    }
    const QByteArray bytes = sdl.toUtf8() + '\n';
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size())
        || std::fflush(stdout) != 0) {
        printError(u"cannot write to stdout"_s);
        m_schemaFailed = true;
    }
}
