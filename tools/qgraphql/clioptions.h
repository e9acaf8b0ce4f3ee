// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef CLIOPTIONS_H
#define CLIOPTIONS_H

#include <QGraphQL/qgraphqlhttptransport.h>
#include <QGraphQL/qgraphqlversion.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qurl.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslcertificate.h>
#endif

#include <utility>

//! Everything the command line asks for, checked and read (files and stdin included), so
//! that the run itself cannot fail on bad usage.
struct CliOptions
{
    enum class Action { Run, ShowHelp, ShowVersion, UsageError };

    Action action = Action::Run;
    QString usageError; //!< for UsageError: one line naming what is wrong
    QString helpText;

    QUrl url; //!< empty with --demo: the demo server's URL is used
    QString urlPath; //!< with --demo, a relative URL given on the command line
    bool demo = false;
    bool printSchema = false; //!< --print-schema: document is the introspection query
    QString document;
    QJsonObject variables;
    QString operationName;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QList<std::pair<QByteArray, QByteArray>> cookies;
    QString cookieJarPath;
    int timeoutMs = 0;
    int heartbeatTimeoutMs = 0;
    int retries = 0;
    QGraphQLHttpTransport::SubscriptionProtocol protocol = QGraphQLHttpTransport::Multipart; // subscriptions: attempts after a network failure
    bool webSocket = false; //!< a ws:// or wss:// URL: the WebSocket transport runs it
    bool legacyWebSocketProtocol = false; //!< --protocol graphql-ws (else graphql-transport-ws)
    QJsonObject connectionParams; //!< --connection-params: the payload of connection_init
    bool persisted = false; //!< --persisted: automatic persisted queries (hash first)
    bool get = false; //!< -G, --get: a query goes as HTTP GET
    qint64 maxPartSize = 0; //!< 0: the library's default
    bool include = false;
    bool verbose = false; //!< -v: request and response heads on stderr, credentials redacted
    bool failOnErrors = false; //!< exit 3 when a result carried GraphQL errors
    int count = 0; //!< subscriptions: stop after this many results; 0 means no limit
    int maxTimeMs = 0; //!< the whole operation; 0 means no limit
#ifndef QT_NO_SSL
    QList<QSslCertificate> caCertificates; //!< --cacert: trusted next to the system's CAs
#endif
    bool insecure = false; //!< -k: TLS peers are not verified
    bool pretty = false; //!< --pretty: indented JSON, one document per result

    static CliOptions parse(const QStringList &arguments);
};

#endif // CLIOPTIONS_H
