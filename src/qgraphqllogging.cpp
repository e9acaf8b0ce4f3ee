// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqllogging_p.h"

Q_LOGGING_CATEGORY(lcGraphQLTransport, "qgraphql.transport", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGraphQLStream, "qgraphql.stream", QtWarningMsg)
