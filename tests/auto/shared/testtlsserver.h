// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef TESTTLSSERVER_H
#define TESTTLSSERVER_H

#include "testhttpserver.h"

#include <QtCore/qprocess.h>
#include <QtCore/qstandardpaths.h>
#include <QtCore/qtemporarydir.h>
#include <QtNetwork/qsslcertificate.h>
#include <QtNetwork/qsslkey.h>
#include <QtNetwork/qsslsocket.h>

// A self-signed certificate for 127.0.0.1, made now in dir (cert.pem, key.pem): nothing
// secret lives in the repository. False if openssl is missing or fails.
inline bool makeTestCertificate(const QTemporaryDir &dir, QSslCertificate *certificate,
                                QSslKey *key)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return false;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                    QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                    QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem")) });
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return false;
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    *certificate = QSslCertificate(&certFile, QSsl::Pem);
    *key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
    return !certificate->isNull() && !key->isNull();
}

// A TestHttpServer that speaks TLS: each accepted socket is a QSslSocket in server mode.
class TlsTestHttpServer : public TestHttpServer
{
public:
    TlsTestHttpServer(const QSslCertificate &certificate, const QSslKey &key, Handler handler = {},
                      const QHostAddress &address = QHostAddress::LocalHost)
        : TestHttpServer(std::move(handler), address), m_certificate(certificate), m_key(key)
    {
        setUrlScheme(QStringLiteral("https"));
    }
    int encrypted = 0; // handshakes that completed

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        QObject::connect(socket, &QSslSocket::encrypted, this, [this] { ++encrypted; });
        addPendingConnection(socket);
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

#endif // TESTTLSSERVER_H
