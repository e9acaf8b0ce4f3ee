// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef DEMOSERVERFIXTURE_H
#define DEMOSERVERFIXTURE_H

#include <QtCore/qprocess.h>
#include <QtCore/qurl.h>
#include <QtTest/qtest.h>

//! The real demo server as a child process for a test case, on a free port.
class DemoServerFixture
{
public:
    ~DemoServerFixture() { stop(); }

    //! Returns false (and says why) if it did not start.
    bool start(const QStringList &extraArguments = {})
    {
        m_process.setProgram(QStringLiteral(QGRAPHQL_DEMO_SERVER_PATH));
        m_process.setArguments(QStringList { QStringLiteral("--port"), QStringLiteral("0") }
                               + extraArguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(30000)) {
            qWarning() << "demo server did not start:" << m_process.errorString();
            return false;
        }
        QByteArray line;
        while (!line.contains('\n') && m_process.waitForReadyRead(30000))
            line += m_process.readAllStandardOutput();
        url = QUrl(QString::fromUtf8(line.trimmed()));
        if (!url.isValid() || url.port() <= 0) {
            qWarning() << "demo server printed" << line;
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(10000);
    }

    QUrl url;

private:
    QProcess m_process;
};

#endif // DEMOSERVERFIXTURE_H
