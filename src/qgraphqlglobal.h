// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLGLOBAL_H
#define QGRAPHQLGLOBAL_H

#include <QtCore/qglobal.h>

#if defined(QGRAPHQL_STATIC)
#define QGRAPHQL_EXPORT
#elif defined(QGRAPHQL_BUILD_LIBRARY)
#define QGRAPHQL_EXPORT Q_DECL_EXPORT
#else
#define QGRAPHQL_EXPORT Q_DECL_IMPORT
#endif

#endif // QGRAPHQLGLOBAL_H
