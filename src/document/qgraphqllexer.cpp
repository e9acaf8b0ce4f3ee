// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqllexer_p.h"

#include <QtCore/qstringlist.h>

#include <optional>

using namespace Qt::StringLiterals;

QGraphQLToken QGraphQLLexer::next()
{
    if (m_failed)
        return errorToken();
    skipIgnored();
    QGraphQLToken token;
    token.location = location();
    if (m_pos >= m_text.size())
        return token;
    const QChar c = m_text.at(m_pos);
    if (c == u'.') {
        if (m_text.mid(m_pos, 3) != "..."_L1)
            return error(u"Unexpected \".\"; did you mean \"...\"?"_s);
        m_pos += 3;
        token.kind = QGraphQLToken::Punctuator;
        token.text = u"..."_s;
        return token;
    }
    if (u"!$&()[]{}:=@|"_s.contains(c)) {
        ++m_pos;
        token.kind = QGraphQLToken::Punctuator;
        token.text = c;
        return token;
    }
    if (isNameStart(c)) {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isNameContinue(m_text.at(m_pos)))
            ++m_pos;
        token.kind = QGraphQLToken::Name;
        token.text = m_text.mid(start, m_pos - start);
        return token;
    }
    if (c == u'-' || c.isDigit())
        return readNumber(token);
    if (c == u'"') {
        if (m_text.mid(m_pos, 3) == "\"\"\""_L1)
            return readBlockString(token);
        return readString(token);
    }
    return error(u"Unexpected character %1"_s.arg(describe(c)));
}

QString QGraphQLLexer::describe(QChar c)
{
    if (c.isPrint() && c != u'"')
        return u"\"%1\""_s.arg(c);
    return u"U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
}

void QGraphQLLexer::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_errorMessage = message;
    m_errorLocation = location();
}

QGraphQLToken QGraphQLLexer::errorToken() const
{
    QGraphQLToken token;
    token.kind = QGraphQLToken::Error;
    token.text = m_errorMessage;
    token.location = m_errorLocation;
    return token;
}

// Consumes a line terminator at m_pos (\n, \r\n or \r) if there is one.
bool QGraphQLLexer::skipLineTerminator()
{
    if (m_pos >= m_text.size())
        return false;
    const QChar c = m_text.at(m_pos);
    if (c != u'\n' && c != u'\r')
        return false;
    ++m_pos;
    if (c == u'\r' && m_pos < m_text.size() && m_text.at(m_pos) == u'\n')
        ++m_pos;
    ++m_line;
    m_lineStart = m_pos;
    return true;
}

void QGraphQLLexer::skipIgnored()
{
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c == u' ' || c == u'\t' || c == u',' || c == QChar(0xfeff)) {
            ++m_pos;
        } else if (skipLineTerminator()) {
        } else if (c == u'#') {
            while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n' && m_text.at(m_pos) != u'\r')
                ++m_pos;
        } else {
            return;
        }
    }
}

QGraphQLToken QGraphQLLexer::readNumber(QGraphQLToken &token)
{
    const qsizetype start = m_pos;
    token.kind = QGraphQLToken::Int;
    if (peek() == u'-')
        ++m_pos;
    if (peek() == u'0') {
        ++m_pos;
        if (isDigit(peek()))
            return error(u"Invalid number, unexpected digit after 0: \"%1\""_s.arg(peek()));
    } else if (!readDigits()) {
        return errorToken();
    }
    if (peek() == u'.') {
        token.kind = QGraphQLToken::Float;
        ++m_pos;
        if (!readDigits())
            return errorToken();
    }
    if (peek() == u'e' || peek() == u'E') {
        token.kind = QGraphQLToken::Float;
        ++m_pos;
        if (peek() == u'+' || peek() == u'-')
            ++m_pos;
        if (!readDigits())
            return errorToken();
    }
    if (peek() == u'.' || isNameStart(peek()))
        return error(u"Invalid number, expected digit but got \"%1\""_s.arg(peek()));
    token.text = m_text.mid(start, m_pos - start);
    return token;
}

bool QGraphQLLexer::readDigits()
{
    if (!isDigit(peek())) {
        fail(m_pos < m_text.size() ? u"Invalid number, expected digit but got \"%1\""_s.arg(peek())
                                   : u"Invalid number, expected digit but got <EOF>"_s);
        return false;
    }
    while (isDigit(peek()))
        ++m_pos;
    return true;
}

int QGraphQLLexer::readHexDigits(int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = peek(i).unicode();
        const int digit = isDigit(c)       ? c - u'0'
                : (c >= u'a' && c <= u'f') ? c - u'a' + 10
                : (c >= u'A' && c <= u'F') ? c - u'A' + 10
                                           : -1;
        if (digit < 0) {
            fail(u"Invalid Unicode escape sequence"_s);
            return -1;
        }
        value = value * 16 + digit;
    }
    m_pos += count;
    return value;
}

QGraphQLToken QGraphQLLexer::readString(QGraphQLToken &token)
{
    ++m_pos; // opening quote
    QString value;
    while (true) {
        if (m_pos >= m_text.size() || peek() == u'\n' || peek() == u'\r')
            return error(u"Unterminated string"_s);
        const QChar c = m_text.at(m_pos);
        if (c == u'"') {
            ++m_pos;
            break;
        }
        if (c != u'\\') {
            value += c;
            ++m_pos;
            continue;
        }
        ++m_pos;
        const QChar escape = peek();
        ++m_pos;
        switch (escape.unicode()) {
        case '"':
            value += u'"';
            break;
        case '\\':
            value += u'\\';
            break;
        case '/':
            value += u'/';
            break;
        case 'b':
            value += u'\b';
            break;
        case 'f':
            value += u'\f';
            break;
        case 'n':
            value += u'\n';
            break;
        case 'r':
            value += u'\r';
            break;
        case 't':
            value += u'\t';
            break;
        case 'u': {
            if (peek() == u'{') { // \u{1F600}, GraphQL 2021
                ++m_pos;
                char32_t code = 0;
                int digits = 0;
                while (peek() != u'}') {
                    if (++digits > 6)
                        return error(u"Invalid Unicode escape sequence"_s);
                    const int digit = readHexDigits(1);
                    if (digit < 0)
                        return errorToken();
                    code = code * 16 + char32_t(digit);
                }
                ++m_pos;
                if (digits == 0 || code > 0x10ffff)
                    return error(u"Invalid Unicode escape sequence"_s);
                value += QString::fromUcs4(&code, 1);
            } else {
                const int code = readHexDigits(4);
                if (code < 0)
                    return errorToken();
                value += QChar(code);
            }
            break;
        }
        default:
            m_pos -= 2; // report at the backslash
            return error(u"Invalid character escape sequence: \"\\%1\""_s.arg(escape));
        }
    }
    token.kind = QGraphQLToken::String;
    token.text = value;
    return token;
}

QGraphQLToken QGraphQLLexer::readBlockString(QGraphQLToken &token)
{
    m_pos += 3;
    QString raw;
    while (true) {
        if (m_pos >= m_text.size())
            return error(u"Unterminated string"_s);
        if (m_text.mid(m_pos, 3) == "\"\"\""_L1) {
            m_pos += 3;
            break;
        }
        if (m_text.mid(m_pos, 4) == "\\\"\"\""_L1) {
            raw += "\"\"\""_L1;
            m_pos += 4;
            continue;
        }
        if (peek() == u'\n' || peek() == u'\r') {
            skipLineTerminator();
            raw += u'\n';
            continue;
        }
        raw += m_text.at(m_pos++);
    }
    token.kind = QGraphQLToken::BlockString;
    token.text = blockStringValue(raw);
    return token;
}

// The spec's BlockStringValue(): remove the common indentation and blank first/last lines.
QString QGraphQLLexer::blockStringValue(const QString &raw)
{
    QStringList lines = raw.split(u'\n');
    const auto indentOf = [](const QString &line) {
        qsizetype i = 0;
        while (i < line.size() && (line.at(i) == u' ' || line.at(i) == u'\t'))
            ++i;
        return i;
    };
    std::optional<qsizetype> commonIndent;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype indent = indentOf(lines.at(i));
        if (indent < lines.at(i).size() && (!commonIndent || indent < *commonIndent))
            commonIndent = indent;
    }
    if (commonIndent) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            lines[i].remove(0, *commonIndent);
    }
    const auto isBlank = [&indentOf](const QString &line) {
        return indentOf(line) == line.size();
    };
    while (!lines.isEmpty() && isBlank(lines.first()))
        lines.removeFirst();
    while (!lines.isEmpty() && isBlank(lines.last()))
        lines.removeLast();
    return lines.join(u'\n');
}
