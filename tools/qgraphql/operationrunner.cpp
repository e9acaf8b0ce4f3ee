// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "operationrunner.h"

#include "netscapecookiejar.h"

#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qjsondocument.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitInterrupted = 130; // the shell's convention for SIGINT

void printError(const QString &message)
{
    const QByteArray line = "qgraphql: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

OperationRunner::OperationRunner(const CliOptions &options, QGraphQLDocument::OperationType type,
                                 QObject *parent)
    : QObject(parent), m_options(options), m_type(type)
{ }

OperationRunner::~OperationRunner()
{
    delete m_operation; // aborts a request still running
}

void OperationRunner::start()
{
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

void OperationRunner::interrupt()
{
    if (m_operation && !m_operation->isFinished()) {
        m_operation->cancel(); // ends in onFinished() with state Cancelled
        return;
    }
    printError(u"interrupted"_s);
    finish(ExitInterrupted);
}

// The settings every transport has; then what only HTTP has.
void OperationRunner::configureTransport(const QUrl &url)
{
    QGraphQLTransport &transport = m_httpTransport;
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
    m_transport = &transport;
}

void OperationRunner::send(const QUrl &url)
{
    configureTransport(url);
    if (!m_options.cookieJarPath.isEmpty()) {
        m_cookieJar = new NetscapeCookieJar;
        m_httpTransport.setCookieJar(m_cookieJar);
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
                            u"%1; reconnecting in %2 ms (attempt %3 of %4)"_s.arg(error.message())
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
    if (m_stdoutFailed)
        return;
    const QByteArray line = QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact) + '\n';
    // One line per result, flushed at once: a pipe sees every event live.
    if (std::fwrite(line.constData(), 1, size_t(line.size()), stdout) != size_t(line.size())
        || std::fflush(stdout) != 0) {
        m_stdoutFailed = true;
        if (m_operation)
            m_operation->cancel();
    }
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
        finish(ExitOk);
        return;
    case QGraphQLOperation::Cancelled:
        if (m_stdoutFailed) {
            printError(u"cannot write to stdout"_s);
            finish(ExitFailure);
        } else {
            printError(u"interrupted; the request was cancelled"_s);
            finish(ExitInterrupted);
        }
        return;
    default:
        printError(m_operation->error().message());
        finish(ExitFailure);
        return;
    }
}

void OperationRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
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
