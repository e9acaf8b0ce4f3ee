// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef CLINETWORKACCESSMANAGER_H
#define CLINETWORKACCESSMANAGER_H

#include <QtNetwork/qnetworkaccessmanager.h>

//! The manager the command line's transport uses: with verbose set, it prints every request's
//! line and headers ("> ") and every response's status line and headers ("< ") on stderr, as
//! curl -v does, with credential headers shown as <redacted>.
class CliNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit CliNetworkAccessManager(bool verbose, QObject *parent = nullptr);

    //! Authorization, Proxy-Authorization, Cookie and Set-Cookie: never printed.
    static bool isCredentialHeader(const QByteArray &name);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    void printRequest(Operation op, QNetworkReply *reply);
    static void printResponse(QNetworkReply *reply);

    bool m_verbose = false;
};

#endif // CLINETWORKACCESSMANAGER_H
