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

// Private classes are exported only for the tests, as Qt's Q_AUTOTEST_EXPORT: a build with
// QGRAPHQL_BUILD_AUTOTEST_EXPORTS (tests, benchmarks) exports them, an installed library does not.
#if defined(QGRAPHQL_BUILD_AUTOTEST_EXPORTS)
#define QGRAPHQL_AUTOTEST_EXPORT QGRAPHQL_EXPORT
#else
#define QGRAPHQL_AUTOTEST_EXPORT
#endif

namespace QGraphQL {
//! The default limit on one message of a response: a multipart part, a Server-Sent Event or a
//! JSON body (32 MiB). QGraphQLTransport::maxPartSize() starts here.
inline constexpr qint64 DefaultMaxPartSize = 32 * 1024 * 1024;
} // namespace QGraphQL

#endif // QGRAPHQLGLOBAL_H
