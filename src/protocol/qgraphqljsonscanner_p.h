// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLJSONSCANNER_P_H
#define QGRAPHQLJSONSCANNER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QtCore/qalgorithms.h>
#include <QtCore/qbytearrayview.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Tells, incrementally, whether the bytes seen so far hold one complete JSON object or array
// followed only by white space, and where that value ends. It tracks nesting and strings only;
// it does not validate.
//
// Byte by byte it is a small automaton: outside strings, in a string, right after a backslash
// in a string; braces and brackets count outside strings only; at depth 0 only white space
// and the opening of the value are accepted. Inside the value, 64 bytes at a time are turned
// into bit masks (see scanBlock()); the result is the same as byte by byte, whatever the bytes
// and however they are cut into scan() calls.
class QGraphQLJsonScanner
{
public:
    void reset() { *this = QGraphQLJsonScanner(); }

    //! Scans more bytes; each byte is looked at once over the scanner's life.
    void scan(QByteArrayView bytes)
    {
        const char *const begin = bytes.data();
        const char *const end = begin + bytes.size();
        const char *p = begin;
        while (p < end && m_state != State::Invalid)
            p = m_depth > 0 ? scanValue(p, end, begin) : scanBytes(p, end, begin);
        m_scanned += bytes.size();
    }

    bool isComplete() const { return m_state == State::Complete && !m_inString; }
    //! True once a top-level object or array was closed, even if other bytes followed it.
    bool hasValue() const { return m_valueEnd >= 0; }
    //! The number of bytes from the start of the scan to the end of that value.
    qint64 valueEnd() const { return m_valueEnd; }

private:
    enum class State { Open, Complete, Invalid };

    // Byte by byte, from p up to end. Returns early when the value was just opened, so that
    // scan() can go on a block at a time.
    const char *scanBytes(const char *p, const char *end, const char *begin)
    {
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
                if (m_state == State::Complete) {
                    m_state = State::Invalid;
                } else if (++m_depth == 1) {
                    return p;
                }
                break;
            case '}':
            case ']':
                if (m_depth == 0)
                    m_state = State::Invalid;
                else if (--m_depth == 0)
                    complete(p, begin);
                break;
            default:
                if (m_depth == 0)
                    m_state = State::Invalid;
                break;
            }
        }
        return p;
    }

    // The value ends right before p.
    void complete(const char *p, const char *begin)
    {
        m_state = State::Complete;
        m_valueEnd = m_scanned + (p - begin);
    }

#if defined(__SSE2__)
    static constexpr qsizetype BlockSize = 64;

    // Inside the value: a block at a time.
    const char *scanValue(const char *p, const char *end, const char *begin)
    {
        return scanBlock(p, qMin<qsizetype>(end - p, BlockSize), begin);
    }

    static int popCount(quint64 v)
    {
#if defined(__POPCNT__)
        return int(qPopulationCount(v));
#else
        // Without the instruction the compiler calls a library function, which costs more than
        // counting in place.
        v -= (v >> 1) & 0x5555555555555555;
        v = (v & 0x3333333333333333) + ((v >> 2) & 0x3333333333333333);
        v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0f;
        return int((v * 0x0101010101010101) >> 56);
#endif
    }

    // Up to 64 bytes inside the value (depth > 0, so the state is Open). Bit i of each mask
    // stands for byte p[i]. A short block is padded with spaces, which change no state.
    const char *scanBlock(const char *p, qsizetype size, const char *begin)
    {
        alignas(16) char padded[BlockSize];
        const char *bytes = p;
        if (size < BlockSize) {
            std::memset(padded, ' ', BlockSize);
            std::memcpy(padded, p, size_t(size));
            bytes = padded;
        }
        quint64 quote = 0;
        quint64 backslash = 0;
        quint64 open = 0;
        quint64 close = 0;
        const __m128i quoteChar = _mm_set1_epi8('"');
        const __m128i backslashChar = _mm_set1_epi8('\\');
        const __m128i openChar = _mm_set1_epi8('{'); // '[' | 0x20 == '{'
        const __m128i closeChar = _mm_set1_epi8('}'); // ']' | 0x20 == '}'
        const __m128i caseBit = _mm_set1_epi8(0x20);
        for (int i = 0; i < BlockSize; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + i));
            const __m128i folded = _mm_or_si128(v, caseBit);
            const auto bits = [](__m128i m) {
                return quint64(quint16(_mm_movemask_epi8(m)));
            };
            quote |= bits(_mm_cmpeq_epi8(v, quoteChar)) << i;
            backslash |= bits(_mm_cmpeq_epi8(v, backslashChar)) << i;
            open |= bits(_mm_cmpeq_epi8(folded, openChar)) << i;
            close |= bits(_mm_cmpeq_epi8(folded, closeChar)) << i;
        }

        // Escaped bytes: those right after a run of backslashes of odd length. A backslash
        // escaped from the previous block starts no run. Adding a run's first bit to the run
        // carries past its end; the length is odd when start and end differ in parity.
        constexpr quint64 EvenBits = 0x5555555555555555;
        const quint64 carriedEscape = m_escapePending ? 1 : 0;
        const quint64 runs = backslash & ~carriedEscape;
        const quint64 starts = runs & ~(runs << 1);
        const quint64 endsAfterEvenStart = (runs + (starts & EvenBits)) & ~runs & ~EvenBits;
        const quint64 endsAfterOddStart = (runs + (starts & ~EvenBits)) & ~runs & EvenBits;
        const quint64 escaped = carriedEscape | endsAfterEvenStart | endsAfterOddStart;

        // In-string mask: a running XOR of the unescaped quotes, set from an opening quote up to
        // (not including) its closing quote. For any other byte, its bit is the state before it.
        quint64 inString = quote & ~escaped;
        for (int shift = 1; shift < 64; shift *= 2)
            inString ^= inString << shift;
        if (m_inString)
            inString = ~inString;

        // The masks above take every backslash as an escape; outside a string a backslash is
        // just an unexpected byte that escapes nothing. JSON has none: leave the rare block that
        // does to the byte-by-byte path.
        if (backslash & ~inString)
            return scanBytes(p, p + size, begin);

        // Is the byte after the block escaped? Within 64 bits that is the escaped mask; beyond
        // them, a backslash run reaching the end escapes it when the run's length is odd. The
        // padding holds no quote: bit 63 of the in-string mask is the state after the block.
        bool escapeOut = false;
        if (size < BlockSize) {
            escapeOut = (escaped >> size) & 1;
        } else {
            const int trailingRun = ~runs ? qCountLeadingZeroBits(~runs) : 64;
            escapeOut = trailingRun % 2 != 0;
        }
        const bool inStringOut = inString >> 63;

        open &= ~inString;
        close &= ~inString;
        const int closes = popCount(close);
        if (closes < m_depth) { // the value cannot end in this block
            m_depth += popCount(open) - closes;
            m_inString = inStringOut;
            m_escapePending = escapeOut;
            return p + size;
        }
        // Walk the braces and brackets in order to find where the depth comes back to 0.
        for (quint64 structural = open | close; structural; structural &= structural - 1) {
            const quint64 bit = structural & (~structural + 1);
            if (open & bit) {
                ++m_depth;
            } else if (--m_depth == 0) {
                // Outside a string, with no escape pending; the rest goes byte by byte.
                const char *after = p + qCountTrailingZeroBits(structural) + 1;
                m_inString = false;
                m_escapePending = false;
                complete(after, begin);
                return after;
            }
        }
        m_inString = inStringOut;
        m_escapePending = escapeOut;
        return p + size;
    }
#else
    const char *scanValue(const char *p, const char *end, const char *begin)
    {
        return scanBytes(p, end, begin);
    }
#endif

    State m_state = State::Open;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escapePending = false; // in a string, right after a backslash
    qint64 m_scanned = 0; // bytes passed to scan() so far
    qint64 m_valueEnd = -1; // see valueEnd()
};

#endif // QGRAPHQLJSONSCANNER_P_H
