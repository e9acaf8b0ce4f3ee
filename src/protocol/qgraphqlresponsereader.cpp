// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlresponsereader_p.h"

#include "qgraphqlincrementalmerger_p.h"
#include "qgraphqlresponseparser_p.h"
#include "qgraphqlresponsereaders_p.h"
#include "qgraphqlresult_p.h"

using namespace Qt::StringLiterals;
using namespace QGraphQLResponseParser;

// QGraphQLResponseReader

QGraphQLResponseReader::~QGraphQLResponseReader() = default;

std::unique_ptr<QGraphQLResponseReader> QGraphQLResponseReader::create(QByteArrayView contentType,
                                                                       QGraphQLOperationKind kind,
                                                                       qint64 maxPartSize)
{
    const MediaType media = parseMediaType(contentType);
    if (media.type == "text/event-stream")
        return std::make_unique<QGraphQLSseReader>(maxPartSize);
    if (media.isMultipartMixed()) {
        return std::make_unique<QGraphQLMultipartReader>(media.parameters.value("boundary", "-"_ba),
                                                         kind, maxPartSize);
    }
    if (media.isJson())
        return std::make_unique<QGraphQLJsonBodyReader>(maxPartSize);
    return nullptr;
}

void QGraphQLResponseReader::feed(QByteArrayView bytes)
{
    if (!m_finished && !m_end)
        append(bytes);
}

void QGraphQLResponseReader::endOfInput(QGraphQLInputEnd end)
{
    if (!m_end)
        m_end = end;
}

QGraphQLReaderEvent QGraphQLResponseReader::next()
{
    if (m_finished)
        return {};
    QGraphQLReaderEvent event = read();
    if (event.kind == QGraphQLReaderEvent::NeedMoreData && m_end)
        event = endedEvent(*m_end);
    m_finished = event.isFinal();
    return event;
}

QGraphQLReaderEvent QGraphQLResponseReader::protocolError(const QString &message)
{
    QGraphQLReaderEvent event;
    event.kind = QGraphQLReaderEvent::Failed;
    event.error = QGraphQLTransportError(QGraphQLTransportError::ProtocolError, message);
    return event;
}

QGraphQLReaderEvent QGraphQLResponseReader::endedBefore(const QString &missing,
                                                        bool incompletePartDropped)
{
    QGraphQLReaderEvent event;
    event.kind = QGraphQLReaderEvent::Truncated;
    event.message = u"The stream ended before "_s + missing;
    event.incompletePartDropped = incompletePartDropped;
    return event;
}

// QGraphQLPayloadAssembler

QGraphQLPayloadAssembler::QGraphQLPayloadAssembler() = default;
QGraphQLPayloadAssembler::~QGraphQLPayloadAssembler() = default;

QGraphQLReaderEvent QGraphQLPayloadAssembler::take(const QGraphQLJsonNode &payload,
                                                   Validation validation)
{
    QGraphQLReaderEvent event;
    event.kind = QGraphQLReaderEvent::Result;
    // An incremental response runs from a payload with hasNext (or pending, incremental, …) to
    // one whose hasNext is false; a subscription may send several, one per event.
    const bool merging = m_merger && !m_merger->isFinished();
    if (!merging) {
        // One pass over the payload's members: what tells incremental delivery, and what the
        // result reads (so that it does not look again).
        const QList<QGraphQLJsonNode> found
                = payload.membersNamed({ "data", "errors", "extensions", "hasNext", "incremental",
                                         "pending", "completed" });
        const bool incremental = !found.at(3).isUndefined() || !found.at(4).isUndefined()
                || !found.at(5).isUndefined() || !found.at(6).isUndefined();
        if (!incremental) {
            event.result = qgraphqlResultFromJsonNode(
                    payload, QGraphQLResponseMembers { found.at(0), found.at(1), found.at(2), {} });
            if (validation == Validation::RequireResponse && !event.result.isValid()) {
                event.kind = QGraphQLReaderEvent::Failed;
                event.result = {};
                event.error = QGraphQLTransportError(
                        QGraphQLTransportError::ProtocolError,
                        u"A payload is not a GraphQL response: it has neither \"data\" nor "
                        "\"errors\""_s);
            }
            return event;
        }
    }
    if (!merging)
        m_merger = std::make_unique<QGraphQLIncrementalMerger>();
    const QGraphQLIncrementalMerger::Step step = m_merger->merge(payload);
    if (!step.isValid()) {
        event.kind = QGraphQLReaderEvent::Failed;
        event.error
                = QGraphQLTransportError(QGraphQLTransportError::ProtocolError,
                                         u"Invalid incremental delivery payload: "_s + step.error);
        return event;
    }
    event.result = step.result; // with the step's raw incremental items
    return event;
}

// QGraphQLJsonBodyReader

QGraphQLJsonBodyReader::QGraphQLJsonBodyReader(qint64 maxBodySize) : m_maxBodySize(maxBodySize) { }

void QGraphQLJsonBodyReader::append(QByteArrayView bytes)
{
    if (m_tooLarge)
        return;
    if (m_body.size() + bytes.size() > m_maxBodySize) {
        m_tooLarge = true;
        m_body.clear();
        return;
    }
    m_body.append(bytes);
}

QGraphQLReaderEvent QGraphQLJsonBodyReader::read()
{
    if (m_tooLarge) {
        return protocolError(
                u"The response body exceeds the maximum size of %1 bytes"_s.arg(m_maxBodySize));
    }
    if (m_delivered) {
        QGraphQLReaderEvent complete;
        complete.kind = QGraphQLReaderEvent::Complete;
        return complete;
    }
    return {}; // the body is complete only when the input ends
}

QGraphQLReaderEvent QGraphQLJsonBodyReader::endedEvent(QGraphQLInputEnd end)
{
    QGraphQLReaderEvent event;
    if (end == QGraphQLInputEnd::Interrupted) {
        event.kind = QGraphQLReaderEvent::Truncated; // nothing to add to the network's reason
        return event;
    }
    const Response response = parseResponse(m_body);
    if (!response.error.isEmpty())
        return protocolError(response.error);
    event.kind = QGraphQLReaderEvent::Result;
    event.result = response.result;
    m_delivered = true; // read() says Complete next

    return event;
}

// QGraphQLMultipartReader

QGraphQLMultipartReader::QGraphQLMultipartReader(const QByteArray &boundary,
                                                 QGraphQLOperationKind kind, qint64 maxPartSize)
    : m_kind(kind), m_decoder(boundary, qsizetype(maxPartSize))
{ }

void QGraphQLMultipartReader::append(QByteArrayView bytes)
{
    m_decoder.feed(bytes);
}

QGraphQLReaderEvent QGraphQLMultipartReader::read()
{
    for (;;) {
        switch (m_decoder.next()) {
        case QGraphQLMultipartDecoder::Event::NeedMoreData:
            return {};
        case QGraphQLMultipartDecoder::Event::Closed: {
            QGraphQLReaderEvent complete;
            complete.kind = QGraphQLReaderEvent::Complete;
            return complete;
        }
        case QGraphQLMultipartDecoder::Event::Error:
            return protocolError(m_decoder.errorString());
        case QGraphQLMultipartDecoder::Event::Part:
            break;
        }
        const QByteArray partType = m_decoder.partContentType();
        if (!partType.isEmpty() && partType != m_jsonPartType) {
            if (!parseMediaType(partType).isJson()) {
                return protocolError(u"Unexpected part content type \"%1\" at byte %2"_s
                                             .arg(QString::fromLatin1(partType))
                                             .arg(m_decoder.partOffset()));
            }
            m_jsonPartType = partType; // the parts of a stream repeat one type: parse it once
        }
        QGraphQLReaderEvent event
                = m_kind == QGraphQLOperationKind::Subscribe ? readSubscriptionPart() : readPart();
        if (event.kind != QGraphQLReaderEvent::NeedMoreData)
            return event;
    }
}

// Incremental delivery: every part is a GraphQL response of its own. Some servers end with an
// empty part right before the close delimiter: it is passed over.
QGraphQLReaderEvent QGraphQLMultipartReader::readPart()
{
    if (isBlank(m_decoder.partBody()))
        return {};
    const JsonText parsed = parseJsonText(m_decoder.partBody(), m_decoder.partOffset());
    if (!parsed.error.isEmpty())
        return protocolError(parsed.error);
    return m_payloads.take(parsed.object);
}

QGraphQLReaderEvent QGraphQLMultipartReader::readSubscriptionPart()
{
    const SubscriptionPart part
            = parseSubscriptionPart(m_decoder.partBody(), m_decoder.partOffset());
    QGraphQLReaderEvent event;
    switch (part.kind) {
    case SubscriptionPart::Heartbeat:
        event.kind = QGraphQLReaderEvent::Heartbeat;
        return event;
    case SubscriptionPart::Result:
        return m_payloads.take(part.payload, QGraphQLPayloadAssembler::Validation::AcceptAny);
    case SubscriptionPart::Ignored:
        event.kind = QGraphQLReaderEvent::Skipped;
        event.message = part.message;
        return event;
    case SubscriptionPart::FatalError:
        event.kind = QGraphQLReaderEvent::Failed;
        event.error = QGraphQLTransportError(QGraphQLTransportError::ServerError, part.message);
        event.error.setResult(part.result);
        return event;
    case SubscriptionPart::Malformed:
        break;
    }
    return protocolError(part.message);
}

QGraphQLReaderEvent QGraphQLMultipartReader::endedEvent(QGraphQLInputEnd)
{
    return endedBefore(u"its close delimiter"_s, m_decoder.isInsidePart());
}

// QGraphQLSseReader

QGraphQLSseReader::QGraphQLSseReader(qint64 maxEventSize) : m_decoder(qsizetype(maxEventSize)) { }

void QGraphQLSseReader::append(QByteArrayView bytes)
{
    m_decoder.feed(bytes);
}

QGraphQLReaderEvent QGraphQLSseReader::read()
{
    switch (m_decoder.next()) {
    case QGraphQLSseDecoder::Status::NeedMoreData:
        return {};
    case QGraphQLSseDecoder::Status::Error:
        return protocolError(m_decoder.errorString());
    case QGraphQLSseDecoder::Status::Event:
        break;
    }
    const QGraphQLSseStep step = QGraphQLSseDecoder::graphqlStep(m_decoder.event());
    QGraphQLReaderEvent event;
    switch (step.kind) {
    case QGraphQLSseStep::Ignored:
        event.kind = QGraphQLReaderEvent::Skipped; // a keep-alive or an event of another type
        return event;
    case QGraphQLSseStep::Next:
        return m_payloads.take(step.payload);
    case QGraphQLSseStep::Complete:
        event.kind = QGraphQLReaderEvent::Complete;
        return event;
    case QGraphQLSseStep::Malformed:
        break;
    }
    return protocolError(step.message);
}

QGraphQLReaderEvent QGraphQLSseReader::endedEvent(QGraphQLInputEnd)
{
    return endedBefore(u"its complete event"_s, m_decoder.isInsideEvent());
}
