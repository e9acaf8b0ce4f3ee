// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLJsonText::compact() and indented() against QJsonDocument on arbitrary bytes.
// Invariants: the verdict is Qt's; an error names a byte of the input (or its end) and leaves
// the output as it was; compact text is the same document, has no white space outside strings
// and compacts to itself; indented text is the same document and compacts back to the same text.

#include "fuzzcommon.h"

#include "protocol/qgraphqljsontext_p.h"

#include "../auto/shared/jsonwhitespace.h"

#include <QtCore/qjsondocument.h>

static bool qtAccepts(const QByteArray &json, QJsonDocument *document)
{
    QJsonParseError error;
    *document = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError && (document->isObject() || document->isArray());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A copy of exactly the input's bytes, so that ASan sees a read past its end.
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    const QByteArray prefix = "x";
    QByteArray out = prefix;
    QGraphQLJsonText::Error error;
    const bool accepted = QGraphQLJsonText::compact(input, &out, &error);
    QJsonDocument document;
    FUZZ_ASSERT(accepted == qtAccepts(input, &document));
    if (!accepted) {
        FUZZ_ASSERT(out == prefix);
        FUZZ_ASSERT(error.offset >= 0 && error.offset <= input.size());
        FUZZ_ASSERT(!error.message.isEmpty());
        return 0;
    }
    FUZZ_ASSERT(out.startsWith(prefix));
    const QByteArray compacted = out.mid(prefix.size());
    FUZZ_ASSERT(compacted.size() <= input.size());
    FUZZ_ASSERT(QJsonDocument::fromJson(compacted) == document);
    FUZZ_ASSERT(!hasSpaceOutsideStrings(compacted));
    QByteArray again;
    FUZZ_ASSERT(QGraphQLJsonText::compact(compacted, &again));
    FUZZ_ASSERT(again == compacted);

    const QByteArray pretty = QGraphQLJsonText::indented(compacted);
    FUZZ_ASSERT(QJsonDocument::fromJson(pretty) == document);
    QByteArray back;
    FUZZ_ASSERT(QGraphQLJsonText::compact(pretty, &back));
    FUZZ_ASSERT(back == compacted);
    if (document.toJson(QJsonDocument::Compact) == compacted)
        FUZZ_ASSERT(pretty == document.toJson(QJsonDocument::Indented));
    return 0;
}
