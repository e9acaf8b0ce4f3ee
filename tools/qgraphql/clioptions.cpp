// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "clioptions.h"

#include "schemaprinter.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct UsageError
{
    QString message;
};

[[noreturn]] void failUsage(const QString &message)
{
    throw UsageError { message };
}

// What already read stdin ("the document", "variables", "headers"): it can be read once.
QString stdinReader;

QByteArray readFileOrStdin(const QString &path, const QString &what)
{
    if (path == "-"_L1) {
        if (!stdinReader.isEmpty())
            failUsage(u"%1 and %2 cannot both be read from stdin"_s.arg(stdinReader, what));
        stdinReader = what;
    }
    QFile file;
    const bool ok = path == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly)
                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok)
        failUsage(u"cannot read %1 from \"%2\": %3"_s.arg(what, path, file.errorString()));
    return file.readAll();
}

// "@FILE" reads a file, "-" reads stdin (documents only), anything else is the value itself.
QByteArray textArgument(const QString &value, const QString &what, bool allowStdin)
{
    if (value.startsWith(u'@'))
        return readFileOrStdin(value.mid(1), what);
    if (allowStdin && value == "-"_L1)
        return readFileOrStdin(value, what);
    return value.toUtf8();
}

int secondsToMs(const QString &value, const QString &option)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 24 * 3600 * 24)
        failUsage(u"--%1 expects a number of seconds, got \"%2\""_s.arg(option, value));
    const int ms = int(std::lround(seconds * 1000));
    return seconds > 0 ? qMax(ms, 1) : 0;
}

std::pair<QByteArray, QByteArray> splitPair(const QString &value, char separator,
                                            const QString &option, const QString &form)
{
    const qsizetype at = value.indexOf(QLatin1Char(separator));
    const QByteArray name = value.left(at).trimmed().toUtf8();
    if (at <= 0 || name.isEmpty() || name.contains(' ') || name.contains('\t'))
        failUsage(u"--%1 expects \"%2\", got \"%3\""_s.arg(option, form, value));
    return { name, value.mid(at + 1).trimmed().toUtf8() };
}

// -H "Name: value", or -H @FILE / @- (stdin): one header a line, as curl reads them; blank
// lines and lines starting with # are skipped. A bad line is named by its number only: it may
// hold a secret.
QList<std::pair<QByteArray, QByteArray>> headerArgument(const QString &value)
{
    if (!value.startsWith(u'@'))
        return { splitPair(value, ':', u"header"_s, u"Name: value"_s) };
    const QString source = value.mid(1);
    const QList<QByteArray> lines = readFileOrStdin(source, u"headers"_s).split('\n');
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype at = line.indexOf(':');
        const QByteArray name = line.left(at).trimmed();
        if (at <= 0 || name.isEmpty() || name.contains(' ') || name.contains('\t'))
            failUsage(u"--header @%1: line %2 is not \"Name: value\""_s.arg(source).arg(i + 1));
        headers.append({ name, line.mid(at + 1).trimmed() });
    }
    return headers;
}

// Repeated names (compared case-insensitively) are sent once, their values joined with ", "
// in order, which HTTP defines as equivalent to the repeated header (RFC 9110, 5.3).
QList<std::pair<QByteArray, QByteArray>>
combineHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QList<std::pair<QByteArray, QByteArray>> combined;
    for (const auto &[name, value] : headers) {
        auto it = std::find_if(combined.begin(), combined.end(), [&](const auto &header) {
            return header.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == combined.end())
            combined.append({ name, value });
        else
            it->second += ", " + value;
    }
    return combined;
}

} // namespace

CliOptions CliOptions::parse(const QStringList &arguments)
{
    stdinReader.clear();
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Sends a GraphQL query, mutation or subscription over HTTP or WebSocket and prints "
            "every result as one line of JSON.\n\n"
            "  qgraphql [options] URL DOCUMENT\n"
            "  qgraphql --demo [options] [URL] DOCUMENT\n"
            "  qgraphql --print-schema [options] URL\n"
            "  qgraphql --demo --print-schema\n\n"
            "URL is an absolute http:// or https:// URL, or ws:// or wss:// for GraphQL over "
            "WebSocket (graphql-transport-ws, or graphql-ws with --protocol graphql-ws). "
            "DOCUMENT is the GraphQL text, @FILE to read it from a file, or - for stdin. Over "
            "HTTP, subscriptions use Apollo's multipart protocol (the default) or GraphQL over "
            "Server-Sent Events (--protocol sse or auto); every subscription prints each event "
            "as it arrives.\n"
            "Exit status: 0 when the operation completed (GraphQL errors in results included), "
            "1 on a transport, HTTP, protocol or timeout failure, 2 on bad usage or a document "
            "that does not parse, 3 with --fail-on-errors when a result carried GraphQL "
            "errors, 130 when interrupted (SIGINT), 143 when terminated (SIGTERM).\n\n"
            "Examples:\n"
            "  qgraphql http://127.0.0.1:4000/graphql '{ hello }'\n"
            "  qgraphql --variables '{\"n\": 3}' URL 'subscription ($n: Int!) { countdown(from: "
            "$n) }'\n"
            "  qgraphql --demo 'subscription { countdown(from: 5, intervalMs: 500) }'"_s);
    const QCommandLineOption variables(u"variables"_s, u"Variables as a JSON object, or @FILE."_s,
                                       u"JSON"_s);
    const QCommandLineOption operationName(
            u"operation-name"_s, u"The operation to run when DOCUMENT has several."_s, u"NAME"_s);
    const QCommandLineOption header(
            { u"H"_s, u"header"_s },
            u"Extra HTTP header \"Name: value\" (repeatable; a repeated name sends the values "
            "joined with \", \"), or @FILE (@- for stdin) to read one header a line, so that "
            "secrets stay off the command line."_s,
            u"HEADER"_s);
    const QCommandLineOption pretty(
            u"pretty"_s,
            u"Print each result as indented JSON (each one a complete JSON document) instead "
            "of one compact line."_s);
    const QCommandLineOption cacert(
            u"cacert"_s, u"Also trust the CA certificates of this PEM file."_s, u"FILE"_s);
    const QCommandLineOption insecure(
            { u"k"_s, u"insecure"_s },
            u"Do not verify the server's TLS certificate (a warning is printed)."_s);
    const QCommandLineOption cookie({ u"b"_s, u"cookie"_s },
                                    u"Send the cookie NAME=VALUE (repeatable)."_s, u"NAME=VALUE"_s);
    const QCommandLineOption cookieJar(
            u"cookie-jar"_s,
            u"Netscape cookies.txt file (as curl's): read at start if it exists, written back "
            "at exit with the cookies the server set."_s,
            u"FILE"_s);
    const QCommandLineOption timeout(
            { u"m"_s, u"timeout"_s },
            u"Queries and mutations: limit for the whole request. Subscriptions: limit until "
            "the response starts. 0 (default) means none."_s,
            u"SECONDS"_s);
    const QCommandLineOption heartbeatTimeout(
            u"heartbeat-timeout"_s,
            u"Fail a subscription that receives nothing (not even a heartbeat) for this long. "
            "0 (default) means none."_s,
            u"SECONDS"_s);
    const QCommandLineOption maxPartSize(
            u"max-part-size"_s,
            u"Largest response body or multipart part accepted (default 32 MiB)."_s, u"BYTES"_s);
    const QCommandLineOption retry(
            u"retry"_s,
            u"Subscriptions: resubscribe up to N times after a network failure (refused, reset, "
            "stream cut, timeout, HTTP 502/503/504), with exponential backoff. 0 (default) "
            "means never."_s,
            u"N"_s);
    const QCommandLineOption protocol(
            u"protocol"_s,
            u"HTTP: how subscriptions ask to be streamed: multipart (Apollo's multipart "
            "protocol, the default), sse (GraphQL over Server-Sent Events) or auto (both in "
            "Accept); the answer is read in whatever form the server chooses. ws:// and wss://: "
            "the WebSocket subprotocol, graphql-transport-ws (the default) or graphql-ws (the "
            "legacy subscriptions-transport-ws)."_s,
            u"multipart|sse|auto|graphql-transport-ws|graphql-ws"_s);
    const QCommandLineOption connectionParams(
            u"connection-params"_s,
            u"ws:// and wss://: the payload of connection_init, a JSON object (auth tokens) or "
            "@FILE."_s,
            u"JSON"_s);
    const QCommandLineOption persisted(
            u"persisted"_s,
            u"HTTP: automatic persisted queries (Apollo's APQ): send the document's SHA-256 "
            "first, and the document only if the server does not know it yet."_s);
    const QCommandLineOption get(
            { u"G"_s, u"get"_s },
            u"HTTP: send the query as GET with URL parameters (cacheable; POST when the URL "
            "would exceed 2048 bytes). Not for mutations or subscriptions."_s);
    const QCommandLineOption include({ u"i"_s, u"include"_s },
                                     u"Print the status line and response headers to stderr."_s);
    const QCommandLineOption demo(
            u"demo"_s,
            u"Start the bundled demo server on a free loopback port and use its URL; URL may "
            "then be left out (a relative URL such as /graphql is resolved against it)."_s);
    const QCommandLineOption verbose(
            { u"v"_s, u"verbose"_s },
            u"Print the request and response lines and headers to stderr (Authorization, "
            "Proxy-Authorization, Cookie and Set-Cookie values shown as <redacted>)."_s);
    const QCommandLineOption failOnErrors(
            u"fail-on-errors"_s,
            u"Exit with 3 if any result carried GraphQL errors (after printing them all)."_s);
    const QCommandLineOption count(
            u"count"_s,
            u"Subscriptions: stop cleanly after N results and exit 0. 0 (default) means no "
            "limit."_s,
            u"N"_s);
    const QCommandLineOption maxTime(
            u"max-time"_s,
            u"Limit for the whole operation, query or subscription; when it expires, exit 1. "
            "0 (default) means none."_s,
            u"SECONDS"_s);
    const QCommandLineOption printSchema(
            u"print-schema"_s,
            u"Send the standard introspection query (graphql-js's getIntrospectionQuery()) and "
            "print the schema as SDL, as graphql-js printSchema() does. Takes no DOCUMENT."_s);
    parser.addOption(printSchema);
    parser.addOptions({ variables, operationName, header, cookie, cookieJar, timeout, maxTime,
                        heartbeatTimeout, maxPartSize, retry, protocol, count, failOnErrors, pretty,
                        include, verbose, cacert, insecure, demo });
    parser.addOption(connectionParams);
    parser.addOptions({ persisted, get });
    const QCommandLineOption help = parser.addHelpOption();
    // As curl: -v is --verbose, so the version is -V (not QCommandLineParser's -v).
    const QCommandLineOption version({ u"V"_s, u"version"_s }, u"Displays version information."_s);
    parser.addOption(version);
    parser.addPositionalArgument(u"URL"_s,
                                 u"The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql."_s);
    parser.addPositionalArgument(u"DOCUMENT"_s, u"The GraphQL document, @FILE or -."_s);

    CliOptions options;
    try {
        if (!parser.parse(arguments))
            failUsage(parser.errorText());
        if (parser.isSet(help) || parser.isSet(u"help-all"_s)) {
            options.action = Action::ShowHelp;
            options.helpText = parser.helpText();
            return options;
        }
        if (parser.isSet(version)) {
            options.action = Action::ShowVersion;
            return options;
        }

        options.demo = parser.isSet(demo);
        const QStringList positional = parser.positionalArguments();
        options.printSchema = parser.isSet(printSchema);
        // --print-schema: the document is the introspection query, so only URL is given.
        const qsizetype documents = options.printSchema ? 0 : 1;
        const qsizetype wanted
                = options.demo && positional.size() < 1 + documents ? documents : 1 + documents;
        if (options.printSchema
            && (positional.size() > wanted
                || (options.demo && positional.size() == 1
                    && (positional.first() == "-"_L1 || positional.first().startsWith(u'@')
                        || positional.first().contains(u'{'))))) {
            failUsage(u"--print-schema takes no DOCUMENT"_s);
        }
        if (positional.size() != wanted) {
            failUsage(positional.size() < wanted
                              ? (wanted == 2              ? u"expected URL and DOCUMENT"_s
                                         : documents == 1 ? u"expected DOCUMENT"_s
                                                          : u"expected URL"_s)
                              : u"unexpected argument \"%1\""_s.arg(positional.at(wanted)));
        }
        if (wanted == 1 + documents) {
            const QUrl url = QUrl::fromUserInput(positional.first());
            const bool isHttp = url.scheme() == "http"_L1 || url.scheme() == "https"_L1;
            if (options.demo) {
                if (!url.isRelative() && positional.first().contains("://"_L1))
                    failUsage(u"--demo supplies the server; give no absolute URL"_s);
                options.urlPath = positional.first();
            } else {
                // Strict: no guessing ("http//host" is not http://http//host), no spaces.
                const QString text = positional.first();
                const QUrl strict(text, QUrl::StrictMode);
                const bool isWebSocket = strict.scheme() == "ws"_L1 || strict.scheme() == "wss"_L1;
#ifndef QGRAPHQL_HAS_WEBSOCKETS
                if (isWebSocket)
                    failUsage(u"%1: this qgraphql was built without WebSocket support"_s.arg(text));
#endif
                const bool absoluteHttp = strict.isValid()
                        && (strict.scheme() == "http"_L1 || strict.scheme() == "https"_L1
                            || isWebSocket)
                        && !strict.host().isEmpty();
                const bool hasSpace = std::any_of(text.begin(), text.end(), [](QChar c) {
                    return c.isSpace() || c.category() == QChar::Other_Control;
                });
                if (!absoluteHttp || !(isHttp || isWebSocket) || hasSpace)
                    failUsage(u"invalid URL \"%1\": expected an absolute http://, https://, ws:// "
                              "or wss:// URL"_s.arg(text));
                options.url = strict;
                options.webSocket = isWebSocket;
            }
        }
        options.document = options.printSchema
                ? SchemaPrinter::introspectionQuery()
                : QString::fromUtf8(textArgument(positional.last(), u"the document"_s, true));

        if (parser.isSet(variables)) {
            const QByteArray json = textArgument(parser.value(variables), u"variables"_s, false);
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(json, &error);
            if (error.error != QJsonParseError::NoError)
                failUsage(
                        u"--variables is not valid JSON: %1 at offset %2"_s.arg(error.errorString())
                                .arg(error.offset));
            if (!document.isObject())
                failUsage(u"--variables must be a JSON object"_s);
            options.variables = document.object();
        }
        options.operationName = parser.value(operationName);
        for (const QString &value : parser.values(header))
            options.headers.append(headerArgument(value));
        options.headers = combineHeaders(options.headers);
        for (const QString &value : parser.values(cookie))
            options.cookies.append(splitPair(value, '=', u"cookie"_s, u"NAME=VALUE"_s));
        options.cookieJarPath = parser.value(cookieJar);
        if (parser.isSet(timeout))
            options.timeoutMs = secondsToMs(parser.value(timeout), u"timeout"_s);
        if (parser.isSet(heartbeatTimeout))
            options.heartbeatTimeoutMs
                    = secondsToMs(parser.value(heartbeatTimeout), u"heartbeat-timeout"_s);
        if (parser.isSet(maxPartSize)) {
            bool ok = false;
            options.maxPartSize = parser.value(maxPartSize).toLongLong(&ok);
            if (!ok || options.maxPartSize <= 0)
                failUsage(u"--max-part-size expects a positive number of bytes, got \"%1\""_s.arg(
                        parser.value(maxPartSize)));
        }
        if (parser.isSet(retry)) {
            bool ok = false;
            options.retries = parser.value(retry).toInt(&ok);
            if (!ok || options.retries < 0)
                failUsage(u"--retry expects a number of attempts, got \"%1\""_s.arg(
                        parser.value(retry)));
        }
        if (parser.isSet(protocol) && options.webSocket) {
            const QString value = parser.value(protocol);
            if (value == "graphql-ws"_L1)
                options.legacyWebSocketProtocol = true;
            else if (value != "graphql-transport-ws"_L1)
                failUsage(u"--protocol for a ws:// or wss:// URL expects graphql-transport-ws or "
                          "graphql-ws, got \"%1\""_s.arg(value));
        } else if (parser.isSet(protocol)) {
            const QString value = parser.value(protocol);
            if (value == "graphql-transport-ws"_L1 || value == "graphql-ws"_L1)
                failUsage(u"--protocol %1 is for ws:// and wss:// URLs"_s.arg(value));
            if (value == "multipart"_L1)
                options.protocol = QGraphQLHttpTransport::Multipart;
            else if (value == "sse"_L1)
                options.protocol = QGraphQLHttpTransport::ServerSentEvents;
            else if (value == "auto"_L1)
                options.protocol = QGraphQLHttpTransport::Auto;
            else
                failUsage(u"--protocol expects multipart, sse or auto, got \"%1\""_s.arg(value));
        }
        if (parser.isSet(connectionParams)) {
            if (!options.webSocket)
                failUsage(u"--connection-params is for ws:// and wss:// URLs"_s);
            const QByteArray json
                    = textArgument(parser.value(connectionParams), u"connection params"_s, false);
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(json, &error);
            if (error.error != QJsonParseError::NoError)
                failUsage(u"--connection-params is not valid JSON: %1 at offset %2"_s
                                  .arg(error.errorString())
                                  .arg(error.offset));
            if (!document.isObject())
                failUsage(u"--connection-params must be a JSON object"_s);
            options.connectionParams = document.object();
        }
        options.persisted = parser.isSet(persisted);
        options.get = parser.isSet(get);
        if (options.webSocket && (options.persisted || options.get))
            failUsage(u"%1 is for http:// and https:// URLs"_s.arg(
                    options.persisted ? u"--persisted"_s : u"--get"_s));
        options.include = parser.isSet(include);
        options.verbose = parser.isSet(verbose);
        options.failOnErrors = parser.isSet(failOnErrors);
        if (parser.isSet(maxTime))
            options.maxTimeMs = secondsToMs(parser.value(maxTime), u"max-time"_s);
        if (parser.isSet(count)) {
            bool ok = false;
            options.count = parser.value(count).toInt(&ok);
            if (!ok || options.count < 0)
                failUsage(u"--count expects a number of results, got \"%1\""_s.arg(
                        parser.value(count)));
        }
        options.insecure = parser.isSet(insecure);
        options.pretty = parser.isSet(pretty);
        if (parser.isSet(cacert)) {
#ifndef QT_NO_SSL
            const QString path = parser.value(cacert);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                failUsage(u"cannot read --cacert \"%1\": %2"_s.arg(path, file.errorString()));
            options.caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
            if (options.caCertificates.isEmpty())
                failUsage(u"--cacert \"%1\" holds no PEM certificate"_s.arg(path));
#else
            failUsage(u"--cacert: this qgraphql was built without TLS"_s);
#endif
        }
    } catch (const UsageError &error) {
        options.action = Action::UsageError;
        options.usageError = error.message;
    }
    return options;
}
