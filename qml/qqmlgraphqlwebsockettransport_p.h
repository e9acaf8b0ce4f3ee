// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLWEBSOCKETTRANSPORT_P_H
#define QQMLGRAPHQLWEBSOCKETTRANSPORT_P_H

#include <QGraphQL/qgraphqlwebsockettransport.h>

#include <QtCore/qvariantmap.h>
#include <QtQml/qqml.h>
#include <QtQml/qqmlparserstatus.h>

// QML: WebSocketTransport { url; headers; connectionParams; keepAliveInterval; protocol;
// connectionAckTimeout; lingerTime; timeout; maxPartSize; retryAttempts; retryDelay;
// retryMaxDelay }
//
// A QGraphQLWebSocketTransport: url, timeout, maxPartSize, protocol (with its enum),
// keepAliveInterval, connectionAckTimeout and lingerTime are the C++ properties and signals.
// This class adds what QML needs: headers and connectionParams as JS objects, the retry policy
// as three ints, settingsChanged, and the QML engine's cookie jar, so that the handshake
// carries the cookies HttpTransport and XMLHttpRequest got.
class QQmlGraphQLWebSocketTransport : public QGraphQLWebSocketTransport, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(WebSocketTransport)
    Q_PROPERTY(QVariantMap headers READ headerMap WRITE setHeaderMap NOTIFY headersChanged)
    Q_PROPERTY(QVariantMap connectionParams READ connectionParamsMap WRITE setConnectionParamsMap
                       NOTIFY connectionParamsChanged)
    Q_PROPERTY(int retryAttempts READ retryAttempts WRITE setRetryAttempts NOTIFY retryChanged)
    Q_PROPERTY(int retryDelay READ retryDelay WRITE setRetryDelay NOTIFY retryChanged)
    Q_PROPERTY(int retryMaxDelay READ retryMaxDelay WRITE setRetryMaxDelay NOTIFY retryChanged)

public:
    explicit QQmlGraphQLWebSocketTransport(QObject *parent = nullptr);

    //! headers() as name: value strings.
    QVariantMap headerMap() const;
    void setHeaderMap(const QVariantMap &map);
    //! connectionParams() as a JS object.
    QVariantMap connectionParamsMap() const;
    void setConnectionParamsMap(const QVariantMap &map);

    //! retryPolicy(): subscriptions resubscribe up to retryAttempts times after a network
    //! failure (0, the default, turns it off), waiting retryDelay ms, doubling up to
    //! retryMaxDelay ms.
    int retryAttempts() const { return retryPolicy().maxAttempts(); }
    void setRetryAttempts(int attempts);
    int retryDelay() const { return retryPolicy().initialDelay(); }
    void setRetryDelay(int milliseconds);
    int retryMaxDelay() const { return retryPolicy().maxDelay(); }
    void setRetryMaxDelay(int milliseconds);

    //! Takes the cookie jar of the QML engine's network access manager.
    void classBegin() override;
    void componentComplete() override { }

Q_SIGNALS:
    //! retryPolicyChanged(): one of the retry properties changed.
    void retryChanged();
    //! After the change signal of any setting. Settings apply to the next socket.
    void settingsChanged();
};

#endif // QQMLGRAPHQLWEBSOCKETTRANSPORT_P_H
