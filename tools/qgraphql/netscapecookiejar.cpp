// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "netscapecookiejar.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qfile.h>
#include <QtCore/qsavefile.h>
#include <QtNetwork/qnetworkcookie.h>

using namespace Qt::StringLiterals;

namespace {
constexpr char HttpOnlyPrefix[] = "#HttpOnly_";
} // namespace

QList<QNetworkCookie> NetscapeCookieJar::parse(const QByteArray &text)
{
    QList<QNetworkCookie> cookies;
    const QList<QByteArray> lines = text.split('\n');
    for (QByteArray line : lines) {
        line = line.trimmed();
        bool httpOnly = false;
        if (line.startsWith(HttpOnlyPrefix)) {
            httpOnly = true;
            line = line.mid(qstrlen(HttpOnlyPrefix));
        } else if (line.isEmpty() || line.startsWith('#')) {
            continue;
        }
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() < 6 || fields.size() > 7)
            continue; // not a cookie line; curl skips these too
        QNetworkCookie cookie(fields.at(5), fields.size() == 7 ? fields.at(6) : QByteArray());
        QString domain = QString::fromLatin1(fields.at(0));
        // In Qt, a leading dot marks a cookie that also applies to subdomains.
        const bool includeSubdomains = fields.at(1).compare("TRUE", Qt::CaseInsensitive) == 0;
        if (includeSubdomains && !domain.startsWith(u'.'))
            domain.prepend(u'.');
        else if (!includeSubdomains && domain.startsWith(u'.'))
            domain.remove(0, 1);
        cookie.setDomain(domain);
        cookie.setPath(QString::fromLatin1(fields.at(2)));
        cookie.setSecure(fields.at(3).compare("TRUE", Qt::CaseInsensitive) == 0);
        const qint64 expires = fields.at(4).toLongLong();
        if (expires > 0)
            cookie.setExpirationDate(QDateTime::fromSecsSinceEpoch(expires, Qt::UTC));
        cookie.setHttpOnly(httpOnly);
        cookies.append(cookie);
    }
    return cookies;
}

QByteArray NetscapeCookieJar::serialize(const QList<QNetworkCookie> &cookies)
{
    QByteArray text = "# Netscape HTTP Cookie File\n"
                      "# Written by qgraphql; curl reads it with -b and writes it with -c.\n\n";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QNetworkCookie &cookie : cookies) {
        if (!cookie.isSessionCookie() && cookie.expirationDate() <= now)
            continue;
        const QString domain = cookie.domain();
        const bool includeSubdomains = domain.startsWith(u'.');
        if (cookie.isHttpOnly())
            text += HttpOnlyPrefix;
        text += domain.toLatin1() + '\t' + (includeSubdomains ? "TRUE" : "FALSE") + '\t'
                + (cookie.path().isEmpty() ? "/"_ba : cookie.path().toLatin1()) + '\t'
                + (cookie.isSecure() ? "TRUE" : "FALSE") + '\t'
                + QByteArray::number(
                        cookie.isSessionCookie() ? 0 : cookie.expirationDate().toSecsSinceEpoch())
                + '\t' + cookie.name() + '\t' + cookie.value() + '\n';
    }
    return text;
}

bool NetscapeCookieJar::load(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = u"cannot read the cookie jar \"%1\": %2"_s.arg(path, file.errorString());
        return false;
    }
    setAllCookies(parse(file.readAll()));
    return true;
}

bool NetscapeCookieJar::save(const QString &path, QString *errorMessage) const
{
    // Session tokens: readable by the owner only, as a browser profile would be. The file is
    // made 0600 before any cookie is written to it (QSaveFile writes a new file and renames
    // it over the jar, so the mode of the new file is what counts), whatever the umask.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(serialize(allCookies())) < 0 || !file.commit()) {
        *errorMessage = u"cannot write the cookie jar \"%1\": %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}
