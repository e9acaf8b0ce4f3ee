// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef MULTIPARTSUBSCRIPTIONWRITER_H
#define MULTIPARTSUBSCRIPTIONWRITER_H

#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>

class HttpConnection;

//! Writes one subscription response in Apollo's multipart protocol, with the bytes Apollo
//! Router writes (apollo-router/src/protocols/multipart.rs): each HTTP chunk ends with the
//! next delimiter, so a client can hand over every part as soon as its chunk arrives.
//!   head:        content-type: multipart/mixed;boundary="graphql";subscriptionSpec=1.0
//!   first chunk: \r\n--graphql\r\ncontent-type: application/json\r\n\r\n{}\r\n--graphql
//!   each part:   \r\ncontent-type: application/json\r\n\r\n<json>\r\n--graphql
//!   end:         --\r\n   (completing the close delimiter --graphql--)
//! The stream starts with a heartbeat {} and sends one every heartbeat interval.
class MultipartSubscriptionWriter : public QObject
{
    Q_OBJECT
public:
    MultipartSubscriptionWriter(HttpConnection *connection, int heartbeatIntervalMs,
                                QObject *parent = nullptr);

    static QByteArray contentType()
    {
        return "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0";
    }

    void begin();
    //! {"payload": result}
    void writePayload(const QJsonObject &result);
    //! {"payload":null,"errors":[…]}: a fatal transport-level error, then the close delimiter.
    void writeFatalErrors(const QJsonArray &errors);
    //! The close delimiter and the end of the HTTP response.
    void close();
    bool isOpen() const { return m_open; }

private:
    void writePart(const QByteArray &json);

    QPointer<HttpConnection> m_connection;
    QTimer m_heartbeat;
    bool m_open = false;
};

#endif // MULTIPARTSUBSCRIPTIONWRITER_H
