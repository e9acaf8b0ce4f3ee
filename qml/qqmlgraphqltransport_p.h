// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLTRANSPORT_P_H
#define QQMLGRAPHQLTRANSPORT_P_H

#include <QGraphQL/qgraphqltransport.h>
#include <QGraphQL/qgraphqltransporterror.h>

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

#endif // QQMLGRAPHQLTRANSPORT_P_H
