// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLJSONTEXT_P_H
#define QGRAPHQLJSONTEXT_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qstring.h>

// JSON text kept as the server sent it, minus insignificant white space. compact() validates a
// payload with the verdicts of QJsonDocument::fromJson (Qt 6.4) at a fraction of its cost: it
// builds nothing, and copies the input's bytes in spans (one span when the input has no white
// space outside strings, the common case).
//
// Qt 6.4's rules, found by experiment and matched here (tests/auto/jsontext checks each):
// - The document is one object or array, optionally preceded by a UTF-8 byte order mark and
//   surrounded by white space: space, tab, line feed and carriage return only (not \v, \f or
//   NUL). Top-level scalars, empty input and anything after the value are rejected.
// - Nesting: at most 1024 open objects and arrays; the 1025th is "too deeply nested".
// - Literals: exactly true, false and null.
// - Numbers: Qt takes the longest run matching -? (0 | [0-9]*) (. [0-9]*)? ([eE] [+-]? [0-9]*)?
//   and converts it with QByteArray::toDouble(), so it also accepts "1.", ".5", "-.5" and
//   "1.e5"; it rejects "-", ".", "1e", "+1", values that overflow a double (1e400, 1.8e308) and
//   values that round to zero although a digit is not zero (1e-400, 2.4e-324), but accepts
//   denormals (1e-320), big integers (2^63 and beyond, as doubles) and 0e99999999999. "01" is
//   the number 0 followed by an unexpected byte. The common case (strict JSON grammar, short,
//   exponent below 100) is decided here; every other run is decided by toDouble() itself.
// - Strings: any byte below 0x80 is accepted unescaped, control characters and NUL included.
//   Bytes from 0x80 must form well-formed UTF-8: no overlong forms, no UTF-16 surrogates, nothing
//   above U+10FFFF, no truncated sequence (noncharacters such as U+FFFF are accepted).
// - Escapes: a backslash takes the next byte whatever it is (\x means x, and even a byte from
//   0x80 is taken alone), except \u, which needs four hex digits. Lone surrogates (\ud800) and
//   \u0000 are accepted.
// - Objects and arrays: no trailing or missing commas, a colon after each name.
namespace QGraphQLJsonText {

struct Error
{
    qsizetype offset = -1; // byte offset of the offending byte in the input (its size when the
                           // input ends too early)
    QString message; // a short reason in the words of QJsonParseError::errorString()
};

//! Validates \a json as one JSON object or array (optionally surrounded by white space) and
//! appends it to \a out without insignificant white space (everything else byte for byte: string
//! escapes and numbers exactly as written). Accepts exactly what QJsonDocument::fromJson accepts
//! for an object or array (same verdict for every input; Qt's nesting limit and number range
//! included). Returns false and fills \a error otherwise (then \a out is restored to its size
//! before the call). An empty \a out ends with little more capacity than its size: the text is
//! meant to be kept.
QGRAPHQL_AUTOTEST_EXPORT bool compact(QByteArrayView json, QByteArray *out, Error *error = nullptr);

//! Compact valid JSON text (as compact() writes) indented as QJsonDocument::Indented does
//! (4 spaces, "key": value, a line break at the end), keeping member order and number text.
QGRAPHQL_AUTOTEST_EXPORT QByteArray indented(QByteArrayView compactJson);

} // namespace QGraphQLJsonText

#endif // QGRAPHQLJSONTEXT_P_H
