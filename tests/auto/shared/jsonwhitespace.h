// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef JSONWHITESPACE_H
#define JSONWHITESPACE_H

#include <QtCore/qbytearrayview.h>

// The reference the JSON compactor is checked against (tests/auto/jsontext, the json_text fuzz
// target): true when \a json has white space outside its strings. Byte by byte, no tricks.
inline bool hasSpaceOutsideStrings(QByteArrayView json)
{
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            return true;
        }
    }
    return false;
}

#endif // JSONWHITESPACE_H
