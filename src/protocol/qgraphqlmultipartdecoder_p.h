// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLMULTIPARTDECODER_P_H
#define QGRAPHQLMULTIPARTDECODER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>

#include "qgraphqljsonscanner_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qstring.h>

#include <optional>

// Incremental multipart/mixed framing (RFC 2046 as GraphQL servers write it): fed bytes as they
// arrive, it hands back one part at a time. Pure: no QObject, no I/O.
//
// Linear in the bytes fed: the delimiter search resumes where it stopped and only the few
// bytes that may start a delimiter are looked at again. At most one part is held in memory.
// A part is handed out as soon as it is known complete: at its delimiter, at the end of its
// Content-Length, or, when its body is a JSON object or array, at the end of that value. The
// part then ends there however the bytes were cut into reads; only white space may follow it
// before the delimiter, anything else is an error.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLMultipartDecoder
{
public:
    enum class Event {
        NeedMoreData, // feed more bytes
        Part, // partBody()/partContentType() are valid until the next call
        Closed, // the close delimiter was read; everything after it is ignored
        Error, // errorString() says what and where; the decoder stays in error
    };
    enum class ErrorKind { None, Malformed, PartTooLarge };

    explicit QGraphQLMultipartDecoder(const QByteArray &boundary,
                                      qsizetype maxPartSize = QGraphQL::DefaultMaxPartSize);

    void feed(QByteArrayView data);
    Event next();

    QByteArrayView partBody() const { return m_partBody; }
    QByteArray partContentType() const { return m_partContentType; }
    //! Offset of the current part's body in the whole stream (for error messages).
    qint64 partOffset() const { return m_partOffset; }

    bool isClosed() const { return m_state == State::Epilogue; }
    bool hasError() const { return m_state == State::Failed; }
    ErrorKind errorKind() const { return m_errorKind; }
    QString errorString() const { return m_errorString; }

    //! True when a part has begun (its delimiter was read) but not been handed out yet.
    bool isInsidePart() const;
    qint64 bytesFed() const { return m_discarded + m_buffer.size(); }
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    enum class State { Preamble, Headers, Body, LengthBody, AfterLengthBody, Epilogue, Failed };
    enum class Match { No, Partial, Delimiter, Close };
    using Step = std::optional<Event>; // nullopt: the state changed, go on parsing

    Match matchDelimiterAt(qsizetype pos, qsizetype *lineEnd) const;
    Match findDelimiter(qsizetype *at, qsizetype *lineEnd);
    void onDelimiter(Match match, qsizetype lineEnd);
    void beginBody(qsizetype bodyStart);
    Step parsePreamble();
    Step parseHeaders();
    Step parseBody();
    Step parseLengthBody();
    Step parseAfterLengthBody();
    Event emitPart(qsizetype begin, qsizetype end);
    Event fail(ErrorKind kind, const QString &message);
    Event partTooLarge();
    void compact();

    QByteArray m_boundary; // "--" + boundary
    qsizetype m_maxPartSize;
    QByteArray m_buffer;
    qint64 m_discarded = 0; // bytes dropped from the front of m_buffer so far

    State m_state = State::Preamble;
    qsizetype m_pos = 0; // next header line, or the end of a Content-Length body
    qsizetype m_partStart = 0; // first byte of the current part's headers
    qsizetype m_bodyStart = 0;
    qsizetype m_scanPos = 0; // the delimiter search resumes here
    qsizetype m_anchor = 0; // counts as a line start without a line break before it
    qsizetype m_jsonPos = 0; // m_json has seen the body up to here
    qint64 m_contentLength = -1;
    bool m_partEmitted = false; // handed out early; only white space may precede the delimiter
    qsizetype m_emittedEnd = 0;
    QGraphQLJsonScanner m_json;

    QByteArray m_headerContentType; // of the part being read
    QByteArray m_lastContentType; // of an earlier part
    QByteArrayView m_partBody;
    QByteArray m_partContentType;
    qint64 m_partOffset = 0;
    ErrorKind m_errorKind = ErrorKind::None;
    QString m_errorString;
};

#endif // QGRAPHQLMULTIPARTDECODER_P_H
