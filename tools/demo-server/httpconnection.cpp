// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "httpconnection.h"

#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qtimer.h>

using namespace Qt::StringLiterals;

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    QByteArray value;
    for (const auto &[name, headerValue] : headers) {
        if (name == lowerCaseName) // repeated headers are one comma-separated list
            value += (value.isEmpty() ? QByteArray() : ", "_ba) + headerValue;
    }
    return value;
}

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent), m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        Q_EMIT closed();
        deleteLater();
    });
}

void HttpConnection::readRequests()
{
    // The request is parsed from the socket's buffer with peek() and read only once it is whole
    // and not taken for an upgrade.
    while (m_socket && !m_busy) {
        const QByteArray buffer = m_socket->peek(MaxHeaderBytes + 4);
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_socket->bytesAvailable() > MaxHeaderBytes)
                protocolError(431, "The request headers are too large");
            return;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            protocolError(400, "Malformed request line");
            return;
        }
        HttpRequest request;
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                protocolError(400, "Malformed header line");
                return;
            }
            request.headers.append(
                    { line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
        }
        if (!request.header("transfer-encoding").isEmpty()) {
            protocolError(411, "Send the request body with Content-Length");
            return;
        }
        bool ok = true;
        const QByteArray lengthHeader = request.header("content-length");
        const qint64 length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&ok);
        if (!ok || length < 0 || length > MaxBodyBytes) {
            protocolError(413, "The request body is too large or its length is invalid");
            return;
        }
        if (m_socket->bytesAvailable() < headEnd + 4 + length)
            return; // wait for the rest of the body
        if (!request.header("upgrade").isEmpty()) {
            Q_EMIT upgradeRequested(request);
            if (!m_socket)
                return; // taken, with the request unread
        }
        m_socket->skip(headEnd + 4);
        request.body = m_socket->read(length);
        m_closeAfterResponse = request.header("connection").toLower() == "close"
                || requestLine.at(2) == "HTTP/1.0";
        m_busy = true;
        Q_EMIT requestReceived(request);
    }
}

QTcpSocket *HttpConnection::takeSocket()
{
    QTcpSocket *socket = m_socket;
    if (!socket)
        return nullptr;
    socket->disconnect(this);
    socket->setParent(nullptr);
    m_socket = nullptr;
    deleteLater();
    return socket;
}

void HttpConnection::writeHead(int status, const HttpHeaders &headers)
{
    // The library's table of standard reason phrases; a status it does not name gets an empty
    // one, which RFC 9112 allows ("HTTP/1.1 431 \r\n").
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' '
            + QGraphQLTransportError::httpReasonPhrase(status).toLatin1() + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += m_closeAfterResponse ? "connection: close\r\n" : "connection: keep-alive\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body,
                             const HttpHeaders &extraHeaders)
{
    if (!m_socket)
        return;
    HttpHeaders headers { { "content-type", contentType },
                          { "content-length", QByteArray::number(body.size()) } };
    headers += extraHeaders;
    writeHead(status, headers);
    m_socket->write(body);
    responseDone();
}

void HttpConnection::beginChunked(int status, const QByteArray &contentType,
                                  const HttpHeaders &extraHeaders)
{
    if (!m_socket)
        return;
    HttpHeaders headers { { "content-type", contentType }, { "transfer-encoding", "chunked" } };
    headers += extraHeaders;
    writeHead(status, headers);
    m_socket->flush();
}

void HttpConnection::writeChunk(const QByteArray &bytes)
{
    if (!m_socket || bytes.isEmpty())
        return;
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    m_socket->flush();
}

void HttpConnection::endChunked()
{
    if (!m_socket)
        return;
    m_socket->write("0\r\n\r\n");
    responseDone();
}

void HttpConnection::responseDone()
{
    m_socket->flush();
    m_busy = false;
    if (m_closeAfterResponse) {
        m_socket->disconnectFromHost();
        return;
    }
    // A pipelined request may already be waiting in the buffer.
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::readRequests);
}

void HttpConnection::protocolError(int status, const QByteArray &message)
{
    m_closeAfterResponse = true;
    m_socket->skip(m_socket->bytesAvailable()); // the rest is not read as requests
    m_busy = true;
    respond(status, "text/plain; charset=utf-8", message + '\n');
}
