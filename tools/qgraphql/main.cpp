// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// qgraphql: a command-line GraphQL client, curl-like, for people and scripts.
// Usage: qgraphql [options] URL DOCUMENT

#include "clioptions.h"
#include "interruptnotifier.h"
#include "operationrunner.h"

#include <QGraphQL/qgraphqldocument.h>
#include <QGraphQL/qgraphqlversion.h>

#include <QtCore/qcoreapplication.h>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int ExitUsage = 2;

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int usageError(const QString &message)
{
    print(stderr, u"qgraphql: %1\nTry 'qgraphql --help' for more information.\n"_s.arg(message));
    return ExitUsage;
}

int documentError(const QString &message)
{
    print(stderr, u"qgraphql: %1\n"_s.arg(message));
    return ExitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    // Output goes to pipes that may close early; a failed write is handled, not fatal.
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qgraphql"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(QGRAPHQL_VERSION_STR));

    const CliOptions options = CliOptions::parse(QCoreApplication::arguments());
    switch (options.action) {
    case CliOptions::Action::ShowHelp:
        print(stdout, options.helpText);
        return 0;
    case CliOptions::Action::ShowVersion: // -V, --version (-v is --verbose, as in curl)
        print(stdout,
              u"qgraphql %1 (Qt %2)\n"_s.arg(QCoreApplication::applicationVersion(),
                                             QLatin1String(qVersion())));
        return 0;
    case CliOptions::Action::UsageError:
        return usageError(options.usageError);
    case CliOptions::Action::Run:
        break;
    }

    // Refuse a document that does not parse before anything is sent.
    const QGraphQLDocument document = QGraphQLDocument::parse(options.document);
    if (!document.isValid()) {
        const QGraphQLError::Location at = document.errorLocation();
        return documentError(u"the document does not parse (line %1, column %2): %3"_s.arg(at.line)
                                     .arg(at.column)
                                     .arg(document.errorString()));
    }
    QString operationError;
    const int operationIndex = document.findOperation(options.operationName, &operationError);
    // The hint only where it helps: several operations and no name given.
    if (operationIndex < 0)
        return documentError(operationError
                             + (options.operationName.isEmpty() && document.operations().size() > 1
                                        ? u" (use --operation-name)"_s
                                        : QString()));
    const QGraphQLDocument::OperationType type = document.operations().at(operationIndex).type;
    if (options.get && type != QGraphQLDocument::Query)
        return usageError(u"--get sends queries only: a %1 changes data or streams, and goes as "
                          "POST"_s.arg(type == QGraphQLDocument::Mutation ? u"mutation"_s
                                                                          : u"subscription"_s));

    InterruptNotifier interrupts;
    OperationRunner runner(options, type);
    QObject::connect(&interrupts, &InterruptNotifier::interrupted, &runner,
                     &OperationRunner::interrupt);
    QObject::connect(&runner, &OperationRunner::done, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    runner.start();
    return app.exec();
}
