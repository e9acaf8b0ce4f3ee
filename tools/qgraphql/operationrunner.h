// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef OPERATIONRUNNER_H
#define OPERATIONRUNNER_H

#include "clioptions.h"
#include "demoserverprocess.h"

#include <QGraphQL/qgraphqldocument.h>
#include <QGraphQL/qgraphqlhttptransport.h>

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>

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
    //! Ctrl-C: cancels the running request (or the demo server's start) and ends with 130.
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    void send(const QUrl &url);
    void configureTransport(const QUrl &url);
    void printResult(const QGraphQLResult &result);
    void printResponseHead();
    void onFinished();
    void finish(int exitCode);

    const CliOptions m_options;
    const QGraphQLDocument::OperationType m_type;
    QGraphQLHttpTransport m_httpTransport;
    QGraphQLTransport *m_transport = nullptr; // what runs the operation: the HTTP one today
    NetscapeCookieJar *m_cookieJar = nullptr; // owned by the transport's manager
    DemoServerProcess *m_demoServer = nullptr;
    QPointer<QGraphQLOperation> m_operation;
    bool m_headPrinted = false;
    bool m_stdoutFailed = false;
    bool m_finished = false;
};

#endif // OPERATIONRUNNER_H
