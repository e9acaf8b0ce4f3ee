// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLHTTPCREDENTIALS_P_H
#define QGRAPHQLHTTPCREDENTIALS_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qurl.h>

QT_BEGIN_NAMESPACE
class QNetworkRequest;
QT_END_NAMESPACE

// The credential policy, in one place: which headers carry credentials (never sent to
// another origin after a redirect, never written to a log) and what counts as one origin.
namespace QGraphQLHttpCredentials {

//! Authorization, Proxy-Authorization, Cookie and Set-Cookie, in any case.
QGRAPHQL_AUTOTEST_EXPORT bool isCredentialHeader(QByteArrayView name);
//! Same scheme, host and port (default ports filled in).
QGRAPHQL_AUTOTEST_EXPORT bool isSameOrigin(const QUrl &a, const QUrl &b);
//! "Name: value; " for each header of \a request, credentials as "<redacted>", for debug logs.
QGRAPHQL_AUTOTEST_EXPORT QByteArray redactedHeaders(const QNetworkRequest &request);

} // namespace QGraphQLHttpCredentials

#endif // QGRAPHQLHTTPCREDENTIALS_P_H
