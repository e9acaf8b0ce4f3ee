// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQL_JSONSCANNERREFERENCE_H
#define QGRAPHQL_JSONSCANNERREFERENCE_H

#include "protocol/qgraphqljsonscanner_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qlist.h>

// The byte-by-byte definition of QGraphQLJsonScanner (src/protocol/qgraphqljsonscanner_p.h):
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

// What the two scanners tell after a scan() call.
struct JsonScanOutcome
{
    bool complete = false;
    bool hasValue = false;
    qint64 valueEnd = -1;

    bool operator==(const JsonScanOutcome &o) const
    {
        return complete == o.complete && hasValue == o.hasValue && valueEnd == o.valueEnd;
    }
};

template<typename Scanner> JsonScanOutcome jsonScanOutcome(const Scanner &s)
{
    return { s.isComplete(), s.hasValue(), s.valueEnd() };
}

inline QByteArray describe(const JsonScanOutcome &o)
{
    return "complete " + QByteArray::number(o.complete) + " hasValue "
            + QByteArray::number(o.hasValue) + " valueEnd " + QByteArray::number(o.valueEnd);
}

// Empty when both scanners agree after every call; else what differs, where.
inline QByteArray compareWithReference(QByteArrayView input, const QList<qsizetype> &cuts)
{
    QGraphQLJsonScanner fast;
    JsonScannerReference reference;
    qsizetype pos = 0;
    for (qsizetype n : cuts) {
        fast.scan(input.sliced(pos, n));
        reference.scan(input.sliced(pos, n));
        pos += n;
        if (!(jsonScanOutcome(fast) == jsonScanOutcome(reference))) {
            QByteArray cutList;
            for (qsizetype c : cuts)
                cutList += QByteArray::number(c) + ' ';
            return "after " + QByteArray::number(pos) + " bytes: fast "
                    + describe(jsonScanOutcome(fast)) + ", reference "
                    + describe(jsonScanOutcome(reference)) + "\n  cuts: " + cutList + "\n  input ("
                    + QByteArray::number(input.size())
                    + " bytes): " + input.toByteArray().toPercentEncoding(" {}[]\"\\:,");
        }
    }
    return {};
}

#endif // QGRAPHQL_JSONSCANNERREFERENCE_H
