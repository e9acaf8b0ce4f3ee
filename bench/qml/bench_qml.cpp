// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// A QML consumer against bench_loadserver: an HttpTransport and a Subscription whose
// onResultReceived reads one field (data.seq) and counts the results until the stream
// finishes, as a QML application would. Prints one JSON object shaped like bench_endtoend's.
//
//   bench_qml <url>
//
// The subscription starts (active: true) once the clocks are read; CPU is getrusage(RUSAGE_SELF)
// user+system over the stream, guiCpu the main thread's CLOCK_THREAD_CPUTIME_ID (the QML
// engine's thread, where the handler runs), peak RSS VmHWM. The module is loaded from the
// build tree (QGRAPHQL_QML_IMPORT_DIR).

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qurl.h>
#include <QtQml/qqmlcomponent.h>
#include <QtQml/qqmlengine.h>

#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const char Qml[] = R"(
import QGraphQL

// The root is the transport itself: no other import is needed (QtQml's QtObject would pull in
// QtQml.Models, a package of its own on Debian).
HttpTransport {
    id: root
    property bool go: false
    property int payloads: 0
    property int fields: 0
    property double seqSum: 0
    property bool failed: root.subscription.status === Subscription.Error
    property string errorString: root.subscription.errorString

    property Subscription subscription: Subscription {
        transport: root
        query: "subscription { tick { seq t } }"
        active: root.go
        onResultReceived: (data, errors) => {
            ++root.payloads;
            const seq = data.seq;
            if (typeof seq === "number") {
                ++root.fields;
                root.seqSum += seq;
            }
        }
        onFinished: Qt.quit()
    }
}
)";

double cpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec
            + ru.ru_stime.tv_usec / 1e6;
}

double threadCpuSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

qint64 hwmKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_qml <url>\n");
        return 2;
    }
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral(QGRAPHQL_QML_IMPORT_DIR));
    QObject::connect(&engine, &QQmlEngine::quit, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    QQmlComponent component(&engine);
    component.setData(Qml, QUrl(u"bench_qml.qml"_s));
    std::unique_ptr<QObject> root(component.create());
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    root->setProperty("url", QUrl(QString::fromLocal8Bit(argv[1])));

    const double cpu0 = cpuSeconds();
    const double gui0 = threadCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    root->setProperty("go", true);
    QCoreApplication::exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    const double guiCpu = threadCpuSeconds() - gui0;

    const double payloads = root->property("payloads").toDouble();
    const double fields = root->property("fields").toDouble();
    int rc = 0;
    if (root->property("failed").toBool()) {
        std::fprintf(stderr, "subscription failed: %s\n",
                     qPrintable(root->property("errorString").toString()));
        rc = 1;
    } else if (fields != payloads) {
        std::fprintf(stderr, "%.0f of %.0f results had a number in data.seq\n", fields, payloads);
        rc = 1;
    }
    const QJsonObject o {
        { "client"_L1, "qml"_L1 }, { "payloads"_L1, payloads },
        { "fields"_L1, fields },   { "seqSum"_L1, root->property("seqSum").toDouble() },
        { "seconds"_L1, seconds }, { "cpu"_L1, cpu },
        { "guiCpu"_L1, guiCpu },   { "hwmKiB"_L1, double(hwmKiB()) }
    };
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return rc;
}
