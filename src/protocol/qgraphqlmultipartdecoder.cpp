// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlmultipartdecoder_p.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxTransportPadding = 256;
} // namespace

QGraphQLMultipartDecoder::QGraphQLMultipartDecoder(const QByteArray &boundary,
                                                   qsizetype maxPartSize)
    : m_boundary("--" + boundary), m_maxPartSize(maxPartSize)
{ }

void QGraphQLMultipartDecoder::feed(QByteArrayView data)
{
    if (m_state == State::Epilogue || m_state == State::Failed) {
        m_discarded += m_buffer.size() + data.size();
        m_buffer.clear();
        return;
    }
    compact();
    m_buffer.append(data.data(), data.size());
}

// Drops the bytes no state needs any more. Amortised linear: the front is only cut when it is
// at least half the buffer, so every byte is moved a bounded number of times.
void QGraphQLMultipartDecoder::compact()
{
    qsizetype keep = 0;
    switch (m_state) {
    case State::Preamble:
        keep = m_scanPos;
        break;
    case State::Headers:
        keep = m_partStart;
        break;
    case State::Body:
        keep = m_partEmitted ? m_emittedEnd : m_bodyStart;
        break;
    case State::LengthBody:
        keep = m_bodyStart;
        break;
    case State::AfterLengthBody:
        keep = m_pos;
        break;
    case State::Epilogue:
    case State::Failed:
        keep = m_buffer.size();
        break;
    }
    keep = qMax<qsizetype>(0, keep - 1); // keep the byte before, to tell a line start
    if (keep == 0 || (keep < 4096 && keep < m_buffer.size()) || keep * 2 < m_buffer.size())
        return;
    m_buffer.remove(0, keep);
    m_discarded += keep;
    for (qsizetype *p :
         { &m_pos, &m_partStart, &m_bodyStart, &m_scanPos, &m_emittedEnd, &m_jsonPos, &m_anchor })
        *p -= keep;
    m_partBody = {};
}

// Is there a delimiter line ("--boundary", optional padding, line break) or a close delimiter
// ("--boundary--") at pos? Partial: the bytes so far could still become one.
QGraphQLMultipartDecoder::Match QGraphQLMultipartDecoder::matchDelimiterAt(qsizetype pos,
                                                                           qsizetype *lineEnd) const
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    const qsizetype blen = m_boundary.size();
    const qsizetype avail = size - pos;
    if (std::memcmp(data + pos, m_boundary.constData(), size_t(qMin(avail, blen))) != 0)
        return Match::No;
    qsizetype q = pos + blen;
    if (q >= size)
        return Match::Partial;
    if (data[q] == '-') {
        if (q + 1 >= size)
            return Match::Partial;
        if (data[q + 1] != '-')
            return Match::No;
        *lineEnd = q + 2;
        return Match::Close;
    }
    // Transport padding. A delimiter line is short (RFC 2046: lines of at most 1000
    // characters); endless padding would otherwise be held in memory as a "partial" match.
    const qsizetype paddingStart = q;
    while (q < size && (data[q] == ' ' || data[q] == '\t')) {
        if (++q - paddingStart > MaxTransportPadding)
            return Match::No;
    }
    if (q >= size)
        return Match::Partial;
    if (data[q] == '\n') {
        *lineEnd = q + 1;
        return Match::Delimiter;
    }
    if (data[q] == '\r') {
        if (q + 1 >= size)
            return Match::Partial;
        if (data[q + 1] == '\n') {
            *lineEnd = q + 2;
            return Match::Delimiter;
        }
    }
    return Match::No;
}

// Looks for a delimiter at a line start at or after m_scanPos. On Partial, *at is where a
// delimiter may begin and the search resumes there; on No the whole buffer was searched.
QGraphQLMultipartDecoder::Match QGraphQLMultipartDecoder::findDelimiter(qsizetype *at,
                                                                        qsizetype *lineEnd)
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype pos = m_scanPos;
    while (true) {
        if (pos == m_anchor || (pos > 0 && data[pos - 1] == '\n')) {
            const Match match = matchDelimiterAt(pos, lineEnd);
            if (match != Match::No) {
                *at = pos;
                m_scanPos = pos;
                return match;
            }
        }
        if (pos >= size)
            break;
        const void *nl = std::memchr(data + pos, '\n', size_t(size - pos));
        if (!nl)
            break;
        pos = static_cast<const char *>(nl) - data + 1;
    }
    *at = size;
    m_scanPos = size;
    return Match::No;
}

QGraphQLMultipartDecoder::Event QGraphQLMultipartDecoder::next()
{
    while (true) {
        Step step;
        switch (m_state) {
        case State::Preamble:
            step = parsePreamble();
            break;
        case State::Headers:
            step = parseHeaders();
            break;
        case State::Body:
            step = parseBody();
            break;
        case State::LengthBody:
            step = parseLengthBody();
            break;
        case State::AfterLengthBody:
            step = parseAfterLengthBody();
            break;
        case State::Epilogue:
            return Event::Closed;
        case State::Failed:
            return Event::Error;
        }
        if (step)
            return *step;
    }
}

bool QGraphQLMultipartDecoder::isInsidePart() const
{
    return m_state == State::Headers || m_state == State::LengthBody
            || (m_state == State::Body && !m_partEmitted);
}

void QGraphQLMultipartDecoder::onDelimiter(Match match, qsizetype lineEnd)
{
    if (match == Match::Close) {
        m_state = State::Epilogue;
        return;
    }
    m_state = State::Headers;
    m_partStart = m_pos = lineEnd;
    m_headerContentType.clear();
    m_contentLength = -1;
}

void QGraphQLMultipartDecoder::beginBody(qsizetype bodyStart)
{
    m_state = State::Body;
    m_bodyStart = m_scanPos = m_jsonPos = m_anchor = bodyStart;
    m_partEmitted = false;
    m_json.reset();
}

QGraphQLMultipartDecoder::Step QGraphQLMultipartDecoder::parsePreamble()
{
    qsizetype at = 0;
    qsizetype lineEnd = 0;
    const Match match = findDelimiter(&at, &lineEnd);
    if (match == Match::No || match == Match::Partial)
        return Event::NeedMoreData;
    onDelimiter(match, lineEnd);
    return std::nullopt;
}

QGraphQLMultipartDecoder::Step QGraphQLMultipartDecoder::parseHeaders()
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    while (true) {
        qsizetype lineEnd = 0;
        const Match match = m_pos < size ? matchDelimiterAt(m_pos, &lineEnd) : Match::Partial;
        if (match == Match::Partial)
            return Event::NeedMoreData;
        if (match != Match::No || data[m_pos] == '{' || data[m_pos] == '[') {
            // An empty part right before the next delimiter, or a body without headers.
            beginBody(m_pos);
            return std::nullopt;
        }
        const void *nl = std::memchr(data + m_pos, '\n', size_t(size - m_pos));
        if (!nl) {
            if (size - m_partStart > m_maxPartSize)
                return partTooLarge();
            return Event::NeedMoreData;
        }
        const qsizetype nlPos = static_cast<const char *>(nl) - data;
        QByteArrayView line(data + m_pos, nlPos - m_pos);
        if (line.endsWith('\r'))
            line.chop(1);
        const qint64 lineOffset = m_discarded + m_pos;
        m_pos = nlPos + 1;
        if (m_pos - m_partStart > m_maxPartSize)
            return partTooLarge();
        if (line.isEmpty()) {
            beginBody(m_pos);
            if (m_contentLength >= 0) {
                if (m_contentLength > m_maxPartSize)
                    return partTooLarge();
                m_state = State::LengthBody;
            }
            return std::nullopt;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return fail(ErrorKind::Malformed,
                        u"Malformed part header at byte %1: \"%2\""_s.arg(lineOffset)
                                .arg(QString::fromLatin1(
                                        line.first(qMin<qsizetype>(line.size(), 80)))));
        }
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            // Every part of a stream has the same type: share the bytes instead of copying.
            if (m_lastContentType != value)
                m_lastContentType = value.toByteArray();
            m_headerContentType = m_lastContentType;
        } else if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            m_contentLength = value.toLongLong(&ok);
            if (!ok || m_contentLength < 0) {
                return fail(ErrorKind::Malformed,
                            u"Invalid part Content-Length \"%1\" at byte %2"_s
                                    .arg(QString::fromLatin1(
                                            value.first(qMin<qsizetype>(value.size(), 40))))
                                    .arg(lineOffset));
            }
        }
    }
}

QGraphQLMultipartDecoder::Step QGraphQLMultipartDecoder::parseBody()
{
    qsizetype at = 0;
    qsizetype lineEnd = 0;
    const Match match = findDelimiter(&at, &lineEnd);
    // The body ends before the line break that starts the delimiter.
    qsizetype bodyEnd = at;
    if (at > m_anchor && m_buffer.at(at - 1) == '\n') {
        --bodyEnd;
        if (bodyEnd > qMax<qsizetype>(m_bodyStart, 0) && m_buffer.at(bodyEnd - 1) == '\r')
            --bodyEnd;
    }
    // Only the bytes within the part cap are scanned, and the checks below come in this order:
    // then the same bytes give the same events however they were cut into reads (what lies
    // beyond the cap is never looked at, whether or not one read brought it).
    // A CR at the end of the buffer was scanned before its LF showed it to be part of the
    // delimiter: bodyEnd can then be one byte short of m_jsonPos.
    const qsizetype scanEnd = qMin<qsizetype>(bodyEnd, m_bodyStart + m_maxPartSize);
    if (scanEnd > m_jsonPos) {
        m_json.scan(QByteArrayView(m_buffer.constData() + m_jsonPos, scanEnd - m_jsonPos));
        m_jsonPos = scanEnd;
    }
    if (m_partEmitted && !m_json.isComplete()) {
        return fail(ErrorKind::Malformed,
                    u"Unexpected data after the JSON value of the part at byte %1"_s.arg(
                            m_discarded + m_bodyStart));
    }
    // A body that starts with a JSON object or array is that value: hand it out as soon as it
    // is complete, without waiting for the delimiter (the next chunk may be seconds away), and
    // end it there whether or not the delimiter is already buffered, so that how the bytes were
    // cut into reads changes neither the parts nor their bytes. Only white space may follow.
    if (!m_partEmitted && m_json.hasValue()) {
        const qsizetype end = m_bodyStart + qsizetype(m_json.valueEnd());
        m_partEmitted = true;
        m_emittedEnd = end;
        return emitPart(m_bodyStart, end);
    }
    // A CR at the very end may yet be the line break before a delimiter: not counted.
    qsizetype sizeEnd = bodyEnd;
    if (match == Match::No && sizeEnd > qMax<qsizetype>(m_bodyStart, 0)
        && m_buffer.at(sizeEnd - 1) == '\r')
        --sizeEnd;
    if (sizeEnd - m_bodyStart > m_maxPartSize)
        return partTooLarge();

    if (match == Match::Delimiter || match == Match::Close) {
        const bool emitted = m_partEmitted;
        if (!emitted)
            emitPart(m_bodyStart, bodyEnd); // before onDelimiter() starts the next part
        onDelimiter(match, lineEnd);
        if (!emitted)
            return Event::Part;
        return std::nullopt;
    }
    return Event::NeedMoreData;
}

QGraphQLMultipartDecoder::Step QGraphQLMultipartDecoder::parseLengthBody()
{
    if (m_buffer.size() - m_bodyStart < m_contentLength)
        return Event::NeedMoreData;
    m_state = State::AfterLengthBody;
    m_pos = m_bodyStart + qsizetype(m_contentLength);
    return emitPart(m_bodyStart, m_pos);
}

// After a Content-Length body: an optional line break, then a delimiter.
QGraphQLMultipartDecoder::Step QGraphQLMultipartDecoder::parseAfterLengthBody()
{
    const qsizetype size = m_buffer.size();
    qsizetype lineStart = m_pos;
    if (lineStart < size && m_buffer.at(lineStart) == '\r')
        ++lineStart;
    if (lineStart < size && m_buffer.at(lineStart) == '\n')
        ++lineStart;
    if (lineStart >= size)
        return Event::NeedMoreData;
    qsizetype lineEnd = 0;
    const Match match = matchDelimiterAt(lineStart, &lineEnd);
    if (match == Match::Partial)
        return Event::NeedMoreData;
    if (match == Match::No) {
        return fail(ErrorKind::Malformed,
                    u"No delimiter after the %1 bytes of Content-Length at byte %2"_s
                            .arg(m_contentLength)
                            .arg(m_discarded + m_pos));
    }
    onDelimiter(match, lineEnd);
    return std::nullopt;
}

QGraphQLMultipartDecoder::Event QGraphQLMultipartDecoder::emitPart(qsizetype begin, qsizetype end)
{
    m_partBody = QByteArrayView(m_buffer.constData() + begin, end - begin);
    m_partContentType = m_headerContentType;
    m_partOffset = m_discarded + begin;
    return Event::Part;
}

QGraphQLMultipartDecoder::Event QGraphQLMultipartDecoder::fail(ErrorKind kind,
                                                               const QString &message)
{
    m_state = State::Failed;
    m_errorKind = kind;
    m_errorString = message;
    m_partBody = {};
    return Event::Error;
}

// Names where the part starts, not how much of it was held: that depends on how the input was
// cut into reads, and the message must not.
QGraphQLMultipartDecoder::Event QGraphQLMultipartDecoder::partTooLarge()
{
    return fail(ErrorKind::PartTooLarge,
                u"The part at byte %1 exceeds the maximum part size of %2 bytes"_s
                        .arg(m_discarded + m_partStart)
                        .arg(m_maxPartSize));
}
