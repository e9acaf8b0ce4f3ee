// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef OPERATIONRUNNER_H
#define OPERATIONRUNNER_H

#include "clinetworkaccessmanager.h"
#include "clioptions.h"
#include "demoserverprocess.h"

#include <QGraphQL/qgraphqldocument.h>
#include <QGraphQL/qgraphqlhttptransport.h>
#ifdef QGRAPHQL_HAS_WEBSOCKETS
#include <QGraphQL/qgraphqlwebsockettransport.h>
#endif

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

class NetscapeCookieJar;

//! Runs one operation for the command line: starts the demo server if asked, sends the
//! request, prints each result as one JSON line on stdout and failures as one line on
//! stderr, saves the cookie jar and reports the exit status with done().
class OperationRunner : public QObject
{
    Q_OBJECT
public:
    OperationRunner(const CliOptions &options, QGraphQLDocument::OperationType type,
                    QObject *parent = nullptr);
    ~OperationRunner() override;

    void start();
    //! SIGINT or SIGTERM: cancels the running request (or the demo server's start) and ends
    //! with 128 + the signal's number (130, 143).
    void interrupt(int signalNumber);

Q_SIGNALS:
    void done(int exitCode);

private:
    void send(const QUrl &url);
    void configureTransport(const QUrl &url);
    void configureWebSocketTransport();
    void printResult(const QGraphQLResult &result);
    void printSchema(const QGraphQLResult &result); // --print-schema
    void printResponseHead();
    void flushStdout();
    void failStdout(); // stdout cannot be written: cancel, exit 1
    void onFinished();
    void finish(int exitCode);
    void onMaxTime();
    //! The error's message, naming where a network or TLS failure happened.
    QString describe(const QGraphQLTransportError &error) const;
    QString protocolHint(const QGraphQLTransportError &error) const;

    enum class Stop { None, Interrupted, CountReached, MaxTime };

    const CliOptions m_options;
    const QGraphQLDocument::OperationType m_type;
    CliNetworkAccessManager m_manager; // before the transport, which uses it
    QGraphQLHttpTransport m_httpTransport;
#ifdef QGRAPHQL_HAS_WEBSOCKETS
    QGraphQLWebSocketTransport m_webSocketTransport; // for ws:// and wss:// URLs
#endif
    QGraphQLTransport *m_transport = nullptr; // what runs the operation
    NetscapeCookieJar *m_cookieJar = nullptr; // owned by the transport's manager
    DemoServerProcess *m_demoServer = nullptr;
    QPointer<QGraphQLOperation> m_operation;
    bool m_headPrinted = false;
    bool m_schemaFailed = false; // --print-schema: the introspection result had errors
    bool m_stdoutFailed = false;
    bool m_flushPending = false;
    bool m_finished = false;
    bool m_sawGraphQLErrors = false; // for --fail-on-errors
    int m_resultCount = 0;
    int m_signalNumber = 0;
    Stop m_stop = Stop::None;
    QTimer m_maxTimer;
    QStringList m_sslErrors; // the certificate problems of the latest TLS handshake
};

#endif // OPERATIONRUNNER_H
