// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLJSONSCANNER_P_H
#define QGRAPHQLJSONSCANNER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QtCore/qbytearrayview.h>

#include <cstring>

// Tells, incrementally, whether the bytes seen so far hold one complete JSON object or array
// followed only by white space, and where that value ends. It tracks nesting and strings only;
// it does not validate.
class QGraphQLJsonScanner
{
public:
    void reset() { *this = QGraphQLJsonScanner(); }

    //! Scans more bytes; each byte is looked at once over the scanner's life.
    void scan(QByteArrayView bytes)
    {
        const char *p = bytes.data();
        const char *const end = p + bytes.size();
        while (p < end && m_state != State::Invalid) {
            if (m_inString) {
                if (m_escapePending) { // the byte after a backslash
                    m_escapePending = false;
                    ++p;
                    continue;
                }
                // Skip string content quickly: only '"' and '\\' matter.
                while (p < end && *p != '"' && *p != '\\')
                    ++p;
                if (p == end)
                    break;
                if (*p == '\\')
                    m_escapePending = true;
                else
                    m_inString = false;
                ++p;
                continue;
            }
            const char c = *p++;
            switch (c) {
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                break;
            case '"':
                if (m_depth == 0)
                    m_state = State::Invalid; // top-level scalars are not recognised
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
                if (m_depth == 0)
                    m_state = State::Invalid;
                else if (--m_depth == 0) {
                    m_state = State::Complete;
                    m_valueEnd = m_scanned + (p - bytes.data());
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
    //! True once a top-level object or array was closed, even if other bytes followed it.
    bool hasValue() const { return m_valueEnd >= 0; }
    //! The number of bytes from the start of the scan to the end of that value.
    qint64 valueEnd() const { return m_valueEnd; }

private:
    enum class State { Open, Complete, Invalid };
    State m_state = State::Open;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escapePending = false;
    qint64 m_scanned = 0; // bytes passed to scan() so far
    qint64 m_valueEnd = -1; // see valueEnd()
};

#endif // QGRAPHQLJSONSCANNER_P_H
