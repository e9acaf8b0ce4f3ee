// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLREPLY_H
#define QGRAPHQLREPLY_H

#include <QGraphQL/qgraphqloperation.h>

//! A query or mutation: one request, one result. Returned by QGraphQLHttpTransport::execute().
//! resultReceived() fires once with the result (once per part for incremental delivery), then
//! finished(). See QGraphQLOperation for the signal order and ownership.
class QGRAPHQL_EXPORT QGraphQLReply : public QGraphQLOperation
{
    Q_OBJECT

public:
    ~QGraphQLReply() override;

    //! The result; valid once finished() was emitted without error.
    QGraphQLResult result() const { return lastResult(); }

public Q_SLOTS:
    //! Same as cancel(), named as QNetworkReply::abort().
    void abort() { cancel(); }

private:
    explicit QGraphQLReply(std::unique_ptr<QGraphQLOperationPrivate> d);
    friend class QGraphQLOperationPrivate;
};

#endif // QGRAPHQLREPLY_H
