// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "ssesubscriptionwriter.h"

#include "httpconnection.h"

#include <QtCore/qjsondocument.h>

using namespace Qt::StringLiterals;

SseSubscriptionWriter::SseSubscriptionWriter(HttpConnection *connection, int heartbeatIntervalMs,
                                             QObject *parent)
    : QObject(parent), m_connection(connection)
{
    m_heartbeat.setInterval(heartbeatIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { write(":\n\n"); });
}

void SseSubscriptionWriter::begin()
{
    if (!m_connection)
        return;
    m_open = true;
    m_connection->beginChunked(200, "text/event-stream",
                               { { "cache-control", "no-cache" }, { "x-accel-buffering", "no" } });
    write(":\n\n"); // the head goes out at once, before the first event
    if (m_heartbeat.interval() > 0)
        m_heartbeat.start();
}

void SseSubscriptionWriter::write(const QByteArray &bytes)
{
    if (!m_open || !m_connection)
        return;
    m_connection->writeChunk(bytes);
}

void SseSubscriptionWriter::writePayload(const QJsonObject &result)
{
    write("event: next\ndata: " + QJsonDocument(result).toJson(QJsonDocument::Compact) + "\n\n");
}

void SseSubscriptionWriter::writeFatalErrors(const QJsonArray &errors)
{
    writePayload(QJsonObject { { u"errors"_s, errors } });
    close();
}

void SseSubscriptionWriter::close()
{
    if (!m_open)
        return;
    write("event: complete\ndata:\n\n");
    m_open = false;
    m_heartbeat.stop();
    if (m_connection)
        m_connection->endChunked();
}
