// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLTRANSPORT_P_H
#define QQMLGRAPHQLTRANSPORT_P_H

#include <QGraphQL/qgraphqltransport.h>

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

#endif // QQMLGRAPHQLTRANSPORT_P_H
