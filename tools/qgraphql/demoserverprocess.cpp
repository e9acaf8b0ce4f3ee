// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "demoserverprocess.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qfileinfo.h>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr int StartTimeoutMs = 30000; // a loaded CI machine can be slow to start a process
constexpr char ServerName[] = "qgraphql-demo-server";
} // namespace

DemoServerProcess::DemoServerProcess(QObject *parent) : QObject(parent)
{
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        fail(u"the demo server did not report its URL within %1 s"_s.arg(StartTimeoutMs / 1000));
    });
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // never outlive the client, even if it is killed
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServerProcess::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(u"cannot start the demo server \"%1\": %2"_s.arg(m_process.program(),
                                                                  m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        if (m_url.isEmpty())
            fail(u"the demo server exited (status %1) before it was ready"_s.arg(exitCode));
    });
}

DemoServerProcess::~DemoServerProcess()
{
    stop();
}

QString DemoServerProcess::findExecutable()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("QGRAPHQL_DEMO_SERVER");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    candidates << QDir(QCoreApplication::applicationDirPath()).filePath(QLatin1String(ServerName));
#ifdef QGRAPHQL_DEMO_SERVER_BUILD_PATH
    candidates << QString::fromUtf8(QGRAPHQL_DEMO_SERVER_BUILD_PATH);
#endif
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}

void DemoServerProcess::start()
{
    const QString program = findExecutable();
    if (program.isEmpty()) {
        QMetaObject::invokeMethod(
                this,
                [this] {
                    fail(u"cannot find %1 (next to qgraphql, in the build tree, or in "
                         "$QGRAPHQL_DEMO_SERVER)"_s.arg(QLatin1String(ServerName)));
                },
                Qt::QueuedConnection);
        return;
    }
    m_startTimeout.start(StartTimeoutMs);
    m_process.start(program, { u"--port"_s, u"0"_s });
}

void DemoServerProcess::stop()
{
    m_startTimeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    disconnect(&m_process, nullptr, this, nullptr);
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

void DemoServerProcess::readOutput()
{
    if (!m_url.isEmpty()) {
        m_process.readAllStandardOutput(); // only the first line matters
        return;
    }
    m_output += m_process.readAllStandardOutput();
    const qsizetype newline = m_output.indexOf('\n');
    if (newline < 0)
        return;
    const QUrl url(QString::fromUtf8(m_output.left(newline).trimmed()));
    if (!url.isValid() || url.scheme() != "http"_L1) {
        fail(u"the demo server printed \"%1\" instead of its URL"_s.arg(
                QString::fromUtf8(m_output.left(newline).trimmed())));
        return;
    }
    m_startTimeout.stop();
    m_url = url;
    Q_EMIT ready(m_url);
}

void DemoServerProcess::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    stop();
    Q_EMIT failed(message);
}
