// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqljsontext_p.h"

#include <QtCore/qalgorithms.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace QGraphQLJsonText {

namespace {

// Qt's nesting limit (qjsonparser.cpp): the 1025th open object or array is an error.
constexpr int NestingLimit = 1024;

// A number run this short (in bytes) with at most two exponent digits cannot overflow or
// underflow a double: its magnitude lies between 1e-300 and 1e300.
constexpr qsizetype ShortNumber = 200;

// The reasons, in the words of QJsonParseError::errorString().
enum class Reason {
    UnterminatedObject,
    MissingNameSeparator,
    UnterminatedArray,
    MissingValueSeparator,
    IllegalValue,
    IllegalNumber,
    IllegalEscapeSequence,
    IllegalUtf8String,
    UnterminatedString,
    MissingObject,
    DeepNesting,
    GarbageAtEnd,
};

const char *reasonText(Reason reason)
{
    switch (reason) {
    case Reason::UnterminatedObject:
        return "unterminated object";
    case Reason::MissingNameSeparator:
        return "missing name separator";
    case Reason::UnterminatedArray:
        return "unterminated array";
    case Reason::MissingValueSeparator:
        return "missing value separator";
    case Reason::IllegalValue:
        return "illegal value";
    case Reason::IllegalNumber:
        return "illegal number";
    case Reason::IllegalEscapeSequence:
        return "invalid escape sequence";
    case Reason::IllegalUtf8String:
        return "invalid UTF8 string";
    case Reason::UnterminatedString:
        return "unterminated string";
    case Reason::MissingObject:
        return "object is missing after a comma";
    case Reason::DeepNesting:
        return "too deeply nested document";
    case Reason::GarbageAtEnd:
        return "garbage at the end of the document";
    }
    return "";
}

inline bool isSpace(uchar c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(uchar c)
{
    return uchar(c - '0') < 10;
}

inline bool isHexDigit(uchar c)
{
    return isDigit(c) || uchar((c | 0x20) - 'a') < 6;
}

inline bool isContinuation(uchar c)
{
    return (c & 0xc0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at p (whose first byte is >= 0x80), or 0. The
// second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
inline int utf8Length(const uchar *p, const uchar *end)
{
    const uchar b = p[0];
    const qsizetype available = end - p;
    if (b < 0xc2)
        return 0; // a continuation byte or an overlong two-byte form
    if (b < 0xe0)
        return available >= 2 && isContinuation(p[1]) ? 2 : 0;
    if (b < 0xf0) {
        if (available < 3 || !isContinuation(p[2]))
            return 0;
        const uchar lo = b == 0xe0 ? 0xa0 : 0x80;
        const uchar hi = b == 0xed ? 0x9f : 0xbf;
        return p[1] >= lo && p[1] <= hi ? 3 : 0;
    }
    if (b < 0xf5) {
        if (available < 4 || !isContinuation(p[2]) || !isContinuation(p[3]))
            return 0;
        const uchar lo = b == 0xf0 ? 0x90 : 0x80;
        const uchar hi = b == 0xf4 ? 0x8f : 0xbf;
        return p[1] >= lo && p[1] <= hi ? 4 : 0;
    }
    return 0;
}

// The first byte from p on that is not white space (or end). Indentation comes in runs: sixteen
// bytes at a time.
inline const uchar *spaceEnd(const uchar *p, const uchar *end)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i lineFeed = _mm_set1_epi8('\n');
    const __m128i carriageReturn = _mm_set1_epi8('\r');
    const __m128i tab = _mm_set1_epi8('\t');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i spaces = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, lineFeed)),
                _mm_or_si128(_mm_cmpeq_epi8(v, carriageReturn), _mm_cmpeq_epi8(v, tab)));
        const uint other = uint(~_mm_movemask_epi8(spaces)) & 0xffff;
        if (other)
            return p + qCountTrailingZeroBits(other);
        p += 16;
    }
#endif
    while (p < end && isSpace(*p))
        ++p;
    return p;
}

// One pass over the input: validates and writes the output in spans of input bytes, skipping
// white space outside strings. Containers are tracked with an explicit stack, not recursion.
class Compactor
{
public:
    Compactor(QByteArrayView json, char *out)
        : m_begin(reinterpret_cast<const uchar *>(json.data())), m_p(m_begin),
          m_end(m_begin + json.size()), m_span(m_begin), m_out(out), m_outEnd(out + json.size())
    { }

    bool run();

    char *outEnd() const { return m_out; }
    qsizetype errorOffset() const { return m_errorAt - m_begin; }
    Reason reason() const { return m_reason; }

private:
    bool fail(Reason reason, const uchar *at)
    {
        m_reason = reason;
        m_errorAt = at;
        return false;
    }

    // Copies the bytes since the last span up to p, which starts white space. Between the
    // white space of pretty-printed text the spans are short: one 16-byte move where it fits.
    void flush()
    {
        const qsizetype n = m_p - m_span;
#if defined(__SSE2__)
        if (n <= 16 && m_end - m_span >= 16 && m_outEnd - m_out >= 16) {
            _mm_storeu_si128(reinterpret_cast<__m128i *>(m_out),
                             _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_span)));
            m_out += n;
            return;
        }
#endif
        std::memcpy(m_out, m_span, size_t(n));
        m_out += n;
    }

    void skipSpace()
    {
        if (m_p < m_end && isSpace(*m_p)) {
            flush();
            m_p = spaceEnd(m_p + 1, m_end);
            m_span = m_p;
        }
    }

    bool literal(const char *word, qsizetype size)
    {
        if (m_end - m_p < size || std::memcmp(m_p, word, size_t(size)) != 0)
            return fail(Reason::IllegalValue, m_p);
        m_p += size;
        return true;
    }

    Q_ALWAYS_INLINE bool string();
    Q_ALWAYS_INLINE bool number();

    const uchar *const m_begin;
    const uchar *m_p;
    const uchar *const m_end;
    const uchar *m_span; // the first input byte not yet written
    char *m_out;
    char *const m_outEnd; // the output has room for the whole input
    const uchar *m_errorAt = nullptr;
    Reason m_reason = Reason::IllegalValue;
    bool m_isObject[NestingLimit + 1];
};

// p is past the opening quote; on success it is past the closing one.
bool Compactor::string()
{
    const uchar *p = m_p;
    const uchar *const end = m_end;
    for (;;) {
#if defined(__SSE2__)
        // Sixteen bytes at a time up to the first quote, backslash or byte from 0x80.
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        for (;;) {
            if (end - p < 16) {
                while (p < end && *p != '"' && *p != '\\' && *p < 0x80)
                    ++p;
                break;
            }
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                            _mm_cmpeq_epi8(v, backslash)))
                    | _mm_movemask_epi8(v);
            if (mask) {
                p += qCountTrailingZeroBits(uint(mask));
                break;
            }
            p += 16;
        }
#else
        while (p < end && *p != '"' && *p != '\\' && *p < 0x80)
            ++p;
#endif
        if (p == end)
            return fail(Reason::UnterminatedString, end);
        if (*p == '"') {
            m_p = p + 1;
            return true;
        }
        if (*p == '\\') {
            // Any byte may follow; \u needs four hex digits.
            if (end - p < 2)
                return fail(Reason::IllegalEscapeSequence, p);
            if (p[1] == 'u') {
                if (end - p < 6 || !isHexDigit(p[2]) || !isHexDigit(p[3]) || !isHexDigit(p[4])
                    || !isHexDigit(p[5])) {
                    return fail(Reason::IllegalEscapeSequence, p);
                }
                p += 6;
            } else {
                p += 2;
            }
            continue;
        }
        // Non-ASCII text often comes in runs: validate the run before scanning again.
        do {
            const int n = utf8Length(p, end);
            if (!n)
                return fail(Reason::IllegalUtf8String, p);
            p += n;
        } while (p < end && *p >= 0x80);
    }
}

// The run Qt's parser takes as a number (see the header), checked as QJsonDocument does.
bool Compactor::number()
{
    const uchar *const start = m_p;
    const uchar *p = m_p;
    const uchar *const end = m_end;
    if (p < end && *p == '-')
        ++p;
    bool strict; // matches the JSON grammar
    if (p < end && *p == '0') {
        ++p;
        strict = true;
    } else {
        const uchar *digits = p;
        while (p < end && isDigit(*p))
            ++p;
        strict = p != digits;
    }
    if (p < end && *p == '.') {
        const uchar *digits = ++p;
        while (p < end && isDigit(*p))
            ++p;
        strict = strict && p != digits;
    }
    if (p < end && (*p | 0x20) == 'e') {
        ++p;
        if (p < end && (*p == '-' || *p == '+'))
            ++p;
        const uchar *digits = p;
        while (p < end && isDigit(*p))
            ++p;
        strict = strict && p != digits && p - digits <= 2;
    }
    m_p = p;
    if (strict && p - start <= ShortNumber)
        return true;
    // Rare: let Qt's own conversion decide, as its parser does.
    bool ok = false;
    QByteArray::fromRawData(reinterpret_cast<const char *>(start), p - start).toDouble(&ok);
    return ok || fail(Reason::IllegalNumber, start);
}

bool Compactor::run()
{
    // A byte order mark, then white space, are not part of the value.
    if (m_end - m_p > 3 && m_p[0] == 0xef && m_p[1] == 0xbb && m_p[2] == 0xbf)
        m_p += 3;
    while (m_p < m_end && isSpace(*m_p))
        ++m_p;
    m_span = m_p;
    if (m_p == m_end || (*m_p != '{' && *m_p != '['))
        return fail(Reason::IllegalValue, m_p);

    int depth = 0;
    bool isObject = false; // the innermost open container

value: // m_p < m_end, at a byte that is not white space
    switch (*m_p) {
    case '{':
    case '[':
        if (depth == NestingLimit)
            return fail(Reason::DeepNesting, m_p);
        isObject = *m_p == '{';
        m_isObject[++depth] = isObject;
        ++m_p;
        skipSpace();
        if (m_p == m_end)
            return fail(isObject ? Reason::UnterminatedObject : Reason::UnterminatedArray, m_p);
        if (*m_p == (isObject ? '}' : ']')) {
            ++m_p;
            goto closed;
        }
        if (isObject)
            goto member;
        goto value;
    case '"':
        ++m_p;
        if (!string())
            return false;
        goto next;
    case 't':
        if (!literal("true", 4))
            return false;
        goto next;
    case 'f':
        if (!literal("false", 5))
            return false;
        goto next;
    case 'n':
        if (!literal("null", 4))
            return false;
        goto next;
    case ',':
        return fail(Reason::IllegalValue, m_p);
    case '}':
    case ']':
        return fail(Reason::MissingObject, m_p);
    default:
        if (!number())
            return false;
        goto next;
    }

closed: // a container was closed
    if (--depth == 0)
        goto done;
    isObject = m_isObject[depth];

next: // after a value inside a container
    skipSpace();
    if (m_p == m_end)
        return fail(isObject ? Reason::UnterminatedObject : Reason::UnterminatedArray, m_p);
    if (*m_p == ',') {
        ++m_p;
        skipSpace();
        if (m_p == m_end)
            return fail(isObject ? Reason::UnterminatedObject : Reason::UnterminatedArray, m_p);
        if (!isObject)
            goto value;
        if (*m_p == '}')
            return fail(Reason::MissingObject, m_p);
        goto member;
    }
    if (*m_p == (isObject ? '}' : ']')) {
        ++m_p;
        goto closed;
    }
    return fail(isObject ? Reason::UnterminatedObject : Reason::MissingValueSeparator, m_p);

member: // m_p < m_end, where a member's name should start
    if (*m_p != '"')
        return fail(Reason::UnterminatedObject, m_p);
    ++m_p;
    if (!string())
        return false;
    skipSpace();
    if (m_p == m_end || *m_p != ':')
        return fail(Reason::MissingNameSeparator, m_p);
    ++m_p;
    skipSpace();
    if (m_p == m_end)
        return fail(Reason::UnterminatedObject, m_p);
    goto value;

done:
    flush();
    while (m_p < m_end && isSpace(*m_p))
        ++m_p;
    if (m_p != m_end)
        return fail(Reason::GarbageAtEnd, m_p);
    return true;
}

inline bool isStructural(char c)
{
    switch (c) {
    case '"':
    case '{':
    case '}':
    case '[':
    case ']':
    case ',':
    case ':':
        return true;
    default:
        return false;
    }
}

void writeIndent(QByteArray &out, int level)
{
    out.append(qsizetype(qMax(level, 0)) * 4, ' ');
}

} // namespace

bool compact(QByteArrayView json, QByteArray *out, Error *error)
{
    const qsizetype oldSize = out->size();
    // Room for the whole input: the output is never longer. The bytes are left uninitialised.
    // An empty output gets exactly that room (resize() would round it up to the next power of
    // two, and the text is usually kept).
    const bool exact = oldSize == 0 && out->capacity() < json.size();
    if (exact)
        *out = QByteArray(json.size(), Qt::Uninitialized);
    else
        out->resize(oldSize + json.size());
    Compactor compactor(json, out->data() + oldSize);
    if (compactor.run()) {
        out->resize(compactor.outEnd() - out->constData()); // only shrinks: no reallocation
        // Much white space was dropped (pretty-printed input): give the room back.
        if (exact && out->capacity() - out->size() > out->size() / 8 + 64)
            out->squeeze();
        return true;
    }
    if (exact)
        *out = QByteArray();
    else
        out->resize(oldSize);
    if (error) {
        error->offset = compactor.errorOffset();
        error->message = QString::fromLatin1(reasonText(compactor.reason()));
    }
    return false;
}

QByteArray indented(QByteArrayView compactJson)
{
    const char *p = compactJson.data();
    const char *const end = p + compactJson.size();
    QByteArray out;
    out.reserve(compactJson.size() * 2 + 1);
    int level = 0;
    while (p < end) {
        const char c = *p;
        switch (c) {
        case '"': {
            // Copied as written; escapes are skipped over, so an escaped quote ends nothing.
            const char *start = p++;
            while (p < end && *p != '"') {
                if (*p == '\\' && end - p > 1)
                    ++p;
                ++p;
            }
            if (p < end)
                ++p;
            out.append(start, p - start);
            continue;
        }
        case '{':
        case '[':
            out.append(c);
            out.append('\n');
            if (p + 1 < end && (p[1] == '}' || p[1] == ']')) { // empty: Qt writes "{\n}"
                writeIndent(out, level);
                out.append(p[1]);
                p += 2;
                continue;
            }
            writeIndent(out, ++level);
            break;
        case '}':
        case ']':
            out.append('\n');
            writeIndent(out, --level);
            out.append(c);
            break;
        case ',':
            out.append(",\n");
            writeIndent(out, level);
            break;
        case ':':
            out.append(": ");
            break;
        default: { // a number or a literal
            const char *start = p;
            while (p < end && !isStructural(*p))
                ++p;
            out.append(start, p - start);
            continue;
        }
        }
        ++p;
    }
    out.append('\n');
    return out;
}

} // namespace QGraphQLJsonText
