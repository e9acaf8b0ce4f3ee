// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Uses the installed QGraphQL through its CMake package: builds a request, prints its JSON
// body, and runs a query against a closed port to check signals across the library boundary.

#include <QGraphQL/qgraphqlhttptransport.h>
#include <QGraphQL/qgraphqlrequest.h>
#include <QGraphQL/qgraphqlversion.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qtimer.h>

#include <cstdio>

static_assert(QGRAPHQL_VERSION >= QT_VERSION_CHECK(0, 0, 0), "QGRAPHQL_VERSION is a number");

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("version %s\n", QGRAPHQL_VERSION_STR);

    QGraphQLHttpTransport transport(QUrl(QStringLiteral("http://127.0.0.1:1/graphql")));
    transport.setTimeout(10000);
    if (transport.property("timeout").toInt() != 10000) {
        std::fprintf(stderr, "the transport's timeout property does not read back\n");
        return 1;
    }

    const QGraphQLRequest request(
            QStringLiteral("query($name: String) { hello(name: $name) }"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("Ada") } });
    std::printf("%s\n", request.toJson().constData());

    // Port 1 refuses the connection: the reply fails with a NetworkError, then finishes.
    QGraphQLReply *reply = transport.execute(request);
    QGraphQLTransportError::Kind kind = QGraphQLTransportError::NoError;
    QObject::connect(reply, &QGraphQLReply::errorOccurred, &app,
                     [&kind](const QGraphQLTransportError &error) { kind = error.kind(); });
    QObject::connect(reply, &QGraphQLReply::finished, &app, &QCoreApplication::quit);
    QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(2); });
    if (app.exec() != 0) {
        std::fprintf(stderr, "the reply did not finish\n");
        return 1;
    }
    const char *kindName
            = QMetaEnum::fromType<QGraphQLTransportError::Kind>().valueToKey(int(kind));
    std::printf("reply finished: %s\n", kindName ? kindName : "?");
    delete reply;
    return kind == QGraphQLTransportError::NetworkError ? 0 : 1;
}
