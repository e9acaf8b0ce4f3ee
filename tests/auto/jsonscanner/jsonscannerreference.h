// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQL_JSONSCANNERREFERENCE_H
#define QGRAPHQL_JSONSCANNERREFERENCE_H

#include <QtCore/qbytearrayview.h>

// The byte-by-byte definition of QGraphQLJsonScanner (src/private/qgraphqljsonscanner_p.h):
// the fast scanner must give the same isComplete(), hasValue() and valueEnd() after every
// scan() call, for any bytes cut in any way. Used by tst_jsonscanner and fuzz_multipart.
class JsonScannerReference
{
public:
    void scan(QByteArrayView bytes)
    {
        for (qsizetype i = 0; i < bytes.size() && m_state != State::Invalid; ++i) {
            const char c = bytes[i];
            if (m_inString) {
                if (m_escapePending)
                    m_escapePending = false;
                else if (c == '\\')
                    m_escapePending = true;
                else if (c == '"')
                    m_inString = false;
                continue;
            }
            switch (c) {
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                break;
            case '"':
                if (m_depth == 0)
                    m_state = State::Invalid;
                m_inString = true;
                break;
            case '{':
            case '[':
                if (m_state == State::Complete)
                    m_state = State::Invalid;
                else
                    ++m_depth;
                break;
            case '}':
            case ']':
                if (m_depth == 0) {
                    m_state = State::Invalid;
                } else if (--m_depth == 0) {
                    m_state = State::Complete;
                    m_valueEnd = m_scanned + i + 1;
                }
                break;
            default:
                if (m_depth == 0)
                    m_state = State::Invalid;
                break;
            }
        }
        m_scanned += bytes.size();
    }

    bool isComplete() const { return m_state == State::Complete && !m_inString; }
    bool hasValue() const { return m_valueEnd >= 0; }
    qint64 valueEnd() const { return m_valueEnd; }
    bool isInvalid() const { return m_state == State::Invalid; }

private:
    enum class State { Open, Complete, Invalid };
    State m_state = State::Open;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escapePending = false;
    qint64 m_scanned = 0;
    qint64 m_valueEnd = -1;
};

#endif // QGRAPHQL_JSONSCANNERREFERENCE_H
