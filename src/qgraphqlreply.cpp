// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlreply.h"

#include "qgraphqloperation_p.h"

QGraphQLReply *QGraphQLOperationPrivate::createReply(const QGraphQLRequest &request,
                                                     QGraphQLOperationChannel *channel)
{
    auto *reply = new QGraphQLReply(std::make_unique<QGraphQLOperationPrivate>(request, channel));
    reply->d_func()->start();
    return reply;
}

QGraphQLReply::QGraphQLReply(std::unique_ptr<QGraphQLOperationPrivate> d)
    : QGraphQLOperation(std::move(d))
{ }

QGraphQLReply::~QGraphQLReply() = default;
