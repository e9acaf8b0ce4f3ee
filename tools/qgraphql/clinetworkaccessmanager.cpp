// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "clinetworkaccessmanager.h"

#include <QtNetwork/qnetworkreply.h>

#include <cstdio>

namespace {

void writeStderr(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

QByteArray headerLine(char direction, const QByteArray &name, const QByteArray &value)
{
    return direction + QByteArray(" ") + name + ": "
            + (CliNetworkAccessManager::isCredentialHeader(name) ? QByteArray("<redacted>") : value)
            + '\n';
}

QByteArray methodName(QNetworkAccessManager::Operation op, const QNetworkRequest &request)
{
    switch (op) {
    case QNetworkAccessManager::HeadOperation:
        return "HEAD";
    case QNetworkAccessManager::GetOperation:
        return "GET";
    case QNetworkAccessManager::PutOperation:
        return "PUT";
    case QNetworkAccessManager::PostOperation:
        return "POST";
    case QNetworkAccessManager::DeleteOperation:
        return "DELETE";
    case QNetworkAccessManager::CustomOperation:
        return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    case QNetworkAccessManager::UnknownOperation:
        break;
    }
    return "?";
}

} // namespace

CliNetworkAccessManager::CliNetworkAccessManager(bool verbose, QObject *parent)
    : QNetworkAccessManager(parent), m_verbose(verbose)
{ }

bool CliNetworkAccessManager::isCredentialHeader(const QByteArray &name)
{
    for (const char *credential :
         { "authorization", "proxy-authorization", "cookie", "set-cookie" }) {
        if (name.compare(credential, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QNetworkReply *CliNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                      QIODevice *outgoingData)
{
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    if (m_verbose && reply) {
        printRequest(op, reply); // the reply's request has the cookie jar's cookies added
        connect(reply, &QNetworkReply::metaDataChanged, reply, [reply] { printResponse(reply); });
    }
    return reply;
}

void CliNetworkAccessManager::printRequest(Operation op, QNetworkReply *reply)
{
    const QNetworkRequest request = reply->request();
    const QUrl url = request.url();
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray text = "> " + methodName(op, request) + ' ' + path + " HTTP/1.1\n";
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    text += headerLine('>', "Host", host);
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        text += headerLine('>', name, request.rawHeader(name));
    writeStderr(text + ">\n");
}

void CliNetworkAccessManager::printResponse(QNetworkReply *reply)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || reply->property("qgraphql_printed").toBool())
        return;
    reply->setProperty("qgraphql_printed", true);
    const bool http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    QByteArray text = "< " + QByteArray(http2 ? "HTTP/2 " : "HTTP/1.1 ")
            + QByteArray::number(status.toInt()) + ' '
            + reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    text = text.trimmed() + '\n';
    const auto headers = reply->rawHeaderPairs();
    for (const auto &[name, value] : headers) {
        // Qt joins repeated headers with newlines (Set-Cookie): one line each.
        const QList<QByteArray> values = value.split('\n');
        for (const QByteArray &single : values)
            text += headerLine('<', name, single);
    }
    writeStderr(text + "<\n");
}
