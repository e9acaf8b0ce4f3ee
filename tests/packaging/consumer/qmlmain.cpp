// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Loads the installed QML module (`import QGraphQL`, found through QML_IMPORT_PATH), creates
// each element, runs a Query against a closed port, and checks that every QGraphQL library
// the process loaded comes from the installed prefix given as the first argument.

#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qtimer.h>
#include <QtQml/qqmlcomponent.h>
#include <QtQml/qqmlengine.h>

#include <cstdio>
#include <memory>

// No "import QtQml": the elements alone, as children declared as properties of the transport.
static const char qml[] = R"(
import QGraphQL

HttpTransport {
    id: api
    url: "http://127.0.0.1:1/graphql"
    headers: ({ Authorization: "Bearer test" })
    timeout: 10000

    property Query query: Query { transport: api; query: "{ hello }" }
    property Mutation mutation: Mutation { transport: api; query: "mutation { logout }" }
    property Subscription subscription: Subscription {
        transport: api
        query: "subscription { clock }"
    }
}
)";

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: qgraphql_qml_consumer PREFIX\n");
        return 2;
    }
    // /proc/self/maps names files by their real paths.
    const QByteArray prefix
            = QFile::encodeName(QFileInfo(QString::fromLocal8Bit(argv[1])).canonicalFilePath());

    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData(qml, QUrl(QStringLiteral("qrc:/consumer.qml")));
    std::unique_ptr<QObject> root(component.create());
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    QObject *transport = root.get();
    QObject *query = root->property("query").value<QObject *>();
    if (!transport || transport->property("timeout").toInt() != 10000 || !query
        || !root->property("mutation").value<QObject *>()
        || !root->property("subscription").value<QObject *>()) {
        std::fprintf(stderr, "the elements were not created as written\n");
        return 1;
    }
    std::printf("HttpTransport ok: %s\n", qPrintable(transport->property("url").toString()));

    // Query.status: Idle, Loading, Ready, Error. Port 1 refuses: the run ends in Error.
    QMetaObject::invokeMethod(query, "run");
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [query] {
        if (query->property("status").toInt() == 3)
            QCoreApplication::quit();
    });
    poll.start(10);
    QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(2); });
    if (app.exec() != 0) {
        std::fprintf(stderr, "the query did not fail as expected\n");
        return 1;
    }
    std::printf("Query status Error: %s\n", qPrintable(query->property("errorString").toString()));

    // Every libQGraphQL* mapped into the process must come from the prefix under test.
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (maps.open(QIODevice::ReadOnly)) {
        int found = 0;
        for (const QByteArray &line : maps.readAll().split('\n')) {
            const qsizetype slash = line.indexOf('/');
            if (slash < 0 || !line.contains("libQGraphQL"))
                continue;
            const QByteArray path = line.mid(slash);
            if (!path.startsWith(prefix + '/')) {
                std::fprintf(stderr, "loaded from outside %s: %s\n", prefix.constData(),
                             path.constData());
                return 1;
            }
            ++found;
        }
        if (found == 0) {
            std::fprintf(stderr, "no libQGraphQL* library is mapped\n");
            return 1;
        }
    }
    return 0;
}
