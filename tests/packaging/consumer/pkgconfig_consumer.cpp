// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Built by tests/packaging with `pkg-config --cflags --libs qgraphql` alone.

#include <QGraphQL/qgraphqlhttptransport.h>
#include <QGraphQL/qgraphqlrequest.h>
#include <QGraphQL/qgraphqlversion.h>

#include <cstdio>

int main()
{
    QGraphQLHttpTransport transport(QUrl(QStringLiteral("http://127.0.0.1:1/graphql")));
    const QGraphQLRequest request(QStringLiteral("{ hello }"));
    std::printf("qgraphql %s %s %s\n", QGRAPHQL_VERSION_STR, request.toJson().constData(),
                qPrintable(transport.url().toString()));
    return 0;
}
