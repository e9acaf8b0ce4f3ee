// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLWEBSOCKETTRANSPORT_H
#define QGRAPHQLWEBSOCKETTRANSPORT_H

#include <QGraphQL/qgraphqltransport.h>

#include <QtCore/qjsonobject.h>
#ifndef QT_NO_SSL
#include <QtNetwork/qsslconfiguration.h>
#endif

QT_BEGIN_NAMESPACE
class QNetworkCookieJar;
QT_END_NAMESPACE

class QGraphQLWebSocketTransportPrivate;

//! Talks GraphQL over one WebSocket to one endpoint (ws:// or wss://): subscriptions, and
//! queries and mutations too, each an operation multiplexed on the socket, in the
//! graphql-transport-ws protocol (the graphql-ws library's) or the legacy graphql-ws protocol
//! of subscriptions-transport-ws.
//!
//! The socket opens with the first operation, sends connection_init with connectionParams(),
//! waits for the server's acknowledgement, keeps itself alive with pings, and closes
//! lingerTime() after the last operation ended; the next operation opens a new one. Settings
//! apply to the next socket. The handshake carries the transport's headers() and the cookie
//! jar's cookies; a request's own headers are not sent (the socket is shared).
class QGRAPHQL_EXPORT QGraphQLWebSocketTransport : public QGraphQLTransport
{
    Q_OBJECT
    Q_PROPERTY(Protocol protocol READ protocol WRITE setProtocol NOTIFY protocolChanged)
    Q_PROPERTY(QJsonObject connectionParams READ connectionParams WRITE setConnectionParams NOTIFY
                       connectionParamsChanged)
    Q_PROPERTY(int keepAliveInterval READ keepAliveInterval WRITE setKeepAliveInterval NOTIFY
                       keepAliveIntervalChanged)
    Q_PROPERTY(int connectionAckTimeout READ connectionAckTimeout WRITE setConnectionAckTimeout
                       NOTIFY connectionAckTimeoutChanged)
    Q_PROPERTY(int lingerTime READ lingerTime WRITE setLingerTime NOTIFY lingerTimeChanged)

public:
    //! The WebSocket subprotocol.
    enum Protocol {
        //! "graphql-transport-ws": graphql-ws, Apollo Server, graphql-yoga, Hasura, …
        GraphQLTransportWs,
        //! "graphql-ws": the legacy protocol of subscriptions-transport-ws
        GraphQLWs,
    };
    Q_ENUM(Protocol)

    //! The default keepAliveInterval(): 15 seconds.
    static constexpr int DefaultKeepAliveInterval = 15 * 1000;
    //! The default connectionAckTimeout(): 10 seconds.
    static constexpr int DefaultConnectionAckTimeout = 10 * 1000;

    explicit QGraphQLWebSocketTransport(QObject *parent = nullptr);
    explicit QGraphQLWebSocketTransport(const QUrl &url, QObject *parent = nullptr);
    ~QGraphQLWebSocketTransport() override;

    //! GraphQLTransportWs (the default) or GraphQLWs.
    Protocol protocol() const;
    void setProtocol(Protocol protocol);

    //! The payload of connection_init (auth tokens, for example); none when empty. Read each
    //! time a socket opens: a slot of QGraphQLSubscription::reconnecting() may refresh it.
    QJsonObject connectionParams() const;
    void setConnectionParams(const QJsonObject &params);

    //! Milliseconds between keep-alive pings (graphql-transport-ws ping messages, WebSocket ping
    //! frames for GraphQLWs); DefaultKeepAliveInterval unless set, 0 turns them off. A socket
    //! that receives nothing, not even the pong, until the next ping is due is dead: every
    //! operation on it fails with a Timeout error.
    int keepAliveInterval() const;
    void setKeepAliveInterval(int milliseconds);

    //! Milliseconds the server has to acknowledge connection_init; DefaultConnectionAckTimeout
    //! unless set, 0 means none. Then every operation on the socket fails with a Timeout error.
    int connectionAckTimeout() const;
    void setConnectionAckTimeout(int milliseconds);

    //! Milliseconds the socket stays open after its last operation ended, for the next one to
    //! reuse; 0 (the default) closes it as soon as the event loop runs.
    int lingerTime() const;
    void setLingerTime(int milliseconds);

    //! The cookie jar whose cookies for the URL go with the handshake (ws:// is looked up as
    //! http://, wss:// as https://); none by default. Share the HTTP transport's (its
    //! cookieJar()) to send the session a login over HTTP set. Not owned: it must outlive
    //! the transport or be destroyed before the next socket opens.
    QNetworkCookieJar *cookieJar() const;
    void setCookieJar(QNetworkCookieJar *jar);

#ifndef QT_NO_SSL
    //! TLS settings for wss URLs. Peers are verified by default.
    QSslConfiguration sslConfiguration() const;
    void setSslConfiguration(const QSslConfiguration &configuration);
#endif

    [[nodiscard]] QGraphQLReply *execute(const QGraphQLRequest &request) override;
    [[nodiscard]] QGraphQLSubscription *subscribe(const QGraphQLRequest &request) override;

Q_SIGNALS:
    void protocolChanged();
    void connectionParamsChanged();
    void keepAliveIntervalChanged();
    void connectionAckTimeoutChanged();
    void lingerTimeChanged();

private:
    Q_DISABLE_COPY_MOVE(QGraphQLWebSocketTransport)
    std::unique_ptr<QGraphQLWebSocketTransportPrivate> d_ptr;
    Q_DECLARE_PRIVATE(QGraphQLWebSocketTransport)
};

#endif // QGRAPHQLWEBSOCKETTRANSPORT_H
