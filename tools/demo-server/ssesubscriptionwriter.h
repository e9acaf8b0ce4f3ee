// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef SSESUBSCRIPTIONWRITER_H
#define SSESUBSCRIPTIONWRITER_H

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

class HttpConnection;

//! Writes one subscription response in GraphQL over Server-Sent Events, "distinct connections"
//! mode (as graphql-sse and graphql-yoga write it):
//!   head:      content-type: text/event-stream
//!   each event: event: next\ndata: <json result>\n\n
//!   end:        event: complete\ndata:\n\n
//! The stream starts with a comment ":\n\n" and sends one every heartbeat interval.
class SseSubscriptionWriter : public QObject
{
    Q_OBJECT
public:
    SseSubscriptionWriter(HttpConnection *connection, int heartbeatIntervalMs,
                          QObject *parent = nullptr);

    void begin();
    //! event: next, data: the result
    void writePayload(const QJsonObject &result);
    //! A stream that failed: one "next" event with the errors, then "complete".
    void writeFatalErrors(const QJsonArray &errors);
    //! event: complete, and the end of the HTTP response.
    void close();

private:
    void write(const QByteArray &bytes);

    QPointer<HttpConnection> m_connection;
    QTimer m_heartbeat;
    bool m_open = false;
};

#endif // SSESUBSCRIPTIONWRITER_H
