// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef DEMOSERVERPROCESS_H
#define DEMOSERVERPROCESS_H

#include <QtCore/qobject.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtimer.h>
#include <QtCore/qurl.h>

//! The bundled demo server as a child process for --demo: started on a free loopback port,
//! ready once it printed its URL, stopped with the client. The child gets its own process
//! group, so a Ctrl-C in the terminal reaches the client alone and the client can cancel
//! its request cleanly before it stops the server.
class DemoServerProcess : public QObject
{
    Q_OBJECT
public:
    explicit DemoServerProcess(QObject *parent = nullptr);
    ~DemoServerProcess() override;

    //! $QGRAPHQL_DEMO_SERVER, else qgraphql-demo-server next to this program, else the
    //! one in the build tree this program was built in. Empty when none exists.
    static QString findExecutable();

    void start();
    void stop();
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);

private:
    void readOutput();
    void fail(const QString &message);

    QProcess m_process;
    QTimer m_startTimeout;
    QByteArray m_output;
    QUrl m_url;
    bool m_failed = false;
};

#endif // DEMOSERVERPROCESS_H
