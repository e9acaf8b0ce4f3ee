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

//! A result whose source of truth is \a response (an object node over the server's text, or
//! a merged tree of such nodes) and, for an incremental step, its raw "incremental" items.
QGRAPHQL_AUTOTEST_EXPORT QGraphQLResult qgraphqlResultFromJsonNode(
        const QGraphQLJsonNode &response, const QGraphQLJsonNode &incremental = {});

#endif // QGRAPHQLRESULT_P_H
