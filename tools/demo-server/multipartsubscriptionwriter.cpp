// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "multipartsubscriptionwriter.h"

#include "httpconnection.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

using namespace Qt::StringLiterals;

namespace {
constexpr char PartHead[] = "\r\ncontent-type: application/json\r\n\r\n";
constexpr char Delimiter[] = "\r\n--graphql";
} // namespace

MultipartSubscriptionWriter::MultipartSubscriptionWriter(HttpConnection *connection,
                                                         int heartbeatIntervalMs, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    m_heartbeat.setInterval(heartbeatIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { writePart("{}"); });
}

void MultipartSubscriptionWriter::begin()
{
    if (!m_connection)
        return;
    m_open = true;
    m_connection->beginChunked(200, contentType(),
                               { { "cache-control", "no-cache" }, { "x-accel-buffering", "no" } });
    // The opening delimiter travels with the initial heartbeat, as the router sends it.
    m_connection->writeChunk(Delimiter + (PartHead + "{}"_ba) + Delimiter);
    if (m_heartbeat.interval() > 0)
        m_heartbeat.start();
}

void MultipartSubscriptionWriter::writePart(const QByteArray &json)
{
    if (!m_open || !m_connection)
        return;
    m_connection->writeChunk(PartHead + json + Delimiter);
}

// Composed by hand: QJsonObject sorts its keys, and the router writes "payload" first.
void MultipartSubscriptionWriter::writePayload(const QJsonObject &result)
{
    writePart("{\"payload\":" + QJsonDocument(result).toJson(QJsonDocument::Compact) + '}');
}

void MultipartSubscriptionWriter::writeFatalErrors(const QJsonArray &errors)
{
    writePart("{\"payload\":null,\"errors\":" + QJsonDocument(errors).toJson(QJsonDocument::Compact)
              + '}');
    close();
}

void MultipartSubscriptionWriter::close()
{
    if (!m_open)
        return;
    m_open = false;
    m_heartbeat.stop();
    if (!m_connection)
        return;
    m_connection->writeChunk("--\r\n");
    m_connection->endChunked();
}
