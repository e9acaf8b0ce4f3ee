// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLLEXER_P_H
#define QGRAPHQLLEXER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlerror.h>
#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qstring.h>

//! One lexical token of a GraphQL document.
struct QGraphQLToken
{
    enum Kind { End, Error, Punctuator, Name, Int, Float, String, BlockString };
    Kind kind = End;
    //! The punctuator, name, number text or string value; for Error, what is wrong (without
    //! the "Syntax Error: " prefix).
    QString text;
    //! Where the token starts; for Error, where the error is.
    QGraphQLError::Location location;
};

//! The GraphQL lexer (spec section 2.1): comments, commas, the BOM and white space are skipped,
//! strings and block strings are decoded. No exceptions: the first lexical error makes next()
//! return an Error token, and every later call returns that same token again.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLLexer
{
public:
    explicit QGraphQLLexer(const QString &text) : m_text(text) { }

    QGraphQLToken next();

    bool hasFailed() const { return m_failed; }

private:
    static bool isNameStart(QChar c)
    {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    }
    static bool isNameContinue(QChar c) { return isNameStart(c) || (c >= u'0' && c <= u'9'); }
    static bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }
    static QString describe(QChar c);
    static QString blockStringValue(const QString &raw);

    // Records the first error, at the current position.
    void fail(const QString &message);
    QGraphQLToken errorToken() const;
    QGraphQLToken error(const QString &message)
    {
        fail(message);
        return errorToken();
    }

    QGraphQLError::Location location() const { return { m_line, int(m_pos - m_lineStart) + 1 }; }
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_text.size() ? m_text.at(m_pos + offset) : QChar();
    }

    bool skipLineTerminator();
    void skipIgnored();
    QGraphQLToken readNumber(QGraphQLToken &token);
    bool readDigits(); // false (and failed) when there is no digit
    int readHexDigits(int count); // -1 (and failed) on a non-hex digit
    QGraphQLToken readString(QGraphQLToken &token);
    QGraphQLToken readBlockString(QGraphQLToken &token);

    const QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;

    bool m_failed = false;
    QString m_errorMessage;
    QGraphQLError::Location m_errorLocation;
};

#endif // QGRAPHQLLEXER_P_H
