// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlssedecoder_p.h"

#include "qgraphqlresponseparser_p.h"

#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;
} // namespace

QGraphQLSseDecoder::QGraphQLSseDecoder(qsizetype maxEventSize) : m_maxEventSize(maxEventSize) { }

void QGraphQLSseDecoder::feed(QByteArrayView data)
{
    if (m_failed) {
        m_discarded += m_input.size() + data.size();
        m_input.clear();
        m_pos = 0;
        return;
    }
    // Drop what was parsed. Amortised linear: the front is only cut when it is at least half
    // the buffer, so every byte is moved a bounded number of times.
    if (m_pos == m_input.size()) {
        m_discarded += m_input.size();
        m_input.resize(0);
        m_pos = 0;
    } else if (m_pos >= 4096 && m_pos * 2 >= m_input.size()) {
        m_input.remove(0, m_pos);
        m_discarded += m_pos;
        m_pos = 0;
    }
    m_input.append(data.data(), data.size());
}

bool QGraphQLSseDecoder::isInsideEvent() const
{
    return m_lineState == Line::Field || m_eventBytes > 0;
}

QGraphQLSseDecoder::Status QGraphQLSseDecoder::fail(const QString &message)
{
    m_failed = true;
    m_errorString = message;
    m_discarded += m_input.size();
    m_input.clear();
    m_pos = 0;
    m_line.clear();
    m_data.clear();
    m_type.clear();
    return Status::Error;
}

QGraphQLSseDecoder::Status QGraphQLSseDecoder::next()
{
    if (m_failed)
        return Status::Error;

    const char *p = m_input.constData();
    const qsizetype size = m_input.size();

    if (!m_bomChecked) {
        const qsizetype n = qMin(size - m_pos, BomSize);
        if (QByteArrayView(p + m_pos, n) != QByteArrayView(Bom, n))
            m_bomChecked = true; // no BOM
        else if (n < BomSize)
            return Status::NeedMoreData; // a prefix of a BOM so far: cannot tell yet
        else {
            m_pos += BomSize;
            m_bomChecked = true;
        }
    }

    while (m_pos < size) {
        if (m_skipLf) {
            m_skipLf = false;
            if (p[m_pos] == '\n') {
                ++m_pos;
                continue;
            }
        }
        qsizetype end = m_pos;
        while (end < size && p[end] != '\n' && p[end] != '\r')
            ++end;

        if (end > m_pos && m_lineState == Line::Start) {
            m_lineState = p[m_pos] == ':' ? Line::Comment : Line::Field;
            if (m_lineState == Line::Field && m_eventBytes == 0)
                m_eventOffset = m_discarded + m_pos;
        }
        if (m_lineState == Line::Field) {
            const qsizetype length = end - m_pos;
            if (m_eventBytes + m_line.size() + length > m_maxEventSize) {
                return fail(u"An event of the event stream (at byte %1) exceeds the maximum "
                            "event size of %2 bytes"_s.arg(m_eventOffset)
                                    .arg(m_maxEventSize));
            }
            m_line.append(p + m_pos, length);
        }
        if (end == size) {
            m_pos = end;
            break;
        }
        m_skipLf = p[end] == '\r';
        m_pos = end + 1;
        if (processLine())
            return Status::Event;
    }
    return Status::NeedMoreData;
}

// Called at a line end. Returns true when a blank line dispatched an event into m_event.
bool QGraphQLSseDecoder::processLine()
{
    const Line state = m_lineState;
    m_lineState = Line::Start;
    switch (state) {
    case Line::Comment:
        return false;
    case Line::Field:
        m_eventBytes += m_line.size() + 1;
        processField();
        m_line.clear();
        return false;
    case Line::Start:
        break;
    }

    // A blank line: dispatch the event, if there is one.
    const bool dispatch = m_hasData || m_hasType;
    if (dispatch) {
        if (m_data.endsWith('\n'))
            m_data.chop(1);
        m_event.type = std::exchange(m_type, {});
        m_event.data = std::exchange(m_data, {});
        m_event.id = m_lastEventId;
        m_event.offset = m_eventOffset;
    }
    m_type.clear();
    m_data.clear();
    m_hasType = m_hasData = false;
    m_eventBytes = 0;
    m_eventOffset = -1;
    return dispatch;
}

void QGraphQLSseDecoder::processField()
{
    const qsizetype colon = m_line.indexOf(':');
    const QByteArrayView name
            = colon < 0 ? QByteArrayView(m_line) : QByteArrayView(m_line).first(colon);
    QByteArrayView value;
    if (colon >= 0) {
        value = QByteArrayView(m_line).sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }

    if (name == "event") {
        m_type = value.toByteArray();
        m_hasType = true;
    } else if (name == "data") {
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (name == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (name == "retry") {
        if (value.isEmpty())
            return;
        qint64 ms = 0;
        for (char c : value) {
            if (c < '0' || c > '9')
                return;
            if (ms > (std::numeric_limits<qint64>::max() - 9) / 10)
                return; // absurdly large: ignored
            ms = ms * 10 + (c - '0');
        }
        m_retry = ms;
    }
    // Any other field is ignored.
}

QGraphQLSseStep QGraphQLSseDecoder::graphqlStep(const QGraphQLSseEvent &event)
{
    QGraphQLSseStep step;
    if (event.type == "complete") {
        step.kind = QGraphQLSseStep::Complete;
        return step;
    }
    const bool unnamed = event.type.isEmpty() || event.type == "message";
    if (event.type != "next" && !unnamed)
        return step; // Ignored
    if (QGraphQLResponseParser::isBlank(event.data)) {
        if (unnamed)
            return step; // a keep-alive written as "data:"
        step.kind = QGraphQLSseStep::Malformed;
        step.message = u"The \"next\" event at byte %1 has no data"_s.arg(event.offset);
        return step;
    }

    const QGraphQLResponseParser::JsonText parsed
            = QGraphQLResponseParser::parseJsonText(event.data);
    if (!parsed.error.isEmpty()) {
        step.kind = QGraphQLSseStep::Malformed;
        step.message = u"The data of the event at byte %1 is not a GraphQL response: %2"_s
                               .arg(event.offset)
                               .arg(parsed.error);
        return step;
    }
    const QGraphQLJsonNode &object = parsed.object;
    if (!QGraphQLResponseParser::isResponseOrIncrementalPayload(object)) {
        step.kind = QGraphQLSseStep::Malformed;
        step.message = u"The data of the event at byte %1 is not a GraphQL response: it has "
                       "neither \"data\" nor \"errors\""_s.arg(event.offset);
        return step;
    }
    step.kind = QGraphQLSseStep::Next;
    step.payload = object;
    return step;
}
