// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef NETSCAPECOOKIEJAR_H
#define NETSCAPECOOKIEJAR_H

#include <QtNetwork/qnetworkcookiejar.h>

//! A cookie jar that loads and saves the Netscape cookies.txt format that curl, wget and
//! browsers' export tools share: one cookie per line,
//! domain TAB include-subdomains TAB path TAB secure TAB expires TAB name TAB value,
//! with "#HttpOnly_" before the domain of an HttpOnly cookie and 0 as the expiry of a
//! session cookie.
class NetscapeCookieJar : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;

    //! A missing file is an empty jar, not an error.
    bool load(const QString &path, QString *errorMessage);
    //! Writes every cookie that has not expired, session cookies included.
    bool save(const QString &path, QString *errorMessage) const;

    static QList<QNetworkCookie> parse(const QByteArray &text);
    static QByteArray serialize(const QList<QNetworkCookie> &cookies);
};

#endif // NETSCAPECOOKIEJAR_H
