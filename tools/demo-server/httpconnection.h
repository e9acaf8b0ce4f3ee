// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef HTTPCONNECTION_H
#define HTTPCONNECTION_H

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtNetwork/qtcpsocket.h>

#include <utility>

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target; //!< path and query, as sent
    HttpHeaders headers; //!< names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const;
};

//! One HTTP/1.1 connection: reads requests (keep-alive, one at a time) and writes responses,
//! either whole with Content-Length or streamed with chunked transfer coding.
//! A request is read from the socket only once it is whole, so that a request with an Upgrade
//! header can be handed on unread: a receiver of upgradeRequested() that takes the socket gets
//! it with the request still in its buffer, as QWebSocketServer::handleConnection() needs it.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;

    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);

    void respond(int status, const QByteArray &contentType, const QByteArray &body,
                 const HttpHeaders &extraHeaders = {});
    void beginChunked(int status, const QByteArray &contentType,
                      const HttpHeaders &extraHeaders = {});
    void writeChunk(const QByteArray &bytes);
    void endChunked();

    //! Detaches the socket, for another protocol, and deletes this connection later. Only
    //! from a slot connected to upgradeRequested().
    QTcpSocket *takeSocket();

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);
    //! A whole request with an Upgrade header, still unread in the socket. Unless a receiver
    //! calls takeSocket(), it is then answered as any other request.
    void upgradeRequested(const HttpRequest &request);
    //! The client went away; a running response must stop.
    void closed();

private:
    void readRequests();
    void writeHead(int status, const HttpHeaders &headers);
    void responseDone();
    void protocolError(int status, const QByteArray &message);

    QPointer<QTcpSocket> m_socket;
    bool m_busy = false; //!< a request is being answered
    bool m_closeAfterResponse = false;
};

#endif // HTTPCONNECTION_H
