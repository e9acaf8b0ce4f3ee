// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRESULT_P_H
#define QGRAPHQLRESULT_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>

#include "protocol/qgraphqljsonnode_p.h"

//! The members of a response that a result reads, when the caller has already found them (in
//! one pass with QGraphQLJsonNode::membersNamed()).
struct QGraphQLResponseMembers
{
    QGraphQLJsonNode data;
    QGraphQLJsonNode errors;
    QGraphQLJsonNode extensions;
    QGraphQLJsonNode hasNext;
};

//! A result whose source of truth is \a response (an object node over the server's text, or
//! a merged tree of such nodes) and, for an incremental step, its raw "incremental" items.
QGRAPHQL_AUTOTEST_EXPORT QGraphQLResult qgraphqlResultFromJsonNode(
        const QGraphQLJsonNode &response, const QGraphQLJsonNode &incremental = {});
//! The same for a plain response whose members are known.
QGRAPHQL_AUTOTEST_EXPORT QGraphQLResult qgraphqlResultFromJsonNode(
        const QGraphQLJsonNode &response, const QGraphQLResponseMembers &members);

#endif // QGRAPHQLRESULT_P_H
