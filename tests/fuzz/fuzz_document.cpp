// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The GraphQL document lexer and parser (QGraphQLDocument::parse) and what is derived from a
// parsed document (operations, fragments, selectedFields). Invariants: an error always has a
// message and a location inside the text, a valid document has neither, parsing is
// deterministic, and nothing crashes, overflows the stack or runs away in time or memory.

#include "fuzzcommon.h"

#include <QGraphQL/qgraphqldocument.h>

#include <QtCore/qjsonobject.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QGraphQLDocument document = QGraphQLDocument::parse(text);
    const QGraphQLDocument again = QGraphQLDocument::parse(text);
    FUZZ_ASSERT(document.isValid() == again.isValid());
    FUZZ_ASSERT(document.errorString() == again.errorString());

    if (!document.isValid()) {
        FUZZ_ASSERT(document.errorString().startsWith(QLatin1StringView("Syntax Error")));
        const QGraphQLError::Location location = document.errorLocation();
        FUZZ_ASSERT(location.line >= 1 && location.column >= 1);
        FUZZ_ASSERT(location.line
                    <= text.count(QLatin1Char('\n')) + text.count(QLatin1Char('\r')) + 1);
        FUZZ_ASSERT(document.operations().isEmpty() && document.fragmentNames().isEmpty());
        FUZZ_ASSERT(document.error().message() == document.errorString());
        FUZZ_ASSERT(document.findOperation(QString()) == -1);
        return 0;
    }
    FUZZ_ASSERT(document.errorString().isEmpty());
    const QList<QGraphQLDocument::Operation> operations = document.operations();
    FUZZ_ASSERT(!operations.isEmpty() || !document.fragmentNames().isEmpty());
    const QJsonObject variables { { QLatin1StringView("v"), 1 },
                                  { QLatin1StringView("s"), QLatin1StringView("x") } };
    for (int i = 0; i < operations.size(); ++i) {
        QString message;
        const int found = document.findOperation(operations.at(i).name, &message);
        FUZZ_ASSERT(found >= 0 || !message.isEmpty());
        if (found >= 0)
            FUZZ_ASSERT(document.operations().at(found).name == operations.at(i).name);
        QString error;
        const QList<QGraphQLDocument::Field> fields = document.selectedFields(i, variables, &error);
        FUZZ_ASSERT(fields.isEmpty() || error.isEmpty());
    }
    QString error;
    FUZZ_ASSERT(document.selectedFields(int(operations.size()), {}, &error).isEmpty()
                && !error.isEmpty());
    return 0;
}
