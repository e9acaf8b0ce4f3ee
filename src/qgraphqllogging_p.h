// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLLOGGING_P_H
#define QGRAPHQLLOGGING_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QtCore/qloggingcategory.h>

Q_DECLARE_LOGGING_CATEGORY(lcGraphQLTransport) // qgraphql.transport
Q_DECLARE_LOGGING_CATEGORY(lcGraphQLStream) // qgraphql.stream

#endif // QGRAPHQLLOGGING_P_H
