// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLWSCONNECTION_P_H
#define QGRAPHQLWSCONNECTION_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include "qgraphqloperationchannel_p.h"
#include "ws/qgraphqlwsmessage_p.h"

#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qnetworkcookie.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslconfiguration.h>
#endif

#include <functional>
#include <map>
#include <optional>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

class QGraphQLWsChannel;

// What a socket is opened with, read from the transport each time one opens: later changes to
// the transport apply to the next socket.
struct QGraphQLWsConnectionSettings
{
    QUrl url;
    QHash<QByteArray, QByteArray> headers; // the handshake's
    QList<QNetworkCookie> cookies; // the cookie jar's for the URL
    QGraphQLWsProtocol protocol = QGraphQLWsProtocol::GraphQLTransportWs;
    QByteArray connectionParams; // the payload of connection_init (compact JSON); may be empty
    int keepAliveInterval = 0; // ms; 0: no keep-alive
    int connectionAckTimeout = 0; // ms; 0: none
    int lingerTime = 0; // ms the socket stays open after its last operation
    qint64 maxMessageSize = QGraphQL::DefaultMaxPartSize;
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> sslConfiguration;
#endif
};

//! How a closed socket fails the operations on it.
struct QGraphQLWsCloseFailure
{
    QGraphQLTransportError error;
    QGraphQLOperationChannel::Retry retry = QGraphQLOperationChannel::Retry::Allowed;
};

// The one socket of a WebSocket transport, multiplexing its operations: opened on the first
// operation, connection_init and its acknowledgement, keep-alive, one id per operation, the
// server's messages handed to the operation they name, closed after the last operation ends
// (plus the linger time) and opened again on demand. A socket that fails or closes fails every
// operation on it, each with the same error.
//
// Any call into a channel may delete it, the transport and this connection: after one, the
// connection checks a QPointer to itself.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLWsConnection final : public QObject
{
    Q_OBJECT

public:
    using SettingsProvider = std::function<QGraphQLWsConnectionSettings()>;

    explicit QGraphQLWsConnection(SettingsProvider settings, QObject *parent = nullptr);
    ~QGraphQLWsConnection() override;

    //! Starts \a channel's operation under a new id, opening the socket if needed; its
    //! subscribe message goes out once the server acknowledged the connection.
    void start(QGraphQLWsChannel *channel);
    //! Forgets \a channel's operation, telling the server (complete or stop) if it runs there.
    void stop(QGraphQLWsChannel *channel);

    //! Whether a socket is open and acknowledged.
    bool isAcknowledged() const { return m_state == State::Ready; }

    //! The failure of the operations on a socket the server closed with \a code and \a reason.
    static QGraphQLWsCloseFailure closeFailure(int code, const QString &reason);

Q_SIGNALS:
    //! Something arrived on the socket (any message, a pong frame): it is alive.
    void activity();

private:
    enum class State { Closed, Opening, Initialising, Ready };
    struct Operation
    {
        QGraphQLWsChannel *channel = nullptr;
        bool subscribed = false; // its subscribe message was sent
    };

    void openSocket();
    void onConnected();
    void onDisconnected();
    void onSocketError();
    QGraphQLTransportError handshakeFailure() const;
    void onMessage(QByteArrayView text);
    void onAcknowledged();
    void onOperationMessage(const QGraphQLWsMessage &message);
    void onKeepAliveTick();
    void sendPendingSubscriptions();
    void scheduleLinger();
    void closeIdleSocket();
    void send(const QByteArray &text);
    void failConnection(const QGraphQLTransportError &error, QGraphQLOperationChannel::Retry retry,
                        int closeCode, const QString &closeReason);
    void failProtocol(const QString &message);
    void failOperations(const QGraphQLTransportError &error, QGraphQLOperationChannel::Retry retry);
    void releaseSocket(int closeCode, const QString &closeReason);
    QString idOf(const QGraphQLWsChannel *channel) const;

    const SettingsProvider m_settingsProvider;
    QGraphQLWsConnectionSettings m_settings; // of the socket that is open
    State m_state = State::Closed;
    QWebSocket *m_socket = nullptr;
    int m_inSocketSignal = 0; // > 0 while a signal of m_socket is being handled
    std::map<qint64, Operation> m_operations; // by id: in the order they started
    qint64 m_lastId = 0; // ids are "1", "2", …, never reused by this connection
    bool m_awaitingPong = false;
    bool m_flushQueued = false;
    QTimer m_ackTimer;
    QTimer m_keepAliveTimer;
    QTimer m_lingerTimer;
};

#endif // QGRAPHQLWSCONNECTION_P_H
