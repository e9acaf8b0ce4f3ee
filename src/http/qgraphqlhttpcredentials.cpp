// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlhttpcredentials_p.h"

#include <QtNetwork/qnetworkrequest.h>

using namespace Qt::StringLiterals;

namespace QGraphQLHttpCredentials {

bool isCredentialHeader(QByteArrayView name)
{
    static constexpr QByteArrayView credentialHeaders[]
            = { "authorization", "proxy-authorization", "cookie", "set-cookie" };
    for (QByteArrayView header : credentialHeaders) {
        if (name.compare(header, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.scheme() == "https"_L1 ? 443 : 80;
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
            && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
            && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QByteArray redactedHeaders(const QNetworkRequest &request)
{
    QByteArray out;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names) {
        out += name + ": " + (isCredentialHeader(name) ? "<redacted>"_ba : request.rawHeader(name))
                + "; ";
    }
    return out;
}

} // namespace QGraphQLHttpCredentials
