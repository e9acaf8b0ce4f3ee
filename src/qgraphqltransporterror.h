// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLTRANSPORTERROR_H
#define QGRAPHQLTRANSPORTERROR_H

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>

#include <QtCore/qmetatype.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>
#include <QtNetwork/qnetworkreply.h>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

class QGraphQLTransportErrorPrivate;

//! Why an operation ended without completing: the one failure value of the transport.
//! GraphQL errors inside results are QGraphQLError and do not end an operation.
class QGRAPHQL_EXPORT QGraphQLTransportError
{
    Q_GADGET
    Q_PROPERTY(Kind kind READ kind)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(int httpStatusCode READ httpStatusCode)

public:
    enum Kind {
        NoError,
        //! The connection failed: refused, DNS, TLS, reset, or the stream ended early.
        NetworkError,
        //! The server answered with HTTP status >= 400; httpStatusCode() tells which.
        HttpStatusError,
        //! The response broke the protocol: unexpected content type, malformed multipart
        //! framing, invalid JSON or UTF-8, a part larger than the limit, not a GraphQL response.
        ProtocolError,
        //! The server reported a fatal transport-level error (top-level "errors" in a
        //! subscription stream); result().errors() holds them.
        ServerError,
        //! The request timeout or the heartbeat timeout expired.
        Timeout,
        //! The operation was cancelled by the application.
        Cancelled,
    };
    Q_ENUM(Kind)

    QGraphQLTransportError();
    QGraphQLTransportError(Kind kind, const QString &message);
    QGraphQLTransportError(const QGraphQLTransportError &other);
    QGraphQLTransportError &operator=(const QGraphQLTransportError &other);
    QGraphQLTransportError(QGraphQLTransportError &&other) noexcept;
    QGraphQLTransportError &operator=(QGraphQLTransportError &&other) noexcept;
    ~QGraphQLTransportError();

    void swap(QGraphQLTransportError &other) noexcept { d.swap(other.d); }

    Kind kind() const;
    bool isError() const { return kind() != NoError; }

    //! A readable sentence naming the cause: the status and reason, the unexpected content
    //! type, what was malformed and where, or the server's messages.
    QString message() const;

    //! The HTTP status of the response, or 0 when none was received.
    int httpStatusCode() const;
    void setHttpStatusCode(int code);

    //! The standard reason phrase of an HTTP status, "Not Found" for 404, or an empty string
    //! for a status it does not name. For messages when the response carried none (HTTP/2).
    static QString httpReasonPhrase(int statusCode);

    //! The QNetworkReply error behind a NetworkError (or an HTTP error), else NoError.
    QNetworkReply::NetworkError networkError() const;
    void setNetworkError(QNetworkReply::NetworkError error);

    //! The GraphQL response that came with the failure, if any: the body of an HTTP error
    //! response when it is a GraphQL response, or the server's errors for a ServerError.
    QGraphQLResult result() const;
    void setResult(const QGraphQLResult &result);

    bool operator==(const QGraphQLTransportError &other) const;
    bool operator!=(const QGraphQLTransportError &other) const { return !(*this == other); }

private:
    QSharedDataPointer<QGraphQLTransportErrorPrivate> d;
};

Q_DECLARE_SHARED(QGraphQLTransportError)
Q_DECLARE_METATYPE(QGraphQLTransportError)

QGRAPHQL_EXPORT QDebug operator<<(QDebug debug, const QGraphQLTransportError &error);

#endif // QGRAPHQLTRANSPORTERROR_H
