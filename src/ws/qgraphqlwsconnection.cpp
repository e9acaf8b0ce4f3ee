// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlwsconnection_p.h"

#include "qgraphqllogging_p.h"
#include "ws/qgraphqlwschannel_p.h"

#include <QtCore/qpointer.h>
#include <QtNetwork/qnetworkrequest.h>
#include <QtWebSockets/qwebsocket.h>
#include <QtWebSockets/qwebsockethandshakeoptions.h>

using namespace Qt::StringLiterals;
using Retry = QGraphQLOperationChannel::Retry;
using Type = QGraphQLWsMessage::Type;

namespace {

// Counts the signal handlers of the socket that are running: the socket must outlive them.
class SocketSignalScope
{
public:
    explicit SocketSignalScope(int *depth) : m_depth(depth) { ++*m_depth; }
    ~SocketSignalScope() { --*m_depth; }
    Q_DISABLE_COPY_MOVE(SocketSignalScope)

private:
    int *m_depth;
};

// How long a closing socket may wait for the server's close frame.
constexpr int CloseGracePeriod = 5000;

struct CloseCodeInfo
{
    int code;
    const char *meaning;
    QGraphQLTransportError::Kind kind;
    Retry retry;
};

// The close codes of graphql-ws (PROTOCOL.md) and RFC 6455 that a server sends.
constexpr CloseCodeInfo CloseCodes[] = {
    { 1000, "normal closure", QGraphQLTransportError::NetworkError, Retry::Allowed },
    { 1001, "going away", QGraphQLTransportError::NetworkError, Retry::Allowed },
    { 1002, "protocol error", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 1003, "unsupported data", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 1006, "abnormal closure", QGraphQLTransportError::NetworkError, Retry::Allowed },
    { 1007, "invalid payload data", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 1008, "policy violation", QGraphQLTransportError::ServerError, Retry::Pointless },
    { 1009, "message too big", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 1011, "internal server error", QGraphQLTransportError::ServerError, Retry::Allowed },
    { 1012, "service restart", QGraphQLTransportError::NetworkError, Retry::Allowed },
    { 1013, "try again later", QGraphQLTransportError::NetworkError, Retry::Allowed },
    { 4400, "bad request", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 4401, "unauthorized", QGraphQLTransportError::ServerError, Retry::Pointless },
    { 4403, "forbidden", QGraphQLTransportError::ServerError, Retry::Pointless },
    { 4406, "subprotocol not acceptable", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 4408, "connection initialisation timeout", QGraphQLTransportError::Timeout, Retry::Allowed },
    { 4409, "subscriber already exists", QGraphQLTransportError::ProtocolError, Retry::Pointless },
    { 4429, "too many initialisation requests", QGraphQLTransportError::ProtocolError,
      Retry::Pointless },
    { 4499, "terminated", QGraphQLTransportError::NetworkError, Retry::Allowed },
    { 4500, "internal server error", QGraphQLTransportError::ServerError, Retry::Allowed },
};

} // namespace

QGraphQLWsConnection::QGraphQLWsConnection(SettingsProvider settings, QObject *parent)
    : QObject(parent), m_settingsProvider(std::move(settings))
{
    m_ackTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, [this] {
        failConnection(QGraphQLTransportError(
                               QGraphQLTransportError::Timeout,
                               u"The server did not acknowledge the connection within %1 ms"_s.arg(
                                       m_settings.connectionAckTimeout)),
                       Retry::Allowed, 4504, u"Connection acknowledgement timeout"_s);
    });
    connect(&m_keepAliveTimer, &QTimer::timeout, this, [this] { onKeepAliveTick(); });
    connect(&m_lingerTimer, &QTimer::timeout, this, [this] { closeIdleSocket(); });
}

QGraphQLWsConnection::~QGraphQLWsConnection()
{
    releaseSocket(1001, u"Going away"_s);
    // Destroyed from a handler of a socket's signal: that socket must outlive the handler.
    if (m_inSocketSignal > 0) {
        const QList<QWebSocket *> sockets = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
        for (QWebSocket *socket : sockets) {
            socket->setParent(nullptr);
            socket->deleteLater();
        }
    }
    const std::map<qint64, Operation> operations = std::move(m_operations);
    m_operations.clear();
    for (const auto &entry : operations)
        entry.second.channel->onConnectionDestroyed(); // reported from the event loop
}

QGraphQLWsCloseFailure QGraphQLWsConnection::closeFailure(int code, const QString &reason)
{
    const CloseCodeInfo *info = nullptr;
    for (const CloseCodeInfo &candidate : CloseCodes) {
        if (candidate.code == code)
            info = &candidate;
    }
    QString message = u"The server closed the WebSocket connection with code %1"_s.arg(code);
    if (info)
        message += u" (%1)"_s.arg(QLatin1StringView(info->meaning));
    if (!reason.isEmpty())
        message += u": "_s + reason;
    QGraphQLWsCloseFailure failure;
    // Unknown codes: 4000-4999 belong to the application (a server's own refusal), the rest
    // to the network.
    const QGraphQLTransportError::Kind kind = info ? info->kind
            : (code >= 4000 && code <= 4999)       ? QGraphQLTransportError::ServerError
                                                   : QGraphQLTransportError::NetworkError;
    failure.error = QGraphQLTransportError(kind, message);
    if (kind == QGraphQLTransportError::NetworkError)
        failure.error.setNetworkError(QNetworkReply::RemoteHostClosedError);
    failure.retry = info ? info->retry : Retry::Allowed;
    return failure;
}

void QGraphQLWsConnection::start(QGraphQLWsChannel *channel)
{
    m_lingerTimer.stop();
    const qint64 id = ++m_lastId;
    m_operations[id] = Operation { channel, false };
    switch (m_state) {
    case State::Closed:
        openSocket();
        break;
    case State::Opening:
    case State::Initialising:
        break; // sent once acknowledged
    case State::Ready:
        // From the event loop: the caller connects to the operation's signals first.
        if (!m_flushQueued) {
            m_flushQueued = true;
            QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_flushQueued = false;
                        sendPendingSubscriptions();
                    },
                    Qt::QueuedConnection);
        }
        break;
    }
}

void QGraphQLWsConnection::stop(QGraphQLWsChannel *channel)
{
    for (auto it = m_operations.begin(); it != m_operations.end(); ++it) {
        if (it->second.channel != channel)
            continue;
        if (it->second.subscribed && m_state == State::Ready)
            send(QGraphQLWsCodec::encodeStop(m_settings.protocol, QString::number(it->first)));
        m_operations.erase(it);
        break;
    }
    if (m_operations.empty())
        scheduleLinger();
}

QString QGraphQLWsConnection::idOf(const QGraphQLWsChannel *channel) const
{
    for (const auto &entry : m_operations) {
        if (entry.second.channel == channel)
            return QString::number(entry.first);
    }
    return {};
}

void QGraphQLWsConnection::openSocket()
{
    m_settings = m_settingsProvider();
    const QUrl &url = m_settings.url;
    if (!url.isValid() || (url.scheme() != "ws"_L1 && url.scheme() != "wss"_L1)) {
        const QString message
                = u"Invalid WebSocket endpoint URL \"%1\": ws:// or wss:// expected"_s.arg(
                        url.toString(QUrl::RemovePassword));
        // From the event loop, like every failure to send: the caller connects first.
        QMetaObject::invokeMethod(
                this,
                [this, message] {
                    if (m_state == State::Closed)
                        failOperations(QGraphQLTransportError(QGraphQLTransportError::NetworkError,
                                                              message),
                                       Retry::Pointless);
                },
                Qt::QueuedConnection);
        return;
    }

    QNetworkRequest request(url);
    QByteArray cookieHeader;
    for (auto it = m_settings.headers.cbegin(); it != m_settings.headers.cend(); ++it) {
        if (it.key().compare("cookie", Qt::CaseInsensitive) == 0)
            cookieHeader = it.value();
        else
            request.setRawHeader(it.key(), it.value());
    }
    for (const QNetworkCookie &cookie : std::as_const(m_settings.cookies)) {
        if (!cookieHeader.isEmpty())
            cookieHeader += "; ";
        cookieHeader += cookie.toRawForm(QNetworkCookie::NameAndValueOnly);
    }
    if (!cookieHeader.isEmpty())
        request.setRawHeader("Cookie", cookieHeader);

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    const auto guarded = [this](auto handler) {
        return [this, handler](auto &&...args) {
            SocketSignalScope scope(&m_inSocketSignal);
            (this->*handler)(args...);
        };
    };
    connect(m_socket, &QWebSocket::connected, this, guarded(&QGraphQLWsConnection::onConnected));
    connect(m_socket, &QWebSocket::disconnected, this,
            guarded(&QGraphQLWsConnection::onDisconnected));
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                SocketSignalScope scope(&m_inSocketSignal);
                onSocketError();
            });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        SocketSignalScope scope(&m_inSocketSignal);
        onMessage(text.toUtf8());
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) {
        SocketSignalScope scope(&m_inSocketSignal);
        onMessage(bytes);
    });
    connect(m_socket, &QWebSocket::pong, this, [this] {
        m_awaitingPong = false;
        Q_EMIT activity();
    });
    m_socket->setMaxAllowedIncomingMessageSize(quint64(
            qMin<qint64>(m_settings.maxMessageSize, qint64(QWebSocket::maxIncomingMessageSize()))));
#ifndef QT_NO_SSL
    if (m_settings.sslConfiguration)
        m_socket->setSslConfiguration(*m_settings.sslConfiguration);
#endif
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(
            { QString::fromLatin1(QGraphQLWsCodec::subprotocol(m_settings.protocol)) });
    m_state = State::Opening;
    qCDebug(lcGraphQLTransport).noquote() << "WebSocket" << url.toString(QUrl::RemovePassword)
                                          << QGraphQLWsCodec::subprotocol(m_settings.protocol);
    m_socket->open(request, options);
}

void QGraphQLWsConnection::onConnected()
{
    const QString expected = QString::fromLatin1(QGraphQLWsCodec::subprotocol(m_settings.protocol));
    const QString chosen = m_socket->subprotocol();
    // A server that names no subprotocol is taken at its word; one that names another is not.
    if (!chosen.isEmpty() && chosen != expected) {
        failConnection(
                QGraphQLTransportError(
                        QGraphQLTransportError::ProtocolError,
                        u"The server chose the WebSocket subprotocol \"%1\", not \"%2\""_s.arg(
                                chosen, expected)),
                Retry::Pointless, 4406, u"Subprotocol not acceptable"_s);
        return;
    }
    m_state = State::Initialising;
    QByteArray params = m_settings.connectionParams;
    if (params.isEmpty() && m_settings.protocol == QGraphQLWsProtocol::GraphQLWs)
        params = "{}"_ba; // subscriptions-transport-ws clients always send one
    send(QGraphQLWsCodec::encode(m_settings.protocol, Type::ConnectionInit, {}, params));
    if (m_settings.connectionAckTimeout > 0)
        m_ackTimer.start(m_settings.connectionAckTimeout);
}

void QGraphQLWsConnection::onDisconnected()
{
    const int code = m_socket->closeCode();
    const QString reason = m_socket->closeReason();
    QGraphQLWsCloseFailure failure;
    if (m_state == State::Opening) {
        failure.error = handshakeFailure();
    } else if (code == QWebSocketProtocol::CloseCodeTooMuchData) {
        // Qt WebSockets closes with 1009 itself when a message exceeds the limit it was given.
        failure = closeFailure(code, reason);
        failure.error = QGraphQLTransportError(
                failure.error.kind(),
                u"A message exceeds the maximum size of %1 bytes (or ours exceeded the "
                "server's): the WebSocket connection was closed with code 1009%2"_s
                        .arg(m_settings.maxMessageSize)
                        .arg(reason.isEmpty() ? QString() : u" ("_s + reason + u')'));
    } else if (code == QWebSocketProtocol::CloseCodeProtocolError
               && reason.startsWith(u"Invalid close code"_s)) {
        // Qt 6.4 takes the codes RFC 6455 did not list (1012 service restart, 1013 try again
        // later) for a protocol violation: it closes with 1002 and loses the server's code.
        failure.error = QGraphQLTransportError(
                QGraphQLTransportError::NetworkError,
                u"The server closed the WebSocket connection with a close code Qt WebSockets "
                "does not accept (such as 1012, service restart): %1"_s.arg(reason));
        failure.error.setNetworkError(QNetworkReply::RemoteHostClosedError);
    } else {
        failure = closeFailure(code, reason);
    }
    releaseSocket(0, {});
    failOperations(failure.error, failure.retry);
}

// Errors before the handshake completed (refused, TLS, an HTTP status instead of 101) end the
// attempt here; later ones are followed by disconnected(), which carries the close code.
void QGraphQLWsConnection::onSocketError()
{
    if (m_state != State::Opening)
        return;
    const QGraphQLTransportError error = handshakeFailure();
    releaseSocket(0, {});
    failOperations(error, Retry::Allowed);
}

QGraphQLTransportError QGraphQLWsConnection::handshakeFailure() const
{
    QGraphQLTransportError error(
            QGraphQLTransportError::NetworkError,
            u"The WebSocket connection failed: %1"_s.arg(m_socket->errorString()));
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        error.setNetworkError(QNetworkReply::ConnectionRefusedError);
        break;
    case QAbstractSocket::HostNotFoundError:
        error.setNetworkError(QNetworkReply::HostNotFoundError);
        break;
    case QAbstractSocket::SslHandshakeFailedError:
        error.setNetworkError(QNetworkReply::SslHandshakeFailedError);
        break;
    default:
        error.setNetworkError(QNetworkReply::RemoteHostClosedError);
        break;
    }
    return error;
}

void QGraphQLWsConnection::onMessage(QByteArrayView text)
{
    m_awaitingPong = false; // anything proves the connection alive
    QPointer<QGraphQLWsConnection> guard(this);
    Q_EMIT activity(); // restarts the heartbeat timers: cannot delete anything
    if (!guard)
        return;
    const QGraphQLWsDecoded decoded
            = QGraphQLWsCodec::decode(text, m_settings.protocol, m_settings.maxMessageSize);
    if (!decoded.isValid()) {
        failProtocol(u"The server sent an invalid message: "_s + decoded.error);
        return;
    }
    const QGraphQLWsMessage &message = *decoded.message;
    switch (message.type) {
    case Type::ConnectionAck:
        if (m_state != State::Initialising) {
            failProtocol(u"The server acknowledged the connection twice"_s);
            return;
        }
        onAcknowledged();
        return;
    case Type::Ping:
        send(QGraphQLWsCodec::encode(m_settings.protocol, Type::Pong));
        return;
    case Type::Pong:
    case Type::KeepAlive:
        return;
    case Type::ConnectionError: {
        QString reason = message.payload.member("message").toString();
        if (reason.isEmpty() && message.payload.isString())
            reason = message.payload.toString();
        QGraphQLTransportError error(QGraphQLTransportError::ServerError,
                                     u"The server refused the connection"_s
                                             + (reason.isEmpty() ? QString() : u": "_s + reason));
        failConnection(error, Retry::Pointless, 1000, u"Normal Closure"_s);
        return;
    }
    case Type::Next:
    case Type::Error:
    case Type::Complete:
        onOperationMessage(message);
        return;
    case Type::ConnectionInit:
    case Type::Subscribe:
    case Type::Stop:
    case Type::ConnectionTerminate:
        break;
    }
    failProtocol(u"The server sent a \"%1\" message, which only a client sends"_s.arg(
            QString::fromLatin1(QGraphQLWsCodec::typeName(m_settings.protocol, message.type))));
}

void QGraphQLWsConnection::onAcknowledged()
{
    m_ackTimer.stop();
    m_state = State::Ready;
    m_awaitingPong = false;
    if (m_settings.keepAliveInterval > 0)
        m_keepAliveTimer.start(m_settings.keepAliveInterval);
    qCDebug(lcGraphQLTransport) << "WebSocket connection acknowledged";
    sendPendingSubscriptions();
}

void QGraphQLWsConnection::onOperationMessage(const QGraphQLWsMessage &message)
{
    const QByteArray typeName = QGraphQLWsCodec::typeName(m_settings.protocol, message.type);
    if (message.type == Type::Error && message.id.isEmpty()) {
        // graphql-ws (legacy): an error about the connection, not an operation.
        QGraphQLTransportError error(QGraphQLTransportError::ServerError,
                                     u"The server reported an error: %1"_s.arg(
                                             message.payload.member("message").toString()));
        failConnection(error, Retry::Pointless, 1000, u"Normal Closure"_s);
        return;
    }
    if (m_state != State::Ready) {
        failProtocol(u"The server sent \"%1\" before acknowledging the connection"_s.arg(
                QString::fromLatin1(typeName)));
        return;
    }
    bool isNumber = false;
    const qint64 id = message.id.toLongLong(&isNumber);
    if (!isNumber || id <= 0 || id > m_lastId || QString::number(id) != message.id) {
        failProtocol(u"The server sent \"%1\" for operation \"%2\", which was never started"_s.arg(
                QString::fromLatin1(typeName), message.id));
        return;
    }
    const auto it = m_operations.find(id);
    if (it == m_operations.end() || !it->second.subscribed) {
        // Ended here (cancelled, or completed by the server): a late message is harmless.
        qCDebug(lcGraphQLStream).noquote()
                << "ignored" << typeName << "for the ended operation" << message.id;
        return;
    }
    QGraphQLWsChannel *channel = it->second.channel;
    if (message.type != Type::Next) {
        m_operations.erase(it);
        scheduleLinger(); // if it was the last; a new operation stops the timer
    }
    switch (message.type) {
    case Type::Next:
        channel->onNext(message.payload);
        return;
    case Type::Error:
        channel->onError(message.payload);
        return;
    default:
        channel->onComplete();
        return;
    }
}

void QGraphQLWsConnection::onKeepAliveTick()
{
    if (m_awaitingPong) {
        failConnection(QGraphQLTransportError(
                               QGraphQLTransportError::Timeout,
                               u"The WebSocket connection is dead: no answer to a keep-alive "
                               "ping within %1 ms"_s.arg(m_settings.keepAliveInterval)),
                       Retry::Allowed, 0, {});
        return;
    }
    m_awaitingPong = true;
    if (m_settings.protocol == QGraphQLWsProtocol::GraphQLTransportWs)
        send(QGraphQLWsCodec::encode(m_settings.protocol, Type::Ping));
    else
        m_socket->ping(); // the legacy protocol has no ping message: a WebSocket ping frame
}

void QGraphQLWsConnection::sendPendingSubscriptions()
{
    if (m_state != State::Ready)
        return;
    QList<QPointer<QGraphQLWsChannel>> started;
    for (auto &entry : m_operations) {
        if (entry.second.subscribed)
            continue;
        entry.second.subscribed = true;
        send(QGraphQLWsCodec::encodeSubscribe(m_settings.protocol, QString::number(entry.first),
                                              entry.second.channel->request()));
        started.append(entry.second.channel);
    }
    QPointer<QGraphQLWsConnection> guard(this);
    for (const QPointer<QGraphQLWsChannel> &channel : std::as_const(started)) {
        if (!guard)
            return;
        if (channel)
            channel->onSubscribed();
    }
}

void QGraphQLWsConnection::scheduleLinger()
{
    if (m_state == State::Closed || !m_operations.empty())
        return;
    m_lingerTimer.start(qMax(0, m_settings.lingerTime));
}

void QGraphQLWsConnection::closeIdleSocket()
{
    if (!m_operations.empty() || m_state == State::Closed)
        return;
    qCDebug(lcGraphQLTransport) << "WebSocket idle: closing";
    if (m_state == State::Ready && m_settings.protocol == QGraphQLWsProtocol::GraphQLWs)
        send(QGraphQLWsCodec::encode(m_settings.protocol, Type::ConnectionTerminate));
    releaseSocket(1000, u"Normal Closure"_s);
}

void QGraphQLWsConnection::send(const QByteArray &text)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(text));
}

void QGraphQLWsConnection::failProtocol(const QString &message)
{
    failConnection(QGraphQLTransportError(QGraphQLTransportError::ProtocolError, message),
                   Retry::Pointless, 4400, u"Bad response"_s);
}

void QGraphQLWsConnection::failConnection(const QGraphQLTransportError &error, Retry retry,
                                          int closeCode, const QString &closeReason)
{
    releaseSocket(closeCode, closeReason);
    failOperations(error, retry);
}

// Every operation fails; the socket is already released, so that a slot may start a new one.
void QGraphQLWsConnection::failOperations(const QGraphQLTransportError &error, Retry retry)
{
    QList<QPointer<QGraphQLWsChannel>> channels;
    for (const auto &entry : m_operations)
        channels.append(entry.second.channel);
    m_operations.clear();
    QPointer<QGraphQLWsConnection> guard(this);
    for (const QPointer<QGraphQLWsChannel> &channel : std::as_const(channels)) {
        if (!guard)
            return;
        if (channel)
            channel->onConnectionFailed(error, retry);
    }
}

// Closes the socket (with \a closeCode unless 0: then it is dropped) and forgets it.
void QGraphQLWsConnection::releaseSocket(int closeCode, const QString &closeReason)
{
    m_ackTimer.stop();
    m_keepAliveTimer.stop();
    m_lingerTimer.stop();
    m_state = State::Closed;
    m_awaitingPong = false;
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    if (closeCode != 0 && socket->state() == QAbstractSocket::ConnectedState) {
        // Deleted once the closing handshake is over, so that what was sent before (a complete
        // message, the close frame) leaves first; or after a grace period.
        socket->close(QWebSocketProtocol::CloseCode(closeCode), closeReason);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(CloseGracePeriod, socket, &QObject::deleteLater);
    } else {
        socket->abort();
        socket->deleteLater();
    }
}
