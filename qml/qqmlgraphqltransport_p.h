// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLTRANSPORT_P_H
#define QQMLGRAPHQLTRANSPORT_P_H

#include <QGraphQL/qgraphqlretrypolicy.h>
#include <QGraphQL/qgraphqltransport.h>
#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qhash.h>
#include <QtCore/qvariantmap.h>
#include <QtQml/qqml.h>

// QML: Transport, the type of the transport property of Query, Mutation and Subscription: any
// QGraphQLTransport (HttpTransport is one). Not creatable.
struct QQmlGraphQLTransportForeign
{
    Q_GADGET
    QML_FOREIGN(QGraphQLTransport)
    QML_NAMED_ELEMENT(Transport)
    QML_UNCREATABLE("Transport is an interface: create a transport such as HttpTransport")
};

// QML: TransportError, the enum of errorKind (Query, Mutation, Subscription):
// TransportError.NoError, .NetworkError, … are the values of the C++ enum
// QGraphQLTransportError::Kind, same names and numbers. Only the enum: a namespace in QML,
// not creatable.
namespace QQmlGraphQLTransportErrorForeign {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(QGraphQLTransportError)
QML_NAMED_ELEMENT(TransportError)
} // namespace QQmlGraphQLTransportErrorForeign

// What every QML transport element (HttpTransport, WebSocketTransport) adds in the same way
// to its C++ transport: headers as a JS object, the retry policy as three numbers, and one
// settingsChanged() after the change signal of any setting of the base.
namespace QQmlGraphQLTransportSettings {

inline QVariantMap headerMap(const QGraphQLTransport *transport)
{
    QVariantMap map;
    const QHash<QByteArray, QByteArray> raw = transport->headers();
    for (auto it = raw.cbegin(); it != raw.cend(); ++it)
        map.insert(QString::fromUtf8(it.key()), QString::fromUtf8(it.value()));
    return map;
}

inline void setHeaderMap(QGraphQLTransport *transport, const QVariantMap &map)
{
    QHash<QByteArray, QByteArray> raw;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        raw.insert(it.key().toUtf8(), it.value().toString().toUtf8());
    transport->setHeaders(raw);
}

//! Changes one number of the transport's retry policy (setMaxAttempts, setInitialDelay,
//! setMaxDelay).
inline void setRetry(QGraphQLTransport *transport, void (QGraphQLRetryPolicy::*set)(int), int value)
{
    QGraphQLRetryPolicy policy = transport->retryPolicy();
    (policy.*set)(value);
    transport->setRetryPolicy(policy);
}

//! Connects the base's change signals to \a transport's retryChanged() and settingsChanged().
template<typename Element> void forwardChangeSignals(Element *transport)
{
    QObject::connect(transport, &QGraphQLTransport::retryPolicyChanged, transport,
                     &Element::retryChanged);
    for (auto signal :
         { &QGraphQLTransport::urlChanged, &QGraphQLTransport::headersChanged,
           &QGraphQLTransport::timeoutChanged, &QGraphQLTransport::heartbeatTimeoutChanged,
           &QGraphQLTransport::maxPartSizeChanged, &QGraphQLTransport::retryPolicyChanged })
        QObject::connect(transport, signal, transport, &Element::settingsChanged);
}

} // namespace QQmlGraphQLTransportSettings

#endif // QQMLGRAPHQLTRANSPORT_P_H
